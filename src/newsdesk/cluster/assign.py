"""Online assignment: each article to an event, each new event to a story.

An article is compared with the events that share one of its heaviest terms and
are active within ``event_window_days`` of its date. The comparison weighs words,
name phrases and numbers (``terms.weighted``), re-weighted by the idf of the
candidate event's own story (``ClusterState.localised``): within a story about
earthquakes, "quake" says nothing and the place and magnitude say everything.
The similarity is discounted by the gap in days; the article joins the best
event at ``event_threshold`` or more, else seeds one. A new event joins the most
similar story (softer idf, names boosted, ``story_window_days``) at
``story_threshold`` or more, else seeds one; a story that comes to resemble
another at ``story_merge_threshold`` is merged into the larger (the merged id
redirects to the survivor). A copy goes with its original and moves nothing
(copies count once). Ids come from the seeding article, so re-running changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..records import Article, Group
from ..settings import Settings
from ..terms import cosine, regroup, term_counts, weighted
from .explain import explain, story_title
from .state import ClusterState

_FAR = date(9999, 12, 31)


@dataclass
class ClusterResult:
    assignments: dict[str, tuple[str, str]]
    touched: list[tuple[Group, dict[str, float], int]]
    df_increments: dict[str, int]
    explanations: dict[str, dict]
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (merged id, survivor, level)
    term_stats: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)  # group -> (n, df)


def event_weights(s: Settings) -> dict[str, float]:
    return {"": 1.0, "@": s.event_name_weight, "#": s.event_number_weight}


def story_weights(s: Settings) -> dict[str, float]:
    return {"": 1.0, "@": s.story_name_weight}


def _gap(d: date | None, g: Group) -> int:
    if d is None or g.first is None:
        return 0
    if d < g.first:
        return (g.first - d).days
    if g.last and d > g.last:
        return (d - g.last).days
    return 0


def _score_events(vec, counts, state: ClusterState, d, s: Settings):
    """(similarity, event) of the candidate events active near ``d``, best first."""
    weights = event_weights(s)
    scored = []
    for gid in state.candidates(vec):
        if gid not in state.events:
            continue
        cen, g = state.events[gid]
        gap = _gap(d, g)
        if gap > s.event_window_days:
            continue
        sim = cosine(state.localised(vec, gid, weights, s.story_idf_smoothing),
                     state.localised(cen, gid, weights, s.story_idf_smoothing)) / (1.0 + gap / (2.0 * s.event_window_days))
        if sim > 0:
            scored.append((sim, gid))
    scored.sort(reverse=True)
    return scored


def _score_stories(svec, state: ClusterState, d, s: Settings, exclude: str | None = None):
    scored = []
    for gid in state.candidates(svec):
        if gid not in state.stories or gid == exclude:
            continue
        cen, g = state.stories[gid]
        gap = _gap(d, g)
        if gap > s.story_window_days:
            continue
        sim = cosine(svec, cen) / (1.0 + gap / (2.0 * s.story_window_days))
        if sim > 0:
            scored.append((sim, gid))
    scored.sort(reverse=True)
    return scored


def _extend(g: Group, first: date | None, last: date | None = None) -> None:
    last = last or first
    if first is not None:
        g.first = first if g.first is None or first < g.first else g.first
    if last is not None:
        g.last = last if g.last is None or last > g.last else g.last


def _mix(cen: dict[str, float], n: int, vec: dict[str, float], m: int, weights, keep: int) -> dict[str, float]:
    out = {t: w * n for t, w in cen.items()}
    for t, w in vec.items():
        out[t] = out.get(t, 0.0) + w * m
    return regroup(out, weights, keep)


def assign_clusters(new: list[Article], state: ClusterState, settings: Settings) -> ClusterResult:
    """Assign each new article to an event and each new event to a story (state updated in place)."""
    s = settings
    ew, sw = event_weights(s), story_weights(s)
    df_inc: dict[str, int] = {}
    counts = {a.id: term_counts(a.title, a.text) for a in new}
    for c in counts.values():
        for t in c:
            df_inc[t] = df_inc.get(t, 0) + 1
            state.df[t] = state.df.get(t, 0) + 1
    state.n_docs += len(new)
    assignments: dict[str, tuple[str, str]] = {}
    explanations: dict[str, dict] = {}
    touched: set[str] = set()
    merges: list[tuple[str, str, str]] = []
    for a in sorted(new, key=lambda x: (x.published or _FAR, x.id)):
        c = counts[a.id]
        if a.copy_of and a.copy_of in state.article_event:
            ev, st = state.article_event[a.copy_of]
            ev, st = state.resolve(ev), state.resolve(st)
            explanations[a.id] = {"event": ev, "story": st, "reason": f"copy of {a.copy_of}", "similarity": 1.0}
            _extend(state.events[ev][1], a.published)
            _extend(state.stories[st][1], a.published)
            state.sizes[ev] += 1
            state.sizes[st] += 1
        else:
            vec = weighted(c, state.df, state.n_docs, ew, s.centroid_terms)
            svec = weighted(c, state.df, state.n_docs, sw, s.story_terms, s.story_idf_power)
            top = _score_events(vec, c, state, a.published, s)
            stop: list = []
            if top and top[0][0] >= s.event_threshold:
                sim, ev = top[0]
                _join(state, ev, vec, a.published, ew, s.centroid_terms, "event")
                st = state.events[ev][1].parent
                _join(state, st, svec, a.published, sw, s.story_terms, "story")
                reason = "joined event"
            else:
                sim = top[0][0] if top else 0.0
                ev = "e" + a.id[1:]
                g = Group(ev, "event", a.title or a.text[:80], [], a.published, a.published)
                stop = _score_stories(svec, state, a.published, s)
                if stop and stop[0][0] >= s.story_threshold:
                    st = stop[0][1]
                    _join(state, st, svec, a.published, sw, s.story_terms, "story")
                else:
                    st = "s" + a.id[1:]
                    state.add_story(Group(st, "story", g.title, [], a.published, a.published), svec)
                g.parent = st
                state.add_event(g, vec)
                reason = "new event"
            state.count_in_story(st, ev, c)
            state.sizes_own[ev] = state.sizes_own.get(ev, 0) + 1
            explanations[a.id] = explain(vec, ev, st, sim, top, stop, state, reason, s)
            for _, other in top[:3]:
                done = _maybe_merge_event(state, ev, other, s)
                if done:
                    merges.append(done)
                    ev = state.resolve(ev)
            merged = _maybe_merge_story(state, st, a.published, s)
            if merged:
                merges.append(merged)
                touched.add(merged[1])
                st = merged[1]
        assignments[a.id] = (ev, st)
        state.article_event[a.id] = (ev, st)
        touched.update((ev, st))
    assignments = {a: (state.resolve(e), state.resolve(t)) for a, (e, t) in assignments.items()}
    groups = []
    for gid in sorted({state.resolve(g) for g in touched}):
        if gid in state.events:
            cen, g = state.events[gid]
            g.parent = state.resolve(g.parent) if g.parent else None
        else:
            cen, g = state.stories[gid]
            g.title = story_title(state, gid)
        groups.append((g, cen, state.sizes.get(gid, 1)))
    stats = {}
    for gid in {state.resolve(g) for g in touched}:
        if gid in state.stories:
            stats[gid] = (state.story_n.get(gid, 0), state.story_df.get(gid, {}))
        elif gid in state.events:
            stats[gid] = (state.sizes_own.get(gid, 0), state.event_df.get(gid, {}))
    return ClusterResult(assignments, groups, df_inc, explanations, merges, stats)


def _join(state: ClusterState, gid: str, vec, d: date | None, weights, keep: int, level: str) -> None:
    pool = state.events if level == "event" else state.stories
    cen, g = pool[gid]
    pool[gid] = (_mix(cen, state.sizes.get(gid, 1), vec, 1, weights, keep), g)
    state.sizes[gid] = state.sizes.get(gid, 1) + 1
    state.index(gid, pool[gid][0])
    _extend(g, d)


def _maybe_merge_event(state: ClusterState, ev: str, other: str, s: Settings):
    """Merge two events of one story whose centroids now read as one happening."""
    other = state.resolve(other)
    if s.event_merge_threshold >= 1.0 or other == ev or other not in state.events:
        return None
    (ca, ga), (cb, gb) = state.events[ev], state.events[other]
    if ga.parent != gb.parent:
        return None
    w = event_weights(s)
    sim = cosine(state.localised(ca, ev, w, s.story_idf_smoothing), state.localised(cb, other, w, s.story_idf_smoothing))
    if sim < s.event_merge_threshold:
        return None
    big, small = sorted((ev, other), key=lambda x: (-state.sizes.get(x, 1), state.events[x][1].first or _FAR, x))
    bc, bg = state.events[big]
    sc, sg = state.events[small]
    state.events[big] = (_mix(bc, state.sizes[big], sc, state.sizes[small], w, s.centroid_terms), bg)
    state.sizes[big] += state.sizes.pop(small)
    state.sizes_own[big] = state.sizes_own.get(big, 0) + state.sizes_own.pop(small, 0)
    state.index(big, state.events[big][0])
    _extend(bg, sg.first, sg.last)
    df = state.event_df.setdefault(big, {})
    for t, n in state.event_df.pop(small, {}).items():
        df[t] = df.get(t, 0) + n
    state.story_events.get(bg.parent, set()).discard(small)
    del state.events[small]
    state.redirects[small] = big
    return small, big, "event"


def _maybe_merge_story(state: ClusterState, sid: str, d: date | None, s: Settings):
    """Merge ``sid`` with the most similar other story if they now read as one."""
    if s.story_merge_threshold >= 1.0:
        return None
    cen, g = state.stories[sid]
    top = _score_stories(cen, state, d, s, exclude=sid)
    if not top or top[0][0] < s.story_merge_threshold:
        return None
    other = top[0][1]
    big, small = sorted((sid, other), key=lambda x: (-state.sizes.get(x, 1), state.stories[x][1].first or _FAR, x))
    bc, bg = state.stories[big]
    sc, sg = state.stories[small]
    state.stories[big] = (_mix(bc, state.sizes[big], sc, state.sizes[small], story_weights(s), s.story_terms), bg)
    state.sizes[big] += state.sizes.pop(small)
    state.index(big, state.stories[big][0])
    _extend(bg, sg.first, sg.last)
    df = state.story_df.setdefault(big, {})
    for t, n in state.story_df.pop(small, {}).items():
        df[t] = df.get(t, 0) + n
    state.story_n[big] = state.story_n.get(big, 0) + state.story_n.pop(small, 0)
    for ev in state.story_events.pop(small, set()):
        state.events[ev][1].parent = big
        state.story_events[big].add(ev)
    del state.stories[small]
    state.redirects[small] = big
    return small, big, "story"
