"""Static HTML report of a desk: one self-contained file, no scripts, no CDN.

All article text is untrusted and is escaped by Jinja2's autoescaping.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from .store import SQLiteStore
from .views import desk_view, provenance_trees


def _env() -> Environment:
    return Environment(loader=PackageLoader("newsdesk", "templates"), autoescape=select_autoescape(default=True))


def render_report(store: SQLiteStore) -> str:
    stories = desk_view(store)
    articles = {a.id: a for s in stories for a in s.articles}
    quarantine = store.quarantine_rows()
    trees = provenance_trees(store)
    story_of = {a.id: s.group.id for s in stories for a in s.articles}
    trees_by_story: dict[str, list] = {}
    for t in trees:
        trees_by_story.setdefault(story_of.get(t.article.id), []).append(t)
    return _env().get_template("report.html").render(
        stories=stories,
        trees_by_story=trees_by_story,
        articles=articles,
        quarantine=quarantine,
        quarantine_reasons=Counter(r["reason"] for r in quarantine),
        n_articles=len(articles),
        n_events=sum(len(s.events) for s in stories),
        copy_kinds=Counter(a.copy_kind for a in articles.values() if a.copy_kind),
    )


def write_report(store: SQLiteStore, out: Path) -> Path:
    """Write the report to ``out`` (a file path, or a folder that gets index.html)."""
    if out.suffix.lower() not in (".html", ".htm"):
        out.mkdir(parents=True, exist_ok=True)
        out = out / "index.html"
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(store), encoding="utf-8")
    return out
