"""Facts tables of the SQLite store: entity mentions, quotes, figures and the desk's canonical names.

A mixin of :class:`newsdesk.store.sqlite.SQLiteStore` (it uses ``self.db``),
kept apart so that each file reads in one sitting.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from ..facts.records import Figure, Mention, Quote

_QUOTE_COLS = ("article", "start", "end", "text", "direct", "speaker", "speaker_mention", "speaker_start",
               "speaker_end", "cue", "cue_start", "cue_end")
_FIGURE_COLS = ("article", "start", "end", "text", "sentence", "value", "value_high", "unit", "kind", "subject",
                "qualifier", "source", "as_of", "unverified", "extra")


class FactsTables:
    db: sqlite3.Connection

    def known_names(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, canonical FROM names"))

    def save_facts(self, article_ids: list[str], mentions: list[Mention], quotes: list[Quote],
                   figures: list[Figure], names: dict[str, str]) -> None:
        """Replace the facts of ``article_ids``, add or update ``names``, and mark them done, in one transaction."""
        with self.db:
            for table in ("mentions", "quotes", "figures"):
                self.db.executemany(f"DELETE FROM {table} WHERE article=?", [(a,) for a in article_ids])
            self.db.executemany(
                "INSERT INTO mentions (article, start, end, text, label, canonical) VALUES (?,?,?,?,?,?)",
                [(m.article, m.start, m.end, m.text, m.label, m.canonical) for m in mentions])
            self.db.executemany(
                f"INSERT INTO quotes ({', '.join(_QUOTE_COLS)}) VALUES ({','.join('?' * len(_QUOTE_COLS))})",
                [tuple(getattr(q, c) for c in _QUOTE_COLS) for q in quotes])
            self.db.executemany(
                f"INSERT INTO figures ({', '.join(_FIGURE_COLS)}) VALUES ({','.join('?' * len(_FIGURE_COLS))})",
                [tuple(json.dumps(f.extra, ensure_ascii=False) if c == "extra" else getattr(f, c)
                       for c in _FIGURE_COLS) for f in figures])
            self.db.executemany("INSERT OR REPLACE INTO names (key, canonical) VALUES (?,?)", names.items())
            self.db.executemany("UPDATE articles SET facts_done=1 WHERE id=?", [(a,) for a in article_ids])

    def quotes(self, where: str = "1", params: tuple = ()) -> Iterator[Quote]:
        """Quotes in article order, then by position (``where`` may use columns of quotes and articles a)."""
        sql = (f"SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article WHERE {where} "
               "ORDER BY a.published IS NULL, a.published, a.seq, q.start")
        for r in self.db.execute(sql, params):
            yield Quote(**{c: (bool(r[c]) if c == "direct" else r[c]) for c in _QUOTE_COLS})

    def figures(self, where: str = "1", params: tuple = ()) -> Iterator[Figure]:
        """Figures in article order, then by position (``where`` may use columns of figures f and articles a)."""
        sql = (f"SELECT f.* FROM figures f JOIN articles a ON a.id = f.article WHERE {where} "
               "ORDER BY a.published IS NULL, a.published, a.seq, f.start")
        for r in self.db.execute(sql, params):
            values = {c: r[c] for c in _FIGURE_COLS}
            values["unverified"] = bool(values["unverified"])
            values["extra"] = json.loads(values["extra"] or "{}")
            yield Figure(**values)

    def mentions(self, where: str = "1", params: tuple = ()) -> Iterator[Mention]:
        for r in self.db.execute(f"SELECT m.* FROM mentions m WHERE {where} ORDER BY m.article, m.start", params):
            yield Mention(r["article"], r["start"], r["end"], r["text"], r["label"], r["canonical"])

    def speakers(self) -> list[tuple[str, int]]:
        """Canonical speakers with their number of quotes, most quoted first."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
            "ORDER BY count(*) DESC, speaker")]

    def figure_kinds(self) -> list[tuple[str, int]]:
        """Kinds of figure with their number of figures, most frequent first."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY count(*) DESC, kind")]
