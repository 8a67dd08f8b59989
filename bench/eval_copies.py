"""Copy detection quality on the labelled sets of bench/copies (generated spins, T17 pairs, ECB+ negatives).

    python bench/eval_copies.py [--set generated|t17|ecb|all] [--limit N] [--json OUT] [--impl FILE]

Runs ``detect_copies`` over each set (a fresh ``CopyIndex`` with default
``Settings``, lookup over the set's articles, ``roots = {}``) and reports:

- generated: per kind (exact, near, rewrite, partial) precision, recall and F1
  of links copy -> original, "right pair, wrong kind", and exact+near together;
  per recipe the share of copies linked to the right original;
- t17: pair-level precision / recall per kind on the hand-labelled pairs
  (two articles count as linked when one links to the other or both link to
  the same original); links between unlabelled pairs are only counted;
- ecb: the false-positive rate: share of same-event, different-outlet pairs
  (verified copies excluded) where one document is linked to the other (and,
  apart, the rate counting pairs that only share an original);
- articles/s of the detector on each set.

``--limit``: generated = at most N originals; t17 = only the articles of the
first N labelled pairs (positives first); ecb = the first N topics.
``--impl FILE`` loads ``detect_copies``/``CopyIndex`` from another copy of the
module (e.g. ``git show REV:src/newsdesk/copies.py > /tmp/old.py``) to compare;
``--impl-settings FILE`` gives it the ``Settings`` of that revision too.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.copies import dataset  # noqa: E402
from bench.copies.dataset import COPY_KINDS, EvalSet  # noqa: E402

from newsdesk.settings import Settings  # noqa: E402

DUP = ("exact", "near")


def load_detector(impl: str | None = None, settings_impl: str | None = None):
    """The module holding ``detect_copies`` and ``CopyIndex`` (default: newsdesk.copies).

    ``settings_impl``: a file whose ``Settings`` class the detector gets (for an older module that reads
    settings the current ``Settings`` no longer has).
    """
    if not impl:
        return importlib.import_module("newsdesk.copies")
    import newsdesk

    name = "newsdesk._copies_under_test"
    spec = importlib.util.spec_from_file_location(name, impl, submodule_search_locations=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "newsdesk"
    sys.modules[name] = module
    spec.loader.exec_module(module)
    newsdesk._copies_under_test = module
    if settings_impl:
        sspec = importlib.util.spec_from_file_location("newsdesk._settings_under_test", settings_impl)
        smod = importlib.util.module_from_spec(sspec)
        sys.modules["newsdesk._settings_under_test"] = smod
        sspec.loader.exec_module(smod)
        module._bench_settings = smod.Settings
    return module


def run(es: EvalSet, det) -> tuple[dict[str, tuple[str, str]], float]:
    """Final links copy -> (original, kind) and the detector's wall time."""
    index = det.CopyIndex(getattr(det, "_bench_settings", Settings)())
    by_id = {a.id: a for a in es.articles}
    roots: dict[str, str | None] = {}
    t0 = time.perf_counter()
    links, _ = det.detect_copies(list(es.articles), index, by_id.get, roots)
    elapsed = time.perf_counter() - t0
    final: dict[str, tuple[str, str]] = {}
    for ln in links:
        final[ln.copy] = (ln.original, ln.kind)
    for c, v in roots.items():  # roots holds the last word on each copy's original
        o = v[0] if isinstance(v, (tuple, list)) else v  # id, or (id, kind) in some versions
        if c not in final:
            continue
        if not o:
            final.pop(c)  # an article later found to be the original itself
        elif final[c][0] != o:
            final[c] = (o, final[c][1])
    return final, elapsed


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": npred,
            "gold": ngold}


