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
  credits both to named sources ("the ministry said 300, the UN 450"), nor points whose
  sentences name different places (``keys.places``).
- revision: the count changed over time. Dates are walked in order; each
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

from newsdesk.ledger.keys import places
from newsdesk.ledger.records import Finding, Point, Series

_AT_LEAST = {"at least", "more than", "over", "well over", "just over", "upwards of", "no fewer than", "no less than",
             "not less than", "in excess of", "a minimum of", "above", "as low as"}
_NEARLY = {"nearly", "almost", "close to", "just under"}
_UP_TO = {"up to", "as many as", "at most", "less than", "fewer than", "under", "below", "a maximum of", "as high as"}
_ABOUT = {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
SLACK = 0.01


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


def _articles(p: Point) -> set[str]:
    return {p.article, *p.reported_by}


def analyse(series: Series) -> None:
    """Fill ``series.findings``, ``series.latest`` and ``series.best`` from its sorted points."""
    firm = [(i, p, _day(p)) for i, p in enumerate(series.points) if not p.vague and _day(p) is not None]
    by_day: dict[dt.date, list[tuple[int, Point]]] = {}
    for i, p, d in firm:
        by_day.setdefault(d, []).append((i, p))
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    place_of = {i: places(p.sentence) for i, p, _ in firm}
    for d, here in by_day.items():
        later = by_day.get(d + dt.timedelta(days=1), [])
        for i, p in here:
            for j, q in here + later:
                if i == j or (min(i, j), max(i, j)) in seen or p.source_key == q.source_key:
                    continue
                next_day = _day(q) != d
                if next_day and q.value >= p.value:
                    continue  # rising the next day: a revision, not a contradiction
                if agree(p, q) or (_articles(p) & _articles(q) and not (p.attributed and q.attributed)):
                    continue
                if place_of[i] and place_of[j] and not place_of[i] & place_of[j]:
                    continue
                seen.add((min(i, j), max(i, j)))
                a, b = (i, j) if (p.as_of, p.value) <= (q.as_of, q.value) else (j, i)
                findings.append(Finding("contradiction", a, b,
                                        f"{_fmt(series.points[a])} vs {_fmt(series.points[b])}"))
    level: tuple[int, Point] | None = None
    for d in sorted(by_day):
        top = max(by_day[d], key=lambda ip: (interval(ip[1])[0], ip[1].value))
        if level is not None and not _same(level[1], top[1]) \
                and (min(level[0], top[0]), max(level[0], top[0])) not in seen:
            direction = "up" if top[1].value > level[1].value else "down"
            findings.append(Finding("revision", level[0], top[0], f"{_fmt(level[1])} -> {_fmt(top[1])}", direction))
        if level is None or not _same(level[1], top[1]):
            level = top
    series.findings = sorted(findings, key=lambda f: (series.points[f.b].as_of or "", f.kind, f.a, f.b))
    latest: dict[str, tuple[dt.date, float, int]] = {}
    for i, p, d in firm:
        cur = latest.get(p.source_key)
        if cur is None or (d, interval(p)[0]) > (cur[0], cur[1]):
            latest[p.source_key] = (d, interval(p)[0], i)
    series.latest = {series.points[i].source: i for _, _, i in sorted(latest.values(), key=lambda t: t[2])}
    series.best = level[0] if level else None
