"""Quality gate: timelines on T17 against the gold timelines, scored with tilse (align+ m:1 ROUGE, date F1).

Runs six of the 18 T17 gold timelines with articles (two easy, four hard:
bpoil_bbc, haiti_bbc, LibyaWar_reuters, MJ_bbc, H1N1_reuters,
SyrianCrisis_bbc) with the protocol of ``bench/eval_timelines.py`` (input =
articles published within the gold span, dates and sentences per date from
the gold, topic keywords as query) and the shipped date weights. Those three
weights were fitted on all of T17, so this slice is not held out: the bench
reports the leave-one-topic-out numbers. Measured on this slice: AR-1 F .103,
AR-2 F .034, date F1 .503; the floors sit a little under. Raise them when the
timeline gets better.

Needs ../shared/datasets/t17 and tilse (the ``bench`` extra); skipped otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FOLDERS = ["bpoil_bbc", "haiti_bbc", "LibyaWar_reuters", "MJ_bbc", "H1N1_reuters", "SyrianCrisis_bbc"]
FLOORS = {"r1": 0.095, "r2": 0.030, "date": 0.48}

pytestmark = pytest.mark.skipif(not (REPO.parent / "shared" / "datasets" / "t17").exists(),
                                reason="../shared/datasets/t17 is absent (a user's clone has no shared datasets)")


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    pytest.importorskip("tilse", reason="tilse (pip install -e '.[bench]') scores the timelines")
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
    import eval_timelines

    return eval_timelines.score_slice(FOLDERS)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_t17_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} {scores[metric]:.3f} < floor {FLOORS[metric]}"
