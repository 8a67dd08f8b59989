"""Sketching over worker processes: the per-article work of candidate search, spread over cores.

A sketch (normalised body, sentence anchors, content-word hashes, MinHash
signature) depends on the article's text alone, so workers compute them a
few batches ahead while the building process searches the index and judges
candidates, which need the whole desk.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

import numpy as np

from ..records import Article
from .sketch import Sketch, sketch_texts

PARALLEL_MIN = 1000  # below this many articles, starting workers costs more than it saves


def sketch_batches(batches: list[list[Article]], perm: tuple[np.ndarray, np.ndarray, np.ndarray],
                   workers: int, min_articles: int = PARALLEL_MIN) -> Iterator[dict[str, Sketch] | None]:
    """For each batch in order, its sketches by article id, or None where the caller should sketch in place."""
    if workers < 2 or sum(map(len, batches)) < min_articles:
        yield from (None for _ in batches)
        return
    with ProcessPoolExecutor(workers) as pool:
        ahead: deque = deque()
        for batch in batches:
            ahead.append((batch, pool.submit(sketch_texts, [a.text for a in batch], perm)))
            if len(ahead) > 2 * workers:  # a bounded window: memory does not grow with the pile
                yield _by_id(*ahead.popleft())
        while ahead:
            yield _by_id(*ahead.popleft())


def _by_id(batch: list[Article], future) -> dict[str, Sketch]:
    return {a.id: sk for a, sk in zip(batch, future.result())}
