#!/usr/bin/env python3
"""Body extraction on the scrapinghub article-extraction benchmark (AEB).

Runs, on the same pages in the same process:

* ``ours``                  newsdesk.clean.html.extract_html
* ``trafilatura``           trafilatura.extract(html, url) with its defaults
                            (comments included)
* ``traf-nocomments``       the same with include_comments=False: this is the
                            setting behind the published .960
* ``traf-precision``        include_comments=False, favor_precision=True (.964)

and prints benchmark precision / recall / F1 for all pages and for the
even- and odd-indexed halves (pages sorted by sha256: tune on one, report the
other), pages per CPU second (process time, so other load on the machine
matters less), and ours relative to each baseline.

Metric (see newsdesk.clean.html_eval): tokens are ``\\w+`` runs, 4-token
shingles, per-page tp/fp/fn normalised, precision and recall averaged over
pages, F1 of the averages, as in the benchmark's evaluate.py.

With ``--teval`` it also runs the same extractors on trafilatura's own
evaluation set (``../shared/datasets/trafilatura-eval``: 990 mostly non-news
pages with must-keep / must-drop snippets; snippet precision, recall, F1 as in
trafilatura's docs), a check that what helps on AEB news pages does not hurt
elsewhere. Pages are given to every extractor as bytes there (the extractor
decodes them).

Usage::

    python bench/eval_aeb.py [--data DIR_OR_TARBALL] [--limit N] [--only ours]
                             [--teval [--teval-step K]] [--json OUT.json]

Writes nothing unless ``--json`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdesk.clean.html_eval import (  # noqa: E402
    Scores,
    SnippetScores,
    aggregate,
    load_aeb,
    load_snippet_pages,
    page_counts,
)

DATASETS = REPO / ".." / "shared" / "datasets"
DEFAULT_DATA = DATASETS / "scrapinghub-aeb"
TEVAL = DATASETS / "trafilatura-eval" / "trafilatura-eval.tar.gz"


def _ours(html: str | bytes, url: str | None) -> str:
    from newsdesk.clean.html import extract_html

    try:
        return extract_html(html, url).text
    except ValueError:  # not HTML at all
        return ""


def _traf(**options):
    def run(html: str, url: str | None) -> str:
        import trafilatura

        return trafilatura.extract(html, url=url, **options) or ""

    return run


EXTRACTORS = {
    "ours": _ours,
    "trafilatura": _traf(),
    "traf-nocomments": _traf(include_comments=False),
    "traf-precision": _traf(include_comments=False, favor_precision=True),
}


def _source(path: Path) -> Path:
    if path.is_dir() and (path / "aeb.tar.gz").exists() and not (path / "ground-truth.json").exists():
        return path / "aeb.tar.gz"
    return path


def _fmt(s: Scores) -> str:
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="AEB folder (with aeb.tar.gz or extracted files) or the tarball")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by sha256)")
    parser.add_argument("--only", nargs="*", choices=sorted(EXTRACTORS), default=None,
                        help="run only these extractors")
    parser.add_argument("--teval", action="store_true",
                        help="also score on trafilatura's evaluation set (snippets)")
    parser.add_argument("--teval-step", type=int, default=1, help="use every K-th page of it")
    parser.add_argument("--json", type=Path, default=None, help="write scores to this file")
    args = parser.parse_args(argv)

    source = _source(args.data)
    if not source.exists():
        print(f"AEB data not found at {source}", file=sys.stderr)
        return 2
    pages = load_aeb(source)
    if args.limit:
        pages = pages[: args.limit]
    print(f"{len(pages)} pages from {source}")

    # warm up imports and lazily built structures so the first extractor isn't penalised
    if pages:
        for fn in EXTRACTORS.values():
            fn(pages[0].html, pages[0].url)

    results: dict[str, dict] = {}
    names = args.only or list(EXTRACTORS)
    for name in names:
        fn = EXTRACTORS[name]
        counts = []
        start = time.process_time()
        for page in pages:
            counts.append(page_counts(page.gold, fn(page.html, page.url)))
        elapsed = time.process_time() - start
        halves = {
            "all": aggregate(counts),
            "even": aggregate(counts[0::2]),
            "odd": aggregate(counts[1::2]),
        }
        results[name] = {
            "pages_per_s": len(pages) / elapsed if elapsed else 0.0,
            **{k: {"precision": v.precision, "recall": v.recall, "f1": v.f1} for k, v in halves.items()},
        }
        print(f"{name:<16} all {_fmt(halves['all'])} | even F1 {halves['even'].f1:.3f}"
              f" | odd F1 {halves['odd'].f1:.3f} | {results[name]['pages_per_s']:.1f} pages/s")

    if "ours" in results:
        ours = results["ours"]
        for name, res in results.items():
            if name == "ours":
                continue
            print(f"ours vs {name:<16} F1 {ours['all']['f1'] / res['all']['f1']:.3f}x"
                  f" (+{ours['all']['f1'] - res['all']['f1']:.3f}),"
                  f" speed {ours['pages_per_s'] / res['pages_per_s']:.2f}x")
    if args.teval:
        results["teval"] = _run_teval(names, args.teval_step, args.limit)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def _run_teval(names: list[str], step: int, limit: int | None) -> dict:
    if not TEVAL.exists():
        print(f"trafilatura-eval not found at {TEVAL}", file=sys.stderr)
        return {}
    pages = load_snippet_pages(TEVAL, step)
    if limit:
        pages = pages[:limit]
    print(f"\ntrafilatura-eval: {len(pages)} pages, snippet scores")
    out = {}
    for name in names:
        fn = EXTRACTORS[name]
        scores = SnippetScores()
        start = time.process_time()
        for page in pages:
            scores.add(page, fn(page.html, page.url))
        elapsed = time.process_time() - start
        out[name] = {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
                     "pages_per_s": len(pages) / elapsed if elapsed else 0.0}
        print(f"{name:<16} P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}"
              f" | {out[name]['pages_per_s']:.1f} pages/s")
    return out


if __name__ == "__main__":
    sys.exit(main())
