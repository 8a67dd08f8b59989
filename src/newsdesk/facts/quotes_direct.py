"""Quote marks and sentence units: the text layer the quote finder works on.

``quoted_spans`` pairs opening and closing double quote marks (curly “ ”, straight ", the doubled
apostrophes '' of some archives, „ and ``), lets a quote run over several paragraphs when a
paragraph ends open and the next one opens with a quote mark (the journalistic convention), and
closes a quote left open at the end of its paragraph otherwise. ``units`` splits the text into
sentences that never break inside a quote, so "“One. Two,” he said." is one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„]")
_TAG = re.compile(r"<[a-zA-Z/][^<>\n]{0,300}>")
_OPENERS = set("([{—–-/\n\t ")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Cmdr|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Rev|Gens|Reps|Sens|approx|U\.S|U\.N|U\.K|"
    r"a\.m|p\.m|e\.g|i\.e|etc)|\b[A-Z])\.$")


@dataclass(slots=True)
class QSpan:
    """A quoted stretch: content ``start:end``, marks at ``open`` and ending at ``close``."""

    open: int
    start: int
    end: int
    close: int
    closed: bool


def _role(text: str, i: int, mark: str) -> str:
    """'open', 'close' or '?' for the quote mark at ``i``."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + len(mark)] if i + len(mark) < len(text) else "\n"
    if before in _OPENERS and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ",.;:!?)]—–-'’"):
        return "close"
    if mark in ("“", "„", "``"):
        return "open"
    if mark == "”":
        return "close"
    return "?"


def quoted_spans(text: str) -> list[QSpan]:
    """Every double-quoted stretch of ``text``, in order, outermost only."""
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]  # <tweet author="..."> attributes
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)
             if not any(s <= m.start() < e for s, e in tags)]
    spans: list[QSpan] = []
    inside: tuple[int, str] | None = None  # (position, mark) of the opening mark
    para = 0  # where the current paragraph of an open quote starts
    k = 0
    while k < len(marks):
        pos, mark = marks[k]
        role = _role(text, pos, mark)
        if inside is None:
            if role in ("open", "?"):
                inside, para = (pos, mark), pos
            k += 1
            continue
        start = inside[0] + len(inside[1])
        brk = text.find("\n", para, pos)
        if brk != -1:
            # the paragraph ended inside the quote: go on if the next paragraph opens with a mark
            para_end = brk
            nxt = brk
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            if nxt == pos and role in ("open", "?"):
                para = pos
                k += 1  # the re-opening mark of a continued quote
                continue
            if nxt < pos or role == "open":
                spans.append(QSpan(inside[0], start, _rstrip(text, start, para_end), para_end, False))
                inside = None
                continue  # look at this mark again from outside
        if role == "open" and mark in ("“", "„", "``") and text.count("\n", start, pos) == 0 and pos - start < 3:
            inside, para = (pos, mark), pos  # two openers in a row: the first was stray
            k += 1
            continue
        spans.append(QSpan(inside[0], start, pos, pos + len(mark), True))
        inside = None
        k += 1
    if inside is not None:
        start = inside[0] + len(inside[1])
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        spans.append(QSpan(inside[0], start, _rstrip(text, start, end), end, False))
    return [s for s in spans if s.end > s.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def units(text: str, spans: list[QSpan]) -> list[tuple[int, int]]:
    """Sentence units (start, end) that never split inside a quote."""
    inside = bytearray(len(text) + 1)
    for s in spans:
        inside[s.open:s.close] = b"\x01" * (s.close - s.open)
    ends = {sp.close for sp in spans if sp.closed and text[sp.end - 1:sp.end] == "."}
    out: list[tuple[int, int]] = []
    begin = 0
    n = len(text)
    candidates = sorted({m.start() for m in _BREAK.finditer(text)} | ends)
    for i in candidates:
        if i < begin or i >= n:
            continue
        ch = text[i]
        cut = None
        if i in ends and not (ch == "\n" and not inside[i]):
            # right after a quote that ends a sentence: “Foo.” Next sentence (not “Why?” Trump asked)
            k = i
            while k < n and text[k] in " \t\u00a0":
                k += 1
            if k < n and (text[k].isupper() or text[k] in "“\"") and not _attribution_follows(text, k):
                cut = i
        elif ch == "\n" and not inside[i]:
            cut = i
        elif ch in ".!?" and not inside[i]:
            j = i + 1
            while j < n and text[j] in "\"”'’)":
                j += 1
            if j < n and text[j].isspace() and not _ABBREV.search(text[max(begin, i - 6):i + 1]):
                k = j
                while k < n and text[k] in " \t\u00a0":
                    k += 1
                if k >= n or text[k] == "\n" or text[k].isupper() or text[k].isdigit() or text[k] in "\"“'‘(":
                    cut = j
        if cut is not None:
            if text[begin:cut].strip():
                out.append(_trim(text, begin, cut))
            begin = cut if text[cut:cut + 1] != "\n" else cut + 1
    if text[begin:].strip():
        out.append(_trim(text, begin, n))
    return out


_BREAK = re.compile(r"[\n.!?]")
_SHORT_ATTRIBUTION = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|added|wrote|told|asked)\b[^.!?\n“\"]{0,40}[.!?]",
                                re.S)


def _attribution_follows(text: str, k: int) -> bool:
    """“Foo.” Trump said. -- a short attribution after a quote ending in a period belongs to it."""
    return _SHORT_ATTRIBUTION.match(text, k) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
