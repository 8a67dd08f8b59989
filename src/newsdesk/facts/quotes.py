"""Quotes with their speakers: direct, indirect and mixed, each with its cue and content offsets.

Works on the article text sentence by sentence (``quotes_direct.units``: a quote never splits a
sentence), using the entity mentions for speakers (``speakers.SpeakerResolver``):

- a quote followed by its attribution: "“...,” he said." / "“...,” said Smith, a spokesman." and
  the sandwich "“A,” she said, “B.”" (one quote of two parts);
- an attribution followed by a quote: "Smith said: “...”"; with words between the cue and the
  quote it is a mixed quote ("Smith said the plan was “dead on arrival”"): the content is the
  whole clause after the cue;
- a quote without a cue in its sentence continues the previous speaker when it follows it in the
  same or the next paragraph (merged into one quote in the same paragraph), or takes the speaker
  of a previous sentence ending in "said:"; short quoted spans (1-3 words) without a cue are scare
  quotes, titles or nicknames and are skipped, as are title-case spans;
- a quote without a cue after a colon ("Sanders delivered a retort: “...”"), after a sentence about
  another person, or inside a sentence ("Pell voiced a wish for a “...”") takes that sentence's
  subject; a dash signature ("“...” ― Name", also on the next line) names the speaker;
- mixed quotes keep the words after the last quote mark up to a comma or dash, unless they open a
  new clause (", which", "and", "as he");
- indirect: "X said (that) ...", "X told Reuters ...", "..., X said.", "A, X said, B",
  "..., said X, a role.", "called for X", a cue in a subordinate clause, several per sentence, and
  "according to X, ..." / "..., according to X" (``quotes_indirect``); cue words in ``cues``.

``direct`` is True when the content holds a quote mark (direct and mixed quotes). Offsets and
text of a direct quote include its quote marks (as PolNeAR's content spans do), so the exported
text shows what was quoted and a reader can tell a mixed quote's own words from the paraphrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsdesk.facts.quote_article import (MIN_QUOTE_WORDS, QuoteArticle, content_after, end_trim, is_title, merge,
                                          nwords, skip_space)
from newsdesk.facts.quotes_direct import QSpan
from newsdesk.facts.quotes_indirect import find_indirect
from newsdesk.facts.records import Mention, Quote
from newsdesk.facts import scan
from newsdesk.facts.cues import CUE, cue_start, is_quote_only, is_weak

_PASSIVE_BEFORE = re.compile(r"\b(?:when|if|was|were|been|being|is|are|be|get|gets|got|once|after|as)\s+$")
_DASH_NAME = re.compile(r"(?:[ \t\u00a0]*|\s*\n[ \t\u00a0]*)([―—–]|--?)[ \t\u00a0]*((?:[A-Z][\w'’-]*(?:\.(?=[ \t\u00a0]))?[ \t\u00a0]?){1,5}?)[ \t\u00a0]*[.,]?[ \t]*(?=\n|$)")
_DASH = re.compile(r"[―—–-]+")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|their|its|our|my|your|these|those)\s+$", re.I)
_THAT_AFTER = re.compile(r"\s+that\b")  # "his claim that the toll is too low" attributes
_GERUND_BEFORE = re.compile(r"\b(?:of|for|by|about|without|after|before|from|on|in|while)\s+$")


def find_quotes(doc, article_id: str, mentions: list[Mention]) -> list[Quote]:
    """Direct, mixed and indirect quotes of one article (``doc``: its spaCy Doc or its text).

    ``mentions``: the article's mentions after ``canonical_names`` (speakers take their canonical
    names). Offsets are into ``doc.text``; quotes come in text order.
    """
    art = QuoteArticle(doc, article_id, mentions)
    starts = scan.Starts(art.text, cue_start)  # where a cue may start
    for index, (a, b) in enumerate(art.units):
        qs = art.spans[bisect_left(art.opens, a):bisect_left(art.opens, b)]
        cues = [c for c in starts.finditer(CUE, a, b) if not art.inside_quote(c.start())
                and _real_cue(art.text, c, a)]
        used = _with_quotes(art, index, a, b, qs, cues) if qs else set()
        if not used:
            find_indirect(art, index, a, b, [c for c in cues if _indirect_cue(art.text, c, a)], qs)
        rest = [q for q in qs if q.open not in used and not any(
            x.start <= q.open < x.end for x in art.quotes[-3:])]
        if rest:
            _floating(art, index, a, b, rest)
        tail = art.text[a:b].rstrip()
        art.colon_speaker = None
        if tail.endswith(":") and cues:
            sp = art.speaker_left(a, cues[-1], False)
            art.colon_speaker = (sp, cues[-1]) if sp else None
        elif tail.endswith(":"):  # "Sanders delivered a snappy retort:" and the quote in the next paragraph
            sp = _colon_speaker(art, a, a + len(tail) - 1)
            art.colon_speaker = (sp, None) if sp else None
    art.quotes.sort(key=lambda q: q.start)
    return art.quotes


def _real_cue(text: str, cue, unit_start: int) -> bool:
    """Not a passive or adverbial use ("was told", "when asked", "Asked about ...", "instead of calling")."""
    word = cue.group().lower()
    if word == "according to":
        return True
    before = text[max(unit_start, cue.start() - 14):cue.start()].lower()
    if _PASSIVE_BEFORE.search(before):
        return False
    if word.endswith("ing") and _GERUND_BEFORE.search(before):
        return False
    return not (cue.start() == unit_start and word in ("asked", "told", "pressed", "questioned", "called"))


def _indirect_cue(text: str, cue, unit_start: int) -> bool:
    """A cue that may attribute an indirect quote: not a quote-only verb ("posted"), not a noun ("his
    remarks", "the alleged shooter") unless a "that" clause follows ("his claim that the toll is too low")."""
    if is_quote_only(cue.group()):
        return False
    return not _NOUN_BEFORE.search(text[unit_start:cue.start()]) or _THAT_AFTER.match(text, cue.end()) is not None


def _with_quotes(art: QuoteArticle, index: int, a: int, b: int, qs: list[QSpan], cues) -> set[int]:
    """Attributed quotes of one sentence; returns the ``open`` offsets of the quotes used."""
    text = art.text
    used: set[int] = set()
    pos = a  # the text before ``pos`` is taken
    for k, cue in enumerate(cues):
        if cue.start() < pos:
            continue
        before = [q for q in qs if q.open >= pos and q.close <= cue.start()]
        after = [q for q in qs if q.open >= cue.end()]
        gap = text[before[-1].close:cue.start()] if before else ""
        if before and nwords(gap) <= 20 and not is_weak(cue.group()):
            # “...,” he said / “...,” said Smith / “A,” she said, “B.”
            speaker = art.speaker_left(before[-1].close, cue, True) if nwords(gap) else None
            if speaker is None and not nwords(gap):
                speaker = art.speaker_right(cue, after[0].open if after else b)
            if speaker is None:
                continue
            parts = [(q.open, q.close) for q in before]
            between = text[before[-1].close:speaker.start] if speaker.start > before[-1].close else ""
            if nwords(between) and between.rstrip().endswith(","):
                # '"We are horrified" by the shooting in Orlando, Nefzi said': the words up to the speaker
                parts[-1] = (parts[-1][0], end_trim(text, before[-1].close, speaker.start))
            prefix = text[pos:before[0].open]
            if nwords(prefix) and not CUE.search(prefix):
                parts[0] = (skip_space(text, pos), parts[0][1])  # mixed: 'The deal “looks out for ...,” he wrote'
            tail_from = max(speaker.end, cue.end())
            taken = list(before)
            if after and nwords(text[tail_from:after[0].open]) == 0:
                parts += [(q.open, q.close) for q in after]
                taken += after
            art.emit(merge(parts), speaker, cue, index, quoted=True)
            used.update(q.open for q in taken)
            pos = max(parts[-1][1], tail_from)
            continue
        if after:
            lo = before[-1].close if before else pos
            speaker = art.speaker_left(lo, cue, False)
            if speaker is None and not is_weak(cue.group()):
                # inverted before a quote: 'said Smith: “...”' (not the object of "called X “...”")
                speaker = art.speaker_right(cue, after[0].open)
                if speaker is not None and text[speaker.end:after[0].open].strip(" ,:") != "":
                    speaker = None
            if speaker is None:
                continue
            # a later cue ("..., adding that ...") ends this content at the comma before it
            limit = b
            for later in cues[k + 1:]:
                comma = text.rfind(",", cue.end(), later.start())
                if comma != -1 and nwords(text[cue.end():comma]) >= 3:
                    limit = comma
                    break
            start = content_after(text, max(cue.end(), speaker.end), cue.group(), limit, art.mentions)
            inside = [q for q in after if q.close <= limit + 1]
            if not inside:
                end = end_trim(text, start, limit)
                if nwords(text[start:end]) >= 3 and not is_weak(cue.group()):
                    art.emit([(start, end)], speaker, cue, index)
                    pos = end
                continue
            if start >= inside[0].open:
                parts = [(q.open, q.close) for q in inside]
                if nwords(text[inside[-1].close:limit]) > 0:
                    parts[-1] = (parts[-1][0], _tail_end(text, inside[-1].close, limit))
            else:
                if is_weak(cue.group()) and nwords(text[start:inside[0].open]) > _WEAK_OBJECT_WORDS:
                    continue
                parts = [(start, _tail_end(text, inside[-1].close, limit))]
                if text[parts[0][1]:limit].strip(" .,;:!?") == "" and inside[-1].close >= parts[0][1] - 1:
                    parts = [(start, inside[-1].close)]
            if any(nwords(text[s:e]) for s, e in parts):
                art.emit(merge(parts), speaker, cue, index, quoted=True)
                used.update(q.open for q in inside)
                pos = parts[-1][1]
    return used


# "accused Clinton allies of being ''traitors''", "called the 12-nation TPP pact “insanity”": a weak cue
# (called, accused, described) takes a quote whose object before it is at most this many words
_WEAK_OBJECT_WORDS = 8
_TAIL_CUT = re.compile(r"\s*(?:[,;—–(]|-+\s|(?:and|but|as|while|when|whereas|which|who|before|after|because|since|though|although|even|sparking|prompting|drawing|adding|saying)\b)")


def _tail_end(text: str, close: int, limit: int) -> int:
    """The end of a quote's content: the words after the last quote mark belong to it up to a comma or a
    dash, unless they open a new clause (", which ...", "and said ...", "as he ...") or the quote ended
    on a comma ('“ultimate hypocrite,” linking to ...'): "called Palin a “clown” on his show"."""
    if _TAIL_CUT.match(text, close) and nwords(text[close:limit]) >= 3:
        return close
    if text[max(0, close - 3):close].rstrip("”\"'")[-1:] == "," and nwords(text[close:limit]) >= 3:
        return close  # '“ultimate hypocrite,” linking to ...': the comma inside the quote ended the clause
    stop = _TAIL_STOP.search(text, close, limit)
    if stop is not None:  # 'he was “encouraged” by the plan — a modest boost ...'
        return end_trim(text, close, stop.start())
    return end_trim(text, close, limit)


_TAIL_STOP = re.compile(r"\s*(?:[,;—–(]|\s-+\s)")


_PAREN_GAP = re.compile(r"\s*(?:\([^()\n]{0,30}\))?\s*")


def _colon_speaker(art: QuoteArticle, a: int, colon: int):
    """Who speaks after a colon without a cue: the name right before it ("Rep. Trey Gowdy (R-S.C.):",
    "... - Pew Research:"), else the person or pronoun the sentence opens with ("Sanders delivered a
    snappy retort:"); None when neither."""
    k = bisect_left(art.resolver.starts, colon) - 1
    if k >= 0:
        m = art.mentions[k]
        if m.start >= a and m.label in ("PER", "ORG") and _PAREN_GAP.fullmatch(art.text, m.end, colon):
            return art.resolver.resolve(m.start, m.end)
    sp = art.subject(colon)
    return sp if sp is not None and a <= sp.start < colon and (sp.name or sp.head is not None) else None


def _introduced(art: QuoteArticle, index: int, a: int, q: QSpan):
    """The person the sentence before a quote opens with, when that sentence is in the quote's
    paragraph and the quote opens its own sentence."""
    if index == 0 or art.text[a:q.open].strip() or "\n" in art.text[art.units[index - 1][0]:a]:
        return None
    sp = art.subject(art.units[index - 1][1] - 1)
    return sp if sp is not None and sp.head is not None and sp.head.label == "PER" else None


def _floating(art: QuoteArticle, index: int, a: int, b: int, qs: list[QSpan]) -> None:
    """Quotes of a sentence without a cue: a continuation, a quote after "said:", or unattributed."""
    text = art.text
    for q in qs:
        content = text[q.start:q.end]
        n = nwords(content)
        if n < MIN_QUOTE_WORDS or (is_title(content.rstrip(".,!?")) and n < 12):  # “The Nightly Show.”
            continue
        byline = _DASH_NAME.match(text, q.close)
        if byline:  # “...” ― Jorge Falcon (an epigraph or a reader's comment)
            speaker = art.resolver.resolve(byline.start(2), byline.end(2))
            art.emit([(q.open, q.close)], speaker, _DASH.search(text, byline.start(1)),
                     index, quoted=True)
            continue
        lead = text[a:q.open].rstrip()
        speaker = _colon_speaker(art, a, a + len(lead) - 1) if lead.endswith(":") else None
        if speaker is not None:  # 'Kaine has adopted the stance of many Catholics: “...”'
            art.emit([(q.open, q.close)], speaker, None, index, quoted=True)
            continue
        if art.colon_speaker is not None:
            speaker, cue = art.colon_speaker
            art.emit([(q.open, q.close)], speaker, cue, index, quoted=True)
            continue
        subject = _introduced(art, index, a, q)
        merges = art.last is not None and art.last[0].speaker_mention is not None \
            and text.count("\n", art.last[0].end, q.open) == 0 and index - art.last[1] <= 2
        if nwords(text[a:q.open]) >= 2 and not merges:
            # 'He voiced a wish for a “strong, prosperous and vibrant Mexico.”': the sentence's subject quoted
            sp = art.subject(q.open)
            if sp is not None and (sp.name or sp.head is not None):
                art.emit([(q.open, q.close)], sp, None, index, quoted=True)
                continue
        if art.last is not None:
            prev, prev_unit = art.last
            paragraphs_between = text.count("\n", prev.end, q.open)
            same_para = paragraphs_between == 0 and index - prev_unit <= 2
            if same_para and prev.speaker_mention is not None:
                prev.parts = merge((prev.parts or [(prev.start, prev.end)]) + [(q.open, q.close)])
                prev.end = q.close
                prev.text = " ".join(text[s:e] for s, e in prev.parts)
                art.last = (prev, index)
                continue
            if subject is not None and subject.name != prev.speaker:
                # 'Clinton touted her credentials. “We need ...”': the person just written about speaks
                art.emit([(q.open, q.close)], subject, None, index, quoted=True)
                continue
            if paragraphs_between <= 4 and prev.speaker_mention is not None:  # up to two paragraphs on
                q2 = Quote(art.id, text[q.open:q.close], q.open, q.close, True, prev.speaker, prev.speaker_mention,
                           prev.speaker_start, prev.speaker_end, prev.cue, prev.cue_start, prev.cue_end)
                art.quotes.append(q2)
                art.last = (q2, index)
                continue
        if subject is not None:
            art.emit([(q.open, q.close)], subject, None, index, quoted=True)
            continue
        if n >= 6:
            q2 = Quote(art.id, text[q.open:q.close], q.open, q.close, True)
            art.quotes.append(q2)
            art.last = (q2, index)
