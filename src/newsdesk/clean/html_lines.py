"""Paragraph-level clean-up of an extracted body.

Extractors keep whole containers; what sits inside an article container but is
not the article is removed here, by rules about what a paragraph *is*:

* the headline is metadata, not body: leading paragraphs equal to the page's
  title or one of its headings are dropped;
* prompts: a paragraph that is only a call to action or a label
  ("Advertisement", "Share this story", "Tell us what you think");
* link labels: "Read more: <headline>", "Related: <headline>", "SEE ALSO: ...";
* promotions: a short paragraph with two or more marketing cues (sign up,
  newsletter, inbox, subscribe, click here, per-issue prices...);
* teaser lists: after a "More stories" / "Don't miss" style label, the run of
  headline-like lines that follows;
* author sign-offs at the end: a short paragraph with "follow" and a handle,
  or an e-mail address with "email"/"contact"/"reached".

Image and copyright credits ("© Reuters") are kept: the benchmark's gold keeps
them as part of the article.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
LEADING_WINDOW = 3  # how many first paragraphs may be a repeated headline
TRAILING_WINDOW = 3  # how many last paragraphs may be an author sign-off
MAX_PROMPT_LEN = 220
MAX_PROMO_LEN = 320
MAX_TEASER_LEN = 160

# A paragraph that is entirely one of these is a prompt, not prose. Anchored
# on both ends on purpose: a sentence that merely mentions sharing stays.
PROMPTS = [
    r"advertisement",
    r"(?:story|article) continues below(?: this)?(?: advertisement| ad)?",
    r"continue reading(?: below| the main story)?",
    r"scroll (?:down )?to continue(?: reading)?.*",
    r"like this (?:story|article)\?.{0,60}",
    r"share (?:this|the) (?:story|article|post|page)(?: on \w+)?[!.]?",
    r"tell us what (?:you|YOU) think.{0,5}",
    r"(?:\d+ )?comments?",
    r"(?:leave|post|add) a (?:comment|reply)",
    r"(?:click|tap) here to .{0,60}",
    r"follow (?:us|\S+(?: \S+)?) on (?:instagram|facebook|twitter|youtube|x|tiktok|linkedin)\b.{0,60}",
    r".{0,40}\bnewsletters?",  # a newsletter's name as a label: "Pick Six Newsletter"
    r"subscribe",
    r"(?:read|see|view) (?:more|next|also)\s*[:.]?",
    r"this copy is for your personal,? non-commercial use only.*",
]
_PROMPT = re.compile(r"^(?:" + "|".join(PROMPTS) + r")$", re.IGNORECASE)

# "Read more: headline", "RELATED: headline", "See also - headline"
_LINK_LABEL = re.compile(
    r"^(?:read|see|watch|listen|also read|read also|more|related|recommended|"
    r"also on \S+|see also|read next|more on this|related articles?|related stories)"
    r"\s*(?:more|also|next)?\s*[:|»>-]\s*\S",
    re.IGNORECASE,
)
# Labels that open a list of teasers.
_TEASER_LABEL = re.compile(
    r"^(?:don'?t miss|more (?:great |top )?(?:\w+ )?stories|more from \S.*|related(?: \w+)?|"
    r"recommended(?: for you)?|you (?:may|might) also like|read next|most (?:read|popular)|"
    r"trending(?: now)?|latest (?:news|stories)|more (?:news|videos))\s*[:.]?$",
    re.IGNORECASE,
)
# Marketing cues. Prices and "per month" are left out on purpose: deal and
# economy stories are full of them.
_PROMO_CUES = [
    r"\bsign(?:ing)? up\b", r"\bnewsletters?\b", r"\binbox\b", r"\bsubscri(?:be|ption)s?\b",
    r"\bclick here\b", r"\bdelivered\b", r"\bfree daily\b", r"\bissues? for\b",
    r"\bdownload (?:our|the) app\b", r"\bfor as little as\b",
]
_PROMO = [re.compile(c, re.IGNORECASE) for c in _PROMO_CUES]
_PROMO_ANY = re.compile("|".join(_PROMO_CUES), re.IGNORECASE)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_SIGNOFF_WORDS = re.compile(r"\b(?:follow|email|e-mail|contact|reached|tips?)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")


def _key(text: str) -> str:
    return _WS.sub(" ", _PUNCT.sub(" ", text)).strip().casefold()


def is_prompt(paragraph: str) -> bool:
    """True if the whole paragraph is a call to action, a label or a link label."""
    text = paragraph.strip()
    if len(text) > MAX_PROMPT_LEN:
        return False
    return bool(_PROMPT.match(text) or _LINK_LABEL.match(text) or _TEASER_LABEL.match(text))


def is_promo(paragraph: str) -> bool:
    """True if a short paragraph carries two or more marketing cues."""
    if len(paragraph) > MAX_PROMO_LEN or not _PROMO_ANY.search(paragraph):
        return False
    return sum(1 for cue in _PROMO if cue.search(paragraph)) >= 2


def is_signoff(paragraph: str) -> bool:
    """True if a short paragraph is an author's contact line."""
    if len(paragraph) > MAX_PROMO_LEN or not _SIGNOFF_WORDS.search(paragraph):
        return False
    return bool(_HANDLE.search(paragraph) or _EMAIL.search(paragraph))


def _is_teaser(paragraph: str) -> bool:
    text = paragraph.lstrip("-•* ").strip()
    return len(text) <= MAX_TEASER_LEN and not _SENTENCE_END.search(text) or paragraph.startswith("- ")


def split_paragraphs(body: str) -> list[str]:
    """Non-empty lines of an extractor's output, stripped."""
    return [p.strip() for p in (body or "").splitlines() if p.strip()]


def clean_paragraphs(body: str, titles: list[str | None]) -> tuple[list[str], list[str]]:
    """Split ``body`` into paragraphs and drop headline repeats and boilerplate.

    Returns the kept paragraphs and the dropped ones.
    """
    paragraphs = split_paragraphs(body)
    keys = {_key(t) for t in titles if t and _key(t)}
    kept: list[str] = []
    removed: list[str] = []
    in_teasers = False  # after a "More stories" label: headline-like lines go
    in_list = False  # after a "Related: headline" line: "- item" lines go
    last = len(paragraphs) - 1
    for i, para in enumerate(paragraphs):
        drop = False
        if in_teasers and _is_teaser(para) or in_list and para.startswith("- "):
            drop = True
        else:
            in_teasers = in_list = False
            if i < LEADING_WINDOW and not kept and _key(para) in keys:
                drop = True
            elif len(para) <= MAX_PROMPT_LEN and _TEASER_LABEL.match(para):
                drop = in_teasers = True
            elif len(para) <= MAX_PROMPT_LEN and _LINK_LABEL.match(para):
                drop = in_list = True
            elif is_prompt(para) or is_promo(para):
                drop = True
            elif i > last - TRAILING_WINDOW and is_signoff(para):
                drop = True
        (removed if drop else kept).append(para)
    return kept, removed
