"""Per story, what the report shows besides its articles (``story_facts``): its timeline,
briefing, figure ledger, quotes by speaker and figures by kind, each list capped with a
count of the rest; and the figure ledger of one story or the whole desk (``desk_ledger``)."""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from ..attribution import name_pronoun_speakers
from ..facts.records import Figure, Quote
from ..ledger import LedgerArticle, Series, build_ledger
from ..records import Article
from ..store import SQLiteStore
from ..timeline import Briefing, TimelineEntry, build_briefing, build_timeline
from .desk import StoryView


@dataclass(slots=True, frozen=True)
class FactLimits:
    """How much of each list a story shows; what is cut is counted, never silently dropped."""

    dates: int = 8  # timeline dates
    per_date: int = 2  # sentences per timeline date
    brief: int = 5  # briefing sentences
    series: int = 6  # figure-ledger series (most sources first)
    points: int = 25  # rows of a series' points table: those of its findings, best and latest per source first
    speakers: int = 10  # speakers (most quoted first)
    quotes_per_speaker: int = 4
    kinds: int = 8  # figure kinds (most figures first)
    figures_per_kind: int = 8


@dataclass(slots=True)
class QuoteView:
    quote: Quote  # as the earliest article printed it
    articles: list[str]  # every article printing the same words for the same speaker (copies included)


@dataclass(slots=True)
class SpeakerView:
    speaker: str | None  # canonical name; None gathers the quotes whose speaker was not resolved
    quotes: list[QuoteView]  # the first few
    total: int  # distinct quotes of this speaker in the story


@dataclass(slots=True)
class FigureView:
    figure: Figure
    articles: list[str]  # every article printing the same figure in the same sentence


@dataclass(slots=True)
class KindView:
    kind: str
    figures: list[FigureView]  # the first few, in publication order
    total: int


@dataclass(slots=True)
class StoryFacts:
    """What the report shows of one story besides its articles; ``*_total`` count what the caps hide."""

    story: str
    timeline: list[TimelineEntry]
    briefing: Briefing
    series: list[Series]
    series_total: int
    rows: list[list[int]]  # per shown series, the indices of the points given a row (with their sentence)
    speakers: list[SpeakerView]
    speakers_total: int  # resolved speakers
    unresolved: SpeakerView | None
    quotes_total: int
    kinds: list[KindView]
    kinds_total: int
    figures_total: int
    named: dict[str, str] = field(default_factory=dict)  # timeline/briefing sentence -> with "[Name]" after "he"/"she"


def ledger_articles(articles: list[Article]) -> dict[str, LedgerArticle]:
    """What the figure ledger needs of each article."""
    return {a.id: LedgerArticle(a.id, a.outlet, a.published.isoformat() if a.published else None, a.copy_of, a.title)
            for a in articles}


def desk_ledger(store: SQLiteStore, story: str | None = None, kind: str | None = None) -> list[tuple[str, Series]]:
    """(story id, series) of one story's figure ledger or of every story's (largest story first, then most
    sources first); only the series of ``kind`` if given (built from all figures: wholes explain parts)."""
    arts = list(store.articles("story = ?", (story,)) if story else store.articles())
    story_of = {a.id: a.story for a in arts}
    figures: dict[str, list[Figure]] = {}
    for f in store.figures("a.story = ?", (story,)) if story else store.figures():
        if story_of.get(f.article):
            figures.setdefault(story_of[f.article], []).append(f)
    size = Counter(a.story for a in arts)
    known = ledger_articles(arts)
    order = sorted(figures, key=lambda x: (-size[x], x))
    return [(sid, ser) for sid in order for ser in build_ledger(figures[sid], known) if kind in (None, ser.key[0])]


def series_record(series: Series, story: str | None = None) -> dict:
    """One series as a JSON-able record (``newsdesk ledger --json``, ledger.jsonl): points and findings."""
    kind, subject, unit, scope = series.key
    return {"story": story, "series": series.id, "label": series.label, "kind": kind, "subject": subject,
            "unit": unit, "scope": scope, "sources": series.sources, "best": series.best,
            "points": [{**asdict(p), "flags": p.flags} for p in series.points],
            "findings": [asdict(f) for f in series.findings]}


def key_points(series: Series, limit: int) -> list[int]:
    """Up to ``limit`` point indices, in point order: those of findings, the best and each source's latest first."""
    first = [i for f in series.findings for i in (f.a, f.b)] + [series.best] + list(series.latest.values())
    pick = list(dict.fromkeys(i for i in first if i is not None))[:limit]
    pick += [i for i in range(len(series.points)) if i not in pick][: limit - len(pick)]
    return sorted(pick)


