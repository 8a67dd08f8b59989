"""HTML cleaning: body text, title and outlet of one page.

Public entry point: :func:`extract_html`.

Steps, each in its own module:

1. check the input is markup at all (:func:`_check_input`) and parse it once
   (trafilatura's loader);
2. title and outlet from the page's own metadata (:mod:`.html_meta`);
3. body, twice: trafilatura (``favor_precision``, no comments, tables kept,
   ``fast``: its own fallbacks skipped) on a copy of the tree, then our
   density pass (:mod:`.html_density`), which prunes the tree in place;
4. drop headline repeats and prompt/boilerplate paragraphs from both
   (:mod:`.html_lines`);
5. choose between them (:mod:`.html_merge`): trafilatura's body unless it is
   missing, a short stub, or a part of the density body.

On the scrapinghub article-extraction benchmark (181 news pages, benchmark
F1): .980 against trafilatura 2.3.1's .964 (favor_precision) and .960
(include_comments=False), at about trafilatura's speed. On trafilatura's own
evaluation set (990 mostly non-news pages, snippet F1) it is on par: .921
against .921-.926. ``bench/eval_aeb.py`` measures both.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from ..records import Cleaned
from .html_density import density_extract
from .html_lines import clean_paragraphs
from .html_merge import choose
from .html_meta import headings, page_outlet, page_title

LOG = logging.getLogger(__name__)

# Share of control characters (other than whitespace) above which the input is
# taken for binary data rather than a web page.
MAX_CONTROL_SHARE = 0.01
SNIFF_CHARS = 4096
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
# trafilatura's own fallbacks (readability port, jusText) cost about half its
# time; the density pass plays that role here.
FAST_TRAFILATURA = True
# Pages beyond this size are cut (a news article is well under 1 MB of HTML;
# bigger inputs are dumps or attacks, and extraction time grows with size).
MAX_HTML_CHARS = 5_000_000


def _decode(data: bytes) -> str:
    """Decode page bytes: UTF-8, else the charset the page declares, else cp1252."""
    if b"\x00" in data[:SNIFF_CHARS]:
        raise ValueError("not HTML: input contains NUL bytes (binary data?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:SNIFF_CHARS])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")


def _check_input(html: str | bytes) -> str:
    """Return the page as text, or raise ValueError if it is not HTML at all."""
    if isinstance(html, (bytes, bytearray)):
        html = _decode(bytes(html))
    if not isinstance(html, str):
        raise ValueError(f"expected HTML text, got {type(html).__name__}")
    head = html[:SNIFF_CHARS]
    if "\x00" in head:
        raise ValueError("not HTML: input contains NUL bytes (binary data?)")
    controls = len(_CONTROL.findall(head))
    if head and controls > MAX_CONTROL_SHARE * len(head):
        raise ValueError("not HTML: input is mostly control characters (binary data?)")
    if head.strip() and "<" not in html:
        raise ValueError("not HTML: input has no markup (plain text?)")
    if len(html) > MAX_HTML_CHARS:
        LOG.debug("HTML of %d characters cut to %d", len(html), MAX_HTML_CHARS)
        html = html[:MAX_HTML_CHARS]
    return html


def _parse(html: str) -> etree._Element | None:
    """Parse with trafilatura's loader (encoding declarations, broken markup)."""
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as err:
        LOG.debug("unparseable HTML: %s", err)
        return None


def _trafilatura_body(tree: etree._Element, url: str | None) -> str:
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            fast=FAST_TRAFILATURA,
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError) as err:
        LOG.debug("trafilatura failed on %s: %s", url, err)
        return ""
    return text or ""


def _density_body(tree: etree._Element) -> str:
    """Density pass; prunes ``tree`` in place (call it last)."""
    try:
        return density_extract(tree, copy_tree=False).text
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as err:
        LOG.debug("density pass failed: %s", err)
        return ""


def extract_html(html: str | bytes, url: str | None = None) -> Cleaned:
    """Extract the article body, title and outlet from one HTML page.

    ``html`` is the page as text; bytes are accepted too and decoded as UTF-8,
    else as the charset the page declares, else as cp1252.

    ``text`` holds the body paragraphs separated by blank lines, or is empty
    when no body was found. Broken or hostile markup never raises; input that
    is not HTML at all (binary data, plain text) raises ``ValueError``.
    """
    html = _check_input(html)
    if not html.strip():
        return Cleaned(text="")
    tree = _parse(html)
    if tree is None:
        return Cleaned(text="")
    try:
        outlet = page_outlet(tree)
        title = page_title(tree, outlet, url)
        heads = headings(tree)
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as err:
        LOG.debug("metadata failed: %s", err)
        outlet, title, heads = None, None, []
    titles = [title, *heads]
    traf, traf_removed = clean_paragraphs(_trafilatura_body(tree, url), titles)
    dens, dens_removed = clean_paragraphs(_density_body(tree), titles)
    body, rule = choose("\n\n".join(traf), "\n\n".join(dens))
    removed = dens_removed if rule.startswith("density") else traf_removed
    return Cleaned(text=body, title=title, outlet=outlet, removed=removed)
