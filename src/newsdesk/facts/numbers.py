"""Quantities in running text: numbers in digits or words with scale words,
currencies and conversions, percentages, ranges, votes and qualifiers.

``find_quantities(text)`` returns every :class:`Quantity` that could be a
reported figure. Dates, years, times, ages, durations, ordinals, street and
route numbers and numbers inside names ("Apollo 11", "G7", "COVID-19",
"Resolution 2334") are left out (``numbers_nonfigure``); currencies are read by
``numbers_money``. Which *kind* of figure a quantity is, and what it counts, is
decided in ``figures.py``; here a count's ``unit`` is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from newsdesk.facts import scan
from newsdesk.facts.numbers_money import CUR_BEFORE, is_conversion, money
from newsdesk.facts.numbers_nonfigure import is_non_figure

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "mn": 1e6, "bn": 1e9, "tn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3}
_NW = "|".join(_UNITS + _TEENS + _TENS + ["hundred", "thousand", "million", "billion", "trillion", "dozen"])
_DIG = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FRACTION = r"(?:half|a\s+quarter|a\s+third|three\s+quarters)\s+(?:of\s+)?an?"
_WORDS = rf"(?:(?:{_FRACTION}|an?)\s+)?(?:{_NW})(?:(?:\s+|-|\s+and\s+)(?:{_NW}))*"
_VAGUE = (r"(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions)"
          r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million)"
          r"|dozens|hundreds|thousands|millions|scores(?=\s+(?:of|more|others|were|have|had)\b)")
_VAGUE_VALUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
                "dozen": 36, "hundred": 300, "thousand": 3000, "million": 3e6}
_CORE_BODY = rf"(?:(?P<dig>{_DIG})|(?P<vague>{_VAGUE})|(?P<words>{_WORDS}))(?![\w/:]|,\d|\.\d)"
_CORE = re.compile(rf"(?<![\w.,/:$€£¥₹-]){_CORE_BODY}|(?<=[$€£¥₹])(?P<dig2>{_DIG})(?![/:]|,\d|\.\d)", re.I)
_START = re.compile(rf"\d|\b(?:{_NW}|an?\s+(?:hundred|thousand|million|billion|trillion|dozen|quarter|third)|half|three\s+"
                    r"quarters|tens|hundreds|dozens|scores|thousands|millions|several|a\s+few)\b", re.I)
_FIRST_WORDS = frozenset(_NW.split("|") + "a an half three tens hundreds dozens scores thousands millions several".split())
_CORE_NEXT = re.compile(rf"{_CORE_BODY}|(?P<dig2>(?!))", re.I)  # the second number of a range, after "-"
_SCALE_AFTER = re.compile(r"(?:\s+|-)?(thousand|million|billion|trillion)\b|(mn|bn|tn|m|b|k)\b", re.I)
_PERCENT = re.compile(r"\s?%|\s+(?:per\s?cent|percent|pc)\b(?:age\s+points?)?|\s+percentage\s+points?\b", re.I)
_QUALS = ("at the very least|at the least|greater than|as high as|as low as|at least|at most|no fewer than|no less than|not less than|more than|less than|fewer than|"
          "well over|just over|just under|over|under|nearly|almost|about|around|roughly|approximately|"
          "some|up to|as many as|as few as|close to|an estimated|estimated|upwards of|in excess of|"
          "a maximum of|a minimum of|below|above|exactly|only|a total of|a further|another")
_QUAL_BEFORE = re.compile(rf"\b({_QUALS})\s+(?:of\s+)?$", re.I)
_VOTE_CONTEXT = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?|in\s+favou?r|abstain\w*|abstentions?|motion|"
                           r"resolution|bill|referendum)\b", re.I)
_RANGE_MID = re.compile(r"(?:\s+votes?(?=\s+to\b))?\s*(?:-|–|—|to(?:\s+(?:well\s+)?(?:over|more\s+than|above|about|nearly|"
                        r"almost|around))?)\s*(?:(?:US|S|A|C|HK|NZ)?\$|€|£)?", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:(?:US|S|A|C|HK|NZ)?\$|€|£)?$", re.I)
_AND_MID = re.compile(r"\s+and\s+(?:(?:US|S|A|C|HK|NZ)?\$|€|£)?", re.I)
_VOTES_WORD = re.compile(r"\s+votes?\b", re.I)



@dataclass(slots=True)
class Quantity:
    """A number as written and its normalised value; ``unit`` is None for a plain count."""

    start: int
    end: int
    text: str
    value: float
    value_high: float | None = None  # high end of a range
    unit: str | None = None  # USD | EUR | ... | percent | percentage points | votes | None (count)
    qualifier: str | None = None  # as written, lower case: "at least", "nearly", "some", "dozens"
    vague: bool = False  # "dozens", "hundreds", "tens of thousands": value is a lower-bound guess
    converted: str | None = None  # a conversion in brackets after money: "SGD 1600000000"
    against: float | None = None  # votes against ("141 to 5")


def words_value(words: str) -> float | None:
    """Value of a number in words: "twenty-six" 26, "a million" 1e6, "half a million" 5e5, "a dozen" 12."""
    w = re.sub(r"\s+", " ", words.strip().lower().replace("-", " "))
    factor = 1.0
    frac = re.match(r"(half|a quarter|a third|three quarters) (?:of )?an? ", w)
    if frac:
        factor = {"half": 0.5, "a quarter": 0.25, "a third": 1 / 3, "three quarters": 0.75}[frac.group(1)]
        w = "one " + w[frac.end():]
    elif w.startswith(("a ", "an ")):
        w = "one " + w.split(" ", 1)[1]
    if w.endswith("dozen"):
        base = w[: -len("dozen")].strip() or "one"
        inner = words_value(base)
        return None if inner is None else inner * 12 * factor
    try:
        return float(text2num(w, "en")) * factor
    except ValueError:
        return None


def _digits_value(s: str) -> float:
    return float(s.replace(",", ""))


def _parse_core(m: re.Match) -> tuple[float, bool] | None:
    if m.group("dig") or m.group("dig2"):
        return _digits_value(m.group("dig") or m.group("dig2")), False
    if m.group("vague"):
        v = m.group("vague").lower().split()
        if len(v) == 3 and v[1] == "of":  # tens of thousands
            return {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100}[v[0]] * 2 * {"thousands": 1e3, "millions": 1e6}[v[2]], True
        if len(v) >= 2:  # several hundred, a few thousand
            return _VAGUE_VALUE[v[-1]], True
        return _VAGUE_VALUE[v[0]], True
    value = words_value(m.group("words"))
    return (value, False) if value is not None else None


def _shorten_words(text: str, m: re.Match) -> re.Match | None:
    """Longest prefix of a run of number words that parses ("five and six" -> "five")."""
    words = list(re.finditer(r"[A-Za-z]+", m.group(0)))
    for k in range(len(words) - 1, 0, -1):
        end = m.start() + words[k - 1].end()
        sub = _CORE.match(text[: end], m.start())
        if sub and sub.end() == end and _parse_core(sub) is not None:
            return sub
    return None


class _Scanner:
    def __init__(self, text: str):
        self.text = text

    def before(self, pos: int, n: int = 40) -> str:
        return self.text[max(0, pos - n): pos]

    def after(self, pos: int, n: int = 60) -> str:
        return self.text[pos: pos + n]

    def core_at(self, pos: int, follows: bool = False) -> tuple[re.Match, float, bool] | None:
        m = (_CORE_NEXT if follows else _CORE).match(self.text, pos)
        if not m:
            return None
        parsed = _parse_core(m)
        if parsed is None and m.group("words"):
            m = _shorten_words(self.text, m)
            parsed = _parse_core(m) if m else None
        return (m, *parsed) if parsed else None

    def number(self, m: re.Match, value: float, vague: bool, money: bool) -> tuple[float, int, bool]:
        """Apply a scale word after the core; returns value, end, whether a scale word was found."""
        end = m.end()
        s = _SCALE_AFTER.match(self.text, end)
        if s and not vague and (m.group("dig") or m.group("dig2")):
            word = (s.group(1) or s.group(2)).lower()
            if word not in ("m", "b", "k") or (money and s.start() == end):
                return value * _SCALES[word], s.end(), True
        return value, end, False


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` that could be a reported figure, in text order."""
    sc = _Scanner(text)
    out: list[Quantity] = []
    pos = 0
    starts = scan.Starts(text, _FIRST_WORDS.__contains__, digits=True)
    while True:
        m = starts.search(_START, pos)  # a cheap scan for where a number may start
        if not m:
            return out
        got = sc.core_at(m.start())
        if not got:
            pos = m.end()
            continue
        q, pos = _quantity(sc, *got)
        if q is not None:
            if out and q.unit and out[-1].unit and out[-1].unit not in ("percent", "votes") and is_conversion(text, out[-1], q):
                out[-1].converted = f"{q.unit} {q.value:.0f}"
                continue
            out.append(q)


