"""Timeline summarisation on T17: alignment-based ROUGE (align+ m:1) and date F1, scored with tilse.

    python bench/eval_timelines.py [--topics bpoil_bbc,haiti_bbc] [--no-query] [--fit] [--speed]

Protocol of the literature (news-tls ``experiments/evaluate.py``, Ghalandari &
Ifrim 2020): per gold timeline, the input is the topic folder's articles
published between the timeline's first and last date, the number of dates is
the number of gold dates and the sentences per date the rounded mean of the
gold. The query is the topic's keywords, as DATEWISE uses them (``--no-query``
runs without). Date-ranking weights are evaluated by leave-one-topic-out
cross-validation (topic = the story, e.g. all five bpoil folders together);
``--fit`` prints the weights fitted on all topics (the shipped defaults).
Scores: tilse 0.2.1's ROUGE reimplementation (Porter stemming, ROUGE's
stopword list; the Perl ROUGE it can also call needs XML::Parser, absent
here), predicted sentences tokenised PTB-style like the gold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import t17_jsonl, unpack  # noqa: E402

from newsdesk.records import Article  # noqa: E402
from newsdesk.timeline import build_timeline, timeline_from_sentences  # noqa: E402
from newsdesk.timeline.select import FEATURES, date_features  # noqa: E402
from newsdesk.timeline.sentences import article_sentences  # noqa: E402

# The topic keywords DATEWISE filters sentences with (news-tls keeps them per topic in keywords.json).
KEYWORDS = {"bpoil": "bp oil spill", "EgyptianProtest": "egypt egyptian", "H1N1": "h1n1 swine flu",
            "haiti": "haiti quake earthquake", "IraqWar": "iraq iraqi", "LibyaWar": "libya libyan",
            "MJ": "michael jackson", "SyrianCrisis": "syria syrian", "Finan": "bank financial"}
PUBLISHED = {"DATEWISE": (0.120, 0.035, 0.544), "MARTSCHAT 2018": (0.105, 0.030, 0.544),
             "TRAN 2013": (0.094, 0.022, 0.517), "CLUST": (0.082, 0.020, 0.407)}


def load_t17(folders: list[str] | None = None) -> list[tuple[str, list[Article], list[tuple[str, dict]]]]:
    """(folder, articles, [(timeline name, {date: [gold sentences]})]) for folders that have articles."""
    base = unpack("t17", "t17-articles-timelines.tar.gz") / "dataset" / "t17"
    out = []
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        if folders and f.stem not in folders:
            continue
        arts = []
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            arts.append(Article(id="a" + r["id"], source=r["id"], fmt="jsonl", text=r["text"], outlet=r["outlet"],
                                published=date.fromisoformat(r["published"])))
        tls = []
        for p in sorted((base / f.stem).glob("*.timeline.json")):
            gold: dict[date, list[str]] = defaultdict(list)
            for item in json.loads(p.read_text(encoding="utf-8")):
                gold[date.fromisoformat(item["date"])] += [s.strip() for s in item["text"].split("  ") if s.strip()]
            tls.append((p.name.removesuffix(".txt.timeline.json"), dict(gold)))
        out.append((f.stem, arts, tls))
    return out


class Scorer:
    """tilse's align+ m:1 ROUGE-1/2 and date F1 on one predicted timeline against one gold timeline."""

    def __init__(self):
        from nltk.tokenize import TreebankWordTokenizer
        from tilse.evaluation import rouge

        self.tok = TreebankWordTokenizer()
        self.rouge = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")

    def __call__(self, pred: dict[date, list[str]], gold: dict[date, list[str]]) -> dict[str, float]:
        from tilse.data.timelines import GroundTruth, Timeline

        ptl = Timeline({d: [" ".join(self.tok.tokenize(s)) for s in ss] for d, ss in pred.items()})
        gt = GroundTruth([Timeline(gold)])
        r = self.rouge.evaluate_align_date_content_costs_many_to_one(ptl, gt)
        shared = len(set(pred) & set(gold))
        p, rc = shared / max(len(pred), 1), shared / len(gold)
        return {"r1": r["rouge_1"]["f_score"], "r2": r["rouge_2"]["f_score"],
                "date": 2 * p * rc / (p + rc) if shared else 0.0}


def fit_weights(rows: list[tuple[tuple[float, ...], int]], ridge: float = 1.0) -> tuple[float, ...]:
    """Least squares (small ridge) of gold membership on the date features, with an intercept."""
    x = np.array([list(f) + [1.0] for f, _ in rows])
    y = np.array([lab for _, lab in rows], dtype=float)
    w = np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y)
    return tuple(round(float(v), 4) for v in w)


