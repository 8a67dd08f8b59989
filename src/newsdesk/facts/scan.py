"""Fast searches for big case-insensitive alternations (cue verbs, number words).

Python's ``re`` tries such an alternation, opening with a look-behind or a word boundary, at
every position of the text. A :class:`Starts` instead lists once per article where a match can
start: the words of the lower-cased text that may open one (``first(word)``, asked once per
distinct word) and, if asked, every digit; ``search`` then tries the original pattern at those
positions only. The matches, match objects and order are those of ``pattern.search`` over the
text, provided every match starts at a digit or at a word ``first`` accepts. When lower-casing
changes the text's length, the original pattern runs alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable, Iterator

_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


class Starts:
    """Where in ``text`` a pattern may start: words ``first`` accepts, and digits when ``digits``."""

    __slots__ = ("text", "at")

    def __init__(self, text: str, first: Callable[[str], bool], digits: bool = False) -> None:
        self.text = text
        low = text.lower()
        self.at: list[int] | None = None
        if len(low) != len(text):
            return
        seen: dict[str, bool] = {}
        at = []
        for m in _WORD.finditer(low):
            word = m.group()
            ok = seen.get(word)
            if ok is None:
                ok = seen[word] = first(word)
            if ok:
                at.append(m.start())
        if digits:
            at = sorted(at + [m.start() for m in _DIGIT.finditer(text)])
        self.at = at

    def search(self, pattern: re.Pattern, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """``pattern.search(self.text, pos, endpos)``."""
        end = len(self.text) if endpos is None else endpos
        if self.at is None:
            return pattern.search(self.text, pos, end)
        at = self.at
        for k in range(bisect_left(at, pos), len(at)):
            if at[k] >= end:
                return None
            m = pattern.match(self.text, at[k], end)
            if m is not None:
                return m
        return None

    def finditer(self, pattern: re.Pattern, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """``pattern.finditer(self.text, pos, endpos)`` for a pattern that never matches the empty string."""
        while (m := self.search(pattern, pos, endpos)) is not None:
            yield m
            pos = m.end()