def _quantity(sc: _Scanner, m: re.Match, value: float, vague: bool) -> tuple[Quantity | None, int]:
    text = sc.text
    start = m.start()
    money_before = bool(CUR_BEFORE.search(sc.before(start, 12)))
    value, end, scaled = sc.number(m, value, vague, money_before)
    if not money_before and not vague and is_non_figure(sc, m, end, value, scaled):
        return None, m.end()
    unit, qstart, qend = money(text, start, end)
    q = Quantity(qstart, qend, "", value, unit=unit, vague=vague)
    if vague:
        q.qualifier = re.sub(r"\s+", " ", m.group(0).lower())
    if unit is None:
        p = _PERCENT.match(text, end)
        if p:
            q.unit = "percentage points" if "point" in p.group(0).lower() else "percent"
            q.end = p.end()
    if not _range_or_vote(sc, q):
        return None, q.end
    if q.unit is None and _VOTES_WORD.match(text, q.end) and q.against is None:
        q.unit = "votes"
    qual = _QUAL_BEFORE.search(sc.before(q.start, 30))
    if qual and not q.vague:
        q.qualifier = re.sub(r"\s+", " ", qual.group(1).lower())
        q.start -= len(qual.group(0))
    q.text = text[q.start: q.end]
    return q, max(q.end, m.end())


