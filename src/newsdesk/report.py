"""Static HTML report of a desk: one self-contained file, no scripts, no CDN.

Per story: a cited briefing, a dated timeline, the figure ledger (one inline
SVG chart per series with its revisions and contradictions), quotes by
speaker, figures by kind, provenance trees and the articles themselves. Every
citation and chart point links to an anchor in the page.

All article text is untrusted and is escaped by Jinja2's autoescaping; the one
piece of markup let through unescaped is the ledger's SVG, which
``ledger.series_svg`` builds with every text escaped (the ``chart`` filter).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .ledger import Point, Series, series_svg
from .store import SQLiteStore
from .views import FactLimits, desk_view, provenance_trees, story_facts
from .wording import counted


def point_anchor(p: Point) -> str:
    """The id of a ledger point's row in the page (its article and the figure's offset)."""
    return f"pt-{p.article}-{p.start}"


def _chart(series: Series, rows: list[int]) -> Markup:
    """The series' SVG; a dot links to its point's row, or to its article when the row is capped away."""
    with_row = {id(series.points[i]) for i in rows}
    href = lambda p: "#" + (point_anchor(p) if id(p) in with_row else p.article)  # noqa: E731
    return Markup(series_svg(series, 560, 260, href=href))  # every text in it escaped by series_svg


def midsentence(text: str) -> str:
    """A figure as written at the start of its sentence ("Nine", "At least 31"), to quote mid-sentence:
    the capital is dropped unless the next letter is a capital too ("US$1.2 billion" stays)."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[0].isupper() and text[1].islower() else text


def whole_quote(text: str) -> str:
    """A sentence cut out of a longer quotation, with the quotation marks it lost put back.

    Sentences are split inside multi-sentence quotes, so a picked sentence can
    close a quote it never opened (``Nobody will be left alone,” Strand said.``)
    or open one it never closes. The missing mark is added at the start or the
    end; the words are untouched (citations are checked on the sentence as stored).
    """
    out = text
    marks = [(i, c) for i, c in enumerate(text) if c in "“”\""]
    curly = [c for _, c in marks if c != '"']
    if curly and curly[0] == "”":
        out = "“" + out
    if curly and curly[-1] == "“":
        out = out.rstrip() + "”"
    straight = [i for i, c in marks if c == '"']
    if len(straight) % 2:  # the unpaired one is the first if it closes (after a word, before no word), else the last
        i = straight[0]
        closes = i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())
        out = '"' + out if closes else out.rstrip() + '"'
    return out


def _env() -> Environment:
    env = Environment(loader=PackageLoader("newsdesk", "templates"), autoescape=select_autoescape(default=True))
    env.filters["chart"] = _chart
    env.filters["anchor"] = point_anchor
    env.filters["midsentence"] = midsentence
    env.filters["whole_quote"] = whole_quote
    env.globals["counted"] = counted
    return env


def render_report(store: SQLiteStore, limits: FactLimits = FactLimits()) -> str:
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
        facts=story_facts(store, stories, limits),
        trees_by_story=trees_by_story,
        articles=articles,
        quarantine=quarantine,
        quarantine_reasons=Counter(r["reason"] for r in quarantine),
        n_articles=len(articles),
        n_events=sum(len(s.events) for s in stories),
        copy_kinds=Counter(a.copy_kind for a in articles.values() if a.copy_kind),
        explanations=store.explanations(),
        titles={g.id: g.title for s in stories for g in (s.group, *(e.group for e in s.events))},
    )


def write_report(store: SQLiteStore, out: Path, limits: FactLimits = FactLimits()) -> Path:
    """Write the report to ``out`` (a file path, or a folder that gets index.html)."""
    if out.suffix.lower() not in (".html", ".htm"):
        out.mkdir(parents=True, exist_ok=True)
        out = out / "index.html"
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(store, limits), encoding="utf-8")
    return out
