"""Quality gate: PER / ORG / LOC on the CoNLL-2003 test set, ours vs plain spaCy in the same run.

Scored by ``bench/eval_entities.py`` (entity-level exact match after mapping spaCy labels:
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC). The floors sit a little under what
``find_mentions`` reaches; ours must also beat the plain model on every type. The corpus lives in
``../shared/datasets/conll2003`` (never copied into the repo); the test is skipped without it.
"""

from __future__ import annotations

from tests.conftest import shared_dataset

# measured 2026-11-22 (plain spaCy: PER .670, ORG .353, LOC .756, all .605)
FLOORS = {"PER": 0.69, "ORG": 0.38, "LOC": 0.76, "all": 0.63}


def test_conll_entity_gate():
    shared_dataset("conll2003")
    from bench import eval_entities

    result, _confusions, n = eval_entities.evaluate("test")
    assert n == 231
    for kind, floor in FLOORS.items():
        ours, plain = result["ours"][kind], result["plain"][kind]
        assert ours[2] >= floor, (kind, ours, plain)
        assert ours[2] > plain[2], (kind, ours, plain)
