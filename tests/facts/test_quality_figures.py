"""Quality gate: casualty counts on FA-KES (804 Syrian-war articles with crowd counts).

From the figures ``find_figures`` extracts, ``bench/eval_figures.py`` derives per
article the count of civilians, children, women and non-civilians killed (the
first killed figure of each category; rule in its docstring) and scores exact
matches against the crowd counts. The rules were developed on the even unit_ids;
the odd ones are held out. Floors sit a little under what was measured
(``python bench/eval_figures.py``). The corpus lives outside the repo and is
never copied into it; the test is skipped when it is absent.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT, shared_dataset

# measured: civilians on nonzero gold .788 (even .825, odd .750); children .724; women .486; non-civilians .711;
# a naive "digits next to killed" rule reaches .465 on civilians (same run)
FLOORS = {
    ("all", "civilians", "nonzero"): 0.77,
    ("even", "civilians", "nonzero"): 0.80,
    ("odd", "civilians", "nonzero"): 0.72,
    ("all", "civilians", "all"): 0.73,
    ("all", "children", "nonzero"): 0.69,
    ("all", "women", "nonzero"): 0.40,
    ("all", "noncivilians", "nonzero"): 0.68,
    ("all", "noncivilians", "all"): 0.84,
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
