"""The figure ledger: figures of a story grouped into series, each tracked over
time across sources, with its revisions and contradictions.

``build_ledger(figures, articles)`` takes the figures ``facts.figures`` found
in a story's articles and one :class:`LedgerArticle` per article.

Which figures form a series:

- kinds killed, injured, casualties, displaced, missing, detained and troops,
  counted in people; aid by donor and currency; other money only when its
  sentence says what it is (fund, fine, compensation...: ``keys.money_topic``).
  Votes and "other" figures are left out, and so are increments ("a further
  12", "another 12"), which are not tolls.
- the series key is (kind, subject class, unit, scope); subject classes and
  sides are defined in ``keys``. Scope keeps apart what must not be compared:
  ``total`` for a figure over a period (the text gives one: "since 2011",
  "in the eight-year war", "over the past year", "earlier this week": see
  ``keys.period_phrase``), ``event`` otherwise, and ``part`` for a part of a
  larger figure whose subject class is the same as its whole's, or written
  as a part ("three of its staff", "two of them", "the bodies of two boys").
  Increments ("a further 12", "three more", "fifteen others") are left out. A part with a
  class of its own ("including three children") is simply in that class's
  series, never in its whole's.
- money: a figure written with a conversion ("US$800 million (S$1 billion)")
  can be read in either currency. For each (kind, donor) the currency most of
  its figures can be read in is chosen (ties: USD, then alphabetical), a
  figure is shown in it when it can be (``Point.written`` keeps what was
  printed), and in its own currency otherwise. No exchange rates are assumed.
- vague figures ("dozens", "hundreds") are kept as points flagged ``vague``
  with the lower-bound guess of ``facts.numbers`` as value; they are drawn
  hollow and never compared. The ``unverified`` flag is carried to the point.

Copies are not sources. A figure of an article that copies another (``copy_of``
followed to its root) is merged into the root's point of the same series and
value when there is one (listed in ``Point.copies``); otherwise it stands as a
point of its own. The same claim (series, source, date, value) from several
independent articles is one point with the others in ``reported_by``.

Findings (revision vs contradiction) and the best estimate: ``compare``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsdesk.facts.records import Figure
from newsdesk.ledger.compare import analyse
from newsdesk.ledger.keys import alias_map, donor, money_topic, period_phrase, source_key, subject_class
from newsdesk.ledger.records import LedgerArticle, Point, Series

PEOPLE_KINDS = ("killed", "injured", "casualties", "displaced", "missing", "detained", "troops")
MONEY_KINDS = ("aid", "money")
_INCREMENT = {"a further", "another"}


@dataclass(slots=True)
class _Cand:
    figure: Figure
    kind: str
    subject: str  # lower-case class with side, part of the key
    subject_label: str
    unit: str
    scope: str
    source: str
    skey: str
    attributed: bool
    root: str
    values: dict[str, float]
    period: str | None


def _root(aid: str, articles: dict[str, LedgerArticle]) -> str:
    seen = {aid}
    while True:
        art = articles.get(aid)
        if art is None or not art.copy_of or art.copy_of in seen:
            return aid
        aid = art.copy_of
        seen.add(aid)


def _money_values(f: Figure) -> dict[str, float]:
    out = {f.unit: f.value}
    conv = f.extra.get("converted", "").split()
    if len(conv) == 2:
        try:
            out.setdefault(conv[0], float(conv[1]))
        except ValueError:
            pass
    return out


class _Rules:
    """The key rules, memoised for one ledger build (subjects, sources and sentences repeat)."""

    def __init__(self) -> None:
        self.subject_class = functools.lru_cache(maxsize=None)(subject_class)
        self.source_key = functools.lru_cache(maxsize=None)(source_key)
        self.period_phrase = functools.lru_cache(maxsize=4096)(period_phrase)


def _candidate(f: Figure, art: LedgerArticle | None, wholes: dict[tuple[str, str], Figure],
               articles: dict[str, LedgerArticle], rules: _Rules) -> _Cand | None:
    at = f.sentence.find(f.text)
    after = f.sentence[at + len(f.text):] if at >= 0 else ""
    if (f.qualifier or "") in _INCREMENT or re.match(r"\s+(?:more|others|other|additional|further)\b", after):
        return None  # "a further 12", "three more died", "fifteen others": increments, not tolls
    outlet = (art.outlet if art else None) or "unknown outlet"
    source = (f.source or "").strip() or None
    if f.kind in PEOPLE_KINDS:
        if f.unit != "people":
            return None
        cls, side = rules.subject_class(f.subject)
        label = f"{side} {cls}".strip()
        cls = label
        unit = "people"
    elif f.kind in MONEY_KINDS:
        if len(f.unit) != 3 or not f.unit.isupper():
            return None
        giver = donor(f.sentence, max(at, 0)) or source
        if f.kind == "aid":
            label = giver or "unnamed donors"
        else:
            topic = money_topic(f.sentence, max(at, 0))
            if topic is None:
                return None
            label = f"{topic} ({giver})" if giver else topic
        cls = rules.source_key(label)
        unit = f.unit
    else:
        return None
    period = f.extra.get("period") or rules.period_phrase(f.sentence)
    scope = "total" if period else "event"
    if scope == "event" and (re.match(r"\s+of\s+(?:the|its|his|her|their|them|whom|those)\b", after)
                             or re.search(r"\bbodies\s+of\s+(?:the\s+)?$", f.sentence[:max(at, 0)])):
        scope = "part"  # "three of its staff members", "two of them", "the bodies of two boys" (what one saw)
    whole = wholes.get((f.article, f.extra.get("part_of", "")))
    if whole is not None and scope == "event" and f.kind in PEOPLE_KINDS \
            and rules.subject_class(whole.subject) == rules.subject_class(f.subject):
        scope = "part"
    root = _root(f.article, articles)
    return _Cand(f, f.kind, cls.lower(), label, unit, scope, source or outlet, rules.source_key(source or outlet),
                 source is not None, root, _money_values(f) if f.kind in MONEY_KINDS else {}, period)


def _label(kind: str, who: str, unit: str, scope: str) -> str:
    if kind == "troops":
        base = f"{who.removesuffix('soldiers').strip() or 'all'} troops" if who.endswith("soldiers") else f"{who} (troops)"
    elif kind == "aid":
        base = f"aid from {who} ({unit})" if who != "unnamed donors" else f"aid pledged ({unit})"
    elif kind == "money":
        base = f"{who} ({unit})"
    else:
        base = f"{who} {kind}"
    return base + {"total": " (over a period)", "part": " (part of a larger toll)"}.get(scope, "")


def _choose_currencies(cands: list[_Cand]) -> None:
    groups: dict[tuple[str, str, str], list[_Cand]] = {}
    for c in cands:
        if c.values:
            groups.setdefault((c.kind, c.subject, c.scope), []).append(c)
    for group in groups.values():
        count: dict[str, int] = {}
        for c in group:
            for cur in c.values:
                count[cur] = count.get(cur, 0) + 1
        chosen = min(count, key=lambda cur: (-count[cur], cur != "USD", cur))
        for c in group:
            if chosen in c.values:
                c.unit = chosen


def build_ledger(figures: list[Figure], articles: dict[str, LedgerArticle]) -> list[Series]:
    """Series of the same quantity over time and sources, with findings; biggest series first."""
    wholes = {(f.article, f.text): f for f in figures}
    rules = _Rules()
    parts: dict[tuple[str, str], list[float]] = {}  # the figures written as parts of each figure
    for f in figures:
        if f.extra.get("part_of"):
            parts.setdefault((f.article, f.extra["part_of"]), []).append(f.value)
    cands = [c for f in figures if (c := _candidate(f, articles.get(f.article), wholes, articles, rules)) is not None]
    _choose_currencies(cands)
    aliases = alias_map({c.skey for c in cands})
    display: dict[str, str] = {}
    for c in cands:
        if c.skey not in aliases:
            display.setdefault(c.skey, c.source)
    for c in cands:
        c.skey = aliases.get(c.skey, c.skey)
        c.source = display.get(c.skey, c.source)

    def order(c: _Cand):
        art = articles.get(c.figure.article)
        return (c.root != c.figure.article, (art.published if art else None) or "9999", c.figure.article, c.figure.start)

    series: dict[tuple[str, str, str, str], Series] = {}
    claims: dict[tuple, Point] = {}
    by_root: dict[tuple, Point] = {}
    for c in sorted(cands, key=order):
        f = c.figure
        key = (c.kind, c.subject, c.unit, c.scope)
        value = c.values.get(c.unit, f.value)
        high = f.value_high * value / f.value if f.value_high is not None and f.value else f.value_high
        if c.root != f.article:
            original = by_root.get((key, c.root, value, high))
            if original is not None:
                if f.article not in original.copies:
                    original.copies.append(f.article)
                continue
        claim = (key, c.skey, f.as_of, value, high, f.qualifier)
        point = claims.get(claim)
        if point is not None:
            if f.article != point.article and f.article not in point.reported_by:
                point.reported_by.append(f.article)
            by_root.setdefault((key, c.root, value, high), point)
            continue
        art = articles.get(f.article)
        point = Point(value=value, value_high=high, qualifier=f.qualifier, as_of=f.as_of, source=c.source,
                      source_key=c.skey, attributed=c.attributed, article=f.article, outlet=art.outlet if art else None,
                      sentence=f.sentence, start=f.start, end=f.end, text=f.text, published=art.published if art else None,
                      unverified=f.unverified,
                      vague=bool(f.extra.get("vague")), period=c.period,
                      written=f.text if c.unit != f.unit else None)
        point.parts = parts.get((f.article, f.text), [])
        claims[claim] = point
        by_root.setdefault((key, c.root, value, high), point)
        s = series.get(key)
        if s is None:
            s = series[key] = Series(key=key, label=_label(c.kind, c.subject_label, c.unit, c.scope), points=[])
        s.points.append(point)
    out = list(series.values())
    for s in out:
        s.points.sort(key=lambda p: (p.as_of or "9999", p.value, p.source_key))
        analyse(s)
    out.sort(key=lambda s: (-len({p.source_key for p in s.points}), -len(s.points), s.id))
    return out
