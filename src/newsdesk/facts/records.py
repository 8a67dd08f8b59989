"""Typed records of the facts stage: entity mentions, quotes and figures.

Every fact points back to its article and to character offsets into that
article's cleaned text (``Article.text``, which is also the exported text), so
any claim can be shown in the sentence it came from. Fields follow the export
contract v1 in ``../shared/DESIGN.md`` (quotes.jsonl, figures.jsonl).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """One mention of a person, organisation or place in an article."""

    article: str
    start: int
    end: int
    text: str  # the surface form, e.g. "Mr Xi", "Zelenskiy"
    label: str  # PER | ORG | LOC
    canonical: str  # one name per real-world entity across the desk, e.g. "Xi Jinping"
    title: str | None = None  # a person's title or honorific written before the name: "Mr", "President"


@dataclass(slots=True)
class Quote:
    """Who said what: a direct, indirect or mixed quote with its speaker."""

    article: str
    text: str  # the content as written, quote marks included ("“We will win,”"); split quotes: parts joined
    start: int  # offsets of the content in the article text (first part's start, last part's end)
    end: int
    direct: bool  # True when the content is inside quote marks (also for mixed quotes)
    speaker: str | None = None  # canonical name, or None when unresolved
    speaker_mention: str | None = None  # as written: "he", "the spokesman", "Mr Xi"
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the cue verb or phrase: "said", "told Reuters", "according to"
    cue_start: int | None = None
    cue_end: int | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)  # content pieces when a cue splits the quote


@dataclass(slots=True)
class Figure:
    """A reported quantity: value, unit and kind, its subject, source and as-of date."""

    article: str
    value: float  # normalised: "3.2 million" -> 3200000.0; the low end of a range
    unit: str  # people | USD | EUR | SGD | ... | votes | percent | rounds | ...
    kind: str  # killed | injured | casualties | displaced | missing | detained | aid | money | troops | votes | other
    text: str  # the figure as written: "nearly 300", "US$1.2 billion"
    sentence: str  # the whole sentence it stands in
    start: int  # offsets of ``text`` in the article text
    end: int
    subject: str | None = None  # "civilians", "Russian troops"
    qualifier: str | None = None  # at least | nearly | more than | up to | some | about | ...
    source: str | None = None  # who it is attributed to: "the UN", "Ukrainian officials"
    as_of: str | None = None  # YYYY-MM-DD, from the sentence, else the publication date
    unverified: bool = False  # the text says it could not be independently verified
    value_high: float | None = None  # the high end of a range ("between 200 and 300")
    extra: dict[str, str] = field(default_factory=dict)  # e.g. {"converted": "SGD 1600000000"}
