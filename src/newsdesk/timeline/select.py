"""Choosing the dates of a timeline and the sentences that tell each date.

Dates are ranked by a linear score over four salience features counted over
independent sources (a copy never adds support; see :func:`date_features`),
log-scaled and standardised within the pile. The weights
(``Settings.timeline_date_weights``) were fitted by least squares on T17 and
are checked by leave-one-topic-out cross-validation in
``bench/eval_timelines.py``; other features (sentence counts, articles
published on the day or the day after, bursts, recency-weighted mentions,
mentions normalised by the local volume of articles, a spread penalty, a
logistic or boosted-tree ranker, weights searched for date F1; and in session 4:
mentions counted only in articles or sentences naming the query, near-duplicate
articles of a day counted once, mentions in the lead, mentions printed as a
line's first words, explicit dates, sources published 7 or 30 days later,
"fresh" against "remembered" mentions, the coherence of the sentences naming a
day, PageRank over a publication-day -> mentioned-day graph, publication days
as candidates, interactions with the timeline's density, per-timeline sample
weights, a pairwise ranker, a second stage refitted on the top days, and
spreading the picked days apart by a decaying penalty, a minimum gap or quotas
per part of the span) did no better under cross-validation (all within
.54-.566 date F1 against .557).

For each chosen date the candidates are the sentences that mention the day and
the leads of articles published on it or ``pub_lag`` days after.
They are ranked by cosine similarity to the centroid of all the date's
candidates, copies included (idf from the candidates of all the dates
considered), less a penalty for a length far from a typical timeline
sentence; query words filter them (as DATEWISE's keywords do) and they are
picked greedily with maximal marginal relevance; a candidate also loses a
share (``repeat_penalty``) of its similarity to what better-ranked dates
already told, so a timeline tells each thing once (T17: AR-2 .040 -> .042,
AR-1 within noise; 0.2 chosen by leave-one-topic-out cross-validation among
0.1-0.8; a paired difference of one timeline setting against another has a
standard error of about .0025 AR-1 over the 18 timelines). Bonuses for query
words, independent support, a lead sentence, a sentence naming the day, or one
looking back at it, a penalty for "said" or an opening pronoun, a centroid of
only the sentences naming the day, or one contrasted with the whole
timeline's, all cost .001-.013 AR-1 on T17 and were dropped.

Session 5 (leave-one-topic-out on the 18 T17 timelines; base date F1 .556, AR-1
.1281), each added to the four features unless said: a word model (logistic
regression over the share of a day's mentioning sentences using each word
found in 6+ topics, nested cross-validation) .392 alone, .555 added; cue words
in the mentioning sentence or 60 characters around the mention ("since",
"began", "first"; killed, attack; announced, approved, resigned; "will",
"expected", "scheduled"; "said"; "anniversary"), as counts or shares,
.531-.562; the date's written form (with a year, month and day, a weekday)
.548-.557; sources writing before the day .560; sentences naming that day only
.562; share naming the query .556; a publication burst's onset .560, a quiet
week before .563, articles of the week after less the week before .561;
mentions per article published around .549; neighbour days (before, after, the
excess over the larger) .554-.564; sources whose sentences about the day match
another source's (cosine over .2, .3, .5) .552-.562; sources weighted by their
article's cosine to the pile's centroid .554-.563; percentiles for z-scores
.556; squares .549; ridge 0.1-100 .556-.561; logistic regression over 29
features .539-.555; gradient boosting .513-.518; forward selection among 19 new
features inside the cross-validation .561; skipping a day whose best sentence
retells a better day's (cosine over .35, .5, .7) .537-.557. The ranker's room
(``bench/eval_timelines.py --ceiling``): 93% of gold dates are mentioned, but
weights fitted on each timeline's own answers reach only .579. Sentences:
target 15 or 25 words .1286/.1255, length penalty .02/.1 .1269/.1256, at most
35 words .1246, MMR .5/.7 .1246/.1260, 3 or 8 lead sentences .1233/.1282, lead
lag 0 or 2 days .1182/.1270, a bonus for a sentence printed 7+ days after its
day .1283-.1295 (but .1273 with the bonus chosen leave-one-topic-out), a
penalty on log support .1290: none kept.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..terms import STOPWORDS
from .sentences import Sentence

FEATURES = ("docs", "relative", "pub_days", "before")


@dataclass(slots=True, frozen=True)
class DateFeatures:
    day: date
    values: tuple[float, ...]  # in the order of FEATURES, log1p then standardised within the pile (z-scores)


def date_features(sents: list[Sentence], start: date | None = None, end: date | None = None) -> list[DateFeatures]:
    """Salience of every day mentioned, counted over independent sources (a copy adds nothing).

    docs: sources mentioning the day; relative: sources mentioning it relative to their own date
    ("on Monday", "20 April"), the way news reports what just happened; pub_days: distinct
    publication days on which it is mentioned (a day still talked about later mattered); before:
    sources published after the day that mention it (looking back at it).
    """
    docs, relative, pub_days, before = defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set)
    for s in sents:
        for m in s.mentions:
            if m.granularity != "day":
                continue
            d = m.value
            if (start is not None and d < start) or (end is not None and d > end):
                continue
            docs[d].add(s.root)
            if m.relative:
                relative[d].add(s.root)
            if s.published is not None:
                pub_days[d].add(s.published)
                if s.published > d:
                    before[d].add(s.root)
    days = sorted(docs)
    raw = [tuple(math.log1p(len(c[d])) for c in (docs, relative, pub_days, before)) for d in days]
    cols = list(zip(*raw)) if raw else []
    stats = []
    for col in cols:
        mean = sum(col) / len(col)
        sd = math.sqrt(sum((x - mean) ** 2 for x in col) / len(col)) or 1.0
        stats.append((mean, sd))
    return [DateFeatures(d, tuple((x - m) / sd for x, (m, sd) in zip(r, stats))) for d, r in zip(days, raw)]


def rank_dates(features: list[DateFeatures], weights: tuple[float, ...]) -> list[tuple[date, float]]:
    """Days by descending score (ties: earlier first); ``weights`` over FEATURES, then the intercept."""
    if len(weights) != len(FEATURES) + 1:
        raise ValueError(f"date weights need {len(FEATURES) + 1} values ({', '.join(FEATURES)}, intercept)")
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
    citations: list[str]  # every article printing it, the one it was taken from first


def candidates_by_date(sents: list[Sentence], days: set[date], lead: int = 5, pub_lag: int = 1
                       ) -> dict[date, list[Sentence]]:
    """For each day: the sentences mentioning it, then the leads (first ``lead`` sentences mentioning no day)
    of articles published on it or up to ``pub_lag`` days after. Copies are included: they add citations."""
    ment: dict[date, list[Sentence]] = defaultdict(list)
    pub: dict[date, list[Sentence]] = defaultdict(list)
    for s in sents:
        mentioned = s.days
        for d in mentioned & days:
            ment[d].append(s)
        if not mentioned and s.index < lead and s.published is not None:
            for k in range(pub_lag + 1):
                d = s.published - timedelta(days=k)
                if d in days:
                    pub[d].append(s)
    return {d: ment[d] + pub[d] for d in days}


def summarise_date(cands: list[Sentence], k: int, idf: dict[str, float], query: set[str], min_words: int = 5,
                   max_words: int = 50, target_words: int = 20, length_penalty: float = 0.05,
                   mmr: float = 0.6, told: list[dict[str, float]] | None = None,
                   repeat_penalty: float = 0.0) -> list[Pick]:
    """Up to ``k`` sentences for one date: centroid similarity and length; query words filter; MMR against repeats.

    The centroid is taken over every candidate (copies and sentences too long or short to pick included:
    what the sources repeat about the day is what matters) before the query filter. A sentence that
    mentions several days is not about this one alone and is never picked. ``told`` holds the vectors of
    the sentences other dates already picked: a candidate loses ``repeat_penalty`` times its highest
    cosine with them, and the picks are appended to it.
    """
    printed: dict[str, list[Sentence]] = defaultdict(list)
    pool: dict[str, Sentence] = {}
    vecs: dict[str, dict[str, float]] = {}
    every: list[dict[str, float]] = []
    for s in cands:
        key = s.key
        if key not in vecs:
            vecs[key] = tfidf_vector(s.words, idf)
        every.append(vecs[key])
        printed[key].append(s)
        n = len(s.text.split())
        if min_words <= n <= max_words and not s.text.endswith("?") and len(s.days) <= 1:
            if s.article == s.root and key not in pool:
                pool[key] = s  # an original speaks for its copies
    if query:  # like DATEWISE's keyword filter: keep sentences naming the query, unless none does
        hits = {key: s for key, s in pool.items() if query & set(_WORDS.findall(s.text.lower()))}
        pool = hits or pool
    if not pool:
        return []
    keys = list(pool)
    centre = centroid(every)
    norm = math.sqrt(sum(x * x for x in centre.values())) or 1.0
    centre = {w: x / norm for w, x in centre.items()}
    base, support = {}, {}
    for key in keys:
        text = pool[key].text
        support[key] = len({s.root for s in printed[key]})
        off = abs(math.log(len(text.split()) / target_words))
        base[key] = cosine(vecs[key], centre) - length_penalty * off
        if told and repeat_penalty:
            base[key] -= repeat_penalty * max(cosine(vecs[key], v) for v in told)
    chosen: list[str] = []
    while len(chosen) < min(k, len(keys)):
        best, best_score = None, -1e9
        for key in keys:
            if key in chosen:
                continue
            redundancy = max((cosine(vecs[key], vecs[c]) for c in chosen), default=0.0)
            score = mmr * base[key] - (1 - mmr) * redundancy
            if score > best_score:
                best, best_score = key, score
        chosen.append(best)
    out = []
    for key in chosen:
        s = pool[key]
        if told is not None:
            told.append(vecs[key])
        cites = [s.article] + [o.article for o in printed[key] if o.article != s.article]
        out.append(Pick(s, base[key], support[key], list(dict.fromkeys(cites))))
    return out
