"""The facts stage over worker processes: the spaCy work spread over cores, names settled in the caller.

Each worker loads its own spaCy pipeline once (the initializer) and reads
chunks of articles with an empty name table, so a worker's names are only
article-local. The caller then settles every mention against the desk's
names in article order (:func:`settle_names`) and renames quote speakers to
match, which gives the same names a single process would.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Iterator

from ..records import Article
from . import Facts, extract_facts
from .entities import NameIndex, canonical_names
from .gazetteer import Gazetteer
from .nlp import load_nlp

_WORKER: dict = {}  # state of a worker process only, set by _init: its spaCy pipeline and gazetteer


def _init(components: str, nlp: Any = None) -> None:
    _WORKER["nlp"], _WORKER["gazetteer"] = nlp if nlp is not None else load_nlp(components), Gazetteer()


def _extract(articles: list[Article]) -> Facts:
    return extract_facts(articles, _WORKER["nlp"], {}, _WORKER["gazetteer"])


def settle_names(facts: Facts, known: dict[str, str], gazetteer: Gazetteer, index: NameIndex | None = None) -> Facts:
    """Give ``facts`` the desk's canonical names (``known`` is updated in place, and ``facts.names`` holds
    the names added), speakers included.

    ``index``: a ``NameIndex`` of ``known`` kept from chunk to chunk (built when omitted)."""
    index = index if index is not None and index.known is known else NameIndex(known)
    by_article: dict[str, list] = {}
    for m in facts.mentions:
        by_article.setdefault(m.article, []).append(m)
    renamed: dict[str, dict[str, str]] = {}
    for article, mentions in by_article.items():
        local = [m.canonical for m in mentions]
        canonical_names(mentions, known, gazetteer, index)
        renamed[article] = {old: m.canonical for old, m in zip(local, mentions) if old != m.canonical}
    for q in facts.quotes:
        q.speaker = renamed.get(q.article, {}).get(q.speaker, q.speaker) if q.speaker else q.speaker
    facts.names = index.take_added()
    return facts


def extract_facts_parallel(articles: list[Article], workers: int, known: dict[str, str], gazetteer: Gazetteer,
                           chunk: int = 16, components: str = "ner",
                           nlp: Any = None) -> Iterator[tuple[list[Article], Facts]]:
    """Facts of ``articles`` chunk by chunk, in order, computed by ``workers`` processes.

    On a small batch the workers take tasks smaller than ``chunk`` (about 16 per worker, at least 8
    articles), so that they finish together instead of one idling while the other reads a last chunk.
    ``nlp``: a pipeline loaded by the caller (``load_nlp(components)``); where processes start by fork,
    the workers inherit it instead of each importing spaCy and loading the model again (about 2 s of CPU
    each); elsewhere each worker loads its own.
    """
    step = max(1, min(chunk, max(8, -(-len(articles) // (16 * workers)))))  # 8: the model reads small batches slower
    tasks = [articles[i : i + step] for i in range(0, len(articles), step)]
    index = NameIndex(known)
    part: list[Article] = []
    facts = Facts()
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init,
                             initargs=(components, nlp if forked else None)) as pool:
        for task, found in zip(tasks, pool.map(_extract, tasks)):
            part += task
            facts.mentions += found.mentions
            facts.quotes += found.quotes
            facts.figures += found.figures
            if len(part) >= chunk or task is tasks[-1]:
                yield part, settle_names(facts, known, gazetteer, index)
                part, facts = [], Facts()
