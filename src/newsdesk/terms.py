"""Term features shared by clustering and summaries: tokens, stopwords, weighted vectors."""

from __future__ import annotations

import heapq
import math
import re

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
_WORD = re.compile(r"[a-z][a-z'\-]+")
_ENTITY = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")


def tokens(text: str) -> list[str]:
    return [w for w in (t.strip("'-") for t in _WORD.findall(text.lower())) if len(w) > 2 and w not in STOPWORDS]


LEAD_CHARS = 6000  # what an event is about is in the lead; the tail adds noise and time


def term_counts(title: str | None, text: str) -> dict[str, float]:
    """Raw weighted term counts of the lead: body words, title words twice, capitalised names as phrases."""
    text = text[:LEAD_CHARS]
    counts: dict[str, float] = {}
    for w in tokens(text):
        counts[w] = counts.get(w, 0.0) + 1.0
    for w in tokens(title or ""):
        counts[w] = counts.get(w, 0.0) + 2.0
    for m in _ENTITY.finditer(text[:4000]):
        phrase = m.group(1).lower()
        if not any(p in STOPWORDS for p in phrase.split()[:1]):
            counts["@" + phrase] = counts.get("@" + phrase, 0.0) + 1.0
    return counts


def event_and_story_vectors(counts: dict[str, float], df: dict[str, int], n_docs: int, keep_event: int,
                            keep_story: int, story_idf_power: float, entity_boost: float
                            ) -> tuple[dict[str, float], dict[str, float]]:
    """Both vectors of an article in one pass: plain tf-idf for events, and for stories a
    softer idf with name phrases boosted (sublinear tf, idf from the desk so far)."""
    log, base = math.log, math.log(n_docs + 1)
    ev: dict[str, float] = {}
    st: dict[str, float] = {}
    for t, c in counts.items():
        tf = 1.0 + log(c)
        idf = base - log(df.get(t, 0) + 1) + 1.0
        ev[t] = tf * idf
        w = tf * idf**story_idf_power
        st[t] = w * entity_boost if t[0] == "@" else w
    return normalise(ev, keep_event), normalise(st, keep_story)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors (over their shared terms only)."""
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def normalise(vec: dict[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` heaviest terms, L2-normalised."""
    top = heapq.nlargest(keep, vec.items(), key=lambda kv: kv[1])
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    return {t: v / norm for t, v in top}
