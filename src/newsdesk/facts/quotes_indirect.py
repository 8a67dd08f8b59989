"""Indirect quotes: "X said (that) ...", "X told Reuters ...", "..., X said.", "A, X said, B",
"..., said Mark Jones, a political scientist." and "according to X, ..." / "..., according to X",
for sentences whose quotes (if any) found no cue. A sentence may hold several ("74 percent said
A, while 22 percent said B"); a cue used as a noun ("his remarks", "the alleged shooter") is not
passed in.
"""

from __future__ import annotations

import re

from newsdesk.facts.quote_article import QuoteArticle, content_after, end_trim, nwords, skip_space
from newsdesk.facts.cues import is_tell, is_weak
from newsdesk.facts.speakers import LEAD, PERSON_WORDS, left_phrase, name_like, right_phrase


def find_indirect(art: QuoteArticle, index: int, a: int, b: int, cues, qs: list[QSpan]) -> None:
    """Indirect quotes of the sentence ``a:b``; a later cue with its own speaker ("..., while 22
    percent said ...") ends the content before it and gives a quote of its own."""
    pos = a
    for k, cue in enumerate(cues):
        if cue.start() < pos:
            continue
        end = _one(art, index, pos, b, cue, _limit(art, cue, cues[k + 1:], b))
        if end is None:
            continue
        pos = skip_space(art.text, end)


_LATER_SUBJECT = re.compile(r",\s*(?:while|whereas|and|but)?\s*$")


def _limit(art: QuoteArticle, cue, later_cues, b: int) -> int:
    """Where this cue's content must end: at ", while X said" before a later cue of another speaker."""
    text = art.text
    for later in later_cues:
        comma = text.rfind(",", cue.end(), later.start())
        if comma == -1 or nwords(text[cue.end():comma]) < 3:
            continue
        between = text[comma + 1:later.start()]
        lead = re.match(r"\s*(?:while|whereas|and|but)\s+", between)
        subject = between[lead.end():] if lead else between
        if lead and 0 < nwords(subject) <= 6 and art.valid_phrase(comma + 1 + lead.end(), later.start()):
            return comma
    return b


def _inverted(art: QuoteArticle, a: int, b: int, cue):
    """"..., said Mark Jones, a political scientist at Rice." -- the speaker after the cue ends the
    sentence (a name or a described person, no verb), the content is everything before it."""
    text = art.text
    before = text[a:cue.start()].rstrip()
    if not before.endswith(",") or nwords(before) < 4 or is_weak(cue.group()) or is_tell(cue.group()):
        return None
    span = right_phrase(text, cue.end(), b)
    if span is None or text[span[1]:b].strip(" .,;:!?") != "":
        return None
    head = text[span[0]:span[1]].split(",")[0]
    words = head.split()
    if not words or len(words) > 8 or any(w.lower() in _CLAUSE for w in words):
        return None
    named = any(span[0] <= m.start < span[0] + len(head) and m.label in ("PER", "ORG") for m in art.mentions)
    own = re.split(r"\s(?:of|for|at|from|in|with)\s", head, maxsplit=1)[0].split()
    described = words[0].lower() in ("a", "an", "the", "one", "another") and own[-1].lower().strip(".") in PERSON_WORDS
    if not (named or described or name_like(head)):
        return None
    return art.resolver.resolve(*span) if art.valid_phrase(*span) else None


_SUBORDINATE = re.compile(r"\b(?:since|when|after|as|while|because|until|before|though|although|whereas|once)$", re.I)
_SUBORDINATE_IN = re.compile(r"\b(?:since|when|after|because|until|before|though|although|whereas|once)\s+", re.I)
_PLEDGE = re.compile(r"pledg|promis|offer")
_MONEY = re.compile(r"(?:\S+\s+){0,4}?(?:[$€£¥]|US\$|\d)")  # "pledged €45 million", "promised a loan of US$120 million"
_CALL_FOR = re.compile(r"\s+(?:for|on)\b")
_CLAUSE = frozenset("was were is are has have had would will could can should did does do that not".split())


