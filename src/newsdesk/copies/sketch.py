"""Sketches of an article for candidate search: content-word bags, MinHash signatures, sentence anchors.

Candidates come from MinHash over an article's set of content words (not its
word n-grams): a spun or rewritten copy keeps most of its original's
vocabulary while losing most of its n-grams. Signatures are one-permutation
MinHash over 32-bit word hashes (:mod:`newsdesk.copies.tokens`): 128 bins, a
fixed seed, 4 bytes each. Hashes of long sentences ("anchors") reveal a block
of one article inside another. Exact 5-gram shingle sets are computed only for
candidates. Everything is computed for a whole batch of texts in a few numpy
passes. The index over these lives in :mod:`newsdesk.copies.index`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..ids import normalise_body
from ..terms import STOPWORDS
from .runs import distinct
from .tokens import Tokens, sentence_hashes, tokenize, word_hashes

_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5, 0xB55A4F09],
                dtype=np.uint64)
_EMPTY = np.zeros(0, dtype=np.uint32)
_U32 = np.uint64(32)
_LOW32 = np.uint64(0xFFFFFFFF)
ANCHOR_MIN_WORDS = 10


def _per_text(owner: np.ndarray, values: np.ndarray, n: int) -> list[np.ndarray]:
    """Each text's sorted distinct values, from (text, value) pairs."""
    keys = distinct((owner.astype(np.uint64) << _U32) | values.astype(np.uint64))
    cuts = np.searchsorted(keys >> _U32, np.arange(n + 1, dtype=np.uint64)).tolist()
    words = (keys & _LOW32).astype(np.uint32)
    return [words[lo:hi] for lo, hi in zip(cuts[:-1], cuts[1:])]


def shingles(text: str, k: int, normalised: bool = False) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-grams of the normalised text."""
    h = word_hashes(text if normalised else normalise_body(text))
    if not len(h):
        return _EMPTY
    k = min(k, len(h), len(_MIX))
    n = len(h) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = (acc * np.uint64(31) + h[j : j + n] * _MIX[j]) & np.uint64(0xFFFFFFFF)
    return distinct(acc)


@functools.cache
def _stopword_hashes() -> np.ndarray:
    return np.unique(word_hashes(" ".join(sorted(STOPWORDS))))


def bags(tokens: Tokens, n: int) -> list[np.ndarray]:
    """Per text (``n`` of them), the sorted hashes of its distinct content words (stopwords and one-byte words dropped)."""
    long = tokens.lengths > 1
    out = _per_text(tokens.text[long], tokens.hashes[long], n)
    stop = _stopword_hashes()
    words = np.concatenate(out) if out else _EMPTY  # sorted within each text: cheap binary searches
    keep = stop[np.minimum(np.searchsorted(stop, words), len(stop) - 1)] != words
    cuts = np.cumsum([0] + [len(w) for w in out]).tolist()
    return [w[keep[lo:hi]] for w, lo, hi in zip(out, cuts[:-1], cuts[1:])]


def anchors(tokens: Tokens, n: int) -> list[np.ndarray]:
    """Per text, the sorted hashes of its long sentences: shared ones reveal an embedded block."""
    owner, hashes = sentence_hashes(tokens, ANCHOR_MIN_WORDS)
    return _per_text(owner, hashes, n)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of set ``a`` inside set ``b`` (both sorted unique arrays)."""
    if not len(a):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / len(a)


PROBES = 32  # densification: bins an empty bin may borrow from, in a fixed order


def permutations(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The fixed hash of one-permutation MinHash with ``n`` bins (a power of two), and its probe table.

    Returns the odd multiplier and the offset of the multiply-shift hash (one
    each) and, per bin, the bins it borrows from when it stays empty.
    """
    if n & (n - 1):
        raise ValueError(f"minhash_perm must be a power of two, not {n}")
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=1, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=1, dtype=np.uint64)
    return a, b, rng.integers(0, n, size=(n, PROBES)).astype(np.intp)



def signature(hashes: np.ndarray, perm: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """One-permutation MinHash signature (uint64 values below 2**32) of a set of 32-bit hashes.

    Each element is hashed once; the top bits pick its bin, the next 32 bits
    are its value, and each bin keeps its smallest value (Li, Owen & Zhang
    2012). An empty bin takes the value of the first filled bin on its fixed
    probe list, so two sets agree on it as often as on a filled one (optimal
    densification, Shrivastava 2017). One hash per element instead of one per
    element and bin: the cost no longer grows with the signature length.
    """
    return signatures([hashes], perm)[0]


def signatures(sets: list[np.ndarray], perm: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """:func:`signature` of each set, one row each, computed for all of them in one numpy pass."""
    a, b, probes = perm
    n, bits = len(probes), len(probes).bit_length() - 1
    out = np.full((len(sets), n), 0xFFFFFFFF, dtype=np.uint64)
    if not sets:
        return out
    owner = np.repeat(np.arange(len(sets), dtype=np.uint64), [len(x) for x in sets])
    with np.errstate(over="ignore"):
        h = np.concatenate(sets).astype(np.uint64) * a[0] + b[0]  # mod 2^64
    shift = np.uint64(64 - bits)
    keyed = distinct((owner << np.uint64(32 + bits)) | ((h >> shift) << _U32) | ((h >> (shift - _U32)) & _LOW32))
    cell = keyed >> _U32  # owner and bin
    first = np.empty(len(cell), dtype=bool)
    first[:1] = True
    np.not_equal(cell[1:], cell[:-1], out=first[1:])
    cell, value = cell[first].astype(np.intp), keyed[first] & _LOW32
    filled = np.zeros((len(sets), n), dtype=bool)
    out.reshape(-1)[cell] = value
    filled.reshape(-1)[cell] = True
    rows, bins = np.nonzero(~filled)
    if len(rows):
        options = probes[bins]  # (empty cells, PROBES)
        ok = filled[rows[:, None], options]
        pick = ok.argmax(axis=1)
        found = ok[np.arange(len(rows)), pick]
        out[rows[found], bins[found]] = out[rows[found], options[found, pick[found]]]
    return out


def to_bytes(values: np.ndarray) -> bytes:
    """The stored form of a signature: 4 bytes per permutation."""
    return values.astype(np.uint32).tobytes()


@dataclass(slots=True)
class Sketch:
    """What candidate search needs of one article, computed from its text alone (so in any process)."""

    anchors: np.ndarray  # hashes of its long sentences (uint32, sorted)
    bag: np.ndarray  # hashes of its distinct content words (uint32, sorted)
    values: np.ndarray  # its MinHash signature


def sketch_texts(texts: list[str], perm: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[Sketch]:
    """The sketch of each text, with ``perm`` from :func:`permutations`."""
    tokens = tokenize(texts)
    words = bags(tokens, len(texts))
    return [Sketch(a, w, v) for a, w, v in zip(anchors(tokens, len(texts)), words, signatures(words, perm))]
