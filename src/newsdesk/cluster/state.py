"""What online clustering knows of the desk: story centroids and postings, event members,
each story's recent articles (for re-clustering), redirects and splits."""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..records import Article, Group
from ..settings import Settings
from ..terms import mentioned_years, term_counts
from .centroids import StoryArrays

_POSTED_TERMS = 20  # an article is compared with stories that share one of its heaviest terms
_MAX_POSTINGS = 400
_MAX_CANDIDATES = 32  # stories scored per article at most (those sharing its heaviest terms)
_DORMANT_TERMS = 20  # a retired story stays findable for revival under this many of its heaviest terms
_STALE = 2  # a story stays posted under terms its centroid has left until they are as many as its terms
_MAX_DORMANT = 8  # dormant stories scored per article at most
UNDATED = -1  # day number of an article without a date (undated articles re-cluster among themselves)


def day(d: date | None) -> int:
    return d.toordinal() if d is not None else UNDATED


@dataclass(slots=True)
class Features:
    """An article's raw term counts and title, held while it is among its story's recent articles."""

    counts: dict[str, float]
    title: str
    years: frozenset[int] = frozenset()  # years its lead names
    year: int = 0  # year of publication (0: undated)
    aid: str = ""  # the article's id
    source: str | None = None  # the article it copies text from (a copy clustered on its own words)
    ids: object = None  # numpy arrays (term ids, 1 + log tf, feature group), made on first use
    ltf: object = None
    grp: object = None


def headline(a: Article, title_line: int) -> tuple[str | None, str]:
    """(title, body) as clustering reads an article: an untitled article whose first line is at most
    ``title_line`` characters and is followed by more text reads that line as its headline (a text
    dump's first line is its headline or its lead sentence: either says what the article reports)."""
    if a.title or title_line <= 0:
        return a.title, a.text
    first, _, rest = a.text.partition("\n")
    first = first.strip()
    if not first or len(first) > title_line or not rest.strip():
        return a.title, a.text
    return first, rest


def article_features(a: Article, s: Settings) -> Features:
    """What clustering reads of an article: the lead's term counts (``cluster_lead_chars``, the
    headline as ``headline`` finds it), the years the lead names, and its year, id and source."""
    title, text = headline(a, s.cluster_title_line_chars)
    head = ((title + "\n") if title else "") + text[:s.cluster_lead_chars]
    return Features(term_counts(title, text, s.cluster_lead_chars), a.title or a.text[:80], mentioned_years(head),
                    a.published.year if a.published else 0, a.id, a.copy_of)