def run(folders: list[str] | None, use_query: bool, fit_only: bool = False) -> str:
    data = load_t17(folders)
    scorer = Scorer()
    cases = []  # (folder, topic, tl name, sents in span, gold, start, end, l, k)
    for folder, arts, tls in data:
        sents_all = article_sentences(arts)
        for name, gold in tls:
            start, end = min(gold), max(gold)
            sents = [s for s in sents_all if s.published and start <= s.published <= end]
            k = round(sum(len(v) for v in gold.values()) / len(gold))
            cases.append((folder, folder.split("_")[0], name, sents, gold, start, end, len(gold), k))
    rows_by_topic: dict[str, list] = defaultdict(list)
    for folder, topic, name, sents, gold, start, end, l, k in cases:
        for f in date_features(sents, start, end):
            rows_by_topic[topic].append((f.values, int(f.day in gold)))
    if fit_only:
        w = fit_weights([r for rows in rows_by_topic.values() for r in rows])
        return "weights over " + ", ".join(FEATURES) + ", intercept:\n" + repr(w)
    lines = ["| folder | timeline | dates | k | articles | AR-1 F | AR-2 F | date F1 |", "|---|---|---|---|---|---|---|---|"]
    scores = []
    for folder, topic, name, sents, gold, start, end, l, k in cases:
        w = fit_weights([r for t, rows in rows_by_topic.items() if t != topic for r in rows])
        query = KEYWORDS.get(topic) if use_query else None
        tl = timeline_from_sentences(sents, l, k, query, start, end, w)
        sc = scorer({e.date: [s.text for s in e.sentences] for e in tl}, gold)
        scores.append(sc)
        n_art = len({s.article for s in sents})
        lines.append(f"| {folder} | {name} | {l} | {k} | {n_art} | {sc['r1']:.3f} | {sc['r2']:.3f} | {sc['date']:.3f} |")
    avg = {m: sum(s[m] for s in scores) / len(scores) for m in ("r1", "r2", "date")}
    lines.append(f"| **mean of {len(scores)}** | | | | | **{avg['r1']:.3f}** | **{avg['r2']:.3f}** | **{avg['date']:.3f}** |")
    lines.append("")
    lines.append("Published on T17 (Ghalandari & Ifrim 2020, all 19 timelines, Perl ROUGE): " + "; ".join(
        f"{k} {a:.3f}/{b:.3f}/{c:.3f}" for k, (a, b, c) in PUBLISHED.items()) + " (AR-1/AR-2/date F1).")
    return "\n".join(lines), avg


def score_slice(folders: list[str]) -> dict[str, float]:
    """Mean AR-1, AR-2 and date F1 over the gold timelines of ``folders`` with the shipped weights (the gate)."""
    scorer, scores = Scorer(), []
    for folder, arts, tls in load_t17(folders):
        sents_all = article_sentences(arts)
        for _, gold in tls:
            start, end = min(gold), max(gold)
            sents = [s for s in sents_all if s.published and start <= s.published <= end]
            k = round(sum(len(v) for v in gold.values()) / len(gold))
            tl = timeline_from_sentences(sents, len(gold), k, KEYWORDS.get(folder.split("_")[0]), start, end)
            scores.append(scorer({e.date: [s.text for s in e.sentences] for e in tl}, gold))
    return {m: sum(s[m] for s in scores) / len(scores) for m in ("r1", "r2", "date")}


def speed(n: int = 1000) -> str:
    """build_timeline alone on the largest T17 folders pooled to ``n`` articles."""
    arts = [a for _, arts, _ in load_t17(["LibyaWar_cnn", "LibyaWar_reuters", "SyrianCrisis_reuters"]) for a in arts][:n]
    wall, cpu = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        build_timeline(arts, n_dates=30, per_date=2, query="libya syria")
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    words = sum(len(a.text.split()) for a in arts)
    return (f"build_timeline on {len(arts)} articles ({words:,} words), 30 dates x 2 sentences, one process: "
            f"best of 3 {min(wall):.2f} s wall, {min(cpu):.2f} s CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", help="comma-separated topic folders (default: all)")
    ap.add_argument("--no-query", action="store_true", help="no topic keywords")
    ap.add_argument("--fit", action="store_true", help="print the weights fitted on all topics and stop")
    ap.add_argument("--speed", action="store_true", help="also time build_timeline on 1,000 articles")
    args = ap.parse_args()
    folders = args.topics.split(",") if args.topics else None
    if args.fit:
        print(run(folders, True, fit_only=True))
        return
    table, _ = run(folders, not args.no_query)
    print("Leave-one-topic-out date weights; " + ("no query" if args.no_query else "query = topic keywords") + ".\n")
    print(table)
    if args.speed:
        print("\n" + speed())


if __name__ == "__main__":
    main()
