"""What every command shares: the Typer app, the consoles, the --db option, and clear failures."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..store import StoreError, open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Turn a pile of news articles into stories.")
console = Console()
err = Console(stderr=True)

DB = typer.Option(Path("desk.sqlite"), "--db", help="The desk file (SQLite).")


def fail(message: str, code: int = 2) -> None:
    """Print ``message`` as an error and exit with ``code``."""
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def open_desk(db: Path, readonly: bool = True):
    """The store in ``db``, or a clear failure when it is not a desk."""
    try:
        return open_store(db, readonly=readonly)
    except StoreError as e:
        fail(str(e))
