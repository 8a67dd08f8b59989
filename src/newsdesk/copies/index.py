"""The candidate index: banded MinHash LSH and sentence anchors, in compact numpy arrays.

Per article the index holds the low 16 bits of each signature bin (128 x 2
bytes; the store keeps all 32), one 8-byte key per LSH band and one 4-byte hash
per long sentence, each with a 4-byte row number: under 1 KB, against several
KB for a dict-of-lists LSH. Lookups are binary
searches in sorted arrays, so their cost grows with the number of hits, not
with the size of the desk. Built in memory from the stored sketches each run.
"""

from __future__ import annotations

import copy
import math
import zlib
from dataclasses import dataclass, field

import numpy as np

from ..settings import Settings
from .runs import counted, rank_in_run
from .sketch import permutations

_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
                      0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93],
                     dtype=np.uint64)


_NONE = np.zeros(0, dtype=np.uint32)
QUERY_CHUNK = 256  # queries answered together: bounds the candidate signatures gathered at once
# A hit is scored on all bins only if it shares two bands, or agrees on at least PREFILTER_MIN of the first
# PREFILTER_BINS bins: a pair at Jaccard .3 passes 99.5% of the time, at .2 91%, at .03 (a chance hit) 1.5%.
PREFILTER_BINS, PREFILTER_MIN = 32, 4


_LOW15 = np.uint64(0x7FFF7FFF7FFF7FFF)  # each 16-bit lane's low 15 bits
_HIGH1 = np.uint64(0x8000800080008000)  # each 16-bit lane's top bit


