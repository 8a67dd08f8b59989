"""Evaluate figures on FA-KES: casualty counts per category, and speed.

Usage::

    python bench/eval_figures.py [--limit N] [--errors even [--category civilians]] [--spacy]

FA-KES (``../shared/datasets/fa-kes/fakes.csv``, 804 Syrian-war articles) gives,
per article, crowd counts of civilians, children, women and non-civilians
killed. We run ``find_figures`` on each article (publication date from the
``date`` column) and derive one count per category with ``derive_counts``
(rules in ``eval_figures_counts.py``: the first killed figure per category;
generic tolls narrowed to their civilians from the text's breakdown). Under the
scores it prints how self-consistent the crowd counts are
(``eval_figures_labels.py``): the ceiling that label noise puts on exact match.

A naive baseline for civilians (the first digits next to "killed"/"dead"/
"died") is scored in the same run. Scores: exact-match accuracy per category on articles with a nonzero gold
count and on all articles; for the even unit_ids (rules developed on them) and
the odd ones (held out), and overall. Speed: articles/s and figures/s of
``find_figures`` alone (regex only, one process), and with ``--spacy`` the
NER-only spaCy pipeline run first to pass ``doc``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "bench"))

from eval_figures_counts import CATEGORIES, choose, derive_counts  # noqa: E402,F401 (derive_counts: the gate's)
from newsdesk.facts.figures import find_figures  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "fa-kes" / "fakes.csv"
_BASELINE = re.compile(r"\b(?:kill(?:s|ed|ing)?|left)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|nearly\s+)?(\d[\d,]*)"
                       r"|\b(\d[\d,]*)\s+(?:\w+\s+){0,2}?(?:were\s+|have\s+been\s+)?(?:killed|dead|died)\b", re.I)


def baseline_civilians(text: str) -> int:
    """A naive rule for comparison: the first digits next to "killed"/"dead"/"died", whatever they count."""
    m = _BASELINE.search(text)
    return int((m.group(1) or m.group(2)).replace(",", "")) if m else 0


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return list(csv.DictReader(f))


def published(row: dict) -> dt.date | None:
    try:
        return dt.datetime.strptime(row["date"].strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def evaluate(rows: list[dict], nlp=None) -> dict:
    """Exact-match accuracy per category and split; speed of the figures stage."""
    tally: dict[tuple[str, str, str], list[int]] = {}
    n_figures = 0
    elapsed = cpu = 0.0
    misses: list[tuple[str, str, int, int, str]] = []
    for row in rows:
        text = row["article_content"]
        t, c = time.perf_counter(), time.process_time()
        doc = nlp(text) if nlp is not None else None
        figures = find_figures(text, row["unit_id"], published(row), doc=doc)
        elapsed += time.perf_counter() - t
        cpu += time.process_time() - c
        n_figures += len(figures)
        chosen = choose(figures, text)
        pred = {c: (int(v) if v is not None else 0) for c, (v, _) in chosen.items()}
        pred["baseline"] = baseline_civilians(text)
        split = "even" if int(row["unit_id"]) % 2 == 0 else "odd"
        for cat in CATEGORIES + ("baseline",):
            gold = int(row[f"nb_{cat if cat != 'baseline' else 'civilians'}"])
            ok = int(pred[cat] == gold)
            for sp in (split, "all"):
                tally.setdefault((sp, cat, "all"), []).append(ok)
                if gold:
                    tally.setdefault((sp, cat, "nonzero"), []).append(ok)
            if not ok and cat != "baseline":
                fig = chosen[cat][1]
                misses.append((row["unit_id"], cat, gold, pred[cat], fig.sentence if fig else ""))
    scores = {k: (sum(v) / len(v), len(v)) for k, v in tally.items()}
    return {"scores": scores, "articles": len(rows), "figures": n_figures, "seconds": elapsed, "cpu": cpu,
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", choices=("even", "odd"), help="print the misses of this half: id, gold, predicted, "
                    "the sentence the prediction came from, and the article's start (read only the development half)")
    ap.add_argument("--category", default="civilians", choices=CATEGORIES, help="category for --errors")
    ap.add_argument("--spacy", action="store_true", help="also pass an NER-only spaCy doc (speed check)")
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit("../shared/datasets/fa-kes is absent: this benchmark needs the shared datasets")
    rows = load()
    if args.limit:
        rows = rows[: args.limit]
    nlp = None
    if args.spacy:
        from newsdesk.facts.nlp import load_nlp

        nlp = load_nlp("ner")
    res = evaluate(rows, nlp)
    s = res["scores"]
    print("## Figures on FA-KES (casualty counts, exact match)\n")
    print(f"{res['articles']} articles; first killed figure per category (bench/eval_figures.py).\n")
    print("| category | even nonzero | odd nonzero | all nonzero | even all | odd all | all |")
    print("|---|---|---|---|---|---|---|")
    for cat in CATEGORIES + ("baseline",):
        cells = []
        for sp, sub in (("even", "nonzero"), ("odd", "nonzero"), ("all", "nonzero"), ("even", "all"),
                        ("odd", "all"), ("all", "all")):
            acc, n = s.get((sp, cat, sub), (0.0, 0))
            cells.append(f"{acc:.3f} ({n})")
        label = "civilians, naive baseline" if cat == "baseline" else cat
        print(f"| {label} | " + " | ".join(cells) + " |")
    rate = res["articles"] / res["seconds"] if res["seconds"] else 0.0
    cpu_rate = res["articles"] / res["cpu"] if res["cpu"] else 0.0
    what = "NER-only spaCy + find_figures" if nlp is not None else "find_figures (regex rules, no spaCy)"
    print(f"\nSpeed, {what}, one process: {rate:,.0f} articles/s wall clock, {cpu_rate:,.0f} articles/s of CPU "
          f"time (the machine is shared: CPU time is the steadier number), "
          f"{res['figures'] / res['seconds']:,.0f} figures/s ({res['figures']} figures).")
    if not args.limit:
        print_label_ceiling(rows)
    if args.errors:
        show_errors(rows, res["misses"], args.errors, args.category)


def print_label_ceiling(rows: list[dict]) -> None:
    """How self-consistent the crowd counts are (``eval_figures_labels``)."""
    from eval_figures_labels import duplicate_ceiling, raw_agreement

    workbook = DATA.parent / "crowdsourced-annotations.xlsx"
    print("\n### How consistent the crowd counts are (rows with a nonzero count)\n")
    print("| category | rows out of reach (duplicate unit_ids, other answers) | ceiling | published = annotator's "
          "typed answer | typed answer blank |")
    print("|---|---|---|---|---|")
    for cat in CATEGORIES:
        lost, n = duplicate_ceiling(rows, cat)
        agree, blank, matched = raw_agreement(rows, workbook, cat) if workbook.exists() else (0, 0, 0)
        print(f"| {cat} | {lost} of {n} | {(n - lost) / n:.3f} | {agree} of {matched} ({agree / max(matched, 1):.3f}) "
              f"| {blank} |")
    print("\nThe typed answers (crowdsourced-annotations.xlsx, matched by article text) differ from the published "
          "count for about one article in eight: the label was changed after annotation or annotators disagreed, "
          "so exact match much above that agreement is not to be expected.")


def show_errors(rows: list[dict], misses: list, half: str, cat: str) -> None:
    by_id = {r["unit_id"]: r for r in rows}
    shown = [m for m in misses if m[1] == cat and (int(m[0]) % 2 == 0) == (half == "even")]
    print(f"\n### Misses on {cat}, {half} unit_ids ({len(shown)})")
    for uid, _, gold, pred, sentence in shown:
        print(f"\n--- {uid} gold {gold} pred {pred}\n> {sentence}\n{by_id[uid]['article_content'][:900]}")

if __name__ == "__main__":
    main()
