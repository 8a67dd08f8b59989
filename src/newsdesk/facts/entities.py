"""Entity mentions (people, organisations, places) with one canonical name per entity.

``find_mentions`` maps the spaCy entities of an article to PER / ORG / LOC and fixes the small
model's known confusions with rules that generalise: a name the place gazetteer knows is a place
(unless a person's title stands before it); a one-word name after a person's title is a person;
a name tagged as a person elsewhere in the same article is a person (one label per name and
article, majority vote). ``canonical_names`` gives every mention one name across the desk: within
an article, surname-only and title forms ("Mr Xi", "Zelenskiy") take the full name used there;
across articles, spelling variants of a full name (Zelensky / Zelenskiy / Zelenskyy) merge with
the first spelling the desk saw when the first names agree and the surnames are close.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from newsdesk.facts.gazetteer import AMBIGUOUS as _AMBIGUOUS_PLACES
from newsdesk.facts.gazetteer import Gazetteer
from newsdesk.facts.records import Mention

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
PERSON_TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. president vice-president premier minister chancellor
senator sen. rep. representative gov. governor gen. general col. lt. sgt. capt. adm. admiral king queen
prince princess pope sheikh ayatollah judge justice mayor ambassador secretary spokesman spokeswoman
spokesperson commissioner chairman chairwoman lord lady sir dame rabbi imam cardinal bishop father
""".split())
_PLACE_PREPOSITIONS = frozenset("in to from near at across outside inside into via".split())
_NOT_KEY = re.compile(r"[^a-z0-9 ]+")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady)\.?\s+", re.I)


def _strip(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail) and len(text) > len(tail) + 1:
            text, end = text[: -len(tail)], end - len(tail)
            break
    return text, start, end


def _title_before(doc, token_index: int) -> str | None:
    """A person's title right before the token ("Mr", "President"), else None."""
    i = token_index - 1
    if i >= 0 and doc[i].text.lower() in PERSON_TITLES:
        return doc[i].text
    return None


def find_mentions(doc, article_id: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """PER / ORG / LOC mentions of one article, offsets into ``doc.text``, canonical = surface form.

    Run ``canonical_names`` on the result to resolve names. ``gazetteer``: a ``Gazetteer`` (one is
    built when omitted; build it once and pass it when calling this for many articles).
    """
    gaz = gazetteer or Gazetteer()
    raw: list[tuple[str, int, int, str, str | None, int]] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        text, start, end = _strip(ent.text, ent.start_char, ent.end_char)
        if not text.strip() or not any(c.isalpha() for c in text):
            continue
        title = _title_before(doc, ent.start)
        if label != "PER" and " " in text and text.split(" ", 1)[0].lower() in PERSON_TITLES \
                and text.split(" ", 1)[1][:1].isupper() and not gaz.place_name(text):
            label = "PER"  # "Spokeswoman Haley Morris" tagged as an organisation
        if label == "PER":  # "Spokeswoman Haley Morris" -> title "Spokeswoman", name "Haley Morris"
            while " " in text and text.split(" ", 1)[0].lower() in PERSON_TITLES:
                word, text = text.split(" ", 1)
                start += len(word) + 1
                title = word
        prev = doc[ent.start - 1].text.lower() if ent.start > 0 else ""
        place = gaz.place_name(text)
        one_word = len(ent) == 1 or " " not in text
        if title and one_word and label != "PER" and title.lower() not in ("president", "king", "queen"):
            label = "PER"  # "Mr Xi", "Gen. Zaluzhny" tagged as an organisation or a place
        elif place and label != "LOC" and not title:
            if label == "ORG" or text.lower() not in _AMBIGUOUS_PLACES or prev in _PLACE_PREPOSITIONS:
                label = "LOC"  # a city tagged as a person or an organisation
        raw.append((text, start, end, label, title, ent.start))
    # one label per name within the article: a name seen as a person (with a title or by majority)
    votes: dict[str, Counter] = {}
    for text, _s, _e, label, _t, _i in raw:
        votes.setdefault(text, Counter())[label] += 1
    person_words = {w for text, _s, _e, label, _t, _i in raw if label == "PER" for w in text.split()}
    mentions = []
    for text, start, end, label, title, _i in raw:
        counts = votes[text]
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "PER"))[0]
        if best != label and counts[best] > counts[label]:
            label = best
        if label == "ORG" and " " not in text and text in person_words and not gaz.place_name(text):
            label = "PER"  # a surname tagged as an organisation after its person was named
        mention = Mention(article_id, start, end, text, label, text)
        mention.title = title
        mentions.append(mention)
    return mentions


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped: the key spelling variants are compared on."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_KEY.sub("", text.lower().replace("-", " ")).strip()


