"""Publication date of an HTML page.

The page is read once (lxml) and four kinds of evidence are gathered:

1. structured metadata (:mod:`.meta`): meta tags, JSON-LD, microdata, <time>;
2. htmldate in fast mode (markup only) and in extensive mode (also free text),
   both with ``original_date=True``;
3. the dates printed near the headline (:mod:`.displayed`);
4. the date in the URL path, when a URL is given.

Every candidate date collects weighted votes from the cues that name it; the
best-supported date wins if its support reaches :data:`MIN_SUPPORT`, and the
page is left undated otherwise: a date backed by one weak cue is more often
invented than right. The weights were tuned on the even half of htmldate-eval
(see ``bench/eval_dates.py``); confidence is the calibrated share of correct
answers at that support level.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from htmldate import find_date
from htmldate.utils import load_html
from lxml.html import HtmlElement

from newsdesk.records import DateFinding

from .displayed import Displayed, displayed_dates
from .meta import Cue, structured_cues
from .parse import plausible

# Source priority for the page's "primary" structured date: the first cue of
# the best source that has one. Values are (source, strength) pairs from .meta.
_PRIMARY_ORDER = (
    ("meta", 2), ("jsonld", 2), ("microdata", 2), ("meta", 1), ("jsonld", 1),
    ("microdata", 1), ("time", 2),
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?:/|[_-]|$)")

# Vote weights per cue (tuned on the even half of htmldate-eval).
WEIGHTS: dict[str, float] = {
    "structured": 0.5,  # primary structured publication date, explicit field
    "structured_weak": 0.0,  # primary structured date from a generic field or <time>
    "structured_other": 0.25,  # any other structured publication date
    "updated": 0.5,  # a structured modification date
    "shown_updated": 1.5,  # printed near the headline AND stated as modification date
    "extensive": 2.0,  # htmldate extensive (reads the same metadata first)
    "extensive_jan1": 0.5,  # ... when it says 1 January: mostly a bare year
    "fast": 0.75,  # htmldate fast
    "headline": 1.5,  # first printed date just after the headline
    "first_shown": 0.5,  # first printed date on the page
    "above_headline": 1.0,  # last printed date shortly before the headline
    "shown_any": 0.25,  # printed anywhere on the page
    "shown_twice": 0.0,  # printed at least twice
    "url": 1.5,  # full date in the URL path (not used in the benchmark)
}
MIN_SUPPORT = 2.0
# Abstain unless the winner leads the runner-up by this much: conflicts between
# cues are where invented dates come from (0.5 gives more recall, see README of bench).
MIN_MARGIN = 1.5
HEADLINE_WINDOW = 1500  # characters after the headline start
ABOVE_WINDOW = 300  # characters before the headline
_CODES = (
    ("structured_other", "html:meta"), ("extensive", "html:htmldate-extensive"),
    ("extensive_jan1", "html:htmldate-extensive"), ("fast", "html:htmldate"),
    ("headline", "html:shown"), ("above_headline", "html:shown"), ("shown_updated", "html:shown"),
    ("first_shown", "html:shown"), ("url", "url"),
)
# (minimum support, share of correct answers at that support on htmldate-eval)
_CONFIDENCE = ((5.0, 0.98), (4.0, 0.95), (3.5, 0.9), (2.5, 0.82), (0.0, 0.7))


@dataclass(slots=True)
class Evidence:
    """All date cues gathered from one page (kept apart from the decision)."""

    structured: list[Cue] = field(default_factory=list)
    extensive: date | None = None
    fast: date | None = None
    shown: list[Displayed] = field(default_factory=list)
    url: date | None = None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _htmldate(tree: HtmlElement, extensive: bool) -> date | None:
    try:
        found = find_date(tree, extensive_search=extensive, original_date=True)
    except (ValueError, TypeError):  # htmldate raises on rare malformed trees
        return None
    return _iso(found)


def url_date(url: str | None) -> date | None:
    """A full year/month/day date in a URL path (``/2023/06/02/slug``), if any."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_html(html: str | bytes) -> HtmlElement | None:
    """An lxml tree for ``html`` (never fetches: a bare URL is not HTML)."""
    if isinstance(html, str):
        stripped = html.strip()
        if not stripped or (stripped.startswith("http") and " " not in stripped):
            return None
    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


def gather(tree: HtmlElement, url: str | None = None) -> Evidence:
    """Collect every cue from a parsed page."""
    return Evidence(
        structured=structured_cues(tree),
        fast=_htmldate(tree, extensive=False),
        extensive=_htmldate(tree, extensive=True),
        shown=displayed_dates(tree),
        url=url_date(url),
    )


def primary_structured(cues: list[Cue]) -> Cue | None:
    """The structured publication date the page most likely means."""
    for source, strength in _PRIMARY_ORDER:
        for cue in cues:
            if cue.kind == "published" and cue.source == source and cue.strength == strength:
                return cue
    return None


