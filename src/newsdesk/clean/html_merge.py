"""Choose between two body candidates: trafilatura's and the density pass's.

The two extractors fail differently. trafilatura is precise but sometimes
keeps one section of a body the site split over several containers, or drops
a body it takes for boilerplate (a paywall wrapper). The density pass finds
such bodies but, left alone, is a little less selective. The rule:

* one side empty: take the other;
* trafilatura's text is short in absolute terms (under ``SHORT_BODY``
  characters: a paywall notice, a caption) and under ``TOO_SHORT`` of the
  density text: take the density text. A short article found by trafilatura
  next to a long density text (a teaser list) is kept;
* the density text contains most of trafilatura's (``CONTAINS`` of its
  shingles) and is clearly longer (``LONGER``): trafilatura kept a part of a
  split body, take the density text;
* otherwise trafilatura's text.

The mirror rule (density text a part of a longer trafilatura text: take the
density text, as if trafilatura had added surroundings) was tried and dropped:
it helped on AEB news pages (+.005 F1) but cut recall on the blogs and
non-news pages of trafilatura's own evaluation set (snippet F1 .919 -> .906),
where the longer text is usually the real body.
"""

from __future__ import annotations

import re
from collections import Counter

TOO_SHORT = 0.3
SHORT_BODY = 500
CONTAINS = 0.8
LONGER = 1.3

_TOKEN = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def containment(part: Counter, whole: Counter) -> float:
    """Share of ``part``'s shingles that also occur in ``whole``."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def choose(traf: str, dens: str) -> tuple[str, str]:
    """Return the chosen body and which rule chose it (for debugging and tests)."""
    if not dens:
        return traf, "trafilatura:only"
    if not traf or len(traf) < SHORT_BODY and len(traf) < TOO_SHORT * len(dens):
        return dens, "density:trafilatura-short"
    if len(dens) <= LONGER * len(traf):
        return traf, "trafilatura"
    if containment(_shingles(traf), _shingles(dens)) > CONTAINS:
        return dens, "density:superset"
    return traf, "trafilatura"
