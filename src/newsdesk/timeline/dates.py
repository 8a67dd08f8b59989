"""Dates mentioned in an article's text, resolved against its publication date.

:func:`find_mentions` reads one sentence and returns every date it refers to:
explicit dates ("January 25, 2011", "25 Jan", "on April 20th"), weekdays ("on
Monday", "last Friday", "next Tuesday"), the deictic words ("yesterday",
"today", "tomorrow", "last night"), counted spans ("three days ago") and wider
ones ("last week", "next month", "in March"). A weekday or a date without a
year is resolved against the publication date: to the past by default, to the
future when the sentence speaks of the future ("will", "is expected to",
"next"). Mentions after the publication date keep ``future=True``.

A time stamp is not a mention: a date printed with its year and a clock time
("January 27, 2011 at 7:59 pm | Reply", "Thursday 30 April 2009 19.10 BST",
"Sun Jun 19, 2011 10:53 pm IST") or after "updated", "posted", "added"...
with a clock time near it tells when a page, an update or a reader's comment
was posted, not what the text speaks of. On T17 they are one date mention in
forty (comment sections of blogs), and picking their lines put "March 8, 2011
at 6:19 pm" in timelines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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

# No pattern starts with \b or a look-behind: Python's re then skips quickly to a possible first
# character (five times faster here); the left word boundary is checked in code. Lower-case
# patterns run on the lower-cased text.
_MONTH_KINDS: list[tuple[str, re.Pattern[str]]] = [  # tried in order where a month name starts
    ("mdy", re.compile(rf"{_MON}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b")),
    ("dmy", re.compile(rf"{_MON},?\s+{_YEAR}\b")),  # with the day found before it
    ("md", re.compile(rf"{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![.,]\d)")),
    ("dm", re.compile(rf"{_MON}\b")),  # with the day found before it
    ("my", re.compile(rf"{_MON},?\s+{_YEAR}\b")),
    ("month", re.compile(rf"{_MON}\b")),  # with "in", "last", "next"... before it
]
_PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    ("iso", re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"), False),
    ("month-name", re.compile(_MON), False),
    ("rel_day", re.compile(r"(?P<w>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b"), True),
    ("ago", re.compile(r"(?P<unit>days?|weeks?|months?)\s+ago\b"), True),  # with the count before it
    ("weekday", re.compile(rf"{_WD}\b"), False),
    ("span", re.compile(r"(?P<rel>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b"), True),
]
_MON_ANY = _MON.replace("?P<mon>", "?:")
_DATE_AFTER = re.compile(rf",?\s*\(?(?:{_MON_ANY}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON_ANY})")
_NEEDS = {"ago": " ago"}  # a pattern runs only when the text contains this
# What a match may (weekday, month) or must (dmy, dm, ago) have just before it; the key is the group name.
_DAY_BEFORE = re.compile(r"(?<![\d.,])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_BEFORE: dict[str, tuple[re.Pattern[str], bool]] = {
    "weekday": (re.compile(r"(?P<rel>last|next|this|on|since|until|by|from|early|late)\s+$", re.I), False),
    "month": (re.compile(r"(?P<rel>in|last|next|this|early|late|mid|since|until|by|from|during)[\s-]+$", re.I), False),
    "dmy": (_DAY_BEFORE, True),
    "dm": (_DAY_BEFORE, True),
    "ago": (re.compile(r"(?<![\w.])(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+$"),
            True),
}

# A clock time just after a date ("at 7:59 pm", "19.10 BST", "11:41:00"), and the words that introduce a stamp.
_CLOCK_AFTER = re.compile(r"(?P<yy>\s+'?\d\d\b)?,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?![.,]?\d)", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?![.,]?\d)")
_STAMP_CUE = re.compile(r"\b(?:updated|published|posted|added|modified|filed)\b", re.I)
_EVENT_BEFORE = re.compile(r"\b(?:on|since|until|by|before|after|from|between|and)\s+$", re.I)
_EXPLICIT = frozenset({"iso", "mdy", "dmy"})

_TENSED = frozenset({"md", "dm", "weekday", "month"})  # kinds whose reading depends on the tense
# "would" reads reported speech forward ("said divers would examine it on Wednesday"); on T17 it moved AR-1
# .128 -> .129, AR-2 .042 -> .041, date F1 .556 -> .556 (noise), and fixed such dates in the example corpus.
_FUTURE = re.compile(
    r"(?:will|won't|shall|'ll|going to|is to|are to|is due|are due|due to|expected to|scheduled|set to|"
    r"plans? to|planned|intends? to|would|to be held|next|upcoming|coming)\b")


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


def _resolve(kind: str, g: dict[str, str], published: date | None, future: bool) -> tuple[date, str, bool] | None:
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
        return _weekday(_WEEKDAYS[g["wd"].lower()], g.get("rel"), published, future), "day", True
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
        if not g.get("rel"):
            return None  # a bare month name ("March") is too often something else
        mo, rel = _month(g["mon"]), g["rel"].lower()
        year = published.year
        if rel == "last" or (rel not in ("next",) and not future and mo > published.month + 1):
            year -= 1
        elif (rel == "next" or future) and mo < published.month:
            year += 1
        return date(year, mo, 1), "month", True
    return None


def _is_stamp(kind: str, hay: str, s: int, e: int) -> bool:
    """A date that stamps a page, an update or a comment: with its year and a clock time (unless the
    sentence introduces it: "on January 12, 2010 at 4:53 pm"), or a clock time near "updated", "posted"..."""
    before = hay[max(0, s - 40):s]
    cue = _STAMP_CUE.search(before)
    clock = _CLOCK_AFTER.match(hay, e)
    if clock:  # "20 June 11 16:14 GMT": a two-digit year makes the date explicit
        explicit = kind in _EXPLICIT or clock.group("yy") is not None
        return bool(cue) or (explicit and not _EVENT_BEFORE.search(hay, max(0, s - 9), s))
    return bool(cue and _CLOCK.search(before, cue.end()))


def _mention(kind: str, m: re.Match[str], hay: str, published: date | None, future, occupied: bytearray
             ) -> DateMention | None:
    s, e = m.span()
    g = m.groupdict()
    if kind == "weekday" and _DATE_AFTER.match(hay, e):
        return None  # "Tuesday, April 20": the date says it
    if kind == "md" and _DAY_BEFORE.search(hay, max(0, s - 14), s):
        return None  # "20 June 11 16:14 GMT": the day comes first (the number after is a two-digit year)
    if kind in _BEFORE:
        pattern_before, required = _BEFORE[kind]
        before = pattern_before.search(hay, max(0, s - 14), s)
        if before is None and required:
            return None
        if before is not None:
            g.update(before.groupdict())
            s = before.start()
    if 1 in occupied[s:e]:
        return None
    got = _resolve(kind, g, published, future(s) if kind in _TENSED else False)
    if got is None:
        return None
    value, granularity, relative = got
    return DateMention(value, granularity, s, e, relative, published is not None and value > published)


def find_mentions(text: str, published: date | None, spans: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date ``text`` mentions, in order; relative ones need ``published``.

    ``spans`` are the (start, end) offsets of the sentences of ``text``: a mention is read as future
    when its own sentence speaks of the future. Without them the whole text is one sentence.
    """
    spans = spans or [(0, len(text))]
    starts = [a for a, _ in spans]
    future_of: dict[int, bool] = {}

    def future(pos: int) -> bool:
        i = max(bisect_right(starts, pos) - 1, 0)
        if i not in future_of:
            a, b = spans[i]
            future_of[i] = bool(_FUTURE.search(low, a, b))
        return future_of[i]

    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    occupied = bytearray(len(text))
    out: list[DateMention] = []
    for kind, pattern, lower in _PATTERNS:
        hay = low if lower else text
        if kind in _NEEDS and _NEEDS[kind] not in hay:
            continue
        for m in pattern.finditer(hay):
            s = m.start()
            if s > 0 and (hay[s - 1].isalnum() or (kind == "iso" and hay[s - 1] == "-")):
                continue
            for kind_here, m_here in ([(k, p.match(hay, s)) for k, p in _MONTH_KINDS] if kind == "month-name"
                                      else [(kind, m)]):
                if m_here is None:
                    continue
                found = _mention(kind_here, m_here, hay, published, future, occupied)
                if found is not None:
                    occupied[found.start:found.end] = b"\x01" * (found.end - found.start)
                    if found.granularity != "day" or not _is_stamp(kind_here, hay, found.start, found.end):
                        out.append(found)  # a stamp still covers its words (its weekday is not a mention)
                    break
    out.sort(key=lambda x: x.start)
    return out
