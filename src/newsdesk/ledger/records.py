"""Typed records of the figure ledger: the articles it reads, the points and
series it builds, and the findings (revisions, contradictions) it reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class LedgerArticle:
    """What the ledger needs to know about an article besides its figures."""

    id: str
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    copy_of: str | None = None  # the article this one copies (reprint, rewrite), if any
    title: str | None = None


@dataclass(slots=True)
class Point:
    """One reported value of a series, as one source gave it on one date.

    The same claim (same source, date and value) carried by several
    independent articles is one point; ``reported_by`` lists the others, and
    ``copies`` the reprints of any of them (never counted as sources).
    """

    value: float  # in the series' unit (a converted amount for money: see ``written``)
    value_high: float | None  # the high end of a range, else None
    qualifier: str | None  # at least | nearly | about | ... | dozens (vague)
    as_of: str | None  # YYYY-MM-DD
    source: str  # who the figure is attributed to, else the outlet that printed it
    source_key: str  # normalised source, the identity used to compare sources
    attributed: bool  # True when the text names the source, False when it is the outlet
    article: str  # the (earliest) article the point comes from
    outlet: str | None
    sentence: str
    start: int  # offsets of the figure in that article's text
    end: int
    text: str  # the figure as written: "at least 300", "US$800 million"
    published: str | None = None  # publication date of ``article`` (YYYY-MM-DD)
    unverified: bool = False  # the text says it could not be independently verified
    vague: bool = False  # "dozens", "hundreds": shown, never compared
    period: str | None = None  # "since 2011": a cumulative toll
    written: str | None = None  # for a converted amount, the figure in the currency first written
    reported_by: list[str] = field(default_factory=list)  # other independent articles with this claim
    copies: list[str] = field(default_factory=list)  # copies (reprints) carrying it: not extra sources
    parts: list[float] = field(default_factory=list)  # values its article gives as parts of it ("including 10")

    @property
    def flags(self) -> list[str]:
        """Short labels a reader sees next to the point."""
        out = []
        if self.unverified:
            out.append("unverified")
        if self.vague:
            out.append("vague")
        if self.period:
            out.append(f"cumulative ({self.period})")
        if self.written:
            out.append(f"converted from {self.written}")
        if self.copies:
            out.append(f"reprinted {len(self.copies)}x")
        return out


@dataclass(slots=True)
class Finding:
    """A revision (the count changed over time) or a contradiction (sources disagree on one date)."""

    kind: str  # revision | contradiction
    a: int  # index of the earlier (or first) point in ``Series.points``
    b: int  # index of the later (or second) point
    note: str  # one line a reader can check: "12 (2024-06-03, local officials) -> 40 (2024-06-06, the Red Cross)"
    direction: str = ""  # for a revision: up | down


@dataclass(slots=True)
class Series:
    """The same quantity tracked over time across sources."""

    key: tuple[str, str, str, str]  # (kind, subject class, unit, scope); scope: event | total | part
    label: str  # "civilians killed", "Russian soldiers (troops)", "aid pledged by Singapore (USD)"
    points: list[Point]  # sorted by as_of (undated last), then value
    findings: list[Finding] = field(default_factory=list)
    latest: dict[str, int] = field(default_factory=dict)  # source -> index of its latest/best point
    best: int | None = None  # index of the best current estimate (the highest firm count of the latest date)

    @property
    def id(self) -> str:
        """A stable string id: "killed/civilians/people/event"."""
        return "/".join(self.key)

    @property
    def sources(self) -> list[str]:
        """Distinct sources in order of first appearance."""
        seen: dict[str, str] = {}
        for p in self.points:
            seen.setdefault(p.source_key, p.source)
        return list(seen.values())

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]
