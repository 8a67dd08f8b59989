"""Dates a reader sees printed near an HTML page's headline.

Human readers (and the htmldate-eval annotators) date a page by what it shows
under or above its headline. :func:`displayed_dates` walks the visible text
(skipping scripts, styles, forms and footers), remembers where the first
``<h1>`` starts and returns every explicit calendar date with its distance to
that headline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    chunk: int = 0  # length of the text node that holds the date (short: a byline or stamp)
    timed: bool = False  # a clock time follows ("21.01.2022 - 13:30", "May 6, 2019 at 6:40 PM")
    label: str = ""  # "published" / "updated" when a label precedes it ("Stand:", "Updated")
    alt: date | None = None  # the other reading of an ambiguous slashed date (02/11 vs 11/02)


# A clock time right after a date: "- 13:30", ", 12:01 Uhr", " at 6:40 PM", " um 23:03".
_TIME_AFTER = re.compile(r"\s*(?:[-,|/\u2013\u2022\u00b7]\s*)?(?:(?:at|um|à|a las|alle|às|,)\s*)?[0-2]?\d[:.h][0-5]\d\b", re.I)
_LABEL_PUBLISHED = re.compile(
    r"(?:published|posted|veröffentlicht|erschienen|publiziert|publié|publicado|pubblicato|datum|date|"
    r"erstellt|created)\b(?:\s+(?:on|am|le|el|il|em))?\s*:?\s*$",
    re.I,
)
_LABEL_UPDATED = re.compile(
    r"(?:updated|last\s+modified|modified|aktualisiert|zuletzt\s+geändert|geändert|stand|mis à jour|"
    r"actualizado|aggiornato|atualizado)\b(?:\s+(?:on|am|le|el|il|em))?\s*:?\s*$",
    re.I,
)


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


def _swapped(value: date) -> date | None:
    try:
        return date(value.year, value.day, value.month)
    except ValueError:
        return None


def displayed_dates(tree: HtmlElement, limit: int = 200) -> list[Displayed]:
    """Explicit dates in the visible text, in reading order (at most ``limit``).

    Slashed numeric dates are read month first only on pages declared as US
    English; elsewhere day first.
    """
    body = tree.find("body")
    chunks: list[str] = []
    _visible_chunks(body if body is not None else tree, chunks, {})
    # Join the text nodes, remembering where each starts (for the node length of a date).
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for chunk in chunks:
        piece = _SPACES.sub(" ", chunk).strip()
        if not piece:
            continue
        starts.append(position)
        parts.append(piece)
        position += len(piece) + 1
    text = " ".join(parts)
    headline = text.find(_MARK)
    lang = page_language(tree)
    day_first = not (lang == "en" or lang.startswith("en-us"))
    found = find_dates(text, day_first=day_first)[:limit]
    result = []
    for order, f in enumerate(found):
        node = bisect_right(starts, f.start) - 1
        before = text[max(0, f.start - 40) : f.start]
        label = (
            "updated" if _LABEL_UPDATED.search(before)
            else "published" if _LABEL_PUBLISHED.search(before)
            else ""
        )
        result.append(
            Displayed(
                f.value,
                None if headline < 0 else f.start - headline,
                order,
                f.kind == "m/d/y?",
                chunk=len(parts[node]) if node >= 0 else 0,
                timed=bool(_TIME_AFTER.match(text, f.end, f.end + 25)),
                label=label,
                alt=_swapped(f.value) if f.kind == "m/d/y?" else None,
            )
        )
    return result
