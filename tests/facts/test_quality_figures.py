"""Quality gate: casualty counts on FA-KES (804 Syrian-war articles with crowd counts).

From the figures ``find_figures`` extracts, ``bench/eval_figures.py`` derives per
article the count of civilians, children, women and non-civilians killed (rules in
``bench/eval_figures_counts.py``) and scores exact matches against the crowd
counts. The rules were developed on the even unit_ids; the odd ones are held
out. Floors sit a little under what was measured
(``python bench/eval_figures.py``). The corpus lives outside the repo and is
never copied into it; the test is skipped when it is absent.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT, shared_dataset

# measured (python bench/eval_figures.py): civilians on nonzero gold .831 (even .874, odd .787), all articles .799;
# children .829 (all articles .871); women .730 (.932); non-civilians .720 (.852); a naive "digits next to killed"
# rule reaches .465 on civilians (same run). The crowd's published civilian count equals the annotator's typed
# answer for .878 of matched articles, so exact match much above that is not to be expected.
FLOORS = {
    ("all", "civilians", "nonzero"): 0.81,
    ("even", "civilians", "nonzero"): 0.85,
    ("odd", "civilians", "nonzero"): 0.76,
    ("all", "civilians", "all"): 0.78,
    ("all", "children", "nonzero"): 0.80,
    ("all", "children", "all"): 0.85,
    ("all", "women", "nonzero"): 0.67,
    ("all", "women", "all"): 0.91,
    ("all", "noncivilians", "nonzero"): 0.70,
    ("all", "noncivilians", "all"): 0.83,
}


def _bench():
    spec = importlib.util.spec_from_file_location("eval_figures", ROOT / "bench" / "eval_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    path = shared_dataset("fa-kes") / "fakes.csv"
    bench = _bench()
    return bench.evaluate(bench.load(path))["scores"]


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_fakes_exact_match_floor(scores, key):
    accuracy, n = scores[key]
    assert n > 0
    assert accuracy >= FLOORS[key], f"{key}: {accuracy:.3f} < floor {FLOORS[key]}"


@pytest.mark.parametrize(("text", "expected"), [
    # (civilians, children, women, non-civilians) derived from invented articles
    ("Air strikes killed at least 20 people including 13 civilians, a monitor said.", (13, 0, 0, 0)),
    ("The blast killed 15 people, including five policemen.", (10, 0, 0, 5)),
    ("Raids kill 22 in the north. Six civilians including a child were among at least 22 people killed.",
     (6, 1, 0, 0)),
    ("A woman and nine children were killed when the shell hit the house.", (10, 9, 1, 0)),
    ("Army kills 15 in ambush. The army said it killed 15 terrorists near the border.", (0, 0, 0, 15)),
    ("The war has killed more than 300,000 people. A child was killed on Monday.", (1, 1, 0, 0)),
])
def test_counts_derived_from_invented_articles(text, expected):
    bench = _bench()
    counts = bench.derive_counts(bench.find_figures(text, "a1", None), text)
    assert tuple(counts[c] for c in ("civilians", "children", "women", "noncivilians")) == expected
