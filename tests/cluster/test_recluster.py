"""Re-clustering a story's recent articles: ids survive, merges redirect, splits remember their origin."""

from datetime import date

from newsdesk.cluster import ClusterState, assign_clusters
from newsdesk.cluster.recluster import _split, recluster
from newsdesk.cluster.similarity import average_linkage, term_arrays, tie_copies, year_terms
from newsdesk.cluster.state import article_features, day
from newsdesk.records import Article, Group
from newsdesk.settings import Settings

import numpy as np
import pytest

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
            state.features[a.id] = article_features(a, Settings())
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


def _feats(texts: list[str], published=None):
    state = ClusterState()
    feats = [article_features(Article(id=f"a{i}", source=str(i), fmt="txt", text=t, published=published), Settings())
             for i, t in enumerate(texts)]
    for f in feats:
        term_arrays(f, state)
    return feats


def test_years_the_leads_name_tie_reports_and_different_years_keep_them_apart():
    feats = _feats(["The fire of July 2013 gutted the store.", "Crews fought the 2013 fire at the store.",
                    "The store burned down in 2008.", "The store was closed on Friday."])
    extra = year_terms(feats, 7.0, 0.06, 0.02)
    assert extra[0, 1] > 0.05  # both name 2013, which the others do not
    assert extra[0, 2] == extra[1, 2] == -0.02  # 2013 against 2008
    assert extra[0, 3] == extra[2, 3] == 0.0  # no year: no evidence either way


def test_a_publication_year_all_share_is_no_bonus_but_can_disagree():
    d13, d08 = date(2013, 7, 22), date(2008, 12, 6)
    same = year_terms(_feats(["A store burned.", "The store burned."], d13), 7.0, 0.06, 0.02)
    assert np.all(np.asarray(same) == 0.0)  # every article here was published in 2013: sharing it says nothing
    feats = _feats(["A store burned.", "The store burned."], d13) + _feats(["A store in 2008 burned."], d08)
    extra = year_terms(feats, 7.0, 0.06, 0.02)
    assert extra[0, 2] == -0.02  # 2013 and 2008 are different years
    assert extra[0, 1] == pytest.approx(0.06 / 3)  # 2013 sets the two apart from a third of the window


def test_a_large_event_splits_where_its_halves_differ_once_their_shared_words_stop_counting():
    banstead = [f"Waitrose supermarket fire destroys store in Banstead, Surrey; crews from Surrey at the "
                f"Banstead High Street site, report {i}." for i in range(6)]
    wellington = [f"Waitrose supermarket fire destroys store in Wellington, Somerset; Somerset crews at the "
                  f"Wellington town centre site, report {i}." for i in range(6)]
    feats = _feats(banstead + wellington)
    members = list(range(12))
    sim = np.full((12, 12), 0.2)  # in the story's window the two fires looked like one event
    parts = _split(feats, members, sim, Settings())
    assert parts == [list(range(6)), list(range(6, 12))]
    one = _feats(banstead + [t.replace(str(i), "again") for i, t in enumerate(banstead)])
    assert _split(one, members, sim, Settings()) == [members]  # one fire stays one event


def test_years_are_years_as_written_not_amounts():
    from newsdesk.terms import mentioned_years

    text = "Sept. 9, 2013: 2,000 people lost $2000, a 2013.5 reading; in (1999) and 2008."
    assert mentioned_years(text) == {2013, 1999, 2008}


def test_a_linkage_run_under_another_group_threshold_takes_the_same_steps_unless_a_traced_pair_lies_between():
    """Re-clustering skips the split of a window that is one event when its linkage never weighed two
    large groups between the two thresholds: the split would repeat it step for step (same events)."""
    rng = np.random.default_rng(5)
    same = 0
    for trial in range(300):
        n, k = int(rng.integers(10, 40)), int(rng.integers(1, 4))
        x = rng.random((n, 30)) * 0.5 + np.eye(k)[rng.integers(0, k, n)] @ rng.random((k, 30))
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        sim = np.round((x @ x.T * rng.uniform(0.05, 0.3) - rng.uniform(0, 0.1)) * 200) / 200
        trace: list[float] = []
        first = average_linkage(sim, 0.06, 0.075, 5, 0.04, 2, trace)
        if not any(0.06 <= t < 0.075 for t in trace):
            same += 1
            assert average_linkage(sim, 0.06, 0.06, 5, 0.04, 2) == first
    assert same > 100


def test_a_shared_year_of_publication_counts_where_some_report_is_undated():
    d13 = date(2013, 7, 22)
    feats = _feats(["A store burned.", "The store burned."], d13) + _feats(["A store burned down.", "Fire.", "Smoke."])
    extra = year_terms(feats, 7.0, 0.06, 0.02)
    assert extra[0, 1] == pytest.approx(0.06 * 3 / 5)  # both of 2013, unlike the three undated reports
    assert extra[0, 2] == extra[1, 2] == extra[2, 3] == 0.0  # an unknown year is no evidence either way


def test_a_copy_clustered_on_its_words_is_tied_to_its_source():
    feats = _feats(["Floodwater cut off Brenning.", "Jewels stolen in Ostrava.", "Ostrava jewels raid."])
    feats[2].source = feats[0].aid
    sim = tie_copies(feats, np.zeros((3, 3)))
    assert sim[0, 2] == sim[2, 0] == 1.0 and sim[1, 2] == 0.0
