"""The year of a date printed without one, in a plain-text article.

A dateline or a weekday-and-date cue often prints only month and day
(``RIVERTON, June 5 (Reuters) -``, ``on Tuesday (June 6)``). Its year comes from
a weekday the text gives for that day (the weekday pins the year), else from
years the text itself names (:func:`year_hints`): header and byline years first,
then years mentioned in the body (copyright lines never count).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .parse import MIN_DATE, WEEKDAYS, make_date

YEAR_WINDOW = 15  # a year-less dateline pinned by a weekday lies at most this many years before today
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.I)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FULL_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def year_hints(text: str, header_years: list[int], today: date) -> list[int]:
    """Years the text itself points to: header years first, then years mentioned."""
    counts = Counter(
        int(year)
        for line in text.splitlines()
        if not COPYRIGHT.search(line)
        for year in YEAR.findall(line)
        if MIN_DATE.year <= int(year) <= today.year
    )
    return header_years + [year for year, _ in counts.most_common()]


def infer_year(month: int, day: int, weekday: int | None, hints: list[int], today: date) -> int | None:
    """The year of a month/day (optionally pinned by a weekday), or None if unsure.

    With a weekday, the year must make that day the given weekday: the hinted
    year (or the one next to it, for turn-of-year stories) if it fits, else
    the most recent fitting year not after ``today``. Without a weekday, only
    a hinted year is used.
    """
    def fits(year: int) -> bool:
        candidate = make_date(year, month, day)
        return candidate is not None and candidate <= today and (
            weekday is None or candidate.weekday() == weekday
        )

    for hint in hints[:3]:
        for year in (hint, hint - 1, hint + 1) if weekday is not None else (hint,):
            if fits(year):
                return year
        if weekday is None:
            return None  # the main hint does not give a valid past date
    if weekday is None or hints:
        return None
    for year in range(today.year, MIN_DATE.year - 1, -1):
        if fits(year):
            return year
    return None


def lead_weekday(sentence: str) -> int | None:
    """The weekday a lead sentence gives for its dateline day (0 = Monday), or None.

    A wire lead names the dateline day ("said on Tuesday") and sometimes days
    shortly before it ("since the dam burst on Monday"). With several weekdays,
    the one from which the others lie fewest days back is taken.
    """
    found = [WEEKDAYS[word.lower()] for word in _FULL_WEEKDAY.findall(sentence)]
    if not found:
        return None
    distinct = list(dict.fromkeys(found))
    return min(distinct, key=lambda day: sum((day - other) % 7 for other in distinct))


def dateline_year(
    month: int, day: int, weekday: int, strong: list[int], weak: list[int], today: date
) -> int | None:
    """The year in which ``month``/``day`` falls on ``weekday``.

    A strong hint (a header or byline year; the year next to it for
    turn-of-year stories) wins if it fits; otherwise the fitting years of the
    last :data:`YEAR_WINDOW` years (not after ``today``) are candidates: one
    the text mentions (``weak``) if any, else the most recent.
    """
    def fits(year: int) -> bool:
        candidate = make_date(year, month, day)
        return candidate is not None and candidate <= today and candidate.weekday() == weekday

    for hint in strong[:3]:
        for year in (hint, hint - 1, hint + 1):
            if fits(year):
                return year
    candidates = [year for year in range(today.year, today.year - YEAR_WINDOW - 1, -1) if fits(year)]
    for hint in weak:
        if hint in candidates:
            return hint
    return candidates[0] if candidates else None
