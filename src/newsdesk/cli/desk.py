"""Commands over the whole desk: build, export, digest, report, search, quarantine, explain."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..settings import Settings
from ..wording import counted, noun
from .common import DB, app, console, err, fail, open_desk


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles (txt, md, html, jsonl, csv, rss/atom)."),
    db: Path = DB,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    json_summary: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read, clean, date, find copies and cluster; only new input is processed."""
    from ..pipeline import build as run_build

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    store = open_desk(db, readonly=False)
    with Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet or json_summary, transient=False) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        summary = run_build(paths, store, Settings(), progress)
    store.close()
    s = summary.as_dict()
    if json_summary:
        console.print_json(json.dumps(s))
        return
    q = sum(s["quarantined"].values())
    console.print(
        f"[bold]{s['articles_added']}[/bold] new {noun(s['articles_added'], 'article')} from "
        f"{counted(s['files'] - s['files_unchanged'], 'file')} "
        f"({s['files_unchanged']} unchanged, {s['already_stored']} already stored); "
        f"copies: {_fmt(s['copies'])}; {counted(s['events'], 'event')} in {counted(s['stories'], 'story', 'stories')}; "
        f"quarantined: {q}{' (' + _fmt(s['quarantined']) + ')' if q else ''}."
    )
    if q:
        console.print("[dim]See `newsdesk quarantine --db ...` for the reasons.[/dim]")


def _fmt(counter: dict) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"


@app.command()
def export(db: Path = DB, out: Path = typer.Option(..., "--out", help="Folder for the JSONL files.")) -> None:
    """Write the desk as JSON Lines (export contract v1)."""
    from ..export import export_desk

    store = open_desk(db)
    counts = export_desk(store, out)
    console.print(", ".join(f"{k}: {n}" for k, n in counts.items()) + f" -> {out}")


@app.command()
def digest(
    db: Path = DB,
    stories: int = typer.Option(10, help="How many stories to show."),
    articles: int = typer.Option(3, help="Articles shown per event."),
) -> None:
    """Print stories, their events and articles in the terminal."""
    from ..digest import print_digest

    print_digest(open_desk(db), console, stories, articles)


@app.command()
def report(db: Path = DB, out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write.")) -> None:
    """Write a static HTML report that opens in any browser."""
    from ..report import write_report

    path = write_report(open_desk(db), out)
    console.print(f"report written to {path}")


@app.command()
def search(query: str, db: Path = DB, limit: int = typer.Option(10, help="How many results.")) -> None:
    """Full-text search (BM25) over titles and bodies."""
    import sqlite3

    store = open_desk(db)
    try:
        hits = store.search(query, limit)
    except sqlite3.OperationalError as e:
        fail(f"bad search query: {e}")
    table = Table("score", "date", "outlet", "title", "id")
    for a, score in hits:
        table.add_row(f"{score:.2f}", str(a.published or "—"), escape(a.outlet or "?"), escape(a.title or ""), a.id)
    console.print(table)


@app.command()
def quarantine(db: Path = DB) -> None:
    """List input that was rejected, with the reason."""
    rows = open_desk(db).quarantine_rows()
    table = Table("source", "reason", "detail")
    for r in rows:
        table.add_row(escape(r["source"]), r["reason"], escape(r["detail"]))
    console.print(table if rows else "nothing quarantined")


@app.command()
def explain(article: str, db: Path = DB) -> None:
    """Why an article is in its event: similarity, shared terms, runner-up."""
    store = open_desk(db)
    detail = store.explanation(article)
    if detail is None:
        fail(f"no article {article} in {db}")
    console.print_json(json.dumps(detail))


