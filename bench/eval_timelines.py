"""Timeline summarisation on T17: alignment-based ROUGE (align+ m:1) and date F1, scored with tilse.

    python bench/eval_timelines.py [--topics bpoil,haiti] [--no-query] [--fit] [--speed] [--no-folders]
                                   [--raw-tokens]

Protocol of the literature (Tran et al. 2013; Martschat & Markert 2018;
news-tls ``experiments/evaluate.py``, Ghalandari & Ifrim 2020): T17 has nine
topics (bpoil, EgyptianProtest, Finan, H1N1, haiti, IraqWar, LibyaWar, MJ,
SyrianCrisis); the shared copy keeps them as 16 one-outlet folders. A topic's
folders are pooled (exact reprints across them marked as copies) and every gold
timeline of the topic is scored against a timeline built from the topic's
articles published between the timeline's first and last date; the number of
dates is the number of gold dates and the sentences per date the rounded mean
of the gold. 18 of the 19 gold timelines are scored (Finan_washingtonpost has
no articles). The query is the topic's keywords, as DATEWISE uses them
(``--no-query`` runs without). The date ranker is fitted by
leave-one-topic-out cross-validation: each topic's timelines are built with
weights fitted on the other eight topics only. The per-folder protocol (input =
the gold timeline's own folder) is reported as an extra line.
``--fit`` prints the weights fitted on all topics (the shipped defaults).
Scores: tilse 0.2.1's ROUGE reimplementation (Porter stemming, ROUGE's
stopword list, as the literature's tilse + ROUGE-1.5.5 ``-m -s``; the Perl
ROUGE needs XML::Parser, absent here), predicted sentences tokenised
PTB-style like the gold, then both sides read as ROUGE-1.5.5 reads text
(lower case, non-alphanumerics dropped: ``perl_tokens``); ``--raw-tokens``
scores whitespace tokens as the reimplementation alone does (punctuation
tokens then count as words; about .006 AR-1 lower on T17).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import T17_KEYWORDS, t17_jsonl, unpack  # noqa: E402

from newsdesk.records import Article  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402
from newsdesk.timeline import build_timeline, timeline_from_sentences  # noqa: E402
from newsdesk.timeline.select import FEATURES, date_features  # noqa: E402
from newsdesk.timeline.sentences import Sentence, article_sentences  # noqa: E402

KEYWORDS = T17_KEYWORDS
PUBLISHED = {"DATEWISE": (0.120, 0.035, 0.544), "MARTSCHAT 2018": (0.105, 0.030, 0.544),
             "TRAN 2013": (0.094, 0.022, 0.517), "CLUST": (0.082, 0.020, 0.407)}


@dataclass(slots=True)
class Case:
    """One gold timeline and the sentences of its input."""

    topic: str
    folder: str  # the folder the gold timeline sits in
    name: str
    gold: dict[date, list[str]]
    sents: list[Sentence]

    @property
    def start(self) -> date:
        return min(self.gold)

    @property
    def end(self) -> date:
        return max(self.gold)

    @property
    def k(self) -> int:
        return round(sum(len(v) for v in self.gold.values()) / len(self.gold))


def _articles(path: Path) -> list[Article]:
    arts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        arts.append(Article(id="a" + r["id"], source=r["id"], fmt="jsonl", text=r["text"], outlet=r["outlet"],
                            published=date.fromisoformat(r["published"])))
    return arts


def _gold(path: Path) -> dict[date, list[str]]:
    gold: dict[date, list[str]] = defaultdict(list)
    for item in json.loads(path.read_text(encoding="utf-8")):
        gold[date.fromisoformat(item["date"])] += [s.strip() for s in item["text"].split("  ") if s.strip()]
    return dict(gold)


def load_cases(topics: list[str] | None = None, pooled: bool = True) -> list[Case]:
    """The gold timelines with articles, each with the sentences of its input (pooled topic or own folder).

    Pooled: the topic's folders together; an article whose text repeats one already read (any folder)
    is marked as a copy of it, so it adds no independent support.
    """
    base = unpack("t17", "t17-articles-timelines.tar.gz") / "dataset" / "t17"
    by_topic: dict[str, list[str]] = defaultdict(list)
    for f in sorted(t17_jsonl().glob("*.jsonl")):
        topic = f.stem.split("_")[0]
        if not topics or topic in topics or f.stem in topics:
            by_topic[topic].append(f.stem)
    cases = []
    for topic, folders in sorted(by_topic.items()):
        arts_of = {folder: _articles(t17_jsonl() / f"{folder}.jsonl") for folder in folders}
        if pooled:
            seen: dict[str, str] = {}
            for a in (a for folder in folders for a in arts_of[folder]):
                h = hashlib.sha1(" ".join(re.findall(r"[a-z0-9]+", a.text.lower())).encode()).hexdigest()
                if h in seen:
                    a.copy_of, a.copy_kind = seen[h], "exact"
                else:
                    seen[h] = a.id
            pool = article_sentences([a for folder in folders for a in arts_of[folder]])
        for folder in folders:
            src = pool if pooled else article_sentences(arts_of[folder])
            for p in sorted((base / folder).glob("*.timeline.json")):
                gold = _gold(p)
                start, end = min(gold), max(gold)
                sents = [s for s in src if s.published and start <= s.published <= end]
                cases.append(Case(topic, folder, p.name.removesuffix(".txt.timeline.json"), gold, sents))
    return cases


def perl_tokens(text: str) -> str:
    """A sentence as ROUGE-1.5.5 reads it before counting: lower case, "-" set apart, other non-alphanumerics gone."""
    return " ".join(re.sub(r"[^a-z0-9\-]", " ", text.lower().replace("-", " - ")).split())


class Scorer:
    """tilse's align+ m:1 ROUGE-1/2 and date F1 on one predicted timeline against one gold timeline.

    The literature scores with tilse calling ROUGE-1.5.5 (Perl; Porter stemming ``-m``, SMART stopwords
    ``-s``); its Perl needs XML::Parser, absent here, so tilse's reimplementation counts the n-grams with
    the same stemming and stopwords. ``perl_like`` (default) first reads both sides as the Perl script
    does (``perl_tokens``); without it punctuation tokens ("'s", "(", "%") count as words.
    """

    def __init__(self, perl_like: bool = True):
        from nltk.tokenize import TreebankWordTokenizer
        from tilse.evaluation import rouge

        self.tok = TreebankWordTokenizer()
        self.perl_like = perl_like
        self.rouge = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")

    def _read(self, text: str) -> str:
        return perl_tokens(text) if self.perl_like else text

    def __call__(self, pred: dict[date, list[str]], gold: dict[date, list[str]]) -> dict[str, float]:
        from tilse.data.timelines import GroundTruth, Timeline

        # predictions PTB-tokenised like the gold (brackets as -LRB- / -RRB-)
        ptl = Timeline({d: [self._read(" ".join(self.tok.tokenize(s, convert_parentheses=True))) for s in ss]
                        for d, ss in pred.items()})
        gt = GroundTruth([Timeline({d: [self._read(s) for s in ss] for d, ss in gold.items()})])
        r = self.rouge.evaluate_align_date_content_costs_many_to_one(ptl, gt)
        return {"r1": r["rouge_1"]["f_score"], "r2": r["rouge_2"]["f_score"], "date": date_f1(pred, gold)}


def date_f1(pred, gold) -> float:
    shared = len(set(pred) & set(gold))
    p, r = shared / max(len(pred), 1), shared / len(gold)
    return 2 * p * r / (p + r) if shared else 0.0


def feature_rows(cases: list[Case]) -> dict[str, list[tuple[tuple[float, ...], int]]]:
    """Per topic: (date features, 1 if a gold date) for every day each timeline's input mentions."""
    rows: dict[str, list] = defaultdict(list)
    for c in cases:
        rows[c.topic] += [(f.values, int(f.day in c.gold)) for f in date_features(c.sents, c.start, c.end)]
    return rows


