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

import numpy as np

from ..records import Group
from ..settings import Settings
from .similarity import average_linkage, event_sim, term_arrays
from .state import UNDATED, ClusterState, Features

_SPLIT_CACHE = 4096  # large events whose parts are remembered


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
        sub = own if own is not None else event_sim([feats[i] for i in members], s)[2]
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
        term_arrays(f, state)  # (once per article)
    x, cols, sim = event_sim(fs, s)
    trace: list[float] = []
    clusters = average_linkage(sim, s.event_threshold, s.event_group_threshold, s.event_group_size,
                               s.event_stray_threshold, s.event_stray_size, trace)
    whole = len(clusters) == 1  # one event in the window: its own similarities are the window's
    lo, hi = sorted((s.event_group_threshold, s.event_split_threshold))
    # a whole window whose linkage never weighed two large groups between the two thresholds would
    # split step for step as it was just grouped: it stays whole, and the split is skipped
    settled = whole and not any(lo <= t < hi for t in trace)
    if not settled:
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
