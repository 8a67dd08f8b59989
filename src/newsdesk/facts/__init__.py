"""Facts stage: entity mentions, quotes with speakers, figures with units.

Public entry point: :func:`extract_facts`. Modules: ``nlp.py`` (the one spaCy
loader), ``entities.py`` + ``gazetteer.py`` (mentions and canonical names),
``quotes.py`` + ``quotes_direct.py`` + ``speakers.py`` (who said what),
``figures.py`` + ``numbers.py`` + ``figure_context.py`` (reported quantities);
records in ``records.py``. Every fact carries its article id and character
offsets into the article's cleaned text.

spaCy runs with NER only (no parser), and only on the windows of text around
capitalised words (``nlp.NameWindows``): quotes and figures need the names, and
the rules find sentences, numbers and cues themselves, cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Article
from .entities import NameIndex, canonical_names, find_mentions
from .figures import find_figures
from .gazetteer import Gazetteer
from .quotes import find_quotes
from .records import Figure, Mention, Quote


@dataclass(slots=True)
class Facts:
    """What the facts stage found in one batch of articles; ``names``: the desk names the batch added
    (folded key -> canonical name), what a store must write besides the facts."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)


def extract_facts(articles: list[Article], nlp: Any, known: dict[str, str], gazetteer: Gazetteer,
                  index: NameIndex | None = None) -> Facts:
    """Mentions, quotes and figures of ``articles``.

    ``nlp`` is a loaded spaCy pipeline (:func:`newsdesk.facts.nlp.load_nlp`);
    ``known`` maps the desk's folded names to canonical ones and is updated in
    place, so that spelling variants merge across batches and runs; the names
    added are also in the result's ``names``. ``index``: a ``NameIndex`` of
    ``known`` kept from batch to batch (built when omitted, at a cost that grows
    with the desk).
    """
    out = Facts()
    index = index if index is not None and index.known is known else NameIndex(known)
    for a, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16)):
        mentions = canonical_names(find_mentions(doc, a.id, gazetteer), known, gazetteer, index)
        out.mentions += mentions
        out.quotes += find_quotes(a.text, a.id, mentions)  # the text, not doc.text: a Doc joins its tokens again
        out.figures += find_figures(a.text, a.id, a.published, doc)
    out.names = index.take_added()
    return out
