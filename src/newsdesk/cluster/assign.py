"""Online assignment: each article to a story, then the story's recent articles into events.

An article joins the best live story at ``story_threshold`` or more, or on agreeing names,
or re-opens a quiet one, else seeds a story (``stories.py``). Then the story's articles near
its date are re-clustered into events (``recluster.py``), or, between re-clusterings, the
article joins the closest event of the window at ``event_join_threshold``: ids stay with the
event that keeps most of its articles; merges redirect, splits record their origin. An exact
or near copy goes with its original and moves nothing; a rewrite or partial copy joins its
source's story and is tied to its source when re-clustered (copies count once). Ids come
from seeding articles, so re-running changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from ..records import Article, Group
from ..settings import Settings
from ..terms import cosine, weighted
from .explain import explain_events, explain_join, explain_story, story_title
from .recluster import recluster
from .state import ClusterState, article_features, day
from .stories import (FAR, checkpoint, extend, join_story, maybe_merge_story, names_join, revive,
                      score_stories, story_weights)


@dataclass
class ClusterResult:
    assignments: dict[str, tuple[str, str]]  # every article placed or moved -> (event, story)
    touched: list[tuple[Group, dict[str, float], int]]
    df_increments: dict[str, int]
    explanations: dict[str, dict]
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (merged id, survivor, level)
    splits: list[tuple[str, str, str]] = field(default_factory=list)  # (new id, origin, level)


def _place_copy(state: ClusterState, a: Article) -> dict:
    orig = state.copy_of.get(a.copy_of, a.copy_of)
    ev, st = state.article_event[orig]
    st = state.resolve(st)
    state.place(a.id, ev, st, day(a.published), copy_of=orig)
    for gid, pool in ((ev, state.events), (st, state.stories)):
        extend(pool[gid][1], a.published)
        state.sizes[gid] = state.sizes.get(gid, 0) + 1
    return {"event": ev, "story": st, "reason": f"copy of {a.copy_of}", "similarity": 1.0}


def assign_clusters(new: list[Article], state: ClusterState, settings: Settings) -> ClusterResult:
    """Assign each new article to a story and an event, re-clustering the story's recent
    articles into events as it goes (state updated in place)."""
    s = settings
    sw = story_weights(s)
    feats = {a.id: article_features(a, s) for a in new}
    df_inc = dict(Counter(chain.from_iterable(f.counts for f in feats.values())))
    for t, n in df_inc.items():
        state.df[t] = state.df.get(t, 0) + n
    state.n_docs += len(new)
    if state.latest is None:
        state.latest = max((g.last for _, g in state.stories.values() if g.last is not None), default=None)
    changed: set[str] = set()
    explanations: dict[str, dict] = {}
    touched: set[str] = set()
    merges: list[tuple[str, str, str]] = []
    splits: list[tuple[str, str, str]] = []
    for a in sorted(new, key=lambda x: (x.published or FAR, x.id)):
        if _follows(a, state, s):
            explanations[a.id] = _place_copy(state, a)
            changed.add(a.id)
            touched.update(state.article_event[a.id])
            continue
        if a.published is not None and (state.latest is None or a.published > state.latest):
            state.latest = a.published
        c = feats[a.id].counts
        svec = weighted(c, state.df, state.n_docs, sw, s.story_terms, s.story_idf_power)
        stop = score_stories(svec, state, a.published, s)
        src = _source_story(a, state, s)
        revived = None if src else revive(svec, state, a.published, stop, s)
        src_sim = 0.0
        if src:
            st, src_sim = src, cosine(svec, state.stories[src][0])
            join_story(state, st, svec, a.published, s)
        elif revived:
            st = revived[1]
            stop = [revived, *stop[:1]]
            join_story(state, st, svec, a.published, s)
        elif stop and (stop[0][0] >= s.story_threshold or names_join(svec, stop[0], state, s)):
            st = stop[0][1]
            join_story(state, st, svec, a.published, s)
        else:
            st = state.fresh_id("s", a.id)
            state.add_story(Group(st, "story", a.title or a.text[:80], [], a.published, a.published), svec)
        state.features[a.id] = feats[a.id]
        d = day(a.published)
        window = state.window(st, d, s.event_window_days, s.recluster_max, a.id)
        periodic = (len(state.story_members[st]) + 1) % max(1, (len(window) + 1) // s.recluster_stride) == 0
        joined = None if periodic else _join_event(state, a, st, svec, window, s)
        if joined:
            explanations[a.id] = joined
            changed.add(a.id)
            touched.add(state.article_event[a.id][0])
        else:
            state.place(a.id, "", st, d)
            window = state.window(st, d, s.event_window_days, s.recluster_max, a.id)
            out = recluster(state, st, window, s)
            merges += out.merges
            splits += out.splits
            touched |= out.touched
            changed.update(out.moved)
            moved = set(out.moved)
            explanations.update(explain_events(out, {i: None if aid == a.id else "moved when its story was re-clustered"
                                                     for i, aid in enumerate(out.ids) if aid == a.id or aid in moved},
                                               state, s))
        touched.add(st)
        explanations[a.id].update(explain_story(stop, st, s, a.copy_of if src else None, src_sim, bool(revived)))
        merged = maybe_merge_story(state, st, a.published, s) if checkpoint(state.sizes[st]) else None
        if merged:
            merges.append(merged)
            touched.add(merged[1])
    assignments = {}
    for aid in changed:
        ev, st = state.article_event[aid]
        assignments[aid] = (state.resolve(ev), state.resolve(st))
    for e in explanations.values():
        e["event"], e["story"] = state.resolve(e["event"]), state.resolve(e["story"])
    groups = []
    for gid in sorted({state.resolve(g) for g in touched}):
        if gid in state.events:
            cen, g = state.events[gid]
            g.parent = state.resolve(g.parent) if g.parent else None
        elif gid in state.stories:
            cen, g = state.stories[gid]
            g.title = story_title(state, gid)
        else:
            continue
        groups.append((g, cen, state.sizes.get(gid, 1)))
    return ClusterResult(assignments, groups, df_inc, explanations, merges, splits)


def _join_event(state: ClusterState, a: Article, st: str, svec, window: list[str], s: Settings) -> dict | None:
    """Between re-clusterings: the event (of the story's articles near this one) whose centroid
    is most similar, if at ``event_join_threshold`` or more (else None: re-cluster now)."""
    scored = sorted(((cosine(svec, state.events[ev][0]), ev) for ev in
                     {state.article_event[m][0] for m in window} if ev in state.events), reverse=True)
    if not scored or scored[0][0] < s.event_join_threshold:
        return None
    sim, ev = scored[0]
    extend(state.events[ev][1], a.published)
    state.place(a.id, ev, st, day(a.published))
    state.sizes[ev] = state.sizes.get(ev, 0) + 1
    return explain_join(svec, ev, st, sim, scored, "joined event", state, s)


def _follows(a: Article, state: ClusterState, s: Settings) -> bool:
    """A copy goes with its original (once placed) unless its kind is clustered on its own
    (``cluster_copies_apart``: a rewrite or a partial copy is a report of its own that reuses some
    of the original's text; it is clustered on its words, and keeps its copy link)."""
    if not a.copy_of or a.copy_kind in s.cluster_copies_apart:
        return False
    return a.copy_of in state.article_event or state.copy_of.get(a.copy_of) in state.article_event


def _source_story(a: Article, state: ClusterState, s: Settings) -> str | None:
    """The story of the article a copy clustered on its own words reuses text from (if placed):
    the copy joins that story, and its event is found with it (``recluster.tie_copies``)."""
    if not a.copy_of or a.copy_kind not in s.cluster_copies_apart:
        return None
    placed = state.article_event.get(a.copy_of)
    return state.resolve(placed[1]) if placed and state.resolve(placed[1]) in state.stories else None


