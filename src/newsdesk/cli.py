"""Command line: each command parses its options, calls one library function, reports.

Errors a user can fix (a missing path, a file that is not a desk) become a
clear message and exit code 2; nothing here holds logic of its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .settings import Settings
from .store import StoreError, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Turn a pile of news articles into stories.")
console = Console()
err = Console(stderr=True)

DB = typer.Option(Path("desk.sqlite"), "--db", help="The desk file (SQLite).")


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def _open(db: Path, readonly: bool = True):
    try:
        return open_store(db, readonly=readonly)
    except StoreError as e:
        _fail(str(e))


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles (txt, md, html, jsonl, csv, rss/atom)."),
    db: Path = DB,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    json_summary: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read, clean, date, find copies and cluster; only new input is processed."""
    from .pipeline import build as run_build

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    store = _open(db, readonly=False)
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
        f"[bold]{s['articles_added']}[/bold] new articles from {s['files'] - s['files_unchanged']} files "
        f"({s['files_unchanged']} unchanged, {s['already_stored']} already stored); "
        f"copies: {_fmt(s['copies'])}; {s['events']} events in {s['stories']} stories; "
        f"quarantined: {q}{' (' + _fmt(s['quarantined']) + ')' if q else ''}."
    )
    if q:
        console.print("[dim]See `newsdesk quarantine --db ...` for the reasons.[/dim]")


def _fmt(counter: dict) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"


@app.command()
def export(db: Path = DB, out: Path = typer.Option(..., "--out", help="Folder for the JSONL files.")) -> None:
    """Write the desk as JSON Lines (export contract v1)."""
    from .export import export_desk

    store = _open(db)
    counts = export_desk(store, out)
    console.print(", ".join(f"{k}: {n}" for k, n in counts.items()) + f" -> {out}")


@app.command()
def digest(
    db: Path = DB,
    stories: int = typer.Option(10, help="How many stories to show."),
    articles: int = typer.Option(3, help="Articles shown per event."),
) -> None:
    """Print stories, their events and articles in the terminal."""
    from .digest import print_digest

    print_digest(_open(db), console, stories, articles)


@app.command()
def report(db: Path = DB, out: Path = typer.Option(Path("report.html"), "--out", help="HTML file to write.")) -> None:
    """Write a static HTML report that opens in any browser."""
    from .report import write_report

    path = write_report(_open(db), out)
    console.print(f"report written to {path}")


@app.command()
def search(query: str, db: Path = DB, limit: int = typer.Option(10, help="How many results.")) -> None:
    """Full-text search (BM25) over titles and bodies."""
    import sqlite3

    store = _open(db)
    try:
        hits = store.search(query, limit)
    except sqlite3.OperationalError as e:
        _fail(f"bad search query: {e}")
    table = Table("score", "date", "outlet", "title", "id")
    for a, score in hits:
        table.add_row(f"{score:.2f}", str(a.published or "—"), escape(a.outlet or "?"), escape(a.title or ""), a.id)
    console.print(table)


@app.command()
def quarantine(db: Path = DB) -> None:
    """List input that was rejected, with the reason."""
    rows = _open(db).quarantine_rows()
    table = Table("source", "reason", "detail")
    for r in rows:
        table.add_row(escape(r["source"]), r["reason"], escape(r["detail"]))
    console.print(table if rows else "nothing quarantined")


@app.command()
def copies(db: Path = DB) -> None:
    """List copies with their likely original."""
    store = _open(db)
    table = Table("kind", "score", "copy", "original")
    for link in store.copy_links():
        c, o = store.article(link.copy), store.article(link.original)
        table.add_row(link.kind, f"{link.score:.2f}", escape(f"{c.outlet}: {c.title}"), escape(f"{o.outlet}: {o.title}"))
    console.print(table)


@app.command()
def provenance(article: str, db: Path = DB, sentences: int = typer.Option(6, help="Aligned sentence pairs shown.")) -> None:
    """Where an article comes from and who copied it, with the aligned sentences side by side."""
    store = _open(db)
    a = store.article(article)
    if a is None:
        _fail(f"no article {article} in {db}")
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


def _where(*conditions: tuple[str, Optional[str]]) -> tuple[str, tuple]:
    """An SQL condition and its parameters from the (clause, value) pairs whose value is given."""
    given = [(clause, value) for clause, value in conditions if value]
    return " AND ".join(["1", *(c for c, _ in given)]), tuple(v for _, v in given)


@app.command()
def quotes(
    db: Path = DB,
    speaker: Optional[str] = typer.Option(None, help="Only this speaker (canonical name, case-insensitive)."),
    story: Optional[str] = typer.Option(None, help="Only quotes from this story's articles."),
    limit: int = typer.Option(50, help="How many quotes to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON lines (the quotes.jsonl form)."),
) -> None:
    """Who said what: quotes by speaker; without --speaker, the most quoted speakers first."""
    from .export import quote_row

    store = _open(db)
    if speaker is None and story is None and not json_out:
        table = Table("speaker", "quotes")
        for name, n in store.speakers()[:limit]:
            table.add_row(escape(name), str(n))
        console.print(table)
        return
    rows = list(store.quotes(*_where(("q.speaker = ? COLLATE NOCASE", speaker), ("a.story = ?", story))))[:limit]
    if json_out:
        for q in rows:
            print(json.dumps(quote_row(q), ensure_ascii=False))
        return
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
    from .export import figure_row

    store = _open(db)
    if kind is None and story is None and not json_out:
        table = Table("kind", "figures")
        for k, n in store.db.execute("SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY count(*) DESC"):
            table.add_row(k, str(n))
        console.print(table)
        return
    rows = list(store.figures(*_where(("f.kind = ?", kind), ("a.story = ?", story))))[:limit]
    if json_out:
        for f in rows:
            print(json.dumps(figure_row(f), ensure_ascii=False))
        return
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
    from .views import desk_ledger, series_record

    store = _open(db)
    if story and not store.count("articles", "story=?", (story,)):
        _fail(f"no story {story} in {db}")
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


@app.command()
def explain(article: str, db: Path = DB) -> None:
    """Why an article is in its event: similarity, shared terms, runner-up."""
    store = _open(db)
    detail = store.explanation(article)
    if detail is None:
        _fail(f"no article {article} in {db}")
    console.print_json(json.dumps(detail))


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
    import sqlite3

    from .timeline import build_timeline, desk_articles, timeline_records

    try:
        arts = desk_articles(_open(db), story, query)
    except sqlite3.OperationalError as e:
        _fail(f"bad search query: {e}")
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
    import sqlite3

    from .timeline import build_briefing, desk_articles

    try:
        arts = desk_articles(_open(db), story, query)
    except sqlite3.OperationalError as e:
        _fail(f"bad search query: {e}")
    if story and not arts:
        _fail(f"no articles in story {story} in {db}")
    b = build_briefing(arts, sentences, query)
    if json_out:
        console.print_json(json.dumps(b.as_dict(), ensure_ascii=False))
        return
    for s in b.sentences:
        cites = ", ".join(f"{c.article}{'' if c.checked else ' (unchecked)'}" for c in s.citations[:4])
        console.print(f"• {escape(s.text)} [dim][{escape(cites)}][/dim]")


def main() -> None:  # pragma: no cover
    app()
