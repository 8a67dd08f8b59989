from datetime import date, timedelta

from newsdesk.cluster import ClusterState, article_features, assign_clusters
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


QUAKE_A = ["A magnitude 6.1 earthquake struck Varnholt province on Monday, killing 12 people in the town of Edrin.",
           "The 6.1 quake near Edrin in Varnholt province left 12 dead, officials in Varnholt said.",
           "Rescuers in Edrin searched collapsed homes after the Varnholt earthquake of magnitude 6.1 killed 12."]
QUAKE_B = ["A magnitude 7.4 earthquake hit Lusaro island, killing 340 people around the port of Maddeq.",
           "The 7.4 quake on Lusaro island killed 340, and Maddeq port lay in ruins, Lusaro officials said."]


def test_two_similar_events_stay_apart_by_place_and_magnitude():
    d0 = date(2024, 3, 4)
    arts = [art(i, t, d0) for i, t in enumerate(QUAKE_A)] + [art(20 + i, t, d0) for i, t in enumerate(QUAKE_B)]
    res = assign_clusters(arts, ClusterState(), Settings())
    ev = [res.assignments[a.id][0] for a in arts]
    assert len(set(ev[:3])) == 1 and len(set(ev[3:])) == 1 and ev[0] != ev[3]
    why = res.explanations[arts[1].id]
    assert "edrin" in why["shared_names"] or "varnholt" in why["shared_names"]
    assert "6.1" in why["shared_numbers"]
    first_b = res.explanations[arts[3].id]
    assert first_b["reason"] == "new event"
    if "runner_up" in first_b:
        assert "below the threshold" in first_b["runner_up"]["why_not"]


def test_merged_story_redirects_to_its_survivor(tmp_path):
    from newsdesk.store.sqlite import open_store

    d0 = date(2024, 4, 15)
    arts = [art(i, t, d0 + timedelta(days=i)) for i, t in enumerate(DAM)]
    settings = Settings(story_threshold=1.0, story_merge_threshold=0.05, event_threshold=1.0)
    res = assign_clusters(arts, ClusterState(), settings)
    assert res.merges and all(level == "story" for _, _, level in res.merges)
    assert len({st for _, st in res.assignments.values()}) == 1
    with open_store(tmp_path / "desk.db") as store:
        store.save_clusters(res.assignments, res.touched, res.df_increments, res.explanations,
                            res.merges, splits=res.splits)
        old, new, _ = res.merges[0]
        assert store.resolve_group(old) == store.resolve_group(new)
        assert old not in {g.id for g in store.groups("story")}
        first = store.explanation(arts[0].id)
        assert first["story"] == store.resolve_group(old)


def test_an_undated_story_larger_than_its_window_still_places_every_article():
    # undated articles re-cluster among the story's undated ones, at most recluster_max of them:
    # the article being placed is always among them, whatever its id
    s = Settings(recluster_max=3)
    arts = [art(90 + i, DAM[i % 3], None) for i in range(6)]
    state = ClusterState()
    for a in arts:
        res = assign_clusters([a], state, s)
        assert res.explanations[a.id]["event"] == res.assignments[a.id][0]
    assert len({state.resolve(state.article_event[a.id][1]) for a in arts}) == 1


def test_an_article_whose_names_agree_joins_the_story_below_its_threshold():
    d0 = date(2024, 5, 2)
    first = art(1, "Mayor Ilse Varga of Brenholt opened the Tessaly Council session on the harbour budget "
                   "and port dredging contracts", d0)
    later = art(2, "Critics of Ilse Varga said Brenholt and the Tessaly Council had ignored fishermen "
                   "whose boats wait outside", d0 + timedelta(days=3))
    strict = dict(story_threshold=0.9, story_merge_threshold=1.0, story_names_floor=0.01)
    on = assign_clusters([first, later], ClusterState(), Settings(**strict, story_names_threshold=0.12))
    off = assign_clusters([first, later], ClusterState(), Settings(**strict, story_names_threshold=1.01))
    assert on.assignments[first.id][1] == on.assignments[later.id][1]
    assert on.explanations[later.id]["story_reason"].startswith("joined story: names agree")
    assert off.assignments[first.id][1] != off.assignments[later.id][1]


def test_an_article_is_scored_against_a_bounded_number_of_stories():
    # many active stories share a common word; the one sharing the article's heavier terms
    # is always among the few scored (the cost per article does not grow with the desk)
    from newsdesk.cluster.state import _MAX_CANDIDATES

    state = ClusterState()
    for i in range(200):
        state.index(f"s{i:03d}", {"harbour": 0.5, f"word{i}": 0.5})
    state.index("starget", {"harbour": 0.5, "dredging": 0.5, "@ilse varga": 0.5})
    found = state.candidates({"harbour": 0.3, "dredging": 0.6, "@ilse varga": 0.7})
    assert "starget" in found and len(found) <= _MAX_CANDIDATES


