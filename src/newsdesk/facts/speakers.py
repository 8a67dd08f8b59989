"""Speakers: who a quote is attributed to, resolved to a person where the article allows (cue words: ``cues.py``).

A speaker phrase is read next to its cue ("Spokeswoman Haley Morris says", "said Smith, a
spokesman"). Its head is the first name in it that is not inside a modifier ("a spokesman *for*
Joe Biden" is not Biden), else a pronoun, else a description. Pronouns take the last speaker
quoted in the paragraphs just before, else the first person named in the nearest earlier sentence
that names one; a definite description ("the spokesman", "the president") takes the nearest
earlier person written with that title or noun; anything else stays unresolved (speaker None).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsdesk.facts.records import Mention

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "1", "we": "1"}
_AUX = frozenset("""has have had was is were are would will could might may also later then previously once
again repeatedly recently often reportedly however earlier since further too last first still already
subsequently had quickly simply flatly publicly privately separately has long""".split())
ORG_NOUNS = frozenset("""police authorities ministry campaign statement report study survey poll newspaper
agency army military government administration house kremlin pentagon company firm group organization
organisation party committee department office council court commission union agency""".split())
DESCRIPTIONS = ORG_NOUNS | frozenset("""spokesman spokeswoman spokesperson official officials aide aides source sources
minister president secretary senator governor mayor chairman chairwoman director chief leader adviser advisor
ambassador general commander police authorities ministry campaign statement analyst analysts expert experts
witness witnesses resident residents lawyer attorney prosecutor prosecutors judge officer officers
candidate nominee congressman congresswoman representative lawmaker lawmakers diplomat diplomats executive
ceo founder manager strategist pollster economist researcher professor scientist doctor nurse spokespeople
report study survey poll newspaper agency army military government administration white house kremlin
pentagon company firm group organization organisation party committee""".split())
_PERSON_NOUNS = DESCRIPTIONS - ORG_NOUNS - {"statement", "report", "study", "survey", "poll", "newspaper", "white",
                                            "house", "kremlin", "pentagon"}
_ROLE_WORDS = frozenset("""correspondent reporter editor columnist striker player coach captain volunteer
teacher pastor vicar priest engineer farmer resident owner worker student activist campaigner""".split())
PERSON_WORDS = DESCRIPTIONS | _ROLE_WORDS  # nouns that name who speaks ("a spokesman", "the editor")
_STOP_LEFT = re.compile(r"[“”\"„;:—–()\[\]<>]|''|``|\n")
LEAD = re.compile(r"(?:(?:later|then|earlier|but|and|so|however|meanwhile|still|also|yet|now|instead|"
                   r"separately|previously|afterwards|once|in response|in a statement|on \w+day|while|whereas|although|"
                   r"though|because|since|as|when|if|after|before|until),?\s+)+", re.I)
_WORD = re.compile(r"[\w'’.&-]+")
_TITLE_DOT = re.compile(r"\b(Rev|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Fr|St)\.(?=\s+[A-Z])")
_PAREN = re.compile(r"\([^()\n]{1,40}\)(?=[\s,]*$)")
_MODIFIER_BEFORE = re.compile(r"\b(?:for|of|to|with|at|from|by|under|on|about|against)\s*$", re.I)


@dataclass(slots=True)
class Speaker:
    start: int
    end: int
    text: str
    name: str | None  # canonical name when resolved
    head: Mention | None


def _strip_left_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim auxiliaries and adverbs ("has also", "later", "however,") off the right of a phrase."""
    while True:
        seg = text[start:end].rstrip(" ,")
        end = start + len(seg)
        m = re.search(r"(\S+)$", seg)
        if not m or (m.group(1).lower() not in _AUX and not m.group(1).lower().endswith("ly")):
            return start, end
        end = start + m.start()


