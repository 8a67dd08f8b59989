"""Direction and provenance: which article of a copy pair is the original.

The original is the earlier published. On the same day, or when a date is
missing, the article whose dateline credits its own outlet ("ALDMOOR, April 15
(MP) -" in Meridian Press's own story) is the original; then a dated article
over an undated one (content farms strip dates); then the text that holds more
of the other (a reprint trims and adds boilerplate); then the longer
text; then the smaller id, so the answer never depends on input order.

Each copy points to its direct original, so chains (B reprints A, C spins B)
form a provenance tree; verbatim families (exact and near copies of copies)
point to their common root, since the intermediate adds nothing; for the same
reason a rewrite of a verbatim copy points to that copy's root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..records import Article, CopyLink
from .align import Alignment

_CREDIT = re.compile(r"\(([A-Z][\w&.' ]{0,30}?)\)\s*[-\u2013\u2014:]")
_VERBATIM = ("exact", "near")
_RANK = {"exact": 0, "near": 1, "rewrite": 2, "partial": 3}
_MAX = date.max


@dataclass(slots=True)
class Match:
    """A judged pair: the other article, the kind, and the evidence both ways."""

    other: Article
    kind: str  # exact | near | rewrite | partial | revision
    score: float
    a_to_other: Alignment  # the new article aligned as a copy of the other
    other_to_a: Alignment  # the other aligned as a copy of the new article
    a_in_other: float  # 5-gram containment
    other_in_a: float
    evidence_a: list[tuple[str, str, float]] = field(default_factory=list)  # (a sentence, other sentence, sim)
    evidence_o: list[tuple[str, str, float]] = field(default_factory=list)  # (other sentence, a sentence, sim)
    as_copy: tuple[str, float] | None = None  # (kind, score) judging the new article as the copy
    as_original: tuple[str, float] | None = None  # (kind, score) judging the other as the copy

    def judged(self, a_is_copy: bool) -> tuple[str, float]:
        """Kind and score in the direction the pair was finally read."""
        first, second = (self.as_copy, self.as_original) if a_is_copy else (self.as_original, self.as_copy)
        return first or second or (self.kind, self.score)


def credited(a: Article) -> bool:
    """Does the article's dateline credit its own outlet (a wire story at its source)?"""
    if not a.outlet:
        return False
    m = _CREDIT.search(a.text[:400])
    if not m:
        return False
    credit = m.group(1).casefold().replace(".", "")
    name = re.sub(r"^the ", "", a.outlet.casefold())
    initials = "".join(w[0] for w in name.split() if w)
    return credit in (name, initials) or credit in name.split()


def is_original(a: Article, o: Article, a_holds: float, o_holds: float) -> bool:
    """Is ``a`` rather than ``o`` the original of the pair? (``x_holds``: share of the other inside x)."""
    if a.published and o.published and a.published != o.published:
        return a.published < o.published
    a_credit, o_credit = credited(a), credited(o)
    if a_credit != o_credit:
        return a_credit
    if bool(a.published) != bool(o.published):  # copies lose their dates more often than originals
        return bool(a.published)
    if abs(a_holds - o_holds) > 0.02:
        return a_holds > o_holds
    if len(a.text) != len(o.text):
        return len(a.text) > len(o.text)
    return a.id < o.id


def link(a: Article, matches: list[Match], roots: dict[str, tuple[str, str] | None]) -> list[CopyLink]:
    """Links for new article ``a`` given its judged matches; ``roots`` (id -> (original, kind)) is updated."""
    out: list[CopyLink] = []
    as_copy: list[Match] = []
    as_original: list[Match] = []
    for m in matches:
        o = m.other
        if m.kind == "revision":
            newer, older, ev = (a, o, m.evidence_a) if _later(a, o) else (o, a, m.evidence_o)
            out.append(CopyLink(newer.id, older.id, "revision", m.score, ev))
            continue
        a_holds = max(m.other_in_a, m.other_to_a.copy_coverage)
        o_holds = max(m.a_in_other, m.a_to_other.copy_coverage)
        (as_original if is_original(a, o, a_holds, o_holds) else as_copy).append(m)
    if as_copy:
        # the closest source: siblings (copies of the same original) resemble each other less than their source
        top = max(_strength(m) for m in as_copy)
        near_top = [m for m in as_copy if _strength(m) >= top - 0.02]
        best = min(near_top, key=lambda m: (m.other.published or _MAX, _RANK[m.judged(True)[0]], m.other.id))
        parent = best.other.id
        seen = {a.id}  # a verbatim copy's text is its root's, so the root is the likelier source
        while roots.get(parent) and roots[parent][1] in _VERBATIM and parent not in seen:
            seen.add(parent)
            parent = roots[parent][0]
        kind, score = best.judged(a_is_copy=True)
        roots[a.id] = (parent, kind)
        out.append(CopyLink(a.id, parent, kind, score, best.evidence_a))
    else:
        roots.setdefault(a.id, None)
    siblings = {m.other.id for m in as_original}
    for m in as_original:
        o = m.other
        current = roots.get(o.id)
        # a former original, or a verbatim copy of a sibling, now has an older common source
        kind, score = m.judged(a_is_copy=False)
        if current is None or (current[0] in siblings and kind in _VERBATIM and current[1] in _VERBATIM):
            roots[o.id] = (a.id, kind)
            out.append(CopyLink(o.id, a.id, kind, score, m.evidence_o))
    return out


def _strength(m: Match) -> float:
    """How much of the new article the other one explains: aligned share times similarity, or verbatim share."""
    return max(m.a_to_other.score, m.a_in_other)


def _later(a: Article, o: Article) -> bool:
    if a.published and o.published and a.published != o.published:
        return a.published > o.published
    return a.id > o.id

