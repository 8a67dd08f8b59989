"""Clustering tables of the SQLite store: events and stories, their terms, merges, splits and explanations.

A mixin of :class:`newsdesk.store.sqlite.SQLiteStore` (it uses ``self.db``),
kept apart so that each file reads in one sitting.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Iterable, Iterator

from ..records import Group
from .rows import _date, _group, _iso, _now


class ClusterTables:
    db: sqlite3.Connection

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
        """Why the article sits in its event and story, with every group id it names as it goes now."""
        r = self.db.execute("SELECT detail FROM explanations WHERE article=?", (article_id,)).fetchone()
        return _resolved(json.loads(r[0]), self.redirects()) if r else None

    def explanations(self) -> dict[str, dict]:
        """Every article's explanation (as :meth:`explanation`), by article id."""
        redirects = self.redirects()
        return {r[0]: _resolved(json.loads(r[1]), redirects)
                for r in self.db.execute("SELECT article, detail FROM explanations")}


def _resolved(detail: dict, redirects: dict[str, str]) -> dict:
    """``detail`` with its event, story and runners-up named by the ids they go by now (merges redirect)."""
    for key, holder in (("event", detail), ("story", detail), ("event", detail.get("runner_up")),
                        ("story", detail.get("story_runner_up"))):
        if holder and holder.get(key):
            holder[key] = redirects.get(holder[key], holder[key])
    return detail
