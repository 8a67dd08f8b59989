"""Facts: quotes by speaker, figures by kind, the figure ledger."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from .common import DB, app, console, fail, open_desk


def _where(*conditions: tuple[str, Optional[str]]) -> tuple[str, tuple]:
    """An SQL condition and its parameters from the (clause, value) pairs whose value is given."""
    given = [(clause, value) for clause, value in conditions if value]
    return " AND ".join(["1", *(c for c, _ in given)]), tuple(v for _, v in given)


def _counts(label: str, counts: list[tuple[str, int]], limit: int) -> None:
    """The overview a command shows without filters: each name with its count."""
    table = Table(label, "count")
    for name, n in counts[:limit]:
        table.add_row(escape(name), str(n))
    console.print(table)


def _jsonl(rows) -> None:
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


@app.command()
def quotes(
    db: Path = DB,
    speaker: Optional[str] = typer.Option(None, help="Only this speaker (canonical name, case-insensitive)."),
    story: Optional[str] = typer.Option(None, help="Only quotes from this story's articles."),
    limit: int = typer.Option(50, help="How many quotes to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON lines (the quotes.jsonl form)."),
) -> None:
    """Who said what: quotes by speaker; without --speaker, the most quoted speakers first."""
    from ..export import quote_row

    store = open_desk(db)
    if speaker is None and story is None and not json_out:
        return _counts("speaker", store.speakers(), limit)
    rows = list(islice(store.quotes(*_where(("q.speaker = ? COLLATE NOCASE", speaker), ("a.story = ?", story))), limit))
    if json_out:
        return _jsonl(map(quote_row, rows))
    table = Table("speaker", "quote", "cue", "article", show_lines=True)
    for q in rows:
        table.add_row(escape(q.speaker or f"({q.speaker_mention or '?'})"),
                      escape(("“%s”" if q.direct else "%s") % q.text), escape(q.cue or ""), q.article)
    console.print(table if rows else "no quotes")


@app.command()
def figures(
    db: Path = DB,
    kind: Optional[str] = typer.Option(None, help="Only this kind: killed, injured, displaced, missing, aid, ..."),
    story: Optional[str] = typer.Option(None, help="Only figures from this story's articles."),
    limit: int = typer.Option(50, help="How many figures to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON lines (the figures.jsonl form)."),
) -> None:
    """Reported figures by kind, with subject, source and as-of date; without --kind, counts per kind."""
    from ..export import figure_row

    store = open_desk(db)
    if kind is None and story is None and not json_out:
        return _counts("kind", store.figure_kinds(), limit)
    rows = list(islice(store.figures(*_where(("f.kind = ?", kind), ("a.story = ?", story))), limit))
    if json_out:
        return _jsonl(map(figure_row, rows))
    table = Table("as of", "kind", "figure", "subject", "source", "article", show_lines=True)
    for f in rows:
        table.add_row(f.as_of or "—", f.kind, escape(f.text) + (" [dim](unverified)[/dim]" if f.unverified else ""),
                      escape(f.subject or ""), escape(f.source or ""), f.article)
    console.print(table if rows else "no figures")


@app.command()
def ledger(
    db: Path = DB,
    story: Optional[str] = typer.Option(None, "--story", help="Only this story (default: every story, largest first)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only figures of this kind: killed, injured, displaced, aid, ..."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON line per series, with its points and findings."),
) -> None:
    """The figure ledger: each quantity tracked over time across sources, revisions told from contradictions."""
    from ..views import desk_ledger, series_record

    store = open_desk(db)
    if story and not store.count("articles", "story=?", (story,)):
        fail(f"no story {story} in {db}")
    rows = desk_ledger(store, story, kind)
    if json_out:
        for sid, ser in rows:
            typer.echo(json.dumps(series_record(ser, sid), ensure_ascii=False))
        return
    for sid, ser in rows:
        best = ser.points[ser.best] if ser.best is not None else None
        console.print(f"[bold]{escape(ser.label)}[/bold] [dim]({sid}, {len(ser.points)} points, {len(ser.sources)} sources"
                      + (f", best {escape(best.text)} as of {best.as_of or 'undated'}" if best else "") + ")[/dim]")
        table = Table("as of", "figure", "source", "article")
        for p in ser.points:
            table.add_row(p.as_of or "—", escape(p.text + "".join(f" ({f})" for f in p.flags)), escape(p.source), p.article)
        console.print(table)
        for f in ser.findings:
            colour = "red" if f.kind == "contradiction" else "yellow"
            console.print(f"  [{colour}]{f.kind}{' ' + f.direction if f.direction else ''}[/{colour}] {escape(f.note)}")
    if not rows:
        console.print("no figure series")


