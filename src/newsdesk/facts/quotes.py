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
- indirect: "X said (that) ...", "X told Reuters ...", "..., X said.", "A, X said, B" and
  "according to X, ..." / "..., according to X".

``direct`` is True when the content holds a quote mark (direct and mixed quotes). Offsets and
text of a direct quote include its quote marks (as PolNeAR's content spans do), so the exported
text shows what was quoted and a reader can tell a mixed quote's own words from the paraphrase.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsdesk.facts.quotes_direct import QSpan, quoted_spans, units
from newsdesk.facts.records import Mention, Quote
from newsdesk.facts.speakers import CUE, LEAD, SpeakerResolver, is_tell, is_weak, left_phrase, right_phrase

_WORDS = re.compile(r"\w+")
_QUOTE_CHARS = re.compile(r"[“”\"„]|''|``")
_NOT_SUBJECT_START = frozenset("""and but or when if to in at after before while as because though although
since until for from with by on of that than so then where whether how why what into about over under""".split())
_PASSIVE_BEFORE = re.compile(r"\b(?:when|if|was|were|been|being|is|are|be|get|gets|got|once|after|as)\s+$")
_GERUND_BEFORE = re.compile(r"\b(?:of|for|by|about|without|after|before|from|on|in|while)\s+$")
MIN_QUOTE_WORDS = 4  # a quoted span of fewer words counts only with a cue next to it


def _nwords(text: str) -> int:
    return len(_WORDS.findall(text))


def _is_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    return bool(words) and caps >= 0.75 * len(words) and text.rstrip()[-1:] not in ".!?,"


def _end_trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def _content_after(text: str, cue_end: int, cue: str, hi: int, mentions: list[Mention]) -> int:
    """Where the content starts after a cue: past the addressee of "told", up to a near "that"."""
    i = cue_end
    seg = text[i:hi]
    if is_tell(cue):
        m = next((m for m in mentions if i < m.start <= i + 5 and m.end <= hi), None)
        if m is not None:
            i = m.end
        else:
            w = re.match(r"\s*(?:the\s+|a\s+)?[\w'’-]+", seg)
            if w:
                i += w.end()
        seg = text[i:hi]
    that = re.match(r"(?:[^,;:“”\"]{0,60}?\s)?(that)\b", seg)
    if that and _nwords(seg[:that.start(1)]) <= 8:
        return i + that.start(1)
    m = re.match(r"[\s,:]*", seg)
    return i + m.end()


class _Article:
    def __init__(self, doc, article_id: str, mentions: list[Mention]) -> None:
        self.text = doc if isinstance(doc, str) else doc.text
        self.doc = None if isinstance(doc, str) else doc
        self.id = article_id
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.spans = quoted_spans(self.text)
        self.opens = [s.open for s in self.spans]
        self.units = units(self.text, self.spans)
        self.unit_starts = [u[0] for u in self.units]
        self.resolver = SpeakerResolver(self.text, self.mentions, self.unit_starts)
        self.quotes: list[Quote] = []
        self.last: tuple[Quote, int] | None = None  # last direct quote and the unit it ended in
        self.colon_speaker = None  # speaker of a unit ending in "said:"

    def inside_quote(self, pos: int) -> bool:
        k = bisect_right(self.opens, pos) - 1
        return k >= 0 and pos < self.spans[k].close

    def emit(self, parts, speaker, cue, unit_index: int, quoted: bool = False) -> Quote:
        """``quoted``: the parts are the insides of quote marks (a direct quote)."""
        text = self.text
        start, end = parts[0][0], parts[-1][1]
        content = " ".join(text[s:e] for s, e in parts)
        direct = quoted or bool(_QUOTE_CHARS.search(text[start:end]))
        q = Quote(self.id, content, start, end, direct,
                  speaker.name if speaker else None, speaker.text if speaker else None,
                  speaker.start if speaker else None, speaker.end if speaker else None,
                  cue.group() if cue else None, cue.start() if cue else None, cue.end() if cue else None,
                  list(parts) if len(parts) > 1 else [])
        self.quotes.append(q)
        if speaker is not None:
            self.resolver.remember(end, speaker)
        if q.direct:
            self.last = (q, unit_index)
        return q

    def speaker_left(self, lo: int, cue, after_quote: bool):
        """The speaker named before the cue; the sentence's subject when the cue continues a clause
        ("Smith smiled and said", "..., telling reporters")."""
        span = left_phrase(self.text, lo, cue.start(), after_quote)
        word = cue.group().lower()
        joined = re.search(r"\b(?:and|but|then|,)\s*$", self.text[lo:cue.start()]) is not None
        if span and self.valid_phrase(*span) and not (word.endswith("ing") and joined):
            return self.resolver.resolve(*span)
        if word.endswith("ing") or joined or span:
            return self.subject(cue.start())
        return None

    def valid_phrase(self, start: int, end: int) -> bool:
        """A noun phrase, not a clause: no verb before its first comma, not opening on a conjunction."""
        first = self.text[start:end].split(None, 1)[0].lower() if self.text[start:end].split() else ""
        if first in _NOT_SUBJECT_START:
            return False
        if self.doc is None or not self.doc.has_annotation("POS"):
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        head_ok = False
        for tok in span:
            if tok.text in (",", "(", "—", "–") or tok.lower_ in ("who", "which", "whose"):
                break
            if tok.pos_ in ("VERB", "AUX", "SCONJ") and tok.tag_ not in ("VBN",):
                return False
            head_ok = head_ok or tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X")
        return head_ok

    def subject(self, position: int):
        """The first name or pronoun of the sentence holding ``position`` (its subject, mostly)."""
        k = bisect_right(self.unit_starts, position) - 1
        lo = self.unit_starts[k] if k >= 0 else 0
        m = re.match(r"\s*(?:[^,]{0,80},\s*)?", self.text[lo:position])
        for start in sorted({lo, lo + (m.end() if m else 0)}):
            i = bisect_right(self.resolver.starts, start - 1)
            mention = self.mentions[i] if i < len(self.mentions) else None
            if mention is not None and mention.start >= min(position, start + 40):
                mention = None
            if mention is not None and mention.label in ("PER", "ORG"):
                return self.resolver.resolve(mention.start, mention.end)
            p = re.match(r"\s*(he|she|it|they|i|we)\b", self.text[start:position], re.I)
            if p:
                return self.resolver.resolve(start + p.start(1), start + p.end(1))
        return None

    def speaker_right(self, cue, hi: int, appositive: bool = True):
        span = right_phrase(self.text, cue.end(), hi, appositive)
        return self.resolver.resolve(*span) if span and self.valid_phrase(*span) else None


def find_quotes(doc, article_id: str, mentions: list[Mention]) -> list[Quote]:
    """Direct, mixed and indirect quotes of one article (``doc``: its spaCy Doc or its text).

    ``mentions``: the article's mentions after ``canonical_names`` (speakers take their canonical
    names). Offsets are into ``doc.text``; quotes come in text order.
    """
    art = _Article(doc, article_id, mentions)
    for index, (a, b) in enumerate(art.units):
        qs = [s for s in art.spans if a <= s.open < b]
        cues = [c for c in CUE.finditer(art.text, a, b) if not art.inside_quote(c.start())
                and _real_cue(art.text, c, a)]
        used = _with_quotes(art, index, a, b, qs, cues) if qs else set()
        if not used:
            _indirect(art, index, a, b, cues, qs)
        rest = [q for q in qs if q.open not in used and not any(
            x.start <= q.open < x.end for x in art.quotes[-3:])]
        if rest:
            _floating(art, index, a, b, rest)
        tail = art.text[a:b].rstrip()
        art.colon_speaker = None
        if tail.endswith(":") and cues:
            sp = art.speaker_left(a, cues[-1], False)
            art.colon_speaker = (sp, cues[-1]) if sp else None
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


def _with_quotes(art: _Article, index: int, a: int, b: int, qs: list[QSpan], cues) -> set[int]:
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
        if before and _nwords(gap) <= 20 and not is_weak(cue.group()):
            # “...,” he said / “...,” said Smith / “A,” she said, “B.”
            speaker = art.speaker_left(before[-1].close, cue, True) if _nwords(gap) else None
            if speaker is None and not _nwords(gap):
                speaker = art.speaker_right(cue, after[0].open if after else b)
            if speaker is None:
                continue
            parts = [(q.open, q.close) for q in before]
            prefix = text[pos:before[0].open]
            if _nwords(prefix) and not CUE.search(prefix):
                parts[0] = (_skip_space(text, pos), parts[0][1])  # mixed: 'The deal “looks out for ...,” he wrote'
            tail_from = max(speaker.end, cue.end())
            taken = list(before)
            if after and _nwords(text[tail_from:after[0].open]) == 0:
                parts += [(q.open, q.close) for q in after]
                taken += after
            art.emit(_merge(parts), speaker, cue, index, quoted=True)
            used.update(q.open for q in taken)
            pos = max(parts[-1][1], tail_from)
            continue
        if after:
            lo = before[-1].close if before else pos
            speaker = art.speaker_left(lo, cue, False)
            if speaker is None:
                speaker = art.speaker_right(cue, after[0].open)
                if speaker is None:
                    continue
            # a later cue ("..., adding that ...") ends this content at the comma before it
            limit = b
            for later in cues[k + 1:]:
                comma = text.rfind(",", cue.end(), later.start())
                if comma != -1 and _nwords(text[cue.end():comma]) >= 3:
                    limit = comma
                    break
            start = _content_after(text, max(cue.end(), speaker.end), cue.group(), limit, art.mentions)
            inside = [q for q in after if q.close <= limit + 1]
            if not inside:
                end = _end_trim(text, start, limit)
                if _nwords(text[start:end]) >= 3 and not is_weak(cue.group()):
                    art.emit([(start, end)], speaker, cue, index)
                    pos = end
                continue
            if start >= inside[0].open:
                parts = [(q.open, q.close) for q in inside]
                if _nwords(text[inside[-1].close:limit]) > 0:
                    parts[-1] = (parts[-1][0], _end_trim(text, inside[-1].close, limit))
            else:
                if is_weak(cue.group()) and _nwords(text[start:inside[0].open]) > 3:
                    continue
                parts = [(start, _end_trim(text, start, limit))]
                if text[parts[0][1]:limit].strip(" .,;:!?") == "" and inside[-1].close >= parts[0][1] - 1:
                    parts = [(start, inside[-1].close)]
            if any(_nwords(text[s:e]) for s, e in parts):
                art.emit(_merge(parts), speaker, cue, index, quoted=True)
                used.update(q.open for q in inside)
                pos = parts[-1][1]
    return used


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " ,":
        i += 1
    return i


def _merge(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(parts):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _floating(art: _Article, index: int, a: int, b: int, qs: list[QSpan]) -> None:
    """Quotes of a sentence without a cue: a continuation, a quote after "said:", or unattributed."""
    text = art.text
    for q in qs:
        content = text[q.start:q.end]
        n = _nwords(content)
        if n < MIN_QUOTE_WORDS or (_is_title(content) and n < 12):
            continue
        if art.colon_speaker is not None:
            speaker, cue = art.colon_speaker
            art.emit([(q.open, q.close)], speaker, cue, index, quoted=True)
            continue
        if art.last is not None:
            prev, prev_unit = art.last
            paragraphs_between = text.count("\n", prev.end, q.open)
            same_para = paragraphs_between == 0 and index - prev_unit <= 2
            if same_para and prev.speaker_mention is not None:
                prev.parts = _merge((prev.parts or [(prev.start, prev.end)]) + [(q.open, q.close)])
                prev.end = q.close
                prev.text = " ".join(text[s:e] for s, e in prev.parts)
                art.last = (prev, index)
                continue
            if paragraphs_between <= 2 and prev.speaker_mention is not None:
                q2 = Quote(art.id, text[q.open:q.close], q.open, q.close, True, prev.speaker, prev.speaker_mention,
                           prev.speaker_start, prev.speaker_end, prev.cue, prev.cue_start, prev.cue_end)
                art.quotes.append(q2)
                art.last = (q2, index)
                continue
        if n >= 6:
            q2 = Quote(art.id, text[q.open:q.close], q.open, q.close, True)
            art.quotes.append(q2)
            art.last = (q2, index)


def _indirect(art: _Article, index: int, a: int, b: int, cues, qs: list[QSpan]) -> None:
    text = art.text
    for cue in cues:
        word = cue.group().lower()
        if word == "according to":
            sp = art.speaker_right(cue, b, appositive=False)
            if sp is None:
                continue
            if _nwords(text[a:cue.start()]) < 2:
                start = sp.end
                while start < b and text[start] in " ,":
                    start += 1
                parts = [(start, _end_trim(text, start, b))]
            else:
                parts = [(a, _end_trim(text, a, cue.start()))]
            if _nwords(text[parts[0][0]:parts[0][1]]) >= 3:
                art.emit(parts, sp, cue, index)
                return
            continue
        lp = left_phrase(text, a, cue.start(), False)
        right = text[cue.end():b]
        if lp is None:
            # "..., said Smith." inverted at the end
            before = text[a:cue.start()].rstrip()
            if before.endswith(",") and _nwords(before) >= 3 and not is_weak(word):
                sp = art.speaker_right(cue, b)
                if sp is not None:
                    art.emit([(a, _end_trim(text, a, cue.start()))], sp, cue, index)
                    return
            continue
        before = text[a:lp[0]].rstrip()
        n_before = _nwords(before)
        n_right = _nwords(right)
        has_that = re.match(r"\s*(?:\S+\s+){0,8}?that\b", right) is not None
        if n_before >= 3 and before.endswith(",") and (n_right <= 4 and not has_that) and not is_weak(word):
            sp = art.resolver.resolve(*lp)
            art.emit([(a, _end_trim(text, a, len(before) + a))], sp, cue, index)
            return
        if n_before >= 3 and before.endswith(",") and right.lstrip().startswith(",") and not is_weak(word):
            sp = art.resolver.resolve(*lp)
            rest = cue.end() + right.index(",") + 1
            art.emit([(a, _end_trim(text, a, len(before) + a)), (rest + 1, _end_trim(text, rest, b))],
                     sp, cue, index)
            return
        if n_before > 8 and before.endswith(",") and n_right >= 3 and not is_weak(word) \
                and _nwords(text[lp[0]:lp[1]]) <= 12 and art.valid_phrase(*lp):
            # a long opening clause belongs to the content: "Even in Miami, where ..., Ferre said Trump ..."
            sp = art.resolver.resolve(*lp)
            start = _content_after(text, cue.end(), word, b, art.mentions)
            end = _end_trim(text, start, b)
            if _nwords(text[start:end]) >= 3:
                art.emit([(_skip_space(text, a), _end_trim(text, a, a + len(before))), (start, end)], sp, cue, index)
                return
        intro_ok = n_before == 0 or LEAD.fullmatch(before + " ") is not None or (before.endswith(",") and n_before <= 8) or before.endswith(("that", "but", "and"))
        if intro_ok and n_right >= 3 and (not is_weak(word) or has_that):
            if _nwords(text[lp[0]:lp[1]]) > 12 or not art.valid_phrase(*lp):
                continue
            sp = art.resolver.resolve(*lp)
            start = _content_after(text, cue.end(), word, b, art.mentions)
            end = _end_trim(text, start, b)
            if _nwords(text[start:end]) >= 3:
                art.emit([(start, end)], sp, cue, index)
                return
