"""End-to-end build speed and memory on the 4,352 T17 articles, stage by stage.

    python bench/t17_build.py [--limit N] [--json]

Runs `newsdesk build` in-process on T17 (as JSONL batches with their given
dates) into a fresh desk and reports articles/s per stage and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import t17_jsonl  # noqa: E402

from newsdesk.pipeline import build  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402
from newsdesk.store import open_store  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(limit: int | None = None) -> dict:
    src = t17_jsonl()
    files = sorted(src.glob("*.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        if limit:
            lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()][:limit]
            sub = Path(tmp) / "in.jsonl"
            sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
            files = [sub]
        rss0 = peak_mb()
        with open_store(Path(tmp) / "desk.sqlite") as store:
            t0 = time.perf_counter()
            summary = build(files, store, Settings())
            total = time.perf_counter() - t0
            n = store.count("articles")
    stages = {k: {"seconds": v, "articles_per_s": n / v if v else None} for k, v in summary.seconds.items()}
    return {
        "corpus": "t17", "articles": n, "seconds": total, "articles_per_s": n / total,
        "peak_rss_mb": peak_mb(), "rss_before_mb": rss0, "stages": stages,
        "copies": dict(summary.copies), "events": summary.events, "stories": summary.stories,
        "quarantined": dict(summary.quarantined),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run(args.limit)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"T17: {r['articles']} articles in {r['seconds']:.1f} s = {r['articles_per_s']:.0f} articles/s end to end, "
          f"peak RSS {r['peak_rss_mb']:.0f} MB")
    for k, v in r["stages"].items():
        print(f"  {k:<8} {v['seconds']:7.2f} s  {v['articles_per_s'] or 0:8.0f} articles/s")
    print(f"  copies {r['copies']}, {r['events']} events, {r['stories']} stories")


if __name__ == "__main__":
    main()
