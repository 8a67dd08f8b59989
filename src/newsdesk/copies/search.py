"""Candidate search for a batch of new articles: the ids worth judging as copies of each."""

from __future__ import annotations

import numpy as np

from ..records import Article
from .index import CopyIndex


def batch_candidates(order: list[Article], values: list[np.ndarray], anchors: list[np.ndarray],
                index: CopyIndex) -> list[list[str]]:
    """Per new article, the ids worth judging: LSH neighbours and articles sharing long sentences.

    Searched in one pass for the whole batch: against the index, and against the
    batch's own earlier articles (a small index of the batch, each article
    seeing only those before it in date order).
    """
    s = index.settings
    if not order:
        return []
    matrix = np.stack(values)
    local = index.empty_like()
    local.add_many([a.id for a in order], matrix, anchors)
    local.compact()
    before = np.array([local.keys[a.id] for a in order])  # an id given twice keeps its first row
    near = [old + new for old, new in zip(index.query_many(matrix, s.max_candidates),
                                          local.query_many(matrix, s.max_candidates, before))]
    blocks = [old + new for old, new in zip(
        index.blocks_many(anchors, s.partial_min_shared, s.max_candidates),
        local.blocks_many(anchors, s.partial_min_shared, s.max_candidates, before))]
    out = []
    for a, hits, shared in zip(order, near, blocks):
        hits.sort(key=lambda h: -h[0])  # stable: each source's own tie order is kept
        cands = [oid for est, oid in hits[: s.max_candidates] if oid != a.id and est >= s.candidate_min_estimate]
        cands += [oid for oid in shared[: s.max_candidates] if oid != a.id and oid not in cands]
        out.append(list(dict.fromkeys(cands)))
    return out
