"""The desk as stories with their events and articles (``desk_view``), and who copies whom
(``provenance_trees``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..records import Article, Group
from ..store import SQLiteStore


@dataclass
class EventView:
    group: Group
    articles: list[Article]

    @property
    def outlets(self) -> list[str]:
        return sorted({a.outlet for a in self.articles if a.outlet})

    @property
    def independent_outlets(self) -> list[str]:
        """Outlets with at least one article that is not a copy: reprints are not corroboration."""
        return sorted({a.outlet for a in self.articles if a.outlet and not a.copy_of})

    @property
    def copies(self) -> int:
        return sum(1 for a in self.articles if a.copy_of)


@dataclass
class StoryView:
    group: Group
    events: list[EventView] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a for e in self.events for a in e.articles]

    @property
    def independent_outlets(self) -> list[str]:
        return sorted({o for e in self.events for o in e.independent_outlets})

    @property
    def outlets(self) -> list[str]:
        return sorted({o for e in self.events for o in e.outlets})


def _key(d: date | None) -> date:
    return d or date.max


def desk_view(store: SQLiteStore) -> list[StoryView]:
    """All stories, largest first, each with its events in date order and their articles."""
    by_event: dict[str, list[Article]] = {}
    for a in store.articles(order="published IS NULL, published, seq"):
        if a.event:
            by_event.setdefault(a.event, []).append(a)
    stories = {g.id: StoryView(g) for g in store.groups("story")}
    for g in store.groups("event"):
        if g.parent in stories and g.id in by_event:
            g.articles = [a.id for a in by_event[g.id]]
            stories[g.parent].events.append(EventView(g, by_event[g.id]))
    out = [s for s in stories.values() if s.events]
    for s in out:
        s.events.sort(key=lambda e: (_key(e.group.first), e.group.id))
        s.group.articles = [a.id for a in s.articles]
    out.sort(key=lambda s: (-len(s.articles), _key(s.group.first), s.group.id))
    return out


@dataclass
class ProvenanceNode:
    """An article and the copies made of it (a provenance tree)."""

    article: Article
    kind: str | None = None  # how this article copies its parent
    score: float | None = None
    children: list["ProvenanceNode"] = field(default_factory=list)

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children)


def provenance_trees(store: SQLiteStore, article_ids: set[str] | None = None) -> list[ProvenanceNode]:
    """Trees of copies, one per original that has copies (restricted to ``article_ids`` if given)."""
    links = store.copy_links()
    children: dict[str, list] = {}
    for link in links:
        children.setdefault(link.original, []).append(link)
    copies = {link.copy for link in links}
    cache: dict[str, Article | None] = {}

    def get(aid: str) -> Article | None:
        if aid not in cache:
            cache[aid] = store.article(aid)
        return cache[aid]

    def grow(aid: str, kind=None, score=None, depth=0) -> ProvenanceNode | None:
        a = get(aid)
        if a is None:
            return None
        node = ProvenanceNode(a, kind, score)
        if depth < 20:
            for link in sorted(children.get(aid, []), key=lambda x: x.copy):
                child = grow(link.copy, link.kind, link.score, depth + 1)
                if child is not None:
                    node.children.append(child)
        return node

    roots = [o for o in children if o not in copies]
    trees = [t for t in (grow(o) for o in sorted(roots)) if t is not None]
    if article_ids is not None:
        trees = [t for t in trees if t.article.id in article_ids]
    trees.sort(key=lambda t: (-t.size(), _key(t.article.published), t.article.id))
    return trees