def _range_or_vote(sc: _Scanner, q: Quantity) -> bool:
    """Extend ``q`` over "200-300", "between 200 and 300", "141 to 5" (votes); False for a score ("3-1")."""
    text = sc.text
    between = _BETWEEN.search(sc.before(q.start, 14))
    mid = (_AND_MID if between else _RANGE_MID).match(text, q.end)
    between = between or re.search(r"\bfrom\s+$", sc.before(q.start, 6), re.I)  # "from 500 to 1000" starts at "from"
    if not mid or re.search(r"\b(?:ris\w*|rose|increas\w*|jump\w*|climb\w*|f[ae]ll\w*|drop\w*|declin\w*|grow\w*|grew|"
                            r"went|up|down|rais\w*|lower\w*|cut\w*|chang\w*|shr[iau]nk\w*)\s+from\s+(?:\S+\s+)?$",
                            sc.before(q.start, 40), re.I):  # "rose from 20 to 30" is a change, not a range
        return True
    got = sc.core_at(mid.end(), follows=True)
    if not got:
        return True
    m2, v2, vague2 = got
    v2, end2, scaled2 = sc.number(m2, v2, vague2, q.unit is not None)
    if vague2 or is_non_figure(sc, m2, end2, v2, scaled2) and not scaled2:
        return True
    unit2, _, end2 = money(text, m2.start(), end2)
    p = _PERCENT.match(text, end2) if q.unit in (None, "percent") else None
    if p:
        end2 = p.end()
    sentence = text[max(0, q.start - 120): end2 + 120]
    if v2 < q.value and q.unit is None and not p:
        if _VOTE_CONTEXT.search(sentence) or _VOTES_WORD.match(text, end2):
            q.unit, q.against, q.end = "votes", v2, end2
            return True
        return not re.match(r"\s*[-–]", mid.group(0))  # "3-1" is a score, not a figure
    if scaled2 and q.value * 1000 <= v2:  # "2 to 3 million": the scale word applies to both ends
        factor = v2 / _digits_value(m2.group("dig") or m2.group("dig2") or "1") if (m2.group("dig") or m2.group("dig2")) else 1
        q.value *= factor
    if q.value < v2:
        q.value_high, q.end = v2, end2
        if p and q.unit is None:
            q.unit = "percent"
        q.unit = q.unit or unit2
        if between:
            q.start -= len(between.group(0))
    return True