def test_an_undated_report_joins_the_dated_event_it_tells_of():
    d0 = date(2024, 4, 15)
    dated = [art(i, t, d0 + timedelta(days=i)) for i, t in enumerate(DAM)]
    undated = art(9, DAM[0] + " embankment", None)
    state = ClusterState()
    assign_clusters(dated, state, Settings())
    res = assign_clusters([undated], state, Settings())
    assert res.assignments[undated.id][0] == state.resolve(state.article_event["a0000"][0])


def test_a_late_article_finds_its_story_after_the_desk_has_moved_on():
    """Articles arrive in any order: one dated a year before the newest still joins its story,
    which a later article had retired (that article does not re-open it: revival is off here)."""
    d0 = date(2023, 4, 15)
    old = [art(i, t, d0) for i, t in enumerate(DAM[:2])]
    later = [art(10, DAM[0] + " anniversary", d0 + timedelta(days=400))]
    late = art(5, DAM[2], d0 + timedelta(days=1))
    by_id = {a.id: a for a in old + later}  # a retired story's features are re-read, as from the store
    state = ClusterState(load=lambda ids: {i: article_features(by_id[i], Settings()) for i in ids})
    s = Settings(story_revive_threshold=1.0)
    for batch in (old, later):
        assign_clusters(batch, state, s)
    story = state.article_event[old[0].id][1]
    assert story not in state.posted and state.article_event[later[0].id][1] != story
    assign_clusters([late], state, s)
    assert state.article_event[late.id] == state.article_event[old[0].id]


HEIST = ["Thieves stole jewels worth 80 million euros from the Harrow Gallery in Ostrava on Monday.",
         "Police in Ostrava hunt the gang that emptied the Harrow Gallery of jewels worth 80 million euros.",
         "The Harrow Gallery raid in Ostrava: masked thieves took jewels worth 80 million euros."]
FLOOD = "Floodwater cut off the village of Brenning after the river Aske burst its banks overnight."


def test_a_rewrite_goes_with_its_source_and_its_words_count_while_a_near_copy_just_follows():
    d0 = date(2024, 5, 6)
    arts = [Article(id=f"a{i:04d}", source=str(i), fmt="txt", text=t, published=d0) for i, t in enumerate(HEIST)]
    orig = Article(id="a0100", source="100", fmt="txt", text=FLOOD, published=d0)
    near = Article(id="a0101", source="101", fmt="txt", text=orig.text, outlet="Other", published=d0,
                   copy_of=orig.id, copy_kind="near")
    rewrite = Article(id="a0102", source="102", fmt="txt", text=FLOOD.replace("overnight", "on Sunday night"),
                      outlet="Third", published=d0, copy_of=orig.id, copy_kind="rewrite")
    state = ClusterState()
    res = assign_clusters(arts + [orig, near, rewrite], state, Settings())
    ev = {a: e for a, (e, _) in res.assignments.items()}
    assert ev[near.id] == ev[orig.id] and res.explanations[near.id]["reason"] == f"copy of {orig.id}"
    assert ev[rewrite.id] == ev[orig.id] != ev[arts[0].id]
    why = res.explanations[rewrite.id]
    assert not why["reason"].startswith("copy of") and orig.id in why["story_reason"]
    assert why["story_reason"].startswith("joined story: ")  # the report words it "Joined its story: ..."
    assert rewrite.id in state.features  # its words take part when its story is re-clustered
    assert near.id not in state.features


def test_an_untitled_article_reads_its_first_line_as_its_headline():
    body = "Rescue crews reached the valley on Tuesday.\nMore rain is expected."
    untitled = article_features(Article(id="a1", source="1", fmt="txt", text="Dam bursts in Aldmoor\n" + body), Settings())
    titled = article_features(Article(id="a2", source="2", fmt="txt", title="Dam bursts in Aldmoor", text=body), Settings())
    assert untitled.counts == titled.counts  # the headline's words count twice
    assert untitled.counts["dam"] == 2
    one_line = article_features(Article(id="a3", source="3", fmt="txt", text="Dam bursts in Aldmoor"), Settings())
    assert one_line.counts["dam"] == 1  # a text of one line is a body, not a headline
    off = article_features(Article(id="a4", source="4", fmt="txt", text="Dam bursts in Aldmoor\n" + body), Settings(cluster_title_line_chars=0))
    assert off.counts["dam"] == 1
