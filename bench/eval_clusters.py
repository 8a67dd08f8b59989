"""Event and story clustering quality on ECB+ (events), T17 (stories) and the example corpus.

    python bench/eval_clusters.py [--grid]

Runs the cluster stage alone on articles built from each corpus (ECB+ has no
dates; T17 uses its given dates) and prints B-cubed P/R/F1 and ARI at the
event level and purity / inverse purity at the story level.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import require, t17_jsonl  # noqa: E402

from newsdesk.cluster import ClusterState, assign_clusters  # noqa: E402
from newsdesk.metrics import ari, bcubed, purity  # noqa: E402
from newsdesk.records import Article  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402


def ecb_articles() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    arts, ev, topic = [], {}, {}
    for line in (require("ecbplus") / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        lines = r["text"].split("\n")
        arts.append(Article(id="a" + r["id"], source=r["id"], fmt="jsonl", title=lines[0], text=r["text"]))
        ev["a" + r["id"]], topic["a" + r["id"]] = r["event"], str(r["topic"])
    return arts, ev, topic


def t17_articles(limit_per_topic: int | None = None) -> tuple[list[Article], dict[str, str]]:
    arts, story = [], {}
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        topic = f.stem.split("_")[0]
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
            if limit_per_topic and n >= limit_per_topic:
                break
            r = json.loads(line)
            aid = "a" + r["id"]
            arts.append(Article(id=aid, source=r["id"], fmt="jsonl", text=r["text"], outlet=r["outlet"],
                                published=date.fromisoformat(r["published"])))
            story[aid] = topic
    return arts, story


def cluster(arts: list[Article], settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    res = assign_clusters(arts, ClusterState(), settings)
    return ({a: e for a, (e, s) in res.assignments.items()}, {a: s for a, (e, s) in res.assignments.items()})


def report(settings: Settings, t17_limit: int | None = None) -> dict:
    out = {}
    arts, gold_ev, gold_topic = ecb_articles()
    ev, st = cluster(arts, settings)
    out["ecb_event_b3"] = bcubed(ev, gold_ev)
    out["ecb_event_ari"] = ari(ev, gold_ev)
    out["ecb_topic_b3_of_stories"] = bcubed(st, gold_topic)
    arts, gold_story = t17_articles(t17_limit)
    ev, st = cluster(arts, settings)
    out["t17_story_purity"] = purity(st, gold_story)
    out["t17_stories"] = len(set(st.values()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grid", action="store_true", help="try a small grid of thresholds")
    ap.add_argument("--t17-limit", type=int, default=None, help="articles per T17 topic folder")
    args = ap.parse_args()
    grid = [Settings()]
    if args.grid:
        grid = [Settings(event_threshold=e, story_threshold=s) for e in (0.2, 0.25, 0.3) for s in (0.08, 0.12, 0.16)]
    for s in grid:
        r = report(s, args.t17_limit)
        print(f"event>={s.event_threshold} story>={s.story_threshold}: "
              f"ECB+ event B3 P/R/F {r['ecb_event_b3'][0]:.3f}/{r['ecb_event_b3'][1]:.3f}/{r['ecb_event_b3'][2]:.3f} "
              f"ARI {r['ecb_event_ari']:.3f}; ECB+ topic B3 F (stories) {r['ecb_topic_b3_of_stories'][2]:.3f}; "
              f"T17 story purity/inverse {r['t17_story_purity'][0]:.3f}/{r['t17_story_purity'][1]:.3f} "
              f"({r['t17_stories']} stories)", flush=True)


if __name__ == "__main__":
    main()
