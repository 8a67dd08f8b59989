"""Figures: reported quantities with their kind, subject, source and as-of date.

``find_figures(text, article_id, published, doc=None)`` finds quantities with
``numbers.find_quantities`` and reads each one's sentence with plain rules:

- subject: the noun phrase after the number, up to its head ("29 Syrian rebels",
  "3.2 million people"), or after "of them"/"of whom";
- kind: a cue right before the number ("killed 12", "injuring at least 30"),
  then a cue after its noun phrase ("were killed", "are feared dead", "fled"),
  then a toll phrase ("the death toll rose to 70"), then the head noun
  ("casualties", "refugees", "troops", "votes"), then money (aid or money);
  a figure after "including"/"among them" takes the kind of the figure it is part of;
- source, as-of date and the unverified flag come from ``figure_context``.

``doc`` (a spaCy Doc of ``text``) is optional: when given, numbers inside
names it recognises (laws, products, events, facilities, organisations:
"Resolution 2334", "Apollo 11") are dropped. Nothing else needs a parser.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.facts.figure_context import (dates_in, nearest_date, nearest_source, says_unverified, sentences,
                                           source_candidates)
from newsdesk.facts.numbers import Quantity, find_quantities
from newsdesk.facts.records import Figure

_PEOPLE = set("""people persons person civilians civilian children child kids kid babies baby infants infant
women woman men man boys boy girls girl residents resident villagers villager soldiers soldier troops troop
fighters fighter rebels rebel militants militant terrorists terrorist jihadists jihadist insurgents insurgent
gunmen gunman policemen policeman police officers officer members member personnel workers worker students
student refugees refugee migrants migrant journalists journalist doctors doctor nurses nurse patients patient
passengers passenger protesters protester demonstrators demonstrator victims victim prisoners prisoner detainees
detainee hostages hostage pilgrims worshippers staff employees employee volunteers volunteer marines sailors
airmen guards guard commanders commander militiamen combatants recruits mercenaries extremists citizens citizen
nationals inhabitants settlers farmers miners teachers pupils minors elderly wounded dead others evacuees
survivors casualties fatalities deaths bodies individuals family families households families""".split())
_NP_STOP = set("""were was are is be been being have has had will would could may might can and or but nor
in on at by from with into onto across among near inside outside under over after before during since until
as to for of the a an this that these those who whom which whose when where while including mostly mainly
all both said says say told reported according more than most than than said amid despite""".split())
_MODIFIERS = {"other", "others", "more", "further", "additional", "another", "new", "reported", "estimated"}
_CUES = [
    ("killed", r"killed|kill|kills|killing|dead|died|die|dies|dying|slain|slaughtered|martyred|massacred|executed|"
               r"beheaded|perished|murdered|deaths?|fatalities|bodies|martyrs|corpses|shot\s+dead|lost\s+their\s+lives|"
               r"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|left\s+dead|lives|execute|executes|executing|"
               r"among\s+(?:the\s+)?(?:[\d,]+\s+|at\s+least\s+[\d,]+\s+)?(?:people\s+|civilians\s+|persons\s+)?"
               r"(?:dead|killed|victims|fatalities)|among\s+those\s+(?:killed|who\s+died)|"
               r"(?:victims|dead|fatalities)\s+included|the\s+dead\s+(?:were|included)"),
    ("injured", r"injured|injuring|injures|injure|wounded|wounding|wounds|hurt|injuries|hospitali[sz]ed"),
    ("casualties", r"casualties|casualty"),
    ("missing", r"missing|unaccounted"),
    ("displaced", r"displaced|displacing|fled|flee|fleeing|flees|refugees|evacuated|evacuees|homeless|uprooted|"
                  r"evacuating|forced\s+from\s+their\s+homes|left\s+their\s+homes|sheltering|exodus"),
    ("detained", r"detained|detaining|arrested|arresting|arrests|detainees|prisoners|jailed|imprisoned|captured|"
                 r"abducted|kidnapped|hostages|held|rounded\s+up|taken\s+into\s+custody|in\s+custody|abducting"),
]
_CUE_RE = [(k, re.compile(rf"(?:{p})\b", re.I), re.compile(rf"\b(?:{p})\s*$", re.I)) for k, p in _CUES]
_AUX = re.compile(r"(?:,?\s+(?:\w+ly|more|others|other|remain|remained|remains|still|were|was|are|is|have|has|had|been|being|be|reportedly|also|all|later|who|believed|"
                  r"feared|confirmed|said|thought|to|estimated|known|expected|likely|probably|recorded|documented|"
                  r"now|already|since|so\s+far|as\s+well|each|being|either|"
                  r"in\s+total|overall|mostly|were\s+reported|reported|of\s+them|of\s+whom|among\s+them))*,?\s+", re.I)
_TOLL_LEFT = re.compile(r"\b(?:death|casualty|civilian|body|fatality|overall|final)?\s*tolls?\b(?:\s+[\w-]+){0,8}?\s+"
                        r"(?:to|at|of|reached|hit|stood|stands|was|is|rose|rises|climbed|climbs|passed|exceeded|topped|jumped)\s+"
                        r"(?:at\s+|to\s+)?$|\b(?:deaths|dead|fatalities)\s+(?:to|at|of|reached|rose)\s+(?:to\s+)?$",
                        re.I)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+\w+\s+were|"
                        r"among\s+the\s+dead\s+were|including\s+at\s+least)\s+$", re.I)
_AID = re.compile(r"\b(?:aid|assistance|humanitarian|relief|pledged?|pledges|pledging|donat\w+|grants?|funding|"
                  r"fund|package|appeal|loans?|reconstruction|support|contribut\w+|allocat\w+)\b", re.I)
_TROOPS = {"troops", "soldiers", "personnel", "forces", "marines", "sailors", "airmen", "servicemen", "reservists",
           "peacekeepers", "fighters", "militiamen", "police", "policemen", "officers"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "this", "which", "who"}
_VICTIMS = {"people", "persons", "civilians", "others", "children", "women", "residents", "villagers", "victims",
            "person", "civilian", "child", "woman", "man", "men", "boys", "girls", "kids"}
_NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
                          r"hundreds?|thousands?|dozens?|\d)", re.I)
_ACTIVE = re.compile(r"(?:kill|kills|killing|injuring|wounding|displacing|arresting|detaining|claiming|abducting|"
                     r"evacuating|leaving|left)\b", re.I)
_GAP = re.compile(r",?\s+(?:and|mostly|mainly|including|among\s+them|among\s+whom|many\s+of\s+them|most\s+of\s+them|"
                  r"most|many|all|both|from|in|at|on|near|inside)\b[^.;:\d]{0,60}?(?=,?\s+(?:were|was|have|has|had|are|is)\b)",
                  re.I)
_PERIOD = re.compile(r"\bsince\s+(?:then|early\s+|late\s+|mid-?|march\s+|the\s+)?(?:\d{4}|war|conflict|uprising|"
                     r"revolution|then)\b|\bsince\s+the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
                     r"(?:war|conflict|uprising|revolution|crisis)\b|\b(?:throughout|during|over\s+the\s+course\s+of)\s+the\s+"
                     r"(?:war|conflict)\b|\b\w+-year(?:-old|-long)?\s+(?:civil\s+)?(?:war|conflict)\b", re.I)
_COORD = re.compile(r"\s+(?:[\w'-]+\s+){0,5}?(?:and|or|as\s+well\s+as|plus)\s+")
_AFTER_FIGURE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds))\s+"
                           r"(?:[A-Za-z'-]+\s+){0,3}?[A-Za-z]+\s*$", re.I)
_AMONG = re.compile(r"\s+(?:[\w'-]+\s+){0,4}?(?:were\s+|was\s+|are\s+)?among\s+(?:the\s+|those\s+)?(?:at\s+least\s+)?")
_NAME_ENTS = {"LAW", "PRODUCT", "EVENT", "FAC", "ORG", "WORK_OF_ART"}


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
    """Subject words after a number, its head noun, and where the phrase ends."""
    words = list(re.finditer(r"[A-Za-z][\w'’-]*|[^\sA-Za-z]", text[pos: min(limit, pos + 80)]))
    kept: list[re.Match] = []
    head = None
    for i, w in enumerate(words):
        tok = w.group(0)
        low = tok.lower()
        if i == 0 and low == "of" and len(words) > 1 and words[1].group(0).lower() in {"them", "whom", "the"}:
            break
        nxt = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
        if low in ("and", "or") and kept and nxt[:1].isalpha() and nxt not in _NP_STOP and not _NUMBER_WORD.match(nxt):
            kept.append(w)  # "Syrian regime and rebel fighters"
            continue
        if not tok[0].isalpha() or (low in _NP_STOP and not tok.isupper()) or len(kept) >= 6:
            break
        if _cue(low, anchored_end=False) and low not in _PEOPLE and nxt not in _PEOPLE:
            break  # "596 injured", "403 killed": the cue, not the subject
        if kept and (low.endswith("ing") or (low.endswith("ed") and low not in _PEOPLE)) and low not in _PEOPLE:
            break
        kept.append(w)
        if low in _PEOPLE and nxt in _PEOPLE and nxt.endswith("s"):
            continue  # "rebel fighters", "militia members"
        if low in _PEOPLE or (low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is"))) \
                or (tok[0].isupper() and len(low) > 4 and low.endswith(("ans", "is", "ese"))):
            head = low
            break
    while kept and kept[-1].group(0).lower() in ("and", "or"):
        kept.pop()
    while kept and kept[0].group(0).lower() in _MODIFIERS and len(kept) > 1:
        kept.pop(0)
    if not kept:
        return None, None, pos
    phrase = text[pos + kept[0].start(): pos + kept[-1].end()]
    if head is None:
        head = kept[-1].group(0).lower()
    return phrase, head, pos + kept[-1].end()


def _cue(fragment: str, anchored_end: bool) -> str | None:
    for kind, rx, rx_end in _CUE_RE:
        if (rx_end.search(fragment) if anchored_end else rx.match(fragment)):
            return kind
    return None


def _kind(text: str, s0: int, s1: int, q: Quantity, head: str | None, np_end: int, subject: str | None) -> str:
    if q.unit == "votes" or head in ("votes", "vote"):
        return "votes"
    if q.unit and q.unit not in ("percent", "percentage points"):
        sentence = text[s0:s1]
        return "aid" if _AID.search(sentence) else "money"
    if q.unit:
        return "other"
    left = re.sub(r"\s+of\s*$", " ", text[max(s0, q.start - 60): q.start])  # "the killing of one person"
    left_kind = _cue(left, anchored_end=True)  # "killed 12", "killing at least 30"
    # "8 persons killed 58 others injured": "killed" belongs to the figure before
    if left_kind and not _AFTER_FIGURE.search(left):
        return left_kind
    gap = _GAP.match(text, np_end, s1)  # "16 civilians including women and children were killed"
    aux = _AUX.match(text, gap.end() if gap else np_end)
    after = text[aux.end() if aux else np_end: s1]
    if not after.startswith(("and ", "or ")) and not _ACTIVE.match(after):
        kind = _cue(after, anchored_end=False)  # "were killed", "are feared dead", "fled"
        # "gunmen killed 20 people" is active; "8 persons killed 58 others injured" (a headline) is not
        active = re.match(r"\S+\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?\d", after)
        if kind and (not active or head is None or head in _VICTIMS or after[:1].isupper()):
            return kind
    if left_kind:
        return left_kind
    if re.match(r"\s+the\s+(?:overall\s+|total\s+)?(?:number|toll|death\s+toll)\s+(?:of\s+(?:people\s+)?)?"
                r"(?:killed|dead|deaths)\b", text[np_end:s1], re.I):
        return "killed"  # "bringing to 45 the number killed"
    if _TOLL_LEFT.search(text[max(s0, q.start - 80): q.start]):
        return "killed"
    if head:
        kind = _cue(head, anchored_end=False)
        if kind:
            return kind
    for word in subject.split()[:-1] if subject else ():  # "20,000 displaced people", "30 wounded soldiers"
        kind = _cue(word, anchored_end=False)
        if kind and kind != "detained":
            return kind
        if head in _TROOPS:
            return "troops"
    return "other"


def _unit(q: Quantity, head: str | None, kind: str) -> str:
    if q.unit:
        return q.unit
    if head in _PEOPLE or _demonym(head) or (head and head[:1].isalpha() and kind in ("killed", "injured", "casualties", "missing",
                                                                   "displaced", "detained", "troops")):
        return "people"
    if head:
        return head
    return "people" if kind != "other" else "count"


def _demonym(head: str | None) -> bool:
    return bool(head) and len(head) > 4 and head.endswith(("ans", "is", "ese")) and head not in {"plans", "loans", "bans", "this"}


def _in_names(quantities: list[Quantity], doc) -> list[Quantity]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_ENTS and not e.text[:1].isdigit()]
    return [q for q in quantities if not any(s < q.start and q.end <= e for s, e in spans)]


def find_figures(text: str, article_id: str, published: dt.date | None, doc=None) -> list[Figure]:
    """Every reported figure in ``text`` (an article's cleaned text), in text order."""
    quantities = find_quantities(text)
    if doc is not None:
        quantities = _in_names(quantities, doc)
    figures: list[Figure] = []
    qi = 0
    last_source: str | tuple[int, int] | None = None
    pending_unverified: list[Figure] = []
    for s0, s1 in sentences(text):
        here: list[Figure] = []
        sources = dates = None
        while qi < len(quantities) and quantities[qi].start < s1:
            q = quantities[qi]
            qi += 1
            if q.start >= s0:
                if sources is None:
                    sources, dates = source_candidates(text, s0, s1), dates_in(text, s0, s1, published)
                f = _figure(text, s0, s1, q, article_id, here, pending_unverified)
                f.source, f.as_of = nearest_source(sources, q.start), nearest_date(dates, q.start, published)
                here.append(f)
        for f, g in zip(here, here[1:]):  # "16 civilians and three children were killed": both share the kind
            between = text[f.end: g.start]
            weak = ("other", "troops")
            if (f.kind in weak) != (g.kind in weak) and f.unit == g.unit == "people" and _COORD.fullmatch(between) \
                    and not any(_cue(w, anchored_end=False) for w in between.split()):
                f.kind = g.kind = f.kind if g.kind in weak else g.kind
        for f, g in zip(here, here[1:]):  # "68 children were among the 126 people killed": a part of what follows
            if "part_of" not in f.extra and _AMONG.fullmatch(text[f.end: g.start]) and g.value > f.value:
                f.extra["part_of"] = g.text
        for f in here:  # "13 civilians among them seven children were killed": the whole takes the part's kind
            parent = next((g for g in here if g.text == f.extra.get("part_of")), None)
            if parent is not None and parent.kind == "other" and f.kind != "other":
                parent.kind = f.kind
        period = _PERIOD.search(text, s0, s1)
        if period:
            for f in here:
                f.extra["period"] = period.group(0)
        sentence_unverified = says_unverified(text[s0:s1])
        for f in here:
            if f.source in _PRONOUNS:  # "..., he said": whoever the previous sentence names
                if isinstance(last_source, tuple):
                    last_source = nearest_source(source_candidates(text, *last_source), last_source[0])
                f.source = last_source if last_source not in _PRONOUNS else None
            f.unverified = sentence_unverified
        if sentence_unverified and not here:
            for f in pending_unverified:
                f.unverified = True
        named = [f.source for f in here if f.source and f.source not in _PRONOUNS]
        last_source = named[-1] if named else (s0, s1)  # looked up only if the next sentence needs it
        pending_unverified = here
        figures.extend(here)
    return figures


def _figure(text: str, s0: int, s1: int, q: Quantity, article_id: str, earlier: list[Figure],
            previous: list[Figure]) -> Figure:
    pos = q.end
    of_them = re.match(r"\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?", text[pos:s1], re.I)
    subject, head, np_end = _noun_phrase(text, (pos + of_them.end()) if of_them else pos, s1)
    if of_them and subject is None:
        np_end = pos
    kind = _kind(text, s0, s1, q, head, np_end, subject)
    part_of = None
    parent = None
    if earlier and (of_them or _INCLUDING.search(text[max(s0, q.start - 30): q.start])):
        parent = earlier[-1]  # "including 11 children", "86, 30 of them children"
    elif of_them and not earlier and previous:  # "Three of them were children."
        parent = previous[-1]
    if parent is not None:
        part_of = parent.text
        if kind == "other" or kind == parent.kind:
            kind = parent.kind
    extra: dict[str, str] = {}
    if q.converted:
        extra["converted"] = q.converted
    if q.against is not None:
        extra["against"] = f"{q.against:g}"
    if part_of:
        extra["part_of"] = part_of
    if q.vague:
        extra["vague"] = "true"
    return Figure(
        article=article_id, value=q.value, unit=_unit(q, head, kind), kind=kind, text=q.text,
        sentence=text[s0:s1].strip(), start=q.start, end=q.end, subject=subject, qualifier=q.qualifier,
        value_high=q.value_high, extra=extra,
    )