def _speakers(quotes: list[Quote], limits: FactLimits) -> tuple[list[SpeakerView], int, SpeakerView | None, int]:
    distinct: dict[tuple[str | None, str], QuoteView] = {}
    for q in quotes:
        key = (q.speaker, " ".join(q.text.lower().split()))
        if key in distinct:
            if q.article not in distinct[key].articles:
                distinct[key].articles.append(q.article)
        else:
            distinct[key] = QuoteView(q, [q.article])
    by: dict[str | None, list[QuoteView]] = {}
    for (speaker, _), qv in distinct.items():
        by.setdefault(speaker, []).append(qv)
    named = sorted((s for s in by if s is not None), key=lambda s: (-len(by[s]), s))
    views = [SpeakerView(s, by[s][: limits.quotes_per_speaker], len(by[s])) for s in named[: limits.speakers]]
    none = by.get(None)
    unresolved = SpeakerView(None, none[: limits.quotes_per_speaker], len(none)) if none else None
    return views, len(named), unresolved, len(distinct)


def _kinds(figures: list[Figure], limits: FactLimits) -> tuple[list[KindView], int, int]:
    distinct: dict[tuple[str, str, str], FigureView] = {}
    for f in figures:
        key = (f.kind, f.text, f.sentence)
        if key in distinct:
            if f.article not in distinct[key].articles:
                distinct[key].articles.append(f.article)
        else:
            distinct[key] = FigureView(f, [f.article])
    by: dict[str, list[FigureView]] = {}
    for fv in distinct.values():
        by.setdefault(fv.figure.kind, []).append(fv)
    kinds = sorted(by, key=lambda k: (k == "other", -len(by[k]), k))
    views = [KindView(k, by[k][: limits.figures_per_kind], len(by[k])) for k in kinds[: limits.kinds]]
    return views, len(kinds), len(distinct)


def tell_story(articles: list[Article], limits: FactLimits = FactLimits()) -> tuple[list[TimelineEntry], Briefing]:
    """A story's timeline and briefing (the costly part of its facts: both read every sentence)."""
    return build_timeline(articles, limits.dates, limits.per_date), build_briefing(articles, limits.brief)


def _tell_all(stories: list[StoryView], limits: FactLimits, workers: int | None):
    if workers is None:  # processes pay off on a big desk only
        workers = min(os.cpu_count() or 1, 4) if sum(len(s.articles) for s in stories) >= 1000 else 1
    jobs = [s.articles for s in stories]
    if workers <= 1 or len(jobs) < 2:
        return [tell_story(arts, limits) for arts in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i]))  # the biggest first, so the workers end together
    with ProcessPoolExecutor(workers) as pool:
        told = pool.map(tell_story, [jobs[i] for i in order], [limits] * len(jobs), chunksize=4)
        by_index = dict(zip(order, told))
    return [by_index[i] for i in range(len(jobs))]


def _named(timeline: list[TimelineEntry], briefing: Briefing, quotes: list[Quote],
           articles: list[Article]) -> dict[str, str]:
    """The shown sentences whose pronoun speakers the facts stage resolved, with the names added."""
    by_article: dict[str, list[Quote]] = {}
    for q in quotes:
        by_article.setdefault(q.article, []).append(q)
    texts = {a.id: a.text for a in articles}
    shown = [(t.text, t.citations) for e in timeline for t in e.sentences]
    shown += [(b.text, [c.article for c in b.citations]) for b in briefing.sentences]
    named = {text: name_pronoun_speakers(text, cites, by_article, texts) for text, cites in shown}
    return {text: n for text, n in named.items() if n != text}


def story_facts(store: SQLiteStore, stories: list[StoryView], limits: FactLimits = FactLimits(),
                workers: int | None = None) -> dict[str, StoryFacts]:
    """Timeline, briefing, figure ledger, quotes by speaker and figures by kind of each story, capped by ``limits``.

    Timelines and briefings are told in ``workers`` processes (default: the cores, up to 4, on a desk of 1,000
    articles or more; else in this process); the result does not depend on it.
    """
    story_of = {a.id: s.group.id for s in stories for a in s.articles}
    quotes: dict[str, list[Quote]] = {}
    for q in store.quotes():
        quotes.setdefault(story_of.get(q.article, ""), []).append(q)
    figures: dict[str, list[Figure]] = {}
    for f in store.figures():
        figures.setdefault(story_of.get(f.article, ""), []).append(f)
    out = {}
    for s, (timeline, briefing) in zip(stories, _tell_all(stories, limits, workers)):
        sid, arts = s.group.id, s.articles
        figs = figures.get(sid, [])
        series = build_ledger(figs, ledger_articles(arts)) if figs else []
        speakers, n_speakers, unresolved, n_quotes = _speakers(quotes.get(sid, []), limits)
        kinds, n_kinds, n_figures = _kinds(figs, limits)
        shown = series[: limits.series]
        rows = [key_points(x, limits.points) for x in shown]
        out[sid] = StoryFacts(sid, timeline, briefing, shown, len(series), rows, speakers, n_speakers,
                              unresolved, n_quotes, kinds, n_kinds, n_figures,
                              _named(timeline, briefing, quotes.get(sid, []), arts))
    return out
