"""ECB+ same-event document pairs: hard negatives for copy detection, minus verified copies.

    python -m bench.copies.ecb_pairs [--min 0.3]   # list same-event pairs by shingle containment

Every ECB+ document is treated as its own outlet. Two documents of the same
``event`` report one happening; they are not copies unless one reprints the
other. Pairs that reading showed to be copies are listed, with a note, in
``ecb_exclusions.jsonl`` and left out of the negatives.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from .common import HERE, SHARED, containment, shingle_set

DEV = SHARED / "ecbplus" / "dev.jsonl"
EXCLUSIONS = HERE / "ecb_exclusions.jsonl"


def load_docs(path: Path = DEV) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def exclusions(path: Path = EXCLUSIONS) -> set[frozenset[str]]:
    if not path.exists():
        return set()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {frozenset((r["a"], r["b"])) for r in rows}


def same_event_pairs(docs: list[dict]) -> list[tuple[str, str]]:
    """All unordered same-event pairs, in a fixed order."""
    by_event: dict[str, list[str]] = {}
    for d in docs:
        by_event.setdefault(d["event"], []).append(d["id"])
    out = []
    for ev in sorted(by_event):
        out += list(itertools.combinations(sorted(by_event[ev]), 2))
    return out


def negative_pairs(docs: list[dict]) -> list[tuple[str, str]]:
    ex = exclusions()
    return [p for p in same_event_pairs(docs) if frozenset(p) not in ex]


def scored_pairs(docs: list[dict]) -> list[dict]:
    sh = {d["id"]: shingle_set(d["text"]) for d in docs}
    out = []
    for a, b in same_event_pairs(docs):
        ab, ba = containment(sh[a], sh[b]), containment(sh[b], sh[a])
        out.append({"a": a, "b": b, "a_in_b": round(ab, 3), "b_in_a": round(ba, 3)})
    out.sort(key=lambda r: -max(r["a_in_b"], r["b_in_a"]))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=float, default=0.3)
    args = ap.parse_args(argv)
    docs = load_docs()
    rows = scored_pairs(docs)
    print(f"{len(docs)} documents, {len(rows)} same-event pairs, {len(exclusions())} excluded")
    for r in rows:
        if max(r["a_in_b"], r["b_in_a"]) >= args.min:
            print(json.dumps(r))


if __name__ == "__main__":
    main()
