"""Benchmark the publication-date stage on htmldate-eval against htmldate itself.

Usage::

    python bench/eval_dates.py [--limit N] [--data DIR] [--cache DIR] [--margin M] [--text]

Unpacks ``../shared/datasets/htmldate-eval/htmldate-eval.tar.gz`` into
``bench/.cache`` (gitignored) on first use, then runs newsdesk's
``date_html`` and htmldate (extensive and fast, ``original_date=True``) on the
same pages in the same run. Only the HTML is given to each tool, never the URL.

Scores: accuracy = correct dates / pages (no output where the gold has a date
counts as wrong); invented = a date output that differs from the gold (or any
date on a page whose gold has none); none = no output. Reported for the whole
set, for the even/odd halves of the URL-sorted list (the cue weights were
fitted on the even half only; the odd half is held out) and per gold file
(news-like mediacloud subset vs default).

``--text`` scores ``date_text`` on the repo's example corpus instead
(``examples/corpus/**/*.txt`` against ``examples/gold.json``), with the
slashed-date order decided per outlet folder by ``slash_order``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
TARBALL = DATASETS / "htmldate-eval" / "htmldate-eval.tar.gz"
CACHE = ROOT / "bench" / ".cache"
GOLD_FILES = ("eval_default.json", "eval_mediacloud_2020.json")


@dataclass(slots=True)
class Page:
    """One gold entry: the URL (for sorting only), its file set, HTML path and gold date."""

    url: str
    goldset: str
    path: Path
    gold: str | None


def unpack(tarball: Path = TARBALL, cache: Path = CACHE) -> Path:
    """The ``tests`` directory of the unpacked corpus (unpacks once)."""
    tests = cache / "tests"
    if not (tests / GOLD_FILES[0]).exists():
        cache.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as archive:
            archive.extractall(cache, filter="data")
    return tests


def load_pages(tests: Path) -> list[Page]:
    """All gold entries sorted by URL; each file looked up in test_set, cache, eval."""
    pages = []
    for name in GOLD_FILES:
        for url, entry in json.loads((tests / name).read_text(encoding="utf-8")).items():
            gold = entry.get("date")
            if not isinstance(gold, str) or (isinstance(gold, float) and math.isnan(gold)):
                gold = None
            for folder in ("test_set", "cache", "eval"):
                path = tests / folder / entry["file"]
                if path.exists():
                    pages.append(Page(url, name, path, gold))
                    break
    return sorted(pages, key=lambda page: page.url)


@dataclass(slots=True)
class Score:
    correct: int = 0
    invented: int = 0
    none: int = 0
    seconds: float = 0.0

    def add(self, output: str | None, gold: str | None) -> None:
        if output is None:
            self.none += 1
        elif output == gold:
            self.correct += 1
        else:
            self.invented += 1

    @property
    def total(self) -> int:
        return self.correct + self.invented + self.none

    def line(self) -> str:
        total = max(1, self.total)
        return (
            f"acc {self.correct / total:.3f}  correct {self.correct:4d}  invented {self.invented:3d}"
            f"  none {self.none:3d}  n {self.total}"
        )


def run_ours(html: bytes, margin: float | None) -> str | None:
    from newsdesk.dating import date_html

    finding = date_html(html) if margin is None else date_html(html, min_margin=margin)
    return finding.published.isoformat() if finding.published else None


def run_htmldate(html: bytes, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=extensive, original_date=True)
    except ValueError:
        return None


def evaluate(pages: list[Page], systems: dict, progress: bool = False) -> dict[str, dict[str, Score]]:
    """Scores per system and per slice (all, even, odd, each gold file)."""
    results: dict[str, dict[str, Score]] = {name: {} for name in systems}
    for index, page in enumerate(pages):
        html = page.path.read_bytes()
        slices = ("all", "even" if index % 2 == 0 else "odd", page.goldset)
        for name, system in systems.items():
            started = time.perf_counter()
            output = system(html)
            elapsed = time.perf_counter() - started
            for key in slices:
                score = results[name].setdefault(key, Score())
                score.add(output, page.gold)
                score.seconds += elapsed
        if progress and index % 100 == 99:
            print(f"  {index + 1} pages", file=sys.stderr)
    return results


def eval_text_corpus(examples: Path = ROOT / "examples", today=None) -> Score:
    """Date accuracy of ``date_text`` on the example corpus text dumps."""
    from collections import defaultdict

    from newsdesk.dating import date_text, slash_order

    documents = json.loads((examples / "gold.json").read_text(encoding="utf-8"))["documents"]
    texts = {
        name: (examples / "corpus" / name).read_text(encoding="utf-8")
        for name in sorted(documents)
        if name.endswith(".txt")
    }
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for name, text in texts.items():
        by_outlet[name.split("/")[0]].append(text)
    orders = {outlet: slash_order(samples) for outlet, samples in by_outlet.items()}
    score = Score()
    for name, text in texts.items():
        started = time.perf_counter()
        finding = date_text(text, today=today, slash_order=orders[name.split("/")[0]])
        score.seconds += time.perf_counter() - started
        score.add(finding.published.isoformat() if finding.published else None, documents[name].get("published"))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (by URL)")
    parser.add_argument("--data", type=Path, default=TARBALL, help="htmldate-eval tarball")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where to unpack it")
    parser.add_argument("--margin", type=float, default=None, help="date_html min_margin override")
    parser.add_argument("--ours-only", action="store_true", help="skip htmldate")
    parser.add_argument("--text", action="store_true", help="score date_text on examples/ instead")
    args = parser.parse_args(argv)
    if args.text:
        sys.path.insert(0, str(ROOT / "src"))
        print(f"[examples text dumps]\n  newsdesk date_text   {eval_text_corpus().line()}")
        return 0
    if not args.data.exists():
        print(f"dataset not found: {args.data}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    pages = load_pages(unpack(args.data, args.cache))
    if args.limit:
        pages = pages[: args.limit]
    systems = {"newsdesk": lambda html: run_ours(html, args.margin)}
    if not args.ours_only:
        systems["htmldate-extensive"] = lambda html: run_htmldate(html, True)
        systems["htmldate-fast"] = lambda html: run_htmldate(html, False)
    results = evaluate(pages, systems, progress=True)
    for key in ("all", "even", "odd", *GOLD_FILES):
        print(f"\n[{key}]")
        for name in systems:
            if key in results[name]:
                print(f"  {name:19s} {results[name][key].line()}")
    print("\n[speed]")
    base = results.get("htmldate-extensive", {}).get("all")
    for name in systems:
        score = results[name]["all"]
        rate = score.total / score.seconds if score.seconds else float("inf")
        ratio = f"  x{score.seconds / base.seconds:.2f} of htmldate-extensive time" if base else ""
        print(f"  {name:19s} {rate:7.1f} pages/s{ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
