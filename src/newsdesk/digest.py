"""Terminal digest of a desk: stories, their events, outlets and copies."""

from __future__ import annotations

from rich.console import Console
from rich.tree import Tree
from rich.markup import escape

from .store import SQLiteStore
from .views import desk_view
from .wording import counted


def print_digest(store: SQLiteStore, console: Console, stories: int = 10, articles: int = 3) -> None:
    """Print the largest stories with their events and a few articles each."""
    views = desk_view(store)
    console.print(f"[bold]{counted(sum(len(s.articles) for s in views), 'article')}, "
                  f"{counted(len(views), 'story', 'stories')}[/bold]")
    for s in views[:stories]:
        g = s.group
        tree = Tree(
            f"[bold]{escape(g.title)}[/bold]  [dim]{g.first or 'undated'} .. {g.last or 'undated'} · "
            f"{counted(len(s.articles), 'article')} · {counted(len(s.independent_outlets), 'independent outlet')} · "
            f"{g.id}[/dim]"
        )
        for e in s.events:
            eg = e.group
            node = tree.add(
                f"{escape(eg.title)}  [dim]{eg.first or 'undated'} · {counted(len(e.articles), 'article')} · "
                f"{counted(len(e.independent_outlets), 'outlet')} · {counted(e.copies, 'copy', 'copies', 'no copies')} · "
                f"{eg.id}[/dim]"
            )
            for a in e.articles[:articles]:
                mark = f" [yellow]({a.copy_kind} copy)[/yellow]" if a.copy_of else ""
                node.add(f"[dim]{a.published or '—'}[/dim] {escape(a.outlet or '?')}: {escape(a.title or a.text[:70])}{mark}")
            if len(e.articles) > articles:
                node.add(f"[dim]… {len(e.articles) - articles} more[/dim]")
        console.print(tree)
    if len(views) > stories:
        console.print(f"[dim]… {len(views) - stories} more stories (use --stories)[/dim]")
