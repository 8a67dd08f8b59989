"""Telling revisions from contradictions within one series, and the best estimate.

Each firm point (not vague) stands for an interval of values its wording allows:

- a bare count "312", "a total of 312": [312, 312] (1% slack for rounding);
- "at least", "more than", "over", "upwards of", "no fewer than": [v, inf);
- "nearly", "almost", "close to", "just under": [0.8 v, v];
- "up to", "as many as", "at most", "fewer than", "under": [0, v];
- "about", "around", "some", "roughly", "an estimated": [0.85 v, 1.15 v];
- a range "200 to 300": [200, 300].

Two points agree when their intervals overlap: "at least 300" and "312" agree,
"300" and "450" do not.

- contradiction: two points from different sources that do not agree, with the
  same as-of date, or one day apart when the later count is the smaller (a toll
  that falls from one day to the next between two sources is a disagreement,
  not a revision). Points from the same article are never compared (one
  article listing 12 and 30 dead is reporting two incidents) unless the article
  credits both to named sources in one passage (within 300 characters: "the
  ministry said 300 ... the UN said 450", both sources named: not "the
  source"), nor points whose sentences name different places or different
  kinds of incident (``keys.places``, ``keys.incident_types``; this holds for
  revisions too). Figures over a period are compared only when their period
  is written the same way ("since 2011" with "since 2011").
- a count that the other point's article gives as a part of it ("31 killed,
  including 10 on a bus" vs "10 killed on a bus") does not contradict it.
- revision: the count changed over time, in another article published on a
  later day (an article that recalls an earlier incident is not revising it,
  nor are two articles of one day that date their counts differently). Dates are walked in order; each
  date's level is its highest firm count (the largest lower bound); when a
  later date's level is a different count (beyond 1%: "at least 12" then
  "25" is the toll rising, although the two agree), that is a revision
  (up or down) from the point holding the previous level to the one holding the
  new one, from the same or another source.
- latest per source: each source's point of its latest date (the highest firm
  count that day). best: the level of the latest dated firm point.

Vague points ("dozens") and undated points are shown but never compared.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from newsdesk.ledger.keys import incident_types, named, places
from newsdesk.ledger.records import Finding, Point, Series

_AT_LEAST = {"at least", "more than", "over", "well over", "just over", "upwards of", "no fewer than", "no less than",
             "not less than", "in excess of", "a minimum of", "above", "as low as"}
_NEARLY = {"nearly", "almost", "close to", "just under"}
_UP_TO = {"up to", "as many as", "at most", "less than", "fewer than", "under", "below", "a maximum of", "as high as"}
_ABOUT = {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
SLACK = 0.01
NEAR = 300  # characters: two sources set side by side in one passage of an article


def interval(p: Point) -> tuple[float, float]:
    """The values a point's wording allows."""
    v, q = p.value, (p.qualifier or "")
    if p.value_high is not None:
        return v, p.value_high
    if q in _AT_LEAST:
        return v, math.inf
    if q in _NEARLY:
        return 0.8 * v, v
    if q in _UP_TO:
        return 0.0, v
    if q in _ABOUT:
        return 0.85 * v, 1.15 * v
    return v, v


def agree(a: Point, b: Point) -> bool:
    """True when both wordings allow a common value."""
    lo1, hi1 = interval(a)
    lo2, hi2 = interval(b)
    return lo1 <= hi2 * (1 + SLACK) and lo2 <= hi1 * (1 + SLACK)


def _same(a: Point, b: Point) -> bool:
    """The same count, give or take rounding (a revision is any other count)."""
    return abs(a.value - b.value) <= SLACK * max(a.value, b.value)


def _day(p: Point) -> dt.date | None:
    try:
        return dt.date.fromisoformat(p.as_of) if p.as_of else None
    except ValueError:
        return None


def _fmt(p: Point) -> str:
    v = f"{p.value:,.0f}" if p.value >= 1 else f"{p.value:g}"
    if p.value_high is not None:
        v += f"-{p.value_high:,.0f}"
    q = f"{p.qualifier} " if p.qualifier and p.value_high is None else ""
    return f"{q}{v} ({p.as_of or 'undated'}, {p.source})"


def _one_passage(p: Point, q: Point) -> bool:
    """Two points of one article that set two named sources side by side (within a few hundred characters)."""
    return (p.article == q.article and p.attributed and q.attributed and named(p.source) and named(q.source)
            and abs(p.start - q.start) <= NEAR)


