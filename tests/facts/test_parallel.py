"""The facts stage in worker processes finds what one process finds, names and speakers included."""

from newsdesk.facts import extract_facts
from newsdesk.facts.gazetteer import Gazetteer
from newsdesk.facts.nlp import load_nlp
from newsdesk.facts.parallel import extract_facts_parallel
from newsdesk.records import Article
from tests.conftest import CORPUS


def _rows(facts):
    return (sorted((m.article, m.start, m.canonical) for m in facts.mentions),
            sorted((q.article, q.start, q.end, q.speaker) for q in facts.quotes),
            sorted((f.article, f.start, f.kind, f.value) for f in facts.figures))


def test_two_workers_match_one_process():
    files = sorted(CORPUS.rglob("*.txt"))[:20]
    articles = [Article(id=f"a{i}", source=str(p), fmt="txt", text=p.read_text(encoding="utf-8"))
                for i, p in enumerate(files)]
    one = extract_facts(articles, load_nlp("ner"), {}, Gazetteer())
    known: dict[str, str] = {}
    merged = None
    for _, facts in extract_facts_parallel(articles, 2, known, Gazetteer(), chunk=4):
        if merged is None:
            merged = facts
        else:
            merged.mentions += facts.mentions
            merged.quotes += facts.quotes
            merged.figures += facts.figures
    assert _rows(merged) == _rows(one)
    assert any(q.speaker for q in merged.quotes)


def test_small_tasks_come_back_as_whole_chunks_in_order():
    files = sorted(CORPUS.rglob("*.txt"))  # 23 articles: tasks of 8, commits of 16
    articles = [Article(id=f"a{i}", source=str(p), fmt="txt", text=p.read_text(encoding="utf-8"))
                for i, p in enumerate(files)]
    parts = [part for part, _facts in extract_facts_parallel(articles, 2, {}, Gazetteer(), chunk=16)]
    assert len(articles) > 16 and [len(p) for p in parts] == [16, len(articles) - 16]
    assert [a.id for p in parts for a in p] == [a.id for a in articles]
