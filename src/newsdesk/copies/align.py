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

_SENT = re.compile(r"(?<=[.!?\"\u201d'])\s+(?=[\"\u201c'(\u2018]?[A-Z0-9])|\n+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{12,}[\"\u201c\u201d]")
MIN_WORDS = 4
VERBATIM = 0.85
QUOTE_WEIGHT = 0.25  # a mostly-quoted sentence counts this much towards coverage


def sentences(text: str) -> list[str]:
    """Sentences (and paragraph-level lines) of at least MIN_WORDS words."""
    return [s.strip() for s in _SENT.split(text) if len(s.split()) >= MIN_WORDS]


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

    @property
    def score(self) -> float:
        return self.copy_coverage * self.mean_similarity


@dataclass(slots=True)
class Sentences:
    """An article's sentences prepared for alignment (computed once per article)."""

    texts: list[str]
    sets: list[frozenset[str]]
    weights: np.ndarray

    @classmethod
    def of(cls, text: str) -> "Sentences":
        texts = sentences(text)
        return cls(texts, [stems(s) for s in texts], np.array([_weight(s) for s in texts], dtype=np.float64))


def _matrix(a: Sentences, b: Sentences) -> np.ndarray:
    """Dice similarity of every sentence of ``a`` with every sentence of ``b``."""
    vocab: dict[str, int] = {}
    for s in a.sets:
        for w in s:
            vocab.setdefault(w, len(vocab))
    ma = np.zeros((len(a.sets), len(vocab)), dtype=np.float32)
    for i, s in enumerate(a.sets):
        ma[i, [vocab[w] for w in s]] = 1.0
    mb = np.zeros((len(b.sets), len(vocab)), dtype=np.float32)
    for j, s in enumerate(b.sets):
        cols = [vocab[w] for w in s if w in vocab]
        if cols:
            mb[j, cols] = 1.0
    inter = ma @ mb.T
    la = np.array([len(s) for s in a.sets], dtype=np.float32)
    lb = np.array([len(s) for s in b.sets], dtype=np.float32)
    denom = la[:, None] + lb[None, :]
    return np.divide(2.0 * inter, denom, out=np.zeros_like(inter), where=denom > 0)


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
    return Alignment(
        pairs=pairs,
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
