"""The pipeline: read -> clean -> date -> store, then copies -> cluster over what is new.

Public entry point: :func:`build`. It is the one place that wires the stages
together; the stages themselves never import each other or the store.

Resumability: a file is marked done in the same transaction that stores its
articles, and the copies and cluster stages work on the articles they have
not yet handled (``copies_done = 0``, ``event IS NULL``). A build killed at any
point loses nothing already committed, and the next build finishes the work.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import dating
from .clean import OutletLines, clean_batch
from .cluster import ClusterState, Features, article_features, assign_clusters, day
from .copies import CopyIndex, detect_copies
from .copies.parallel import sketch_batches
from .facts import extract_facts
from .facts.entities import NameIndex
from .facts.gazetteer import Gazetteer
from .facts.nlp import load_nlp
from .facts.parallel import extract_facts_parallel
from .ids import article_ids
from .outlets import canonical_outlets
from .read import iter_files, read_file
from .records import Article, DateFinding, Quarantined, RawDoc
from .settings import Settings
from .store import SQLiteStore

Progress = Callable[[str, int, int], None]


@dataclass
class BuildSummary:
    files: int = 0
    files_unchanged: int = 0
    documents: int = 0
    articles_added: int = 0
    already_stored: int = 0
    quarantined: Counter = field(default_factory=Counter)
    copies: Counter = field(default_factory=Counter)
    events: int = 0
    stories: int = 0
    quotes: int = 0
    figures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "files": self.files, "files_unchanged": self.files_unchanged, "documents": self.documents,
            "articles_added": self.articles_added, "already_stored": self.already_stored,
            "quarantined": dict(self.quarantined), "copies": dict(self.copies),
            "events": self.events, "stories": self.stories, "quotes": self.quotes, "figures": self.figures,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def _noop(stage: str, done: int, total: int) -> None:
    pass


def build(paths: Iterable[str | Path], store: SQLiteStore, settings: Settings | None = None,
          progress: Progress = _noop) -> BuildSummary:
    """Ingest new input under ``paths`` into ``store`` and link what is new."""
    settings = settings or Settings()
    summary = BuildSummary()
    run = store.start_run()
    files = list(iter_files(paths))
    summary.files = len(files)
    ingest(files, store, settings, summary, progress)
    link_copies(store, settings, summary, progress)
    link_clusters(store, settings, summary, progress)
    link_facts(store, settings, summary, progress)
    summary.events = store.count("groups", "level='event'")
    summary.stories = store.count("groups", "level='story'")
    store.finish_run(run, summary.as_dict())
    return summary


def _timed(summary: BuildSummary, stage: str, t0: float) -> None:
    summary.seconds[stage] = summary.seconds.get(stage, 0.0) + time.perf_counter() - t0


def ingest(files: list[tuple[Path, str | None]], store: SQLiteStore, settings: Settings, summary: BuildSummary,
           progress: Progress = _noop) -> None:
    """Read, clean and date new files; store them batch by batch."""
    outlet_lines = OutletLines(settings.boilerplate_min_docs, settings.boilerplate_max_words,
                               store.outlet_line_counts(), {o.casefold(): o for o in store.outlets()})
    pending: list[RawDoc] = []
    pending_q: list[Quarantined] = []
    pending_files: dict[str, tuple[str, list[str]]] = {}
    for n, (path, folder) in enumerate(files, 1):
        t0 = time.perf_counter()
        key = str(path)
        try:
            stat = path.stat()
            data = path.read_bytes() if stat.st_size <= settings.max_file_bytes else None
        except OSError as e:
            pending_q.append(Quarantined(key, "unreadable", str(e)))
            continue
        h = (hashlib.blake2b(data, digest_size=16).hexdigest() if data is not None
             else f"size:{stat.st_size}:{stat.st_mtime_ns}")
        if store.source_hash(key) == h:
            summary.files_unchanged += 1
            progress("read", n, len(files))
            continue
        items = read_file(path, settings, data, folder)
        docs = [d for d in items if isinstance(d, RawDoc)]
        pending_q.extend(q for q in items if isinstance(q, Quarantined))
        # records inside batch files are skipped by their key; a changed single file is read again
        known = store.known_sources(d.source for d in docs if "#" in d.source)
        summary.already_stored += sum(1 for d in docs if d.source in known)
        docs = [d for d in docs if d.source not in known]
        summary.documents += len(docs) + len(known)
        pending.extend(docs)
        pending_files[key] = (h, [d.source for d in docs])
        _timed(summary, "read", t0)
        progress("read", n, len(files))
        if len(pending) >= settings.batch_size:
            _flush(pending, pending_q, pending_files, store, outlet_lines, settings, summary)
            pending, pending_q, pending_files = [], [], {}
    _flush(pending, pending_q, pending_files, store, outlet_lines, settings, summary)


def _flush(docs, quarantined, files, store, outlet_lines, settings, summary) -> None:
    t0 = time.perf_counter()
    results, increments = clean_batch(docs, outlet_lines, settings)
    _timed(summary, "clean", t0)
    t0 = time.perf_counter()
    articles: list[Article] = []
    seen: set[str] = set()
    names = canonical_outlets(store.outlets() + [r[1].outlet for r in results if not isinstance(r, Quarantined)])
    samples: dict[str | None, list[str]] = {}  # each outlet's header dates decide how it writes 08/05/2024
    for r in results:
        if not isinstance(r, Quarantined):
            outlet = names.get(r[1].outlet, r[1].outlet)
            samples.setdefault(outlet, []).extend(v for k, v in r[1].header.items() if k in ("date", "updated"))
    orders = {o: dating.slash_order(v) for o, v in samples.items()}
    for r in results:
        if isinstance(r, Quarantined):
            quarantined.append(r)
            continue
        doc, cleaned = r
        cleaned.outlet = names.get(cleaned.outlet, cleaned.outlet)
        found = _date(doc, cleaned, orders.get(cleaned.outlet))
        aid, bhash = article_ids(cleaned.text, cleaned.outlet)
        a = Article(
            id=aid, body_hash=bhash, source=doc.source, fmt=doc.fmt, text=cleaned.text,
            title=cleaned.title, outlet=cleaned.outlet, url=doc.url, published=found.published,
            published_confidence=found.confidence, published_evidence=found.evidence, updated=found.updated,
            removed=cleaned.removed,
        )
        if a.id in seen or store.has_article(a.id):
            summary.already_stored += 1
            continue
        seen.add(a.id)
        articles.append(a)
    _timed(summary, "date", t0)
    t0 = time.perf_counter()
    q_by_file = Counter(q.source.split("#", 1)[0] for q in quarantined)
    a_by_file = Counter(a.source.split("#", 1)[0] for a in articles)
    done = {k: (h, a_by_file.get(k, 0), q_by_file.get(k, 0)) for k, (h, _) in files.items()}
    summary.articles_added += store.save_ingest(articles, {}, quarantined, increments, done)
    summary.quarantined.update(q.reason for q in quarantined)
    _timed(summary, "store", t0)


def _date(doc: RawDoc, cleaned, slash_order: str | None) -> DateFinding:
    if doc.published:
        d = dating.parse_given_date(doc.published)
        if d is not None:
            return DateFinding(published=d, confidence=0.99, evidence="metadata")
    if doc.html is not None and doc.fmt != "rss":
        return dating.date_html(doc.html, doc.url)
    if doc.text is not None:
        return dating.date_text(doc.text, cleaned.header, slash_order=slash_order)
    return dating.date_text(cleaned.text, {}, slash_order=slash_order)


def link_copies(store: SQLiteStore, settings: Settings, summary: BuildSummary, progress: Progress = _noop) -> None:
    """Find copies for the articles not yet checked, against everything stored."""
    t0 = time.perf_counter()
    index = CopyIndex(settings)
    rows = store.db.execute(
        "SELECT id, minhash, anchors FROM articles WHERE copies_done=1 AND minhash IS NOT NULL ORDER BY seq")
    while chunk := rows.fetchmany(10_000):
        index.add_stored(chunk)
    index.compact()
    roots = store.copy_roots()
    new = list(store.articles("copies_done=0"))
    batches = [new[i : i + settings.batch_size] for i in range(0, len(new), settings.batch_size)]
    done = 0
    for batch, sketches in zip(batches, sketch_batches(batches, index.perm, settings.workers)):
        links, sigs = detect_copies(batch, index, store.article, roots, sketches)
        with store.db:
            store.db.executemany("UPDATE articles SET minhash=?, anchors=? WHERE id=?",
                                 [(sig, anc, a) for a, (sig, anc) in sigs.items()])
        store.save_copies(links, [a.id for a in batch])
        summary.copies.update({link.copy: link.kind for link in links}.values())
        done += len(batch)
        progress("copies", done, len(new))
    _timed(summary, "copies", t0)


def link_facts(store: SQLiteStore, settings: Settings, summary: BuildSummary, progress: Progress = _noop) -> None:
    """Find mentions, quotes and figures in the articles not yet read for facts."""
    t0 = time.perf_counter()
    new = list(store.articles("facts_done=0"))
    if not new or not settings.facts:
        return
    gazetteer = Gazetteer()
    known = store.known_names()
    nlp = load_nlp("ner")  # loaded once: worker processes inherit it
    if settings.workers > 1 and len(new) >= 4 * settings.facts_chunk:
        batches = extract_facts_parallel(new, settings.workers, known, gazetteer, settings.facts_chunk, nlp=nlp)
    else:
        index = NameIndex(known)
        batches = ((part, extract_facts(part, nlp, known, gazetteer, index))
                   for part in (new[i : i + settings.facts_chunk] for i in range(0, len(new), settings.facts_chunk)))
    done = 0
    for part, facts in batches:
        store.save_facts([a.id for a in part], facts.mentions, facts.quotes, facts.figures, facts.names)
        summary.quotes += len(facts.quotes)
        summary.figures += len(facts.figures)
        done += len(part)
        progress("facts", done, len(new))
    _timed(summary, "facts", t0)


def link_clusters(store: SQLiteStore, settings: Settings, summary: BuildSummary, progress: Progress = _noop) -> None:
    """Assign the articles without an event to events and stories (stories re-cluster their
    recent articles into events as they grow: earlier articles may move, and are saved too)."""
    t0 = time.perf_counter()
    df, n = store.term_df()

    def load(ids: list[str]) -> dict[str, Features]:
        return {a.id: article_features(a, settings) for a in store.articles(f"id IN ({','.join('?' * len(ids))})", tuple(ids))}

    state = ClusterState(df=df, n_docs=n, redirects=store.redirects(), load=load)
    sizes = store.group_sizes()
    for gid, (cen, g) in store.group_centroids("story").items():
        state.add_story(g, cen, sizes.get(gid, 1))
    for gid, (cen, g) in store.group_centroids("event").items():
        state.add_event(g, cen, sizes.get(gid, 0))
    for aid, ev, st, published, as_copy in store.cluster_members():
        state.place(aid, ev, st, day(published), copy_of=as_copy)
    new = list(store.articles("event IS NULL", order="published IS NULL, published, id"))
    for i in range(0, len(new), settings.batch_size):
        batch = new[i : i + settings.batch_size]
        result = assign_clusters(batch, state, settings)
        store.save_clusters(result.assignments, result.touched, result.df_increments, result.explanations,
                            result.merges, splits=result.splits)
        progress("cluster", min(i + settings.batch_size, len(new)), len(new))
    _timed(summary, "cluster", t0)
