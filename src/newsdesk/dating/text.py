"""Publication date of a plain-text article dump.

Cues, most trusted first:

1. header lines (``date 2023-06-02``, ``Date: 2 June 2023``,
   ``Publish : 2023-06-01 09:40:00``, ``Published: June 3, 2023 9:40 am``,
   ``By Jane Doe | June 3, 2023``) or the same fields in ``header``;
   ``Updated:``/``Modified:`` lines are update dates and kept apart;
2. a dateline opening one of the first body lines (``RIVERTON, June 5 (Reuters) -``);
   a year-less one gets its year from a weekday the same day carries
   (``Monday, June 5``) or that the lead sentence names (``... on Monday``:
   the header/byline year if it fits, else a fitting year the text mentions,
   else the latest fitting year of the last 15), or else from a year in the text;
3. a weekday-and-date cue in the body (``on Tuesday (June 6)``,
   ``on Tuesday, June 6``): the weekday pins the year.

Ambiguous slashed dates (``Posted 08/05/2024``) are read month first unless
the caller passes the outlet's ``slash_order`` (see :func:`slash_order`).
Copyright lines (``© 2019 ...``, ``Copyright 2021``) are never read. When no
cue is trustworthy the finding is undated: no date is better than an invented one.
"""

from __future__ import annotations

import re
from datetime import date

from newsdesk.records import DateFinding

from .parse import MIN_DATE, MONTHS, WEEKDAYS, find_dates, make_date, parse_given_date, plausible
from .years import COPYRIGHT, YEAR, dateline_year, infer_year, lead_weekday, year_hints

HEADER_LINES = 15  # how many leading lines may hold header fields

_PUBLISHED_KEYS = ("date", "dated", "published", "publish", "published on", "published at",
                   "pubdate", "pub date", "publication date", "posted", "posted on", "dateline",
                   "first published", "datum", "veröffentlicht", "filed", "filed on",
                   "filed at", "released", "issued")
_UPDATED_KEYS = ("updated", "last updated", "updated on", "updated at", "modified",
                 "last modified", "revised", "aktualisiert")
_KEY = "|".join(re.escape(k) for k in sorted(_PUBLISHED_KEYS + _UPDATED_KEYS, key=len, reverse=True))
_HEADER_FIELD = re.compile(rf"^\s*(?P<key>{_KEY})\s*(?::|=|\s)\s*(?P<value>.+?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*by\s+[^|]{2,80}\|\s*(?P<value>.+?)\s*$", re.I)

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len, reverse=True))
_AGENCY = r"\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|IANS|PTI|ANI|AA|Anadolu|CNN|BBC|[A-Z]{2,8})\)"
# "RIVERTON, June 5 (Reuters) -", "PARIS, June 5, 2023 (AFP) -", "LONDON, June 5 -"
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'\-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'\-]{{1,30}})?,\s+"
    rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    rf"\s*(?:{_AGENCY})?\s*[-\u2013\u2014:]",
    re.I,
)
_DATELINE_NO_DATE = re.compile(rf"^\s*[A-Z][A-Z .'\-]{{1,40}}(?:,\s*[A-Za-z .]{{1,30}})?\s*{_AGENCY}\s*[-\u2013\u2014]")
# "on Tuesday (June 6)", "on Tuesday, June 6", "Tuesday, June 6," (no year)
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\s*(?:,|\()\s*(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?!,?\s*(?:19|20)\d\d)",
    re.I,
)
_WEEKDAY_DATE_DMY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\s*(?:,|\()?\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b"
    rf"(?!,?\s*(?:19|20)\d\d)",
    re.I,
)
_LEADING_WEEKDAY = re.compile(rf"^\s*(?:(?:{'|'.join(WEEKDAYS)})\.?,?\s+)?", re.I)

CONF_HEADER = 0.9
CONF_BYLINE = 0.85
CONF_LEADING = 0.75
CONF_DATELINE = 0.8
CONF_DATELINE_WEEKDAY = 0.7
CONF_DATELINE_INFERRED = 0.6
DATELINE_LINES = 8  # how many leading non-empty body lines may open with a dateline
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)\"'”])[.!?](?=\s+[A-Z\"“]|\s*$)")
CONF_WEEKDAY = 0.5


