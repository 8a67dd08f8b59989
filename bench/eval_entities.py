"""Entities on CoNLL-2003 test: ours (find_mentions: gazetteer and consistency rules) vs plain spaCy.

    python bench/eval_entities.py [--split test|valid] [--limit N] [--components ner|full]

Each CoNLL document is rebuilt as text (tokens joined by spaces, one sentence per line) and run
through the spaCy pipelines once (cached in bench/.cache/nlp). Plain spaCy = ``doc.ents`` of the
full pipeline with PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC (NORP and the rest ignored, as is
gold MISC); ours = ``find_mentions`` on the Docs of the pipeline the stage ships (``ner``: the NER
on name windows) or, with ``--components full``, on the full pipeline's Docs. Entity-level exact match (same first and last token,
same type), micro P/R/F1 per type and over PER+ORG+LOC.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.datasets import require  # noqa: E402
from bench.nlp_cache import docs as cached_docs  # noqa: E402

from newsdesk.facts.entities import LABELS, find_mentions  # noqa: E402
from newsdesk.facts.gazetteer import Gazetteer  # noqa: E402
from newsdesk.facts.nlp import load_nlp  # noqa: E402

TYPES = ("PER", "ORG", "LOC")


def load_conll(path: Path) -> list[tuple[str, list[int], set[tuple[int, int, str]]]]:
    """Documents as (text, token start offsets, gold entities as (first token, last token + 1, type))."""
    out = []
    tokens: list[str] = []
    tags: list[str] = []
    lines: list[str] = []

    def flush():
        if not tokens:
            return
        text_parts, starts, pos = [], [], 0
        for sent in lines:
            for tok in sent.split(" "):
                starts.append(pos)
                pos += len(tok) + 1
            text_parts.append(sent)
        text = "\n".join(text_parts)
        gold, begin, kind = set(), None, None
        for i, tag in enumerate(tags + ["O"]):
            if begin is not None and not (tag.startswith("I-") and tag[2:] == kind):
                if kind in TYPES:
                    gold.add((begin, i, kind))
                begin = None
            if tag.startswith("B-") or (tag.startswith("I-") and begin is None):
                begin, kind = i, tag[2:]
        out.append((text, starts, gold))

    sent: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = raw.split()
        if not parts:
            if sent:
                lines.append(" ".join(sent))
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            flush()
            tokens, tags, lines = [], [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
        sent.append(parts[0])
    flush()
    return out


def to_tokens(starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    from bisect import bisect_left

    i = bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start:
        return None
    j = bisect_left(starts, end)
    return i, j


def evaluate(split: str = "test", limit: int | None = None, components: str = "ner", nlp=None,
             peer: str = "full"):
    """(ours, plain) as dicts type -> (P, R, F1, gold count), "all" for PER+ORG+LOC together.

    Ours: ``find_mentions`` on the Docs of the ``components`` pipeline (``nlp`` when given: the stage
    ships ``"ner"``, NER on name windows); plain: the entities of the ``peer`` pipeline (spaCy's
    full pipeline over the whole text)."""
    data = load_conll(require("conll2003") / f"{split}.txt")[:limit] if limit else \
        load_conll(require("conll2003") / f"{split}.txt")
    texts = [d[0] for d in data]
    nlp = nlp or load_nlp(components)
    docs, _ = cached_docs(nlp, texts, f"conll-{split}", components)
    peer_docs = docs if peer == components else cached_docs(load_nlp(peer), texts, f"conll-{split}", peer)[0]
    gaz = Gazetteer()
    ours, plain, gold = set(), set(), set()
    for n, ((_text, starts, g), doc, peer_doc) in enumerate(zip(data, docs, peer_docs)):
        gold |= {(n, *x) for x in g}
        for ent in peer_doc.ents:
            label = LABELS.get(ent.label_)
            span = to_tokens(starts, ent.start_char, ent.end_char)
            if label and span:
                plain.add((n, *span, label))
        for m in find_mentions(doc, str(n), gaz):
            span = to_tokens(starts, m.start, m.end)
            if span:
                ours.add((n, *span, m.label))
    result = {name: {k: _prf4(pred, gold, None if k == "all" else k) for k in (*TYPES, "all")}
              for name, pred in (("ours", ours), ("plain", plain))}
    confusions = Counter()
    gold_by_span = {(a, b, c): t for a, b, c, t in gold}
    for a, b, c, t in ours:
        if (a, b, c) in gold_by_span and gold_by_span[(a, b, c)] != t:
            confusions[(gold_by_span[(a, b, c)], t)] += 1
    return result, confusions, len(data)


def _prf4(pred: set, gold: set, kind: str | None) -> tuple[float, float, float, int]:
    p = {x for x in pred if kind is None or x[3] == kind}
    g = {x for x in gold if kind is None or x[3] == kind}
    tp = len(p & g)
    pr = tp / len(p) if p else 0.0
    rc = tp / len(g) if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0), len(g)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "valid"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--components", default="ner", choices=["full", "ner"],
                    help="the pipeline ours reads (the stage ships ner: NER on name windows)")
    args = ap.parse_args()
    result, confusions, n = evaluate(args.split, args.limit, args.components)
    print(f"## Entities (CoNLL-2003 {args.split}, {n} documents)\n")
    print(f"Ours: `find_mentions` on spaCy's `{args.components}` pipeline (the stage ships `ner`: NER on the name "
          "windows); plain spaCy: the full pipeline's entities over the whole text. Entity-level exact match; "
          "MISC ignored.\n")
    print("| type | gold | plain spaCy P / R / F1 | ours P / R / F1 |")
    print("|---|---|---|---|")
    for k in (*TYPES, "all"):
        pp, pr, pf, g = result["plain"][k]
        op, orr, of, _ = result["ours"][k]
        print(f"| {k} | {g} | {pp:.3f} / {pr:.3f} / {pf:.3f} | {op:.3f} / {orr:.3f} / **{of:.3f}** |")
    if confusions:
        print("\nOurs, right span but wrong type (gold -> ours): "
              + ", ".join(f"{a}->{b} {c}" for (a, b), c in confusions.most_common(6)))


if __name__ == "__main__":
    main()