def left_phrase(text: str, lo: int, cue_start: int, after_quote: bool) -> tuple[int, int] | None:
    """The speaker phrase ending at the cue: from the last hard stop (quote mark, colon, line) on.

    Without a quote right before, only the last comma-separated chunk, or the chunk before it when
    the last one is an appositive ("Smith, a spokesman for X, said").
    """
    seg = _PAREN.sub(lambda m: " " * len(m.group()), text[lo:cue_start])  # "Sen. Cruz (R-Tex.) said"
    stops = list(_STOP_LEFT.finditer(seg))
    start = lo + stops[-1].end() if stops else lo
    start, end = _strip_left_words(text, start, cue_start)
    phrase = text[start:end]
    appositive = False
    if not after_quote and "," in phrase:
        chunks = phrase.split(",")
        pick = j = len(chunks) - 1
        # "Anna Berg, 41, a teacher at X, said": back over the appositives to the name they describe
        if j >= 2 and _name_like(chunks[j].strip()) and re.match(r"[a-z]", chunks[j - 1].strip()):
            j -= 1  # "Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said": the name ends the appositive
        while j >= 1 and re.match(r"(?:\d{1,3}$|[a-z])", chunks[j].strip()) and not _is_pronoun(chunks[j]):
            j -= 1
        head = chunks[j].strip()
        if j < pick and _name_like(head):
            pick, appositive = j, True
        elif re.match(r"[a-z]", chunks[-1].strip()) and len(chunks) >= 2 and not _is_pronoun(chunks[-1]):
            head = chunks[-2].strip()  # "Smith, a spokesman for X, said"
            if head and len(head.split()) <= 5 and head[:1].isupper():
                pick = len(chunks) - 2
        start = start + sum(len(c) + 1 for c in chunks[:pick])
        if appositive:
            end = start + len(chunks[pick])
    while start < end and text[start] in " ,":
        start += 1
    lead = LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    words = text[start:end].split()
    if not words:
        return None
    if len(words) > 10 and not appositive:
        # a long phrase: keep the tail as the speaker ("... the campaign's spokesman Brian Fallon")
        cut = text.rfind(" ", start, end - len(" ".join(words[-6:])))
        start = cut + 1
    return start, end


def right_phrase(text: str, cue_end: int, hi: int, appositive: bool = True) -> tuple[int, int] | None:
    """The speaker phrase after an inverted cue ("said Smith, a spokesman." / "according to X,")."""
    i = cue_end
    while i < hi and text[i] in " \t":
        i += 1
    seg = _TITLE_DOT.sub(lambda t: t.group(1) + "\u2024", text[i:hi])  # "the Rev. Ingrid Falk": one phrase
    m = re.match(r"[^,.;:!?“”\"\n(]+(?:,\s*(?:a|an|the|who)\b[^,.;:!?“”\"\n]*)?" if appositive
                 else r"[^,.;:!?“”\"\n(]+", seg)
    if not m or not m.group().strip():
        return None
    end = i + len(m.group().rstrip(" "))
    return i, end


_NAME_JOINERS = frozenset("of the de da del van von al bin la le and for".split())
_NOT_NAME_START = frozenset("""last this next on in during after before since at by for when while even around
shortly earlier later meanwhile however still yet so but and then now today yesterday instead""".split())
_CALENDAR = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                       r"april|may|june|july|august|september|october|november|december)$", re.I)


def _name_like(phrase: str) -> bool:
    """A short run of capitalised words ("Anna Berg", "Sen. Ted Cruz"), not an opening adverbial."""
    words = phrase.split()
    if not words or len(words) > 6 or words[0].lower() in _NOT_NAME_START or words[0].lower() in PRONOUNS:
        return False
    return all(w[:1].isupper() and not _CALENDAR.match(w.strip(".")) or w.lower() in _NAME_JOINERS
               for w in words) and words[0][:1].isupper()


def name_like(phrase: str) -> bool:
    """A short run of capitalised words that reads as a name, not an opening adverbial."""
    return _name_like(phrase)


def _is_pronoun(phrase: str) -> bool:
    return phrase.strip().lower() in PRONOUNS


