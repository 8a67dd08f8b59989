"""What surrounds a figure in its sentence: sentence bounds, who the figure is
attributed to, its as-of date, and whether the text says it is unverified.

Plain rules over the text (no parser), used by ``figures.py``.
"""

from __future__ import annotations

import datetime as dt
import re

_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "rep", "sen", "gov", "prof", "st",
           "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "u.s",
           "u.n", "u.k", "e.g", "i.e", "rev", "adm", "cpl", "pte", "brig", "mt", "ft", "jr", "sr", "approx"}
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a rule splitter that knows common abbreviations and initials."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)$", text[start: m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


# ---- attribution -----------------------------------------------------------------------------

_VERBS = (r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|claimed|claims|estimated|"
          r"estimates|confirmed|confirms|added|tweeted|wrote|documented|recorded|counted|put|puts|quoted")
_SOURCE_WORDS = set("""official officials spokesman spokeswoman spokesperson spokesmen minister ministry monitor
monitoring group groups source sources agency agencies police army military government authorities authority
activists activist witnesses witness doctors doctor medics medical residents resident media television tv state
news health local senior human rights defence defense civil statement organisation organization observatory
workers rescue rescuers hospital provincial governor commander opposition coalition security officer officers
correspondent reporters network channel radio outlet watchdog charity council committee office department chief
head director mayor lawmakers diplomat diplomats analysts experts researchers of for the a an and ukrainian
russian syrian iraqi israeli palestinian turkish kurdish lebanese affairs interior foreign general public
prosecutor prosecutors ministry's team teams volunteers website channel's paramedics service services centre
center coordinator envoy report data figures count toll local-level regional district municipal village
britain-based british-based u.k.-based uk-based london-based us-led u.s.-led pro-government pro-regime
""".split())
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "this", "which", "who"}
_BEFORE_VERB = re.compile(rf"\b({_VERBS})\b", re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|figures\s+from|data\s+from|a\s+report\s+by|reported\s+by)\s+", re.I)
_NP_END = re.compile(r"\s*(?:[,;:.()\"“”—]|\s(?:which|who|that|on|as|while|but|when|after|since|said|says|in\s+a|"
                     r"in\s+its|at|by|with|via|on|citing|adding|because|to|last|this|earlier|late|amid)\b)", re.I)
_WEEKDAY_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"


def _np_forward(text: str, pos: int, limit: int) -> str | None:
    m = _NP_END.search(text, pos, limit)
    np = text[pos: m.start() if m else limit].strip()
    np = re.sub(rf"\s+(?:on\s+)?{_WEEKDAY_WORDS}\b.*$", "", np)
    words = np.split()
    if not words or len(words) > 9 or words[0].lower() in _PRONOUNS:
        return None
    return " ".join(words)


def _np_backward(text: str, start: int, pos: int) -> str | None:
    words = list(re.finditer(r"[\w$&'’.-]+", text[start:pos]))
    kept: list[re.Match] = []
    for w in reversed(words):
        token = w.group(0).rstrip(".")
        gap = text[start + w.end(): start + (kept[-1].start() if kept else pos - start)]
        if kept and re.search(r"[,;:\"“”()—]", gap):
            break
        if token.lower() in _PRONOUNS:
            if not kept:
                return token.lower()
            break
        if token.lower() in {"the", "a", "an"} and kept:
            kept.append(w)  # "... Aleppo a monitoring group said": the determiner starts the phrase
            break
        if token[:1].isupper() or token.lower() in _SOURCE_WORDS or token.lower().endswith(("-based", "-led", "-run")):
            if token[:1].isdigit():
                break
            kept.append(w)
            if len(kept) >= 9:
                break
            continue
        break
    while kept and kept[-1].group(0).lower() in {"of", "for", "and"}:
        kept.pop()
    while kept and kept[0].group(0).lower() in {"of", "for", "and", "the", "a", "an"}:
        kept.pop(0)
    if not kept or all(k.group(0).lower() in {"the", "a", "an"} for k in kept):
        return None
    np = text[start + kept[-1].start(): start + kept[0].end()]
    if np.split()[0] in {"The", "A", "An"} and len(np.split()) > 1:
        np = np[0].lower() + np[1:]
    return np


