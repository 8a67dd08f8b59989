"""A short extractive briefing of a story, every sentence cited and every citation checked.

Sentences are drawn from the first paragraphs of the original articles (copies
speak through their original), ranked by similarity to the story's centroid
and by how many independent outlets print the same or a similar sentence, and
picked with maximal marginal relevance so the briefing does not repeat itself.
Each sentence cites the article it was taken from and the articles that
support it; a citation is ``checked`` only when the cited article's own text
contains the sentence's content words (token containment at or above
``min_containment`` within one of its sentences, or two adjacent ones).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..records import Article
from .select import centroid, cosine, idf_weights, tfidf_vector, query_words
from .sentences import Sentence, article_sentences, content_words, split_sentences


@dataclass(slots=True)
class Citation:
    article: str
    containment: float  # share of the sentence's content words found in one passage of the article
    checked: bool


@dataclass(slots=True)
class BriefSentence:
    text: str
    citations: list[Citation]
    support: int  # independent sources printing this sentence or a close paraphrase (copies count once)

    @property
    def checked(self) -> bool:
        return bool(self.citations) and self.citations[0].checked


@dataclass(slots=True)
class Briefing:
    sentences: list[BriefSentence] = field(default_factory=list)
    articles: int = 0
    outlets: int = 0

    def as_dict(self) -> dict:
        return {"articles": self.articles, "outlets": self.outlets, "sentences": [
            {"text": s.text, "support": s.support, "checked": s.checked,
             "citations": [{"article": c.article, "checked": c.checked, "containment": c.containment}
                           for c in s.citations]} for s in self.sentences]}


def containment(sentence: str, text: str) -> float:
    """Largest share of ``sentence``'s content words inside one sentence (or two adjacent ones) of ``text``."""
    want = set(content_words(sentence))
    if not want:
        return 1.0 if sentence.strip() and sentence.strip() in text else 0.0
    if sentence.strip() in text:
        return 1.0
    parts = [set(content_words(s)) for _, s in split_sentences(text)]
    best = 0
    for i, p in enumerate(parts):
        best = max(best, len(want & p), len(want & (p | parts[i + 1])) if i + 1 < len(parts) else 0)
    return best / len(want)


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a & b) >= 0.6 * min(len(a), len(b)) and len(a & b) >= 4


def build_briefing(articles: list[Article], n_sentences: int = 5, query: str | None = None, lead: int = 6,
                   min_containment: float = 0.8, max_candidates: int = 300) -> Briefing:
    """Up to ``n_sentences`` cited sentences summing up ``articles`` (one story, or a query's hits)."""
    by_id = {a.id: a for a in articles}
    sents = article_sentences(articles)
    idf = idf_weights(sents)
    pool: dict[str, Sentence] = {}
    for s in sents:
        if s.article == s.root and s.index < lead and 6 <= len(s.text.split()) <= 45 and not s.text.endswith("?"):
            pool.setdefault(s.key, s)
    if not pool:
        return Briefing([], len(articles), len({a.outlet for a in articles}))
    vecs = {k: tfidf_vector(s.words, idf) for k, s in pool.items()}
    centre = centroid(list(vecs.values()))
    q = query_words(query)
    first = sorted(pool, key=lambda k: -(cosine(vecs[k], centre) + (0.3 * len(set(pool[k].text.lower().split()) & q) / len(q) if q else 0)))
    first = first[:max_candidates]
    # Support: other independent sources with the same or a similar sentence (word postings over rarer words).
    postings: dict[str, list[Sentence]] = defaultdict(list)
    for s in sents:
        if s.index < lead * 2:
            for w in set(s.words):
                postings[w].append(s)
    supporters: dict[str, list[Sentence]] = {}
    for k in first:
        s, words = pool[k], set(pool[k].words)
        rare = sorted(words, key=lambda w: (-idf.get(w, 0), w))[:4]  # ties by the word: sets have no order
        found: dict[str, Sentence] = {}
        for w in rare:
            for other in postings[w]:
                if other.root != s.root and other.article not in found and _similar(words, set(other.words)):
                    found[other.article] = other
        supporters[k] = list(found.values())

    def outlets(k: str) -> int:  # independent sources: a copy and its original count once
        return len({pool[k].root} | {o.root for o in supporters[k]})

    base = {k: cosine(vecs[k], centre) * (1.0 + 0.25 * math.log(outlets(k))) for k in first}
    chosen: list[str] = []
    while len(chosen) < min(n_sentences, len(first)):
        best = max((k for k in first if k not in chosen),
                   key=lambda k: 0.6 * base[k] - 0.4 * max((cosine(vecs[k], vecs[c]) for c in chosen), default=0.0))
        chosen.append(best)
    chosen.sort(key=lambda k: (pool[k].published is None, pool[k].published, pool[k].index))
    out = []
    for k in chosen:
        s = pool[k]
        cited = [s.article] + [o.article for o in supporters[k]]
        citations = []
        for aid in dict.fromkeys(cited):
            c = round(containment(s.text, by_id[aid].text), 3)
            citations.append(Citation(aid, c, c >= min_containment))
        out.append(BriefSentence(s.text, citations, outlets(k)))
    return Briefing(out, len(articles), len({a.outlet for a in articles if a.outlet}))
