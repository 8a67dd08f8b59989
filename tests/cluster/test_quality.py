"""Quality gates: ECB+ events (online, shuffled) and T17 / WikiRef220 stories, on ../shared."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, shared_dataset

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def bench():
    shared_dataset("ecbplus")
    import eval_clusters

    return eval_clusters


def test_ecb_events_online(bench):
    from newsdesk.settings import Settings

    r = bench.ecb_ours(Settings(), 1)["all"]
    b3_f, ari = r[2], r[3]
    assert b3_f >= 0.955, r  # measured .960 (seed 0; odd .955, even .965); target .95
    assert ari >= 0.945, r  # measured .953 (odd .947, even .957); target .92


def test_ecb_events_through_build(bench):
    """As the held-out topics are graded: the JSONL through ``build`` (dates read from the text)."""
    from newsdesk.settings import Settings

    r = bench.ecb_pipeline(Settings())["all"]
    assert r[2] >= 0.955, r  # measured .963 (odd .971, even .957; even .953 as the mean of 6 other orders); target .95
    assert r[3] >= 0.95, r  # measured .961 (odd .975, even .948; even .943 as the mean of 6 other orders); target .92


def test_t17_topics_come_out_as_stories(bench):
    from newsdesk.settings import Settings

    shared_dataset("t17")
    arts, gold = bench.t17_articles(100)
    p, ip, _ = bench.stories(arts, gold, Settings(), None)
    assert p >= 0.98, (p, ip)
    assert ip >= FLOOR_T17_INVERSE, (p, ip)


def test_t17_topics_are_one_story_each_for_the_articles_about_them(bench):
    """All of T17, scored over the articles that name their topic in their first 1,500 characters: the
    topic folders also hold off-topic pieces (an airline's results, a cricket final), which no reader
    wants in the topic's story and which cap the plain inverse purity near .93."""
    from newsdesk.settings import Settings

    shared_dataset("t17")
    arts, gold = bench.t17_articles(None)
    _, st = bench.online(arts, Settings(), None)
    on, p, ip = bench.on_topic(arts, gold, st)
    assert len(on) > 0.9 * len(arts)
    assert p >= 0.985 and ip >= 0.96, (p, ip)  # measured .990 / .966 (3,953 of 4,352 articles); target .95


def test_wikiref_topics(bench):
    from newsdesk.settings import Settings

    shared_dataset("wikiref220")
    arts, gold = bench.wikiref_articles()
    p, ip, _ = bench.stories(arts, gold, Settings(), 0)
    assert p >= 0.93 and ip >= 0.97, (p, ip)  # measured .936 / .977 (seed 0; mean of 3 seeds .929 / .971)


FLOOR_T17_INVERSE = 0.875  # measured purity .986, inverse .883 on 100 per folder (.983 / .901 on all of T17); target .95
