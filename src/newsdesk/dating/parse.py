"""Turn date strings into :class:`datetime.date` values.

Small, dependency-free parsers shared by the HTML and text cues:

* :func:`parse_given_date` normalises a date *given* in metadata (ISO 8601,
  RFC 822 from feeds, ``6/2/23``, ``2 June 2023``, epoch seconds...).
* :func:`find_dates` scans free text for explicit calendar dates and returns
  them with their character spans.
* :func:`plausible` rejects dates outside the range news can come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

# Earliest publication date we accept (the web news era; htmldate uses 1995 too).
MIN_DATE = date(1995, 1, 1)

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan januar janvier enero gennaio janeiro jänner",
        "february feb februar février fevrier febrero febbraio fevereiro",
        "march mar märz maerz mars marzo março",
        "april apr avril abril aprile",
        "may mai mayo maggio maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto",
        "september sep sept septembre septiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        ]
    )
    for name in names.split()
}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_WORD = rf"(?P<mon>{_MONTH_RE})\.?"

# Patterns for free text and metadata, most specific first. Named groups:
# y (year), m (numeric month), mon (month word), d (day).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])")),
    ("ymd", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?![\d])")),
    ("dmy.", re.compile(r"(?<![\d/.-])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d)(?!\d)")),
    ("dmy.yy", re.compile(r"(?<![\d/.,-])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d\d)(?![\d.,])")),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH_WORD}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH_WORD},?\s+(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    ("m/d/y", re.compile(r"(?<![\d/.-])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])")),
]

_RFC822 = re.compile(
    rf"^(?:[a-z]{{3,9}},?\s+)?(?P<d>\d{{1,2}})\s+{_MONTH_WORD}\s+(?P<y>\d{{4}})", re.I
)
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:$|[T\s])")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


@dataclass(slots=True, frozen=True)
class FoundDate:
    """A calendar date found in text, with its span and the pattern's name."""

    value: date
    start: int
    end: int
    kind: str


def plausible(value: date | None, latest: date | None = None) -> bool:
    """True when ``value`` lies between :data:`MIN_DATE` and ``latest`` (default: tomorrow)."""
    if value is None:
        return False
    latest = latest or (date.today() + timedelta(days=1))
    return MIN_DATE <= value <= latest


def make_date(year: int, month: int, day: int) -> date | None:
    """A :class:`date` or None when the triple is not a real calendar day."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(kind: str, match: re.Match[str], day_first: bool) -> date | None:
    groups = match.groupdict()
    month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
    if month is None:
        return None
    year, day = int(groups["y"]), int(groups["d"])
    if kind == "m/d/y" and (month > 12 >= day or (day_first and day <= 12)):
        month, day = day, month  # 25/12/2020, or 06/02/2023 read day first
    return make_date(year, month, day)


def find_dates(
    text: str, kinds: tuple[str, ...] | None = None, day_first: bool = False
) -> list[FoundDate]:
    """All explicit, valid calendar dates in ``text`` in order of position.

    Overlapping matches are resolved in favour of the earlier pattern in
    :data:`_PATTERNS` (ISO before slashed numbers). ``kinds`` restricts the
    patterns used. Slashed dates such as ``06/02/2023`` are read month first
    (US) unless ``day_first`` is set or the first number exceeds 12; their
    kind is ``m/d/y?`` when both readings are possible.
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if kinds is not None and kind not in kinds:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            value = _from_match(kind, match, day_first)
            if value is not None:
                if kind == "m/d/y" and value.day <= 12 and value.month != value.day:
                    kind_here = "m/d/y?"
                else:
                    kind_here = kind
                found.append(FoundDate(value, start, end, kind_here))
                taken.append((start, end))
    found.sort(key=lambda f: f.start)
    return found


def parse_given_date(value: str | None, *, day_first: bool = False) -> date | None:
    """Normalise a publication date given in metadata; None if it cannot be read.

    Accepts ISO 8601 dates and timestamps (``2023-06-02``,
    ``2023-06-02T09:40:00Z``: the local calendar date is kept, the time zone
    is not applied), compact ``20230602``, RFC 822 feed dates
    (``Fri, 02 Jun 2023 09:40:00 +0000``), US numeric ``6/2/23`` (month first,
    unless the first number cannot be a month), European ``02.06.2023``,
    written dates (``June 2, 2023``, ``2 June 2023``) and Unix epoch seconds or
    milliseconds. Implausible dates (before 1995, after tomorrow) give None.
    ``day_first`` reads ambiguous slashed dates (``08/05/2024``) day first.
    """
    if not value:
        return None
    text = str(value).strip()
    if not text:
        return None
    result: date | None = None
    if _EPOCH.match(text):
        seconds = int(text[:10])
        result = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    elif match := _COMPACT.match(text):
        result = make_date(int(match["y"]), int(match["m"]), int(match["d"]))
    elif match := _RFC822.match(text):
        month = MONTHS.get(match["mon"].lower())
        result = make_date(int(match["y"]), month, int(match["d"])) if month else None
    else:
        found = find_dates(text[:80], day_first=day_first)
        result = found[0].value if found else None
    return result if plausible(result) else None
