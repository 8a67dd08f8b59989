"""What online clustering knows of the desk: centroids, postings, per-story term counts, redirects."""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from ..records import Group
from ..terms import regroup

_POSTED_TERMS = 20  # an article is compared with groups that share one of its heaviest terms
_MAX_POSTINGS = 400
_STORY_DF_CAP = 4000  # terms counted per story and per event (bounds memory by groups, not articles)
_EVENT_DF_CAP = 600


@dataclass
class ClusterState:
    """Loaded by the pipeline from the store (or empty), updated in place by assignment."""

    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    events: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    stories: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    article_event: dict[str, tuple[str, str]] = field(default_factory=dict)  # for copies' originals
    postings: dict[str, set[str]] = field(default_factory=dict)  # term -> groups whose centroid has it
    story_df: dict[str, dict[str, int]] = field(default_factory=dict)  # story -> term -> articles
    story_n: dict[str, int] = field(default_factory=dict)
    story_events: dict[str, set[str]] = field(default_factory=dict)
    event_df: dict[str, dict[str, int]] = field(default_factory=dict)  # event -> term -> articles
    redirects: dict[str, str] = field(default_factory=dict)  # merged id -> survivor
    sizes_own: dict[str, int] = field(default_factory=dict)  # event -> articles counted in event_df

    def index(self, gid: str, centroid: dict[str, float]) -> None:
        """Post a group under its centroid terms (a superset over time: old terms stay)."""
        for t in centroid:
            self.postings.setdefault(t, set()).add(gid)

    def add_event(self, g: Group, centroid: dict[str, float], size: int = 1) -> None:
        self.events[g.id] = (centroid, g)
        self.sizes[g.id] = size
        self.index(g.id, centroid)
        if g.parent:
            self.story_events.setdefault(g.parent, set()).add(g.id)

    def add_story(self, g: Group, centroid: dict[str, float], size: int = 1,
                  df: dict[str, int] | None = None, n: int = 0) -> None:
        self.stories[g.id] = (centroid, g)
        self.sizes[g.id] = size
        self.index(g.id, centroid)
        self.story_df[g.id] = dict(df or {})
        self.story_n[g.id] = n
        self.story_events.setdefault(g.id, set())

    def resolve(self, gid: str) -> str:
        """Follow redirects from a merged id to its survivor."""
        while gid in self.redirects:
            gid = self.redirects[gid]
        return gid

    def candidates(self, vec: dict[str, float]) -> set[str]:
        """Groups sharing one of the article's heaviest terms: the only ones worth scoring.

        Terms posted under very many groups discriminate little and are skipped
        while rarer terms give candidates; this keeps the cost per article flat.
        """
        out: set[str] = set()
        common = []
        for t in heapq.nlargest(_POSTED_TERMS, vec, key=vec.__getitem__):
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

    def count_in_story(self, sid: str, eid: str, terms) -> None:
        """Count an article's terms in its story and its event (both capped: rarest go first)."""
        for df, gid, cap in ((self.story_df, sid, _STORY_DF_CAP), (self.event_df, eid, _EVENT_DF_CAP)):
            d = df.setdefault(gid, {})
            for t in terms:
                d[t] = d.get(t, 0) + 1
            if len(d) > cap:
                df[gid] = dict(heapq.nlargest(cap // 2, d.items(), key=lambda kv: kv[1]))
        self.story_n[sid] = self.story_n.get(sid, 0) + 1

    def localised(self, vec: dict[str, float], eid: str, weights: dict[str, float],
                  smooth: float) -> dict[str, float]:
        """``vec`` re-weighted by an idf over the event's sibling events (the other articles
        of its story): within a story about earthquakes, "quake" says nothing about which
        one an article reports, the place and magnitude say much. With no siblings every
        term keeps its weight."""
        sid = self.events[eid][1].parent
        sdf = self.story_df.get(sid, {})
        edf = self.event_df.get(eid, {})
        m = self.story_n.get(sid, 0) - self.sizes_own.get(eid, 0)
        if m <= 0:
            return vec
        log = math.log
        out = {t: v * log((m + smooth) / (max(0, sdf.get(t, 0) - edf.get(t, 0)) + smooth - 1.0)) for t, v in vec.items()}
        return regroup(out, weights)
