"""Sentences of the articles, with the dates they mention and the words they use.

:func:`article_sentences` splits every article once into :class:`Sentence`
records shared by the timeline and the briefing: text, the article it came
from, the independent source it stands for (a copy stands for its original),
its position, the days it mentions and its content words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..records import Article
from ..terms import tokens
from .dates import DateMention, find_mentions

_ABBREV = frozenset(
    """mr mrs ms dr st gen col lt sgt capt gov sen rep rev prof jan feb mar apr jun jul aug sep sept oct nov dec
    no inc co corp ltd jr sr vs etc adm maj cmdr brig mt ft u.s u.n u.k e.g i.e a.m p.m""".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?][\"'”’)\]]*\s*$")
# A cheap test that lets most sentences skip the date patterns.
_DATE_CUE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|(?:19|20)\d\d-|yesterday|today|tonight|tomorrow|last|next|this|past|coming|ago)", re.I)
_NORM = re.compile(r"[^a-z0-9]+")


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
    words: list[str] = field(default_factory=list)

    @property
    def days(self) -> set[date]:
        return {m.value for m in self.mentions if m.granularity == "day"}


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; paragraphs are boundaries, abbreviations ("Mr.", "U.S.", "Jan.") are not."""
    out: list[tuple[int, str]] = []
    for para in re.finditer(r"[^\n]+", text):
        chunk, base, start = para.group(), para.start(), 0
        for m in _BOUNDARY.finditer(chunk):
            head = chunk[start:m.end()]
            last = _LAST_WORD.search(head)
            if last:
                word = last.group(1).lower().rstrip(".")
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


def sentence_key(text: str) -> str:
    """A key equal for the same sentence printed twice (case, punctuation and spacing ignored)."""
    return _NORM.sub(" ", text.lower()).strip()


def article_sentences(articles: list[Article]) -> list[Sentence]:
    """Every sentence of every article, in article order."""
    ids = {a.id for a in articles}
    out: list[Sentence] = []
    for a in articles:
        root = a.copy_of if a.copy_of and a.copy_of in ids else a.id
        for i, (offset, text) in enumerate(split_sentences(a.text)):
            mentions = find_mentions(text, a.published) if _DATE_CUE.search(text) else []
            out.append(Sentence(text, a.id, root, a.outlet, a.published, i, offset, mentions, tokens(text)))
    return out
