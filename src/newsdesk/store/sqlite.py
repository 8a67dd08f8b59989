"""SQLite store: WAL mode (readers while one writer builds), FTS5 search, numbered migrations."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Article, CopyLink, Quarantined
from .clusters import ClusterTables
from .facts import FactsTables
from .rows import _article, _iso, _now


class StoreError(RuntimeError):
    """The desk file cannot be opened or is not a newsdesk store."""


def migrations() -> list[tuple[int, str]]:
    """Numbered SQL migrations shipped with the package, in order."""
    folder = resources.files("newsdesk.store") / "migrations"
    out = []
    for f in folder.iterdir():
        if f.name.endswith(".sql"):
            out.append((int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8")))
    return sorted(out)


def open_store(path: str | Path, readonly: bool = False) -> "SQLiteStore":
    return SQLiteStore(path, readonly=readonly)


class SQLiteStore(ClusterTables, FactsTables):
    """All reads and writes of one desk file."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"no desk at {self.path}: run `newsdesk build` first")
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is not a newsdesk desk: {e}") from None

    # -- schema -------------------------------------------------------------
    def _check_version(self) -> None:
        have = self.db.execute("PRAGMA user_version").fetchone()[0]
        if have == 0:
            raise StoreError(f"{self.path} is not a newsdesk desk (no schema)")

    def _migrate(self) -> None:
        have = self.db.execute("PRAGMA user_version").fetchone()[0]
        if have == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite file but not a newsdesk desk")
        for number, sql in migrations():
            if number > have:
                with self.db:
                    self.db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;")

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- sources and quarantine -------------------------------------------------
    def source_hash(self, key: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM sources WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def known_sources(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = "SELECT DISTINCT source FROM articles WHERE source IN (%s)" % ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(q, chunk))
        return found

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def save_ingest(
        self,
        articles: list[Article],
        signatures: dict[str, bytes],
        quarantined: list[Quarantined],
        line_increments: dict[str, dict[str, tuple[int, int]]],
        done_sources: dict[str, tuple[str, int, int]],
    ) -> int:
        """Store one batch atomically: articles, quarantine, learned lines, finished sources.

        A source is marked done in the same transaction as its last articles, so a
        killed build leaves either all of a batch or none of it. Returns the number
        of new articles.
        """
        added = 0
        with self.db:
            for a in articles:
                cur = self.db.execute(
                    """INSERT OR IGNORE INTO articles (id, source, fmt, url, outlet, title, text, body_hash,
                       published, published_confidence, published_evidence, updated, lang, removed, minhash)
                       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    (a.id, a.source, a.fmt, a.url, a.outlet, a.title, a.text, a.body_hash or _body_hash(a),
                     _iso(a.published), a.published_confidence, a.published_evidence, _iso(a.updated),
                     a.lang, json.dumps(a.removed, ensure_ascii=False), signatures.get(a.id)),
                )
                added += cur.rowcount
            for q in quarantined:
                self.db.execute(
                    "INSERT OR REPLACE INTO quarantine (source, reason, detail, at) VALUES (?,?,?,?)",
                    (q.source, q.reason, q.detail, _now()),
                )
            for outlet, lines in line_increments.items():
                for line, (docs, edge) in lines.items():
                    self.db.execute(
                        """INSERT INTO outlet_lines (outlet, line, docs, edge) VALUES (?,?,?,?)
                           ON CONFLICT(outlet, line) DO UPDATE SET docs=docs+excluded.docs, edge=edge+excluded.edge""",
                        (outlet, line, docs, edge),
                    )
            for key, (h, n_art, n_q) in done_sources.items():
                self.db.execute(
                    "INSERT OR REPLACE INTO sources (key, content_hash, articles, quarantined, done_at) VALUES (?,?,?,?,?)",
                    (key, h, n_art, n_q, _now()),
                )
        return added

    def outlets(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]

    def outlet_line_counts(self) -> dict[str, dict[str, list[int]]]:
        out: dict[str, dict[str, list[int]]] = {}
        for r in self.db.execute("SELECT outlet, line, docs, edge FROM outlet_lines"):
            out.setdefault(r[0], {})[r[1]] = [r[2], r[3]]
        return out

    def quarantine_rows(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT source, reason, detail, at FROM quarantine ORDER BY id").fetchall()

    # -- articles ---------------------------------------------------------------
    def articles(self, where: str = "1", params: tuple = (), order: str = "seq") -> Iterator[Article]:
        for r in self.db.execute(f"SELECT * FROM articles WHERE {where} ORDER BY {order}", params):
            yield _article(r)

    def article(self, article_id: str) -> Article | None:
        return next(self.articles("id=?", (article_id,)), None)

    def count(self, table: str, where: str = "1", params: tuple = ()) -> int:
        return self.db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]

    def save_copies(self, links: list[CopyLink], checked: list[str]) -> None:
        with self.db:
            for link in links:
                if link.kind == "revision":
                    self.db.execute(
                        "INSERT OR REPLACE INTO revisions (newer, older, score, evidence) VALUES (?,?,?,?)",
                        (link.copy, link.original, link.score, json.dumps(link.evidence, ensure_ascii=False)),
                    )
                    continue
                self.db.execute(
                    "INSERT OR REPLACE INTO copies (copy, original, kind, score, evidence) VALUES (?,?,?,?,?)",
                    (link.copy, link.original, link.kind, link.score, json.dumps(link.evidence, ensure_ascii=False)),
                )
                self.db.execute(
                    "UPDATE articles SET copy_of=?, copy_kind=?, copy_score=? WHERE id=?",
                    (link.original, link.kind, link.score, link.copy),
                )
            self.db.executemany("UPDATE articles SET copies_done=1 WHERE id=?", [(i,) for i in checked])

    def copy_links(self, revisions: bool = False) -> list[CopyLink]:
        """Copy links (and, if asked, revision links with kind ``revision``)."""
        out = [
            CopyLink(r["copy"], r["original"], r["kind"], r["score"], [tuple(p) for p in json.loads(r["evidence"])])
            for r in self.db.execute("SELECT * FROM copies ORDER BY copy")
        ]
        if revisions:
            out += [
                CopyLink(r["newer"], r["older"], "revision", r["score"], [tuple(p) for p in json.loads(r["evidence"])])
                for r in self.db.execute("SELECT * FROM revisions ORDER BY newer, older")
            ]
        return out

    def copy_roots(self) -> dict[str, tuple[str, str] | None]:
        """Every checked article -> (its original, kind) or None."""
        rows = self.db.execute("SELECT id, copy_of, copy_kind FROM articles WHERE copies_done=1")
        return {r[0]: ((r[1], r[2]) if r[1] else None) for r in rows}

    # -- search and runs --------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[tuple[Article, float]]:
        rows = self.db.execute(
            """SELECT a.*, bm25(articles_fts) AS score FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
               WHERE articles_fts MATCH ? ORDER BY score LIMIT ?""",
            (query, limit),
        ).fetchall()
        return [(_article(r), -r["score"]) for r in rows]

    def start_run(self) -> int:
        with self.db:
            return self.db.execute("INSERT INTO runs (started) VALUES (?)", (_now(),)).lastrowid

    def finish_run(self, run_id: int, summary: dict) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET finished=?, summary=? WHERE id=?", (_now(), json.dumps(summary), run_id))


def _body_hash(a: Article) -> str:
    from ..ids import body_hash

    return body_hash(a.text)
