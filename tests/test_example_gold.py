"""Quality gates on the example corpus against its gold (examples/gold.json).

The corpus is fictional and written for this repo; its gold labels dates,
boilerplate lines, copies, events and stories. Pinned floors sit a little under
what the current stages reach, so a regression fails here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from newsdesk.metrics import bcubed, prf


def _key(source: str) -> str:
    path, _, rec = source.partition("#")
    rel = str(Path(path).resolve().relative_to(CORPUS.resolve()))
    return f"{rel}#{rec}" if rec else rel


@pytest.fixture(scope="module")
def desk(example_desk, gold):
    con = sqlite3.connect(example_desk)
    con.row_factory = sqlite3.Row
    rows = {_key(r["source"]): dict(r) for r in con.execute("SELECT * FROM articles")}
    con.close()
    return rows, gold["documents"]


def test_every_gold_document_becomes_an_article(desk):
    rows, docs = desk
    assert sorted(rows) == sorted(docs)


def test_publication_dates(desk):
    rows, docs = desk
    right = sum(rows[k]["published"] == d["published"] for k, d in docs.items())
    invented = sum(1 for k, d in docs.items() if rows[k]["published"] and rows[k]["published"] != d["published"])
    assert right / len(docs) >= 0.96, f"date accuracy {right}/{len(docs)}"
    assert invented <= 1
    for k, d in docs.items():  # never a copyright year: footers say 2016-2022, the pile is 2024
        if rows[k]["published"]:
            assert rows[k]["published"].startswith("2024"), k


def test_boilerplate_is_removed_and_body_kept(desk):
    rows, docs = desk
    lines = [(k, line) for k, d in docs.items() for line in d["boilerplate"]]
    gone = sum(line not in rows[k]["text"] for k, line in lines)
    assert gone / len(lines) >= 0.99, f"{gone}/{len(lines)} boilerplate lines removed"
    keep = [(k, s) for k, d in docs.items() for s in d["body_must_keep"]]
    lost = [(k, s) for k, s in keep if s not in rows[k]["text"]]
    assert not lost


@pytest.mark.parametrize("kind", ["exact", "near", "rewrite", "partial"])
def test_copies_point_to_their_original(desk, kind):
    rows, docs = desk
    by_id = {r["id"]: k for k, r in rows.items()}
    pred = {(k, by_id[r["copy_of"]]) for k, r in rows.items() if r["copy_kind"] == kind}
    gold = {(k, d["copy_of"]) for k, d in docs.items() if d["copy_kind"] == kind}
    p, r, f = prf(pred, gold)
    assert f >= 0.99, (p, r, sorted(pred ^ gold))


def test_nothing_else_is_a_copy(desk):
    rows, docs = desk
    by_id = {r["id"]: k for k, r in rows.items()}
    # nothing is called a copy that is not one of some kind in the gold
    any_copy = {(k, d["copy_of"]) for k, d in docs.items() if d["copy_of"]}
    called = {(k, by_id[r["copy_of"]]) for k, r in rows.items() if r["copy_of"]}
    assert called <= any_copy, sorted(called - any_copy)
    revisions = [k for k, d in docs.items() if d.get("revision_of")]
    assert revisions and all(rows[k]["copy_of"] is None for k in revisions)


def test_events_and_stories(desk):
    rows, docs = desk
    _, _, ev_f = bcubed({k: r["event"] for k, r in rows.items()}, {k: d["event"] for k, d in docs.items()})
    _, _, st_f = bcubed({k: r["story"] for k, r in rows.items()}, {k: d["story"] for k, d in docs.items()})
    assert ev_f >= 0.70, ev_f  # measured .713 (.728 before rewrite copies took part in re-clustering, tied to their source)
    assert st_f >= 0.87, st_f  # measured .880 (the Saltby election no longer joins the strike story on "Vessen" alone)


def test_outlet_variants_fold_into_one_name(desk, gold):
    rows, docs = desk
    names = {r["outlet"] for r in rows.values()}
    assert len(names) == len(gold["outlets"]), sorted(names)
