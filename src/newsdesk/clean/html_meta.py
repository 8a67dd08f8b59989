"""Title and outlet (site name) of an HTML page, from its own metadata.

Cheap look-ups only (meta tags, JSON-LD, ``<title>``, ``<h1>``): no date
search, which the date stage does on its own.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from lxml import etree

_WS = re.compile(r"\s+")
# "Headline | Site", "Headline - Site", "Headline — Site", "Headline :: Site"
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|›|/|//)\s+")
_NONWORD = re.compile(r"[^\w]+")
MAX_SITE_WORDS = 6
MIN_H1_SHARE = 0.4  # an <h1> stands for a title tag when it is this share of it


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
    if name.lower().startswith(("http://", "https://", "www.")):
        # a URL given as the site's name: keep its host, "newsnation.in"
        host = urlsplit(name if "//" in name else "//" + name).hostname or ""
        name = host.removeprefix("www.")
    return name or None


def _key(text: str) -> str:
    return _WS.sub(" ", _NONWORD.sub(" ", text)).strip().casefold()


def _site_names(outlet: str | None, url: str | None) -> set[str]:
    """Normalised names a title's site part may take: the outlet, the domain."""
    names = set()
    if outlet:
        names.add(_key(outlet))
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            names.add(_key(host))
            names.add(_key(host.split(".")[0]))
    names.discard("")
    return names


def _strip_site(title: str, sites: set[str], guess: bool) -> str:
    """Remove a leading or trailing site name from ``title``.

    Parts equal to a known site name go; with ``guess``, a short last part
    (at most ``MAX_SITE_WORDS`` words, shorter than the rest) goes too.
    """
    parts = _title_parts(title)
    if len(parts) < 2:
        return title
    if _key(parts[-1]) in sites or any(site and site in _key(parts[-1]) for site in sites):
        parts = parts[:-1]
    elif _key(parts[0]) in sites:
        parts = parts[1:]
    elif guess and len(parts[-1].split()) <= MAX_SITE_WORDS and len(parts[-1]) < len(" ".join(parts[:-1])):
        parts = parts[:-1]
    else:
        return title
    return " - ".join(parts)


def page_title(root: etree._Element, outlet: str | None = None, url: str | None = None) -> str | None:
    """The article's headline, without a leading or trailing site name.

    An ``<h1>`` that a title tag contains (headline plus site name) wins;
    then og:title / twitter:title (site part removed only when it names the
    site); then a single ``<h1>``; then ``<title>`` (a short last part is
    taken for the site name).
    """
    meta_title = _meta(root, "og:title", "twitter:title", "dc.title", "headline")
    el = root.find(".//title")
    doc_title = _norm(el.text_content()) if el is not None else ""
    h1s = [h for h in (_norm(h.text_content()) for h in root.iter("h1")) if h]
    sites = _site_names(outlet, url)
    for source in (meta_title, doc_title):
        key = _key(source)
        if not key:
            continue
        part_keys = [_key(p) for p in _title_parts(source)]
        longest = max(part_keys, key=len)
        for h1 in h1s:
            h1_key = _key(h1)
            if not h1_key or h1_key in sites or h1_key not in key:
                continue
            if len(h1_key) < MIN_H1_SHARE * len(key):
                continue
            # an <h1> that is a side part of "Headline | Site" is the site's name
            if len(part_keys) > 1 and h1_key in part_keys and h1_key != longest:
                continue
            return h1
    if meta_title:
        return _strip_site(meta_title, sites, guess=False) or None
    if len(h1s) == 1:
        return h1s[0]
    if doc_title:
        return _strip_site(doc_title, sites, guess=True) or None
    return None


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
