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
* one side contains most of the other (``CONTAINS`` of its shingles) and is
  clearly longer (``LONGER``): trafilatura kept a part, take the density text;
  the density text is a part of a longer trafilatura text: trafilatura added
  surroundings, take the density text;
* otherwise trafilatura's text.
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
    t, d = _shingles(traf), _shingles(dens)
    if len(dens) > LONGER * len(traf) and containment(t, d) > CONTAINS:
        return dens, "density:superset"
    if len(traf) > LONGER * len(dens) and containment(d, t) > CONTAINS:
        return dens, "density:subset"
    return traf, "trafilatura"
