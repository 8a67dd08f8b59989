"""Timelines and briefings told back from a pile of articles, every sentence cited.

``build_timeline`` picks the dates that matter and, for each, the sentences
that say what happened (extractive, DATEWISE-like); ``build_briefing`` writes a
short extractive summary whose citations are checked against the cited text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..records import Article
from ..settings import Settings
from .brief import Briefing, BriefSentence, Citation, build_briefing
from .select import candidates_by_date, date_features, idf_weights, query_words, rank_dates, summarise_date
from .sentences import Sentence, article_sentences

__all__ = ["TimelineEntry", "TimelineSentence", "build_timeline", "desk_articles", "timeline_from_sentences",
           "timeline_records", "Briefing", "BriefSentence", "Citation", "build_briefing"]


@dataclass(slots=True)
class TimelineSentence:
    text: str
    citations: list[str]  # article ids printing this sentence; the one it was taken from first
    support: int  # independent sources (copies do not count)


@dataclass(slots=True)
class TimelineEntry:
    date: date
    score: float
    future: bool  # after the latest publication date among the articles
    sentences: list[TimelineSentence] = field(default_factory=list)

    @property
    def citations(self) -> list[str]:
        return list(dict.fromkeys(a for s in self.sentences for a in s.citations))

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


def build_timeline(articles: list[Article], n_dates: int | None = None, per_date: int | None = None,
                   query: str | None = None, start: date | None = None, end: date | None = None,
                   settings: Settings | None = None) -> list[TimelineEntry]:
    """A timeline of at most ``n_dates`` dates, each told in at most ``per_date`` cited sentences.

    ``query`` words favour sentences that use them; ``start``/``end`` bound the dates considered.
    Entries come in date order; a date after the latest publication date is marked ``future``.
    Sizes default to ``settings.timeline_dates`` and ``settings.timeline_per_date``.
    """
    settings = settings or Settings()
    latest = max((a.published for a in articles if a.published), default=None)
    return timeline_from_sentences(article_sentences(articles), n_dates, per_date, query, start, end, settings,
                                   latest)


def timeline_from_sentences(sents: list[Sentence], n_dates: int | None = None, per_date: int | None = None,
                            query: str | None = None, start: date | None = None, end: date | None = None,
                            settings: Settings | None = None, latest: date | None = None) -> list[TimelineEntry]:
    """:func:`build_timeline` over sentences already split (benchmarks reuse them across settings)."""
    st = settings or Settings()
    n_dates = st.timeline_dates if n_dates is None else n_dates
    per_date = st.timeline_per_date if per_date is None else per_date
    ranked = rank_dates(date_features(sents, start, end), st.timeline_date_weights)
    q = query_words(query)
    # Summarise the best dates first; a date with no usable sentence gives way to the next one.
    window = ranked[: max(n_dates * 3, n_dates + 10)]
    pools = candidates_by_date(sents, {d for d, _ in window}, st.timeline_lead_sentences, st.timeline_pub_lag)
    idf = idf_weights(list({id(s): s for d, _ in window for s in pools[d]}.values()))  # from the candidates only
    entries: list[TimelineEntry] = []
    told: list[dict[str, float]] = []  # what better-ranked dates already tell
    for d, score in window:
        if len(entries) >= n_dates:
            break
        picks = summarise_date(pools[d], per_date, idf, q, st.timeline_min_words, st.timeline_max_words,
                               st.timeline_target_words, st.timeline_length_penalty, st.timeline_mmr,
                               told, st.timeline_repeat_penalty)
        if picks:
            out = [TimelineSentence(p.sentence.text, p.citations, p.support) for p in picks]
            entries.append(TimelineEntry(d, round(score, 4), bool(latest and d > latest), out))
    entries.sort(key=lambda e: e.date)
    return entries


def timeline_records(entries: list[TimelineEntry], story: str | None = None) -> list[dict]:
    """Rows of timelines.jsonl (export contract v1: story, date, text, citations; plus per-sentence citations)."""
    return [{"story": story, "date": e.date.isoformat(), "text": e.text, "citations": e.citations,
             "future": e.future, "score": e.score,
             "sentences": [{"text": s.text, "citations": s.citations, "support": s.support} for s in e.sentences]}
            for e in entries]


def desk_articles(store, story: str | None = None, query: str | None = None, limit: int = 100_000) -> list[Article]:
    """The articles of a desk a timeline or briefing is built over: all, one story's, a query's hits, or both."""
    if query:
        hits = [a for a, _ in store.search(query, limit)]
        return [a for a in hits if story is None or a.story == story]
    if story:
        return list(store.articles("story=?", (story,)))
    return list(store.articles())
