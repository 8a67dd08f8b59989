"""Scoring helpers for body extraction, as in the article-extraction benchmark.

The metric follows the definition of scrapinghub's article-extraction-benchmark
(``evaluate.py``), re-implemented here:

* tokens are the ``\\w+`` runs of the text (case-sensitive, punctuation dropped);
* a page's text becomes a multiset of 4-token shingles (a text shorter than four
  tokens gives a single shorter shingle; an empty text gives none);
* per page, ``tp``/``fp``/``fn`` count shingle occurrences (multiset overlap) and
  are normalised to sum to 1, so long pages weigh no more than short ones;
* precision is averaged over pages that predicted something (``tp + fp > 0``),
  recall over pages whose gold is non-empty (``tp + fn > 0``); a page with
  ``fp == fn == 0`` scores 1 on both;
* F1 is the harmonic mean of the two averages (not an average of page F1s).

Also: :func:`load_aeb` reads the benchmark's pages from a directory or tarball.
Nothing here runs at import time.
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of ``n``-token shingles of ``text``."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of shingle occurrences for one page."""
    gold, got = shingles(true, n), shingles(pred, n)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(slots=True)
class Scores:
    """Benchmark-style precision, recall and F1 over a set of pages."""

    precision: float
    recall: float
    f1: float
    pages: int


def aggregate(counts: Iterable[tuple[float, float, float]]) -> Scores:
    """Average page precision and recall, then take F1 of the averages."""
    counts = list(counts)
    precs = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f1, len(counts))


@dataclass(slots=True)
class Page:
    """One benchmark page: its key, url, raw html and gold body."""

    key: str
    url: str
    html: str
    gold: str


def load_aeb(source: Path) -> list[Page]:
    """Load AEB pages from an extracted directory or from ``aeb.tar.gz``.

    ``source`` is either a directory holding ``ground-truth.json`` and
    ``html/<sha256>.html.gz`` or the tarball itself. Pages come sorted by key.
    """
    source = Path(source)
    if source.is_dir():
        truth = json.loads((source / "ground-truth.json").read_text("utf-8"))
        pages = []
        for key in sorted(truth):
            raw = gzip.decompress((source / "html" / f"{key}.html.gz").read_bytes())
            entry = truth[key]
            pages.append(Page(key, entry.get("url", ""), raw.decode("utf-8", "replace"), entry.get("articleBody", "")))
        return pages
    with tarfile.open(source, "r:gz") as tar:
        files: dict[str, bytes] = {}
        truth = {}
        for member in tar:
            if not member.isfile():
                continue
            name = Path(member.name)
            data = tar.extractfile(member).read()
            if name.name == "ground-truth.json":
                truth = json.loads(data.decode("utf-8"))
            elif name.name.endswith(".html.gz"):
                files[name.name[: -len(".html.gz")]] = gzip.decompress(data)
    return [
        Page(k, truth[k].get("url", ""), files[k].decode("utf-8", "replace"), truth[k].get("articleBody", ""))
        for k in sorted(truth)
        if k in files
    ]


# ---- trafilatura's evaluation set: must-keep / must-drop snippets ----------------


@dataclass(slots=True)
class SnippetPage:
    """A page of trafilatura's evaluation set with its snippets."""

    url: str
    html: bytes
    keep: list[str]  # "with": must appear in the extracted body
    drop: list[str]  # "without": must not appear


@dataclass(slots=True)
class SnippetScores:
    """Snippet counts over pages: kept/dropped snippets found or not."""

    tp: int = 0  # must-keep found
    fn: int = 0  # must-keep missing
    fp: int = 0  # must-drop found
    tn: int = 0  # must-drop absent

    def add(self, page: SnippetPage, text: str) -> None:
        body = " ".join(text.split())
        for snippet in page.keep:
            if " ".join(snippet.split()) in body:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in page.drop:
            if " ".join(snippet.split()) in body:
                self.fp += 1
            else:
                self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_snippet_pages(tarball: Path, step: int = 1) -> list[SnippetPage]:
    """Pages of ``trafilatura-eval.tar.gz`` (every ``step``-th, in URL order).

    A page's file is looked up in ``tests/eval`` then ``tests/cache``, as upstream does.
    """
    with tarfile.open(tarball, "r:gz") as tar:
        files: dict[str, bytes] = {}
        index: dict = {}
        for member in tar:
            if not member.isfile():
                continue
            name = member.name
            if name.endswith("evaldata.json"):
                index = json.loads(tar.extractfile(member).read().decode("utf-8"))
            elif "/eval/" in name or "/cache/" in name:
                files[name] = tar.extractfile(member).read()
    by_name: dict[str, bytes] = {}
    for folder in ("cache", "eval"):  # eval wins: written last
        for name, data in files.items():
            if f"/{folder}/" in name:
                by_name[name.rsplit("/", 1)[-1]] = data
    pages = []
    for url in sorted(index)[::step]:
        entry = index[url]
        data = by_name.get(entry.get("file", ""))
        if data is None:
            continue
        pages.append(SnippetPage(url, data, list(entry.get("with", [])), list(entry.get("without", []))))
    return pages
