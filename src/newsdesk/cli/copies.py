"""Copies and where an article comes from."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from .common import DB, app, console, fail, open_desk


@app.command()
def copies(db: Path = DB) -> None:
    """List copies with their likely original."""
    store = open_desk(db)
    table = Table("kind", "score", "copy", "original")
    for link in store.copy_links():
        c, o = store.article(link.copy), store.article(link.original)
        table.add_row(link.kind, f"{link.score:.2f}", escape(f"{c.outlet}: {c.title}"), escape(f"{o.outlet}: {o.title}"))
    console.print(table)


@app.command()
def provenance(article: str, db: Path = DB, sentences: int = typer.Option(6, help="Aligned sentence pairs shown.")) -> None:
    """Where an article comes from and who copied it, with the aligned sentences side by side."""
    store = open_desk(db)
    a = store.article(article)
    if a is None:
        fail(f"no article {article} in {db}")
    links = store.copy_links(revisions=True)
    up = {link.copy: link for link in links if link.kind != "revision"}
    chain, cur = [], a.id
    while cur in up and len(chain) < 20:
        chain.append(up[cur])
        cur = up[cur].original
    label = lambda x: f"{x.published or 'undated'} {x.outlet or '?'}: {x.title or x.text[:60]} ({x.id})"  # noqa: E731
    console.print(f"[bold]{escape(label(a))}[/bold]")
    if not chain:
        console.print("an original: not a copy of any article in the desk")
    for link in chain:
        o = store.article(link.original)
        console.print(f"  is a [yellow]{link.kind}[/yellow] copy (score {link.score:.2f}) of {escape(label(o))}")
    if chain:
        table = Table("this article", "its original", "similarity", show_lines=True)
        for row in chain[0].evidence[:sentences]:
            table.add_row(escape(row[0]), escape(row[1]), f"{row[2]:.2f}" if len(row) > 2 else "")
        console.print(table)
    below = [link for link in links if link.original == a.id]
    for link in below:
        c = store.article(link.copy)
        console.print(f"  copied as [yellow]{link.kind}[/yellow] by {escape(label(c))}")


