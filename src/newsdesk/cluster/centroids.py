"""Story centroids as term-id arrays: one article scored against all its candidate stories at once.

The cosines equal ``terms.cosine`` bit for bit: the same products (each a single rounding), summed
exactly (``math.fsum``) per story; only the dictionary lookups move into numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


@dataclass
class StoryArrays:
    """Each scored story's centroid as (term ids, weights), rebuilt when its centroid dict is
    replaced; term ids of their own (the re-clustering's vocabulary is not touched, so its column
    order, and with it every sum over columns, stays as it was); a dense scratch row that holds the
    vector being scored (zero between calls)."""

    vocab: dict[str, int] = field(default_factory=dict)
    held: dict[str, tuple[dict[str, float], np.ndarray, np.ndarray]] = field(default_factory=dict)
    scratch: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def drop(self, gid: str) -> None:
        self.held.pop(gid, None)

    def _arrays(self, gid: str, cen: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        held = self.held.get(gid)
        if held is not None and held[0] is cen:
            return held[1], held[2]
        vocab = self.vocab
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in cen), dtype=np.int64, count=len(cen))
        w = np.fromiter(cen.values(), dtype=float, count=len(cen))
        self.held[gid] = (cen, ids, w)
        return ids, w

    def cosines(self, vec: dict[str, float], stories: list[tuple[str, dict[str, float]]]) -> list[float]:
        """``terms.cosine(vec, centroid)`` of each (id, centroid) of ``stories``."""
        if not stories:
            return []
        parts = [self._arrays(gid, cen) for gid, cen in stories]
        get = self.vocab.get
        known = [(i, w) for i, w in zip(map(get, vec), vec.values()) if i is not None]
        if len(self.scratch) < len(self.vocab):
            self.scratch = np.zeros(max(len(self.vocab) * 2, 1024))
        dense = self.scratch
        ids = np.fromiter((i for i, _ in known), dtype=np.int64, count=len(known))
        dense[ids] = np.fromiter((w for _, w in known), dtype=float, count=len(known))
        prod = dense[np.concatenate([p[0] for p in parts])] * np.concatenate([p[1] for p in parts])
        dense[ids] = 0.0
        nz = prod != 0.0
        ends = np.concatenate(([0], np.cumsum(nz)))[np.cumsum([len(p[0]) for p in parts])].tolist()
        vals = prod[nz].tolist()
        out, start = [], 0
        for end in ends:
            out.append(math.fsum(vals[start:end]))
            start = end
        return out
