"""How alike a story's recent articles are, for grouping them into events.

``term_arrays`` gives an article its term ids (numbered as met), 1 + log tf and feature
groups once; ``local_vectors`` turns the window's articles into tf-idf rows with an idf over
just them; ``event_sim`` adds what their years say (``year_terms``) and ties a copy clustered on
its own words to its source (``tie_copies``); ``average_linkage`` groups the rows. Pure
functions of their inputs (``term_arrays`` extends the desk's vocabulary).
"""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter

import numpy as np

from ..settings import Settings
from .state import ClusterState, Features

_GROUP = {"@": 1, "#": 2}


def term_arrays(f: Features, state: ClusterState) -> None:
    """An article's term ids (new terms numbered in the order met), 1 + log tf and feature groups."""
    if f.ids is not None:
        return
    vocab, terms, counts = state.vocab, state.terms, f.counts
    n = len(counts)
    ids = np.fromiter(map(vocab.get, counts, repeat(-1)), dtype=np.int64, count=n)
    new = np.flatnonzero(ids < 0).tolist()
    if new:
        keys = list(counts)
        for k in new:
            t = keys[k]
            ids[k] = vocab[t] = len(terms)
            terms.append(t)
    f.ids = ids
    f.ltf = 1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=n))
    f.grp = np.fromiter(map(_GROUP.get, map(itemgetter(0), counts), repeat(0)), dtype=np.int64, count=n)


def local_vectors(feats: list[Features], weights: tuple[float, float, float], smooth: float):
    """Rows: the articles' tf-idf vectors with an idf over these articles only, each feature group
    (words, names, numbers) normalised to its share of ``weights``; columns: only terms held by two
    or more of them (the others add nothing to a similarity). Returns (matrix, term ids of columns)."""
    n = len(feats)
    ids = np.concatenate([f.ids for f in feats])
    ltf = np.concatenate([f.ltf for f in feats])
    grp = np.concatenate([f.grp for f in feats])
    rows = np.repeat(np.arange(n), [len(f.ids) for f in feats])
    uniq, inv = np.unique(ids, return_inverse=True)
    df = np.bincount(inv)
    idf = np.log((n + smooth) / (df + smooth - 1.0))
    share = np.asarray(weights, dtype=float)
    share = share / share.sum()
    val = ltf * idf[inv]
    if share.min() <= 0:
        val *= share[grp] > 0
    key = rows * 3 + grp
    norm = np.sqrt(np.bincount(key, weights=val * val, minlength=3 * n))[key]
    val *= np.sqrt(share)[grp]
    if norm.all():  # (norms are >= 0; every count is 1 or more, so every weighted group has one)
        val /= norm
    else:
        val = np.divide(val, norm, out=np.zeros_like(val), where=norm > 0)
    shared = df >= 2
    col = np.cumsum(shared) - 1
    keep = shared[inv]
    x = np.zeros((n, int(shared.sum())))
    x[rows[keep], col[inv[keep]]] = val[keep]
    return x, uniq[shared]


