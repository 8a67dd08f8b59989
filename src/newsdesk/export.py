"""Export a desk as JSON Lines files following export contract v1 (see docs/export.md)."""

from __future__ import annotations

import json
from pathlib import Path

from .facts.records import Figure, Quote
from .store import SQLiteStore
from .timeline import build_timeline, timeline_records
from .views import desk_ledger, desk_view, series_record

CONTRACT_VERSION = "1"


def _d(d):
    return d.isoformat() if d else None


def quote_row(q: Quote) -> dict:
    """A quote in the quotes.jsonl form."""
    return {"article": q.article, "speaker": q.speaker, "speaker_mention": q.speaker_mention, "text": q.text,
            "direct": q.direct, "cue": q.cue, "start": q.start, "end": q.end}


def figure_row(f: Figure) -> dict:
    """A figure in the figures.jsonl form."""
    return {"article": f.article, "value": f.value, "value_high": f.value_high, "unit": f.unit, "kind": f.kind,
            "subject": f.subject, "qualifier": f.qualifier, "source": f.source, "as_of": f.as_of,
            "unverified": f.unverified, "text": f.text, "sentence": f.sentence, "start": f.start, "end": f.end,
            **({"extra": f.extra} if f.extra else {})}


def export_desk(store: SQLiteStore, out: Path) -> dict[str, int]:
    """Write articles, events, stories, copies, quotes, figures, ledger, timelines and quarantine files into ``out``;
    return row counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}

    def write(name: str, rows) -> None:
        tmp = out / f".{name}.tmp"
        n = 0
        with tmp.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        tmp.replace(out / name)
        counts[name] = n

    write("articles.jsonl", (
        {
            "id": a.id, "source": a.source, "outlet": a.outlet, "title": a.title, "url": a.url,
            "published": _d(a.published), "published_confidence": round(a.published_confidence, 3),
            "published_evidence": a.published_evidence, "updated": _d(a.updated), "text": a.text,
            "event": a.event, "story": a.story, "copy_of": a.copy_of, "copy_kind": a.copy_kind,
            "copy_score": a.copy_score,
        }
        for a in store.articles()
    ))
    stories = desk_view(store)
    write("events.jsonl", (
        {
            "id": e.group.id, "story": s.group.id, "title": e.group.title, "articles": e.group.articles,
            "first": _d(e.group.first), "last": _d(e.group.last), "outlets": e.outlets,
            "independent_outlets": e.independent_outlets,
        }
        for s in stories for e in s.events
    ))
    write("stories.jsonl", (
        {
            "id": s.group.id, "title": s.group.title, "articles": s.group.articles,
            "events": [e.group.id for e in s.events], "first": _d(s.group.first), "last": _d(s.group.last),
            "outlets": s.outlets, "independent_outlets": s.independent_outlets,
        }
        for s in stories
    ))
    write("provenance.jsonl", (
        {"copy": c.copy, "original": c.original, "kind": c.kind, "score": c.score,
         "aligned": [{"copy": e[0], "original": e[1], "similarity": e[2] if len(e) > 2 else None}
                     for e in c.evidence]}
        for c in store.copy_links(revisions=True)
    ))
    write("quotes.jsonl", (quote_row(q) for q in store.quotes()))
    write("figures.jsonl", (figure_row(f) for f in store.figures()))
    write("ledger.jsonl", (series_record(ser, sid) for sid, ser in desk_ledger(store)))
    write("timelines.jsonl", (  # one timeline per story, default sizes (Settings.timeline_dates, _per_date)
        row for s in stories
        for row in timeline_records(build_timeline(list(store.articles("story=?", (s.group.id,)))), s.group.id)
    ))
    write("quarantine.jsonl", (
        {"source": r["source"], "reason": r["reason"], "detail": r["detail"], "at": r["at"]}
        for r in store.quarantine_rows()
    ))
    (out / "manifest.json").write_text(json.dumps({"contract": CONTRACT_VERSION, "files": counts}, indent=2) + "\n")
    return counts