def _articles(p: Point) -> set[str]:
    return {p.article, *p.reported_by}


@dataclass(slots=True)
class _Firm:
    i: int
    p: Point
    day: dt.date
    lo: float
    hi: float
    places: frozenset[str]
    incidents: frozenset[str]
    articles: set[str]


def _gap(a: _Firm, b: _Firm) -> float:
    """How far apart two disagreeing intervals are, relative to their size."""
    return (max(a.lo, b.lo) - min(a.hi, b.hi)) / max(a.lo, b.lo, 1.0)


def _part(small: Point, big: Point) -> bool:
    return small.value < big.value and any(abs(v - small.value) <= SLACK * small.value for v in big.parts)


def _apart(a: _Firm, b: _Firm) -> bool:
    """Sentences that name different places, or different kinds of incident."""
    return bool(a.places and b.places and not a.places & b.places) \
        or bool(a.incidents and b.incidents and not a.incidents & b.incidents)


def _rival(a: _Firm, pool: list[_Firm]) -> _Firm | None:
    """The closest count from another source that disagrees with ``a`` (see the module rules)."""
    best, best_gap = None, math.inf
    for b in pool:
        if b.i == a.i or b.p.source_key == a.p.source_key:
            continue
        if (a.p.period or "").lower() != (b.p.period or "").lower():
            continue  # tolls over different periods ("since 2011", "this week") are not comparable
        if b.day != a.day and b.p.value >= a.p.value:
            continue  # rising the next day: a revision, not a contradiction
        if a.lo <= b.hi * (1 + SLACK) and b.lo <= a.hi * (1 + SLACK):
            continue  # they agree
        if _part(a.p, b.p) or _part(b.p, a.p):
            continue  # "31 killed, including 10 on a bus" vs "10 killed on a bus"
        if a.articles & b.articles and not _one_passage(a.p, b.p):
            continue
        if _apart(a, b):
            continue
        gap = _gap(a, b)
        if gap < best_gap:
            best, best_gap = b, gap
    return best


def analyse(series: Series) -> None:
    """Fill ``series.findings``, ``series.latest`` and ``series.best`` from its sorted points.

    Each point is paired with at most one contradicting point: the closest
    disagreeing count of another source (so n sources on one date give at
    most n contradictions, not n squared)."""
    firm = []
    for i, p in enumerate(series.points):
        d = _day(p)
        if d is not None and not p.vague:
            firm.append(_Firm(i, p, d, *interval(p), places(p.sentence), incident_types(p.sentence), _articles(p)))
    by_day: dict[dt.date, list[_Firm]] = {}
    for f in firm:
        by_day.setdefault(f.day, []).append(f)
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for d, here in by_day.items():
        pool = here + by_day.get(d + dt.timedelta(days=1), [])
        for f in here:
            r = _rival(f, pool)
            if r is None or (min(f.i, r.i), max(f.i, r.i)) in seen:
                continue
            seen.add((min(f.i, r.i), max(f.i, r.i)))
            a, b = (f, r) if (f.p.as_of, f.p.value) <= (r.p.as_of, r.p.value) else (r, f)
            findings.append(Finding("contradiction", a.i, b.i, f"{_fmt(a.p)} vs {_fmt(b.p)}"))
    level: _Firm | None = None
    for d in sorted(by_day):
        top = max(by_day[d], key=lambda f: (f.lo, f.p.value))
        if level is not None and not _same(level.p, top.p) and (min(level.i, top.i), max(level.i, top.i)) not in seen \
                and not level.articles & top.articles and not _apart(level, top) \
                and (top.p.published or "") > (level.p.published or "~"):
            direction = "up" if top.p.value > level.p.value else "down"
            findings.append(Finding("revision", level.i, top.i, f"{_fmt(level.p)} -> {_fmt(top.p)}", direction))
        if level is None or not _same(level.p, top.p):
            level = top
    series.findings = sorted(findings, key=lambda f: (series.points[f.b].as_of or "", f.kind, f.a, f.b))
    latest: dict[str, tuple[dt.date, float, int]] = {}
    for f in firm:
        cur = latest.get(f.p.source_key)
        if cur is None or (f.day, f.lo) > (cur[0], cur[1]):
            latest[f.p.source_key] = (f.day, f.lo, f.i)
    series.latest = {series.points[i].source: i for _, _, i in sorted(latest.values(), key=lambda t: t[2])}
    series.best = level.i if level else None
