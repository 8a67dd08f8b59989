"""Why an article went where it did, and what to call events and stories."""

from __future__ import annotations

from datetime import date

import numpy as np

from ..settings import Settings
from .recluster import Outcome
from .state import ClusterState


def _shared(out: Outcome, state: ClusterState, i: int, others: list[int]) -> dict[str, list[str]]:
    """The terms, names and numbers that weigh most in the similarity of article ``i`` with ``others``."""
    found: dict[str, list[str]] = {"": [], "@": [], "#": []}
    if others:
        prod = out.x[i] * out.x[others].mean(axis=0)
        nz = np.flatnonzero(prod > 0)
        for k in nz[np.argsort(-prod[nz], kind="stable")]:
            t = state.terms[out.cols[k]]
            g = t[0] if t[0] in "@#" else ""
            if len(found[g]) < {"": 8, "@": 6, "#": 4}[g]:
                found[g].append(t.lstrip("@#"))
    return {"shared_terms": found[""], "shared_names": found["@"], "shared_numbers": found["#"]}


def explain_event(out: Outcome, i: int, state: ClusterState, s: Settings, reason: str | None) -> dict:
    """The mean similarity with the other articles of its event and what they share; the
    runner-up event of the story's window and why the article is not in it."""
    c = next(k for k, m in enumerate(out.clusters) if i in m)
    own = [j for j in out.clusters[c] if j != i]
    sim = float(out.sim[i, own].mean()) if own else 0.0
    ev = out.events[c]
    detail = {
        "event": ev,
        "story": state.article_event[out.ids[i]][1],
        "reason": reason or ("joined event" if own else "new event"),
        "similarity": round(sim, 3),
        "threshold": s.event_threshold,
        "event_articles": len(out.clusters[c]),
        **_shared(out, state, i, own),
    }
    others = [(float(out.sim[i, m].mean()), k) for k, m in enumerate(out.clusters) if k != c]
    if others:
        r_sim, k = max(others)
        if r_sim > sim:
            why = (f"taken together, its articles and this event's are below the threshold {s.event_threshold} "
                   "(average linkage)")
        elif own:
            why = "less similar than the chosen event"
        else:
            why = f"similarity below the threshold {s.event_threshold}"
        detail["runner_up"] = {"event": out.events[k], "similarity": round(r_sim, 3), "why_not": why,
                               "shared_terms": _shared(out, state, i, out.clusters[k])["shared_terms"][:5]}
    return detail


def _common(vec: dict[str, float], cen: dict[str, float], prefix: str, k: int) -> list[str]:
    both = sorted(((vec[t] * cen[t], t) for t in vec if t in cen and (t[0] == prefix if prefix else t[0] not in "@#")),
                  reverse=True)
    return [t.lstrip("@#") for _, t in both[:k]]


def explain_join(vec, ev: str, st: str, sim: float, scored, reason: str, state: ClusterState, s: Settings) -> dict:
    """An article placed between re-clusterings: its similarity with the chosen event's centroid
    (for a new event: with the closest event it did not join) and the runner-up."""
    runner = [t for t in scored if t[1] != ev][:1]
    closest = runner[0][1] if reason == "new event" and runner else ev
    cen = state.events[closest][0]
    detail = {"event": ev, "story": st, "reason": reason, "similarity": round(sim, 3),
              "threshold": s.event_join_threshold, "shared_terms": _common(vec, cen, "", 8),
              "shared_names": _common(vec, cen, "@", 6), "shared_numbers": _common(vec, cen, "#", 4)}
    if runner:
        r_sim, r_ev = runner[0]
        why = ("less similar than the chosen event" if reason == "joined event"
               else f"similarity below the threshold {s.event_join_threshold}")
        detail["runner_up"] = {"event": r_ev, "similarity": round(r_sim, 3), "why_not": why,
                               "shared_terms": _common(vec, state.events[r_ev][0], "", 5)}
    return detail


def explain_story(stop: list[tuple[float, str]], st: str, s: Settings) -> dict:
    """Similarity with the story joined (or the closest, for a new story) and the runner-up."""
    joined = bool(stop) and stop[0][1] == st
    detail = {"story_similarity": round(stop[0][0], 3) if stop else 0.0,
              "story_reason": "joined story" if joined else "new story",
              "story_threshold": s.story_threshold}
    runner = stop[1:2] if joined else stop[:1]
    if runner:
        detail["story_runner_up"] = {"story": runner[0][1], "similarity": round(runner[0][0], 3),
                                     "why_not": ("less similar than the chosen story" if joined
                                                 else f"similarity below the threshold {s.story_threshold}")}
    return detail


def story_title(state: ClusterState, sid: str) -> str:
    """A story is called by the title of its largest event (ties: the earliest)."""
    events = {state.article_event[a][0] for _, a in state.story_members.get(sid, [])} & state.events.keys()
    if not events:
        return state.stories[sid][1].title
    best = min(events, key=lambda e: (-state.sizes.get(e, 1), state.events[e][1].first or date.max, e))
    return state.events[best][1].title
