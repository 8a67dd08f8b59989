"""Speed of the facts stage (entities, quotes, figures) on T17 articles, against spaCy's full pipeline.

    python bench/facts_speed.py [--limit 300]

Both run in the same process on the same articles: ours is ``extract_facts``
(spaCy's small English model with NER only, then our rules for names, quotes
and figures); the reference is the same model with every component (tagger,
parser, lemmatizer, NER), which a quote extractor built on dependency parses
would need before doing any work of its own. Model loading is not timed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import t17_jsonl  # noqa: E402

from newsdesk.facts import extract_facts  # noqa: E402
from newsdesk.facts.gazetteer import Gazetteer  # noqa: E402
from newsdesk.facts.nlp import load_nlp  # noqa: E402
from newsdesk.records import Article  # noqa: E402


def articles(limit: int) -> list[Article]:
    out = []
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        lines = f.read_text(encoding="utf-8").splitlines()
        for line in lines[: max(1, limit // 16)]:
            r = json.loads(line)
            out.append(Article(id=str(r["id"]), source=f.name, fmt="jsonl", text=r["text"],
                               published=date.fromisoformat(r["published"][:10]) if r.get("published") else None))
    return out[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    arts = articles(args.limit)
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    nlp, full, gaz = load_nlp("ner"), load_nlp("full"), Gazetteer()
    t0 = time.perf_counter()
    facts = extract_facts(arts, nlp, {}, gaz)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in full.pipe((a.text for a in arts), batch_size=16):
        pass
    ref = time.perf_counter() - t0
    print(f"{len(arts)} T17 articles, {words:.0f} words on average; one process")
    print()
    print("| | articles/s | found |")
    print("|---|---|---|")
    print(f"| ours: extract_facts (NER + rules) | {len(arts) / ours:.1f} | {len(facts.mentions)} mentions, "
          f"{len(facts.quotes)} quotes, {len(facts.figures)} figures |")
    print(f"| spaCy en_core_web_sm, full pipeline, parsing only | {len(arts) / ref:.1f} | |")
    print()
    print(f"ours / full spaCy pipeline: {ref / ours:.2f}x")


if __name__ == "__main__":
    main()