def _first_date(value: str, day_first: bool = False) -> date | None:
    """The first explicit date in a header value (``June 3, 2023 9:40 am``...)."""
    direct = parse_given_date(value, day_first=day_first)
    if direct is not None:
        return direct
    found = find_dates(value, day_first=day_first)
    return found[0].value if found and plausible(found[0].value) else None


_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/((?:19|20)?\d\d)(?![\d/])")


def slash_order(samples: list[str]) -> str | None:
    """Decide how one outlet writes slashed dates, from a batch of its date strings.

    Every ``a/b/yyyy`` (or ``a/b/yy``) in ``samples`` is read: a first field above
    12 means day first (``"dmy"``), a second field above 12 means month first
    (``"mdy"``). Returns None when no sample decides, or when samples disagree.
    Pass the answer to :func:`date_text` as ``slash_order=`` for that outlet's texts.
    """
    day_first = month_first = False
    for sample in samples:
        for first, second, _year in _SLASHED.findall(sample or ""):
            a, b = int(first), int(second)
            if a > 12 and 1 <= b <= 12:
                day_first = True
            elif b > 12 and 1 <= a <= 12:
                month_first = True
    if day_first == month_first:
        return None
    return "dmy" if day_first else "mdy"


def _header_cues(
    lines: list[str], header: dict[str, str] | None, day_first: bool = False
) -> tuple[list[tuple[date, str]], list[date], int]:
    """Publication and update dates from header fields and header lines.

    Returns (published cues as (date, evidence kind), update dates, number of header lines).
    """
    published: list[tuple[date, str]] = []
    updated: list[date] = []
    for key, value in (header or {}).items():
        key_lower = key.strip().lower().replace("_", " ")
        parsed = _first_date(str(value), day_first)
        if parsed is None:
            continue
        if key_lower in _UPDATED_KEYS:
            updated.append(parsed)
        elif key_lower in _PUBLISHED_KEYS:
            published.append((parsed, "header"))
    last_header = 0
    for index, line in enumerate(lines[:HEADER_LINES]):
        if COPYRIGHT.search(line):
            continue
        match = _HEADER_FIELD.match(line)
        if match:
            parsed = _first_date(match["value"], day_first)
            if parsed is not None:
                if match["key"].lower() in _UPDATED_KEYS:
                    updated.append(parsed)
                else:
                    published.append((parsed, "header"))
                last_header = index + 1
                continue
        match = _BYLINE.match(line)
        if match and (parsed := _first_date(match["value"], day_first)) is not None:
            published.append((parsed, "byline"))
            last_header = index + 1
            continue
        # a line that opens with a full date: "Wed 05 Apr 2017 Syria attack ..."
        prefix = _LEADING_WEEKDAY.match(line)
        found = find_dates(line[: prefix.end() + 40], day_first=day_first)
        if found and found[0].start == prefix.end() and plausible(found[0].value):
            published.append((found[0].value, "leading"))
    return published, updated, last_header


