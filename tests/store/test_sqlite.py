import sqlite3
from datetime import date

import pytest

from newsdesk.records import Article, Quarantined
from newsdesk.store import StoreError, open_store
from newsdesk.store.sqlite import migrations


def _article(i, text):
    return Article(id=f"a{i}", source=f"s{i}", fmt="txt", text=text, title=f"T{i}", outlet="O",
                   published=date(2024, 4, i))


def test_new_desk_is_wal_with_latest_schema(tmp_path):
    db = tmp_path / "d.sqlite"
    with open_store(db) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0]
    with open_store(db) as store:  # reopening migrates nothing and keeps data
        assert store.count("articles") == 0


def test_articles_round_trip_and_search(tmp_path):
    with open_store(tmp_path / "d.sqlite") as store:
        added = store.save_ingest(
            [_article(1, "The dam above Aldmoor failed."), _article(2, "Teachers strike in Kessing.")],
            {}, [Quarantined("bad.txt", "binary", "binary data")], {}, {"f": ("h", 2, 1)},
        )
        assert added == 2
        again = store.save_ingest([_article(1, "The dam above Aldmoor failed.")], {}, [], {}, {})
        assert again == 0
        a = store.article("a1")
        assert (a.title, a.published, a.outlet) == ("T1", date(2024, 4, 1), "O")
        hits = store.search("aldmoor")
        assert [h.id for h, _ in hits] == ["a1"]
        assert store.source_hash("f") == "h"
        assert [r["reason"] for r in store.quarantine_rows()] == ["binary"]


def test_readers_see_committed_data_while_a_writer_holds_the_desk(tmp_path):
    db = tmp_path / "d.sqlite"
    writer = open_store(db)
    writer.save_ingest([_article(1, "First body.")], {}, [], {}, {})
    writer.db.execute("BEGIN IMMEDIATE")
    writer.db.execute("UPDATE articles SET title='changing' WHERE id='a1'")
    reader = open_store(db, readonly=True)
    assert reader.article("a1").title == "T1"
    writer.db.execute("ROLLBACK")
    writer.close()
    reader.close()


def test_foreign_files_are_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a newsdesk desk"):
        open_store(other)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        open_store(junk)
    with pytest.raises(StoreError, match="no desk"):
        open_store(tmp_path / "absent.sqlite", readonly=True)
