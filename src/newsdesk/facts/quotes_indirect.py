"""Indirect quotes: "X said (that) ...", "X told Reuters ...", "..., X said.", "A, X said, B" and
"according to X, ..." / "..., according to X", for sentences whose quotes (if any) found no cue.
"""

from __future__ import annotations

import re

from newsdesk.facts.quote_article import QuoteArticle, content_after, end_trim, nwords, skip_space
from newsdesk.facts.speakers import LEAD, is_weak, left_phrase

def find_indirect(art: QuoteArticle, index: int, a: int, b: int, cues, qs: list[QSpan]) -> None:
    text = art.text
    for cue in cues:
        word = cue.group().lower()
        if word == "according to":
            sp = art.speaker_right(cue, b, appositive=False)
            if sp is None:
                continue
            if nwords(text[a:cue.start()]) < 2:
                start = sp.end
                while start < b and text[start] in " ,":
                    start += 1
                parts = [(start, end_trim(text, start, b))]
            else:
                parts = [(a, end_trim(text, a, cue.start()))]
            if nwords(text[parts[0][0]:parts[0][1]]) >= 3:
                art.emit(parts, sp, cue, index)
                return
            continue
        lp = left_phrase(text, a, cue.start(), False)
        right = text[cue.end():b]
        if lp is None:
            # "..., said Smith." inverted at the end
            before = text[a:cue.start()].rstrip()
            if before.endswith(",") and nwords(before) >= 3 and not is_weak(word):
                sp = art.speaker_right(cue, b)
                if sp is not None:
                    art.emit([(a, end_trim(text, a, cue.start()))], sp, cue, index)
                    return
            continue
        before = text[a:lp[0]].rstrip()
        n_before = nwords(before)
        n_right = nwords(right)
        has_that = re.match(r"\s*(?:\S+\s+){0,8}?that\b", right) is not None
        if n_before >= 3 and before.endswith(",") and (n_right <= 4 and not has_that) and not is_weak(word):
            sp = art.resolver.resolve(*lp)
            art.emit([(a, end_trim(text, a, len(before) + a))], sp, cue, index)
            return
        if n_before >= 3 and before.endswith(",") and right.lstrip().startswith(",") and not is_weak(word):
            sp = art.resolver.resolve(*lp)
            rest = cue.end() + right.index(",") + 1
            art.emit([(a, end_trim(text, a, len(before) + a)), (rest + 1, end_trim(text, rest, b))],
                     sp, cue, index)
            return
        if n_before > 8 and before.endswith(",") and n_right >= 3 and not is_weak(word) \
                and nwords(text[lp[0]:lp[1]]) <= 12 and art.valid_phrase(*lp, clause_check=False):
            # a long opening clause belongs to the content: "Even in Miami, where ..., Ferre said Trump ..."
            sp = art.resolver.resolve(*lp)
            start = content_after(text, cue.end(), word, b, art.mentions)
            end = end_trim(text, start, b)
            if nwords(text[start:end]) >= 3:
                art.emit([(skip_space(text, a), end_trim(text, a, a + len(before))), (start, end)], sp, cue, index)
                return
        intro_ok = (n_before == 0 or LEAD.fullmatch(before + " ") is not None
                    or (before.endswith(",") and n_before <= 8) or before.endswith(("that", "but", "and")))
        if intro_ok and n_right >= 3 and (not is_weak(word) or has_that):
            if nwords(text[lp[0]:lp[1]]) > 12 or not art.valid_phrase(*lp, clause_check=False):
                continue
            sp = art.resolver.resolve(*lp)
            start = content_after(text, cue.end(), word, b, art.mentions)
            end = end_trim(text, start, b)
            if nwords(text[start:end]) >= 3:
                art.emit([(start, end)], sp, cue, index)
                return
