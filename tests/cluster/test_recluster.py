"""Re-clustering a story's recent articles: ids survive, merges redirect, splits remember their origin."""

from datetime import date

from newsdesk.cluster import ClusterState, assign_clusters
from newsdesk.cluster.recluster import average_linkage, recluster
from newsdesk.cluster.state import article_features, day
from newsdesk.records import Article, Group
from newsdesk.settings import Settings

import numpy as np

QUAKE_A = ["A magnitude 6.1 earthquake struck Varnholt province on Monday, killing 12 people in the town of Edrin.",
           "The 6.1 quake near Edrin in Varnholt province left 12 dead, officials in Varnholt said.",
           "Rescuers in Edrin searched collapsed homes after the Varnholt earthquake of magnitude 6.1 killed 12."]
QUAKE_B = ["A magnitude 7.4 earthquake hit Lusaro island, killing 340 people around the port of Maddeq.",
           "The 7.4 quake on Lusaro island killed 340, and Maddeq port lay in ruins, Lusaro officials said.",
           "Survivors in Maddeq on Lusaro island counted 340 dead after the 7.4 earthquake."]
D0 = date(2024, 3, 4)


def art(i, text):
    return Article(id=f"a{i:04d}", source=str(i), fmt="txt", title=text[:40], text=" ".join([text] * 3), published=D0)


def _state_with(groups: dict[str, list[Article]], story="s1") -> ClusterState:
    """A story whose articles sit in the given events (as an earlier, worse decision left them)."""
    state = ClusterState()
    state.add_story(Group(story, "story", "quakes", [], D0, D0), {})
    for ev, arts in groups.items():
        state.add_event(Group(ev, "event", arts[0].title, [], D0, D0, story), {})
        for a in arts:
            state.features[a.id] = article_features(a, 1500)
            state.place(a.id, ev, story, day(D0))
            state.sizes[ev] += 1
    return state


def test_average_linkage_joins_while_the_mean_similarity_holds():
    sim = np.array([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]])
    assert average_linkage(sim, 0.5) == [[0, 1], [2]]
    assert average_linkage(sim, 0.1) == [[0, 1, 2]]


def test_an_event_split_in_two_is_merged_and_the_bigger_id_survives():
    a = [art(i, t) for i, t in enumerate(QUAKE_A)]
    state = _state_with({"e-big": a[:2], "e-small": a[2:]})
    out = recluster(state, "s1", state.window("s1", day(D0), 5, 150), Settings())
    assert {state.article_event[x.id][0] for x in a} == {"e-big"}
    assert out.merges == [("e-small", "e-big", "event")]
    assert state.resolve("e-small") == "e-big" and "e-small" not in state.events
    assert out.moved == [a[2].id]


def test_two_events_in_one_are_split_and_the_new_one_records_its_origin():
    a = [art(i, t) for i, t in enumerate(QUAKE_A)]
    b = [art(10 + i, t) for i, t in enumerate(QUAKE_B)]
    state = _state_with({"e-one": a + b})
    out = recluster(state, "s1", state.window("s1", day(D0), 5, 150), Settings())
    ev_a = {state.article_event[x.id][0] for x in a}
    ev_b = {state.article_event[x.id][0] for x in b}
    assert len(ev_a) == 1 and len(ev_b) == 1 and ev_a != ev_b
    assert "e-one" in ev_a | ev_b  # the old id stays with one of them
    new = (ev_a | ev_b) - {"e-one"}
    assert out.splits == [(new.pop(), "e-one", "event")]


def test_one_at_a_time_or_in_one_batch_gives_the_same_events():
    arts = [art(i, t) for i, t in enumerate(QUAKE_A)] + [art(10 + i, t) for i, t in enumerate(QUAKE_B)]
    batch = assign_clusters(arts, ClusterState(), Settings()).assignments
    state, single = ClusterState(), {}
    for x in arts:
        single.update(assign_clusters([x], state, Settings()).assignments)
    single = {k: (state.resolve(e), state.resolve(s)) for k, (e, s) in single.items()}
    assert single == batch


def test_moved_articles_are_explained_again():
    arts = [art(i, t) for i, t in enumerate(QUAKE_A)] + [art(10 + i, t) for i, t in enumerate(QUAKE_B)]
    res = assign_clusters(arts, ClusterState(), Settings())
    for aid, (ev, st) in res.assignments.items():
        why = res.explanations[aid]
        assert why["event"] == ev and why["story"] == st
        assert why["reason"] in {"joined event", "new event", "moved when its story was re-clustered"}


def test_two_established_groups_need_more_than_the_join_threshold_to_merge():
    # two tight groups of five whose articles are 0.07 alike across groups
    sim = np.full((10, 10), 0.07)
    sim[:5, :5] = sim[5:, 5:] = 0.3
    assert average_linkage(sim, 0.06) == [list(range(10))]
    assert average_linkage(sim, 0.06, 0.075, 5) == [list(range(5)), list(range(5, 10))]
    # a stray article still joins a group at the plain threshold
    stray = np.full((6, 6), 0.3)
    stray[5, :5] = stray[:5, 5] = 0.07
    assert average_linkage(stray, 0.06, 0.075, 5) == [list(range(6))]


def test_one_or_two_articles_worded_their_own_way_join_an_established_event():
    sim = np.full((7, 7), 0.3)
    sim[5:, :5] = sim[:5, 5:] = 0.035  # two reports that share little wording with the five
    assert average_linkage(sim, 0.06) == [list(range(5)), [5, 6]]
    assert average_linkage(sim, 0.06, 0.075, 5, 0.03, 2) == [list(range(7))]
    # but not two small groups with each other, nor a third article
    small = np.full((3, 3), 0.035)
    assert average_linkage(small, 0.06, 0.075, 5, 0.03, 2) == [[0], [1], [2]]
