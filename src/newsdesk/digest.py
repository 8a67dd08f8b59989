"""Terminal digest of a desk: stories, their events, outlets and copies."""

from __future__ import annotations

from rich.console import Console
from rich.tree import Tree
from rich.markup import escape

from .store import SQLiteStore
from .views import desk_view


def print_digest(store: SQLiteStore, console: Console, stories: int = 10, articles: int = 3) -> None:
    """Print the largest stories with their events and a few articles each."""
    views = desk_view(store)
    console.print(f"[bold]{sum(len(s.articles) for s in views)} articles, {len(views)} stories[/bold]")
    for s in views[:stories]:
        g = s.group
        tree = Tree(
            f"[bold]{escape(g.title)}[/bold]  [dim]{g.first or 'undated'} .. {g.last or 'undated'} · "
            f"{len(s.articles)} articles · {len(s.independent_outlets)} independent outlets · {g.id}[/dim]"
        )
        for e in s.events:
            eg = e.group
            node = tree.add(
                f"{escape(eg.title)}  [dim]{eg.first or 'undated'} · {len(e.articles)} articles · "
                f"{len(e.independent_outlets)} outlets · {e.copies} copies · {eg.id}[/dim]"
            )
            for a in e.articles[:articles]:
                mark = f" [yellow]({a.copy_kind} copy)[/yellow]" if a.copy_of else ""
                node.add(f"[dim]{a.published or '—'}[/dim] {escape(a.outlet or '?')}: {escape(a.title or a.text[:70])}{mark}")
            if len(e.articles) > articles:
                node.add(f"[dim]… {len(e.articles) - articles} more[/dim]")
        console.print(tree)
    if len(views) > stories:
        console.print(f"[dim]… {len(views) - stories} more stories (use --stories)[/dim]")