def fit_weights(rows: list[tuple[tuple[float, ...], int]], ridge: float = 1.0) -> tuple[float, ...]:
    """Least squares (small ridge) of gold membership on the date features, with an intercept."""
    x = np.array([list(f) + [1.0] for f, _ in rows])
    y = np.array([lab for _, lab in rows], dtype=float)
    w = np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y)
    return tuple(round(float(v), 4) for v in w)


def predict(c: Case, settings: Settings, query: str | None) -> dict[date, list[str]]:
    tl = timeline_from_sentences(c.sents, len(c.gold), c.k, query, c.start, c.end, settings)
    return {e.date: [s.text for s in e.sentences] for e in tl}


def evaluate(cases: list[Case], use_query: bool = True, scorer: Scorer | None = None,
             settings: Settings | None = None) -> list[dict[str, float]]:
    """Scores of every case, date weights fitted leave-one-topic-out (on the other topics' timelines)."""
    scorer, settings = scorer or Scorer(), settings or Settings()
    rows = feature_rows(cases)
    fold = {t: settings.with_(timeline_date_weights=fit_weights([r for u, rs in rows.items() if u != t for r in rs]))
            for t in rows}
    return [scorer(predict(c, fold[c.topic], KEYWORDS.get(c.topic) if use_query else None), c.gold) for c in cases]


