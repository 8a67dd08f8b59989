"""What makes two figures "the same quantity": subject classes, sides, source
identities, donors and places. Plain rules over the figure's words.

Subject classes. A figure's subject phrase ("29 Syrian rebels", "civilians",
"Russian troops") is read from its head noun backwards:

- the head noun gives the class: ``children`` (children, kids, boys, girls,
  babies, infants, minors), ``women``, ``civilians`` (civilians, residents,
  villagers, inhabitants), ``soldiers`` (soldiers, troops, personnel, forces,
  servicemen, marines, peacekeepers...), ``fighters`` (fighters, rebels,
  militants, insurgents, jihadists, gunmen, militiamen...), ``police``,
  ``journalists``, ``medics``, ``protesters``, ``refugees``, ``prisoners``;
  ``people`` for people, persons, victims, others, the dead, and for a figure
  without a subject ("the death toll rose to 40"); any other head keeps its own
  word ("pilgrims", "miners");
- a side is kept apart: a nationality or party written before the head
  ("Russian troops" vs "Ukrainian troops", "Syrian civilians", "government
  soldiers", "rebel fighters"; a bare demonym "Syrians" is ``people`` of side
  Syrian). The class of "women and children" is ``women and children``; other
  mixed phrases ("soldiers and civilians") are ``people``.

Sources. "the UN", "U.N. officials" and "the United Nations" are one source
(``un``); determiners, "-based" descriptors and trailing role words
(officials, spokesman, sources...) are dropped when a name remains. A short
name that is part of, or the initials of, exactly one longer name seen in the
same ledger is that source ("the Observatory", "SOHR" -> "Syrian Observatory
for Human Rights"). A figure nobody is credited with is the outlet's own.

Donors and money. An aid figure belongs to whoever gives it: the capitalised
name before "pledged/promised/donated/gave/..." in its sentence, else after
"from/by", else its source. Other money is tracked only when the sentence
names what the money is (fund, fine, compensation, damages, cost, loan,
bailout, reward, settlement, claims, budget...), keyed by that word and its
payer; anything else in money (prices, profits, market moves) is left out.

Periods. Besides the period ``facts.figures`` reads ("since 2011", "in the
eight-year war"), a sentence that puts its figures over a span ("since",
"over the past year", "earlier this week", "last month", "a day", "to date")
holds no toll of its date: such figures go to the period series.

Incidents. A sentence's incident types (bomb, air strike, shelling, chemical,
fighting, execution, crash, disaster: ``incident_types``); two figures whose
sentences name types and share none are about different incidents.

Places. The capitalised names after in/near/at/outside/around/from in a
sentence, also past a few lower-case words ("in an opposition-held area of
Aleppo");
two figures whose sentences name places and share none are about different
incidents and never contradict each other.
"""

from __future__ import annotations

import re

_CLASS_WORDS = {
    "children": "children child kids kid babies baby infants infant minors minor toddlers schoolchildren boys boy "
                "girls girl schoolboys schoolgirls",
    "women": "women woman mothers",
    "civilians": "civilians civilian residents resident villagers villager inhabitants",
    "soldiers": "soldiers soldier troops troop personnel servicemen serviceman marines sailors airmen reservists "
                "peacekeepers forces army conscripts paratroopers",
    "fighters": "fighters fighter rebels rebel militants militant insurgents insurgent jihadists jihadist terrorists "
                "terrorist gunmen gunman militiamen militia combatants extremists mercenaries",
    "police": "police policemen policeman officers officer guards guard",
    "journalists": "journalists journalist reporters reporter",
    "medics": "doctors doctor nurses nurse medics paramedics",
    "protesters": "protesters protester demonstrators demonstrator",
    "refugees": "refugees refugee migrants migrant asylum-seekers",
    "prisoners": "prisoners prisoner detainees detainee hostages hostage",
    "people": "people persons person others victims victim individuals dead bodies deaths fatalities casualties "
              "wounded men man family families lives souls",
}
_CLASS = {w: c for c, words in _CLASS_WORDS.items() for w in words.split()}
_SIDE_WORDS = {"government", "regime", "pro-government", "pro-regime", "opposition", "rebel", "enemy", "coalition",
               "allied", "foreign", "army", "militia", "loyalist", "separatist", "israeli", "palestinian"}
_IGNORE = {"more", "other", "further", "additional", "new", "wounded", "dead", "injured", "displaced", "innocent",
           "unarmed", "young", "armed", "local", "many", "several", "some", "of", "the", "them", "whom", "were"}

_SOURCE_ALIAS = [(r"\bu\.\s?n\.?(?=\s|$)|\bunited nations\b", "un"), (r"\bu\.\s?s\.?(?=\s|$)|\bunited states\b", "us"),
                 (r"\bu\.\s?k\.?(?=\s|$)|\bunited kingdom\b", "uk"), (r"\bministry's\b", "ministry")]
