"""Paragraph-level clean-up of an extracted body.

* the headline is metadata, not body: leading paragraphs equal to the page's
  title or one of its headings are dropped;
* calls to action that sit inside article containers (share prompts, newsletter
  pitches, "Advertisement" labels) are dropped when a paragraph is nothing else.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
LEADING_WINDOW = 3  # how many first paragraphs may be a repeated headline

# A paragraph that is entirely one of these is a prompt, not prose. Anchored
# and short on purpose: a sentence that merely mentions sharing stays.
PROMPTS = [
    r"advertisement",
    r"(?:story|article) continues below(?: advertisement)?",
    r"continue reading(?: below| the main story)?",
    r"scroll (?:down )?to continue(?: reading)?.*",
    r"like this (?:story|article)\?.{0,60}",
    r"share (?:this|the) (?:story|article|post)(?: on \w+)?!?",
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,60}newsletters?.{0,80}",
    r"get the latest .{0,60}(?:in|to) your inbox.{0,80}",
    r"(?:click|tap) here to .{0,60}",
    r"follow us on .{0,60}",
    r"read (?:more|next|also)\s*:?",
    r"(?:image|photo|picture)s?(?: credit)?\s*:.{0,80}",
    r"this copy is for your personal,? non-commercial use only.*",
]
_PROMPT = re.compile(r"^(?:" + "|".join(PROMPTS) + r")$", re.IGNORECASE)
MAX_PROMPT_LEN = 220


def _key(text: str) -> str:
    return _WS.sub(" ", _PUNCT.sub(" ", text)).strip().casefold()


def is_prompt(paragraph: str) -> bool:
    """True if the whole paragraph is a call to action or a label."""
    text = paragraph.strip()
    return len(text) <= MAX_PROMPT_LEN and bool(_PROMPT.match(text))


def clean_paragraphs(body: str, titles: list[str | None]) -> tuple[list[str], list[str]]:
    """Split ``body`` into paragraphs and drop headline repeats and prompts.

    Returns the kept paragraphs and the dropped ones.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body or "") if p.strip()]
    keys = {_key(t) for t in titles if t and _key(t)}
    kept: list[str] = []
    removed: list[str] = []
    for i, para in enumerate(paragraphs):
        if i < LEADING_WINDOW and not kept and _key(para) in keys:
            removed.append(para)
            continue
        if is_prompt(para):
            removed.append(para)
            continue
        kept.append(para)
    return kept, removed