def mean(scores: list[dict[str, float]]) -> dict[str, float]:
    return {m: sum(s[m] for s in scores) / len(scores) for m in ("r1", "r2", "date")}


def run(topics: list[str] | None, use_query: bool, folders: bool = True, perl_like: bool = True
        ) -> tuple[str, dict[str, float]]:
    scorer = Scorer(perl_like)
    cases = load_cases(topics, pooled=True)
    scores = evaluate(cases, use_query, scorer)
    lines = ["| topic | timeline (folder) | dates | k | articles | AR-1 F | AR-2 F | date F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for c, sc in zip(cases, scores):
        n_art = len({s.article for s in c.sents})
        lines.append(f"| {c.topic} | {c.name} ({c.folder}) | {len(c.gold)} | {c.k} | {n_art} | {sc['r1']:.3f} | "
                     f"{sc['r2']:.3f} | {sc['date']:.3f} |")
    avg = mean(scores)
    lines.append(f"| **mean of {len(scores)}** | | | | | **{avg['r1']:.3f}** | **{avg['r2']:.3f}** | "
                 f"**{avg['date']:.3f}** |")
    by_topic: dict[str, list[dict[str, float]]] = defaultdict(list)
    for c, sc in zip(cases, scores):
        by_topic[c.topic].append(sc)
    lines += ["", "| topic | timelines | AR-1 F | AR-2 F | date F1 |", "|---|---|---|---|---|"]
    for topic, ss in sorted(by_topic.items()):
        m = mean(ss)
        lines.append(f"| {topic} | {len(ss)} | {m['r1']:.3f} | {m['r2']:.3f} | {m['date']:.3f} |")
    tm = mean([mean(ss) for ss in by_topic.values()])
    lines.append(f"| **mean of {len(by_topic)} topics** | | **{tm['r1']:.3f}** | **{tm['r2']:.3f}** | "
                 f"**{tm['date']:.3f}** |")
    lines.append("")
    if folders:
        fs = mean(evaluate(load_cases(topics, pooled=False), use_query, scorer))
        lines.append(f"Per-folder protocol (input = the timeline's own folder), mean of {len(scores)}: "
                     f"AR-1 {fs['r1']:.3f}, AR-2 {fs['r2']:.3f}, date F1 {fs['date']:.3f}.")
    lines.append("")
    lines.append("Published on T17 (Ghalandari & Ifrim 2020, all 19 timelines, Perl ROUGE): " + "; ".join(
        f"{k} {a:.3f}/{b:.3f}/{c:.3f}" for k, (a, b, c) in PUBLISHED.items()) + " (AR-1/AR-2/date F1).")
    return "\n".join(lines), avg


def score_slice(topics: list[str]) -> dict[str, float]:
    """Mean AR-1, AR-2 and date F1 over the pooled gold timelines of ``topics`` with the shipped weights (the gate)."""
    scorer, scores = Scorer(), []
    for c in load_cases(topics, pooled=True):
        scores.append(scorer(predict(c, Settings(), KEYWORDS.get(c.topic)), c.gold))
    return mean(scores)


def date_ceiling(cases: list[Case]) -> str:
    """How far the date ranker is from what its features and candidates allow (date F1 of the top days alone).

    coverage: share of gold dates the input mentions within the span (no ranker of mentioned days does
    better); leave-one-topic-out: the shipped protocol; all of T17: weights fitted on every topic, this
    one included; own timeline: weights fitted on the timeline's own answers (no ranker with these
    features ranks better, whatever it learns elsewhere).
    """
    def top_f1(c: Case, feats, w) -> float:
        days = [f.day for f in feats]
        s = [sum(a * b for a, b in zip(w, f.values)) + w[-1] for f in feats]
        order = sorted(range(len(days)), key=lambda j: (-s[j], days[j]))
        return date_f1({days[j] for j in order[:len(c.gold)]}, c.gold)

    rows = feature_rows(cases)
    every = [r for rs in rows.values() for r in rs]
    loto = {t: fit_weights([r for u, rs in rows.items() if u != t for r in rs]) for t in rows}
    cover, held, pooled, own = [], [], [], []
    for c in cases:
        feats = date_features(c.sents, c.start, c.end)
        cover.append(len({f.day for f in feats} & set(c.gold)) / len(c.gold))
        held.append(top_f1(c, feats, loto[c.topic]))
        pooled.append(top_f1(c, feats, fit_weights(every)))
        own.append(top_f1(c, feats, fit_weights([(f.values, int(f.day in c.gold)) for f in feats], ridge=1e-6)))
    avg = lambda xs: sum(xs) / len(xs)  # noqa: E731
    return (f"Date ranking, mean of {len(cases)} timelines (top days by the ranker alone): gold dates mentioned "
            f"in the input {avg(cover):.3f}; weights fitted leave-one-topic-out {avg(held):.3f}, on all of T17 "
            f"{avg(pooled):.3f}, on each timeline's own answers {avg(own):.3f}.")


def speed(n: int = 1000) -> str:
    """build_timeline alone on the largest T17 folders pooled to ``n`` articles."""
    arts = [a for f in ("LibyaWar_cnn", "LibyaWar_reuters", "SyrianCrisis_reuters")
            for a in _articles(t17_jsonl() / f"{f}.jsonl")][:n]
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
    ap.add_argument("--topics", help="comma-separated topics (bpoil, haiti, ...; default: all nine)")
    ap.add_argument("--no-query", action="store_true", help="no topic keywords")
    ap.add_argument("--no-folders", action="store_true", help="skip the per-folder protocol line")
    ap.add_argument("--fit", action="store_true", help="print the weights fitted on all topics and stop")
    ap.add_argument("--speed", action="store_true", help="also time build_timeline on 1,000 articles")
    ap.add_argument("--ceiling", action="store_true",
                    help="also print how far the date ranker is from what its features and candidates allow")
    ap.add_argument("--raw-tokens", action="store_true",
                    help="ROUGE over whitespace tokens as tilse's reimplementation reads them (punctuation counts)")
    args = ap.parse_args()
    topics = args.topics.split(",") if args.topics else None
    if args.fit:
        rows = feature_rows(load_cases(topics, pooled=True))
        print("weights over " + ", ".join(FEATURES) + ", intercept:\n"
              + repr(fit_weights([r for rs in rows.values() for r in rs])))
        return
    table, _ = run(topics, not args.no_query, not args.no_folders, not args.raw_tokens)
    print("## Timelines on T17 (topics pooled across outlets, leave-one-topic-out date ranker; "
          + ("no query" if args.no_query else "query = topic keywords") + "; ROUGE over "
          + ("whitespace tokens" if args.raw_tokens else "tokens as ROUGE-1.5.5 reads them") + ")\n")
    print(table)
    if args.ceiling:
        print("\n" + date_ceiling(load_cases(topics, pooled=True)))
    if args.speed:
        print("\n" + speed())


if __name__ == "__main__":
    main()
