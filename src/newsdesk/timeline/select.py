"""Choosing the dates of a timeline and the sentences that tell each date.

Dates are ranked by a linear score over three salience features counted over
independent sources (a copy never adds support; see :func:`date_features`).
The weights were fitted by least squares on T17 and are checked by
leave-one-topic-out cross-validation in ``bench/eval_timelines.py``; richer
feature sets (mentions before/after the day, sentence counts, articles
published on the day, lead mentions) did no better under cross-validation.

For each chosen date the candidates are the sentences that mention the day and
the leads of articles published on it or the day after. They are ranked by
cosine similarity to the date's centroid (the terms its mentioning and its
published sentences share, as in DATEWISE), plus a bonus for query words and
for independent support, and picked greedily with maximal marginal relevance.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..terms import STOPWORDS
from .sentences import Sentence

FEATURES = ("docs", "relative", "pub_days")


@dataclass(slots=True, frozen=True)
class DateFeatures:
    day: date
    values: tuple[float, ...]  # in the order of FEATURES, standardised within the collection (z-scores)


def date_features(sents: list[Sentence], start: date | None = None, end: date | None = None) -> list[DateFeatures]:
    """Salience of every day mentioned, counted over independent sources (a copy adds nothing).

    docs: sources mentioning the day; relative: sources mentioning it relative to their own date
    ("on Monday", "20 April"), the way news reports what just happened; pub_days: distinct
    publication days on which it is mentioned (a day still talked about later mattered).
    """
    docs, relative, pub_days = defaultdict(set), defaultdict(set), defaultdict(set)
    for s in sents:
        for m in s.mentions:
            if m.granularity != "day":
                continue
            if (start is not None and m.value < start) or (end is not None and m.value > end):
                continue
            docs[m.value].add(s.root)
            if m.relative:
                relative[m.value].add(s.root)
            if s.published is not None:
                pub_days[m.value].add(s.published)
    days = sorted(docs)
    raw = [(len(docs[d]), len(relative[d]), len(pub_days[d])) for d in days]
    cols = list(zip(*raw)) if raw else []
    stats = []
    for col in cols:
        mean = sum(col) / len(col)
        sd = math.sqrt(sum((x - mean) ** 2 for x in col) / len(col)) or 1.0
        stats.append((mean, sd))
    return [DateFeatures(d, tuple((x - m) / sd for x, (m, sd) in zip(r, stats))) for d, r in zip(days, raw)]


# Least-squares weights over FEATURES plus an intercept, fitted on all of T17 (bench/eval_timelines.py --fit).
DEFAULT_WEIGHTS = (-0.0265, 0.115, 0.0027, 0.224)


def rank_dates(features: list[DateFeatures], weights: tuple[float, ...] = DEFAULT_WEIGHTS) -> list[tuple[date, float]]:
    """Days by descending score (ties: earlier first)."""
    scored = [(f.day, sum(w * x for w, x in zip(weights, f.values)) + weights[-1]) for f in features]
    return sorted(scored, key=lambda p: (-p[1], p[0]))


_WORDS = re.compile(r"[a-z0-9]+")


def query_words(query: str | None) -> set[str]:
    """The words of a query that can select a sentence (stopwords dropped, short names like "BP" kept)."""
    return {w for w in _WORDS.findall((query or "").lower()) if w not in STOPWORDS}


def idf_weights(sents: list[Sentence]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for s in sents:
        for w in set(s.words):
            df[w] += 1
    n = len(sents) + 1
    return {w: math.log(n / (c + 1)) + 1.0 for w, c in df.items()}


def tfidf_vector(words: list[str], idf: dict[str, float]) -> dict[str, float]:
    v: dict[str, float] = defaultdict(float)
    for w in words:
        v[w] += idf.get(w, 1.0)
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def centroid(vectors: list[dict[str, float]]) -> dict[str, float]:
    c: dict[str, float] = defaultdict(float)
    for v in vectors:
        for w, x in v.items():
            c[w] += x / len(vectors)
    return c


@dataclass(slots=True)
class Pick:
    sentence: Sentence
    score: float
    support: int  # independent sources that print this sentence


def candidates_by_date(sents: list[Sentence], days: set[date], lead: int = 5, pub_lag: int = 1
                       ) -> dict[date, tuple[list[Sentence], list[Sentence]]]:
    """For each day: (sentences mentioning it, lead sentences of articles published on it or ``pub_lag`` days after)."""
    ment: dict[date, list[Sentence]] = defaultdict(list)
    pub: dict[date, list[Sentence]] = defaultdict(list)
    for s in sents:
        if s.article != s.root:
            continue  # a copy: its original speaks for it
        mentioned = s.days
        for d in mentioned & days:
            ment[d].append(s)
        if not mentioned and s.index < lead and s.published is not None:
            for k in range(pub_lag + 1):
                d = s.published - timedelta(days=k)
                if d in days:
                    pub[d].append(s)
    return {d: (ment[d], pub[d]) for d in days}


def summarise_date(ment: list[Sentence], pub: list[Sentence], k: int, idf: dict[str, float],
                   query: set[str], support: dict[str, set[str]], min_words: int = 5, max_words: int = 45,
                   mmr: float = 0.6) -> list[Pick]:
    """Up to ``k`` sentences for one date: centroid similarity + query and support bonus, MMR against repeats."""
    pool: dict[str, Sentence] = {}
    for s in ment + pub:
        n = len(s.text.split())
        if min_words <= n <= max_words and not s.text.endswith("?"):
            pool.setdefault(s.key, s)
    if query:  # like DATEWISE's keyword filter: keep sentences naming the query, unless none does
        hits = {k: s for k, s in pool.items() if query & set(_WORDS.findall(s.text.lower()))}
        pool = hits or pool
    if not pool:
        return []
    keys = list(pool)
    vecs = {key: tfidf_vector(pool[key].words, idf) for key in keys}
    in_ment = {id(s) for s in ment}
    cm = centroid([vecs[key] for key in keys if id(pool[key]) in in_ment])
    cp = centroid([vecs[key] for key in keys if id(pool[key]) not in in_ment])
    if cm and cp:
        shared = cm.keys() & cp.keys()
        centre = {w: cm[w] + cp[w] for w in shared} or {**cp, **cm}
    else:
        centre = cm or cp
    base = {}
    for key in keys:
        q = len(set(_WORDS.findall(pool[key].text.lower())) & query) / len(query) if query else 0.0
        sup = math.log1p(len(support.get(key, ()))) / 3.0
        base[key] = cosine(vecs[key], centre) + 0.3 * q + 0.1 * sup
    chosen: list[Pick] = []
    while len(chosen) < k and len(chosen) < len(keys):
        best, best_score = None, -1e9
        taken = {p.sentence.key for p in chosen}
        for key in keys:
            if key in taken:
                continue
            redundancy = max((cosine(vecs[key], vecs[p.sentence.key]) for p in chosen), default=0.0)
            score = mmr * base[key] - (1 - mmr) * redundancy
            if score > best_score:
                best, best_score = key, score
        if best is None:
            break
        chosen.append(Pick(pool[best], base[best], len(support.get(best, ()))))
    return chosen
