"""Events inside a story: re-cluster its recent articles each time one joins.

The articles of the story within ``event_window_days`` of the new one (at most
``recluster_max``) are vectorised with an idf over just those articles (within a
story about earthquakes, "quake" says nothing about which one an article reports;
the place and magnitude say much), then grouped by average linkage at
``event_threshold`` (two groups of ``event_group_size`` articles or more only at
``event_group_threshold``; one or two articles join such a group from
``event_stray_threshold``). The similarity also counts the years the articles' leads
name (``year_terms``). An event of ``event_split_size`` articles or more is then
re-clustered alone, with an idf over its own articles, and splits into its large
parts that stay apart (``_split``: two supermarket fires, once "supermarket" no
longer counts, differ in town and county). The new partition is mapped onto the
existing event ids by largest overlap (ties: the older event keeps its id); a cluster that takes no id is
a new event (a split when its articles came from one), an event left without
articles is merged into the one that took most of them. Everything here is a pure
function of the window's articles and their current events, so re-running gives
the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import itemgetter

import numpy as np

from ..records import Group
from ..settings import Settings
from .state import UNDATED, ClusterState, Features

_GROUP = {"@": 1, "#": 2}
_SPLIT_CACHE = 4096  # large events whose parts are remembered


def _arrays(f: Features, state: ClusterState) -> None:
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


@dataclass
class Outcome:
    """One re-clustering: the window, its matrix and partition, and what changed."""

    ids: list[str]
    x: np.ndarray
    cols: np.ndarray
    sim: np.ndarray
    clusters: list[list[int]]
    events: list[str]  # event id of each cluster
    moved: list[str] = field(default_factory=list)  # articles (with their copies) whose event changed
    merges: list[tuple[str, str, str]] = field(default_factory=list)
    splits: list[tuple[str, str, str]] = field(default_factory=list)  # (new id, origin, level)
    touched: set[str] = field(default_factory=set)


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


def _event_sim(feats: list[Features], s: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def _split(feats: list[Features], members: list[int], sim: np.ndarray, s: Settings,
           ids: list[str] | None = None, cache: dict | None = None, own: np.ndarray | None = None) -> list[list[int]]:
    """A large event re-clustered alone, with an idf over its own articles (what all its reports
    share says nothing about which of two similar events one reports): its parts of
    ``event_group_size`` or more articles that stay apart at ``event_split_threshold`` become
    events; smaller parts go with the part they are most similar to in the window's terms. With
    ``cache`` (keyed by the settings and the members' article ``ids``), an event re-split with the same
    articles reuses its parts; ``own``: the members' similarities with an idf over themselves, when
    known (an event that is the whole window: ``sim`` itself)."""
    if len(members) < s.event_split_size:
        return [members]
    key = (s, tuple(ids[i] for i in members)) if cache is not None else None
    parts = cache.get(key) if cache is not None else None
    if parts is None:  # the parts depend on the members' features alone: an unchanged event is not re-split
        sub = own if own is not None else _event_sim([feats[i] for i in members], s)[2]
        parts = average_linkage(sub, s.event_threshold, s.event_split_threshold, s.event_group_size,
                                s.event_stray_threshold, s.event_stray_size)
        if cache is not None:
            if len(cache) >= _SPLIT_CACHE:
                del cache[next(iter(cache))]  # the oldest
            cache[key] = parts
    big = [[members[i] for i in p] for p in parts if len(p) >= s.event_group_size]
    if len(big) < 2:
        return [members]
    for p in parts:
        if len(p) < s.event_group_size:
            rest = [members[i] for i in p]
            best = max(range(len(big)), key=lambda k: (float(sim[np.ix_(rest, big[k])].mean()), -k))
            big[best] += rest
    return [sorted(b) for b in big]


def recluster(state: ClusterState, sid: str, window: list[str], s: Settings) -> Outcome:
    """Re-cluster the ``window`` of story ``sid`` (its articles near a new one) and move
    articles to the events of the new partition (state updated in place)."""
    feats = state.feature(window)
    ids = [a for a in window if a in feats]
    fs = [feats[a] for a in ids]
    for f in fs:
        if f.ids is None:
            _arrays(f, state)
    x, cols, sim = _event_sim(fs, s)
    trace: list[float] = []
    clusters = average_linkage(sim, s.event_threshold, s.event_group_threshold, s.event_group_size,
                               s.event_stray_threshold, s.event_stray_size, trace)
    whole = len(clusters) == 1  # one event in the window: its own similarities are the window's
    lo, hi = sorted((s.event_group_threshold, s.event_split_threshold))
    if not (whole and not any(lo <= t < hi for t in trace)):  # (else its split would repeat this linkage
        # step for step, the group threshold aside, which decided nothing: it stays whole)
        parts = (part for c in clusters for part in _split(fs, c, sim, s, ids, state.split_parts, sim if whole else None))
        clusters = sorted(parts, key=lambda m: m[0])
    out = Outcome(ids, x, cols, sim, clusters, [""] * len(clusters))
    _name(state, out, sid)
    _move(state, out, sid, s)
    return out


def _age(state: ClusterState, ev: str) -> tuple:
    g = state.events[ev][1]
    return (g.first is None, g.first or 0, ev)


def _name(state: ClusterState, out: Outcome, sid: str) -> None:
    """Each cluster takes the id of the event it overlaps most (ties: the older event)."""
    overlap: dict[tuple[int, str], int] = {}
    for c, members in enumerate(out.clusters):
        for i in members:
            ev = state.article_event[out.ids[i]][0]
            if ev and ev in state.events:
                overlap[c, ev] = overlap.get((c, ev), 0) + 1
    taken: set[str] = set()
    for (c, ev), n in sorted(overlap.items(), key=lambda kv: (-kv[1], _age(state, kv[0][1]), kv[0][0])):
        if out.events[c] or ev in taken:
            continue
        out.events[c] = ev
        taken.add(ev)
    for c, members in enumerate(out.clusters):
        if out.events[c]:
            continue
        seed = min(members, key=lambda i: (state.article_day[out.ids[i]], out.ids[i]))
        eid = state.fresh_id("e", out.ids[seed])
        title = state.features[out.ids[seed]].title
        first = state.article_day[out.ids[seed]]
        g = Group(eid, "event", title, [], _date(first), _date(first), sid)
        state.add_event(g, {})
        out.events[c] = eid
        origins: dict[str, int] = {}
        for i in members:
            ev = state.article_event[out.ids[i]][0]
            if ev:
                origins[ev] = origins.get(ev, 0) + 1
        if origins:
            out.splits.append((eid, max(origins, key=lambda e: (origins[e], e)), "event"))


def _date(d: int) -> date | None:
    return None if d == UNDATED else date.fromordinal(d)


def _move(state: ClusterState, out: Outcome, sid: str, s: Settings) -> None:
    gained: dict[str, dict[str, int]] = {}  # old event -> new event -> articles
    lost: set[str] = set()
    for c, members in enumerate(out.clusters):
        ev = out.events[c]
        g = state.events[ev][1]
        for i in members:
            aid = out.ids[i]
            old = state.article_event[aid][0]
            if old == ev:
                continue
            for a in [aid, *state.copies.get(aid, ())]:
                o = state.article_event[a][0]
                if o:
                    state.event_members[o].discard(a)
                    state.sizes[o] -= 1
                    lost.add(o)
                state.event_members[ev].add(a)
                state.sizes[ev] = state.sizes.get(ev, 0) + 1
                state.article_event[a] = (ev, sid)
                out.moved.append(a)
                if state.article_day[a] != UNDATED:
                    d = _date(state.article_day[a])
                    g.first = d if g.first is None or d < g.first else g.first
                    g.last = d if g.last is None or d > g.last else g.last
            if old:
                gained.setdefault(old, {})
                gained[old][ev] = gained[old].get(ev, 0) + 1
            out.touched.add(ev)
            g.parent = sid
    for old, to in sorted(gained.items()):
        if old in state.events and not state.event_members.get(old):
            survivor = max(to, key=lambda e: (to[e], e))
            state.redirects[old] = survivor
            del state.events[old]
            state.event_members.pop(old, None)
            state.sizes.pop(old, None)
            out.merges.append((old, survivor, "event"))
            lost.discard(old)
    for ev in lost:
        if ev in state.events:
            dated = [state.article_day[a] for a in state.event_members[ev] if state.article_day[a] != UNDATED]
            g = state.events[ev][1]
            g.first, g.last = (_date(min(dated)), _date(max(dated))) if dated else (None, None)
            out.touched.add(ev)
    for c, members in enumerate(out.clusters):
        ev = out.events[c]
        if ev in out.touched and ev in state.events:
            state.events[ev] = (centroid(out, members, state, s.event_terms), state.events[ev][1])


def centroid(out: Outcome, members: list[int], state: ClusterState, keep: int) -> dict[str, float]:
    """An event's heaviest terms in the window's weighting, L2-normalised: what a new article
    of the story is compared with until the next re-clustering."""
    mean = out.x[members].mean(axis=0)
    top = (-mean).argpartition(keep)[:keep] if len(mean) > keep else np.arange(len(mean))
    top = top[mean[top] > 0]
    norm = float(np.sqrt((mean[top] ** 2).sum())) or 1.0
    top = top[out.cols[top].argsort()]  # in term id order
    terms = state.terms
    return {terms[c]: round(v / norm, 5) for c, v in zip(out.cols[top].tolist(), mean[top].tolist())}
