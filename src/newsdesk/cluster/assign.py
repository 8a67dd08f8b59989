"""Cluster stage: online assignment of articles to events, and of events to stories.

Public entry point: :func:`assign_clusters`.

An article joins the most similar event active near its date (tf-idf cosine
against the event centroid, discounted by the gap in days) if the similarity
clears ``event_threshold``; otherwise it seeds a new event. A new event joins
the most similar story active within ``story_window_days`` or seeds a story.
A copy goes with its original and does not move centroids (copies count once).
Ids come from the seeding article, so re-running changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .records import Article, Group
from .settings import Settings
from .terms import cosine, event_and_story_vectors, normalise, term_counts

__all__ = ["assign_clusters", "ClusterState"]

_FAR = date(9999, 12, 31)


@dataclass
class ClusterState:
    """What assignment needs to know of the desk so far (loaded by the pipeline)."""

    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    events: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    stories: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    article_event: dict[str, tuple[str, str]] = field(default_factory=dict)  # for copies' originals
    postings: dict[str, set[str]] = field(default_factory=dict)  # term -> groups whose centroid has it

    def index(self, gid: str, centroid: dict[str, float]) -> None:
        """Post a group under its centroid terms (a superset over time: old terms stay)."""
        for t in centroid:
            self.postings.setdefault(t, set()).add(gid)

    def candidates(self, vec: dict[str, float]) -> set[str]:
        """Groups sharing one of the article's heaviest terms: the only ones worth scoring.

        Terms posted under very many groups discriminate little and are skipped
        while rarer terms give candidates; this keeps the cost per article flat.
        """
        out: set[str] = set()
        common = []
        for t in _heaviest(vec, _POSTED_TERMS):
            posted = self.postings.get(t)
            if not posted:
                continue
            if len(posted) > _MAX_POSTINGS:
                common.append(posted)
                continue
            out |= posted
        if not out:
            for posted in common[:2]:
                out |= posted
        return out


_POSTED_TERMS = 20  # an article is compared with groups that share one of its heaviest terms
_MAX_POSTINGS = 400


def _heaviest(vec: dict[str, float], k: int) -> list[str]:
    return sorted(vec, key=vec.__getitem__, reverse=True)[:k]


@dataclass
class ClusterResult:
    assignments: dict[str, tuple[str, str]]
    touched: list[tuple[Group, dict[str, float], int]]
    df_increments: dict[str, int]
    explanations: dict[str, dict]


def _gap(d: date | None, g: Group) -> int:
    if d is None or g.first is None:
        return 0
    if d < g.first:
        return (g.first - d).days
    if g.last and d > g.last:
        return (d - g.last).days
    return 0


def _best(vec, pool, d, window, candidates):
    """Best and runner-up groups by decayed cosine among candidate groups active near ``d``."""
    scored = []
    for gid in candidates:
        if gid not in pool:
            continue
        cen, g = pool[gid]
        gap = _gap(d, g)
        if gap > window:
            continue
        sim = cosine(vec, cen) / (1.0 + gap / (2.0 * window))
        if sim > 0:
            scored.append((sim, gid))
    scored.sort(reverse=True)
    return scored[:2]


def _merge(cen: dict[str, float], vec: dict[str, float], n: int, keep: int) -> dict[str, float]:
    out = {t: w * n for t, w in cen.items()}
    for t, w in vec.items():
        out[t] = out.get(t, 0.0) + w
    return normalise(out, keep)


def _extend(g: Group, d: date | None) -> None:
    if d is None:
        return
    g.first = d if g.first is None or d < g.first else g.first
    g.last = d if g.last is None or d > g.last else g.last


def assign_clusters(new: list[Article], state: ClusterState, settings: Settings) -> ClusterResult:
    """Assign each new article to an event and each new event to a story (state updated in place)."""
    s = settings
    df_inc: dict[str, int] = {}
    counts = {a.id: term_counts(a.title, a.text) for a in new}
    for c in counts.values():
        for t in c:
            df_inc[t] = df_inc.get(t, 0) + 1
            state.df[t] = state.df.get(t, 0) + 1
    state.n_docs += len(new)
    assignments: dict[str, tuple[str, str]] = {}
    explanations: dict[str, dict] = {}
    touched: dict[str, str] = {}  # group id -> level
    for a in sorted(new, key=lambda x: (x.published or _FAR, x.id)):
        vec, svec = event_and_story_vectors(counts[a.id], state.df, state.n_docs, s.centroid_terms,
                                            s.story_terms, s.story_idf_power, entity_boost=2.0)
        if a.copy_of and a.copy_of in state.article_event:
            ev, st = state.article_event[a.copy_of]
            explanations[a.id] = {"event": ev, "story": st, "reason": f"copy of {a.copy_of}", "similarity": 1.0}
            _extend(state.events[ev][1], a.published)
            _extend(state.stories[st][1], a.published)
        else:
            top = _best(vec, state.events, a.published, s.event_window_days, state.candidates(vec))
            if top and top[0][0] >= s.event_threshold:
                sim, ev = top[0]
                _join(state, state.events, ev, vec, a.published, s)
                st = state.events[ev][1].parent
                _join(state, state.stories, st, svec, a.published, s)
                reason = "joined event"
            else:
                sim = top[0][0] if top else 0.0
                ev = "e" + a.id[1:]
                g = Group(ev, "event", a.title or a.text[:80], [], a.published, a.published)
                _seed(state, state.events, g, vec)
                stop = _best(svec, state.stories, a.published, s.story_window_days, state.candidates(svec))
                if stop and stop[0][0] >= s.story_threshold:
                    st = stop[0][1]
                    _join(state, state.stories, st, svec, a.published, s)
                else:
                    st = "s" + a.id[1:]
                    _seed(state, state.stories, Group(st, "story", g.title, [], a.published, a.published), svec)
                g.parent = st
                reason = "new event"
            explanations[a.id] = _explain(vec, ev, st, sim, top, state, reason)
        assignments[a.id] = (ev, st)
        state.article_event[a.id] = (ev, st)
        touched[ev], touched[st] = "event", "story"
    groups = []
    for gid, level in touched.items():
        pool = state.events if level == "event" else state.stories
        cen, g = pool[gid]
        groups.append((g, cen, state.sizes.get(gid, 1)))
    return ClusterResult(assignments, groups, df_inc, explanations)


def _join(state: ClusterState, pool, gid: str, vec, d: date | None, s: Settings) -> None:
    cen, g = pool[gid]
    keep = s.centroid_terms if pool is state.events else s.story_terms
    pool[gid] = (_merge(cen, vec, state.sizes.get(gid, 1), keep), g)
    state.sizes[gid] = state.sizes.get(gid, 1) + 1
    state.index(gid, pool[gid][0])
    _extend(g, d)


def _seed(state: ClusterState, pool, g: Group, vec) -> None:
    pool[g.id] = (vec, g)
    state.sizes[g.id] = 1
    state.index(g.id, vec)


def _explain(vec, ev, st, sim, top, state, reason) -> dict:
    """Why here: the similarity and shared terms with the chosen event (or, for a
    new event, with the closest event that it did not join), and the runner-up."""
    runner = [t for t in top if t[1] != ev][:1]
    closest = ev if reason != "new event" or not runner else runner[0][1]
    cen = state.events[closest][0]
    shared = sorted(((vec[t] * cen.get(t, 0.0), t) for t in vec if t in cen), reverse=True)[:8]
    out = {
        "event": ev,
        "story": st,
        "reason": reason,
        "similarity": round(sim, 3),
        "shared_terms": [t.lstrip("@") for _, t in shared],
    }
    if runner:
        out["runner_up"] = {"event": runner[0][1], "similarity": round(runner[0][0], 3)}
    return out
