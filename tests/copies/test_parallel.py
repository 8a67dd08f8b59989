"""Sketching in worker processes gives the same sketches and the same copy links as in place."""

from datetime import date

import numpy as np

from newsdesk.copies import CopyIndex, detect_copies, sketch_texts
from newsdesk.copies.parallel import sketch_batches
from newsdesk.records import Article
from newsdesk.settings import Settings
from tests.test_copies import OWN, WIRE


def articles():
    trimmed = WIRE.rsplit("\n\n", 1)[0] + "\n\nSubscribe to the Courier today."
    return [Article(id="w", source="w", fmt="txt", text=WIRE, outlet="Meridian Press", published=date(2024, 4, 15)),
            Article(id="c", source="c", fmt="txt", text=trimmed, outlet="Courier", published=date(2024, 4, 16)),
            Article(id="o", source="o", fmt="txt", text=OWN, outlet="Chronicle", published=date(2024, 4, 15)),
            Article(id="x", source="x", fmt="txt", text=WIRE, outlet="Valley Herald", published=date(2024, 4, 17))]


def test_worker_sketches_equal_in_place_sketches_and_give_the_same_links():
    batches = [articles()[:2], articles()[2:]]
    perm = CopyIndex(Settings()).perm
    in_workers = list(sketch_batches(batches, perm, workers=2, min_articles=0))
    assert [sorted(d) for d in in_workers] == [["c", "w"], ["o", "x"]]
    for batch, got in zip(batches, in_workers):
        for a, want in zip(batch, sketch_texts([a.text for a in batch], perm)):
            assert np.array_equal(got[a.id].bag, want.bag)
            assert np.array_equal(got[a.id].values, want.values) and np.array_equal(got[a.id].anchors, want.anchors)

    def run(sketch_sets):
        index, roots, out = CopyIndex(Settings()), {}, set()
        stored = {a.id: a for a in articles()}
        for batch, sketches in zip(batches, sketch_sets):
            links, _ = detect_copies(batch, index, stored.get, roots, sketches)
            out |= {(link.copy, link.original, link.kind) for link in links}
        return out

    assert run(in_workers) == run([None, None]) == {("c", "w", "near"), ("x", "w", "exact")}


def test_small_piles_are_sketched_in_place():
    assert list(sketch_batches([articles()], CopyIndex(Settings()).perm, workers=2)) == [None]
