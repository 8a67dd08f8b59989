"""Numbers that are not reported figures: dates, years, times, ages, durations,
ordinals, street and route numbers, and numbers inside names ("Apollo 11",
"COVID-19", "Resolution 2334"). Used by ``numbers.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.facts.numbers import _Scanner

_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})\b\.?", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$", re.I)
_TIME_UNITS = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|nights?)"
_DURATION = re.compile(rf"(?:\s+|-)(?:(?:more|other|long|full|consecutive|straight|whole|entire)\s+)?{_TIME_UNITS}\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|age of|ages of)\s+(?:between\s+)?$", re.I)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\b\.?|p\.?m\b\.?|GMT|UTC|hrs\b|local\s+time|o'clock)", re.I)
_YEAR_PREP = re.compile(r"\b(?:in|since|of|by|until|till|from|before|after|during|between|and|to|early|late|mid|"
                        r"spring|summer|autumn|fall|winter|year|the)\s+$", re.I)
_NAME_PREFIX = re.compile(
    r"\b(?:Route|Highway|Interstate|Road|Street|Flight|Apollo|Resolution|Article|Section|Chapter|Room|Gate|"
    r"Terminal|Platform|Line|Bus|Unit|Block|Building|Ward|Sector|Brigade|Division|Battalion|Regiment|Squadron|"
    r"Exit|Pier|Lot|Plot|Paragraph|Clause|Amendment|Proposition|Prop|Measure|Bill|Act|Windows|Formula|Model|"
    r"Version|Phase|Level|Stage|Grade|Class|Category|Type|Mark|Channel|Camp|Checkpoint|Boeing|Airbus|Vol|Volume|"
    r"Page|Number|No|Nos|Km|Kilometre|Kilometer|Hill|Height|Point|Ward|Precinct|District|Episode|Season|Part)"
    r"\.?\s*$|#\s*$")
_STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|"
                           r"Way|Place|Square|Court|Terrace|Crescent|Highway)\b")
_CLOCK_AFTER = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o'clock)\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:since|until|till)\s+(?:before\s+|after\s+|about\s+|around\s+)?$", re.I)
_PAGE_BEFORE = re.compile(r"\b(?:page|pages|pp?\.|paragraph|chapter|clause|section|footnote)\s*$", re.I)
# "rang eleven times", "four more than the 27": a frequency or a difference, not a count
_TIMES_OR_DIFF = re.compile(r"\s+(?:times\b|(?:more|fewer|less|higher|lower)\s+than\b)", re.I)
# "0800 550 550" (a phone number), "Get short URL 0 612" (share counters on a scraped page)
_PHONE_BEFORE = re.compile(r"\b0\d{2,}(?:[\s-]\d+)*[\s-]$")
_SHARE_BEFORE = re.compile(r"\bshort\s+URL\b[^.\n]{0,80}?\s$")
_PERSON_ONE = re.compile(r"\s+(?:\w+\s+)?(?:person|civilian|child|soldier|man|woman|boy|girl|fighter|officer|"
                         r"policeman|member|resident|journalist|worker|student|militant|rebel|doctor|nurse|patient|"
                         r"passenger|protester|demonstrator|victim|body|dead|killed|died|injured|wounded)\b", re.I)


def is_non_figure(sc: _Scanner, m: re.Match, end: int, value: float, scaled: bool) -> bool:
    """True when the number ``m`` (value after any scale word, ending at ``end``) is not a reported figure."""
    text, start = sc.text, m.start()
    before, after = sc.before(start), sc.after(end)
    digits = m.group("dig") or m.group("dig2")
    if re.match(r"(?:st|nd|rd|th)\b|'?s\b", after) and digits:  # ordinal, decade
        return True
    if _CLOCK_AFTER.match(after) or _TIMES_OR_DIFF.match(after) or _PAGE_BEFORE.search(before):
        return True
    if not digits and value <= 12 and _SINCE_BEFORE.search(before):  # "queuing since before seven"
        return True
    if digits and (re.fullmatch(r"0\d{2,}", digits) or _PHONE_BEFORE.search(before)):
        return True
    if digits and _SHARE_BEFORE.search(before) and re.match(r"\s+(?:\d|[A-Z])|\s*$", after):
        return True
    if _MONTH_AFTER.match(after) and value <= 31 or _MONTH_BEFORE.search(before):
        return True
    if _DURATION.match(after) or re.match(r"[\s-]+years?[\s-]+old|-year|-month|-week|-day|-hour", after, re.I):
        return True
    if _AGE_BEFORE.search(before) or (re.search(r"[A-Z][a-z]+\s*,?\s*\($", before) and re.match(r"\)", after)):
        return True
    if digits and value < 120 and re.search(r"\b[A-Z][a-z]+,\s*$", before) and re.match(r"\s*,", after):
        return True  # "John Smith, 45, a teacher"
    if digits and (_TIME_AFTER.match(after) or re.search(r"\bat\s+$", before) and re.fullmatch(r"[012]\d{3}", digits)):
        return True
    if _NAME_PREFIX.search(before) or re.search(r"\b(?:number|no\.)\s*$", before, re.I) or _STREET_AFTER.match(after):
        return True
    if digits and re.search(r"[A-Za-z]-$", before):  # COVID-19, F-16, Su-24
        return True
    if digits and re.match(r"([-/.])\d{1,2}\1\d{2,4}\b", after):
        return True  # 2024-06-05, 05-07-2015, 02.10.2017
    if digits and not scaled and re.fullmatch(r"1[6-9]\d\d|20\d\d", digits):
        plural_after = re.match(r"\s+(?:[a-z'-]+\s+)?[a-z'-]*(?:s|people|men|women|children)\b", after)
        if _YEAR_PREP.search(before) or not plural_after or re.match(r"\s*[-–]\s*\d{2}\b", after):
            return True
    if not digits and value == 1 and m.group(0).lower() == "one":
        return not (_PERSON_ONE.match(after) or re.search(r"\b(?:kill\w*|wound\w*|injur\w*)\s+$", before, re.I))
    # a capitalised word right before a small bare number, followed by no plural noun: "Apollo 11 mission"
    if digits and "," not in digits and "." not in digits and not scaled:
        cap = re.search(r"[a-z,;:]\s+([A-Z][A-Za-z]+)\s$", before)
        if cap and not re.match(r"\s+[A-Za-z'-]*s\b", after) and cap.group(1) not in _CAP_OK:
            return True
    return False


_CAP_OK = {"The", "Some", "About", "Nearly", "Almost", "Over", "Around", "Only", "All", "At", "And", "But", "With",
           "Least", "Than", "To", "Of", "Killed", "Kills", "Kill", "Killing", "Injured", "Injures", "Wounded",
           "Wounds", "Dead", "Toll", "Rises", "Rise", "Hits", "Reaches", "Leaves", "Leave", "Claims", "Dies", "Die",
           "Arrested", "Arrests", "Detained", "Detains", "Displaces", "Displaced", "Flee", "Flees", "Up", "More",
           "Another", "Estimated", "Says", "Say", "Said", "Further", "Approximately", "Roughly", "Pledges", "Gives", "Sends", "Approves"}
