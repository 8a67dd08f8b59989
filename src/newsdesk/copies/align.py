"""Sentence alignment between two articles: the evidence for rewrites and partial copies.

Sentences are compared as sets of word stems (the first six letters, so that
"killed"/"killing" and "officials"/"official" meet) by Dice similarity. A spun
copy keeps most of a sentence's function words, numbers and names even when it
swaps synonyms, while an independent report of the same event shares little
beyond quotes; a sentence that is mostly a quotation counts for little, since
independent reports quote the same people.

One overlap matrix (numpy) serves both directions of a pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..terms import STOPWORDS

_SENT = re.compile(r"(?<=[.!?\"\u201d'])\s+(?=[\"\u201c'(\u2018]?[A-Z0-9])|\n+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{12,}[\"\u201c\u201d]")
MIN_WORDS = 4
_FUNCTION_STEMS = frozenset(w[:6] for w in STOPWORDS)
VERBATIM = 0.85
QUOTE_WEIGHT = 0.25  # a mostly-quoted sentence counts this much towards coverage


MAX_SENTENCES = 150  # longer texts (transcripts, live pages) are aligned on their first sentences


def sentences(text: str) -> list[str]:
    """Sentences (and paragraph-level lines) of at least MIN_WORDS words, at most MAX_SENTENCES."""
    return [s.strip() for s in _SENT.split(text) if len(s.split()) >= MIN_WORDS][:MAX_SENTENCES]


def stems(sentence: str) -> frozenset[str]:
    return frozenset(w[:6] for w in _TOKEN.findall(sentence.casefold()))


def _weight(sentence: str) -> float:
    """Words of the sentence, discounted when most of it is a quotation."""
    n = len(sentence.split())
    quoted = sum(len(m.group(0).split()) for m in _QUOTED.finditer(sentence))
    return n * (QUOTE_WEIGHT if quoted >= 0.6 * n else 1.0)


@dataclass(slots=True)
class Alignment:
    """How much of ``copy`` is aligned to ``original``, and which sentence pairs carry it."""

    pairs: list[tuple[int, int, float]] = field(default_factory=list)  # (copy sentence, original sentence, sim)
    copy_coverage: float = 0.0  # share of the copy's (quote-discounted) words in aligned sentences
    original_coverage: float = 0.0  # share of the original's words in sentences aligned to
    mean_similarity: float = 0.0
    longest_run: int = 0  # longest run of consecutive near-verbatim sentences in both texts
    in_order: float = 1.0  # share of consecutive aligned copy sentences that keep the original's order

    @property
    def score(self) -> float:
        return self.copy_coverage * self.mean_similarity


@dataclass(slots=True)
class Sentences:
    """An article's sentences prepared for alignment (computed once per article)."""

    texts: list[str]
    sets: list[frozenset[str]]
    content: list[frozenset[str]]  # stems of content words: the keys for finding comparable sentences
    weights: np.ndarray

    @classmethod
    def of(cls, text: str) -> "Sentences":
        texts = sentences(text)
        sets = [stems(s) for s in texts]
        return cls(texts, sets, [s - _FUNCTION_STEMS for s in sets],
                   np.array([_weight(s) for s in texts], dtype=np.float64))


def _matrix(a: Sentences, b: Sentences) -> np.ndarray:
    """Dice similarity of sentences of ``a`` with sentences of ``b`` (zero where they share no content word).

    Only pairs that share a content stem that is not everywhere in ``b`` are
    compared, found through postings, so the cost follows the real overlap
    rather than the product of the lengths.
    """
    sim = np.zeros((len(a.sets), len(b.sets)), dtype=np.float32)
    postings: dict[str, list[int]] = {}
    for j, c in enumerate(b.content):
        for w in c:
            postings.setdefault(w, []).append(j)
    common = max(3, len(b.sets) // 8)  # a stem in many sentences finds nothing in particular
    postings = {w: p for w, p in postings.items() if len(p) <= common}
    lb = [len(t) for t in b.sets]
    for i, ca in enumerate(a.content):
        seen: set[int] = set()
        for w in ca:
            p = postings.get(w)
            if p:
                seen.update(p)
        if not seen:
            continue
        sa, la, row = a.sets[i], len(a.sets[i]), sim[i]
        for j in seen:
            row[j] = 2.0 * len(sa & b.sets[j]) / (la + lb[j])
    return sim


def _one_way(sim: np.ndarray, copy: Sentences, original: Sentences, threshold: float) -> Alignment:
    if sim.size == 0:
        return Alignment()
    best_i = sim.argmax(axis=1)
    best = sim[np.arange(sim.shape[0]), best_i]
    rows = np.nonzero(best >= threshold)[0]
    if len(rows) == 0:
        return Alignment()
    pairs = [(int(j), int(best_i[j]), round(float(best[j]), 3)) for j in rows]
    matched_orig = sorted({i for _, i, _ in pairs})
    run = longest = 0
    prev: tuple[int, int] | None = None
    for j, i, s in pairs:
        if s >= VERBATIM:
            run = run + 1 if prev and j == prev[0] + 1 and i == prev[1] + 1 else 1
            prev = (j, i)
        else:
            run, prev = 0, None
        longest = max(longest, run)
    steps = [b[1] > a[1] for a, b in zip(pairs, pairs[1:])]
    return Alignment(
        pairs=pairs,
        in_order=sum(steps) / len(steps) if steps else 1.0,
        copy_coverage=float(copy.weights[rows].sum() / max(copy.weights.sum(), 1e-9)),
        original_coverage=float(original.weights[matched_orig].sum() / max(original.weights.sum(), 1e-9)),
        mean_similarity=float(best[rows].mean()),
        longest_run=longest,
    )


def align_both(a: Sentences, b: Sentences, threshold: float = 0.5) -> tuple[Alignment, Alignment]:
    """``a`` aligned as a copy of ``b``, and ``b`` as a copy of ``a``."""
    if not a.sets or not b.sets:
        return Alignment(), Alignment()
    sim = _matrix(a, b)
    return _one_way(sim, a, b, threshold), _one_way(sim.T, b, a, threshold)


def align(copy: Sentences, original: Sentences, threshold: float = 0.5) -> Alignment:
    """Align each copy sentence to its most similar original sentence."""
    return align_both(copy, original, threshold)[0]