def score_generated(es: EvalSet, final: dict[str, tuple[str, str]]) -> dict:
    out: dict = {"kinds": {}, "recipes": {}}
    pred_kind = Counter(k for _, k in final.values())
    for kind in COPY_KINDS:
        gold = [c for c, (_, k) in es.gold.items() if k == kind]
        tp = sum(1 for c in gold if c in final and final[c] == (es.gold[c][0], kind))
        right_pair = sum(1 for c in gold if c in final and final[c][0] == es.gold[c][0])
        row = _prf(tp, pred_kind[kind], len(gold))
        row["right_pair_wrong_kind"] = right_pair - tp
        row["recall_any_kind"] = round(right_pair / len(gold), 4) if gold else 0.0
        out["kinds"][kind] = row
    gold = [c for c, (_, k) in es.gold.items() if k in DUP]
    tp = sum(1 for c in gold if c in final and final[c][0] == es.gold[c][0] and final[c][1] in DUP)
    out["exact+near"] = _prf(tp, sum(pred_kind[k] for k in DUP), len(gold))
    right = sum(1 for c, g in es.gold.items() if c in final and final[c][0] == g[0])
    out["any_kind"] = _prf(right, len(final), len(es.gold))
    wrong = Counter()
    for c, (o, _) in final.items():
        g = es.gold.get(c)
        if g is None:
            wrong["link_from_non_copy"] += 1
        elif o != g[0]:
            wrong["sibling_copy" if es.gold.get(o, ("",))[0] == g[0] else "other"] += 1
    out["wrong_links"] = dict(wrong)
    for name in sorted(set(es.recipe.values())):
        cs = [c for c, r in es.recipe.items() if r == name]
        ok = sum(1 for c in cs if c in final and final[c][0] == es.gold[c][0])
        kinds = Counter(final[c][1] for c in cs if c in final and final[c][0] == es.gold[c][0])
        out["recipes"][name] = {"linked_right": round(ok / len(cs), 4), "n": len(cs), "kinds": dict(kinds)}
    return out


def _pair_links(final: dict[str, tuple[str, str]]) -> tuple[dict[frozenset, str], dict[str, str]]:
    """Directly linked pairs with their kind, and each article's root original."""
    direct = {frozenset((c, o)): k for c, (o, k) in final.items()}

    def root(a: str) -> str:
        seen = set()
        while a in final and a not in seen:
            seen.add(a)
            a = final[a][0]
        return a

    return direct, {a: root(a) for a in final}


def _linked(pair: frozenset, direct, roots) -> str | None:
    if pair in direct:
        return direct[pair]
    a, b = tuple(pair)
    ra, rb = roots.get(a, a), roots.get(b, b)
    if ra == rb:
        return "sibling"
    return None


def score_t17(es: EvalSet, final: dict[str, tuple[str, str]]) -> dict:
    direct, roots = _pair_links(final)
    pos = {p: lab for p, lab in es.labelled.items() if p not in set(map(frozenset, es.negatives))}
    neg = set(map(frozenset, es.negatives))
    pred = {p: _linked(p, direct, roots) for p in es.labelled}
    out: dict = {"kinds": {}}
    for kind in COPY_KINDS:
        gold = [p for p, lab in pos.items() if lab == kind]
        tp = sum(1 for p in gold if pred[p] == kind)
        right = sum(1 for p in gold if pred[p])
        npred = sum(1 for p in es.labelled if pred[p] == kind)
        row = _prf(tp, npred, len(gold))
        row["right_pair_wrong_kind"] = right - tp
        row["recall_any_kind"] = round(right / len(gold), 4) if gold else 0.0
        out["kinds"][kind] = row
    gold = [p for p, lab in pos.items() if lab in DUP]
    tp = sum(1 for p in gold if pred[p] in DUP)
    out["exact+near"] = _prf(tp, sum(1 for p in es.labelled if pred[p] in DUP), len(gold))
    tp_any = sum(1 for p in pos if pred[p])
    out["any_kind"] = _prf(tp_any, sum(1 for p in es.labelled if pred[p]), len(pos))
    out["false_links_by_label"] = dict(Counter(es.labelled[p] + ("/same_outlet" if _same_outlet(es, p) else "")
                                               for p in neg if pred[p]))
    out["links_total"] = len(final)
    out["links_outside_labelled"] = sum(1 for c, (o, _) in final.items() if frozenset((c, o)) not in es.labelled)
    return out


