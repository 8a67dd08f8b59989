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
  to *civilians* otherwise (civilians, people, residents, victims); a figure
  with no subject ("kills 15" in a headline) counts the same group as a figure
  of the same value with one ("15 terrorists"); children and women are
  civilians too, so a child/woman figure that is not a part of a larger one
  also counts as a civilian figure when no civilian figure precedes it;
- the count of a category is the value of its *first* killed figure in the
  text (the headline and lead carry the main event), 0 when there is none;
  vague figures ("dozens"), war-long tolls and superseded tolls ("updating a
  previous toll of 112") are skipped; a range counts by its high end;
- a generic toll ("20 people") is narrowed to its civilians when the text breaks
  it down: a civilian part of it or of a figure of the same value ("20 people
  including 13 civilians"), the toll minus its combatant parts ("15 people
  including five policemen": 10), or a nearby breakdown sentence ("killed 15
  civilians and 27 pro-government fighters");
- coordinated counts with no whole add up ("a woman and nine children": women 1,
  children 9, civilians 10; "crucifying two people and executing 23 others": 25).

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


GENERIC_SUBJECTS = {""}


def category(figure: Figure) -> str:
    """Which FA-KES category a killed figure counts for, from its subject alone."""
    subject = figure.subject or ""
    if _CHILDREN.search(subject):
        return "children"
    if _WOMEN.search(subject):
        return "women"
    if _COMBATANTS.search(subject):
        return "noncivilians"
    return "civilians"


def categories(killed: list[Figure]) -> list[str]:
    """Categories of the killed figures of an article: a figure with no subject, or a generic one ("people"),
    counts the same group as a figure of the same value with a specific subject ("kills 15" in the headline,
    "15 terrorists" in the body)."""
    cats = [category(f) for f in killed]
    specific = {}
    for f, c in zip(killed, cats):
        if (f.subject or "").lower() not in GENERIC_SUBJECTS:
            specific.setdefault(f.value, c)
    return [specific.get(f.value, c) if (f.subject or "").lower() in GENERIC_SUBJECTS else c for f, c in zip(killed, cats)]


def derive_counts(figures: list[Figure], text: str = "") -> dict[str, int]:
    """One count per category (rules in the module docstring); ``text`` is the article the figures come from."""
    return {c: (int(v) if v is not None else 0) for c, (v, _) in choose(figures, text).items()}


NEAR = 400  # characters: a breakdown further on is likely another event ("Elsewhere in Syria ...")
_CIVILIANS = re.compile(r"\bcivilians?\b", re.I)
_AND = re.compile(r"\s*,?\s*(?:and\s+|as\s+well\s+as\s+|plus\s+)?(?:[a-z]+ing\s+)?")


def _wholes(figures: list[Figure]) -> dict[int, Figure]:
    """id(part) -> the figure it is a part of (same sentence, nearest with that text; else the nearest before)."""
    out = {}
    for i, f in enumerate(figures):
        whole = f.extra.get("part_of")
        if whole:
            same = [g for g in figures if g.text == whole and g.sentence == f.sentence and g is not f]
            before = [g for g in figures[:i] if g.text == whole]
            pick = min(same, key=lambda g: abs(g.start - f.start)) if same else (before[-1] if before else None)
            if pick is not None:
                out[id(f)] = pick
    return out


def _coordinated(text: str, f: Figure, g: Figure) -> bool:
    """True when g follows f in a list: "a woman and nine children", "crucifying two people and executing 23"."""
    if g.start < f.end:
        return False
    between = text[f.end: g.start]
    if f.subject and between.lstrip().startswith(f.subject):
        between = between.lstrip()[len(f.subject):]
    return f.sentence == g.sentence and bool(_AND.fullmatch(between))


def _civilians(f: Figure, i: int, killed: list[Figure], cats: list[str], parts: dict[int, list[tuple[Figure, str]]],
               text: str) -> tuple[float, Figure] | None:
    """Civilians among a generic toll ("20 people"), read from its breakdown: a civilian part of it or of a figure
    of the same value ("20 people including 13 civilians"), the toll minus its combatant parts ("15 people
    including five policemen": 10), or a later breakdown sentence ("15 civilians and 27 fighters")."""
    same = [g for g in killed if g.value == f.value]
    mine = [pc for g in same for pc in parts.get(id(g), [])]
    civilian = [p for p, _ in mine if _CIVILIANS.search(p.subject or "")]
    if civilian:
        return civilian[0].value, civilian[0]
    for g in same:
        combatants = [p.value for p, c in parts.get(id(g), []) if c == "noncivilians"]
        if combatants and sum(combatants) < f.value:
            return f.value - sum(combatants), g
    if text:
        for j in range(i + 1, len(killed)):
            g = killed[j]
            if not _CIVILIANS.search(g.subject or "") or g.value >= f.value or g.start - f.end > NEAR:
                continue
            near = [(h, c) for h, c in zip(killed, cats) if h.sentence == g.sentence and h is not g]
            if any(c == "noncivilians" and (_coordinated(text, g, h) or _coordinated(text, h, g)) for h, c in near):
                return g.value, g
    return None


def choose(figures: list[Figure], text: str = "") -> dict[str, tuple[float | None, Figure | None]]:
    """Per category, the count and the figure it was read from (None, None when there is none)."""
    counts: dict[str, tuple[float, Figure]] = {}
    killed = [f for f in figures if f.kind == "killed" and not f.extra.get("vague") and f.unit == "people"
              and not f.extra.get("period") and not f.extra.get("earlier")]
    cats = categories(killed)
    whole_of = _wholes(killed)
    parts: dict[int, list[tuple[Figure, str]]] = {}
    for f, cat in zip(killed, cats):
        if id(f) in whole_of:
            parts.setdefault(id(whole_of[id(f)]), []).append((f, cat))
    for i, (f, cat) in enumerate(zip(killed, cats)):
        if cat == "civilians" and "civilians" not in counts and not _CIVILIANS.search(f.subject or ""):
            got = _civilians(f, i, killed, cats, parts, text)
            if got:
                counts["civilians"] = got
                continue
        if text and cat != "noncivilians" and "part_of" not in f.extra and id(f) not in parts \
                and cat not in counts and not _CIVILIANS.search(f.subject or ""):
            by_cat = {cat: f.value}
            prev = f
            for g, c in zip(killed[i + 1:], cats[i + 1:]):  # "a woman and nine children were killed"
                if c == "noncivilians" or "part_of" in g.extra or id(g) in parts or not _coordinated(text, prev, g):
                    break
                by_cat[c] = by_cat.get(c, 0) + g.value
                prev = g
            if prev is not f:
                for c, v in by_cat.items():
                    counts.setdefault(c, (v, f))
                if "civilians" not in counts:
                    counts["civilians"] = (sum(by_cat.values()), f)
                continue
        counts.setdefault(cat, (f.value_high or f.value, f))  # a range: the crowd takes its high end
        if cat in ("children", "women") and id(f) not in whole_of and "part_of" not in f.extra:
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
