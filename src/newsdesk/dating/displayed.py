"""Dates a reader sees printed near an HTML page's headline.

Human readers (and the htmldate-eval annotators) date a page by what it shows
under or above its headline. :func:`displayed_dates` walks the visible text
(skipping scripts, styles, forms and footers), remembers where the first
``<h1>`` starts and returns every explicit calendar date with its distance to
that headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml.html import HtmlElement

from .parse import find_dates

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "footer", "form", "select", "option",
     "svg", "iframe", "head", "textarea", "button"}
)
_FOOTER_CLASS = re.compile(r"\b(?:site-?footer|footer|copyright|comments?)\b", re.I)
_SPACES = re.compile(r"\s+")
# The headline marker is a character that never occurs in text.
_MARK = "\u2063"


@dataclass(slots=True, frozen=True)
class Displayed:
    """A date printed on the page; ``offset`` is its distance from the headline
    (None without headline), ``order`` its rank among all printed dates."""

    value: date
    offset: int | None
    order: int
    ambiguous: bool


def _visible_chunks(root: HtmlElement, out: list[str], state: dict[str, bool]) -> None:
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, tail_only = stack.pop()
        if tail_only:
            if element.tail:
                out.append(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        stack.append((element, True))
        if tag in _SKIP or not tag:
            continue
        if _FOOTER_CLASS.search(element.get("class") or "") or _FOOTER_CLASS.search(element.get("id") or ""):
            continue
        if tag == "h1" and not state.get("h1"):
            state["h1"] = True
            out.append(_MARK)
        if element.text:
            out.append(element.text)
        for child in reversed(element):
            stack.append((child, False))


def page_language(tree: HtmlElement) -> str:
    """The page's declared language (``de``, ``en-us``...), lower-cased, or ''."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not lang:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language" or (
                meta.get("property") or ""
            ).lower() == "og:locale":
                lang = meta.get("content") or ""
                break
    return lang.strip().lower().replace("_", "-")


def displayed_dates(tree: HtmlElement, limit: int = 200) -> list[Displayed]:
    """Explicit dates in the visible text, in reading order (at most ``limit``).

    Slashed numeric dates are read month first only on pages declared as US
    English; elsewhere day first.
    """
    body = tree.find("body")
    chunks: list[str] = []
    _visible_chunks(body if body is not None else tree, chunks, {})
    text = _SPACES.sub(" ", " ".join(chunks))
    headline = text.find(_MARK)
    lang = page_language(tree)
    day_first = not (lang == "en" or lang.startswith("en-us"))
    found = find_dates(text, day_first=day_first)[:limit]
    return [
        Displayed(
            f.value,
            None if headline < 0 else f.start - headline,
            order,
            f.kind == "m/d/y?",
        )
        for order, f in enumerate(found)
    ]