def headline_date(shown: list[Displayed]) -> Displayed | None:
    """The first date printed within :data:`HEADLINE_WINDOW` after the headline."""
    for item in shown:
        if item.offset is not None and 0 <= item.offset <= HEADLINE_WINDOW:
            return item
    return None


def votes(evidence: Evidence, weights: dict[str, float] = WEIGHTS) -> dict[date, dict[str, float]]:
    """Each candidate date with the weighted cues that support it."""
    table: dict[date, dict[str, float]] = defaultdict(dict)

    def vote(value: date | None, cue: str) -> None:
        if value is not None and weights.get(cue, 0.0) and plausible(value):
            table[value][cue] = weights[cue]

    primary = primary_structured(evidence.structured)
    if primary is not None:
        strong = primary.strength == 2 and primary.source != "time"
        vote(primary.value, "structured" if strong else "structured_weak")
    for cue in evidence.structured:
        if cue.kind == "published" and cue is not primary:
            vote(cue.value, "structured_other")
    updated = {cue.value for cue in evidence.structured if cue.kind == "updated"}
    for value in updated:
        vote(value, "updated")
    if evidence.extensive is not None and (evidence.extensive.month, evidence.extensive.day) == (1, 1):
        vote(evidence.extensive, "extensive_jan1")  # often a bare year (copyright, archive)
    else:
        vote(evidence.extensive, "extensive")
    vote(evidence.fast, "fast")
    headline = headline_date(evidence.shown)
    if headline is not None:
        vote(headline.value, "headline")
    first = evidence.shown[0] if evidence.shown else None
    if first is not None:
        vote(first.value, "first_shown")
    for item in (headline, first):
        if item is not None and item.value in updated:
            vote(item.value, "shown_updated")
    above = [item for item in evidence.shown if item.offset is not None and -ABOVE_WINDOW <= item.offset < 0]
    if above:
        vote(above[-1].value, "above_headline")
    counts: dict[date, int] = defaultdict(int)
    for item in evidence.shown:
        counts[item.value] += 1
    for value, count in counts.items():
        vote(value, "shown_any")
        if count >= 2:
            vote(value, "shown_twice")
    vote(evidence.url, "url")
    return table


def decide(
    evidence: Evidence,
    weights: dict[str, float] = WEIGHTS,
    min_support: float = MIN_SUPPORT,
    min_margin: float = MIN_MARGIN,
) -> DateFinding:
    """The best-supported date, or an undated finding when support is too weak."""
    table = votes(evidence, weights)
    updated = sorted({cue.value for cue in evidence.structured if cue.kind == "updated"})
    mentioned = sorted({item.value for item in evidence.shown})
    if not table:
        return DateFinding(updated=updated[-1] if updated else None, mentioned=mentioned)
    ranked = sorted(table.items(), key=lambda kv: (sum(kv[1].values()), kv[0]), reverse=True)
    best, cues = ranked[0]
    support = sum(cues.values())
    runner_up = sum(ranked[1][1].values()) if len(ranked) > 1 else 0.0
    later_updates = [value for value in updated if value > best]
    if support < min_support or support - runner_up < min_margin:
        return DateFinding(updated=later_updates[-1] if later_updates else None, mentioned=mentioned)
    confidence = next(conf for level, conf in _CONFIDENCE if support >= level)
    return DateFinding(
        published=best,
        confidence=confidence,
        evidence=_evidence_code(cues, primary_structured(evidence.structured)),
        updated=later_updates[-1] if later_updates else None,
        mentioned=mentioned,
    )


def _evidence_code(cues: dict[str, float], primary: Cue | None) -> str:
    """Name the most trusted cue behind a decision.

    Structured metadata first (``html:jsonld``, ``html:meta``, ``html:markup``
    for microdata and <time>), then htmldate, then printed dates, then the URL.
    """
    if primary is not None and ("structured" in cues or "structured_weak" in cues):
        return {"jsonld": "html:jsonld", "meta": "html:meta"}.get(primary.source, "html:markup")
    for cue, code in _CODES:
        if cue in cues:
            return code
    return "html:shown"

def date_html(
    html: str | bytes, url: str | None = None, *, min_margin: float = MIN_MARGIN
) -> DateFinding:
    """Publication date of an HTML page (see the module docstring for the method).

    ``url`` is optional; a full date in its path counts as one more cue.
    ``min_margin`` trades recall for fewer invented dates: lower it (0.5) to
    answer more pages at the price of more wrong dates.
    Returns an undated :class:`DateFinding` for empty or unparsable input.
    """
    tree = parse_html(html)
    if tree is None:
        return DateFinding(evidence="none")
    return decide(gather(tree, url), min_margin=min_margin)