def _one(art: QuoteArticle, index: int, a: int, b: int, cue, limit: int) -> int | None:
    """The indirect quote of ``cue`` in ``a:b`` (content up to ``limit``); its end, or None."""
    text = art.text
    word = cue.group().lower()
    if word == "according to":
        sp = art.speaker_right(cue, b, appositive=False)
        if sp is None:
            return None
        if nwords(text[a:cue.start()]) < 2:
            start = sp.end
            while start < b and text[start] in " ,":
                start += 1
            parts = [(start, end_trim(text, start, b))]
        else:
            parts = [(a, end_trim(text, a, cue.start()))]
        if nwords(text[parts[0][0]:parts[0][1]]) >= 3:
            return art.emit(parts, sp, cue, index).end
        return None
    sp = _inverted(art, a, b, cue)
    if sp is not None:
        return art.emit([(a, end_trim(text, a, cue.start()))], sp, cue, index).end
    lp = left_phrase(text, a, cue.start(), False)
    call = _CALL_FOR.match(text, cue.end()) if word.startswith("call") else None
    cue_end = call.end() if call else cue.end()  # "called for a boycott": the content is what is called for
    weak = is_weak(word) and call is None
    right = text[cue_end:b]
    if lp is None:
        # "..., said Smith." inverted at the end
        before = text[a:cue.start()].rstrip()
        if before.endswith(",") and nwords(before) >= 3 and not weak:
            sp = art.speaker_right(cue, b)
            if sp is not None:
                return art.emit([(a, end_trim(text, a, cue.start()))], sp, cue, index).end
        return None
    before = text[a:lp[0]].rstrip()
    n_before = nwords(before)
    n_right = nwords(right)
    has_that = re.match(r"\s*(?:\S+\s+){0,8}?that\b", right) is not None
    if n_before >= 3 and before.endswith(",") and (n_right <= 4 and not has_that) and not weak:
        sp = art.resolver.resolve(*lp)
        return art.emit([(a, end_trim(text, a, len(before) + a))], sp, cue, index).end
    if n_before >= 3 and before.endswith(",") and right.lstrip().startswith(",") and not weak:
        sp = art.resolver.resolve(*lp)
        rest = cue.end() + right.index(",") + 1
        parts = [(a, end_trim(text, a, len(before) + a)), (rest + 1, end_trim(text, rest, b))]
        return art.emit(parts, sp, cue, index).end
    if n_before > 8 and before.endswith(",") and n_right >= 3 and not weak \
            and nwords(text[lp[0]:lp[1]]) <= 12 and art.valid_phrase(*lp, clause_check=False):
        # a long opening clause belongs to the content: "Even in Miami, where ..., Ferre said Trump ..."
        sp = art.resolver.resolve(*lp)
        start = content_after(text, cue_end, word, b, art.mentions)
        end = end_trim(text, start, b)
        if nwords(text[start:end]) >= 3:
            parts = [(skip_space(text, a), end_trim(text, a, a + len(before))), (start, end)]
            return art.emit(parts, sp, cue, index).end
    intro_ok = (n_before == 0 or LEAD.fullmatch(before + " ") is not None
                or (before.endswith(",") and n_before <= 8) or before.endswith(("that", "but", "and")))
    inner = list(_SUBORDINATE_IN.finditer(text, lp[0], lp[1]))
    if inner and 0 < nwords(text[inner[-1].end():lp[1]]) <= 5:  # "The mood changed after [Brandt] announced"
        lp, intro_ok = (inner[-1].end(), lp[1]), False
        before = text[a:lp[0]].rstrip()
    sub = _SUBORDINATE.search(before)
    if sub and nwords(text[lp[0]:lp[1]]) <= 5:
        # "... since he announced his candidacy in June", "When CNN reported that ..., Ailes ..."
        intro_ok = True
        if nwords(text[a:lp[0]]) <= 1:  # "When CNN reported X, Ailes ...": the main clause follows the comma
            comma = text.find(",", cue_end, limit)
            limit = comma if comma != -1 else limit
    if intro_ok and n_right >= 3 and (not weak or has_that):
        if nwords(text[lp[0]:lp[1]]) > 12 or not art.valid_phrase(*lp, clause_check=False):
            return None
        sp = art.resolver.resolve(*lp)
        start = content_after(text, cue_end, word, limit, art.mentions)
        end = end_trim(text, start, limit)
        if nwords(text[start:end]) >= 3 and not (_PLEDGE.match(word) and _MONEY.match(text, start, end)):
            return art.emit([(start, end)], sp, cue, index).end
    return None
