"""Typed records that flow through the stages.

A reader yields :class:`RawDoc`; cleaning and dating turn it into an
:class:`Article`; later stages add links (copies, events, stories) to articles.
Rejected input becomes a :class:`Quarantined` record instead of vanishing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class RawDoc:
    """One document as read from the input, before cleaning.

    Exactly one of ``text`` or ``html`` carries the body. The metadata fields
    hold what the input itself states (a JSONL field, a feed entry's date);
    they are honoured over anything guessed later.
    """

    source: str  # input path, or "path#id" / the url of a record inside a batch file
    fmt: str  # txt | html | jsonl | csv | rss
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given, unparsed
    url: str | None = None
    record_id: str | None = None  # the id field of a JSONL/CSV record, if any
    folder: str | None = None  # the sub-folder it was found in: an outlet hint for files without one


@dataclass(slots=True)
class Quarantined:
    """Input that could not become an article, and why."""

    source: str
    reason: str  # short machine-readable code: binary, undecodable, empty, too_large, ...
    detail: str = ""


@dataclass(slots=True)
class DateFinding:
    """A publication date with how sure we are and which cue produced it.

    ``published`` is None when no trustworthy cue was found: no date is better
    than an invented one. Update dates and dates mentioned in the body are
    kept apart from the publication date.
    """

    published: date | None = None
    confidence: float = 0.0
    evidence: str = "none"  # e.g. "metadata", "html:htmldate", "text:header", "text:dateline"
    updated: date | None = None
    mentioned: list[date] = field(default_factory=list)


@dataclass(slots=True)
class Cleaned:
    """The body and metadata that cleaning recovered from one RawDoc."""

    text: str
    title: str | None = None
    outlet: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate lines dropped
    header: dict[str, str] = field(default_factory=dict)  # header lines of text dumps


@dataclass(slots=True)
class Article:
    """A cleaned, dated article; the record every later stage reads."""

    id: str  # content hash of the normalised body
    source: str
    fmt: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_confidence: float = 0.0
    published_evidence: str = "none"
    updated: date | None = None
    lang: str = "en"
    removed: list[str] = field(default_factory=list)
    body_hash: str = ""  # hash of the normalised body: equal for exact copies
    # links added by later stages
    copy_of: str | None = None
    copy_kind: str | None = None  # exact | near | rewrite | partial
    copy_score: float | None = None
    event: str | None = None
    story: str | None = None


@dataclass(slots=True)
class CopyLink:
    """Article ``copy`` is a copy of ``original`` of the given kind (or a ``revision`` of it)."""

    copy: str
    original: str
    kind: str
    score: float
    evidence: list[tuple[str, str, float]] = field(default_factory=list)  # (copy sentence, original sentence, similarity)


@dataclass(slots=True)
class Group:
    """An event or a story: a titled set of articles over a date span."""

    id: str
    level: str  # event | story
    title: str
    articles: list[str]
    first: date | None = None
    last: date | None = None
    parent: str | None = None  # the story of an event
    terms: list[str] = field(default_factory=list)
