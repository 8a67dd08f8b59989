"""The candidate index: banded MinHash LSH and sentence anchors, in compact numpy arrays.

Per article the index holds its signature (128 x 4 bytes), one 8-byte key per
LSH band and one 4-byte hash per long sentence, each with a 4-byte row number:
about 1 KB, against several KB for a dict-of-lists LSH. Lookups are binary
searches in sorted arrays, so their cost grows with the number of hits, not
with the size of the desk. Built in memory from the stored sketches each run.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

import numpy as np

from ..settings import Settings
from .sketch import Vocab, permutations, signature

_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                      0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93],
                     dtype=np.uint64)


class Postings:
    """A multimap from integer keys to article rows, as sorted arrays plus a small pending dict.

    Pending entries are merged when they reach a quarter of the sorted part, so
    merges are rare (amortised logarithmic) and lookups stay binary searches.
    """

    MIN_MERGE = 20_000

    def __init__(self, dtype):
        self.dtype = dtype
        self.keys = np.zeros(0, dtype=dtype)
        self.rows = np.zeros(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = {}
        self._count = 0

    def add(self, row: int, keys: np.ndarray) -> None:
        for k in keys.tolist():
            self._pending.setdefault(k, []).append(row)
        self._count += len(keys)
        if self._count >= max(self.MIN_MERGE, len(self.keys) // 4):
            self.merge()

    def merge(self) -> None:
        if not self._count:
            return
        k = np.fromiter((key for key, rows in self._pending.items() for _ in rows), dtype=self.dtype,
                        count=self._count)
        r = np.fromiter((x for rows in self._pending.values() for x in rows), dtype=np.int32, count=self._count)
        k, r = np.concatenate([self.keys, k]), np.concatenate([self.rows, r])
        order = np.argsort(k, kind="stable")
        self.keys, self.rows = k[order], r[order]
        self._pending, self._count = {}, 0

    def query(self, keys: np.ndarray, cap: int | None = None) -> np.ndarray:
        """Rows stored under any of ``keys``, repeated once per matching key.

        ``cap``: under each key only the ``cap`` latest rows (of the sorted part and of the pending
        part each), so that a key shared by much of the desk costs no more than a rare one.
        """
        out = []
        if len(self.keys) and len(keys):
            lo = np.searchsorted(self.keys, keys, side="left")
            hi = np.searchsorted(self.keys, keys, side="right")
            if cap:
                lo = np.maximum(lo, hi - cap)
            n = hi - lo
            if n.any():
                total = int(n.sum())
                offsets = np.repeat(lo - (np.cumsum(n) - n), n)  # each range's start, minus its place in the output
                out.append(self.rows[offsets + np.arange(total)])
        if self._pending:
            for k in keys.tolist():
                rows = self._pending.get(k)
                if rows:
                    out.append(np.array(rows[-cap:] if cap else rows, dtype=np.int32))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int32)

    def nbytes(self) -> int:
        return self.keys.nbytes + self.rows.nbytes


def lsh_shape(threshold: float, num_perm: int, weights: tuple[float, float]) -> tuple[int, int]:
    """Bands and rows minimising the weighted false-positive and false-negative areas around ``threshold``."""
    xs = np.linspace(0.0, 1.0, 401)
    best, best_err = (1, num_perm), math.inf
    for r in range(1, num_perm + 1):
        for b in range(1, num_perm // r + 1):
            p = 1.0 - (1.0 - xs**r) ** b
            fp = np.trapezoid(np.where(xs < threshold, p, 0.0), xs)
            fn = np.trapezoid(np.where(xs >= threshold, 1.0 - p, 0.0), xs)
            err = weights[0] * fp + weights[1] * fn
            if err < best_err:
                best, best_err = (b, r), err
    return best


@dataclass
class CopyIndex:
    """Everything candidate search needs about the articles seen so far."""

    settings: Settings
    keys: dict[str, int] = field(default_factory=dict)  # article id -> row
    ids: list[str] = field(default_factory=list)  # row -> article id
    max_hits: int = 256  # rows sharing the most bands that are scored per query
    bucket_cap: int = 48  # latest rows read per LSH bucket or anchor: a query's cost does not grow with the desk
    vocab: Vocab = field(default_factory=Vocab)  # word -> 32-bit hash memo (time only)

    def __post_init__(self):
        s = self.settings
        self.perm = permutations(s.minhash_perm, s.minhash_seed)
        # 28 bands of 2 rows, for recall: spun copies share only 0.35-0.5 of their content words (a pair
        # at Jaccard 0.35 meets 97% of the time, at 0.1 25%); hits are capped and ranked, then judged on the texts
        self.bands, self.rows_per_band = lsh_shape(s.candidate_threshold, s.minhash_perm, (0.15, 0.85))
        self._salt = np.arange(1, self.bands + 1, dtype=np.uint64) * np.uint64(0x2545F4914F6CDD1D)
        self._signatures = np.zeros((1024, s.minhash_perm), dtype=np.uint32)
        self._order = np.zeros(1024, dtype=np.uint64)  # hash of each row's id: ties break the same in every run
        self._bands = Postings(np.uint64)
        self._anchors = Postings(np.uint32)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        return signature(hashes, self.perm)

    def _band_keys(self, values: np.ndarray) -> np.ndarray:
        b, r = self.bands, self.rows_per_band
        v = values[: b * r].astype(np.uint64).reshape(b, r)
        with np.errstate(over="ignore"):
            mix = _BAND_MIX[np.arange(r) % len(_BAND_MIX)] + np.uint64(2) * np.arange(r, dtype=np.uint64)
            return (v * mix).sum(axis=1, dtype=np.uint64) ^ self._salt

    def add(self, key: str, values: np.ndarray, sentence_hashes: np.ndarray | None = None) -> None:
        if key in self.keys:
            return
        row = len(self.ids)
        if row >= len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.zeros_like(self._signatures)])
            self._order = np.concatenate([self._order, np.zeros_like(self._order)])
        self._signatures[row] = values
        self._order[row] = zlib.crc32(key.encode("utf-8"))
        self.keys[key] = row
        self.ids.append(key)
        self._bands.add(row, self._band_keys(values))
        if sentence_hashes is not None and len(sentence_hashes):
            self._anchors.add(row, sentence_hashes)

    def add_stored(self, key: str, signature: bytes, sentence_hashes: bytes | None = None) -> None:
        self.add(key, np.frombuffer(signature, dtype=np.uint32).astype(np.uint64),
                 np.frombuffer(sentence_hashes, dtype=np.uint32) if sentence_hashes else None)

    def query(self, values: np.ndarray, limit: int) -> list[tuple[float, str]]:
        """Up to ``limit`` LSH candidates, most similar first by estimated Jaccard (ties by id)."""
        rows, shared = np.unique(self._bands.query(self._band_keys(values), self.bucket_cap), return_counts=True)
        if not len(rows):
            return []
        if len(rows) > self.max_hits:  # more shared bands means a higher Jaccard: score only the likeliest
            keep = np.lexsort((self._order[rows], -shared))[: self.max_hits]
            rows = rows[keep]
        est = (self._signatures[rows] == values.astype(np.uint32)).mean(axis=1)
        order = np.lexsort((self._order[rows], -est))[:limit]
        return [(float(est[i]), self.ids[rows[i]]) for i in order]

    def blocks(self, sentence_hashes: np.ndarray, min_shared: int, limit: int) -> list[str]:
        """Articles sharing at least ``min_shared`` long sentences verbatim, most shared first."""
        rows = self._anchors.query(sentence_hashes, self.bucket_cap)
        if not len(rows):
            return []
        uniq, counts = np.unique(rows, return_counts=True)
        keep = counts >= min_shared
        order = np.argsort(-counts[keep], kind="stable")[:limit]
        return [self.ids[r] for r in uniq[keep][order]]

    def nbytes(self) -> int:
        """Bytes held in the index arrays (signatures, band keys, anchors)."""
        return self._signatures[: len(self.ids)].nbytes + self._bands.nbytes() + self._anchors.nbytes()
