"""Dates mentioned in an article's text, resolved against its publication date.

:func:`find_mentions` reads one sentence and returns every date it refers to:
explicit dates ("January 25, 2011", "25 Jan", "on April 20th"), weekdays ("on
Monday", "last Friday", "next Tuesday"), the deictic words ("yesterday",
"today", "tomorrow", "last night"), counted spans ("three days ago") and wider
ones ("last week", "next month", "in March"). A weekday or a date without a
year is resolved against the publication date: to the past by default, to the
future when the sentence speaks of the future ("will", "is expected to",
"next"). Mentions after the publication date keep ``future=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {}
for _n, _names in enumerate(["january jan", "february feb", "march mar", "april apr", "may", "june jun",
                             "july jul", "august aug", "september sept sep", "october oct",
                             "november nov", "december dec"], start=1):
    for _name in _names.split():
        _MONTHS[_name] = _n
_WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Month names are matched capitalised only: "may" and "march" are also common words.
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![.,]\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b")),
    ("my", re.compile(rf"\b{_MON},?\s+{_YEAR}\b")),
    ("rel_day", re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                       r"(?P<unit>days?|weeks?|months?)\s+ago\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on|since|until|by|from|early|late)\s+)?{_WD}\b")),
    ("span", re.compile(r"\b(?P<rel>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("month", re.compile(rf"\b(?P<rel>in|last|next|this|early|late|mid|since|until|by|from|during)[\s-]+{_MON}\b")),
]

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|is to|are to|is due|are due|due to|expected to|scheduled|set to|"
    r"plans? to|planned|intends? to|would be held|to be held|next|upcoming|coming)\b", re.I)


@dataclass(slots=True, frozen=True)
class DateMention:
    """A date a sentence refers to, with its span in that sentence.

    ``value`` is the day for ``granularity == "day"`` and the first day of the
    week, month or year otherwise. ``relative`` marks mentions resolved
    against the publication date; ``future`` those after it.
    """

    value: date
    granularity: str  # day | week | month | year
    start: int
    end: int
    relative: bool
    future: bool


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _near_year(month: int, day: int, published: date, future: bool) -> date | None:
    """The month-day nearest the publication date, leaning to the past unless the sentence is future."""
    best, best_cost = None, None
    for year in (published.year - 1, published.year, published.year + 1):
        d = _safe(year, month, day)
        if d is None:
            continue
        gap = (d - published).days
        cost = (gap * (1 if future else 3)) if gap > 0 else (-gap * (3 if future else 1))
        if best_cost is None or cost < best_cost:
            best, best_cost = d, cost
    return best


def _weekday(wd: int, rel: str | None, published: date, future: bool) -> date:
    rel = (rel or "").lower()
    back = (published.weekday() - wd) % 7  # days back to the latest such weekday (0 = today)
    if rel == "last":
        return published - timedelta(days=back or 7)
    if rel in ("next", "until", "by") or (future and rel != "since"):
        ahead = (wd - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if rel == "next" else 0))
    return published - timedelta(days=back)


def _first_of_week(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _resolve(kind: str, m: re.Match[str], published: date | None, future: bool) -> tuple[date, str, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day", False) if d else None
    if kind in ("mdy", "dmy"):
        d = _safe(int(g["y"]), _month(g["mon"]), int(g["d"]))
        return (d, "day", False) if d else None
    if kind == "my":
        return date(int(g["y"]), _month(g["mon"]), 1), "month", False
    if published is None:
        return None
    if kind in ("md", "dm"):
        d = _near_year(_month(g["mon"]), int(g["d"]), published, future)
        return (d, "day", True) if d else None
    if kind == "rel_day":
        w = g["w"].lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(w, 0)
        return published + timedelta(days=shift), "day", True
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return published - timedelta(days=n), "day", True
        if unit == "week":
            return _first_of_week(published - timedelta(days=7 * n)), "week", True
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        return date(y, mo + 1, 1), "month", True
    if kind == "weekday":
        return _weekday(_WEEKDAYS[g["wd"].lower()], g["rel"], published, future), "day", True
    if kind == "span":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit == "week":
            return _first_of_week(published + timedelta(days=7 * step)), "week", True
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
            return date(y, mo + 1, 1), "month", True
        return date(published.year + step, 1, 1), "year", True
    if kind == "month":
        mo, rel = _month(g["mon"]), g["rel"].lower()
        year = published.year
        if rel == "last" or (rel not in ("next",) and not future and mo > published.month + 1):
            year -= 1
        elif (rel == "next" or future) and mo < published.month:
            year += 1
        return date(year, mo, 1), "month", True
    return None


def find_mentions(sentence: str, published: date | None) -> list[DateMention]:
    """Every date ``sentence`` mentions, in order; relative ones need ``published``."""
    future = bool(_FUTURE.search(sentence))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            got = _resolve(kind, m, published, future)
            if got is None:
                continue
            value, granularity, relative = got
            taken.append((s, e))
            ahead = published is not None and value > published
            out.append(DateMention(value, granularity, s, e, relative, ahead))
    out.sort(key=lambda x: x.start)
    return out
