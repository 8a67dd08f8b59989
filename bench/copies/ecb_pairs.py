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


# --- reviewed rewrites (ecb_rewrites.jsonl) -----------------------------------------------------------------
# Containment misses lightly re-edited wire copy. Pairs passing the neutral screen below were read one by one
# and labelled rewrite / partial / not_copy; rewrite and partial pairs are copies and are left out of the
# negatives too. The file stores ids ("ecb:" prefixed), the label and a note, never text.
REWRITES = HERE / "ecb_rewrites.jsonl"
REWRITE_COPY_LABELS = ("rewrite", "partial")


def _bare_id(i: str) -> str:
    return i[4:] if i.startswith("ecb:") else i


def rewrite_reviews(path: Path = REWRITES) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def rewrite_exclusions(path: Path = REWRITES) -> set[frozenset[str]]:
    """Pairs (bare dev.jsonl ids) read and labelled rewrite or partial."""
    return {frozenset((_bare_id(r["a"]), _bare_id(r["b"]))) for r in rewrite_reviews(path)
            if r["label"] in REWRITE_COPY_LABELS}


def rewrite_screen(a_text: str, b_text: str, min_dice: float = 0.5) -> float:
    """Share of the shorter text's words lying in sentences (one per line) whose best Dice match (lowercased
    word sets) in the other text is >= ``min_dice``. Pairs with a share >= 0.4 were reviewed by reading."""
    import re

    def sents(t: str) -> list[list[str]]:
        return [w for w in (re.findall(r"[\w']+", x.lower()) for x in t.split("\n")) if w]

    sa, sb = sents(a_text), sents(b_text)
    short, other = (sa, sb) if sum(map(len, sa)) <= sum(map(len, sb)) else (sb, sa)
    other_sets = [set(w) for w in other]
    total = covered = 0
    for w in short:
        ws = set(w)
        best = max((2 * len(ws & o) / (len(ws) + len(o)) for o in other_sets), default=0.0)
        total += len(w)
        covered += len(w) if best >= min_dice else 0
    return covered / total if total else 0.0
# --- end reviewed rewrites -----------------------------------------------------------------------------------


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
    ex = exclusions() | rewrite_exclusions()  # containment-found copies + read-and-labelled rewrites/partials
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
    print(f"{len(docs)} documents, {len(rows)} same-event pairs, {len(exclusions())} excluded by containment, "
          f"{len(rewrite_exclusions() - exclusions())} more as reviewed rewrites/partials, "
          f"{len(negative_pairs(docs))} negatives")
    for r in rows:
        if max(r["a_in_b"], r["b_in_a"]) >= args.min:
            print(json.dumps(r))


if __name__ == "__main__":
    main()