def source_candidates(text: str, s0: int, s1: int) -> list[tuple[int, str]]:
    """Attribution phrases in sentence [s0, s1): (offset, who), e.g. (120, "the UN"); "he"/"it" for a pronoun.

    An "according to X" phrase counts as twice as close as a said-verb at the same distance."""
    found: list[tuple[int, str]] = []
    for m in _ACCORDING.finditer(text, s0, s1):
        np = _np_forward(text, m.end(), s1)
        if np:
            found.append((m.start(), np + "\x00"))
    for m in _BEFORE_VERB.finditer(text, s0, s1):
        verb = m.group(1).lower()
        if verb in ("put", "puts") and not re.match(r"\s+the\s+(?:death\s+)?toll", text[m.end(): s1]):
            continue
        np = _np_backward(text, s0, m.start())
        if np is None and verb in ("said", "says", "reported", "told", "added"):
            np = _np_forward(text, m.end(), s1) if re.match(r"\s+(?:the\s+|a\s+|[A-Z])", text[m.end(): s1]) else None
        if np:
            found.append((m.start(), np))
    return found


def nearest_source(candidates: list[tuple[int, str]], at: int) -> str | None:
    """The attribution closest to offset ``at`` among ``source_candidates``."""
    best = None
    for pos, np in candidates:
        according = np.endswith("\x00")
        dist = abs(pos - at) // (2 if according else 1)
        if best is None or dist < best[0]:
            best = (dist, np.rstrip("\x00"))
    return best[1] if best else None


# ---- as-of date --------------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_NUM = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATE = re.compile(
    rf"(?P<lead>\b(?:as\s+of|as\s+at|since|by|until|on|from)\s+)?(?:"
    rf"(?P<wd>\b{_WEEKDAY_WORDS})\b(?!\s+(?:\d{{1,2}}\s+)?{_MONTH})"
    rf"|\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>(?:19|20)\d\d))?"
    rf"|\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>(?:19|20)\d\d))?"
    rf"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    rf"|\b(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)\b)", re.I)


def _resolve(m: re.Match, published: dt.date | None) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        if m.group("md_m") or m.group("dm_m"):
            month = _MONTH_NUM.get((m.group("md_m") or m.group("dm_m"))[:3].lower())
            day = int(m.group("md_d") or m.group("dm_d"))
            year = m.group("md_y") or m.group("dm_y")
            if year:
                return dt.date(int(year), month, day)
            if published is None:
                return None
            d = dt.date(published.year, month, day)
            return d.replace(year=published.year - 1) if d > published + dt.timedelta(days=7) else d
    except ValueError:
        return None
    if published is None:
        return None
    if m.group("wd"):
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd").lower().rstrip("s"))) % 7
        return published - dt.timedelta(days=back)
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    return published - dt.timedelta(days=1) if rel in ("yesterday", "last night") else published


def dates_in(text: str, s0: int, s1: int, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Dates a figure in sentence [s0, s1) may hold for: (rank, offset, date); rank 0 for "as of"."""
    found = []
    for m in _DATE.finditer(text, s0, s1):
        lead = (m.group("lead") or "").strip().lower()
        if lead in ("since", "from"):
            continue  # a "since ..." date starts a period
        d = _resolve(m, published)
        if d is not None:
            found.append((0 if lead.startswith("as") else 1, m.start(), d))
    return found


def nearest_date(dates: list[tuple[int, int, dt.date]], at: int, published: dt.date | None) -> str | None:
    """The as-of date of a figure at ``at``: an "as of" date, else the nearest date, else the publication date."""
    if dates:
        return min(dates, key=lambda d: (d[0], abs(d[1] - at)))[2].isoformat()
    return published.isoformat() if published else None


# ---- verification ------------------------------------------------------------------------------

_UNVERIFIED = re.compile(
    r"\b(?:could\s+not|cannot|can\s*not|can't|couldn't|was\s+unable\s+to|were\s+unable\s+to|unable\s+to|"
    r"was\s+not\s+able\s+to|not\s+possible\s+to|impossible\s+to|no\s+way\s+to|has\s+not\s+been\s+able\s+to|"
    r"have\s+not\s+been\s+able\s+to)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm|corroborat)\w*"
    r"|\b(?:not|never)\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b|\bunverified\b|\bunconfirmed\b",
    re.I)


def says_unverified(sentence: str) -> bool:
    """True when the sentence says something could not be (independently) verified."""
    low = sentence.lower()
    if "verif" not in low and "confirm" not in low and "corroborat" not in low:
        return False
    return bool(_UNVERIFIED.search(sentence))
