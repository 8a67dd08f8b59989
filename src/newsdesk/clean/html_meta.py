"""Title and outlet (site name) of an HTML page, from its own metadata.

Cheap look-ups only (meta tags, JSON-LD, ``<title>``, ``<h1>``): no date
search, which the date stage does on its own.
"""

from __future__ import annotations

import json
import re

from lxml import etree

_WS = re.compile(r"\s+")
# "Headline | Site", "Headline - Site", "Headline — Site", "Headline :: Site"
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
MAX_SITE_WORDS = 6


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _meta(root: etree._Element, *names: str) -> str:
    """First non-empty content of a <meta> whose property or name is in ``names``."""
    wanted = {n.lower() for n in names}
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in wanted and key not in found:
            value = _norm(el.get("content"))
            if value:
                found[key] = value
    for name in names:
        if name.lower() in found:
            return found[name.lower()]
    return ""


def _jsonld_publisher(root: etree._Element) -> str:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 200:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                publisher = item.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    name = _norm(publisher["name"])
                    if name:
                        return name
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return ""


def _title_parts(title: str) -> list[str]:
    return [p for p in _TITLE_SEP.split(title) if p]


def page_outlet(root: etree._Element) -> str | None:
    """The site's own name: og:site_name, application-name, JSON-LD publisher."""
    name = _meta(root, "og:site_name", "application-name", "twitter:app:name:iphone")
    if not name:
        name = _jsonld_publisher(root)
    return name or None


def page_title(root: etree._Element, outlet: str | None = None) -> str | None:
    """The article's headline, without a trailing or leading site name."""
    title = _meta(root, "og:title", "twitter:title", "dc.title", "headline")
    if not title:
        h1s = [_norm(h.text_content()) for h in root.iter("h1")]
        h1s = [h for h in h1s if h]
        if len(h1s) == 1:
            title = h1s[0]
    if not title:
        el = root.find(".//title")
        title = _norm(el.text_content()) if el is not None else ""
    if not title:
        return None
    parts = _title_parts(title)
    if len(parts) > 1:
        site = (outlet or "").casefold()
        if site and parts[-1].casefold() == site:
            parts = parts[:-1]
        elif site and parts[0].casefold() == site:
            parts = parts[1:]
        elif len(parts[-1].split()) <= MAX_SITE_WORDS and len(parts[-1]) < len(" ".join(parts[:-1])):
            parts = parts[:-1]
        title = " - ".join(parts) if len(parts) > 1 else parts[0]
    return title or None


def headings(root: etree._Element) -> list[str]:
    """Texts that a body should not start with: title-like strings of the page."""
    out = []
    for el in root.iter("h1"):
        text = _norm(el.text_content())
        if text:
            out.append(text)
    for value in (_meta(root, "og:title"), _meta(root, "twitter:title")):
        if value:
            out.append(value)
    el = root.find(".//title")
    if el is not None:
        text = _norm(el.text_content())
        if text:
            out.append(text)
            out.extend(_title_parts(text))
    return out
