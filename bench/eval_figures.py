"""Evaluate figures on FA-KES: casualty counts per category, and speed.

Usage::

    python bench/eval_figures.py [--limit N] [--errors even [--category civilians]] [--spacy]

FA-KES (``../shared/datasets/fa-kes/fakes.csv``, 804 Syrian-war articles) gives,
per article, crowd counts of civilians, children, women and non-civilians
killed. We run ``find_figures`` on each article (publication date from the
``date`` column) and derive one count per category with :func:`derive_counts`:

- a killed figure belongs to *children* when its subject names children
  (children, boys, girls, kids, babies, infants, minors), to *women* when it
  names women, to *non-civilians* when it names combatants (soldiers, troops,
  fighters, rebels, militants, terrorists, gunmen, members, police, ...), and
  to *civilians* otherwise (civilians, people, residents, victims, no subject);
  children and women are civilians too, so a child/woman figure also counts
  as a civilian figure when no civilian figure precedes it; when a figure of
  people has a part that names civilians ("20 people including 13 civilians"),
  the part is the civilian count;
- the count of a category is the value of its *first* killed figure in the
  text (the headline and lead carry the main event), 0 when there is none;
  vague figures ("dozens") are skipped.

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

from newsdesk.facts.figures import find_figures  # noqa: E402
from newsdesk.facts.records import Figure  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "fa-kes" / "fakes.csv"
CATEGORIES = ("civilians", "children", "women", "noncivilians")
_CHILDREN = re.compile(r"\b(?:child|children|kids?|boys?|girls?|bab(?:y|ies)|infants?|minors?|toddlers?|"
                       r"schoolchildren|students|pupils)\b", re.I)
_WOMEN = re.compile(r"\b(?:women|woman|mothers?|wives)\b", re.I)
_COMBATANTS = re.compile(
    r"\b(?:soldiers?|troops?|fighters?|rebels?|militants?|terrorists?|jihadists?|insurgents?|gunmen|gunman|"
    r"members?|personnel|militiam[ae]n|militias?|combatants?|mercenar(?:y|ies)|extremists?|commanders?|"
    r"officers?|police(?:men)?|guards?|recruits?|army|forces?|troopers?|snipers?|bombers?|Daesh|ISIS|ISIL|"
    r"Nusra|Hezbollah|jihadis|opposition|servicem[ae]n|pilots?|marines?|attackers?|elements|takfiri\w*)\b", re.I)


def category(figure: Figure) -> str:
    """Which FA-KES category a killed figure counts for."""
    subject = figure.subject or ""
    if _CHILDREN.search(subject):
        return "children"
    if _WOMEN.search(subject):
        return "women"
    if _COMBATANTS.search(subject):
        return "noncivilians"
    return "civilians"


def derive_counts(figures: list[Figure]) -> dict[str, int]:
    """One count per category: the value of the first non-vague killed figure of that category."""
    return {c: (int(v) if v is not None else 0) for c, (v, _) in choose(figures).items()}


def choose(figures: list[Figure]) -> dict[str, tuple[float | None, Figure | None]]:
    """Per category, the count and the figure it was read from (None, None when there is none)."""
    counts: dict[str, tuple[float, Figure]] = {}
    parts: dict[str, list[Figure]] = {}
    for f in figures:
        if "part_of" in f.extra:
            parts.setdefault(f.extra["part_of"], []).append(f)
    for f in figures:
        if f.kind != "killed" or f.extra.get("vague") or f.unit != "people" or f.extra.get("period"):
            continue
        cat = category(f)
        civilian_part = [p for p in parts.get(f.text, []) if re.search(r"\bcivilians?\b", p.subject or "", re.I)]
        if cat == "civilians" and civilian_part and not re.search(r"\bcivilians?\b", f.subject or "", re.I):
            counts.setdefault(cat, (civilian_part[0].value, civilian_part[0]))  # "20 people including 13 civilians"
        counts.setdefault(cat, (f.value, f))
        if cat in ("children", "women") and "part_of" not in f.extra:
            counts.setdefault("civilians", (f.value, f))
    return {c: counts.get(c, (None, None)) for c in CATEGORIES}


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
    elapsed = 0.0
    misses: list[tuple[str, str, int, int, str]] = []
    for row in rows:
        text = row["article_content"]
        t = time.perf_counter()
        doc = nlp(text) if nlp is not None else None
        figures = find_figures(text, row["unit_id"], published(row), doc=doc)
        elapsed += time.perf_counter() - t
        n_figures += len(figures)
        chosen = choose(figures)
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
    return {"scores": scores, "articles": len(rows), "figures": n_figures, "seconds": elapsed, "misses": misses}


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
    what = "NER-only spaCy + find_figures" if nlp is not None else "find_figures (regex rules, no spaCy)"
    print(f"\nSpeed, {what}, one process: {rate:,.0f} articles/s, "
          f"{res['figures'] / res['seconds']:,.0f} figures/s ({res['figures']} figures).")
    if args.errors:
        show_errors(rows, res["misses"], args.errors, args.category)


def show_errors(rows: list[dict], misses: list, half: str, cat: str) -> None:
    by_id = {r["unit_id"]: r for r in rows}
    shown = [m for m in misses if m[1] == cat and (int(m[0]) % 2 == 0) == (half == "even")]
    print(f"\n### Misses on {cat}, {half} unit_ids ({len(shown)})")
    for uid, _, gold, pred, sentence in shown:
        print(f"\n--- {uid} gold {gold} pred {pred}\n> {sentence}\n{by_id[uid]['article_content'][:900]}")

if __name__ == "__main__":
    main()
