"""Sketches for candidate search: word hashes, MinHash signatures, an LSH index.

Candidates come from MinHash LSH over an article's set of content words (not
its word n-grams): a spun or rewritten copy keeps most of its original's
vocabulary while losing most of its n-grams. Signatures are 128 multiply-shift
hashes of 32-bit word hashes, with a fixed seed, 4 bytes each; datasketch's LSH
buckets them. Exact 5-gram shingle sets are computed only for candidates.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from ..ids import normalise_body
from ..settings import Settings
from ..terms import STOPWORDS

_SCHEME = "affine32"  # label for datasketch: our signatures are 32-bit values
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
    return np.unique(_word_hashes(sorted(words), {} if vocab is None else vocab))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
ANCHOR_MIN_WORDS = 10


def anchors(norm_sentences: list[str]) -> np.ndarray:
    """Hashes of an article's long sentences (normalised): shared ones reveal an embedded block."""
    out = {zlib.crc32(s.strip().encode("utf-8")) for s in norm_sentences if s.count(" ") + 1 >= ANCHOR_MIN_WORDS}
    return np.array(sorted(out), dtype=np.uint32)


_SEP = " zqxsepzqx "  # a word no text contains: lets one normalisation pass serve every sentence


def sentence_anchors(text: str) -> np.ndarray:
    return anchors(normalise_body(_SEP.join(_SENTENCE_END.split(text))).split(_SEP.strip()))


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of set ``a`` inside set ``b`` (both sorted unique arrays)."""
    if not len(a):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / len(a)


def _permutations(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of ``n`` multiply-shift hash functions (fixed seed)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=n, dtype=np.uint64)
    return a, b


@dataclass
class CopyIndex:
    """MinHash LSH over the stored articles' signatures (rebuilt from the store per run)."""

    settings: Settings
    _lsh: object = None
    _perm: tuple = None
    keys: dict[str, int] = field(default_factory=dict)  # article id -> row of the signature matrix
    ids: list[str] = field(default_factory=list)  # row -> article id
    vocab: dict[str, int] = field(default_factory=dict)
    _rows: np.ndarray = None  # signatures, one uint32 row per article, grown by doubling

    def __post_init__(self):
        from datasketch import MinHashLSH

        # weighted towards recall: candidates are ranked and judged on the texts anyway
        self._lsh = MinHashLSH(threshold=self.settings.candidate_threshold, num_perm=self.settings.minhash_perm,
                               weights=(0.15, 0.85))
        self._perm = _permutations(self.settings.minhash_perm, self.settings.minhash_seed)
        self._rows = np.zeros((1024, self.settings.minhash_perm), dtype=np.uint32)
        self._anchors = AnchorIndex()

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """MinHash signature (uint64 values below 2**32) of a set of 32-bit hashes."""
        a, b = self._perm
        if len(hashes) == 0:
            return np.full(len(a), 0xFFFFFFFF, dtype=np.uint64)
        values = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(0, len(hashes), 2048):  # bounded temporary memory for long texts
                block = (np.outer(hashes[i : i + 2048], a) + b) >> np.uint64(32)  # multiply-shift, mod 2^64
                values = np.minimum(values, block.min(axis=0))
        return values

    def _minhash(self, values: np.ndarray):
        from datasketch import LeanMinHash

        return LeanMinHash(seed=self.settings.minhash_seed, hashvalues=values, scheme=_SCHEME)

    def add(self, key: str, values: np.ndarray, sentence_hashes: np.ndarray | None = None) -> None:
        if key not in self.keys:
            self._lsh.insert(key, self._minhash(values))
            row = len(self.keys)
            if row >= len(self._rows):
                self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
            self._rows[row] = values
            self.keys[key] = row
            self.ids.append(key)
            if sentence_hashes is not None and len(sentence_hashes):
                self._anchors.add(row, sentence_hashes)

    def add_stored(self, key: str, signature: bytes, sentence_hashes: bytes | None = None) -> None:
        self.add(key, np.frombuffer(signature, dtype=np.uint32).astype(np.uint64),
                 np.frombuffer(sentence_hashes, dtype=np.uint32) if sentence_hashes else None)

    def blocks(self, sentence_hashes: np.ndarray, min_shared: int, limit: int) -> list[str]:
        """Articles sharing at least ``min_shared`` long sentences verbatim, most shared first."""
        rows = self._anchors.query(sentence_hashes)
        if not len(rows):
            return []
        uniq, counts = np.unique(rows, return_counts=True)
        keep = counts >= min_shared
        order = np.argsort(-counts[keep], kind="stable")[:limit]
        return [self.ids[r] for r in uniq[keep][order]]

    def query(self, values: np.ndarray, limit: int) -> list[tuple[float, str]]:
        """Up to ``limit`` candidates, most similar first, by estimated Jaccard."""
        found = sorted(self._lsh.query(self._minhash(values)))  # a set: sort so ties break the same way in every run
        if not found:
            return []
        rows = np.fromiter((self.keys[k] for k in found), dtype=np.int64, count=len(found))
        est = (self._rows[rows] == values.astype(np.uint32)).mean(axis=1)
        top = np.argsort(-est, kind="stable")[:limit]
        return [(float(est[t]), found[t]) for t in top]


class AnchorIndex:
    """Sentence hash -> article rows, as sorted numpy arrays (8 bytes per entry).

    New entries wait in a small dict that is merged into the sorted arrays when
    it reaches a quarter of their size, so merges stay rare (amortised
    logarithmic) and lookups are a binary search plus a dict probe.
    """

    MIN_MERGE = 20_000

    def __init__(self):
        self.hashes = np.zeros(0, dtype=np.uint32)
        self.rows = np.zeros(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = {}
        self._count = 0

    def add(self, row: int, hashes: np.ndarray) -> None:
        for h in hashes.tolist():
            self._pending.setdefault(h, []).append(row)
        self._count += len(hashes)
        if self._count >= max(self.MIN_MERGE, len(self.hashes) // 4):
            self._merge()

    def _merge(self) -> None:
        h = np.fromiter((k for k, rows in self._pending.items() for _ in rows), dtype=np.uint32, count=self._count)
        r = np.fromiter((x for rows in self._pending.values() for x in rows), dtype=np.int32, count=self._count)
        h, r = np.concatenate([self.hashes, h]), np.concatenate([self.rows, r])
        order = np.argsort(h, kind="stable")
        self.hashes, self.rows = h[order], r[order]
        self._pending, self._count = {}, 0

    def query(self, hashes: np.ndarray) -> np.ndarray:
        """Rows of every stored sentence equal to one of ``hashes`` (with repeats)."""
        out = []
        if len(self.hashes) and len(hashes):
            lo = np.searchsorted(self.hashes, hashes, side="left")
            hi = np.searchsorted(self.hashes, hashes, side="right")
            for a, b in zip(lo.tolist(), hi.tolist()):
                if b > a:
                    out.append(self.rows[a:b])
        for h in hashes.tolist():
            rows = self._pending.get(h)
            if rows:
                out.append(np.array(rows, dtype=np.int32))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int32)


def to_bytes(values: np.ndarray) -> bytes:
    """The stored form of a signature: 4 bytes per permutation."""
    return values.astype(np.uint32).tobytes()
