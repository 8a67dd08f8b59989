"""Stories over weeks and months: a quiet story re-opened by a close match, names that agree."""

from datetime import date, timedelta

from newsdesk.cluster import ClusterState, assign_clusters
from newsdesk.records import Article
from newsdesk.settings import Settings

DEATH = ["Singer Ansel Morrow died at his Varnholt home, and police questioned his doctor Tove Lindqvist "
         "about the sedative found beside the bed",
         "Fans gathered outside the Varnholt home of Ansel Morrow as investigators asked doctor Tove Lindqvist "
         "about the sedative the singer was given",
         "Coroner says Ansel Morrow died of a sedative overdose; doctor Tove Lindqvist had treated the singer "
         "at his Varnholt home"]
TRIAL = ("The trial of doctor Tove Lindqvist over the death of singer Ansel Morrow opened in Varnholt, "
         "with prosecutors blaming the sedative she gave him at his home")
HARVEST = ("Farmers near Varnholt began the grape harvest early after a dry summer, and cooperative "
           "managers expect a small but sweet vintage; pickers from the hill villages were hired at higher "
           "wages and the wine festival moves forward a fortnight")


def art(i, text, d):
    return Article(id=f"a{i:04d}", source=str(i), fmt="txt", title=text[:40], text=" ".join([text] * 3), published=d)


def _story(state, a):
    return state.resolve(state.article_event[a.id][1])


def _run(arts, s):
    state = ClusterState()
    res = {}
    for a in arts:  # one at a time, as a desk receives them
        res.update(assign_clusters([a], state, s).explanations)
    return state, res


def test_a_story_quiet_for_months_is_reopened_by_a_close_match():
    d0 = date(2009, 6, 25)
    death = [art(i, t, d0 + timedelta(days=i)) for i, t in enumerate(DEATH)]
    trial = art(10, TRIAL, d0 + timedelta(days=200))  # past the 120-day story window
    state, why = _run(death + [trial], Settings())
    assert _story(state, trial) == _story(state, death[0])
    assert why[trial.id]["story_reason"].startswith("joined story: re-opened after")
    off, _ = _run(death + [trial], Settings(story_revive_threshold=1.0))
    assert _story(off, trial) != _story(off, death[0])


def test_a_loose_resemblance_does_not_reopen_a_quiet_story():
    d0 = date(2009, 6, 25)
    death = [art(i, t, d0 + timedelta(days=i)) for i, t in enumerate(DEATH)]
    harvest = art(11, HARVEST, d0 + timedelta(days=200))  # shares the town, nothing else
    state, _ = _run(death + [harvest], Settings())
    assert _story(state, harvest) != _story(state, death[0])


def test_the_longer_the_silence_the_closer_the_match_must_be():
    d0 = date(2009, 6, 25)
    death = [art(i, t, d0 + timedelta(days=i)) for i, t in enumerate(DEATH)]
    s = Settings(story_revive_threshold=0.3)
    soon, _ = _run(death + [art(10, TRIAL, d0 + timedelta(days=130))], s)
    years, _ = _run(death + [art(10, TRIAL, d0 + timedelta(days=3000))], s)
    assert _story(soon, art(10, TRIAL, None)) == _story(soon, death[0])
    assert _story(years, art(10, TRIAL, None)) != _story(years, death[0])


STRIKE = "Teachers in Vessholm walked out over pay as the union rejected the education ministry offer"
ELECTION = "Voters in Vessholm elect a new mayor after a campaign fought over bus fares and housing"
STRIKE_LATER = "Teachers in Vessholm stay out as Lena Ostrova of the union rejects another offer"
ORG = "Lena Ostrova says talks with the education ministry will resume next week"


def test_a_lone_shared_place_does_not_join_a_story_below_its_threshold():
    # only the names route can join here (story threshold 0.9); one shared one-word place is not enough,
    # one shared person is
    d0 = date(2024, 4, 22)
    strict = Settings(story_threshold=0.9, story_merge_threshold=1.0, story_names_floor=0.0)
    strike, election = art(1, STRIKE, d0), art(2, ELECTION, d0 + timedelta(days=2))
    state, why = _run([strike, election], strict)
    assert _story(state, election) != _story(state, strike)
    loose, _ = _run([strike, election], Settings(story_threshold=0.9, story_merge_threshold=1.0,
                                                 story_names_floor=0.0, story_names_min_shared=1))
    assert _story(loose, election) == _story(loose, strike)
    later, org = art(3, STRIKE_LATER, d0 + timedelta(days=3)), art(4, ORG, d0 + timedelta(days=4))
    state, why = _run([later, org], strict)
    assert _story(state, org) == _story(state, later)
    assert why[org.id]["story_reason"].startswith("joined story: names agree")
