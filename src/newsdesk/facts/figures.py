"""Figures: reported quantities with their kind, subject, source and as-of date.

``find_figures(text, article_id, published, doc=None)`` finds quantities with
``numbers.find_quantities``, reads what each one counts with ``figure_kind``
(subject, kind, unit) and relates the figures of a sentence to each other:
a figure after "including"/"among them" is a part of the one before and takes
its kind; "68 children were among the 126 people killed" makes the first a part
of the second; coordinated counts share their kind ("16 civilians and three
children were killed"). One person written with an article is a count of one
when a casualty ("a child was killed"). ``extra`` flags a war-long toll
(``period``), a toll the text says was superseded (``earlier``: "updating a
previous toll of 112") and a vague count (``vague``: "dozens"). Source, as-of
date and the unverified flag come from ``figure_context``.

``doc`` (a spaCy Doc of ``text``) is optional: when given, numbers inside
names it recognises (laws, products, events, facilities, organisations:
"Resolution 2334", "Apollo 11") are dropped. Nothing else needs a parser.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.facts.figure_context import (dates_in, nearest_date, nearest_source, says_unverified, sentences,
                                           source_candidates)
from newsdesk.facts.figure_kind import cue, kind_of, noun_phrase, unit_of
from newsdesk.facts.numbers import Quantity, find_quantities
from newsdesk.facts.records import Figure

_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+\w+\s+were|"
                        r"among\s+the\s+dead\s+were|including\s+at\s+least)\s+$", re.I)
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "this", "which", "who"}
_WAR = r"(?:civil\s+)?(?:war|conflict|uprising|revolution|crisis)\b(?![-\w]|\s+(?:planes?|jets?|monitor|crimes?))"
_PERIOD = re.compile(  # a war-long toll: "since 2011", "the war has killed", "killed in Syria's conflict"
    rf"\bsince\s+(?:then|early\s+|late\s+|mid-?|march\s+|the\s+)?(?:\d{{4}}|war|conflict|uprising|revolution|then)\b"
    rf"|\bsince\s+(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?{_WAR}"
    rf"|\b(?:throughout|during|over\s+the\s+course\s+of)\s+the\s+(?:war|conflict)\b"
    rf"|\b\w+-year(?:-old|-long)?\s+(?:civil\s+)?(?:war|conflict)\b"
    rf"|\b{_WAR},?\s+(?:[\w'-]+,?\s+){{0,14}}?(?:has|have|had)\s+(?:\w+\s+)?(?:killed|left|claimed|cost)\b"
    rf"|\b(?:killed|died|dead|deaths)\s+(?:in|during|since)\s+(?:[\w'-]+\s+){{0,3}}?{_WAR}"
    rf"|\bsince\s+(?:[\w']+\s+){{0,3}}?{_WAR}", re.I)
_PERIOD_WORD = re.compile(r"since|war\b|conflict|throughout|during|course|uprising|revolution|crisis|-year", re.I)
_COORD = re.compile(r"\s+(?:[\w'-]+\s+){0,5}?(?:and|or|as\s+well\s+as|plus)\s+|,?\s+")
_AMONG = re.compile(r"\s+(?:[\w'-]+\s+){0,5}?(?:were\s+|was\s+|are\s+)?among\s+(?:the\s+|those\s+)?(?:at\s+least\s+)?"
                    r"|\s+of\s+(?:the|those)\s+")  # "Eleven of the 36 people killed"
# a number that restates one before it: "The number is 31", "the real figure was at least 31", "the confirmed
# figure remains 27", "down from a peak of nearly 16,000", "Mayor Says 31 Dead, Ministry Says 27"
_RESTATED = re.compile(r"\b(?:number|figure|toll|count|total|tally|quantity)\s+(?:is|was|remains|remained|stands\s+at|"
                       r"stood\s+at|is\s+now|was\s+now)\s+$|\b(?:down|up)\s+from\s+(?:a\s+(?:peak|high|low)\s+of\s+)?$",
                       re.I)
_SAYS_BARE = re.compile(r"\b(?:says|said|say|puts\s+it\s+at)\s+$", re.I)
_RESTATES = {"killed", "injured", "missing", "displaced", "detained", "casualties"}
_NAME_ENTS = {"LAW", "PRODUCT", "EVENT", "FAC", "ORG", "WORK_OF_ART"}
_ONE_PERSON = (r"child|boy|girl|baby|infant|toddler|woman|man|civilian|person|mother|father|son|daughter|wife|husband|"
               r"soldier|officer|policeman|fighter|rebel|militant|journalist|doctor|nurse|teacher|student|worker|"
               r"resident|farmer|shepherd|volunteer|citizen|commander|pilot")
# "a child was killed", "killing a pregnant woman", "a woman and child": a count of one person, kept only when
# it is a casualty (killed, injured, missing, detained); "a man said" is not a figure
_PERSON_NOUN = re.compile(rf"(?<![\w'-])(?:{_ONE_PERSON})(?![\w'-])")
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|A|An)\s+(?:(?!of\b|and\b|or\b)[a-z][\w'-]*\s+){0,2}$")
_AND_PERSON = re.compile(rf"\s+and\s+({_ONE_PERSON})(?![\w'-])")
# a headline's bare noun: "Child killed 9 civilians injured", "Girl child killed two others injured"
_BARE = re.compile(r"\b(?:Girl\s+child|Boy\s+child|Child|Boy|Girl|Baby|Woman|Man|Civilian|Soldier)(?=\s+(?:killed|dies|died|"
                   r"dead|martyred|injured|wounded|hurt|kidnapped|abducted|missing)\b)")
# a toll the text says was superseded: "updating a previous toll of 112", "the source earlier put the death toll at 5"
_EARLIER = re.compile(r"\b(?:earlier|previous|prior|initial|preliminary|old)\s+(?:death\s+)?toll\b(?:\s+[\w-]+){0,5}?\s+"
                      r"(?:of|at|was|stood\s+at|had\s+been)\s+$|\b(?:earlier|previously|initially|had)\s+(?:put|gave|"
                      r"reported|given)\s+(?:the\s+|a\s+)?(?:death\s+)?toll\s+(?:at|of|as)\s+$", re.I)
_CASUALTY = {"killed", "injured", "casualties", "missing", "detained"}


def _in_names(quantities: list[Quantity], doc) -> list[Quantity]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_ENTS and not e.text[:1].isdigit()]
    return [q for q in quantities if not any(s < q.start and q.end <= e for s, e in spans)]


def find_figures(text: str, article_id: str, published: dt.date | None, doc=None) -> list[Figure]:
    """Every reported figure in ``text`` (an article's cleaned text), in text order."""
    quantities = find_quantities(text)
    if doc is not None:
        quantities = _in_names(quantities, doc)
    singles = _singles(text, quantities)
    if singles:
        quantities = sorted(quantities + singles, key=lambda q: q.start)
    single_at = {q.start for q in singles}
    bare = {q.start for q in singles if q.text not in ("a", "an", "A", "An")}
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
                f = _figure(text, s0, s1, q, article_id, here, pending_unverified, q.start in bare)
                f.source, f.as_of = nearest_source(sources, q.start), nearest_date(dates, q.start, published)
                here.append(f)
        pairs = list(zip(here, here[1:]))
        for f, g in pairs + pairs[::-1]:  # "16 civilians and three children were killed": both share the kind
            between = text[f.end: g.start]
            if f.subject and between.lstrip().startswith(f.subject):  # "a boy a girl and two women"
                between = " " + between.lstrip()[len(f.subject):]
            weak = ("other", "troops")
            if (f.kind in weak) != (g.kind in weak) and f.unit == g.unit == "people" and _COORD.fullmatch(between) \
                    and not any(cue(w, anchored_end=False) for w in between.split()):
                f.kind = g.kind = f.kind if g.kind in weak else g.kind
        for i, f in enumerate(here):  # "68 children were among the 126 people killed": a part of what follows
            g = next((g for g in here[i + 1:] if g.extra.get("part_of") != f.text), None)  # past f's own parts
            if g is not None and "part_of" not in f.extra and _AMONG.fullmatch(text[f.end: g.start]) \
                    and g.value > f.value:
                f.extra["part_of"] = g.text
        for f in here:  # "13 civilians among them seven children were killed": the whole takes the part's kind
            parent = next((g for g in here if g.text == f.extra.get("part_of")), None)
            if parent is not None and parent.kind == "other" and f.kind not in ("other", "troops"):
                parent.kind = f.kind
            elif parent is not None and f.kind == "other" and parent.start > f.start:  # "Eleven of the 36 killed"
                f.kind = parent.kind
        for i, f in enumerate(here):
            if f.kind == "other" and f.unit in ("people", "count"):
                before = text[max(s0, f.start - 50): f.start]
                earlier_here = [g.kind for g in here[:i] if g.kind in _RESTATES]
                if _RESTATED.search(before):  # the kind of the figure before, in this sentence or a recent one
                    recent = earlier_here or [g.kind for g in figures[-6:] if g.kind in _RESTATES and f.start - g.end < 600]
                    f.kind = recent[-1] if recent else ("killed" if "toll" in before.lower() else f.kind)
                elif f.subject is None and earlier_here and _SAYS_BARE.search(before):
                    f.kind = earlier_here[-1]
        if single_at:
            here = [f for f in here if f.start not in single_at or f.kind in _CASUALTY]
        period = _PERIOD.search(text, s0, s1) if here and _PERIOD_WORD.search(text, s0, s1) else None
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


def _singles(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """One person written with an article: "a child", "a pregnant woman"; and "child" in "a woman and child",
    whose text is the noun itself (its subject is read from the noun on)."""
    taken = [(q.start, q.end) for q in quantities]
    found = []
    consumed = 0
    for m in _PERSON_NOUN.finditer(text):  # the noun first: it is rarer than "a"
        art = _ARTICLE_BEFORE.search(text, max(consumed, m.start() - 40), m.start())
        if art is None or any(s < m.end() and art.start() < e for s, e in taken):
            continue
        consumed = m.end()  # "a girl child": one person
        article = art.group(0).split()[0]
        found.append(Quantity(art.start(), art.start() + len(article), article, 1.0))
        second = _AND_PERSON.match(text, m.end())
        if second:  # "a woman and child": the second noun is one person too
            found.append(Quantity(second.start(1), second.end(1), second.group(1), 1.0))
    for m in _BARE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken) and (m.start() == 0 or text[m.start() - 1] != "-"):
            found.append(Quantity(m.start(), m.end(), m.group(0), 1.0))
    return sorted(found, key=lambda q: q.start)


def _figure(text: str, s0: int, s1: int, q: Quantity, article_id: str, earlier: list[Figure],
            previous: list[Figure], bare_noun: bool = False) -> Figure:
    pos = q.start if bare_noun else q.end
    of_many = re.match(r"\s+of\s+(?!the\b|them\b|whom\b|those\b)", text[pos:s1], re.I) if q.vague else None
    pos += of_many.end() if of_many else 0  # "dozens of people"
    if not of_many:  # "31 of our neighbours are dead", "three of its residents"
        of_many = re.match(r"\s+of\s+(?:our|their|its|his|her|my|your)\s+", text[pos:s1], re.I)
    pos += of_many.end() if of_many and not q.vague else 0
    of_them = re.match(r"\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?", text[pos:s1], re.I)
    subject, head, np_end = noun_phrase(text, (pos + of_them.end()) if of_them else pos, s1)
    if of_them and subject is None:
        np_end = pos
    kind = kind_of(text, s0, s1, q, head, np_end, subject, earlier[-1].end if earlier else None)
    part_of = None
    parent = None
    if earlier and (of_them or _INCLUDING.search(text[max(s0, q.start - 30): q.start])):
        parent = earlier[-1]  # "including 11 children", "86, 30 of them children"
    elif of_them and not earlier and previous:  # "Three of them were children."
        parent = previous[-1]
    if parent is not None:
        part_of = parent.text
        if kind == "other" or kind == parent.kind or (kind == "troops" and parent.kind in _CASUALTY):
            kind = parent.kind  # "15 people died including five policemen": killed, not troops
    extra: dict[str, str] = {}
    if q.converted:
        extra["converted"] = q.converted
    if q.against is not None:
        extra["against"] = f"{q.against:g}"
    if part_of:
        extra["part_of"] = part_of
    if q.vague:
        extra["vague"] = "true"
    if kind == "killed" and _EARLIER.search(text, max(s0, q.start - 80), q.start):
        extra["earlier"] = "true"
    return Figure(
        article=article_id, value=q.value, unit=unit_of(q, head, kind), kind=kind, text=q.text,
        sentence=text[s0:s1].strip(), start=q.start, end=q.end, subject=subject, qualifier=q.qualifier,
        value_high=q.value_high, extra=extra,
    )