class SpeakerResolver:
    """Resolves speaker phrases of one article against its mentions (sorted by start)."""

    def __init__(self, text: str, mentions: list[Mention], unit_starts: list[int]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.unit_starts = unit_starts
        self.last_speakers: list[tuple[int, Speaker]] = []  # (position, speaker) of resolved quotes

    def resolve(self, start: int, end: int) -> Speaker:
        text = self.text
        inside = [m for m in self.mentions[bisect_right(self.starts, start - 1):] if m.start < end]
        inside = [m for m in inside if m.end <= end]
        phrase = text[start:end].strip()
        for label in ("PER", "ORG", "LOC"):
            for m in inside:
                if m.label == label and not _MODIFIER_BEFORE.search(text[start:m.start]):
                    return Speaker(start, end, text[start:end], m.canonical, m)
            tail = _TAIL_NAME.search(phrase) if label == "PER" else None
            if tail and tail.group(1).lower() in _PERSON_NOUNS | _ROLE_WORDS:
                # "ENB's political correspondent Sara Lenz": a name the model missed after its role
                name = tail.group(2)
                same = [m for m in self.mentions if m.label == "PER" and m.canonical.split()[-1] == name.split()[-1]]
                return Speaker(start, end, phrase, same[-1].canonical if same else name, None)
        first = phrase.split()[0].lower() if phrase else ""
        if first in PRONOUNS and len(phrase.split()) <= 2:
            return Speaker(start, start + len(phrase.split()[0]), phrase.split()[0], self._pronoun(first, start), None)
        # "the mayor of the worst-hit town": the head noun before its modifier
        own = re.split(r"\s(?:of|for|at|from|in)\s", phrase, maxsplit=1)[0]
        words = [w.lower().strip(".,'’") for w in _WORD.findall(own)]
        if words and words[0] in ("the", "his", "her", "its", "their") and words[-1] in DESCRIPTIONS:
            return Speaker(start, end, phrase, self._description(words[-1], start), None)
        for m in inside:  # a name inside a modifier is better than nothing for an organisation
            if m.label == "ORG":
                return Speaker(start, end, phrase, m.canonical, m)
        name = _untagged_name(phrase)
        if name:  # a name the model missed ("Espinoza said"): the person of that surname, or as written
            last = name.split()[-1]
            same = [m for m in self.mentions if m.label == "PER" and m.canonical.split()[-1] == last]
            return Speaker(start, end, phrase, same[-1].canonical if same else name, None)
        return Speaker(start, end, phrase, None, None)

    def remember(self, position: int, speaker: Speaker) -> None:
        self.last_speakers.append((position, speaker))

    def _before(self, position: int) -> list[Mention]:
        return self.mentions[:bisect_right(self.starts, position - 1)]

    def _pronoun(self, pronoun: str, position: int) -> str | None:
        if pronoun in ("i", "we", "they"):
            return None
        want = "ORG" if pronoun == "it" else "PER"
        before = self._before(position)
        k = bisect_right(self.unit_starts, position) - 1
        # a person first named in this sentence or the one before outranks an earlier speaker
        for kk in (k, k - 1):
            if kk < 0:
                break
            lo = self.unit_starts[kk]
            hi = min(self.unit_starts[kk + 1] if kk + 1 < len(self.unit_starts) else position, position)
            cands = [m for m in before if lo <= m.start < hi and m.label == want
                     and not _gender_clash(pronoun, (m.title or "").lower().rstrip("."), m.canonical)]
            seen = {m.canonical for m in before if m.start < lo}
            new = [m for m in cands if m.canonical not in seen]
            if new and " " in new[-1].canonical:
                # "X said ... Y's farm ... He said": the speaker of that sentence, not the last person it names
                said = [sp.name for pos, sp in self.last_speakers[-3:] if lo <= pos < hi]
                return said[-1] if said and any(m.canonical == said[-1] for m in new) else new[-1].canonical
        # the speaker quoted just before (within ~2 paragraphs) is the likeliest "he" / "she"
        if self.last_speakers:
            pos, sp = self.last_speakers[-1]
            near = self.text.count("\n", pos, position) <= 4
            if near and sp.name and (sp.head is None and " " in sp.name and want == "PER"
                                     or sp.head is not None and sp.head.label == want):
                title = (sp.head.title or "").lower().rstrip(".") if sp.head is not None else ""
                if not _gender_clash(pronoun, title, sp.name):
                    return sp.name
            own = re.split(r"\s(?:for|of|at|with|from)\s", sp.text)[0].lower().split()
            if near and want == "PER" and (sp.head is None or sp.head.label != "PER") \
                    and bisect_right(self.unit_starts, pos) - 1 >= k - 1 and own and own[-1] in _PERSON_NOUNS:
                return None  # "A spokesman for the ministry said ... He said ...": the unnamed speaker goes on
        if not before:
            return None
        # the first person named in the nearest earlier sentence that names one (the subject, mostly)
        while k >= 0:
            lo = self.unit_starts[k]
            hi = self.unit_starts[k + 1] if k + 1 < len(self.unit_starts) else position
            hi = min(hi, position)
            cands = [m for m in before if lo <= m.start < hi and m.label == want]
            cands = [m for m in cands if not _gender_clash(pronoun, (m.title or "").lower().rstrip("."), m.canonical)]
            if cands:
                return cands[0].canonical
            k -= 1
            if position - lo > 3000:
                break
        return None

    def _description(self, noun: str, position: int) -> str | None:
        want = "ORG" if noun in ORG_NOUNS else "PER"
        for m in reversed(self._before(position)):
            if m.label != want:
                continue
            title = (m.title or "").lower().rstrip(".")
            near = self.text[max(0, m.start - 40):m.start].lower() + " " + self.text[m.end:m.end + 60].lower()
            if title == noun or re.search(rf"\b{re.escape(noun)}\b", near + " " + m.text.lower()):
                return m.canonical
        return None


_TAIL_NAME = re.compile(r"\b([a-z]+)\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)$")
_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?((?:[A-Z][\w'’-]+\.?\s+){0,2}[A-Z][\w'’-]+)$")


def _untagged_name(phrase: str) -> str | None:
    """A short capitalised phrase that reads as a name ("Espinoza", "Mr. Turry"), else None."""
    m = _NAME.match(phrase.strip())
    if not m or phrase.split()[0].lower() in PRONOUNS or phrase.split()[0].lower() in ("the", "a", "an"):
        return None
    words = m.group(1).split()
    if any(w.lower().strip(".") in DESCRIPTIONS for w in words):
        return None
    return m.group(1)


# common first names by usual gender: only to keep "he" off Hillary and "she" off Donald
_FEMALE = frozenset("""hillary nancy elizabeth sarah kellyanne melania ivanka theresa angela marine ursula kamala
michelle laura barbara mary patricia jennifer linda susan margaret lisa karen betty helen sandra donna carol ruth
sharon amy anna emily rebecca maria catherine christine samantha rachel julia jessica ashley katherine kate
nicola jacinda christina ann anne jane janet joan diane alice claire emma olivia sophia victoria megyn huma
debbie condoleezza madeleine sonia ruth elena carly nikki tulsi kirsten amy dianne lindsey heidi""".split())
_MALE = frozenset("""donald barack joe bernie ted marco jeb john mike michael ben chris rand james robert william
david richard charles thomas mark paul steven george kevin brian edward ronald anthony jason matthew gary timothy
jose larry jeffrey frank scott eric stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold
douglas henry carl arthur ryan roger vladimir xi emmanuel boris olaf volodymyr recep benjamin justin narendra
rudy newt jim tim bill hunter reince corey steve sean lindsey""".split()) - {"lindsey"}


def _gender_clash(pronoun: str, title: str, name: str = "") -> bool:
    first = name.split()[0].lower() if " " in name else ""
    if pronoun == "he":
        return title in ("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman") \
            or first in _FEMALE
    if pronoun == "she":
        return title in ("mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "father") or first in _MALE
    return False
