"""Copy-candidate search at scale: sketching speed, index memory per article, query time as the index grows.

    python bench/copies_scale.py [--sizes 10000 100000] [--queries 1000]

A scaled corpus is made from T17: each synthetic article is 25 sentences drawn
at random from the pool of T17 sentences (real vocabulary, distinct texts, fixed
seed). For each size the index is filled, then ``--queries`` fresh articles are
sketched and looked up (LSH over content words plus the long-sentence index),
timed per article. Memory is the growth of traced Python allocations while
filling the index, divided by its size. Alignment is not part of this: it runs
only on the few candidates a query returns.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import t17_jsonl  # noqa: E402

from newsdesk.copies.index import CopyIndex  # noqa: E402
from newsdesk.copies.sketch import bag, normalise_with_anchors  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402

_SPLIT = re.compile(r"(?<=[.!?])\s+")


def sentence_pool(limit: int = 200_000) -> list[str]:
    pool = []
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            pool += [s for s in _SPLIT.split(json.loads(line)["text"]) if len(s.split()) >= 6]
            if len(pool) >= limit:
                return pool
    return pool


def synthetic(pool: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(pool) for _ in range(25)) for _ in range(n)]


def sketch(index: CopyIndex, text: str):
    """What detect_copies computes per new article before judging candidates."""
    norm, anchors = normalise_with_anchors(text)
    return index.signature(bag(norm, index.vocab, normalised=True)), anchors


def measure(size: int, queries: int, pool: list[str]) -> dict:
    s = Settings()
    index = CopyIndex(s)
    texts = synthetic(pool, size, seed=size)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        values, anchors = sketch(index, text)
        index.add(f"x{i}", values, anchors)
    fill = time.perf_counter() - t0
    index._bands.merge()
    index._anchors.merge()
    mem = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    fresh = synthetic(pool, queries, seed=size + 1)
    t0 = time.perf_counter()
    found = 0
    for text in fresh:
        values, anchors = sketch(index, text)
        found += len(index.query(values, s.max_candidates)) + len(index.blocks(anchors, s.partial_min_shared,
                                                                               s.max_candidates))
    q = time.perf_counter() - t0
    return {"size": size, "fill_articles_per_s": size / fill, "bytes_per_article": mem / size,
            "query_ms": 1000 * q / queries, "sketch_and_query_per_s": queries / q,
            "candidates_per_query": found / queries}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pool = sentence_pool()
    rows = [measure(n, args.queries, pool) for n in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"sentence pool: {len(pool)} T17 sentences; synthetic articles of 25 sentences")
    print("   index size   fill art/s   bytes/article   query ms   sketch+query art/s   candidates/query")
    for r in rows:
        print(f"   {r['size']:>10}   {r['fill_articles_per_s']:>10.0f}   {r['bytes_per_article']:>13.0f}"
              f"   {r['query_ms']:>8.2f}   {r['sketch_and_query_per_s']:>18.0f}   {r['candidates_per_query']:>16.2f}")


if __name__ == "__main__":
    main()
