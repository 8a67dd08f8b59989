"""Clean stage: recover body, title and outlet from raw documents.

Public entry point: :func:`clean_batch`. HTML pages go through
:mod:`newsdesk.clean.html`; text dumps through :mod:`newsdesk.clean.text`,
which also drops the boilerplate each outlet repeats, learned from the pile
(:class:`~newsdesk.clean.boilerplate.OutletLines`, passed in and updated).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..records import Cleaned, Quarantined, RawDoc
from ..settings import Settings
from .boilerplate import OutletLines
from .boilerplate import line_key
from .text import clean_text, filter_lines, parse_header

__all__ = ["clean_batch", "OutletLines"]


def clean_batch(
    docs: list[RawDoc], outlet_lines: OutletLines, settings: Settings
) -> tuple[list[tuple[RawDoc, Cleaned] | Quarantined], dict[str, dict[str, tuple[int, int]]]]:
    """Clean a batch; returns results in input order and the line-count increments.

    Text documents of the batch are first counted into ``outlet_lines`` so an
    outlet's recurring lines are recognised within the same batch.
    """
    increments: dict[str, dict[str, tuple[int, int]]] = {}
    for doc in docs:
        if doc.text is not None and doc.html is None:
            lines = doc.text.replace("\r", "\n").split("\n")
            header, _ = parse_header(lines, doc.title is None)
            outlet = doc.outlet or header.get("outlet") or folder_outlet(doc.folder)
            inc = outlet_lines.add_doc(outlet, lines)
            if inc:
                bucket = increments.setdefault(outlet.casefold(), {})
                for k, (d, e) in inc.items():
                    old = bucket.get(k, (0, 0))
                    bucket[k] = (old[0] + d, old[1] + e)
    out: list[tuple[RawDoc, Cleaned] | Quarantined] = []
    mastheads = outlet_lines.masthead_outlets()
    for doc in docs:
        try:
            cleaned = _clean_one(doc, outlet_lines, mastheads)
        except ValueError as e:
            out.append(Quarantined(doc.source, "unparseable", str(e)))
            continue
        if len(cleaned.text) < settings.min_body_chars:
            out.append(Quarantined(doc.source, "empty", f"cleaned body has {len(cleaned.text)} characters"))
            continue
        out.append((doc, cleaned))
    return out, increments


def _clean_one(doc: RawDoc, outlet_lines: OutletLines, mastheads: dict[str, str]) -> Cleaned:
    if doc.html is not None:
        is_fragment = len(doc.html) < 400 and "<html" not in doc.html.lower()
        if doc.fmt == "rss" or is_fragment:
            cleaned = Cleaned(text=fragment_text(doc.html))
        else:
            from .html import extract_html

            cleaned = extract_html(doc.html, doc.url)
    else:
        outlet = doc.outlet or _masthead(doc.text or "", mastheads, outlet_lines)
        cleaned = clean_text(doc.text or "", outlet_lines, outlet, detect_title=doc.title is None,
                             fallback_outlet=folder_outlet(doc.folder))
    cleaned.title = doc.title or cleaned.title
    cleaned.outlet = doc.outlet or cleaned.outlet or _domain(doc.url) or folder_outlet(doc.folder)
    if doc.html is not None or doc.title:  # extracted or given bodies get the same line rules
        kept, dropped = filter_lines(cleaned.text.split("\n"), outlet_lines.boilerplate_for(cleaned.outlet),
                                     cleaned.outlet, cleaned.title)
        cleaned.text = "\n\n".join(x for x in kept if x)
        cleaned.removed.extend(dropped)
    return cleaned


def _masthead(text: str, mastheads: dict[str, str], outlet_lines: OutletLines) -> str | None:
    """The outlet whose learned masthead or tagline opens this text, if any."""
    for line in text.lstrip().split("\n", 3)[:3]:
        owner = mastheads.get(line_key(line))
        if owner:
            return outlet_lines.names.get(owner, owner)
    return None


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry body): paragraphs kept, markup dropped."""
    import lxml.html

    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception as e:  # lxml raises several parser error types
        raise ValueError(f"unparseable HTML fragment: {e}") from None
    for bad in root.xpath("//script|//style|//noscript|//iframe|//form"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "pre"):
        t = re.sub(r"[ \t]+", " ", el.text_content()).strip()
        if t:
            blocks.append(t)
    if not blocks:
        blocks = [re.sub(r"\s+", " ", root.text_content()).strip()]
    return "\n\n".join(b for b in blocks if b)


def folder_outlet(folder: str | None) -> str | None:
    """An outlet name from the sub-folder a file was found in ("valley_herald" -> "Valley Herald")."""
    if not folder:
        return None
    name = re.sub(r"[_\-]+", " ", folder).strip()
    return name.title() if name.islower() else name or None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = re.sub(r"^(www\d?|m|amp)\.", "", host)
    return host or None
