"""Fast searches for big case-insensitive alternations (cue verbs, number words).

Python's ``re`` tries a case-insensitive alternation that opens with a look-behind or a word
boundary at every position of the text. The same alternation, case-sensitive and without its
opening assertion, runs over the lower-cased text with ``re``'s first-character scan; each hit is
then checked with the original pattern at that position of the original text, and a failed check
resumes one character later. The matches, match objects and order are those of the original
pattern (the lower-cased text must keep the length of the text, else the original runs alone).
"""

from __future__ import annotations

import re


def lowered(text: str) -> str | None:
    """``text`` in lower case when that keeps every offset, else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


def search(pattern: re.Pattern, prefilter: re.Pattern, text: str, low: str | None, pos: int = 0,
           endpos: int | None = None) -> re.Match | None:
    """``pattern.search(text, pos, endpos)``, sped up by ``prefilter`` over ``low`` (see the module notes).

    ``prefilter`` must match, on the lower-cased text, wherever ``pattern`` matches the text."""
    end = len(text) if endpos is None else endpos
    if low is None:
        return pattern.search(text, pos, end)
    while True:
        hit = prefilter.search(low, pos, end)
        if hit is None:
            return None
        m = pattern.match(text, hit.start(), end)
        if m is not None:
            return m
        pos = hit.start() + 1


def finditer(pattern: re.Pattern, prefilter: re.Pattern, text: str, low: str | None, pos: int = 0,
             endpos: int | None = None):
    """``pattern.finditer(text, pos, endpos)`` for a pattern that never matches the empty string."""
    while (m := search(pattern, prefilter, text, low, pos, endpos)) is not None:
        yield m
        pos = m.end()
