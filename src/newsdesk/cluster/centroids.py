"""Story centroids as rows of term-id arrays: one article scored against all its candidate stories at once.

Only the two best stories are ever used (the one joined and the runner-up shown in the explanation),
so every candidate is first scored by a plain float sum of its products (numpy, one pass), then
the few within rounding of the second best are scored again exactly (``math.fsum``, as
``terms.cosine``): their similarities, and so the choice, equal ``terms.cosine``'s bit for bit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

_TOL = 1e-9  # far above the rounding of a float sum of a few hundred products of at most 1


@dataclass
class StoryArrays:
    """Each active story's centroid as one row of term ids and one of weights (padded with id 0,
    weight 0), rebuilt when its centroid dict is replaced; rows of retired stories are reused.
    Term ids are their own (the re-clustering's vocabulary is not touched: its column order,
    and with it every sum over columns, stays as it was). ``scratch`` holds the vector being
    scored by term id (zero between calls)."""

    vocab: dict[str, int] = field(default_factory=lambda: {"": 0})  # id 0: padding, never a term
    held: dict[str, tuple[dict[str, float], int]] = field(default_factory=dict)  # story -> (centroid, row)
    free: list[int] = field(default_factory=list)
    ids: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))
    w: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    scratch: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def drop(self, gid: str) -> None:
        held = self.held.pop(gid, None)
        if held is not None:
            self.free.append(held[1])

    def _row(self, gid: str, cen: dict[str, float]) -> int:
        """Write ``cen`` into the story's row (a free one if the story has none); returns the row."""
        held = self.held.get(gid)
        row = held[1] if held is not None else self.free.pop() if self.free else len(self.held)
        n, (rows, width) = len(cen), self.ids.shape
        if row >= rows or n > width:
            grow = ((0, max(row + 1 - rows, rows)), (0, max(n - width, 0)))
            self.ids, self.w = np.pad(self.ids, grow), np.pad(self.w, grow)
        vocab = self.vocab
        ids = np.fromiter(map(vocab.get, cen, repeat(0)), dtype=np.int64, count=n)
        missing = np.flatnonzero(ids == 0).tolist()  # terms new to the vocabulary
        if missing:
            keys = list(cen)
            for k in missing:
                ids[k] = vocab[keys[k]] = len(vocab)
        self.ids[row, :n] = ids
        self.ids[row, n:] = 0
        self.w[row, :n] = np.fromiter(cen.values(), dtype=float, count=n)
        self.w[row, n:] = 0.0
        self.held[gid] = (cen, row)
        return row

    def best(self, vec: dict[str, float], stories: list[tuple[str, dict[str, float], float]]) -> list[tuple[float, str]]:
        """(similarity, id) of the best two of ``stories`` (id, centroid, discount) and any within
        rounding of the second, best first (ties: the larger id first); similarity is
        ``terms.cosine(vec, centroid) / discount``; stories sharing nothing with ``vec`` are left out."""
        if not stories:
            return []
        held, rows = self.held, []
        for gid, cen, _ in stories:  # a story's row is rebuilt only when its centroid was replaced
            h = held.get(gid)
            rows.append(h[1] if h is not None and h[0] is cen else self._row(gid, cen))
        vocab = self.vocab
        if len(self.scratch) < len(vocab):
            self.scratch = np.zeros(max(len(vocab) * 2, 1024))
        dense = self.scratch
        n = len(vec)
        ids = np.fromiter(map(vocab.get, vec, repeat(0)), dtype=np.int64, count=n)  # 0: in no story
        dense[ids] = np.fromiter(vec.values(), dtype=float, count=n)
        dense[0] = 0.0
        rows = np.array(rows)
        prod = dense[self.ids[rows]]
        prod *= self.w[rows]
        dense[ids] = 0.0
        rough = prod.sum(axis=1)
        rough /= np.array([d for _, _, d in stories])
        if len(rough) == 1:
            pos = [0] if rough[0] > 0 else []
        else:
            r = rough.tolist()
            second = sorted(r)[-2]
            pos = [i for i, v in enumerate(r) if v >= second - _TOL and v > 0]
        scored = []
        for i in pos:
            p = prod[i]
            scored.append((math.fsum(p[p != 0.0].tolist()) / stories[i][2], stories[i][0]))
        scored.sort(reverse=True)
        return scored
