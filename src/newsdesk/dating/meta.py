"""Structured date metadata in an HTML tree: meta tags, JSON-LD, microdata, <time>.

:func:`structured_cues` returns every publication or update date that the
page states in machine-readable form, as :class:`Cue` records. It never looks
at visible running text (that is htmldate's job, see :mod:`.html`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from lxml.html import HtmlElement

from .parse import parse_given_date

# meta name/property/itemprop values (lower-cased) that state the publication date,
# grouped by how much we trust them.
PUBLISHED_STRONG = frozenset(
    {
        "article:published_time", "og:article:published_time", "og:published_time",
        "article:published", "article.published", "article_date_original",
        "datepublished", "rnews:datepublished", "published_time", "published-time",
        "publish-date", "publish_date", "publishdate", "published_date",
        "published-date", "pubdate", "pub_date", "publication_date",
        "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
        "cxenseparse:publishtime", "originalpublicationdate", "original-publish-date",
        "citation_publication_date", "citation_date", "citation_online_date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
        "bt:pubdate", "article:post_date", "date_published", "datecreated",
        "article.created", "og:pubdate", "vr:published_time", "displaydate",
        "release_date", "firstpublisheddate", "first_publish_date", "date.created",
        "dc.date.available", "pdate", "timestamp_published", "ptime",
    }
)
PUBLISHED_WEAK = frozenset(
    {"date", "dc.date", "dcterms.date", "created", "creation_date", "article:date", "dc.created"}
)
UPDATED = frozenset(
    {
        "article:modified_time", "og:updated_time", "article:modified", "datemodified",
        "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "modified",
        "article.updated", "updated_time", "revised", "utime", "eomportal-lastupdate",
    }
)
_ARTICLE_TYPES = re.compile(r"article|posting|report|news|blog|review|opinion|liveblog", re.I)


@dataclass(slots=True, frozen=True)
class Cue:
    """One structured date statement.

    ``kind`` is ``published`` or ``updated``; ``source`` names the cue
    (``meta``, ``jsonld``, ``microdata``, ``time``); ``strength`` is 2 for a
    field that names publication explicitly, 1 for a generic ``date`` field.
    """

    kind: str
    value: date
    source: str
    strength: int
    field: str


def _meta_cues(tree: HtmlElement) -> Iterator[Cue]:
    for element in tree.iter("meta"):
        key = (
            element.get("property") or element.get("name") or element.get("itemprop")
            or element.get("http-equiv") or ""
        ).strip().lower()
        if not key:
            continue
        content = element.get("content") or element.get("datetime") or ""
        if key == "parsely-page":  # JSON blob with a pub_date field
            try:
                content = str(json.loads(content).get("pub_date", ""))
            except (ValueError, AttributeError):
                continue
            key = "parsely-pub-date"
        value = parse_given_date(content)
        if value is None:
            continue
        if key in PUBLISHED_STRONG:
            yield Cue("published", value, "meta", 2, key)
        elif key in PUBLISHED_WEAK:
            yield Cue("published", value, "meta", 1, key)
        elif key in UPDATED:
            yield Cue("updated", value, "meta", 2, key)


def _walk_json(node: Any, types: tuple[str, ...] = ()) -> Iterator[tuple[str, Any, tuple[str, ...]]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_json(item, types)
    elif isinstance(node, dict):
        kind = node.get("@type")
        here = types + tuple(kind if isinstance(kind, list) else [str(kind)]) if kind else types
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                yield from _walk_json(value, here)
            else:
                yield key, value, here


def _jsonld_cues(tree: HtmlElement) -> Iterator[Cue]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            # stray control characters or trailing commas: try a light repair
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")), strict=False)
            except ValueError:
                continue
        for key, value, types in _walk_json(data):
            if not isinstance(value, (str, int)):
                continue
            key_lower = key.lower()
            if key_lower not in ("datepublished", "datecreated", "datemodified", "uploaddate"):
                continue
            parsed = parse_given_date(str(value))
            if parsed is None:
                continue
            if key_lower == "datemodified":
                yield Cue("updated", parsed, "jsonld", 2, key_lower)
                continue
            # a date on the article itself beats one on the WebPage/WebSite wrapper
            innermost = types[-1] if types else ""
            strength = 2 if _ARTICLE_TYPES.search(innermost) else 1
            if key_lower == "datecreated":
                strength = 1
            yield Cue("published", parsed, "jsonld", strength, key_lower)


def _element_cues(tree: HtmlElement) -> Iterator[Cue]:
    """Microdata (itemprop on any element), <time pubdate>, <abbr class=published>."""
    for element in tree.xpath(
        './/*[@itemprop="datePublished" or @itemprop="dateCreated" or @itemprop="dateModified"]'
        '[not(self::meta)]'
        '|.//time[@pubdate or @datetime and (contains(@class,"publish") or contains(@class,"entry-date"))]'
        '|.//abbr[contains(@class,"published")][@title]'
    ):
        prop = (element.get("itemprop") or "").lower()
        raw = element.get("datetime") or element.get("content") or element.get("title") or ""
        value = parse_given_date(raw)
        if value is None and not raw:
            value = parse_given_date(element.text_content().strip()[:60])
        if value is None:
            continue
        if prop == "datemodified":
            yield Cue("updated", value, "microdata", 2, prop)
        elif prop:
            yield Cue("published", value, "microdata", 2 if prop == "datepublished" else 1, prop)
        else:
            yield Cue("published", value, "time", 2, element.tag)


def structured_cues(tree: HtmlElement) -> list[Cue]:
    """Every structured publication/update date stated in the page."""
    return [*_meta_cues(tree), *_jsonld_cues(tree), *_element_cues(tree)]
