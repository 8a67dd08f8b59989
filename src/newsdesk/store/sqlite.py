"""SQLite store: WAL mode (readers while one writer builds), FTS5 search, numbered migrations."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Article, CopyLink, Group, Quarantined
from .facts import FactsTables


class StoreError(RuntimeError):
    """The desk file cannot be opened or is not a newsdesk store."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


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


class SQLiteStore(FactsTables):
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

    # -- clustering state -------------------------------------------------------
    def term_df(self) -> tuple[dict[str, int], int]:
        df = {r[0]: r[1] for r in self.db.execute("SELECT term, df FROM term_df")}
        n = self.db.execute("SELECT count(*) FROM articles WHERE event IS NOT NULL").fetchone()[0]
        return df, n

    def groups(self, level: str) -> list[Group]:
        rows = self.db.execute("SELECT * FROM groups WHERE level=? ORDER BY first, id", (level,))
        return [_group(r) for r in rows]

    def group_centroids(self, level: str) -> dict[str, tuple[dict[str, float], Group]]:
        out = {}
        for r in self.db.execute("SELECT * FROM groups WHERE level=?", (level,)):
            out[r["id"]] = (json.loads(r["centroid"]), _group(r))
        return out

    def group_members(self, level: str) -> dict[str, list[str]]:
        col = "event" if level == "event" else "story"
        out: dict[str, list[str]] = {}
        for r in self.db.execute(f"SELECT id, {col} FROM articles WHERE {col} IS NOT NULL ORDER BY seq"):
            out.setdefault(r[1], []).append(r[0])
        return out

    def save_clusters(
        self,
        assignments: dict[str, tuple[str, str]],
        groups: list[tuple[Group, dict[str, float], int]],
        df_increments: dict[str, int],
        explanations: dict[str, dict],
        merges: Iterable[tuple[str, str, str]] = (),
        term_stats: dict[str, tuple[int, dict[str, int]]] | None = None,
        splits: Iterable[tuple[str, str, str]] = (),
    ) -> None:
        """Store article -> (event, story), the touched groups, new document frequencies,
        merges (the merged id redirects to its survivor), splits (a new id and the group it
        came from) and per-group term counts."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO splits (id, origin, level, at) VALUES (?,?,?,?)",
                                [(new, origin, level, _now()) for new, origin, level in splits])
            for old, new, level in merges:
                col = "event" if level == "event" else "story"
                self.db.execute(f"UPDATE articles SET {col}=? WHERE {col}=?", (new, old))
                self.db.execute("UPDATE groups SET parent=? WHERE parent=?", (new, old))
                self.db.execute("UPDATE explanations SET event=? WHERE event=?", (new, old))
                self.db.execute("UPDATE redirects SET new=? WHERE new=?", (new, old))
                self.db.execute("INSERT OR REPLACE INTO redirects (old, new, level, at) VALUES (?,?,?,?)",
                                (old, new, level, _now()))
                self.db.execute("DELETE FROM groups WHERE id=?", (old,))
                self.db.execute("DELETE FROM group_terms WHERE id=?", (old,))
            for gid_group, centroid, n in groups:
                g = gid_group
                self.db.execute(
                    """INSERT OR REPLACE INTO groups (id, level, parent, title, first, last, n, centroid)
                       VALUES (?,?,?,?,?,?,?,?)""",
                    (g.id, g.level, g.parent, g.title, _iso(g.first), _iso(g.last), n,
                     json.dumps(centroid, ensure_ascii=False)),
                )
            self.db.executemany(
                "INSERT OR REPLACE INTO group_terms (id, n, df) VALUES (?,?,?)",
                [(gid, n, json.dumps(df, ensure_ascii=False)) for gid, (n, df) in (term_stats or {}).items()],
            )
            self.db.executemany(
                "UPDATE articles SET event=?, story=? WHERE id=?",
                [(ev, st, aid) for aid, (ev, st) in assignments.items()],
            )
            self.db.executemany(
                "INSERT INTO term_df (term, df) VALUES (?,?) ON CONFLICT(term) DO UPDATE SET df=df+excluded.df",
                list(df_increments.items()),
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO explanations (article, event, detail) VALUES (?,?,?)",
                [(a, d.get("event"), json.dumps(d, ensure_ascii=False)) for a, d in explanations.items()],
            )

    def redirects(self) -> dict[str, str]:
        """Every merged event or story id -> its survivor."""
        return {r[0]: r[1] for r in self.db.execute("SELECT old, new FROM redirects")}

    def resolve_group(self, gid: str) -> str:
        """The id a (possibly merged) event or story goes by now."""
        r = self.db.execute("SELECT new FROM redirects WHERE old=?", (gid,)).fetchone()
        return r[0] if r else gid

    def splits(self) -> dict[str, str]:
        """Every event or story split off another -> the group it came from."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, origin FROM splits")}

    def cluster_members(self) -> Iterator[tuple[str, str, str, date | None, str | None]]:
        """(article, event, story, published, original if it was placed as a copy) of every
        clustered article, by date then id."""
        rows = self.db.execute(
            """SELECT a.id, a.event, a.story, a.published, a.copy_of, x.detail FROM articles a
               LEFT JOIN explanations x ON x.article = a.id
               WHERE a.event IS NOT NULL ORDER BY a.published IS NULL, a.published, a.id""")
        for r in rows:
            as_copy = r[4] if r[5] and '"reason": "copy of ' in r[5] else None
            yield r[0], r[1], r[2], _date(r[3]), as_copy

    def group_sizes(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, n FROM groups")}

    def group_terms(self) -> dict[str, tuple[int, dict[str, int]]]:
        return {r[0]: (r[1], json.loads(r[2])) for r in self.db.execute("SELECT id, n, df FROM group_terms")}

    def explanation(self, article_id: str) -> dict | None:
        r = self.db.execute("SELECT detail FROM explanations WHERE article=?", (article_id,)).fetchone()
        if not r:
            return None
        detail = json.loads(r[0])
        for key in ("event", "story"):
            if detail.get(key):
                detail[key] = self.resolve_group(detail[key])
        return detail

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


def _article(r: sqlite3.Row) -> Article:
    return Article(
        id=r["id"], source=r["source"], fmt=r["fmt"], text=r["text"], title=r["title"], outlet=r["outlet"],
        url=r["url"], published=_date(r["published"]), published_confidence=r["published_confidence"],
        published_evidence=r["published_evidence"], updated=_date(r["updated"]), lang=r["lang"],
        removed=json.loads(r["removed"]), body_hash=r["body_hash"], copy_of=r["copy_of"], copy_kind=r["copy_kind"],
        copy_score=r["copy_score"], event=r["event"], story=r["story"],
    )


def _group(r: sqlite3.Row) -> Group:
    return Group(id=r["id"], level=r["level"], title=r["title"], articles=[], first=_date(r["first"]),
                 last=_date(r["last"]), parent=r["parent"])
