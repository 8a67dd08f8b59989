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

from newsdesk.facts.gazetteer import Gazetteer
from newsdesk.facts.records import Mention

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
PERSON_TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. president vice-president premier minister chancellor
senator sen. rep. representative gov. governor gen. general col. lt. sgt. capt. adm. admiral king queen
prince princess pope sheikh ayatollah judge justice mayor ambassador secretary spokesman spokeswoman
spokesperson commissioner chairman chairwoman lord lady sir dame rabbi imam cardinal bishop father
""".split())
# first names or words that are also place names: a lone one tagged as a person stays a person
_AMBIGUOUS_PLACES = frozenset("jordan chad georgia victoria austin charlotte florence houston salvador "
                              "cali israel nice mali washington lincoln phoenix orlando".split())
_PLACE_PREPOSITIONS = frozenset("in to from near at across outside inside into via".split())
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
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]+", "", text.lower().replace("-", " ")).strip()


def _edit_distance(a: str, b: str, cap: int = 3) -> int:
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
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


def canonical_names(mentions: list[Mention], known: dict[str, str] | None = None,
                    gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Set ``canonical`` on each mention (the same objects are returned, in order).

    ``known``: the desk's names so far, folded key -> canonical name; updated in place with the new
    full names, so passing the same dict for every article merges variants across the desk.
    """
    gaz = gazetteer or Gazetteer()
    known = {} if known is None else known
    # full person names of this article, in order of first mention
    fulls: list[str] = []
    for m in mentions:
        if m.label == "PER":
            name = _person_name(m.text)
            if len(name.split()) >= 2 and name not in fulls:
                fulls.append(name)
    resolved: dict[str, str] = {}
    for name in fulls:
        resolved[name] = _desk_person(name, known)
    orgs = [m.text for m in mentions if m.label == "ORG"]
    for m in mentions:
        if m.label == "PER":
            m.canonical = _resolve_person(_person_name(m.text), fulls, resolved, known)
        elif m.label == "LOC":
            m.canonical = gaz.place_name(m.text) or m.text
        else:
            m.canonical = _resolve_org(m.text, orgs, known)
    return mentions


def _desk_person(name: str, known: dict[str, str]) -> str:
    key = fold(name)
    if key in known:
        return known[key]
    surname = key.split()[-1]
    for other_key, canonical in known.items():
        if other_key.startswith("org:") or " " not in other_key:
            continue
        if _same_folded(surname, other_key.split()[-1]) and _same_person(name, canonical):
            known[key] = canonical
            return canonical
    known[key] = name
    return name


def _resolve_person(name: str, fulls: list[str], resolved: dict[str, str], known: dict[str, str]) -> str:
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
        hits = {c for k, c in known.items() if " " in k and not k.startswith("org:")
                and _same_folded(key, k.split()[-1])}
        if len(hits) == 1:
            return hits.pop()
        return name
    # a longer form of a known name ("Joseph R. Biden" / "Joe Biden") or a variant: desk level
    for full in fulls:
        if full != name and full.split()[-1] == words[-1] and full.split()[0][0] == words[0][0]:
            return resolved[full]
    return _desk_person(name, known)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _resolve_org(text: str, orgs: list[str], known: dict[str, str]) -> str:
    """Acronyms take the full name used in the article ("UN" -> "United Nations")."""
    key = "org:" + fold(text)
    compact = text.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 6:
        for other in orgs:
            if other != text and _initials(other) == compact:
                known.setdefault(key, other)
                return known[key]
    return known.setdefault(key, text)
