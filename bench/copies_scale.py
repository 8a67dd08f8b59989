"""Copy-candidate search at scale: sketching speed, index memory, query time and recall as the index grows.

    python bench/copies_scale.py [--sizes 10000 100000] [--queries 10000] [--planted 200] [--no-peer]

A scaled corpus is made from T17: each synthetic article is 25 sentences drawn
at random from the pool of T17 sentences (real vocabulary, distinct texts, fixed
seed). For each size the index is filled, then:

- ``--queries`` fresh articles are sketched and searched (LSH over content
  words plus the long-sentence index, against the index and their own batch)
  in batches of ``batch_size``, by the code a build runs: in one process, and
  with the sketching in two worker processes (``sketch_batches``; the search
  stays in the main process, as in a build; starting the workers is included
  in the time). One lookup at a time is timed too;
- ``--planted`` copies of indexed articles (the spin generator's realistic near
  copies and rewrites, half each) are looked up: recall is the share whose
  original is among the candidates. It shows that the per-bucket cap that keeps
  queries flat does not lose copies as the desk grows.

Memory per article is what our index holds (arrays and id tables, counted
exactly)
and, for datasketch, the traced Python allocations of an LSH over 5,000 of the
articles (tracing the whole fill would slow it several times). The peer is datasketch (MinHash with 128 permutations,
MinHashLSH at the same Jaccard threshold) on the same word sets, same run.
Alignment is not part of this: it runs only on the few candidates a query returns.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from datasets import t17_jsonl  # noqa: E402

from bench.copies.spin import spin  # noqa: E402
from newsdesk.copies.search import batch_candidates  # noqa: E402  (the search detect_copies runs before judging)
from newsdesk.copies.index import CopyIndex  # noqa: E402
from newsdesk.copies.parallel import sketch_batches  # noqa: E402
from newsdesk.records import Article  # noqa: E402
from newsdesk.copies.sketch import permutations, sketch_texts  # noqa: E402
from newsdesk.ids import normalise_body  # noqa: E402
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


_PERM = permutations(Settings().minhash_perm, Settings().minhash_seed)


def sketch(text: str):
    """What detect_copies computes per new article before judging candidates."""
    sk = sketch_texts([text], _PERM)[0]
    return sk.values, sk.anchors


def lookup(index: CopyIndex, s: Settings, values, anchors) -> list[str]:
    return [oid for _, oid in index.query(values, s.max_candidates)] + index.blocks(
        anchors, s.partial_min_shared, s.max_candidates)


def planted(texts: list[str], n: int, seed: int) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    rows = rng.sample(range(len(texts)), n)
    return [(i, spin(texts[i], seed + k, "near_realistic" if k % 2 else "rewrite_realistic"))
            for k, i in enumerate(rows)]


def search(index: CopyIndex, batches: list[list[Article]], sketch_sets) -> int:
    """Candidate search as detect_copies runs it, batch by batch; returns the number of candidates."""
    found = 0
    for batch, sketches in zip(batches, sketch_sets):
        sk = sketches if sketches is not None else dict(zip([a.id for a in batch],
                                                            sketch_texts([a.text for a in batch], index.perm)))
        found += sum(map(len, batch_candidates(batch, [sk[a.id].values for a in batch],
                                               [sk[a.id].anchors for a in batch], index)))
    return found


def measure(size: int, queries: int, n_planted: int, pool: list[str]) -> dict:
    s = Settings()
    index = CopyIndex(s)
    texts = synthetic(pool, size, seed=size)
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        values, anchors = sketch(text)
        index.add(f"x{i}", values, anchors)
    fill = time.perf_counter() - t0
    index._bands.merge()
    index._anchors.merge()
    mem = index_bytes(index)
    fresh = [Article(id=f"q{i}", source="q", fmt="txt", text=t)
             for i, t in enumerate(synthetic(pool, queries, seed=size + 1))]
    batches = [fresh[i : i + s.batch_size] for i in range(0, len(fresh), s.batch_size)]
    t0, c0 = time.perf_counter(), time.process_time()
    found = search(index, batches, [None] * len(batches))
    one, one_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    search(index, batches, sketch_batches(batches, index.perm, 2, min_articles=0))
    two, two_main, two_workers = time.perf_counter() - t0, time.process_time() - c0, _children_cpu() - k0
    sketches = [sketch(a.text) for a in fresh]
    t0 = time.perf_counter()
    for values, anchors in sketches:
        lookup(index, s, values, anchors)
    lookups_only = time.perf_counter() - t0
    hits = sum(f"x{i}" in lookup(index, s, *sketch(copy)) for i, copy in planted(texts, n_planted, size))
    return {"size": size, "fill_articles_per_s": size / fill, "bytes_per_article": mem / size,
            "query_ms": 1000 * lookups_only / queries, "sketch_and_query_per_s": queries / one,
            "sketch_and_query_per_cpu_s": queries / one_cpu,
            "sketch_and_query_per_s_2proc": queries / two, "cpu_us_main_2proc": 1e6 * two_main / queries,
            "cpu_us_workers_2proc": 1e6 * two_workers / queries, "candidates_per_query": found / queries,
            "planted_recall": hits / max(1, n_planted)}


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the sketching workers, once the pool is shut)."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


PEER_MEMORY_SAMPLE = 5000


def index_bytes(index: CopyIndex) -> int:
    """What the index holds: its arrays (signatures, band keys, anchors, row numbers) and its id tables."""
    ids = sys.getsizeof(index.ids) + sys.getsizeof(index.keys) + sum(sys.getsizeof(k) for k in index.ids)
    return index.nbytes() + index._order[: len(index.ids)].nbytes + ids


def peer(size: int, queries: int, pool: list[str]) -> dict:
    """datasketch on the same content-word sets: MinHash(128) per article, MinHashLSH at the same threshold."""
    from datasketch import MinHash, MinHashLSH

    s = Settings()
    texts = synthetic(pool, size, seed=size)

    def words(text: str) -> list[bytes]:
        return [w.encode() for w in set(normalise_body(text).split()) if len(w) > 1]

    def mh(text: str) -> MinHash:
        m = MinHash(num_perm=s.minhash_perm, seed=s.minhash_seed)
        m.update_batch(words(text))
        return m

    lsh = MinHashLSH(threshold=s.candidate_threshold, num_perm=s.minhash_perm)
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        lsh.insert(f"x{i}", mh(text))
    fill = time.perf_counter() - t0
    # memory: traced allocations of a separate LSH over the first PEER_MEMORY_SAMPLE articles (tracing is slow)
    small = MinHashLSH(threshold=s.candidate_threshold, num_perm=s.minhash_perm)
    hashes = [mh(text) for text in texts[:PEER_MEMORY_SAMPLE]]
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for i, m in enumerate(hashes):
        small.insert(f"x{i}", m)
    mem = (tracemalloc.get_traced_memory()[0] - base) / len(hashes) * size
    tracemalloc.stop()
    del small, hashes
    fresh = synthetic(pool, queries, seed=size + 1)
    t0 = time.perf_counter()
    found = sum(len(lsh.query(mh(text))) for text in fresh)
    q = time.perf_counter() - t0
    return {"size": size, "fill_articles_per_s": size / fill, "bytes_per_article": mem / size,
            "sketch_and_query_per_s": queries / q, "candidates_per_query": found / queries}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=10000)
    ap.add_argument("--planted", type=int, default=200)
    ap.add_argument("--no-peer", action="store_true", help="skip datasketch")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pool = sentence_pool()
    if not args.json:
        print(f"sentence pool: {len(pool)} T17 sentences; synthetic articles of 25 sentences; "
              f"{args.queries} queries, {args.planted} planted copies per size\n", flush=True)
    rows, peers = [], []
    for n in args.sizes:  # each size's rows are printed as soon as they are measured
        rows.append(measure(n, args.queries, args.planted, pool))
        if not args.no_peer:
            peers.append(peer(n, args.queries, pool))
        if not args.json:
            _print(rows[-1], peers[-1] if peers else None)
    if args.json:
        print(json.dumps({"ours": rows, "datasketch": peers}, indent=2))


def _print(r: dict, p: dict | None) -> None:
    print(f"index of {r['size']} articles")
    print(f"- ours: fill {r['fill_articles_per_s']:.0f} art/s, {r['bytes_per_article']:.0f} bytes/article, "
          f"lookup {r['query_ms']:.2f} ms one article at a time; batched sketch+search "
          f"{r['sketch_and_query_per_s']:.0f} art/s in 1 process ({r['sketch_and_query_per_cpu_s']:.0f} per CPU second), "
          f"{r['sketch_and_query_per_s_2proc']:.0f} art/s with sketching in 2 worker processes "
          f"(CPU per article: {r['cpu_us_main_2proc']:.0f} us searching, {r['cpu_us_workers_2proc']:.0f} us sketching), "
          f"{r['candidates_per_query']:.2f} candidates/query, planted copies found {r['planted_recall']:.3f}")
    if p:
        print(f"- datasketch 2.0 (MinHash 128 + MinHashLSH, same word sets): fill {p['fill_articles_per_s']:.0f} art/s, "
              f"{p['bytes_per_article']:.0f} bytes/article, sketch+query {p['sketch_and_query_per_s']:.0f} art/s, "
              f"{p['candidates_per_query']:.2f} candidates/query")
        print(f"- ours / datasketch, sketch+lookup in 1 process: "
              f"{r['sketch_and_query_per_s'] / p['sketch_and_query_per_s']:.1f}x; "
              f"memory: {r['bytes_per_article'] / p['bytes_per_article']:.2f}x")
    print(flush=True)

if __name__ == "__main__":
    main()
