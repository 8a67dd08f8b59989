"""Per-article state of the quote finder: text, quote marks, sentence units, speakers and helpers.

``QuoteArticle`` holds what ``quotes.find_quotes`` and ``quotes_indirect`` share while they walk an
article: the quoted spans and units (``quotes_direct``), the speaker resolver (``speakers``), the
quotes found so far, and the checks a speaker phrase must pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsdesk.facts.quotes_direct import quoted_spans, units
from newsdesk.facts.records import Mention, Quote
from newsdesk.facts.cues import is_tell
from newsdesk.facts.speakers import SpeakerResolver, left_phrase, right_phrase

WORDS = re.compile(r"\w+")
_QUOTE_CHARS = re.compile(r"[“”\"„]|''|``")
_NOT_SUBJECT_START = frozenset("""and but or when if to in at after before while as because though although
since until for from with by on of that than so then where whether how why what into about over under""".split())
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:the|a|an|of|[A-Z][\w.'’-]*)\s+){0,5}")
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_CLAUSE_WORDS = frozenset("""was were is are has have had would will could can should did does do that
said says""".split())  # a phrase holding one of these is a clause, not a speaker
MIN_QUOTE_WORDS = 4  # a quoted span of fewer words counts only with a cue next to it


def nwords(text: str) -> int:
    return len(WORDS.findall(text))


def is_title(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    return bool(words) and caps >= 0.75 * len(words) and text.rstrip()[-1:] not in ".!?,"


def end_trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def content_after(text: str, cue_end: int, cue: str, hi: int, mentions: list[Mention]) -> int:
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
    if that and nwords(seg[:that.start(1)]) <= 8:
        return i + that.start(1)
    m = re.match(r"[\s,:]*", seg)
    return i + m.end()


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " ,":
        i += 1
    return i


def merge(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(parts):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


class QuoteArticle:
    """One article while its quotes are found: text, quote spans, units, speakers, quotes so far."""

    def __init__(self, doc, article_id: str, mentions: list[Mention]) -> None:
        self.text = doc if isinstance(doc, str) else doc.text
        self.id = article_id
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.spans = quoted_spans(self.text)
        self.opens = [s.open for s in self.spans]
        self.units = units(self.text, self.spans)
        self.unit_starts = [u[0] for u in self.units]
        self.resolver = SpeakerResolver(self.text, self.mentions, self.unit_starts)
        self.quotes: list[Quote] = []
        self.last_speaker = None
        self.last: tuple[Quote, int] | None = None  # last direct quote and the unit it ended in
        self.colon_speaker = None  # speaker of a unit ending in "said:"

    def inside_quote(self, pos: int) -> bool:
        k = bisect_right(self.opens, pos) - 1
        return k >= 0 and pos < self.spans[k].close

    def emit(self, parts, speaker, cue, unit_index: int, quoted: bool = False) -> Quote:
        """Record a quote of ``parts`` (character ranges); ``quoted``: they are quote-marked spans."""
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
            self.last_speaker = speaker
        if q.direct:
            self.last = (q, unit_index)
        return q

    def speaker_left(self, lo: int, cue, after_quote: bool):
        """The speaker named before the cue; the sentence's subject when the cue continues a clause
        ("Smith smiled and said", "..., telling reporters")."""
        span = left_phrase(self.text, lo, cue.start(), after_quote)
        word = cue.group().lower()
        before = self.text[lo:cue.start()]
        joined = not after_quote and re.search(r"(?:\band|\bbut|\bthen|,)\s*$", before) is not None
        # "Levine, who gave money to Rubio, said": a comma alone ends an appositive, not a clause
        by_comma_only = joined and before.rstrip().endswith(",") and not word.endswith("ing")
        if span and (not joined or by_comma_only):
            last = self.text[span[0]:span[1]].split()[-1]
            if last.lower() in _SUBJECT_PRONOUNS and span[1] - len(last) > span[0]:
                span = (span[1] - len(last), span[1])  # "... what he described": the pronoun is the subject
            if self.valid_phrase(*span):
                sp = self.resolver.resolve(*span)
                if sp.head is not None and sp.head.label == "LOC":  # "Clinton, at a meeting in Columbus, Ohio, said"
                    subject = self.subject(cue.start())
                    if subject is not None and subject.head is not None and subject.head.label == "PER":
                        return subject
                return sp
        if joined or word.endswith("ing") or span:
            # "..., Fiorina said, adding that ...": the speaker quoted just before in this sentence
            k = bisect_right(self.unit_starts, cue.start()) - 1
            if (word.endswith("ing") or joined) and self.quotes and k >= 0 \
                    and (self.quotes[-1].speaker_start or -1) >= self.unit_starts[k] and self.last_speaker:
                return self.last_speaker
            return self.subject(cue.start())
        return None

    def valid_phrase(self, start: int, end: int, clause_check: bool = True) -> bool:
        """Not a clause piece: a speaker phrase does not open on a conjunction or preposition.

        (A part-of-speech check, no verb before the first comma, was tried and measured worse on
        PolNeAR train and dev: it rejected more real speakers than garbage; so no tagger is needed.)
        """
        words = self.text[start:end].split(",")[0].split()
        if not words or words[0].lower() in _NOT_SUBJECT_START:
            return False
        return not clause_check or not any(w.lower() in _CLAUSE_WORDS for w in words[1:])

    def subject(self, position: int):
        """The first name or pronoun of the sentence holding ``position`` (its subject, mostly)."""
        k = bisect_right(self.unit_starts, position) - 1
        lo = self.unit_starts[k] if k >= 0 else 0
        m = re.match(r"\s*(?:[^,]{0,80},\s*)?", self.text[lo:position])
        for start in sorted({lo, lo + (m.end() if m else 0)}):
            i = bisect_right(self.resolver.starts, start - 1)
            mention = self.mentions[i] if i < len(self.mentions) else None
            if mention is not None and (mention.start >= position
                                        or not _SUBJECT_LEAD.fullmatch(self.text[start:mention.start])):
                mention = None  # only a name the sentence opens with ("The prince called for Trump" is not Trump)
            if mention is not None and mention.label in ("PER", "ORG"):
                return self.resolver.resolve(mention.start, mention.end)
            p = re.match(r"\s*(he|she|it|they|i|we)\b", self.text[start:position], re.I)
            if p:
                return self.resolver.resolve(start + p.start(1), start + p.end(1))
        return None

    def speaker_right(self, cue, hi: int, appositive: bool = True):
        span = right_phrase(self.text, cue.end(), hi, appositive)
        return self.resolver.resolve(*span) if span and self.valid_phrase(*span) else None
