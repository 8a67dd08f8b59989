"""Evaluate the figure ledger on real articles: FA-KES groups and T17 topics.

Usage::

    python bench/eval_ledger.py [--sample N] [--skip-t17] [--topics syria,libya,...]

FA-KES (``../shared/datasets/fa-kes/fakes.csv``, 804 short Syrian-war articles
from 15 outlets) has, per article, a date and a location. Articles of one
location and date form a story; each story's ledger is built from the figures
``find_figures`` finds (publication date from the ``date`` column, the outlet
from ``source``; FA-KES says nothing about copies, so every article counts as
independent). Reported: series, series with two or more sources,
contradictions and revisions, and two checks of the findings:

- hand check: a fixed sample of findings (seed 7; one finding from each of 20
  groups drawn at random) read by a person, verdicts
  in ``bench/ledger/fakes_checked.jsonl`` (ids and labels only, no text):
  ``ok`` when the two figures count the same thing in the same incident and
  the finding is right (the counts do differ on one date for a contradiction;
  the count changed over time for a revision), ``wrong`` otherwise, with a
  reason code (``different-incident``, ``extraction``, ``same-count``...).
  Precision = ok / checked, per kind.
- crowd proxy (contradictions in civilian/people killed series only): do the
  crowd's civilian counts of the two articles differ too? FA-KES articles
  include fakes (label 0) written to disagree with credible reports, so the
  share of contradictions that involve a fake article is shown as well.

T17 (``bench/datasets.t17_jsonl``): each topic (all outlets of it) is one
story; series, findings and the ledger's time are reported per topic. A topic
spans months and many incidents, so its findings are an upper bound of what
one story of the desk would show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from datasets import SHARED, t17_jsonl  # noqa: E402

from newsdesk.facts.figures import find_figures  # noqa: E402
from newsdesk.ledger import LedgerArticle, Series, build_ledger  # noqa: E402

FAKES = SHARED / "fa-kes" / "fakes.csv"
CHECKED = ROOT / "bench" / "ledger" / "fakes_checked.jsonl"
T17_TOPICS = {"syria": "SyrianCrisis", "libya": "LibyaWar", "haiti": "haiti", "bpoil": "bpoil", "h1n1": "H1N1",
              "egypt": "EgyptianProtest", "iraq": "IraqWar"}


def _fakes_rows() -> list[dict]:
    import csv

    with FAKES.open(encoding="utf-8", errors="replace", newline="") as f:
        rows, seen = [], set()
        for row in csv.DictReader(f):
            if row["unit_id"] not in seen:  # 12 unit_ids appear twice with different crowd answers
                seen.add(row["unit_id"])
                rows.append(row)
    return rows


def _date(s: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(s.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def finding_id(group: str, s: Series, f) -> dict:
    a, b = s.points[f.a], s.points[f.b]
    return {"group": group, "series": s.id, "kind": f.kind, "a": a.article, "b": b.article,
            "a_value": a.value, "b_value": b.value}


def run_fakes(sample: int) -> list[str]:
    rows = _fakes_rows()
    by_id = {r["unit_id"]: r for r in rows}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[f"{r['location'].strip()}|{r['date'].strip()}"].append(r)
    t = time.perf_counter()
    figures = {r["unit_id"]: find_figures(r["article_content"], r["unit_id"], _date(r["date"])) for r in rows}
    t_fig = time.perf_counter() - t
    stats = defaultdict(int)
    findings: list[tuple[str, Series, object]] = []
    t = time.perf_counter()
    for key, members in groups.items():
        arts = {r["unit_id"]: LedgerArticle(r["unit_id"], r["source"].strip(), (_date(r["date"]) or dt.date.min).isoformat(),
                                            None, r["article_title"]) for r in members}
        series = build_ledger([f for r in members for f in figures[r["unit_id"]]], arts)
        stats["groups"] += 1
        stats["multi"] += len(members) > 1
        for s in series:
            stats["series"] += 1
            stats["series2"] += len(s.sources) > 1
            for f in s.findings:
                stats[f.kind] += 1
                findings.append((key, s, f))
    t_led = time.perf_counter() - t
    out = ["## Figure ledger on FA-KES (location + date groups)\n",
           f"{len(rows)} articles in {stats['groups']} groups ({stats['multi']} with two or more articles); "
           f"{sum(map(len, figures.values()))} figures; find_figures {t_fig:.1f} s, all ledgers {t_led * 1000:.0f} ms.\n",
           "| series | with ≥2 sources | contradictions | revisions |", "|---|---|---|---|",
           f"| {stats['series']} | {stats['series2']} | {stats['contradiction']} | {stats['revision']} |\n"]
    # crowd proxy on contradictions of killed civilians/people
    proxy = [0, 0, 0]  # differ, total, involving a fake
    for key, s, f in findings:
        if f.kind == "contradiction" and s.key[0] == "killed" and s.key[1] in ("people", "civilians"):
            a, b = by_id[s.points[f.a].article], by_id[s.points[f.b].article]
            proxy[1] += 1
            proxy[0] += a["nb_civilians"] != b["nb_civilians"]
            proxy[2] += "0" in (a["label"].strip(), b["label"].strip())
    if proxy[1]:
        out.append(f"Crowd proxy: of {proxy[1]} contradictions in people/civilians killed, the crowd's civilian "
                   f"counts of the two articles differ in {proxy[0]} ({proxy[0] / proxy[1]:.0%}); "
                   f"{proxy[2]} ({proxy[2] / proxy[1]:.0%}) involve an article labelled fake.\n")
    rng = random.Random(7)  # one finding from each of `sample` groups, so one busy day does not fill the sample
    per_group: dict[str, list[int]] = defaultdict(list)
    for i, (key, _, _) in enumerate(findings):
        per_group[key].append(i)
    groups_with = sorted(per_group)
    rng.shuffle(groups_with)
    chosen = [rng.choice(per_group[g]) for g in groups_with[:sample]]
    checked = {}
    if CHECKED.exists():
        for line in CHECKED.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            checked[tuple(rec[k] for k in ("group", "series", "kind", "a", "b"))] = rec
    tally = defaultdict(lambda: [0, 0])
    missing = []
    for i in chosen:
        fid = finding_id(*findings[i])
        rec = checked.get(tuple(fid[k] for k in ("group", "series", "kind", "a", "b")))
        if rec is None:
            missing.append(fid)
            continue
        tally[fid["kind"]][0] += rec["label"] == "ok"
        tally[fid["kind"]][1] += 1
    out.append(f"Hand check of {len(chosen)} findings sampled with seed 7 ({CHECKED.relative_to(ROOT)}):\n")
    out.append("| finding | checked | correct | precision |")
    out.append("|---|---|---|---|")
    for kind in ("contradiction", "revision"):
        ok, n = tally[kind]
        out.append(f"| {kind} | {n} | {ok} | {ok / n:.2f} |" if n else f"| {kind} | 0 | 0 | - |")
    if missing:
        out.append(f"\n{len(missing)} sampled findings have no verdict yet:")
        out += [json.dumps(m) for m in missing]
    return out


def run_t17(topics: list[str]) -> list[str]:
    base = t17_jsonl()
    out = ["\n## Figure ledger on T17 (one story per topic)\n",
           "| topic | articles | figures | series | with ≥2 sources | contradictions | revisions | ledger ms |",
           "|---|---|---|---|---|---|---|---|"]
    for topic in topics:
        prefix = T17_TOPICS[topic]
        arts, figures = {}, []
        for path in sorted(base.glob(f"{prefix}_*.jsonl")):
            for line in path.open(encoding="utf-8"):
                rec = json.loads(line)
                arts[rec["id"]] = LedgerArticle(rec["id"], rec["outlet"], rec["published"])
                figures += find_figures(rec["text"], rec["id"], dt.date.fromisoformat(rec["published"]))
        t = time.perf_counter()
        series = build_ledger(figures, arts)
        ms = (time.perf_counter() - t) * 1000
        n = defaultdict(int)
        for s in series:
            n["series2"] += len(s.sources) > 1
            for f in s.findings:
                n[f.kind] += 1
        out.append(f"| {topic} | {len(arts)} | {len(figures)} | {len(series)} | {n['series2']} | "
                   f"{n['contradiction']} | {n['revision']} | {ms:.0f} |")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=20, help="findings to hand-check on FA-KES")
    ap.add_argument("--skip-t17", action="store_true")
    ap.add_argument("--topics", default="syria,libya,haiti,bpoil,h1n1,egypt")
    args = ap.parse_args()
    if not FAKES.exists():
        raise SystemExit("../shared/datasets/fa-kes is absent: this benchmark needs the shared datasets")
    lines = run_fakes(args.sample)
    if not args.skip_t17:
        lines += run_t17([t for t in re.split(r"[,\s]+", args.topics) if t])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