def _equal_lanes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per row, how many 16-bit lanes (signature bins) of the uint64 rows ``a`` and ``b`` are equal.

    SWAR: four bins per word, no temporary per bin; ``a`` is overwritten.
    """
    low, high = _LOW15, _HIGH1
    x = np.bitwise_xor(a, b, out=a)  # ``a`` is a fresh gather: reused, as are the temporaries below
    t = x & low
    t += low
    t |= x
    np.invert(t, out=t)
    t &= high  # a lane's top bit is set iff the lane is zero
    return np.bitwise_count(t).sum(axis=1, dtype=np.int16)


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

    def add(self, rows: np.ndarray, keys: np.ndarray) -> None:
        """Store each ``rows[i]`` under ``keys[i]``; rows are added in increasing order."""
        if not self._count and len(keys) >= len(self.keys) // 4:  # a bulk load: straight into the sorted part
            self._merge(keys.astype(self.dtype), rows.astype(np.int32))
            return
        for k, r in zip(keys.tolist(), rows.tolist()):
            self._pending.setdefault(k, []).append(r)
        self._count += len(keys)
        if self._count >= max(self.MIN_MERGE, len(self.keys) // 4):
            self.merge()

    def merge(self) -> None:
        if not self._count:
            return
        k = np.fromiter((key for key, rows in self._pending.items() for _ in rows), dtype=self.dtype,
                        count=self._count)
        r = np.fromiter((x for rows in self._pending.values() for x in rows), dtype=np.int32, count=self._count)
        self._pending, self._count = {}, 0
        self._merge(k, r)

    def _merge(self, k: np.ndarray, r: np.ndarray) -> None:
        k, r = np.concatenate([self.keys, k]), np.concatenate([self.rows, r])
        order = np.argsort(k, kind="stable")  # stable: under each key, rows stay in the order they came
        self.keys, self.rows = k[order], r[order]

    def query(self, keys: np.ndarray, cap: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Rows stored under each of ``keys``, as (position of the key in ``keys``, row) pairs.

        ``cap``: under each key only the ``cap`` latest rows (of the sorted part and of the pending
        part each), so that a key shared by much of the desk costs no more than a rare one.
        """
        pos, out = [], []
        if len(self.keys) and len(keys):
            order = np.argsort(keys)  # sorted needles: each binary search starts where the last ended
            needles = keys[order]
            lo = np.searchsorted(self.keys, needles, side="left")
            hi = np.searchsorted(self.keys, needles, side="right")
            if cap:
                lo = np.maximum(lo, hi - cap)
            n = hi - lo
            if n.any():
                total = int(n.sum())
                offsets = np.repeat(lo - (np.cumsum(n) - n), n)  # each range's start, minus its place in the output
                out.append(self.rows[offsets + np.arange(total)])
                pos.append(np.repeat(order, n))
        if self._pending:
            found, where = [], []
            for i, k in enumerate(keys.tolist()):
                rows = self._pending.get(k)
                if rows:
                    rows = rows[-cap:] if cap else rows
                    found += rows
                    where += [i] * len(rows)
            out.append(np.array(found, dtype=np.int32))
            pos.append(np.array(where, dtype=np.intp))
        if not out:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int32)
        return np.concatenate(pos), np.concatenate(out)

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
    # latest rows read per LSH bucket or anchor: a query's cost does not grow with the desk. A bucket holding many
    # rows is a pair of bins that common words won by chance; a true copy also meets its original in rarer ones
    # (16 instead of 48 halves the work per query; bench/eval_copies.py and the planted copies of
    # bench/copies_scale.py score the same)
    bucket_cap: int = 16

    def __post_init__(self):
        s = self.settings
        self.perm = permutations(s.minhash_perm, s.minhash_seed)
        # 33 bands of 2 rows, for recall: spun copies share only 0.3-0.5 of their content words (a pair at
        # Jaccard 0.3 meets 95.5% of the time, at 0.35 98.7%, at 0.1 28%); hits are capped and ranked, then judged
        # on the texts. (With 28 bands a pair at Jaccard .33 is missed 4% of the time: one spun copy of the
        # example corpus was, under one choice of word hash.)
        self.bands, self.rows_per_band = lsh_shape(s.candidate_threshold, s.minhash_perm, (0.1, 0.9))
        self._salt = np.arange(1, self.bands + 1, dtype=np.uint64) * np.uint64(0x2545F4914F6CDD1D)
        # the low 16 bits of each bin: estimates as good (a false agreement per 65,536), half the memory read
        self._signatures = np.zeros((1024, s.minhash_perm), dtype=np.uint16)
        self._order = np.zeros(1024, dtype=np.uint64)  # hash of each row's id: ties break the same in every run
        self._bands = Postings(np.uint64)
        self._anchors = Postings(np.uint32)

    def empty_like(self) -> "CopyIndex":
        """A new empty index with the same settings and shape (without recomputing them)."""
        other = copy.copy(self)  # settings, shape and hash tables are shared; the contents are not
        other.keys, other.ids = {}, []
        other._signatures = np.zeros((64, self.settings.minhash_perm), dtype=np.uint16)
        other._order = np.zeros(64, dtype=np.uint64)
        other._bands, other._anchors = Postings(np.uint64), Postings(np.uint32)
        return other

    def compact(self) -> None:
        """Merge pending entries into the sorted arrays: do it before many lookups in a row."""
        self._bands.merge()
        self._anchors.merge()

    def _band_keys(self, values: np.ndarray) -> np.ndarray:
        """One key per LSH band of each signature (the rows of ``values``): shape (signatures, bands)."""
        b, r = self.bands, self.rows_per_band
        v = np.atleast_2d(values)[:, : b * r].astype(np.uint64).reshape(-1, b, r)
        with np.errstate(over="ignore"):
            mix = _BAND_MIX[np.arange(r) % len(_BAND_MIX)] + np.uint64(2) * np.arange(r, dtype=np.uint64)
            return (v * mix).sum(axis=2, dtype=np.uint64) ^ self._salt

    def add(self, key: str, values: np.ndarray, sentence_hashes: np.ndarray | None = None) -> None:
        self.add_many([key], np.atleast_2d(values), [sentence_hashes])

    def add_many(self, keys: list[str], values: np.ndarray, sentence_hashes: list[np.ndarray | None]) -> None:
        """Add articles (ids, signature rows, long-sentence hashes); an id already present is skipped."""
        fresh, taken = [], set()
        for i, key in enumerate(keys):
            if key not in self.keys and key not in taken:
                taken.add(key)
                fresh.append(i)
        if not fresh:
            return
        start, n = len(self.ids), len(fresh)
        while start + n > len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.zeros_like(self._signatures)])
            self._order = np.concatenate([self._order, np.zeros_like(self._order)])
        rows = np.arange(start, start + n, dtype=np.int32)
        vals = values[fresh]
        self._signatures[start : start + n] = vals.astype(np.uint16)
        for row, i in zip(rows.tolist(), fresh):
            self._order[row] = zlib.crc32(keys[i].encode("utf-8"))
            self.keys[keys[i]] = row
            self.ids.append(keys[i])
        self._bands.add(np.repeat(rows, self.bands), self._band_keys(vals).ravel())
        anchors = [sentence_hashes[i] if sentence_hashes[i] is not None else _NONE for i in fresh]
        lens = [len(a) for a in anchors]
        if sum(lens):
            self._anchors.add(np.repeat(rows, lens), np.concatenate(anchors))

    def add_stored(self, rows: list[tuple[str, bytes, bytes | None]]) -> None:
        """Add articles as stored: (id, signature bytes, long-sentence hash bytes or None) each."""
        if rows:
            values = np.frombuffer(b"".join(sig for _, sig, _ in rows), dtype=np.uint32).reshape(len(rows), -1)
            self.add_many([key for key, _, _ in rows], values.astype(np.uint64),
                          [np.frombuffer(anc, dtype=np.uint32) if anc else None for _, _, anc in rows])

    def query(self, values: np.ndarray, limit: int) -> list[tuple[float, str]]:
        """Up to ``limit`` LSH candidates, most similar first by estimated Jaccard (ties by id)."""
        return self.query_many(np.atleast_2d(values), limit)[0]

    def query_many(self, values: np.ndarray, limit: int, before: np.ndarray | None = None,
                   ) -> list[list[tuple[float, str]]]:
        """:meth:`query` for each row of ``values`` at once (numpy work per batch, not per article).

        ``before``: per query, only rows added before that row number are candidates.
        """
        out: list[list[tuple[float, str]]] = [[] for _ in range(len(values))]
        for start in range(0, len(values), QUERY_CHUNK):  # bounds the signatures gathered at once
            part = values[start : start + QUERY_CHUNK]
            pos, rows = self._bands.query(self._band_keys(part).ravel(), self.bucket_cap)
            art = pos // self.bands
            if before is not None:
                keep = rows < before[start + art]
                art, rows = art[keep], rows[keep]
            if not len(rows):
                continue
            pair, shared = counted(art.astype(np.int64) << 32 | rows)
            art, rows = pair >> 32, (pair & 0xFFFFFFFF).astype(np.intp)
            mine = part.astype(np.uint16).view(np.uint64)  # 4 bins per word
            stored = self._signatures.view(np.uint64)
            head = PREFILTER_BINS // 4
            # most hits share one band by chance: a first look at a quarter of the bins drops them cheaply
            agree = _equal_lanes(stored[:, :head][rows], mine[art, :head])  # (np.take would copy the view)
            keep = (shared >= 2) | (agree >= PREFILTER_MIN)
            art, rows, agree = art[keep], rows[keep], agree[keep]
            if len(art) and np.bincount(art).max() > self.max_hits:  # score only the likeliest per query
                order = np.argsort(art << 40 | (PREFILTER_BINS - agree).astype(np.int64) << 32
                                   | self._order[rows].astype(np.int64))
                art, rows = art[order], rows[order]
                keep = rank_in_run(art) < self.max_hits
                art, rows = art[keep], rows[keep]
            n = self._signatures.shape[1]
            same = _equal_lanes(np.take(stored, rows, axis=0), mine[art])
            est = same / n
            order = np.argsort(art << 40 | (n - same).astype(np.int64) << 32 | self._order[rows].astype(np.int64),
                               kind="stable")
            art, rows, est = art[order], rows[order], est[order]
            keep = rank_in_run(art) < limit
            for a, r, e in zip(art[keep].tolist(), rows[keep].tolist(), est[keep].tolist()):
                out[start + a].append((e, self.ids[r]))
        return out

    def blocks(self, sentence_hashes: np.ndarray, min_shared: int, limit: int) -> list[str]:
        """Articles sharing at least ``min_shared`` long sentences verbatim, most shared first."""
        return self.blocks_many([sentence_hashes], min_shared, limit)[0]

    def blocks_many(self, anchors: list[np.ndarray], min_shared: int, limit: int,
                    before: np.ndarray | None = None) -> list[list[str]]:
        """:meth:`blocks` for each article's sentence hashes at once; ``before`` as in :meth:`query_many`."""
        out: list[list[str]] = [[] for _ in anchors]
        if not anchors:
            return out
        owner = np.repeat(np.arange(len(anchors)), [len(a) for a in anchors])
        pos, rows = self._anchors.query(np.concatenate(anchors).astype(np.uint32), self.bucket_cap)
        art = owner[pos]
        if before is not None:
            keep = rows < before[art]
            art, rows = art[keep], rows[keep]
        if not len(rows):
            return out
        pair, counts = counted(art.astype(np.int64) << 32 | rows)
        art, rows = pair >> 32, pair & 0xFFFFFFFF
        keep = counts >= min_shared
        art, rows, counts = art[keep], rows[keep], counts[keep]
        order = np.lexsort((rows, -counts, art))
        art, rows = art[order], rows[order]
        keep = rank_in_run(art) < limit
        for a, r in zip(art[keep].tolist(), rows[keep].tolist()):
            out[a].append(self.ids[r])
        return out

    def nbytes(self) -> int:
        """Bytes held in the index arrays (signatures, band keys, anchors)."""
        return self._signatures[: len(self.ids)].nbytes + self._bands.nbytes() + self._anchors.nbytes()
