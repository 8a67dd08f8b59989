"""Read-side view of a desk: stories with their events and articles, shared by digest, report and export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .records import Article, Group
from .store import SQLiteStore


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