def _edit_distance(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance of ``a`` and ``b``; ``cap + 1`` when it is larger than ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    i = 0  # a shared start and end do not change the distance
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    j = 0
    while j < len(a) - i and j < len(b) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a, b = a[i:len(a) - j], b[i:len(b) - j]
    if not a or not b:
        return len(a) + len(b)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def same_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname: Zelensky / Zelenskiy / Zelenskyy, Gaddafi / Qaddafi."""
    return _same_folded(fold(a), fold(b))


def _same_folded(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:2] != b[:2] and a[1:3] != b[1:3]:
        return False
    return _edit_distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def _same_person(full_a: str, full_b: str) -> bool:
    pa, pb = fold(full_a).split(), fold(full_b).split()
    if len(pa) < 2 or len(pb) < 2:
        return False
    first_ok = pa[0] == pb[0] or (len(pa[0]) == 1 or len(pb[0]) == 1) and pa[0][0] == pb[0][0] \
        or _edit_distance(pa[0], pb[0]) <= 1 and min(len(pa[0]), len(pb[0])) >= 5
    return first_ok and _same_folded(pa[-1], pb[-1])


def _person_name(text: str) -> str:
    return _HONORIFIC.sub("", text).strip()


class NameIndex:
    """The person names of ``known`` by their surname's first letters: a name is compared with the few
    known names whose surname could be a spelling variant of its own, not with every name of the desk.

    Build one per batch (``NameIndex(known)``) and pass it to each ``canonical_names`` call of the
    batch; it follows the names ``canonical_names`` adds to ``known`` and keeps them in ``added``
    (folded key -> canonical name) until :meth:`take_added`, so that a caller stores only what a
    batch added, whatever the size of the desk.
    """

    __slots__ = ("known", "added", "_order", "_buckets")

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.added: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._buckets: dict[str, list[str]] = {}
        for key in known:
            self.add(key)

    def put(self, key: str, canonical: str) -> str:
        """``known[key]``, set to ``canonical`` (and recorded in ``added``) when the desk lacks it."""
        if key not in self.known:
            self.known[key] = self.added[key] = canonical
            self.add(key)
        return self.known[key]

    def take_added(self) -> dict[str, str]:
        """The names added since the last call (folded key -> canonical name)."""
        added, self.added = self.added, {}
        return added

    def add(self, key: str) -> None:
        """Index ``key`` (a folded full name; organisation keys and single words are skipped)."""
        if key in self._order or key.startswith("org:") or " " not in key:
            return
        self._order[key] = len(self._order)
        surname = key.split()[-1]
        # _same_folded needs equal first two letters or equal second and third ones
        for bucket in {surname[:2], "~" + surname[1:3]}:
            self._buckets.setdefault(bucket, []).append(key)

    def candidates(self, surname: str) -> list[str]:
        """Known person keys whose surname may be a variant of ``surname`` (folded), in the order known."""
        keys = set(self._buckets.get(surname[:2], ())) | set(self._buckets.get("~" + surname[1:3], ()))
        return sorted(keys, key=self._order.__getitem__)


def canonical_names(mentions: list[Mention], known: dict[str, str] | None = None,
                    gazetteer: Gazetteer | None = None, index: NameIndex | None = None) -> list[Mention]:
    """Set ``canonical`` on each mention (the same objects are returned, in order).

    ``known``: the desk's names so far, folded key -> canonical name; updated in place with the new
    full names, so passing the same dict for every article merges variants across the desk.
    ``index``: a ``NameIndex`` of ``known`` kept across the calls of a batch (built when omitted);
    the names this call adds to ``known`` are also recorded in ``index.added``.
    """
    gaz = gazetteer or Gazetteer()
    known = {} if known is None else known
    if index is None or index.known is not known:
        index = NameIndex(known)
    # full person names of this article, in order of first mention
    fulls: list[str] = []
    for m in mentions:
        if m.label == "PER":
            name = _person_name(m.text)
            if len(name.split()) >= 2 and name not in fulls:
                fulls.append(name)
    resolved: dict[str, str] = {}
    for name in fulls:
        resolved[name] = _desk_person(name, index)
    orgs = {m.text: "" for m in mentions if m.label == "ORG"}
    for org in orgs:
        orgs[org] = _initials(org)
    people = dict(resolved)  # every full name is settled: a name resolves the same way each time
    for m in mentions:
        if m.label == "PER":
            name = _person_name(m.text)
            if name not in people:
                people[name] = _resolve_person(name, fulls, resolved, index)
            m.canonical = people[name]
        elif m.label == "LOC":
            m.canonical = gaz.place_name(m.text) or m.text
        else:
            m.canonical = _resolve_org(m.text, orgs, index)
    return mentions


def _desk_person(name: str, index: NameIndex) -> str:
    known = index.known
    key = fold(name)
    if key in known:
        return known[key]
    surname = key.split()[-1]
    for other_key in index.candidates(surname):
        canonical = known[other_key]
        if _same_folded(surname, other_key.split()[-1]) and _same_person(name, canonical):
            return index.put(key, canonical)
    return index.put(key, name)


def _resolve_person(name: str, fulls: list[str], resolved: dict[str, str], index: NameIndex) -> str:
    if name in resolved:
        return resolved[name]
    words = name.split()
    if len(words) == 1:
        # surname (or a Chinese-order family name, "Xi" of "Xi Jinping") used in this article
        for full in fulls:
            parts = full.split()
            if same_surname(words[0], parts[-1]) or fold(words[0]) == fold(parts[0]) and len(parts) == 2:
                return resolved[full]
        # else a full name the desk knows with that surname, when only one person has it
        key = fold(words[0])
        hits = {index.known[k] for k in index.candidates(key) if _same_folded(key, k.split()[-1])}
        if len(hits) == 1:
            return hits.pop()
        return name
    # a longer form of a known name ("Joseph R. Biden" / "Joe Biden") or a variant: desk level
    for full in fulls:
        if full != name and full.split()[-1] == words[-1] and full.split()[0][0] == words[0][0]:
            return resolved[full]
    return _desk_person(name, index)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _resolve_org(text: str, orgs: dict[str, str], index: NameIndex) -> str:
    """Acronyms take the full name used in the article ("UN" -> "United Nations"); ``orgs``: the
    article's organisation names with their initials."""
    key = "org:" + fold(text)
    compact = text.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 6:
        for other, initials in orgs.items():
            if other != text and initials == compact:
                return index.put(key, other)
    return index.put(key, text)
