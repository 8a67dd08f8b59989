"""Plain-text cleaning: header lines, general boilerplate rules, learned outlet boilerplate.

A text dump is: optional title line, optional header lines (``date ...``,
``Publish : ...``, ``Source: ...``), then the body, often with pitches,
prompts, share lines, related-article lists and copyright lines glued on.
Body paragraphs, quotes and bylines are kept.
"""

from __future__ import annotations

import re

from ..records import Cleaned
from .boilerplate import OutletLines, line_key

_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "dated": "date", "published": "date", "publish": "date",
    "publication date": "date", "posted": "date", "posted on": "date", "pubdate": "date", "filed": "date", "filed on": "date",
    "first published": "date", "release date": "date", "released": "date",
    "updated": "updated", "last updated": "updated", "modified": "updated",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site": "outlet", "newspaper": "outlet",
    "author": "author", "by": "author", "byline": "author", "writer": "author",
    "url": "url", "link": "url", "section": "section", "category": "section", "tags": "section",
}
_KV = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*[:：]\s*(.+?)\s*$")
_BARE_DATE = re.compile(r"^\s*(date|published|updated)\s+(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*)$", re.I)
_BYLINE_DATE = re.compile(r"^\s*By\s+[^|]{2,60}\|\s*(.+)$")
_POSTED = re.compile(r"^\s*(posted|published|updated|last updated|first published)(\s+on)?\s+(\S.{4,60})$", re.I)

_RULES = [
    # subscription and newsletter pitches
    r"^(subscribe|sign up|sign in to|log in to|register (now|to|for)|join (our|the) .*(newsletter|mailing list)|get (our|the|a) .*(newsletter|briefing)|support (our|independent|quality) journalism|become a (member|subscriber|supporter)|already a subscriber|to continue reading|unlock (this|unlimited)|start your (free )?trial|donate (now|today)|download (our|the) app)\b",
    r"\b(newsletter|inbox)\b.{0,160}\b(sign up|subscribe|delivered|free)\b",
    r"\b(subscribe|sign up)\b.{0,160}\b(newsletter|inbox|updates|alerts|unlimited access|a (week|month))\b",
    r"(^|[.!?] )(don't miss out|never miss a (story|thing))\b",
    # comment prompts
    r"\b(leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion|debate)|comments? (are|is) (now )?(closed|open|moderated)|tell us (what you think|in the comments|your views)|let us know (in the comments|what you think)|share your (thoughts|views|story)|have your say|\d+ comments?)\b",
    r"^what do you think\??",
    # related-article headings
    r"^(related( articles?| stories| coverage| news| content| reading| posts)?|read (more|also|next)( on this| about)?|you (may|might) also (like|be interested)|more (on this (story|topic)|stories|from [\w ]+|news)|recommended( for you| reading)?|trending( now)?|most (read|popular|viewed)|see also|further reading|also read)\s*[:>»\-–—]?\s*$",
    r"^(read more|also read|read also|related|see also|watch)\s*[:»>\-–—]\s*\S",
    # source / via lines
    r"^(source( link)?|via|originally (published|appeared) (at|on|in|by))\b\s*[:\-–—]?",
    # share and navigation
    r"^(share|share this( article| story| page)?|share on \w+|tweet( this)?|email( this)?|print( this)?|save( article)?|copy link|facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest)(\s*[|,/•·]\s*(share|facebook|twitter|x|whatsapp|linkedin|email|print|telegram|reddit|pinterest|copy link))*\s*:?\s*$",
    r"^(back to top|scroll to top|return to top|top of page|\^\s*top|skip to (main )?content|advertisement|sponsored( content)?|click here\b.*|like us on facebook\b.*)$",
    r"\bfollow us (on|at)\b|^(don't forget to )?follow [\w ]{2,30} (on|for) (the latest|more|twitter|facebook|x|instagram)\b",
    # copyright
    r"(©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\breproduction (is )?(prohibited|forbidden)\b)",
    # photo credits and captions
    r"^(photo|photos|image|images|picture|file photo|pictured|caption|credit|graphic|video|illustration)s?\s*(credit)?\s*[:/|\-–—]",
    r"^\(?(photo|image|picture)s?\s*(by|courtesy( of)?)\b",
    r"^[\w .'-]{2,40}/\s*(reuters|afp|ap|getty images|epa|shutterstock|meridian press|mp)\)?$",
]
_RULE_RES = [re.compile(r, re.I) for r in _RULES]
_RULE_MAX_WORDS = 30  # long lines are body text even if they mention a rule word
_RELATED_HEAD = next(r for r in _RULE_RES if r.pattern.startswith("^(related("))
_COPYRIGHT = next(r for r in _RULE_RES if "copyright" in r.pattern)