def _find_dateline(body: str) -> tuple[re.Match[str], str] | None:
    """The dateline opening one of the first body lines, with the lead sentence after it."""
    lines = [line for line in body.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        match = _DATELINE.match(line)
        if match:
            rest = line[match.end():]
            end = _SENTENCE_END.search(rest)
            return match, rest[: end.start()] if end else rest
    return None


def _month_day(match: re.Match[str]) -> tuple[int, int] | None:
    month = MONTHS.get(match["mon"].lower().rstrip("."))
    return (month, int(match["d"])) if month else None


def _weekday_cues(body: str) -> list[tuple[int, int, int, int]]:
    """(weekday, month, day, position) for each weekday-and-date cue in the body."""
    cues = []
    for pattern in (_WEEKDAY_DATE, _WEEKDAY_DATE_DMY):
        for match in pattern.finditer(body):
            month_day = _month_day(match)
            weekday = WEEKDAYS.get(match["wd"].lower())
            if month_day and weekday is not None:
                cues.append((weekday, *month_day, match.start()))
    return sorted(cues, key=lambda cue: cue[3])


def _from_dateline(body: str, hints: list[int], strong: list[int], today: date) -> tuple[date, float, str] | None:
    """(date, confidence, evidence) from a dateline opening the body, its year from the text if it prints none."""
    found_dateline = _find_dateline(body)
    if not found_dateline or not (month_day := _month_day(found_dateline[0])):
        return None
    dateline, lead = found_dateline
    year = int(dateline["y"]) if dateline["y"] else None
    weekday_same_day = [c[0] for c in _weekday_cues(body) if c[1:3] == month_day]
    confidence = CONF_DATELINE
    if year is None and weekday_same_day:
        year = infer_year(*month_day, weekday_same_day[0], hints, today)
    elif year is None and (weekday := lead_weekday(lead)) is not None:
        year = dateline_year(*month_day, weekday, strong, hints, today)
        confidence = CONF_DATELINE_WEEKDAY
    elif year is None and hints:
        year = infer_year(*month_day, None, hints, today)
        confidence = CONF_DATELINE_INFERRED
    value = make_date(year, *month_day) if year else None
    return (value, confidence, "text:dateline") if value is not None and plausible(value, today) else None


def _from_weekdays(body: str, hints: list[int], today: date) -> tuple[date, float, str] | None:
    """(date, confidence, evidence) from the first early weekday-and-date cue that gives a plausible date."""
    for weekday, month, day, position in _weekday_cues(body):
        if position > max(1500, len(body) // 2):
            break  # late mentions are rarely the publication day
        year = infer_year(month, day, weekday, hints, today)
        value = make_date(year, month, day) if year else None
        if value is not None and plausible(value, today):
            return value, CONF_WEEKDAY, "text:weekday"
    return None


def date_text(
    text: str,
    header: dict[str, str] | None = None,
    *,
    today: date | None = None,
    slash_order: str | None = None,
) -> DateFinding:
    """Publication date of a plain-text article (see the module docstring).

    ``text`` is the whole raw text, header lines included; ``header`` holds
    header fields already split off by cleaning (``{"date": ..., "updated": ...}``).
    ``today`` bounds year inference (default: the current date).
    ``slash_order`` (``"dmy"`` or ``"mdy"``, from :func:`slash_order` over the
    outlet's texts) says how ambiguous slashed dates such as ``08/05/2024`` are
    read; None keeps the default (month first unless the first field exceeds 12).
    """
    if slash_order not in (None, "dmy", "mdy"):
        raise ValueError(f"slash_order must be 'dmy', 'mdy' or None, not {slash_order!r}")
    day_first = slash_order == "dmy"
    today = today or date.today()
    lines = (text or "").splitlines()
    published, updated, header_end = _header_cues(lines, header, day_first)
    body_lines = [line for line in lines[header_end:] if not COPYRIGHT.search(line)]
    body = "\n".join(body_lines)
    header_years = [value.year for value, _ in published] + [value.year for value in updated]
    hints = year_hints("\n".join(body_lines), header_years, today)
    # years printed on header lines (masthead, byline, edition) pin a year-less dateline
    strong_hints = header_years + [
        int(year)
        for line in lines[: max(header_end, 3)]
        if not COPYRIGHT.search(line)
        for year in YEAR.findall(line)
        if MIN_DATE.year <= int(year) <= today.year
    ]

    finding = DateFinding(updated=max(updated) if updated else None)
    plausible_published = [(value, kind) for value, kind in published if plausible(value, today)]
    if plausible_published:
        value, kind = plausible_published[0]
        finding.published = value
        finding.confidence = {"header": CONF_HEADER, "byline": CONF_BYLINE}.get(kind, CONF_LEADING)
        finding.evidence = "text:byline" if kind == "byline" else "text:header"
    else:
        found = _from_dateline(body, hints, strong_hints, today) or _from_weekdays(body, hints, today)
        if found:
            finding.published, finding.confidence, finding.evidence = found
    if finding.updated is not None and finding.published is not None and finding.updated < finding.published:
        finding.updated = None  # an "update" before publication is noise
    finding.mentioned = sorted(
        {
            found.value
            for found in find_dates(body, day_first=day_first)
            if plausible(found.value, today) and found.value != finding.published
        }
    )
    return finding
