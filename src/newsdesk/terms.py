"""Term features shared by clustering and summaries: tokens, stopwords, weighted vectors."""

from __future__ import annotations

import heapq
import math
import re
import sys
from collections import Counter
from itertools import filterfalse
from operator import itemgetter

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told tell according one two three four five
    six seven eight nine ten new also since year years week day days monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december mr mrs ms dr per cent percent people may might must would could shall get got going go
    went make made many much well still even back first last including around another every among
    within without whether however while yet already like""".split()
)
_WORD = re.compile(r"[a-z][a-z'\-]+[a-z]")  # three characters or more, ending in a letter


def tokens(text: str) -> list[str]:
    return list(filterfalse(STOPWORDS.__contains__, _WORD.findall(text.lower())))


LEAD_CHARS = 6000  # what an event is about is in the lead; the tail adds noise and time
_NAME = re.compile(r"[A-Z][a-zA-Z'\u2019\-]*[a-zA-Z](?:\s+(?:of\s+|de\s+|al-)?[A-Z][a-zA-Z'\u2019\-]*[a-zA-Z])*")
_NUMBER = re.compile(r"\d(?<![\w.]\d)\d*(?:[.,]\d+)*")  # a digit not after a letter, digit or dot: the
# lookbehind after the first digit (not before it) lets the engine skip to digits
_OPENERS = frozenset('.!?:;"\u201c(')
NAME, NUMBER = "@", "#"  # prefixes of name and number features; plain words have none


def _sentence_start(before: str) -> bool:
    """Whether a word preceded by ``before`` (its three characters) opens a sentence."""
    if not before or before[-1] == "\n":
        return True
    rest = before.rstrip()
    return bool(rest) and rest[-1] in _OPENERS


def names_and_numbers(text: str) -> tuple[list[str], list[str]]:
    """Capitalised name phrases (a sentence's first word only if a longer name follows it,
    stopwords stripped from its front) and numbers as written ("6.1", "2008", "1,200" -> "1200")."""
    names = []
    for m in _NAME.finditer(text):
        name, start = m.group(0).replace("\u2019", "'"), m.start()
        words = name.split()
        if _sentence_start(text[max(0, start - 3) : start]):
            while words and words[0].lower() in STOPWORDS:
                words = words[1:]
            if len(words) < 2 and not (words and start and text[start - 1] == "("):
                continue
        if "'s" in name:
            words = [w[:-2] if w.endswith("'s") else w for w in words]
        phrase = " ".join(words).lower()
        if phrase and phrase not in STOPWORDS:
            names.append(phrase)
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    return names, numbers


_YEAR = re.compile(r"[12](?<![\w.,$\u00a3\u20ac][12])[09]\d\d(?!\w|[.,]\d)")  # 19xx / 20xx as written, not
# part of a longer number, an amount or a decimal; the lookbehind after the first digit, as for _NUMBER


def mentioned_years(text: str) -> frozenset[int]:
    """Years 1900-2099 a text names ("in 2008", "Sept. 9, 2013"; not "2,000" or "$2000")."""
    return frozenset(y for y in map(int, _YEAR.findall(text)) if 1900 <= y <= 2099)


def term_counts(title: str | None, text: str, lead: int = LEAD_CHARS) -> dict[str, float]:
    """Raw weighted feature counts of the lead: body words, title words twice, capitalised
    names as ``@phrase`` and numbers as ``#n`` (two similar events differ in place, people,
    date and magnitude)."""
    text = text[:lead]
    found = Counter(tokens(text))
    counts = dict(zip(found, map(float, found.values())))
    for w in tokens(title or ""):
        counts[w] = counts.get(w, 0.0) + 2.0
    names, numbers = names_and_numbers(((title + "\n") if title else "") + text)
    for prefix, found in ((NAME, Counter(names)), (NUMBER, Counter(numbers))):  # prefixed: never a word
        counts.update(zip(map(prefix.__add__, found), map(float, found.values())))
    # one string object per term (sys.intern): the desk's tables (df, postings, centroids, term ids)
    # then find a term by identity, without reading the copy they hold (a cache miss once they are large)
    return dict(zip(map(sys.intern, counts), counts.values()))


def group_of(term: str) -> str:
    return term[0] if term[0] in "@#" else ""


def weighted(counts: dict[str, float], df: dict[str, int], n_docs: int, weights: dict[str, float],
             keep: int, idf_power: float = 1.0) -> dict[str, float]:
    """Sublinear tf times idf (from the desk so far), each feature group (words, names,
    numbers) scaled to its share of ``weights``: the dot product of two such vectors is
    the weighted mean of the groups' cosines."""
    log, base = math.log, math.log(n_docs + 1)
    dropped = tuple(g for g in "@#" if weights.get(g, 0.0) <= 0)
    words = weights.get("", 0.0) > 0
    get = df.get
    if words and not dropped:  # every term counts (the usual case): no filter to test per term
        vec = {t: (1.0 + log(c)) * (base - log(get(t, 0) + 1) + 1.0) ** idf_power for t, c in counts.items()}
    else:
        vec = {t: (1.0 + log(c)) * (base - log(get(t, 0) + 1) + 1.0) ** idf_power for t, c in counts.items()
               if (t[0] not in dropped if t[0] in "@#" else words)}
    return regroup(vec, weights, keep)


def regroup(vec: dict[str, float], weights: dict[str, float], keep: int | None = None) -> dict[str, float]:
    """Keep the ``keep`` heaviest terms, then L2-normalise each group to norm sqrt(share)."""
    if keep is not None and len(vec) > keep:
        vec = dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:keep])  # = heapq.nlargest, faster here
    norms = {"": 0.0, "@": 0.0, "#": 0.0}
    groups = [t[0] if t[0] in "@#" else "" for t in vec]
    for g, v in zip(groups, vec.values()):
        norms[g] += v * v
    total = sum(weights.values())
    scale = {g: math.sqrt(weights.get(g, 0.0) / total / n) if n > 0 else 0.0 for g, n in norms.items()}
    return {t: v * scale[g] for (t, v), g in zip(vec.items(), groups)}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two normalised sparse vectors (over their shared terms only; exact sum,
    so the result does not depend on the order terms are visited)."""
    if len(a) > len(b):
        a, b = b, a
    return math.fsum([v * b[t] for t, v in a.items() if t in b])


def normalise(vec: dict[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` heaviest terms, L2-normalised."""
    top = heapq.nlargest(keep, vec.items(), key=lambda kv: kv[1])
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return {t: v / norm for t, v in top}
