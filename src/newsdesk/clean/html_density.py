"""A second, independent body extractor: text density over the lxml tree.

It runs next to trafilatura (see :mod:`newsdesk.clean.html_merge`) to catch the
pages where trafilatura keeps only one part of a body that the site split over
several containers, or misses the body altogether.

The method:

1. drop elements that never hold body text (scripts, media, forms controls),
   page furniture (nav, aside, footer...) and containers whose class or id names
   boilerplate (share bars, newsletters, related links, comments), unless they
   wrap nearly all of the page's prose;
2. cut the page into *segments*: maximal runs of inline content (text, links,
   emphasis, ``<br>``) between block-level tags, each held by its nearest block
   ancestor, so ``<p>`` paragraphs and ``<br>``-separated text in a ``<div>``
   are treated alike;
3. score each segment by its prose length beyond a teaser's length, discounted
   by the share of link text, and credit it to the container that holds it
   (fully) and that container's parent (half);
4. take the best container, plus every container with the same tag and class
   that also scored (bodies split by ads into ``div.article-body`` x N);
5. emit the segments inside the chosen containers, in document order.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

# Elements whose content is never body text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "button", "select", "input", "textarea", "label",
    "figcaption", "audio", "video", "head", "title", "meta", "link",
)
# Page furniture: dropped unless it wraps nearly all of the page's prose (some
# sites put the whole page inside one <form> or <header>).
FURNITURE_TAGS = ("form", "nav", "aside", "footer", "header", "menu", "dialog")
# Inline tags: their text belongs to the segment around them.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})
# Blocks that are paragraphs rather than containers: they pass their score up.
PARAGRAPH_TAGS = frozenset({
    "p", "li", "blockquote", "pre", "dd", "dt", "td", "th",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
NEVER_PRUNED = frozenset({"html", "body", "article", "main"})

# Class / id words that name boilerplate containers, matched as whole parts of
# a class or id token (split on dashes and underscores). Strong words name
# content that is never the body (comments are not the article); weak words
# name layout that some sites also put on the body's wrapper ("l-sidebar-fixed",
# "elementor-widget"), so those containers go only if they hold little prose.
STRONG_WORDS = frozenset({
    "comment", "comments", "disqus", "share", "sharing", "sharebar", "newsletter",
    "subscribe", "subscription", "signup", "related", "recommended", "recirc",
    "outbrain", "taboola", "promo", "sponsored", "cookie", "cookies", "consent",
    "gdpr", "breadcrumb", "breadcrumbs", "byline", "author", "caption", "popup",
})
WEAK_WORDS = frozenset({
    "sidebar", "modal", "widget", "nav", "navbar", "navigation", "menu", "footer",
    "banner", "ad", "ads", "advert", "advertisement", "toolbar", "masthead",
    "popular", "trending", "pagination", "tags", "rating", "social",
})
# Tokens that describe a state or a layout, not the content ("has-sidebar").
_STATE_TOKEN = re.compile(r"(?:^|\s)(?:has|no|with|without|is|show|hide)-\S*")


def _word_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(r"(?:^|[\s_-])(?:" + alternatives + r")(?=$|[\s_-])")


_STRONG = _word_pattern(STRONG_WORDS)
_WEAK = _word_pattern(WEAK_WORDS)
_WS = re.compile(r"\s+")

MIN_SEGMENT = 25  # characters a segment needs to vote for its container
SHORT_SEGMENT = 40  # characters of a segment that earn nothing (teaser-sized)
SIBLING_SHARE = 0.05  # a same-class container joins if it scores this share of the best
KEEP_WRAPPER = 0.8  # a boilerplate-named container wrapping this share of prose stays
KEEP_LAYOUT = 0.25  # same for furniture tags and layout-named containers


@dataclass(slots=True)
class Segment:
    """A run of inline text, the block element holding it and its link text."""

    text: str
    links: int
    holder: etree._Element


@dataclass(slots=True)
class DensityResult:
    """Paragraphs found by the density pass and the share of page prose they hold."""

    paragraphs: list[str]
    coverage: float  # scored text inside the chosen containers / all scored text

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _inline_text(el: etree._Element) -> tuple[str, int]:
    """Full text of an inline element and how much of it is link text."""
    text = "".join(el.itertext())
    if el.tag == "a":
        return text, len(_norm(text))
    links = sum(len(_norm("".join(a.itertext()))) for a in el.iter("a"))
    return text, links


def segments(root: etree._Element) -> Iterator[Segment]:
    """Yield the inline-text segments under ``root`` in document order."""
    # Iterative walk (deep trees must not hit the recursion limit). A frame is
    # (element, its children, index of the next child, the current inline run).
    stack: list[tuple[etree._Element, list, int, list]] = [(root, list(root), 0, [[root.text or ""], 0])]
    while stack:
        el, children, i, run = stack.pop()
        descended = False
        while i < len(children):
            child = children[i]
            i += 1
            if not isinstance(child.tag, str):  # comments, processing instructions
                run[0].append(child.tail or "")
                continue
            if child.tag in INLINE_TAGS:
                text, links = _inline_text(child)
                run[0].append(text)
                run[0].append(child.tail or "")
                run[1] += links
                continue
            # a block child ends the current run; its tail starts the next one
            seg = _flush(run, el)
            if seg is not None:
                yield seg
            stack.append((el, children, i, [[child.tail or ""], 0]))
            stack.append((child, list(child), 0, [[child.text or ""], 0]))
            descended = True
            break
        if not descended:
            seg = _flush(run, el)
            if seg is not None:
                yield seg


def _flush(run: list, holder: etree._Element) -> Segment | None:
    text = _norm("".join(run[0]))
    if not text:
        return None
    return Segment(text, min(run[1], len(text)), holder)


def boilerplate_strength(el: etree._Element) -> int:
    """2 if class/id/role name non-body content, 1 if they name layout, else 0."""
    role = el.get("role")
    if role and role.lower() in {"navigation", "complementary", "banner", "contentinfo"}:
        return 1
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "-" in attrs:
        attrs = _STATE_TOKEN.sub(" ", attrs)
    if _STRONG.search(attrs):
        return 2
    return 1 if _WEAK.search(attrs) else 0


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _prose_lengths(root: etree._Element) -> dict[etree._Element, int]:
    """Characters of ``<p>`` text under each element (one pass over the paragraphs)."""
    sizes: dict[etree._Element, int] = {}
    for p in root.iter("p"):
        n = len(p.text_content())
        if not n:
            continue
        sizes[p] = sizes.get(p, 0) + n
        for anc in p.iterancestors():
            sizes[anc] = sizes.get(anc, 0) + n
    return sizes


def prune(root: etree._Element) -> None:
    """Remove never-body elements and boilerplate containers, in place."""
    for el in list(root.iter(*DROP_TAGS)):
        _drop(el)
    sizes = _prose_lengths(root)
    total = sizes.get(root, 0)
    candidates = root.xpath(".//*[@class or @id or @role]")
    candidates.extend(root.iter(*FURNITURE_TAGS))
    for el in candidates:
        if el.tag in NEVER_PRUNED or el.getparent() is None:
            continue
        strength = boilerplate_strength(el)
        if strength == 0 and el.tag not in FURNITURE_TAGS:
            continue
        keep_share = KEEP_WRAPPER if strength == 2 else KEEP_LAYOUT
        if total > 400 and sizes.get(el, 0) > keep_share * total:
            continue
        _drop(el)


def _score(seg: Segment) -> float:
    density = seg.links / max(len(seg.text), 1)
    return max(0.0, len(seg.text) - SHORT_SEGMENT) * (1.0 - density) ** 2


def _container(holder: etree._Element) -> etree._Element:
    if holder.tag in PARAGRAPH_TAGS:
        parent = holder.getparent()
        while parent is not None and parent.tag in PARAGRAPH_TAGS | {"ul", "ol", "tr", "tbody", "table"}:
            parent = parent.getparent()
        return parent if parent is not None else holder
    return holder


def _inside(el: etree._Element, container: etree._Element) -> bool:
    return any(anc is container for anc in el.iterancestors())


def density_extract(html: str | etree._Element, *, copy_tree: bool = True) -> DensityResult:
    """Run the density pass on an HTML string or an lxml tree.

    A tree is copied first unless ``copy_tree`` is false, in which case it is
    pruned in place (for callers that are done with it).
    """
    if isinstance(html, str):
        root = lxml_html.fromstring(html)
    else:
        root = copy.deepcopy(html) if copy_tree else html
    body = root.find(".//body")
    if body is None:
        body = root
    prune(body)
    segs = list(segments(body))
    scores: dict[etree._Element, float] = {}
    total = 0
    for seg in segs:
        if len(seg.text) < MIN_SEGMENT:
            continue
        score = _score(seg)
        if score <= 0:
            continue
        total += len(seg.text)
        box = _container(seg.holder)
        scores[box] = scores.get(box, 0.0) + score
        parent = box.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + score / 2
    if not scores:
        return DensityResult([], 0.0)
    best = max(scores, key=scores.__getitem__)
    chosen = [best]
    if best.get("class"):
        sig = (best.tag, best.get("class"))
        for el, score in scores.items():
            if el is best or (el.tag, el.get("class")) != sig:
                continue
            if score < SIBLING_SHARE * scores[best] or _inside(el, best) or _inside(best, el):
                continue
            chosen.append(el)
    paragraphs: list[str] = []
    inside = 0
    for seg in segs:
        holder = seg.holder
        if not any(holder is c or _inside(holder, c) for c in chosen):
            continue
        if seg.links > 0.5 * len(seg.text) and holder.tag not in HEADINGS:
            continue
        paragraphs.append(seg.text)
        if len(seg.text) >= MIN_SEGMENT and _score(seg) > 0:
            inside += len(seg.text)
    return DensityResult(paragraphs, min(1.0, inside / total) if total else 0.0)
