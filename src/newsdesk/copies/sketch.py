"""Sketches of an article for candidate search: word hashes, MinHash signatures, sentence anchors.

Candidates come from MinHash over an article's set of content words (not its
word n-grams): a spun or rewritten copy keeps most of its original's
vocabulary while losing most of its n-grams. Signatures are one-permutation
MinHash over 32-bit word hashes: 128 bins, a fixed seed, 4 bytes each. Hashes of long
sentences ("anchors") reveal a block of one article inside another. Exact
5-gram shingle sets are computed only for candidates. The index over these
lives in :mod:`newsdesk.copies.index`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from ..ids import fold_punctuation, normalise_body
from ..terms import STOPWORDS

_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5, 0xB55A4F09],
                dtype=np.uint64)
_EMPTY = np.zeros(0, dtype=np.uint32)


class Vocab(dict):
    """A word -> 32-bit hash memo owned by its caller (it only saves time)."""

    def __missing__(self, word: str) -> int:
        h = self[word] = zlib.crc32(word.encode("utf-8"))
        return h


def _word_hashes(words: list[str] | set[str], vocab: dict[str, int]) -> np.ndarray:
    if not isinstance(vocab, Vocab):
        vocab = Vocab(vocab)
    return np.fromiter(map(vocab.__getitem__, words), dtype=np.uint32, count=len(words))


def shingles(text: str, k: int, vocab: dict[str, int] | None = None, normalised: bool = False) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-grams of the normalised text.

    ``vocab`` is an optional word -> hash memo owned by the caller (it only saves time).
    """
    words = (text if normalised else normalise_body(text)).split()
    if not words:
        return _EMPTY
    uniq, inverse = np.unique(np.array(words), return_inverse=True)
    h = _word_hashes(uniq.tolist(), Vocab() if vocab is None else vocab)[inverse]
    k = min(k, len(words), len(_MIX))
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = (acc * np.uint64(31) + h[j : j + n] * _MIX[j]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)


_DROP = STOPWORDS | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def bag(text: str, vocab: dict[str, int] | None = None, normalised: bool = False) -> np.ndarray:
    """Hashes of the distinct content words (stopwords and one-character words dropped)."""
    words = set((text if normalised else normalise_body(text)).split())
    words -= _DROP
    words = {w for w in words if len(w) > 1} if 1 in map(len, words) else words
    if not words:
        return _EMPTY
    return np.unique(_word_hashes(words, Vocab() if vocab is None else vocab))


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


_LOW32 = np.uint64(0xFFFFFFFF)


def signature(hashes: np.ndarray, perm: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """One-permutation MinHash signature (uint64 values below 2**32) of a set of 32-bit hashes.

    Each element is hashed once; the top bits pick its bin, the next 32 bits
    are its value, and each bin keeps its smallest value (Li, Owen & Zhang
    2012). An empty bin takes the value of the first filled bin on its fixed
    probe list, so two sets agree on it as often as on a filled one (optimal
    densification, Shrivastava 2017). One hash per element instead of one per
    element and bin: the cost no longer grows with the signature length.
    """
    a, b, probes = perm
    n = len(probes)
    if len(hashes) == 0:
        return np.full(n, 0xFFFFFFFF, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = hashes.astype(np.uint64) * a[0] + b[0]  # mod 2^64
    shift = np.uint64(64 - (n.bit_length() - 1))
    keyed = np.sort(((h >> shift) << np.uint64(32)) | ((h >> np.uint64(shift - 32)) & _LOW32))
    bins = (keyed >> np.uint64(32)).astype(np.intp)
    first = np.flatnonzero(np.concatenate(([True], bins[1:] != bins[:-1])))
    values = np.full(n, 0xFFFFFFFF, dtype=np.uint64)
    filled = np.zeros(n, dtype=bool)
    values[bins[first]] = keyed[first] & _LOW32
    filled[bins[first]] = True
    empty = np.flatnonzero(~filled)
    if len(empty):
        options = probes[empty]
        ok = filled[options]
        pick = ok.argmax(axis=1)
        found = ok[np.arange(len(empty)), pick]
        values[empty[found]] = values[options[found, pick[found]]]
    return values


def to_bytes(values: np.ndarray) -> bytes:
    """The stored form of a signature: 4 bytes per permutation."""
    return values.astype(np.uint32).tobytes()


@dataclass(slots=True)
class Sketch:
    """What candidate search needs of one article, computed from its text alone (so in any process)."""

    norm: str  # the normalised body
    anchors: np.ndarray  # hashes of its long sentences (uint32, sorted)
    bag: np.ndarray  # hashes of its distinct content words (sorted)
    values: np.ndarray  # its MinHash signature


def sketch_texts(texts: list[str], perm: tuple[np.ndarray, np.ndarray, np.ndarray],
                 vocab: Vocab | None = None) -> list[Sketch]:
    """The sketch of each text, with ``perm`` from :func:`permutations`.

    ``vocab``: the caller's word-hash memo, kept across calls (it only saves time); else one for this call.
    """
    vocab = Vocab() if vocab is None else vocab
    out = []
    for text in texts:
        norm, anchors_ = normalise_with_anchors(text)
        words = bag(norm, vocab, normalised=True)
        out.append(Sketch(norm, anchors_, words, signature(words, perm)))
    return out
