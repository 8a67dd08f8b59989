"""Online assignment: each article to a story, then the story's recent articles into events.

An article is compared with the stories that share one of its heaviest terms and
are active within ``story_window_days`` of its date (cosine of tf-idf vectors with a
soft idf, names weighted as words, discounted by the gap in days); it joins the
best at ``story_threshold`` or more, else seeds a story. Then the story's articles
near its date are re-clustered into events (``recluster.py``): ids stay with the
event that keeps most of its articles; merges redirect, splits record their origin.
A story that comes to resemble another at ``story_merge_threshold`` is merged into
the larger. A copy goes with its original and moves nothing (copies count once).
Ids come from seeding articles, so re-running changes nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from ..records import Article, Group
from ..settings import Settings
from ..terms import cosine, regroup, weighted
from .explain import explain_events, explain_join, explain_story, story_title
from .recluster import recluster
from .state import ClusterState, article_features, day

_FAR = date(9999, 12, 31)


@dataclass
class ClusterResult:
    assignments: dict[str, tuple[str, str]]  # every article placed or moved -> (event, story)
    touched: list[tuple[Group, dict[str, float], int]]
    df_increments: dict[str, int]
    explanations: dict[str, dict]
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (merged id, survivor, level)
    splits: list[tuple[str, str, str]] = field(default_factory=list)  # (new id, origin, level)


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


def _late(d: date | None, state: ClusterState, s: Settings) -> bool:
    """An undated article, or one dated before the window of the newest one placed so far: it may
    belong to a story that has been retired (articles can arrive in any order)."""
    return d is None or (state.latest is not None and (state.latest - d).days > s.story_window_days)


def _score_stories(svec, state: ClusterState, d, s: Settings, exclude: str | None = None):
    """(similarity, story) of the best two candidate stories active near day ``d`` (and any within
    rounding of the second), best first: only these are ever used."""
    live = []
    stories, window = state.stories, s.story_window_days
    span = 2.0 * window
    for gid in state.candidates(svec, _late(d, state, s)):
        held = stories.get(gid)
        if held is None or gid == exclude:
            continue
        cen, g = held
        first = g.first  # _gap(d, g), inlined
        if d is None or first is None:
            gap = 0
        elif d < first:
            gap = (first - d).days
        else:
            gap = (d - g.last).days if g.last and d > g.last else 0
        if gap > window:
            if d is not None and g.last is not None and d > g.last:
                state.retire(gid)
            continue
        live.append((gid, cen, 1.0 + gap / span))
    return state.arrays.best(svec, live)


def _revive(svec, state: ClusterState, d: date | None, stop, s: Settings) -> tuple[float, str] | None:
    """(similarity, story) of a dormant story (quiet for longer than the story window) that a
    dated article joining no live story re-opens: the most similar of the retired stories sharing
    its heaviest terms whose names agree (``_names_agree``), at ``story_revive_threshold`` or
    more and above every live story, its similarity discounted by the days past the window as a
    live story's is by its gap (the longer the silence, the closer the match it takes). A thread
    that went quiet (a death; months later, the trial) is picked up again; a mere resemblance is
    not enough after a long silence."""
    if d is None or s.story_revive_threshold >= 1.0 or _late(d, state, s):
        return None
    if stop and stop[0][0] >= s.story_threshold:  # it joins a live story
        return None
    best = None
    for gid in state.dormant_candidates(svec):
        held = state.stories.get(gid)
        if held is None or held[1].last is None or (d - held[1].last).days <= s.story_window_days:
            continue
        if not _names_agree(svec, held[0], s):
            continue
        gap = (d - held[1].last).days - s.story_window_days
        sim = cosine(svec, held[0]) / (1.0 + gap / (2.0 * s.story_window_days))
        if best is None or (sim, gid) > best:
            best = (sim, gid)
    if best is None or best[0] < s.story_revive_threshold or (stop and stop[0][0] >= best[0]):
        return None
    return best


def _extend(g: Group, first: date | None, last: date | None = None) -> None:
    last = last or first
    if first is not None:
        g.first = first if g.first is None or first < g.first else g.first
    if last is not None:
        g.last = last if g.last is None or last > g.last else g.last


def _mix(cen: dict[str, float], n: int, vec: dict[str, float], m: int, weights, keep: int) -> dict[str, float]:
    out = {t: w * n for t, w in cen.items()}
    get = out.get
    for t, w in vec.items():
        out[t] = get(t, 0.0) + w * m
    return regroup(out, weights, keep)


def _join_story(state: ClusterState, sid: str, vec, d: date | None, s: Settings) -> None:
    cen, g = state.stories[sid]
    state.stories[sid] = (_mix(cen, min(state.sizes.get(sid, 1), s.story_memory), vec, 1, story_weights(s), s.story_terms), g)
    state.sizes[sid] = state.sizes.get(sid, 1) + 1
    state.index(sid, state.stories[sid][0])
    _extend(g, d)


def _place_copy(state: ClusterState, a: Article) -> dict:
    orig = state.copy_of.get(a.copy_of, a.copy_of)
    ev, st = state.article_event[orig]
    st = state.resolve(st)
    state.place(a.id, ev, st, day(a.published), copy_of=orig)
    for gid, pool in ((ev, state.events), (st, state.stories)):
        _extend(pool[gid][1], a.published)
        state.sizes[gid] = state.sizes.get(gid, 0) + 1
    return {"event": ev, "story": st, "reason": f"copy of {a.copy_of}", "similarity": 1.0}


def assign_clusters(new: list[Article], state: ClusterState, settings: Settings) -> ClusterResult:
    """Assign each new article to a story and an event, re-clustering the story's recent
    articles into events as it goes (state updated in place)."""
    s = settings
    sw = story_weights(s)
    feats = {a.id: article_features(a, s.cluster_lead_chars, s.cluster_title_line_chars) for a in new}
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
    for a in sorted(new, key=lambda x: (x.published or _FAR, x.id)):
        if _follows(a, state, s):
            explanations[a.id] = _place_copy(state, a)
            changed.add(a.id)
            touched.update(state.article_event[a.id])
            continue
        if a.published is not None and (state.latest is None or a.published > state.latest):
            state.latest = a.published
        c = feats[a.id].counts
        svec = weighted(c, state.df, state.n_docs, sw, s.story_terms, s.story_idf_power)
        stop = _score_stories(svec, state, a.published, s)
        src = _source_story(a, state, s)
        revived = None if src else _revive(svec, state, a.published, stop, s)
        if src:
            st, src_sim = src, cosine(svec, state.stories[src][0])
            _join_story(state, st, svec, a.published, s)
        elif revived:
            st = revived[1]
            stop = [revived, *stop[:1]]
            _join_story(state, st, svec, a.published, s)
        elif stop and (stop[0][0] >= s.story_threshold or _names_join(svec, stop[0], state, s)):
            st = stop[0][1]
            _join_story(state, st, svec, a.published, s)
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
        explanations[a.id].update(explain_story(stop, st, s))
        if src:
            explanations[a.id].update(story_reason=f"joined story: that of {a.copy_of}, whose text it reuses",
                                      story_similarity=round(src_sim, 3))
            runner = explanations[a.id].get("story_runner_up")
            if runner and runner["story"] != st and stop[0][1] != st:
                runner["why_not"] = "not the story of the article whose text it reuses"
        elif revived:
            explanations[a.id]["story_reason"] = f"joined story: re-opened after more than {s.story_window_days} quiet days"
            explanations[a.id]["story_threshold"] = s.story_revive_threshold
        merged = _maybe_merge_story(state, st, a.published, s) if _checkpoint(state.sizes[st]) else None
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
    _extend(state.events[ev][1], a.published)
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


def _checkpoint(n: int) -> bool:
    """Story sizes at which a story looks for a story to merge with (its centroid moves less and
    less as it grows, so checks thin out): 1-8, then powers of two and every 32nd article."""
    return n <= 8 or n & (n - 1) == 0 or n % 32 == 0


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
    moved = state.story_members.pop(small, [])
    for ev in {state.article_event[a][0] for _, a in moved}:
        if ev in state.events:
            state.events[ev][1].parent = big
    state.story_members[big] = sorted(state.story_members.get(big, []) + moved)
    del state.stories[small]
    state.forget(small)
    state.redirects[small] = big
    return small, big, "story"



def _names_join(svec: dict[str, float], top: tuple[float, str], state: ClusterState, s: Settings) -> bool:
    """Below the story threshold, an article still joins the closest story when their names
    agree: cosine at ``story_names_floor`` or more, at least ``story_names_min_shared`` names
    in common or one of several words (a person or an organisation, mostly: one shared
    one-word place, a capital every local story names, is no agreement) and the
    cosine of the names alone (people, places, organisations) at ``story_names_threshold`` or
    more (a story's later articles share its actors more than its wording)."""
    if top[0] < s.story_names_floor:
        return False
    cen = state.stories[top[1]][0]
    share = s.story_name_weight / (1.0 + s.story_name_weight)
    shared = _names_agree(svec, cen, s)
    return bool(shared) and math.fsum([svec[t] * cen[t] for t in shared]) / share >= s.story_names_threshold


def _names_agree(svec: dict[str, float], cen: dict[str, float], s: Settings) -> list[str]:
    """The names an article shares with a story centroid if they are ``story_names_min_shared``
    or more, or one of them has several words (a person or an organisation, mostly); else none:
    one shared one-word name (a place, a capital every local story names) is no agreement."""
    shared = [t for t in svec if t[0] == "@" and t in cen]
    return shared if len(shared) >= s.story_names_min_shared or any(" " in t for t in shared) else []
