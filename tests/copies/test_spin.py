"""The spin generator is a pure function of (text, seed, recipe[, host]) and grades its strength."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.copies.common import containment, shingle_set  # noqa: E402
from bench.copies.spin import RECIPES, spin  # noqa: E402

# written for this test: a made-up report, not taken from any corpus
TEXT = " ".join([
    "Officials said on Tuesday that at least 40 people were killed when a storm hit the coastal town of Marlowe.",
    "The government has sent soldiers and doctors to help residents, and aid groups warned that the number of "
    "deaths could rise.",
    "Mayor Ellen Brightwater told reporters the damage was the worst the area had seen in years.",
    "Hundreds of families fled their homes, while police closed the main road into the city.",
    "The storm is expected to weaken later this week, the national weather service said.",
    "Engineers began to inspect the damaged bridge, which links the town to the regional capital.",
    "Local businesses said they would need months to recover from the disaster.",
    "The president promised more money for the recovery effort during a visit on Wednesday.",
])
HOST = " ".join(f"Sentence {i} of a different article about a local council budget and its new library plans."
                for i in range(12))


def test_spin_is_deterministic():
    for name in RECIPES:
        assert spin(TEXT, 7, name, host=HOST) == spin(TEXT, 7, name, host=HOST)
    assert spin(TEXT, 7, "rewrite_realistic") != spin(TEXT, 8, "rewrite_realistic")


def test_strength_orders_overlap():
    src = shingle_set(TEXT)

    def kept(name):
        return sum(containment(src, shingle_set(spin(TEXT, s, name))) for s in range(5)) / 5

    assert kept("exact") == 1.0
    assert kept("near_light") > kept("rewrite_light") > kept("rewrite_realistic") > kept("rewrite_heavy")


def test_partial_embeds_a_block_in_the_host():
    out = spin(TEXT, 3, "partial_light", host=HOST)
    assert containment(shingle_set(HOST), shingle_set(out)) > 0.9
    assert 0.2 < containment(shingle_set(TEXT), shingle_set(out)) < 1.0
