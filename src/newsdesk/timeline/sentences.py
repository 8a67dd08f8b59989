"""Sentences of the articles, with the dates they mention and the words they use.

:func:`article_sentences` splits every article once into :class:`Sentence`
records shared by the timeline and the briefing: text, the article it came
from, the independent source it stands for (a copy stands for its original),
its position, the days it mentions and (computed on first use) its content words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..records import Article
from ..terms import STOPWORDS
from .dates import DateMention, find_mentions

_ABBREV = frozenset(
    """mr mrs ms dr st gen col lt sgt capt gov sen rep rev prof jan feb mar apr jun jul aug sep sept oct nov dec
    no inc co corp ltd jr sr vs etc adm maj cmdr brig mt ft u.s u.n u.k e.g i.e a.m p.m""".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_CONTENT = re.compile(r"[a-z][a-z'\-]+[a-z]")
# A dateline and what precedes it at the top of an article ("AMMAN | Fri Apr 22, 2011 7:12pm EDT AMMAN
# (Reuters) - "): not part of what the first sentence says.
_DATELINE = re.compile(r"[^.!?]{0,150}?\((?:[A-Z][A-Za-z.&]{0,14})(?: [A-Z][A-Za-z.&]{0,14}){0,2}\)\s*[-\u2013\u2014]+\s+(?=\S)")


@dataclass(slots=True)
class Sentence:
    text: str
    article: str
    root: str  # the independent source: the article itself, or the original it copies
    outlet: str | None
    published: date | None
    index: int  # position in its article (0 = lead)
    start: int  # offset in the article text
    mentions: list[DateMention] = field(default_factory=list)
    _words: list[str] | None = None  # content words, found when first asked for (most sentences never are)

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = content_words(self.text)
        return self._words

    @property
    def key(self) -> str:
        """Equal for the same statement printed twice (case, punctuation and small words ignored)."""
        return " ".join(self.words) or self.text

    @property
    def days(self) -> set[date]:
        return {m.value for m in self.mentions if m.granularity == "day"}


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; paragraphs are boundaries, abbreviations ("Mr.", "U.S.", "Jan.") are not."""
    out: list[tuple[int, str]] = []
    for para in re.finditer(r"[^\n]+", text):
        chunk, base, start = para.group(), para.start(), 0
        for m in _BOUNDARY.finditer(chunk):
            word = chunk[chunk.rfind(" ", start, m.start()) + 1:m.start()].lower().lstrip("\"“‘([")
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            piece = chunk[start:m.end()].strip()
            if piece:
                out.append((base + start, piece))
            start = m.end()
        tail = chunk[start:].strip()
        if tail:
            out.append((base + start, tail))
    return out


def content_words(text: str) -> list[str]:
    """Lowercased content words (stopwords and words under three letters dropped)."""
    return [w for w in _CONTENT.findall(text.lower()) if w not in STOPWORDS]


def article_sentences(articles: list[Article]) -> list[Sentence]:
    """Every sentence of every article, in article order, with the dates it mentions.

    The first sentence loses a dateline that opens it ("BEIRUT (Reuters) - ", with anything printed
    before it on the line): a timeline or briefing quotes what happened, not where it was filed.
    """
    ids = {a.id for a in articles}
    out: list[Sentence] = []
    for a in articles:
        root = a.copy_of if a.copy_of and a.copy_of in ids else a.id
        parts = split_sentences(a.text)
        if parts:
            m = _DATELINE.match(parts[0][1])
            if m and len(parts[0][1][m.end():].split()) >= 5:
                parts[0] = (parts[0][0] + m.end(), parts[0][1][m.end():])
        spans = [(o, o + len(t)) for o, t in parts]
        mentions = find_mentions(a.text, a.published, spans)
        j = 0
        for i, (offset, text) in enumerate(parts):
            end = offset + len(text)
            while j < len(mentions) and mentions[j].start < offset:
                j += 1
            mine = []
            while j < len(mentions) and mentions[j].start < end:
                m = mentions[j]
                mine.append(DateMention(m.value, m.granularity, m.start - offset, m.end - offset, m.relative, m.future))
                j += 1
            out.append(Sentence(text, a.id, root, a.outlet, a.published, i, offset, mine))
    return out
