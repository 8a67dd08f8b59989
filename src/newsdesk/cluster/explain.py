"""Why an article went where it did, and what to call events and stories."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np

from ..settings import Settings
from ..terms import group_of
from .recluster import Outcome
from .state import ClusterState


_SHOWN = {"": 8, "@": 6, "#": 4}  # terms, names and numbers shown per explanation


def _pick(ordered: Iterable[str], shown: dict[str, int]) -> dict[str, list[str]]:
    """The first ``shown[group]`` terms of each group (words "", names "@", numbers "#") of ``ordered``,
    heaviest first, without their prefix."""
    found: dict[str, list[str]] = {"": [], "@": [], "#": []}
    left = sum(shown.values())
    for t in ordered:
        g = group_of(t)
        if len(found[g]) < shown[g]:
            found[g].append(t.lstrip("@#"))
            left -= 1
            if not left:  # every list is full
                break
    return found


def _shared(out: Outcome, state: ClusterState, prod: np.ndarray, shown: dict[str, int] = _SHOWN) -> dict[str, list[str]]:
    """The terms, names and numbers that weigh most in a similarity (``prod``: its terms' parts),
    at most ``shown`` of each."""
    nz = np.flatnonzero(prod > 0)
    terms = state.terms
    found = _pick((terms[c] for c in out.cols[nz[(-prod[nz]).argsort(kind="stable")]].tolist()), shown)
    return {"shared_terms": found[""], "shared_names": found["@"], "shared_numbers": found["#"]}


def explain_events(out: Outcome, which: dict[int, str | None], state: ClusterState, s: Settings) -> dict[str, dict]:
    """For each article (row index -> reason, None: joined or new): the mean similarity with the
    other articles of its event and what they share; the runner-up event of the story's window
    (highest mean similarity) and why the article is not in it."""
    size = np.array([len(m) for m in out.clusters], dtype=float)
    member = np.zeros((len(out.ids), len(out.clusters)))
    for c, m in enumerate(out.clusters):
        member[m, c] = 1.0
    to_cluster = out.sim @ member  # summed similarity of each article with each cluster
    sums = member.T @ out.x
    which_cluster = member.argmax(axis=1).tolist()
    t = s.event_threshold
    found = {}
    for i, reason in which.items():
        c = int(which_cluster[i])
        n_own = size[c] - 1
        sim = float((to_cluster[i, c] - out.sim[i, i]) / n_own) if n_own else 0.0
        detail = {"event": out.events[c], "story": state.article_event[out.ids[i]][1],
                  "reason": reason or ("joined event" if n_own else "new event"), "similarity": round(sim, 3),
                  "threshold": t, "event_articles": int(size[c]),
                  **_shared(out, state, out.x[i] * (sums[c] - out.x[i]) / max(n_own, 1.0))}
        mean = to_cluster[i] / size
        mean[c] = -np.inf
        if len(size) > 1:
            k = int(mean.argmax())
            r_sim = float(mean[k])
            if not n_own:
                why = f"similarity below the threshold {t}"
            elif r_sim > sim:
                why = f"taken together, its articles and this event's are below the threshold {t} (average linkage)"
            else:
                why = "less similar than the chosen event"
            detail["runner_up"] = {"event": out.events[k], "similarity": round(r_sim, 3), "why_not": why,
                                   "shared_terms": _shared(out, state, out.x[i] * sums[k] / size[k],
                                                                   {"": 5, "@": 0, "#": 0})["shared_terms"]}
        found[out.ids[i]] = detail
    return found


def _common(vec: dict[str, float], cen: dict[str, float], shown: dict[str, int] = _SHOWN) -> dict[str, list[str]]:
    """The terms, names and numbers (at most ``shown`` of each) that weigh most in ``vec . cen``."""
    return _pick((t for _, t in sorted(((w * cen[t], t) for t, w in vec.items() if t in cen), reverse=True)), shown)


def explain_join(vec, ev: str, st: str, sim: float, scored, reason: str, state: ClusterState, s: Settings) -> dict:
    """An article that joined an event between re-clusterings: its similarity with the event's
    centroid, the terms, names and numbers they share, and the runner-up."""
    shared = _common(vec, state.events[ev][0])
    detail = {"event": ev, "story": st, "reason": reason, "similarity": round(sim, 3),
              "threshold": s.event_join_threshold, "shared_terms": shared[""],
              "shared_names": shared["@"], "shared_numbers": shared["#"]}
    runner = [t for t in scored if t[1] != ev][:1]
    if runner:
        r_sim, r_ev = runner[0]
        detail["runner_up"] = {"event": r_ev, "similarity": round(r_sim, 3),
                               "why_not": "less similar than the chosen event",
                               "shared_terms": _common(vec, state.events[r_ev][0], {"": 5, "@": 0, "#": 0})[""]}
    return detail


def explain_story(stop: list[tuple[float, str]], st: str, s: Settings, source: str | None = None,
                  source_similarity: float = 0.0, revived: bool = False) -> dict:
    """Similarity with the story joined (or the closest, for a new story) and the runner-up.
    ``source``: the article whose text a copy clustered on its own words reuses (its story was
    joined, at ``source_similarity``); ``revived``: the story joined was re-opened after a quiet
    spell (it is ``stop``'s first)."""
    joined = bool(stop) and stop[0][1] == st
    similarity, threshold = (stop[0][0] if stop else 0.0), s.story_threshold
    if source:
        reason, similarity = f"joined story: that of {source}, whose text it reuses", source_similarity
    elif revived:
        reason = f"joined story: re-opened after more than {s.story_window_days} quiet days"
        threshold = s.story_revive_threshold
    elif joined:
        reason = "joined story" if stop[0][0] >= s.story_threshold else "joined story: names agree below the threshold"
    else:
        reason = "new story"
    detail = {"story_similarity": round(similarity, 3), "story_reason": reason, "story_threshold": threshold}
    if source:
        detail["story_source"] = source
    runner = stop[1:2] if joined else stop[:1]
    if runner:
        why_not = ("less similar than the chosen story" if joined
                   else "not the story of the article whose text it reuses" if source
                   else f"similarity below the threshold {s.story_threshold}")
        detail["story_runner_up"] = {"story": runner[0][1], "similarity": round(runner[0][0], 3), "why_not": why_not}
    return detail


def story_title(state: ClusterState, sid: str) -> str:
    """A story is called by the title of its largest event (ties: the earliest)."""
    events = {state.article_event[a][0] for _, a in state.story_members.get(sid, [])} & state.events.keys()
    if not events:
        return state.stories[sid][1].title
    best = min(events, key=lambda e: (-state.sizes.get(e, 1), state.events[e][1].first or date.max, e))
    return state.events[best][1].title
