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
from datetime import date

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

# Vote weights per cue: a linear ranking model (softmax over each page's candidate
# dates, L2 0.001) fitted on the even half of htmldate-eval only; the odd half is
# held out (see bench/eval_dates.py). Weights can be negative: cues overlap.
WEIGHTS: dict[str, float] = {
    "structured_markup": 1.86,  # microdata / <time pubdate> publication date on a visible element
    "updated": 1.76,  # a structured modification date that is also a stated publication date
    "headline": 1.74,  # first printed date after the headline, in a short text node
    "above_headline": 1.44,  # last printed date shortly before the headline
    "fast": 1.33,  # htmldate fast
    "structured": 1.29,  # primary structured publication date, explicit field
    "first_stamp_h": 1.22,  # the same on a page with a headline
    "updated_only": 1.17,  # a structured modification date only
    "labelled": 1.14,  # first printed date labelled as publication date
    "headline_near": 1.11,  # ... within 400 characters of the headline
    "shown_any": 0.9,  # printed anywhere on the page
    "extensive": 0.66,  # htmldate extensive (reads the same metadata first)
    "first_stamp": 0.65,  # first printed date with a clock time or label (page without headline)
    "first_shown": 0.6,  # first printed date on the page
    "shown_twice": 0.54,  # printed at least twice
    "headline_prose": 0.5,  # ... inside running text (an event date, not a dateline)
    "shown_latest": 0.39,  # latest of the first ten printed dates (page without headline)
    "structured_other": 0.33,  # any other structured publication date
    "shown_updated": 0.18,  # printed near the headline AND stated as modification date
    "extensive_jan1": -0.04,  # ... when it says 1 January: mostly a bare year
    "structured_weak": -0.32,  # primary structured date from a generic field or <time>
    "headline_stamp": -0.54,  # ... with a clock time or a label (correction: the cues above overlap)
    "url": 1.5,  # full date in the URL path (not used in the benchmark; not fitted)
}
MIN_SUPPORT = 0.0
# Abstain unless the winner leads the runner-up by this much: conflicts between
# cues are where invented dates come from (0.0 answers every page that has a candidate).
MIN_MARGIN = 0.5
PROSE_CHUNK = 60  # a date in a longer text node is read as running text
HEADLINE_WINDOW = 1500  # characters after the headline start
ABOVE_WINDOW = 300  # characters before the headline
_CODES = (
    ("structured_other", "html:meta"), ("extensive", "html:htmldate-extensive"),
    ("extensive_jan1", "html:htmldate-extensive"), ("fast", "html:htmldate"),
    ("headline", "html:shown"), ("above_headline", "html:shown"), ("shown_updated", "html:shown"),
    ("first_shown", "html:shown"), ("url", "url"),
)
# (minimum support, share of correct answers at that support on htmldate-eval)
_CONFIDENCE = ((6.0, 0.98), (5.0, 0.95), (3.0, 0.85), (0.0, 0.78))


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


def _stamped(item: Displayed) -> bool:
    """A printed date that looks like a publication stamp: a clock time follows or a label precedes."""
    return item.timed or bool(item.label)


def _reading(item: Displayed, anchors: set[date | None]) -> date:
    """The reading of an ambiguous slashed date that other cues confirm (else the default one)."""
    if item.alt is not None and item.value not in anchors and item.alt in anchors:
        return item.alt
    return item.value


def cues(evidence: Evidence) -> dict[date, set[str]]:
    """Each plausible candidate date with the names of the cues that point to it."""
    table: dict[date, set[str]] = defaultdict(set)

    def cue(value: date | None, name: str) -> None:
        if value is not None and plausible(value):
            table[value].add(name)

    primary = primary_structured(evidence.structured)
    if primary is not None:
        strong = primary.strength == 2 and primary.source != "time"
        cue(primary.value, "structured" if strong else "structured_weak")
    for item in evidence.structured:
        if item.kind == "published" and item is not primary:
            cue(item.value, "structured_other")
        if item.kind == "published" and item.source in ("microdata", "time"):
            cue(item.value, "structured_markup")  # on a visible element: what readers see
    updated = {item.value for item in evidence.structured if item.kind == "updated"}
    published = {item.value for item in evidence.structured if item.kind == "published"}
    for value in updated:
        cue(value, "updated" if value in published else "updated_only")
    if evidence.extensive is not None and (evidence.extensive.month, evidence.extensive.day) == (1, 1):
        cue(evidence.extensive, "extensive_jan1")  # often a bare year (copyright, archive)
    else:
        cue(evidence.extensive, "extensive")
    cue(evidence.fast, "fast")
    anchors = published | updated | {evidence.extensive, evidence.fast}
    headline = headline_date(evidence.shown)
    if headline is not None:
        value = _reading(headline, anchors)
        if headline.chunk > PROSE_CHUNK and not _stamped(headline):
            cue(value, "headline_prose")
        else:
            cue(value, "headline")
            if _stamped(headline):
                cue(value, "headline_stamp")
            if headline.offset is not None and headline.offset <= 400:
                cue(value, "headline_near")
    first = evidence.shown[0] if evidence.shown else None
    if first is not None:
        cue(_reading(first, anchors), "first_shown")
    stamped = next((item for item in evidence.shown if _stamped(item) and item.chunk <= PROSE_CHUNK), None)
    if stamped is not None:
        cue(_reading(stamped, anchors), "first_stamp" if headline is None else "first_stamp_h")
    labelled = next((item for item in evidence.shown if item.label == "published"), None)
    if labelled is not None:
        cue(_reading(labelled, anchors), "labelled")
    for item in (headline, first):
        if item is not None and item.value in updated:
            cue(item.value, "shown_updated")
    above = [item for item in evidence.shown if item.offset is not None and -ABOVE_WINDOW <= item.offset < 0]
    if above:
        cue(_reading(above[-1], anchors), "above_headline")
    counts: dict[date, int] = defaultdict(int)
    for item in evidence.shown:
        counts[item.value] += 1
    for value, count in counts.items():
        cue(value, "shown_any")
        if count >= 2:
            cue(value, "shown_twice")
    if evidence.shown and headline is None:
        cue(max(item.value for item in evidence.shown[:10]), "shown_latest")
    cue(evidence.url, "url")
    return table


def votes(evidence: Evidence, weights: dict[str, float] = WEIGHTS) -> dict[date, dict[str, float]]:
    """Each candidate date with the weighted cues that support it (cues of weight 0 dropped)."""
    table: dict[date, dict[str, float]] = {}
    for value, names in cues(evidence).items():
        weighted = {name: weights[name] for name in names if weights.get(name, 0.0)}
        if weighted:
            table[value] = weighted
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