_ROLE = {"officials", "official", "spokesman", "spokeswoman", "spokesperson", "spokesmen", "sources", "source",
         "statement", "chief", "head", "figures", "data", "report", "count", "tally", "toll", "officers"}
_DROP = {"the", "a", "an", "its", "their", "his", "her", "said", "says"}
_STOP_INITIALS = {"for", "of", "the", "and", "on", "in"}


def _side(word: str) -> str | None:
    low = word.lower()
    if low in _SIDE_WORDS:
        return low
    if word[:1].isupper() and low not in _CLASS and low not in _IGNORE:
        return word if word.isupper() and len(word) <= 5 else word[:1].upper() + word[1:].lower()
    return None


def _one_class(words: list[str]) -> tuple[str, str]:
    """(class, side) of a subject phrase without "and"."""
    if not words:
        return "people", ""
    head = words[-1].lower()
    cls = _CLASS.get(head)
    if cls is None and words[-1][:1].isupper() and head.endswith(("ans", "is", "ese", "ians", "ks", "ds")):
        return "people", words[-1][:1].upper() + words[-1][1:-1].lower()  # "Syrians": people of side Syrian
    if cls is None:
        cls = head
    sides = []
    for w in words[:-1]:
        if w.lower() in _CLASS and _CLASS[w.lower()] == cls:
            continue
        s = _side(w)
        if s and s.lower() not in (x.lower() for x in sides):
            sides.append(s)
    if cls == "fighters" and head in ("rebels", "rebel") and not sides:
        sides.append("rebel")
    return cls, " ".join(sides)


def subject_class(subject: str | None) -> tuple[str, str]:
    """(class, side) of a figure's subject: ("soldiers", "Russian"), ("civilians", ""), ("people", "")."""
    if not subject:
        return "people", ""
    words = [w.strip(",.;:'\"") for w in re.split(r"\s+", subject) if w.strip(",.;:'\"")]
    words = [w for w in words if w.lower() not in ("more", "other", "another", "further", "additional")]
    if any(w.lower() in ("and", "or") for w in words):
        parts: list[list[str]] = [[]]
        for w in words:
            if w.lower() in ("and", "or"):
                parts.append([])
            else:
                parts[-1].append(w)
        found = [_one_class(p) for p in parts if p]
        classes = {c for c, _ in found}
        if classes == {"women", "children"}:
            return "women and children", ""
        if len(classes) == 1 and len(found) > 1:  # "Syrian regime and rebel fighters": both sides
            return found[-1][0], " and ".join(s for _, s in found if s)
        if len(classes) == 1:
            return found[0]
        return "people", ""
    return _one_class(words)


def source_key(name: str) -> str:
    """The identity of a source: "the UN", "U.N. officials" and "the United Nations" -> "un"."""
    low = re.sub(r"[\"“”‘’']+(?!s\b)", "", name.lower()).strip()
    for pattern, repl in _SOURCE_ALIAS:
        low = re.sub(pattern, repl, low)
    words = [w for w in re.split(r"[\s,]+", low) if w and w not in _DROP
             and not w.endswith(("-based", "-led", "-run"))]
    while len(words) > 1 and words[-1] in _ROLE:
        words.pop()
    return " ".join(words) or low


def alias_map(keys: set[str]) -> dict[str, str]:
    """Short source keys that stand for exactly one longer key: {"observatory": "syrian observatory for human rights"}."""
    out: dict[str, str] = {}
    word_sets = {k: set(k.split()) for k in keys}
    initials = {k: "".join(w[0] for w in k.split() if w not in _STOP_INITIALS) for k in keys if len(k.split()) >= 2}
    for k in keys:
        longer = [o for o in keys if o != k and len(o) > len(k)
                  and (word_sets[k] < word_sets[o] or (" " not in k and initials.get(o) == k))]
        maximal = [o for o in longer if not any(o != x and word_sets[o] < word_sets[x] for x in longer)]
        if len(maximal) == 1:
            out[k] = maximal[0]
    return out


_GIVE = (r"pledged|pledges|pledge|promised|promises|donated|donates|gave|gives|give|committed|commits|announced|"
         r"announces|offered|offers|provided|provides|sent|sends|approved|approves|allocated|allocates|granted|"
         r"contributed|contributes|earmarked|raised")
_DONOR_BEFORE = re.compile(rf"(?<![\w$])((?:(?:[A-Z][\w.'’&-]*|of|for|the)\s+)*[A-Z][\w.'’&-]*)\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|"
                           rf"on\s+\w+\s+)*(?:{_GIVE})\b")
_DONOR_AFTER = re.compile(rf"\b(?:from|by)\s+(?:the\s+)?([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)")
_TOPIC = re.compile(r"\b(fund|funds|fine|fines|compensation|damages|costs?|claims|loan|loans|bailout|reward|"
                    r"settlement|ransom|payouts?|budget|reconstruction|escrow|penalt(?:y|ies))\b", re.I)


