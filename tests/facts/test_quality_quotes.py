"""Quality gate: quotes and speakers on PolNeAR (dev, and the first 120 train articles).

Scored by ``bench/eval_quotes.py`` (lenient match: token-overlap F1 >= 0.5, one-to-one; speaker
right when the predicted speaker phrase overlaps the gold source or names the same person). The
floors sit a little under what the rules reach (see MEASURED). The corpus lives outside the repo
(``../shared/datasets/polnear``) and is never copied into it; the test is skipped when it is
absent. spaCy Docs are cached in bench/.cache/nlp, so only the first run parses.
"""

from __future__ import annotations

import pytest

from tests.conftest import shared_dataset

# measured 2026-11-22 (session 3), spaCy en_core_web_sm 3.8; the gate runs the pipeline the stage ships
# ("ner": NER on name windows), which scores dev exactly as the full pipeline does; whole train: direct .903 (P .918 R .889), speaker .914,
# indirect .716 (P .823 R .634). Session 4, windows of margin 2 (python bench/eval_quotes.py --components ner):
# the same except whole-train speaker .913 and train120 speaker .907. Before this session's rules: dev .887 / .895 / .723, train120
# .853 / .870 / .695.
MEASURED = {"dev": {"direct": 0.908, "speaker": 0.908, "indirect": 0.756},
            "train120": {"direct": 0.873, "speaker": 0.909, "indirect": 0.718}}
FLOORS = {
    "dev": {"direct": 0.895, "speaker": 0.895, "indirect": 0.745},
    "train120": {"direct": 0.86, "speaker": 0.895, "indirect": 0.705},
}


@pytest.fixture(scope="module")
def scores():
    shared_dataset("polnear")
    from bench import eval_quotes
    from newsdesk.facts.nlp import load_nlp

    nlp = load_nlp("ner")
    out = {}
    for name, split, limit in (("dev", "dev", None), ("train120", "train", 120)):
        direct, indirect, _secs, _n = eval_quotes.run_split(split, limit, "ner", nlp)
        out[name] = (direct, indirect)
    return out


@pytest.mark.parametrize("name", ["dev", "train120"])
def test_polnear_quote_gate(scores, name):
    direct, indirect = scores[name]
    floors = FLOORS[name]
    assert direct.prf()[2] >= floors["direct"], direct.row(name)
    assert direct.speaker_ok / direct.speaker_total >= floors["speaker"], direct.row(name)
    assert indirect.prf()[2] >= floors["indirect"], indirect.row(name)
    assert direct.prf()[0] >= 0.87, direct.row(name)  # few scare quotes and titles taken for quotes