def average_linkage(sim: np.ndarray, threshold: float, group_threshold: float | None = None,
                    group_size: int = 5, stray_threshold: float | None = None, stray_size: int = 2,
                    trace: list[float] | None = None) -> list[list[int]]:
    """Groups of row indices: merge the two groups of highest mean pairwise similarity while it
    is at least ``threshold``, with two exceptions by size: two groups of ``group_size`` or more
    articles each merge only at ``group_threshold`` or more (two established events need more
    evidence to become one than a stray article does to join one), and a group of at most
    ``stray_size`` articles joins one of ``group_size`` or more from ``stray_threshold`` (a
    report that words the event its own way still belongs to it). A pair refused once stays
    apart. Each group sorted, groups in order of their first member. ``trace`` (optional) gets
    the similarity of every pair of two large groups weighed against ``group_threshold``: a run with
    another group threshold takes the same steps unless one of them lies between the two."""
    n = len(sim)
    s = sim.round(9)  # ties broken the same way whatever the summation order
    np.fill_diagonal(s, -np.inf)
    size = [1.0] * n
    members = [[i] for i in range(n)]
    floor = min(threshold, stray_threshold) if stray_threshold is not None else threshold
    while True:
        i, j = divmod(int(s.argmax()), n)
        top = float(s[i, j])
        if top < floor:
            break
        i, j = min(i, j), max(i, j)
        small, large = sorted((size[i], size[j]))
        need = threshold
        if group_threshold is not None and small >= group_size:
            need = group_threshold
            if trace is not None:
                trace.append(top)
        elif stray_threshold is not None and small <= stray_size and large >= group_size:
            need = stray_threshold
        if top < need:
            s[i, j] = s[j, i] = -np.inf
            continue
        row = (s[i] * size[i] + s[j] * size[j]) / (size[i] + size[j])  # row[i], row[j]: -inf (diagonal)
        s[i], s[:, i] = row, row
        s[j], s[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        members[i] += members[j]
        members[j] = []
    return sorted((sorted(m) for m in members if m), key=lambda m: m[0])


def year_terms(feats: list[Features], smooth: float, weight: float, mismatch: float) -> np.ndarray | float:
    """What the articles' years add to their event similarity: ``weight`` times the cosine of the
    years their leads name (idf over these articles), or, if more, for two published in the same
    year, ``weight`` times the share of these articles that year does not cover (neither published
    in it nor naming it); less ``mismatch`` for two that both have years (named or of publication)
    but share none. A year of publication they all share adds nothing; one that sets some reports
    apart from undated ones or from other years counts as a named year would (a text dump's dated
    header line names its year, and the date stage reads that line away from the text)."""
    n = len(feats)
    if not any(f.years for f in feats) and len({f.year for f in feats}) <= 1:
        return 0.0  # no year named and one year of publication shared by all (or none): nothing to add
    cols: dict[int, int] = {}
    cells = [(i, cols.setdefault(y, len(cols)), y in f.years) for i, f in enumerate(feats)
             for y in (f.years | {f.year} if f.year else f.years)]
    if not cells:
        return 0.0
    rows, cidx, ment = (np.array(v) for v in zip(*cells))
    every = np.zeros((n, len(cols)))
    every[rows, cidx] = 1.0
    named = np.zeros_like(every)
    named[rows[ment], cidx[ment]] = 1.0
    named *= np.log((n + smooth) / (named.sum(axis=0) + smooth - 1.0))
    norm = np.sqrt((named * named).sum(axis=1, keepdims=True))
    named = np.divide(named, norm, out=np.zeros_like(named), where=norm > 0)
    year = np.array([cols.get(f.year, -1) for f in feats])
    dated = year >= 0
    rest = np.where(dated, 1.0 - every.sum(axis=0)[np.maximum(year, 0)] / n, 0.0)
    same = np.outer(dated, dated) & (year[:, None] == year[None, :])
    has = every.any(axis=1)
    apart = np.outer(has, has) & (every @ every.T == 0)
    return weight * np.maximum(named @ named.T, same * rest[:, None]) - mismatch * apart


def event_sim(feats: list[Features], s: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, cols = local_vectors(feats, (1.0, s.event_name_weight, s.event_number_weight), s.story_idf_smoothing)
    sim = x @ x.T + year_terms(feats, s.story_idf_smoothing, s.event_year_weight, s.event_year_mismatch)
    return x, cols, tie_copies(feats, sim)


def tie_copies(feats: list[Features], sim: np.ndarray) -> np.ndarray:
    """A copy clustered on its own words (a rewrite, a partial copy) and its source, both here, read
    as one report: their similarity is set to 1, so average linkage joins them first and the pair
    then weighs in with the words of both."""
    row = {f.aid: i for i, f in enumerate(feats)}
    for i, f in enumerate(feats):
        j = row.get(f.source) if f.source else None
        if j is not None:
            sim[i, j] = sim[j, i] = 1.0
    return sim