_LEAD = {"The", "A", "An", "On", "In", "At", "Last", "This", "Meanwhile", "Separately", "Earlier", "Later", "Monday",
         "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def donor(sentence: str, figure_at: int) -> str | None:
    """Who gives the money of a figure at ``figure_at`` in ``sentence``: "Singapore pledged US$800 million"."""
    found = [m for m in _DONOR_BEFORE.finditer(sentence, 0, figure_at + 1)]
    for m in reversed(found):
        name = re.split(r"\s+the\s+", m.group(1).strip())[-1].split()
        while name and name[0] in _LEAD:
            name.pop(0)
        name = " ".join(name)
        if name and name.split()[0] not in ("It", "He", "She", "They", "We", "This", "That", "But", "And"):
            return name
    m = _DONOR_AFTER.search(sentence, figure_at)
    return m.group(1) if m else None


def money_topic(sentence: str, figure_at: int) -> str | None:
    """What a money figure is (the topic word nearest the figure), or None: "fund", "fine", "compensation"."""
    best = None
    for m in _TOPIC.finditer(sentence):
        d = abs(m.start() - figure_at)
        if best is None or d < best[0]:
            best = (d, m.group(1).lower().rstrip("s") if m.group(1).lower() not in ("damages", "claims") else m.group(1).lower())
    if best is None:
        return None
    return {"penalty": "fine", "penaltie": "fine", "payout": "compensation", "cost": "cost"}.get(best[1], best[1])


_PLACE = re.compile(r"\b(?:in|near|at|outside|around|across|from)\s+(?:(?:the|an?|[a-z-]+)\s+){0,4}?(?:of\s+)?"
                    r"((?:(?:al|el|Al|El)-)?(?:[A-Z][\w'’-]+)(?:\s+(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+)*)")
_PERIOD = re.compile(r"\b(?:since|so\s+far|(?:first|last|past|previous)\s+(?:\w+\s+)?(?:days|weeks|months|years)|(?:over|in|during|throughout)\s+the\s+(?:past|last|previous)|"
                     r"(?:earlier|later)\s+this|(?:this|last|past)\s+(?:week|month|year)|a\s+year\s+ago|"
                     r"(?:of|in)\s+the\s+(?:war|conflict|uprising|revolution|crisis)|(?:a|per)\s+(?:day|week|month)|"
                     r"every\s+(?:day|week|month)|daily|cumulative|altogether|to\s+date)\b", re.I)


_INCIDENT = [("bomb", r"car\s+bomb\w*|bombings?|suicide|explosions?|blasts?|explosives?|ied|booby"),
             ("air", r"air\s*strikes?|air\s+raids?|raids?|jets?|warplanes?|planes?|aircraft|barrel\s+bombs?|gunships?|drones?"),
             ("shelling", r"shell\w*|rockets?|mortars?|artillery|missiles?|projectiles?"),
             ("chemical", r"chemical|gas|sarin|chlorine|nerve\s+agent|toxic"),
             ("fighting", r"clash\w*|fighting|battles?|offensive|ambush\w*"),
             ("execution", r"execut\w+|beheaded|massacre\w*"),
             ("crash", r"crash\w*|shot\s+down|downed|collaps\w+"),
             ("disaster", r"floods?|flooding|earthquake|quake|storms?|landslides?|fires?|hurricane|cyclone|tsunami")]
_INCIDENT_RE = [(name, re.compile(rf"\b(?:{p})\b", re.I)) for name, p in _INCIDENT]


def incident_types(sentence: str) -> frozenset[str]:
    """What happened, as coarse types: {"bomb"}, {"air", "shelling"}; empty when the sentence does not say."""
    return frozenset(name for name, rx in _INCIDENT_RE if rx.search(sentence))


def named(source: str) -> bool:
    """A source with a proper name ("the UN", "Aleppo Police Command"), not "the source" or "a monitoring group"."""
    words = source.split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()) \
        or bool(words and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an"))


def period_phrase(sentence: str) -> str | None:
    """A phrase that puts a figure over a period rather than on its date: "since", "over the past year"."""
    m = _PERIOD.search(sentence)
    return m.group(0) if m else None
_PLACE_OF = re.compile(r"\b(?:village|town|city|district|neighbou?rhoods?|areas?|province|region|suburbs?|countryside)"
                       r"\s+of\s+((?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+(?:\s+(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+)*)")
_NOT_PLACES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
               "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
               "The", "A", "An", "This", "That", "Least", "All", "Total"}


def places(sentence: str) -> frozenset[str]:
    """Place names a sentence situates its figures in: {"aleppo", "idlib"}."""
    out = set()
    for m in [*_PLACE.finditer(sentence), *_PLACE_OF.finditer(sentence)]:
        words = [w for w in m.group(1).split() if w not in _NOT_PLACES]
        if words:
            out.add(" ".join(words).lower())
    return frozenset(out)
