"""End to end through the library: incremental builds and recovery from a killed build."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.helpers import write_text_corpus

from newsdesk.pipeline import build
from newsdesk.settings import Settings
from newsdesk.store import open_store


def _counts(db):
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "sources", "copies", "quarantine")} | {
            "unassigned": con.execute("SELECT count(*) FROM articles WHERE event IS NULL").fetchone()[0],
            "unchecked": con.execute("SELECT count(*) FROM articles WHERE copies_done=0").fetchone()[0],
        }
    finally:
        con.close()


def test_second_build_adds_nothing_and_new_file_is_the_only_work(tmp_path):
    corpus = tmp_path / "pile"
    write_text_corpus(corpus, 30)
    db = tmp_path / "desk.sqlite"
    with open_store(db) as store:
        first = build([corpus], store)
    assert first.articles_added == 30
    before = _counts(db)
    with open_store(db) as store:
        again = build([corpus], store)
    assert again.articles_added == 0 and again.files_unchanged == 30
    assert _counts(db) == before
    write_text_corpus(corpus, 1, start=30)
    with open_store(db) as store:
        third = build([corpus], store)
    assert third.articles_added == 1 and third.files_unchanged == 30
    assert third.documents == 1
    with open_store(db) as store:
        events_before = {a.id: a.event for a in store.articles("seq <= 30")}
    with open_store(db) as store:
        assert {a.id: a.event for a in store.articles("seq <= 30")} == events_before


def test_bad_files_are_quarantined_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "pile"
    write_text_corpus(corpus, 5)
    (corpus / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "bad.jsonl").write_text('{"id": "ok1", "text": "' + "A fine body of text. " * 10 + '"}\n{oops\n')
    db = tmp_path / "desk.sqlite"
    with open_store(db) as store:
        s = build([corpus], store)
        reasons = sorted((r["source"].rsplit("/", 1)[-1], r["reason"]) for r in store.quarantine_rows())
    assert s.articles_added == 6
    assert reasons == [("bad.jsonl#2", "malformed_json"), ("empty.html", "empty"), ("photo.txt", "binary")]
    assert sum(s.quarantined.values()) == 3


def test_a_killed_build_loses_nothing_and_a_rerun_completes_it(tmp_path):
    corpus = tmp_path / "pile"
    write_text_corpus(corpus, 1500)
    killed, clean = tmp_path / "killed.sqlite", tmp_path / "clean.sqlite"
    cmd = [sys.executable, "-m", "newsdesk", "build", str(corpus), "--db", str(killed), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(killed, timeout=0.1)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if stored >= 200:
            break
    assert proc.poll() is None, "build finished before it could be killed; make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(killed)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < partial < 1500
    subprocess.run(cmd, check=True)
    with open_store(clean) as store:
        build([corpus], store, Settings())
    assert _counts(killed) == _counts(clean)
    assert _counts(killed)["unassigned"] == 0 and _counts(killed)["unchecked"] == 0
    ids = lambda db: {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")}
    assert ids(killed) == ids(clean)


def test_a_reprint_in_a_later_build_links_to_the_original_stored_before(tmp_path):
    from tests.test_copies import WIRE

    pile = tmp_path / "pile"
    (pile / "Meridian Press").mkdir(parents=True)
    (pile / "Meridian Press" / "dam.txt").write_text("Dam fails above Aldmoor\ndate 2024-04-15\n\n" + WIRE)
    db = tmp_path / "desk.sqlite"
    with open_store(db) as store:
        build([pile], store)
    (pile / "Valley Herald").mkdir()
    (pile / "Valley Herald" / "flood.txt").write_text("Twelve dead as dam gives way\ndate 2024-04-16\n\n" + WIRE)
    with open_store(db) as store:
        build([pile], store)  # the index of the first build is rebuilt from the stored sketches
        links = [(store.article(x.copy).outlet, store.article(x.original).outlet, x.kind) for x in store.copy_links()]
    assert links == [("Valley Herald", "Meridian Press", "exact")]


def test_a_desk_from_before_the_word_hash_change_is_re_sketched_and_keeps_its_copies(tmp_path):
    from tests.test_copies import WIRE

    pile = tmp_path / "pile"
    for outlet, day in (("Meridian Press", 15), ("Valley Herald", 16)):
        (pile / outlet).mkdir(parents=True)
        (pile / outlet / "dam.txt").write_text(f"Dam fails above Aldmoor\ndate 2024-04-{day}\n\n" + WIRE)
    db = tmp_path / "desk.sqlite"
    with open_store(db) as store:
        build([pile], store)
    con = sqlite3.connect(db)  # what a schema-7 desk held: signatures of the old word hashes
    con.execute("UPDATE articles SET minhash = zeroblob(512)")
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    with open_store(db) as store:  # the migration drops the old sketches and links ...
        assert store.db.execute("SELECT count(*) FROM articles WHERE minhash IS NOT NULL").fetchone()[0] == 0
        assert _counts(db)["copies"] == 0
        build([pile], store)  # ... and the next build sketches and links again
        links = [(store.article(x.copy).outlet, store.article(x.original).outlet, x.kind) for x in store.copy_links()]
    assert links == [("Valley Herald", "Meridian Press", "exact")]
    assert _counts(db)["unchecked"] == 0
