"""Speed of the facts stage (entities, quotes, figures) on T17 articles, against spaCy's full pipeline.

    python bench/facts_speed.py [--limit 160] [--workers 2]

The articles go into a fresh desk file and the stage runs as a build runs it,
``pipeline.link_facts`` (read the articles not yet read for facts, find their
facts, store them with the desk's names): once in one process
(``settings.workers=1``) and once with ``--workers`` processes (the build's
setting, 2 by default), each from an empty names table. Both timings include
loading the spaCy model (once, in the building process: the workers are
forked from it), which the line below the table gives on its own. CPU time
counts the building process and its workers.

The peer, in the same run and one process, is the same small English model
with every component (tagger, parser, lemmatizer, NER) over the same texts,
model loaded beforehand: what a quote extractor built on dependency parses
would spend before doing any work of its own. The stage itself runs the
model's NER only, and only on the windows around capitalised words
(``newsdesk.facts.nlp.NameWindows``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI sets it: BLAS threads would fight the workers
os.environ.setdefault("OMP_NUM_THREADS", "1")
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import t17_jsonl  # noqa: E402

from newsdesk.facts.nlp import load_nlp  # noqa: E402
from newsdesk.pipeline import BuildSummary, link_facts  # noqa: E402
from newsdesk.records import Article  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402
from newsdesk.store.sqlite import open_store  # noqa: E402


def articles(limit: int) -> list[Article]:
    out = []
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        lines = f.read_text(encoding="utf-8").splitlines()
        for line in lines[: max(1, limit // 16)]:
            r = json.loads(line)
            out.append(Article(id=str(r["id"]), source=f.name, fmt="jsonl", text=r["text"],
                               published=date.fromisoformat(r["published"][:10]) if r.get("published") else None))
    return out[:limit]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the stage's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_stage(store, settings: Settings) -> tuple[float, float, BuildSummary]:
    """Wall and CPU seconds of ``link_facts`` over every article of ``store``, from an empty names table."""
    with store.db:
        for table in ("mentions", "quotes", "figures", "names"):
            store.db.execute(f"DELETE FROM {table}")
        store.db.execute("UPDATE articles SET facts_done=0")
    summary = BuildSummary()
    w0, c0 = time.perf_counter(), _cpu()
    link_facts(store, settings, summary)
    return time.perf_counter() - w0, _cpu() - c0, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=160)
    ap.add_argument("--workers", type=int, default=Settings().workers)
    args = ap.parse_args()
    arts = articles(args.limit)
    n = len(arts)
    words = sum(len(a.text.split()) for a in arts) / n
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "desk.db")
        store.save_ingest(arts, {}, [], {}, {})
        for workers in (1, args.workers):
            wall, cpu, summary = run_stage(store, replace(Settings(), workers=workers))
            mentions = store.count("mentions")
            rows.append((f"ours: `link_facts`, {workers} process{'es' if workers > 1 else ''}", wall, cpu,
                         f"{mentions} mentions, {summary.quotes} quotes, {summary.figures} figures"))
        store.close()
    w0, c0 = time.perf_counter(), time.process_time()
    load_nlp("ner")
    load = (time.perf_counter() - w0, time.process_time() - c0)
    full = load_nlp("full")
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in full.pipe((a.text for a in arts), batch_size=16):
        pass
    rows.append(("spaCy en_core_web_sm, full pipeline, parsing only, 1 process", time.perf_counter() - w0,
                 time.process_time() - c0, ""))
    print(f"## Facts stage speed\n\n{n} T17 articles, {words:.0f} words on average; {os.cpu_count()} cores "
          f"(`python bench/facts_speed.py --limit {args.limit} --workers {args.workers}`).\n")
    print("| | articles/s (wall) | articles/s (CPU) | wall s | CPU s | found |")
    print("|---|---|---|---|---|---|")
    for name, wall, cpu, found in rows:
        print(f"| {name} | **{n / wall:.1f}** | {n / cpu:.1f} | {wall:.1f} | {cpu:.1f} | {found} |")
    peer_wall = rows[-1][1]
    print(f"\nLoading the NER model (counted in the stage's times, once per run): {load[0]:.1f} s wall, "
          f"{load[1]:.1f} s CPU.")
    print("Ours / full spaCy pipeline, wall: " + ", ".join(
        f"{peer_wall / wall:.2f}x ({name.split(', ', 1)[1]})" for name, wall, _c, _f in rows[:-1]))


if __name__ == "__main__":
    main()