def parse_header(lines: list[str], detect_title: bool = True) -> tuple[dict[str, str], int]:
    """Header fields at the top of a dump, and the index of the first body line.

    The first line is taken as a title when it is followed by header lines or
    a blank line and does not read like a sentence of the body.
    """
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    start = i
    consumed = i
    for j in range(start, min(len(lines), start + 12)):
        line = lines[j].strip()
        if not line:
            if header:
                consumed = j + 1
                continue
            if j == start + 1 and "title" in header:
                consumed = j + 1
            break
        field = _header_field(line)
        if field:
            k, v = field
            header.setdefault(k, v)
            consumed = j + 1
            continue
        if detect_title and j == start and len(line) < 200 and not _COPYRIGHT.search(line):
            nxt = lines[j + 1].strip() if j + 1 < len(lines) else ""
            if not nxt or _header_field(nxt):
                header["title"] = line
                consumed = j + 1
                continue
        break
    return header, consumed


def _header_field(line: str) -> tuple[str, str] | None:
    m = _BARE_DATE.match(line)
    if m:
        return ("updated" if m.group(1).lower() == "updated" else "date", m.group(2).strip())
    m = _KV.match(line)
    if m and m.group(1).strip().lower() in _HEADER_KEYS and len(line) < 200:
        return _HEADER_KEYS[m.group(1).strip().lower()], m.group(2).strip()
    m = _POSTED.match(line)
    if m and re.search(r"\d", m.group(3)):
        return ("updated" if "updated" in m.group(1).lower() else "date"), m.group(3).strip()
    m = _BYLINE_DATE.match(line)
    if m and re.search(r"\d", m.group(1)):
        return "date", m.group(1).strip()
    return None


def is_rule_boilerplate(line: str) -> bool:
    """True for a line that general rules call site boilerplate."""
    s = line.strip()
    if not s or len(s.split()) > _RULE_MAX_WORDS:
        return False
    return any(r.search(s) for r in _RULE_RES)


def _is_masthead(line: str, outlet: str | None, title: str | None) -> bool:
    """The outlet's name (alone or with a tagline) or a repeat of the given title."""
    key = line_key(line)
    if title and key == line_key(title):
        return True
    if not outlet:
        return False
    name = line_key(outlet)
    name = name[4:] if name.startswith("the ") else name
    return (key.startswith(name) or key.startswith("the " + name)) and len(key.split()) <= len(name.split()) + 8


def filter_lines(lines: list[str], learned: set[str], outlet: str | None = None,
                 title: str | None = None) -> tuple[list[str], list[str]]:
    """Drop boilerplate lines (rules, learned outlet lines, related-article lists, mastheads).

    Returns the kept lines (blank lines preserved as paragraph breaks) and the dropped ones.
    """
    kept: list[str] = []
    removed: list[str] = []
    in_related = False
    at_top = True
    for line in lines:
        s = line.strip()
        if not s:
            in_related = False
            kept.append("")
            continue
        if in_related and len(s.split()) <= 16 and not s.endswith((".", '"', "\u201d")):
            removed.append(s)
            continue
        in_related = False
        if is_rule_boilerplate(s) or line_key(s) in learned or (at_top and _is_masthead(s, outlet, title)):
            removed.append(s)
            if _RELATED_HEAD.search(s):
                in_related = True
            continue
        at_top = False
        kept.append(s)
    return kept, removed


def clean_text(raw: str, outlet_lines: OutletLines | None = None, outlet: str | None = None,
               detect_title: bool = True, fallback_outlet: str | None = None) -> Cleaned:
    """Split a text dump into header, body and dropped boilerplate."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not outlet:
        outlet = parse_header(lines, detect_title)[0].get("outlet") or fallback_outlet
    learned = outlet_lines.boilerplate_for(outlet) if outlet_lines is not None else set()
    removed: list[str] = []
    lead = 0  # site taglines and banners above the title
    while lead < len(lines) and (not lines[lead].strip() or line_key(lines[lead]) in learned
                                 or is_rule_boilerplate(lines[lead])):
        if lines[lead].strip():
            removed.append(lines[lead].strip())
        lead += 1
    lines = lines[lead:]
    header, first = parse_header(lines, detect_title)
    if not any(x.strip() for x in lines[first:]):  # a one-paragraph text is body, not a title
        header, first = parse_header(lines, detect_title=False)
    body_lines = lines[first:]
    kept, dropped = filter_lines(body_lines, learned, outlet, header.get("title"))
    removed.extend(dropped)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    text = _join_paragraph_lines(text)
    return Cleaned(text=text, title=header.get("title"), outlet=outlet, removed=removed, header=header)


def _join_paragraph_lines(text: str) -> str:
    """Normalise paragraph breaks to one blank line between paragraphs."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for p in paras:
        sub = [x.strip() for x in p.split("\n") if x.strip()]
        out.extend(sub)
    return "\n\n".join(out)
