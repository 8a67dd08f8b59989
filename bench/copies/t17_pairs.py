"""Real near-duplicate candidates inside T17, and the hand-labelled sample of them.

    python -m bench.copies.t17_pairs candidates [--min 0.2] [--out FILE]   # list candidate pairs
    python -m bench.copies.t17_pairs show ID_A ID_B                        # print both texts for reading
    python -m bench.copies.t17_pairs stats                                 # label counts of the gold file

Candidates come from an inverted index over 5-word shingles (the same
normalisation and hashing as ``newsdesk.copies.shingles``): every pair of
articles sharing shingles gets its containment both ways and its Jaccard.
The gold file ``t17_pairs.jsonl`` holds only ids (``folder/uid`` as in
``bench.datasets.t17_jsonl``), a label and a short note written after reading
both texts: exact | near | rewrite | partial | revision | not_copy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .common import HERE, shingle_set  # noqa: E402  (puts bench/ on sys.path)
from datasets import t17_jsonl  # noqa: E402

from newsdesk.ids import normalise_body  # noqa: E402

GOLD = HERE / "t17_pairs.jsonl"
LABELS = ("exact", "near", "rewrite", "partial", "revision", "not_copy")


def load_t17() -> dict[str, dict]:
    """All T17 records by id (folder/uid), in a fixed order."""
    out = {}
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["id"]] = r
    return out


def candidates(recs: dict[str, dict], k: int = 5, min_containment: float = 0.2, max_df: int = 30) -> list[dict]:
    """Pairs whose smaller text has at least ``min_containment`` of its shingles in the other."""
    ids = list(recs)
    sh = [shingle_set(recs[i]["text"], k) for i in ids]
    post: dict[int, list[int]] = defaultdict(list)
    for n, s in enumerate(sh):
        for h in sorted(s):
            post[h].append(n)
    shared: Counter = Counter()
    for lst in post.values():
        if len(lst) < 2 or len(lst) > max_df:  # very common shingles say little and cost a lot
            continue
        for x in range(len(lst)):
            for y in range(x + 1, len(lst)):
                shared[(lst[x], lst[y])] += 1
    out = []
    for (x, y), c in shared.items():
        small = min(len(sh[x]), len(sh[y]))
        if small == 0 or c / small < min_containment:
            continue
        inter = len(sh[x] & sh[y])
        a, b = ids[x], ids[y]
        ra, rb = recs[a], recs[b]
        out.append({
            "a": a, "b": b,
            "a_in_b": round(inter / len(sh[x]), 3), "b_in_a": round(inter / len(sh[y]), 3),
            "jaccard": round(inter / (len(sh[x]) + len(sh[y]) - inter), 3),
            "same_outlet": ra["outlet"] == rb["outlet"],
            "same_body": normalise_body(ra["text"]) == normalise_body(rb["text"]),
            "days": int(abs((np.datetime64(ra["published"]) - np.datetime64(rb["published"])).astype(int))),
            "len_a": len(ra["text"].split()), "len_b": len(rb["text"].split()),
        })
    out.sort(key=lambda p: (-max(p["a_in_b"], p["b_in_a"]), p["a"], p["b"]))
    return out


def load_gold(path: Path = GOLD) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    for r in rows:
        assert r["label"] in LABELS, r
    return rows


def show(recs: dict[str, dict], a: str, b: str, width: int = 0) -> str:
    ra, rb = recs[a], recs[b]
    lines = []
    for r in (ra, rb):
        lines.append(f"=== {r['id']}  {r['outlet']}  {r['published']}  {len(r['text'].split())} words")
        lines.append(r["text"] if not width else r["text"][:width])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates")
    c.add_argument("--min", type=float, default=0.2)
    c.add_argument("--out")
    s = sub.add_parser("show")
    s.add_argument("a")
    s.add_argument("b")
    s.add_argument("--width", type=int, default=0)
    sub.add_parser("stats")
    args = ap.parse_args(argv)
    if args.cmd == "stats":
        print(Counter(r["label"] for r in load_gold()))
        return
    recs = load_t17()
    if args.cmd == "show":
        print(show(recs, args.a, args.b, args.width))
        return
    cands = candidates(recs, min_containment=args.min)
    text = "\n".join(json.dumps(p) for p in cands)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    print(f"{len(cands)} candidate pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