def _same_outlet(es: EvalSet, pair: frozenset) -> bool:
    by_id = {a.id: a.outlet for a in es.articles}
    a, b = tuple(pair)
    return by_id.get(a) == by_id.get(b)


def score_ecb(es: EvalSet, final: dict[str, tuple[str, str]]) -> dict:
    """A pair is called a copy when one document links to the other; pairs that only share an original
    (siblings) are reported apart: they may be two reprints of a wire story outside the exclusions."""
    direct, roots = _pair_links(final)
    fp = [p for p in es.negatives if frozenset(p) in direct]
    fam = [p for p in es.negatives if _linked(frozenset(p), direct, roots)]
    n = len(es.negatives)
    return {"negative_pairs": n, "linked": len(fp),
            "false_positive_rate": round(len(fp) / n, 4) if n else 0.0,
            "linked_with_siblings": len(fam),
            "false_positive_rate_with_siblings": round(len(fam) / n, 4) if n else 0.0,
            "links_total": len(final), "examples": [list(p) for p in fp[:10]]}


SCORERS = {"generated": score_generated, "t17": score_t17, "ecb": score_ecb}


def evaluate(name: str, limit: int | None = None, det=None) -> dict:
    det = det or load_detector()
    t0 = time.perf_counter()
    es = dataset.build(name, limit)
    build_s = time.perf_counter() - t0
    final, elapsed = run(es, det)
    res = SCORERS[name](es, final)
    res["summary"] = dataset.summary(es)
    res["articles_per_s"] = round(len(es.articles) / elapsed, 1) if elapsed else None
    res["detect_seconds"] = round(elapsed, 2)
    res["build_seconds"] = round(build_s, 2)
    return res


def _print(name: str, res: dict) -> None:
    print(f"== {name}: {res['summary']}  detect {res['detect_seconds']}s = {res['articles_per_s']} articles/s")
    if name == "ecb":
        print(f"   false-positive rate {res['false_positive_rate']:.4f} ({res['linked']}/{res['negative_pairs']}),"
              f" with siblings {res['false_positive_rate_with_siblings']:.4f}, links total {res['links_total']}")
        return
    print(f"   {'kind':12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5} {'wrongkind':>9} {'R-any':>6}")
    for kind, r in list(res["kinds"].items()) + [("exact+near", res["exact+near"]), ("any", res["any_kind"])]:
        print(f"   {kind:12} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:5d} {r['predicted']:5d}"
              f" {r['gold']:5d} {r.get('right_pair_wrong_kind', ''):>9} {r.get('recall_any_kind', ''):>6}")
    if name == "generated":
        print(f"   wrong links: {res['wrong_links']}")
        for rec, r in res["recipes"].items():
            print(f"   {rec:22} linked right {r['linked_right']:.3f} of {r['n']}  kinds {r['kinds']}")
    else:
        print(f"   false links by label: {res['false_links_by_label']}; links total {res['links_total']},"
              f" outside labelled pairs {res['links_outside_labelled']}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["generated", "t17", "ecb", "all"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json")
    ap.add_argument("--impl", help="load detect_copies from this file instead of newsdesk.copies")
    ap.add_argument("--impl-settings", help="with --impl: take Settings from this file")
    args = ap.parse_args(argv)
    if not dataset.available():
        raise SystemExit("../shared/datasets (t17, ecbplus) is absent: this benchmark needs the shared datasets")
    det = load_detector(args.impl, args.impl_settings)
    names = ["generated", "t17", "ecb"] if args.set == "all" else [args.set]
    results = {}
    for n in names:
        results[n] = evaluate(n, args.limit, det)
        _print(n, results[n])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
