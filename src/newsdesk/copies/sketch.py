"""Sketches of an article for candidate search: word hashes, MinHash signatures, sentence anchors.

Candidates come from MinHash over an article's set of content words (not its
word n-grams): a spun or rewritten copy keeps most of its original's
vocabulary while losing most of its n-grams. Signatures are 128 multiply-shift
hashes of 32-bit word hashes, with a fixed seed, 4 bytes each. Hashes of long
sentences ("anchors") reveal a block of one article inside another. Exact
5-gram shingle sets are computed only for candidates. The index over these
lives in :mod:`newsdesk.copies.index`.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from ..ids import fold_punctuation, normalise_body
from ..terms import STOPWORDS

_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5, 0xB55A4F09],
                dtype=np.uint64)
_EMPTY = np.zeros(0, dtype=np.uint64)


def _word_hashes(words: list[str], vocab: dict[str, int]) -> np.ndarray:
    get = vocab.get
    out = [get(w) for w in words]
    for i, v in enumerate(out):
        if v is None:
            out[i] = vocab[words[i]] = zlib.crc32(words[i].encode("utf-8"))
    return np.array(out, dtype=np.uint64)


def shingles(text: str, k: int, vocab: dict[str, int] | None = None, normalised: bool = False) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-grams of the normalised text.

    ``vocab`` is an optional word -> hash memo owned by the caller (it only saves time).
    """
    words = (text if normalised else normalise_body(text)).split()
    if not words:
        return _EMPTY
    uniq, inverse = np.unique(np.array(words), return_inverse=True)
    h = _word_hashes(uniq.tolist(), {} if vocab is None else vocab)[inverse]
    k = min(k, len(words), len(_MIX))
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = (acc * np.uint64(31) + h[j : j + n] * _MIX[j]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)


def bag(text: str, vocab: dict[str, int] | None = None, normalised: bool = False) -> np.ndarray:
    """Hashes of the distinct content words (stopwords and one-letter words dropped)."""
    words = set((text if normalised else normalise_body(text)).split())
    words -= STOPWORDS
    words = [w for w in words if len(w) > 1]
    if not words:
        return _EMPTY
    return np.unique(_word_hashes(words, {} if vocab is None else vocab))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
ANCHOR_MIN_WORDS = 10


def anchors(norm_sentences: list[str]) -> np.ndarray:
    """Hashes of an article's long sentences (normalised): shared ones reveal an embedded block."""
    out = {zlib.crc32(s.strip().encode("utf-8")) for s in norm_sentences if s.count(" ") + 1 >= ANCHOR_MIN_WORDS}
    return np.array(sorted(out), dtype=np.uint32)


_SEP = " zqxsepzqx "  # a word no text contains: lets one normalisation pass serve every sentence


def normalise_with_anchors(text: str) -> tuple[str, np.ndarray]:
    """The normalised body and its sentence anchors, from one normalisation pass.

    Sentences end at a newline or at ``.``, ``!`` or ``?`` before a space. The
    common case (ASCII once typographic marks are folded) is marked with NULs
    and folded by ``str.translate``, several times faster than the regex path.
    """
    marked = text.replace("\n", "\x00\n")
    for end in ".!?":
        marked = marked.replace(end + " ", end + "\x00 ")
    fast = fold_punctuation(marked, keep_nul=True)
    if fast is None:
        parts = normalise_body(_SEP.join(_SENTENCE_END.split(text))).split(_SEP.strip())
        return " ".join(" ".join(p.split()) for p in parts if p.strip()), anchors(parts)
    parts = [" ".join(p.split()) for p in fast.split("\x00")]
    return " ".join(p for p in parts if p), anchors(parts)



def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of set ``a`` inside set ``b`` (both sorted unique arrays)."""
    if not len(a):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / len(a)


def permutations(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of ``n`` multiply-shift hash functions (fixed seed)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=n, dtype=np.uint64)
    return a, b


def signature(hashes: np.ndarray, perm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """MinHash signature (uint64 values below 2**32) of a set of 32-bit hashes."""
    a, b = perm
    if len(hashes) == 0:
        return np.full(len(a), 0xFFFFFFFF, dtype=np.uint64)
    values = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(hashes), 2048):  # bounded temporary memory for long texts
            block = (np.outer(hashes[i : i + 2048], a) + b) >> np.uint64(32)  # multiply-shift, mod 2^64
            values = np.minimum(values, block.min(axis=0))
    return values


def to_bytes(values: np.ndarray) -> bytes:
    """The stored form of a signature: 4 bytes per permutation."""
    return values.astype(np.uint32).tobytes()
