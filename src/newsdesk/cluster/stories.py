"""Stories: which one an article joins, and when two become one.

An article is scored against the stories that share one of its heaviest terms and are
active within ``story_window_days`` of its date (``score_stories``: cosine of tf-idf vectors
with a soft idf, names weighted as words, discounted by the gap in days). Below
``story_threshold`` it may still join when its names agree (``names_join``), or re-open a
story that went quiet (``revive``). A story that comes to resemble another at
``story_merge_threshold`` is merged into the larger (``maybe_merge_story``, at the sizes
``checkpoint`` names).
"""

from __future__ import annotations

import math
from datetime import date

from ..records import Group
from ..settings import Settings
from ..terms import cosine, regroup
from .state import ClusterState

FAR = date(9999, 12, 31)  # sorts undated last


def story_weights(s: Settings) -> dict[str, float]:
    return {"": 1.0, "@": s.story_name_weight}


def _late(d: date | None, state: ClusterState, s: Settings) -> bool:
    """An undated article, or one dated before the window of the newest one placed so far: it may
    belong to a story that has been retired (articles can arrive in any order)."""
    return d is None or (state.latest is not None and (state.latest - d).days > s.story_window_days)


def score_stories(svec, state: ClusterState, d, s: Settings, exclude: str | None = None):
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
        first = g.first  # days outside the story's span (inlined: this loop is hot)
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


def revive(svec, state: ClusterState, d: date | None, stop, s: Settings) -> tuple[float, str] | None:
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


def extend(g: Group, first: date | None, last: date | None = None) -> None:
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


def join_story(state: ClusterState, sid: str, vec, d: date | None, s: Settings) -> None:
    cen, g = state.stories[sid]
    state.stories[sid] = (_mix(cen, min(state.sizes.get(sid, 1), s.story_memory), vec, 1, story_weights(s), s.story_terms), g)
    state.sizes[sid] = state.sizes.get(sid, 1) + 1
    state.index(sid, state.stories[sid][0])
    extend(g, d)


def checkpoint(n: int) -> bool:
    """Story sizes at which a story looks for a story to merge with (its centroid moves less and
    less as it grows, so checks thin out): 1-8, then powers of two and every 32nd article."""
    return n <= 8 or n & (n - 1) == 0 or n % 32 == 0


def maybe_merge_story(state: ClusterState, sid: str, d: date | None, s: Settings):
    """Merge ``sid`` with the most similar other story if they now read as one."""
    if s.story_merge_threshold >= 1.0:
        return None
    cen, g = state.stories[sid]
    top = score_stories(cen, state, d, s, exclude=sid)
    if not top or top[0][0] < s.story_merge_threshold:
        return None
    other = top[0][1]
    big, small = sorted((sid, other), key=lambda x: (-state.sizes.get(x, 1), state.stories[x][1].first or FAR, x))
    bc, bg = state.stories[big]
    sc, sg = state.stories[small]
    state.stories[big] = (_mix(bc, state.sizes[big], sc, state.sizes[small], story_weights(s), s.story_terms), bg)
    state.sizes[big] += state.sizes.pop(small)
    state.index(big, state.stories[big][0])
    extend(bg, sg.first, sg.last)
    moved = state.story_members.pop(small, [])
    for ev in {state.article_event[a][0] for _, a in moved}:
        if ev in state.events:
            state.events[ev][1].parent = big
    state.story_members[big] = sorted(state.story_members.get(big, []) + moved)
    del state.stories[small]
    state.forget(small)
    state.redirects[small] = big
    return small, big, "story"


def names_join(svec: dict[str, float], top: tuple[float, str], state: ClusterState, s: Settings) -> bool:
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