@dataclass
class ClusterState:
    """Loaded by the pipeline from the store (or empty), updated in place by assignment.

    ``load`` (optional) returns the features of stored articles by id: the pipeline passes
    one that reads them from the store, so a resumed build re-clusters exactly as a clean one.
    Features are held only for each story's ``keep`` most recent articles.
    """

    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    events: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    stories: dict[str, tuple[dict[str, float], Group]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    article_event: dict[str, tuple[str, str]] = field(default_factory=dict)
    article_day: dict[str, int] = field(default_factory=dict)
    copies: dict[str, list[str]] = field(default_factory=dict)  # original -> its copies (they follow it)
    copy_of: dict[str, str] = field(default_factory=dict)
    event_members: dict[str, set[str]] = field(default_factory=dict)
    story_members: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # sorted (day, id), no copies
    postings: dict[str, set[str]] = field(default_factory=dict)  # term -> stories whose centroid has it
    posted: dict[str, set[str]] = field(default_factory=dict)  # story -> terms it is posted under
    retired: dict[str, set[str]] = field(default_factory=dict)  # term -> retired stories (for late articles)
    retired_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # retired story -> its terms
    dormant: dict[str, set[str]] = field(default_factory=dict)  # term -> retired stories posted under it (revival)
    dormant_terms: dict[str, list[str]] = field(default_factory=dict)  # retired story -> its heaviest terms
    latest: date | None = None  # newest publication date placed so far
    redirects: dict[str, str] = field(default_factory=dict)  # merged id -> survivor
    features: dict[str, Features] = field(default_factory=dict)
    load: Callable[[list[str]], dict[str, Features]] | None = None
    keep: int = 400
    vocab: dict[str, int] = field(default_factory=dict)  # term -> id, for the arrays of Features
    terms: list[str] = field(default_factory=list)
    arrays: StoryArrays = field(default_factory=StoryArrays)  # active story centroids as arrays, for scoring
    split_parts: dict = field(default_factory=dict)  # (settings, article ids) -> parts of a large event (recluster)

    def index(self, gid: str, centroid: dict[str, float]) -> None:
        """Post a story under its centroid terms (a superset over time: terms its centroid has left
        stay until they are as many as those it holds, then go); a retired story that an article
        has joined is posted again."""
        for t in self.retired_terms.pop(gid, ()):
            self._unpost(self.retired, t, gid)
        for t in self.dormant_terms.pop(gid, ()):
            self._unpost(self.dormant, t, gid)
        posted = self.posted.setdefault(gid, set())
        new = centroid.keys() - posted
        if new:
            posted |= new
            postings = self.postings
            for t in new:
                postings.setdefault(t, set()).add(gid)
            if len(posted) > _STALE * len(centroid):  # a moving centroid: drop the terms it has left
                stale = posted - centroid.keys()
                posted -= stale
                for t in stale:
                    self._unpost(postings, t, gid)

    @staticmethod
    def _unpost(postings: dict[str, set[str]], t: str, gid: str) -> None:
        posted = postings.get(t)
        if posted is not None:
            posted.discard(gid)
            if not posted:
                del postings[t]

    def retire(self, gid: str) -> None:
        """Take a story out of the postings (it has been inactive for longer than the window:
        articles of the present cannot join it, so the cost per article stays flat as the desk
        grows); it stays findable by late articles (undated, or dated before the window) through
        ``retired``, and by articles that may re-open it through ``dormant`` (its heaviest terms);
        its articles' features are dropped (memory grows with the active stories only)."""
        for _, aid in self.story_members.get(gid, ())[-self.keep :]:
            self.features.pop(aid, None)
        self.arrays.drop(gid)
        terms = self.posted.pop(gid, set())
        for t in terms:
            self._unpost(self.postings, t, gid)
            self.retired.setdefault(t, set()).add(gid)
        if terms:
            old = self.retired_terms.get(gid)
            self.retired_terms[gid] = tuple(terms.union(old) if old else terms)  # a tuple: a quarter of a set
        if gid in self.stories and gid not in self.dormant_terms:
            cen = self.stories[gid][0]
            top = heapq.nlargest(_DORMANT_TERMS, cen, key=cen.__getitem__)
            self.dormant_terms[gid] = top
            for t in top:
                self.dormant.setdefault(t, set()).add(gid)

    def forget(self, gid: str) -> None:
        """Drop a story from every posting (it was merged into another)."""
        self.retire(gid)
        for t in self.retired_terms.pop(gid, ()):
            self._unpost(self.retired, t, gid)
        for t in self.dormant_terms.pop(gid, ()):
            self._unpost(self.dormant, t, gid)

    def add_story(self, g: Group, centroid: dict[str, float], size: int = 1) -> None:
        self.stories[g.id] = (centroid, g)
        self.sizes[g.id] = size
        self.index(g.id, centroid)
        self.story_members.setdefault(g.id, [])

    def add_event(self, g: Group, centroid: dict[str, float], size: int = 0) -> None:
        self.events[g.id] = (centroid, g)
        self.sizes[g.id] = size
        self.event_members.setdefault(g.id, set())

    def place(self, aid: str, ev: str, st: str, d: int, copy_of: str | None = None) -> None:
        """Record an article as a member of ``ev`` in ``st`` (loading or assigning)."""
        self.article_event[aid] = (ev, st)
        self.article_day[aid] = d
        if ev:
            self.event_members.setdefault(ev, set()).add(aid)
        if copy_of:
            self.copy_of[aid] = copy_of
            self.copies.setdefault(copy_of, []).append(aid)
        else:
            members = self.story_members.setdefault(st, [])
            bisect.insort(members, (d, aid))
            self._forget(members)

    def _forget(self, members: list[tuple[int, str]]) -> None:
        """The features of the article that has just ceased to be among its story's ``keep``
        most recent are dropped (re-read through ``load`` if ever needed again)."""
        if len(members) > self.keep:
            self.features.pop(members[-self.keep - 1][1], None)

    def feature(self, aids: list[str]) -> dict[str, Features]:
        missing = [a for a in aids if a not in self.features]
        if missing and self.load is not None:
            self.features.update(self.load(missing))
        return {a: self.features[a] for a in aids if a in self.features}

    def window(self, sid: str, d: int, days: int, cap: int, include: str | None = None) -> list[str]:
        """The story's articles within ``days`` of day ``d``, and its undated articles (an article
        without a date may belong with any of them), at most ``cap``: dated ones nearest first,
        then undated ones (ties: by id); an undated ``d`` takes the story's undated articles and
        its latest dated ones. Returned in (day, id) order; ``include`` (the article being placed)
        is always among them."""
        members = self.story_members.get(sid, [])
        undated = bisect.bisect_right(members, (UNDATED, "\uffff"))
        if d == UNDATED:
            near = members
            key = lambda m: (m[1] != include, m[0] != UNDATED, -m[0], m[1])  # noqa: E731
        else:
            lo = bisect.bisect_left(members, (d - days, ""))
            hi = bisect.bisect_right(members, (d + days, "\uffff"))
            near = members[:undated] + members[max(lo, undated):hi]
            key = lambda m: (m[1] != include, m[0] == UNDATED, abs(m[0] - d), m[1])  # noqa: E731
        if len(near) > cap:
            near = sorted(heapq.nsmallest(cap, near, key=key))
        return [aid for _, aid in near]

    def resolve(self, gid: str) -> str:
        """Follow redirects from a merged id to its survivor."""
        while gid in self.redirects:
            gid = self.redirects[gid]
        return gid

    def candidates(self, vec: dict[str, float], late: bool = False) -> set[str]:
        """Stories sharing one of the article's heaviest terms: the only ones worth scoring.

        Terms posted under very many stories discriminate little and are skipped
        while rarer terms give candidates; of these, the ``_MAX_CANDIDATES`` whose shared
        terms weigh most in the article are kept. This keeps the cost per article flat
        however many stories are active. A ``late`` article (undated, or dated before the
        present window) also looks among the retired stories.
        """
        score: dict[str, float] = {}
        get = score.get
        common = []
        for t in sorted(vec, key=vec.__getitem__, reverse=True)[:_POSTED_TERMS]:  # = heapq.nlargest, faster
            posted = self.postings.get(t)
            if late and t in self.retired:
                posted = self.retired[t] | posted if posted else self.retired[t]
            if not posted:
                continue
            if len(posted) > _MAX_POSTINGS:
                common.append((t, posted))
                continue
            w = vec[t]
            if not score:
                score = dict.fromkeys(posted, w)  # = 0.0 + w
                get = score.get
                continue
            for g in posted:
                score[g] = get(g, 0.0) + w
        if not score:
            for t, posted in common[:2]:
                for g in posted:
                    score[g] = score.get(g, 0.0) + vec[t]
        if len(score) <= _MAX_CANDIDATES:
            return set(score)
        return {g for _, g in sorted(zip(score.values(), score), reverse=True)[:_MAX_CANDIDATES]}  # by (score, id)

    def dormant_candidates(self, vec: dict[str, float]) -> list[str]:
        """Retired stories whose heaviest terms include one of the article's heaviest: the ones it
        might re-open (at most ``_MAX_DORMANT``, those whose shared terms weigh most in it). Each
        retired story is posted under ``_DORMANT_TERMS`` terms, so memory follows the stories and a
        lookup reads a few short postings."""
        score: dict[str, float] = {}
        for t in sorted(vec, key=vec.__getitem__, reverse=True)[:_POSTED_TERMS]:
            posted = self.dormant.get(t)
            if not posted or len(posted) > _MAX_POSTINGS:
                continue
            for g in posted:
                score[g] = score.get(g, 0.0) + vec[t]
        return [g for _, g in sorted(zip(score.values(), score), reverse=True)[:_MAX_DORMANT]]

    def fresh_id(self, prefix: str, seed: str) -> str:
        """An id for a new group from its seed article's id, never one in use or redirected."""
        base = prefix + seed[1:]
        gid, n = base, 1
        while gid in self.events or gid in self.stories or gid in self.redirects:
            n += 1
            gid = f"{base}-{n}"
        return gid
