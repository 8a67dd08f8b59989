"""One name per outlet: fold the variants a pile uses for the same outlet.

A folder says ``valley_herald``, a JSONL field ``Tessel Valley Herald``, a feed
title ``ENB News - Top Stories``, a URL ``dailycourier.example``. Independent-
outlet counts are only right when these fold into one name. The rule is
conservative: a short form joins a fuller one only when exactly one fuller
form contains all its words (or its domain label spells them).
"""

from __future__ import annotations

import re
from typing import Iterable

_SECTION = re.compile(r"\s+[-|\u2013\u2014:]\s+.*$")
_WORD = re.compile(r"[a-z0-9]+")


def _words(name: str) -> tuple[str, ...]:
    words = _WORD.findall(name.casefold())
    return tuple(w for w in words if w != "the") or tuple(words)


def _is_domain(name: str) -> bool:
    return " " not in name.strip() and "." in name


def _base(name: str) -> str:
    """The outlet part of a feed title or a domain."""
    name = name.strip()
    if _is_domain(name):
        host = re.sub(r"^(www\d?|m|amp)\.", "", name.casefold())
        return host.split(".")[0]
    stripped = _SECTION.sub("", name)
    return stripped if len(stripped) >= 2 else name


def canonical_outlets(names: Iterable[str]) -> dict[str, str]:
    """Map every given name to the fullest variant of its outlet (itself if none)."""
    names = sorted({n for n in names if n and n.strip()})
    full = [n for n in names if not _is_domain(n)]
    out: dict[str, str] = {}
    for n in names:
        b = _base(n)
        w = set(_words(b))
        squashed = "".join(_words(b))
        fuller = []
        for m in full:
            if m == n:
                continue
            mw = _words(_base(m))
            msq = "".join(mw)
            if (w and w < set(mw)) or (_is_domain(n) and _spells(squashed, mw)) \
                    or (w == set(mw) and len(m) > len(n)) \
                    or (len(squashed) >= 4 and msq.startswith(squashed) and msq[len(squashed):].isdigit()):
                fuller.append(m)
        # the fullest forms that are not themselves contained in another candidate
        tops = {_preferred(m, fuller) for m in fuller}
        if len(tops) == 1:
            out[n] = tops.pop()
        else:
            out[n] = _base(n) if not _is_domain(n) and b != n and len(tops) == 0 else n
    return out


def _spells(label: str, words: tuple[str, ...]) -> bool:
    """Does a domain label spell the name, or an in-order choice of two or more of its words?"""
    from itertools import combinations

    if label in ("".join(words), "the" + "".join(words)):
        return True
    return any("".join(c) == label for k in range(2, len(words)) for c in combinations(words, k))


def _preferred(m: str, pool: list[str]) -> str:
    """Among variants with the same words, the longest (then alphabetically first) spelling."""
    mw = set(_words(_base(m)))
    same = [x for x in pool if set(_words(_base(x))) >= mw]
    return max(same, key=lambda x: (len(set(_words(_base(x)))), len(x), x)) if same else m
