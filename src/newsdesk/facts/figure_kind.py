"""What a figure counts: the noun phrase after the number (its subject and head noun),
the kind of quantity from cue words around it, and its unit.

Plain rules over the sentence (no parser), used by ``figures.py``:

- subject: the noun phrase after the number, up to its head ("29 Syrian rebels",
  "3.2 million people");
- kind: a cue right before the number ("killed 12", "injuring at least 30"),
  then a cue after its noun phrase ("were killed", "are feared dead", "fled"),
  then a toll phrase ("the death toll rose to 70"), then the head noun
  ("casualties", "refugees", "troops", "votes"), then money (aid or money).
"""

from __future__ import annotations

import re

from newsdesk.facts.numbers import Quantity

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
all both said says say told reported according more than most than than said amid despite
last next yesterday today tonight monday tuesday wednesday thursday friday saturday sunday""".split())
_MODIFIERS = {"other", "others", "more", "further", "additional", "another", "new", "reported", "estimated"}
_CUES = [
    ("killed", r"killed|kill|kills|killing|dead|died|die|dies|dying|slain|slaughtered|martyred|massacred|executed|"
               r"beheaded|perished|murdered|lifeless|whose\s+(?:bodies|remains)|deaths?|fatalities|bodies|martyrs|corpses|shot\s+dead|lost\s+their\s+lives|"
               r"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|left\s+dead|lives|execute|executes|executing|"
               r"among\s+(?:the\s+)?(?:[\d,]+\s+|at\s+least\s+[\d,]+\s+)?(?:people\s+|civilians\s+|persons\s+)?"
               r"(?:dead|killed|victims|fatalities)|among\s+those\s+(?:killed|who\s+died)|"
               r"(?:victims|dead|fatalities)\s+included|the\s+dead\s+(?:were|included)"),
    ("injured", r"injured|injuring|injures|injure|wounded|wounding|wounds|hurt|injuries|hospitali[sz]ed|"
                r"(?:taken|admitted|rushed|airlifted)\s+to\s+(?:a\s+|the\s+)?hospitals?|"
                r"treated\s+(?:in\s+hospital\s+)?for\s+(?:their\s+)?(?:injuries|wounds|burns)"),
    ("casualties", r"casualties|casualty"),
    ("missing", r"missing|unaccounted|lacking|(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:found|located|traced)"),
    ("displaced", r"displaced|displacing|fled|flee|fleeing|flees|refugees|evacuated|evacuees|homeless|uprooted|"
                  r"evacuating|forced\s+from\s+their\s+homes|left\s+their\s+homes|sheltering|exodus|"
                  r"(?:living|sleeping|staying|housed|sheltered|registered)\s+(?:at|in)\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:shelters?|evacuation\s+cent(?:re|er)s?|relief\s+camps?)|in\s+(?:[\w-]+\s+){0,2}?shelters\b|"
                  r"spent\s+the\s+night\s+(?:on|in)\s+(?:camp\s+beds|shelters?|evacuation\s+cent(?:re|er)s?)|"
                  r"spent\s+(?:\w+\s+){0,2}nights?\s+away\s+from\s+(?:their\s+)?homes?|"
                  r"(?:told|ordered|forced)\s+to\s+(?:leave|evacuate|flee)|living\s+away\s+from\s+(?:their\s+)?homes?"),
    ("detained", r"detained|detaining|arrested|arresting|arrests|detainees|prisoners|jailed|imprisoned|captured|"
                 r"abducted|kidnapped|hostages|held(?!\s+(?:a|an|the|its|their|his|her|talks|up|out|on|off)\b)|rounded\s+up|taken\s+into\s+custody|in\s+custody|abducting"),
]
_CUE_RE = [(k, re.compile(rf"(?:{p})\b", re.I), re.compile(rf"\b(?:{p})\s*$", re.I)) for k, p in _CUES]
_AUX = re.compile(r"(?:,?\s+(?:\w+ly|more|others|other|remain|remained|remains|still|were|was|are|is|have|has|had|been|being|be|reportedly|also|all|later|who|believed|"
                  r"feared|confirmed|said|thought|to|estimated|known|expected|likely|probably|recorded|documented|"
                  r"now|already|since|so\s+far|as\s+well|each|being|either|nonetheless|listed\s+as|reported\s+as|"
                  r"in\s+total|overall|mostly|were\s+reported|reported|of\s+them|of\s+whom|among\s+them))*,?\s+", re.I)
_TOLL_VERB = (r"to|at|of|reached|reaches|hit|hits|stood|stands|was|is|rose|rises|risen|rising|climbed|climbs|passed|"
              r"exceeded|topped|jumped|increased|increases|mounted|mounts|surpassed")
_TOLL_LEFT = re.compile(rf"\b(?P<death>death|casualty|civilian|body|fatality|overall|final)?\s*tolls?\b(?:\s+[\w'’-]+){{0,12}}?"
                        rf"\s+(?:{_TOLL_VERB})\s+(?:at\s+|to\s+)?$|\b(?:deaths|dead|fatalities)\s+(?:to|at|of|reached|rose)\s+"
                        r"(?:to\s+)?$", re.I)
# "the number of people displaced in the valley to more than 20,000", "the number of people confirmed dead rose to 27"
_NUMBER_OF = re.compile(rf"\b(?:number|total|count)\s+of\s+(?:people\s+|persons\s+|residents\s+|civilians\s+)?"
                        rf"(?P<cue>(?:\w+\s+)?[a-z]+)\b(?:\s+[\w'’-]+){{0,10}}?\s+(?:{_TOLL_VERB})\s+(?:at\s+|to\s+)?$", re.I)
# "ordered about 6,200 people living near the river to leave their homes"
_ORDERED = re.compile(r"\b(?:ordered|told|forced|urged|instructed)\s+$", re.I)
_TO_LEAVE = re.compile(r"[^.;]{0,80}?\bto\s+(?:leave|evacuate|flee)\b", re.I)
_AID = re.compile(r"\b(?:aid|assistance|humanitarian|relief|pledged?|pledges|pledging|donat\w+|grants?|funding|"
                  r"fund|package|appeal|loans?|reconstruction|support|contribut\w+|allocat\w+)\b", re.I)
_AID_STRONG = re.compile(r"\b(?:aid|assistance|humanitarian|relief|donors?|donat\w+|pledged?|pledges|pledging|appeal)\b",
                         re.I)
_COST_BEFORE = re.compile(r"\b(?:cost|costs|costing|at\s+a\s+cost\s+of|price|priced\s+at|worth)\s+(?:\w+\s+){0,2}$", re.I)
_COST_AFTER = re.compile(r"\s+(?:for|to\s+(?:fix|repair|build|upgrade|strengthen|maintain|replace))\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:work|works|repairs?|maintenance|upgrades?|construction|drainage|renovation)\b", re.I)
_TROOPS = {"troops", "soldiers", "personnel", "forces", "marines", "sailors", "airmen", "servicemen", "reservists",
           "peacekeepers", "fighters", "militiamen", "police", "policemen", "officers"}
_VICTIMS = {"people", "persons", "civilians", "others", "children", "women", "residents", "villagers", "victims",
            "person", "civilian", "child", "woman", "man", "men", "boys", "girls", "kids"}
_NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
                          r"hundreds?|thousands?|dozens?|\d)", re.I)
_ACTIVE = re.compile(r"(?:kill|kills|killing|injuring|wounding|displacing|arresting|detaining|claiming|abducting|"
                     r"evacuating|leaving|left(?!\s+(?:their|his|her)\s+homes?))\b", re.I)
_GAP = re.compile(r",?\s+(?:and|mostly|mainly|including|among\s+them|among\s+whom|many\s+of\s+them|most\s+of\s+them|"
                  r"most|many|all|both|from|in|at|on|near|inside|downstream|upstream|along)\b[^.;:\d]{0,60}?(?=,?\s+(?:were|was|have|has|had|are|is)\b)",
                  re.I)
_AFTER_FIGURE = re.compile(r"\s+(?:[A-Za-z'-]+\s+){0,3}?[A-Za-z]+\s*")


def noun_phrase(text: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
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
        if cue(low, anchored_end=False) and low not in _PEOPLE and nxt not in _PEOPLE:
            break  # "596 injured", "403 killed": the cue, not the subject
        if kept and (low.endswith("ing") or (low.endswith("ed") and low not in _PEOPLE)) and low not in _PEOPLE:
            break
        kept.append(w)
        if low in _PEOPLE and nxt in _PEOPLE and (nxt.endswith("s") or nxt == "child"):
            continue  # "rebel fighters", "militia members", "girl child"
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


def cue(fragment: str, anchored_end: bool) -> str | None:
    for kind, rx, rx_end in _CUE_RE:
        if (rx_end.search(fragment) if anchored_end else rx.match(fragment)):
            return kind
    return None


def kind_of(text: str, s0: int, s1: int, q: Quantity, head: str | None, np_end: int, subject: str | None,
            prev_end: int | None = None) -> str:
    """The kind of figure ``q`` in sentence [s0, s1); ``prev_end`` is where the figure before it in the sentence ends."""
    if q.unit == "votes" or head in ("votes", "vote"):
        return "votes"
    if q.unit and q.unit not in ("percent", "percentage points"):
        sentence = text[s0:s1]
        if _AID_STRONG.search(sentence):
            return "aid"
        if _COST_BEFORE.search(text, max(s0, q.start - 40), q.start) or _COST_AFTER.match(text, q.end, s1):
            return "money"  # "asked for funding of €28 million for drainage work": a cost
        return "aid" if _AID.search(sentence) else "money"
    if q.unit:
        return "other"
    left = re.sub(r"\s+of\s*$", " ", text[max(s0, q.start - 60): q.start])  # "the killing of one person"
    left_kind = cue(left, anchored_end=True)  # "killed 12", "killing at least 30"
    # "8 persons killed 58 others injured": "killed" belongs to the figure before
    if left_kind and not (prev_end is not None and _AFTER_FIGURE.fullmatch(text, prev_end, q.start)):
        right = re.match(r"\s+([a-z]+)", text[np_end:s1]) if head in _VICTIMS else None
        right_kind = cue(right.group(1), anchored_end=False) if right else None
        return right_kind or left_kind  # "Girl child killed two others injured": the cue right after wins
    window = text[max(s0, q.start - 100): q.start]
    low = window.lower()
    toll = _TOLL_LEFT.search(window) if "toll" in low or "dea" in low or "fatal" in low else None
    if toll and toll.group("death") and toll.group("death").lower() in ("death", "fatality", "body"):
        return "killed"  # "the death toll rose to 8 more casualties": the toll, not what follows
    number_of = _NUMBER_OF.search(window) if "of" in low else None
    for word in number_of.group("cue").split() if number_of else ():
        if cue(word, anchored_end=False):
            return cue(word, anchored_end=False)
    if _ORDERED.search(window) and _TO_LEAVE.match(text, np_end, s1):
        return "displaced"
    gap = _GAP.match(text, np_end, s1)  # "16 civilians including women and children were killed"
    aux = _AUX.match(text, gap.end() if gap else np_end)
    after = text[aux.end() if aux else np_end: s1]
    if not after.startswith(("and ", "or ")) and not _ACTIVE.match(after):
        kind = cue(after, anchored_end=False)  # "were killed", "are feared dead", "fled"
        # "gunmen killed 20 people" is active; "8 persons killed 58 others injured" (a headline) is not
        active = re.match(r"\S+\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?\d", after)
        if kind and (not active or head is None or head in _VICTIMS or after[:1].isupper()):
            return kind
    if left_kind and not (head and cue(head, anchored_end=False)):  # "Seven dead 20 wounded": the head wins
        return left_kind
    if re.match(r"\s+the\s+(?:overall\s+|total\s+)?(?:number|toll|death\s+toll)\s+(?:of\s+(?:people\s+)?)?"
                r"(?:killed|dead|deaths)\b", text[np_end:s1], re.I):
        return "killed"  # "bringing to 45 the number killed"
    if toll:
        return "killed"
    if head:
        kind = cue(head, anchored_end=False)
        if kind:
            return kind
    if left_kind:
        return left_kind
    for word in subject.split()[:-1] if subject else ():  # "20,000 displaced people", "30 wounded soldiers"
        kind = cue(word, anchored_end=False)
        if kind and kind != "detained":
            return kind
    if head in _TROOPS:
        return "troops"
    if head in ("victims", "victim") and not any(cue(w, anchored_end=False) for w in re.findall(r"[a-z]+", text[s0:s1])
                                                 if w in ("injured", "wounded", "hurt", "injuries")):
        return "killed"  # "the 41 victims"
    return "other"


def unit_of(q: Quantity, head: str | None, kind: str) -> str:
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
