"""Stories told back: timelines and briefings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ..settings import Settings
from .common import DB, app, console, fail, open_desk


def _articles(db: Path, story: Optional[str], query: Optional[str]) -> list:
    """The desk's articles, or a story's, or a query's hits; a malformed query is a clear failure."""
    import sqlite3

    from ..timeline import desk_articles

    try:
        return desk_articles(open_desk(db), story, query)
    except sqlite3.OperationalError as e:
        fail(f"bad search query: {e}")


@app.command()
def timeline(
    db: Path = DB,
    dates: int = typer.Option(Settings().timeline_dates, "--dates", help="How many dates."),
    per_date: int = typer.Option(Settings().timeline_per_date, "--per-date", help="Sentences per date."),
    story: Optional[str] = typer.Option(None, "--story", help="Only this story's articles."),
    query: Optional[str] = typer.Option(None, "--query", help="Only articles matching this full-text query."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write timelines.jsonl records here (else print)."),
    json_out: bool = typer.Option(False, "--json", help="Print the records as JSON Lines."),
) -> None:
    """A dated timeline of the desk (or a story, or a query), every sentence cited."""
    from ..timeline import build_timeline, timeline_records

    arts = _articles(db, story, query)
    rows = timeline_records(build_timeline(arts, dates, per_date, query), story)
    if out:
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        console.print(f"{len(rows)} dates from {len(arts)} articles -> {out}")
    elif json_out:
        for r in rows:
            console.print_json(json.dumps(r, ensure_ascii=False))
    else:
        for r in rows:
            flag = " [yellow](future)[/yellow]" if r["future"] else ""
            console.print(f"[bold]{r['date']}[/bold]{flag}")
            for s in r["sentences"]:
                console.print(f"  {escape(s['text'])} [dim]{', '.join(s['citations'][:3])}[/dim]")


@app.command()
def briefing(
    db: Path = DB,
    story: Optional[str] = typer.Option(None, "--story", help="The story to brief (default: the whole desk)."),
    query: Optional[str] = typer.Option(None, "--query", help="Only articles matching this full-text query."),
    sentences: int = typer.Option(Settings().briefing_sentences, "--sentences", help="How many sentences."),
    json_out: bool = typer.Option(False, "--json", help="Print the briefing as JSON."),
) -> None:
    """A short extractive briefing; every sentence cites its articles, citations checked against their text."""
    from ..timeline import build_briefing

    arts = _articles(db, story, query)
    if story and not arts:
        fail(f"no articles in story {story} in {db}")
    b = build_briefing(arts, sentences, query)
    if json_out:
        console.print_json(json.dumps(b.as_dict(), ensure_ascii=False))
        return
    for s in b.sentences:
        cites = ", ".join(f"{c.article}{'' if c.checked else ' (unchecked)'}" for c in s.citations[:4])
        console.print(f"• {escape(s.text)} [dim][{escape(cites)}][/dim]")
