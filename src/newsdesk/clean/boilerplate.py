"""Outlet boilerplate learned from the pile: lines that recur across an outlet's articles.

A line counts as boilerplate for an outlet when it occurs in at least
``min_docs`` of that outlet's text articles, mostly near the top or bottom of
the body, and is short. Long recurring lines are kept: rolling stories reuse
background paragraphs, and those are body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY_WS = re.compile(r"\s+")
EDGE_TOP, EDGE_BOTTOM = 4, 10


LONG = "\x00long"  # the key of every line too long to be boilerplate


def line_key(line: str) -> str:
    """Case- and spacing-insensitive form of a line (long lines all share one key that is never learned)."""
    if len(line) > 400:
        return LONG
    return _KEY_WS.sub(" ", line.strip().casefold())


@dataclass
class OutletLines:
    """Per-outlet counts of lines: in how many docs, and how often at an edge."""

    min_docs: int = 3
    max_words: int = 40
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # casefolded outlet -> name as first seen

    def add_doc(self, outlet: str | None, body_lines: list[str]) -> dict[str, tuple[int, int]]:
        """Count one document's lines; return the increments (for persisting)."""
        if not outlet:
            return {}
        lines = [line_key(x) for x in body_lines if x.strip()]
        n = len(lines)
        seen: dict[str, tuple[int, int]] = {}
        for i, key in enumerate(lines):
            if key in seen or key == LONG or not self.may_be_boilerplate(key):
                continue
            edge = 1 if (i < EDGE_TOP or i >= n - EDGE_BOTTOM) else 0
            seen[key] = (1, edge)
        self.names.setdefault(outlet.casefold(), outlet)
        bucket = self.counts.setdefault(outlet.casefold(), {})
        for key, (d, e) in seen.items():
            c = bucket.setdefault(key, [0, 0])
            c[0] += d
            c[1] += e
        return seen

    def may_be_boilerplate(self, key: str) -> bool:
        """Short lines, or longer ones that do not read as a sentence of the body."""
        words = len(key.split())
        if key.endswith((".", "!", "?", '"', "\u201d", "'")):
            return words <= self.max_words // 2
        return words <= self.max_words

    def masthead_outlets(self) -> dict[str, str]:
        """Learned boilerplate lines that belong to exactly one outlet -> that outlet."""
        owner: dict[str, set[str]] = {}
        for outlet in self.counts:
            for key in self.boilerplate_for(outlet):
                owner.setdefault(key, set()).add(outlet)
        return {k: next(iter(v)) for k, v in owner.items() if len(v) == 1}

    def boilerplate_for(self, outlet: str | None) -> set[str]:
        if not outlet:
            return set()
        bucket = self.counts.get(outlet.casefold(), {})
        return {
            k for k, (docs, edge) in bucket.items() if docs >= self.min_docs and edge >= 0.8 * docs
        }
