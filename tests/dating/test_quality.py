"""Quality gate: publication dates on htmldate-eval (1000 gold pages).

Pins the accuracy and the number of invented dates measured in round two
(accuracy .929, 45 invented; tune/even half .922, held-out/odd half .936;
htmldate 1.11 extensive .903 / 91 in the same run), with a small margin, and
the date accuracy of ``date_text`` on the example corpus text dumps (all 21
dated ones right and the 2 undated ones left undated, with a per-outlet
``slash_order``). The corpus lives outside the repo (``../shared/datasets``)
and is never copied into it; the test is skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO.parent / "shared" / "datasets"
TARBALL = DATASETS / "htmldate-eval" / "htmldate-eval.tar.gz"

MIN_ACCURACY = 0.92
MIN_ACCURACY_HELD_OUT = 0.925  # odd half of the URL-sorted list: the weights never saw it
MAX_INVENTED = 50


def _bench():
    spec = importlib.util.spec_from_file_location("eval_dates", REPO / "bench" / "eval_dates.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_dates", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not TARBALL.exists(), reason=f"htmldate-eval not available at {TARBALL}")
def test_htmldate_eval_gate():
    bench = _bench()
    pages = bench.load_pages(bench.unpack(TARBALL, REPO / "bench" / ".cache"))
    assert len(pages) == 1000
    score, held_out = bench.Score(), bench.Score()
    for index, page in enumerate(pages):
        output = bench.run_ours(page.path.read_bytes(), None)
        score.add(output, page.gold)
        if index % 2:
            held_out.add(output, page.gold)
    accuracy = score.correct / score.total
    assert accuracy >= MIN_ACCURACY, score.line()
    assert score.invented <= MAX_INVENTED, score.line()
    assert held_out.correct / held_out.total >= MIN_ACCURACY_HELD_OUT, held_out.line()


def test_example_corpus_text_dates():
    bench = _bench()
    score = bench.eval_text_corpus(REPO / "examples")
    assert score.total == 23  # 21 dated documents and 2 without a publication date
    assert score.correct >= 20, score.line()  # measured: all 21
    assert score.invented == 0, score.line()  # so the 2 undated ones stay undated
