"""Why an article went where it did, and what to call events and stories."""

from __future__ import annotations

from datetime import date

from ..settings import Settings
from .state import ClusterState


def _shared(vec: dict[str, float], cen: dict[str, float], prefix: str, k: int) -> list[str]:
    both = sorted(((vec[t] * cen[t], t) for t in vec if t in cen and (t[0] == prefix if prefix else t[0] not in "@#")),
                  reverse=True)
    return [t.lstrip("@#") for _, t in both[:k]]


def explain(vec, ev: str, st: str, sim: float, top, stop, state: ClusterState, reason: str, s: Settings) -> dict:
    """The similarity and the shared terms, names and numbers with the chosen event (for a new
    event: with the closest event it did not join, and why not), and the runner-up and why not."""
    runner = [t for t in top if t[1] != ev][:1]
    closest = ev if reason != "new event" or not runner else runner[0][1]
    cen = state.events[closest][0]
    out = {
        "event": ev,
        "story": st,
        "reason": reason,
        "similarity": round(sim, 3),
        "threshold": s.event_threshold,
        "shared_terms": _shared(vec, cen, "", 8),
        "shared_names": _shared(vec, cen, "@", 6),
        "shared_numbers": _shared(vec, cen, "#", 4),
    }
    if runner:
        r_sim, r_ev = runner[0]
        why = ("less similar than the chosen event" if reason == "joined event"
               else f"similarity below the threshold {s.event_threshold}")
        out["runner_up"] = {"event": r_ev, "similarity": round(r_sim, 3), "why_not": why,
                            "shared_terms": _shared(vec, state.events[r_ev][0], "", 5)}
    if reason == "new event":
        out["story_similarity"] = round(stop[0][0], 3) if stop else 0.0
        out["story_reason"] = ("joined story" if stop and stop[0][1] == st else "new story")
    return out


def story_title(state: ClusterState, sid: str) -> str:
    """A story is called by the title of its largest event (ties: the earliest)."""
    events = state.story_events.get(sid) or set()
    if not events:
        return state.stories[sid][1].title
    best = min(events, key=lambda e: (-state.sizes.get(e, 1), state.events[e][1].first or date.max, e))
    return state.events[best][1].title

