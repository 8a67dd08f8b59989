from datetime import date, timedelta

from newsdesk.cluster import ClusterState, assign_clusters
from newsdesk.records import Article
from newsdesk.settings import Settings

DAM = ["dam collapse Aldmoor floodwater rescue helicopters Tessel valley embankment victims",
       "Aldmoor dam failure toll rises as Tessel valley rescue crews search floodwater",
       "embankment dam Aldmoor Tessel floodwater survivors rescue teams valley"]
CUP = ["Kessing Rovers win cup final against Varholm United after penalty shootout goalkeeper",
       "Rovers goalkeeper saves three penalties as Kessing lift the cup against Varholm"]


def art(i, text, d):
    return Article(id=f"a{i:04d}", source=str(i), fmt="txt", title=text[:40], text=" ".join([text] * 3), published=d)


def test_events_group_the_same_happening_and_explain_themselves():
    d0 = date(2024, 4, 15)
    arts = [art(i, t, d0 + timedelta(days=i % 2)) for i, t in enumerate(DAM)]
    arts += [art(10 + i, t, d0) for i, t in enumerate(CUP)]
    state = ClusterState()
    res = assign_clusters(arts, state, Settings())
    ev = {a.id: res.assignments[a.id][0] for a in arts}
    assert len({ev[a.id] for a in arts[:3]}) == 1
    assert len({ev[a.id] for a in arts[3:]}) == 1
    assert ev["a0000"] != ev["a0010"]
    joined = [e for e in res.explanations.values() if e["reason"] == "joined event"]
    assert joined and all(e["similarity"] >= Settings().event_threshold for e in joined)
    assert any("aldmoor" in e["shared_terms"] for e in joined)


def test_same_words_months_apart_make_a_new_event():
    a = art(1, DAM[0], date(2024, 4, 15))
    b = art(2, DAM[1], date(2024, 9, 1))
    res = assign_clusters([a, b], ClusterState(), Settings())
    assert res.assignments[a.id][0] != res.assignments[b.id][0]


def test_ids_are_stable_whatever_the_batch_split():
    arts = [art(i, t, date(2024, 4, 15)) for i, t in enumerate(DAM + CUP)]
    one = assign_clusters(arts, ClusterState(), Settings()).assignments
    state = ClusterState()
    two = dict(assign_clusters(arts[:2], state, Settings()).assignments)
    two.update(assign_clusters(arts[2:], state, Settings()).assignments)
    assert one == two
