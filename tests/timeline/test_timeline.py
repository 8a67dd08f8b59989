"""Timelines and briefings on a small invented story: dates, citations, copies, length controls."""

from datetime import date

from newsdesk.records import Article
from newsdesk.timeline import build_briefing, build_timeline, timeline_records
from newsdesk.timeline.brief import containment


def art(aid: str, outlet: str, day: int, text: str, copy_of: str | None = None) -> Article:
    return Article(id=aid, source=aid, fmt="txt", text=text, outlet=outlet, published=date(2024, 5, day),
                   copy_of=copy_of, copy_kind="exact" if copy_of else None, story="s1")


BREACH = "The Aldmoor levee breached on Monday, flooding 300 homes along the Varn river."
STORY = [
    art("a1", "Valley Post", 14, f"{BREACH} Rescue crews worked through the night in Aldmoor."),
    art("a2", "Kessing Daily", 14, "Floodwater poured into Aldmoor on Monday after the levee breached along the Varn river. "
        "Three hundred homes were flooded, officials said."),
    art("a3", "Wire Copy Farm", 14, f"{BREACH} Rescue crews worked through the night in Aldmoor.", copy_of="a1"),
    art("a4", "Valley Post", 16, "Engineers sealed the Aldmoor levee on Wednesday after two days of work on the Varn river. "
        "Residents began returning to Aldmoor homes on Wednesday evening. The May 13 breach flooded 300 homes."),
    art("a5", "Kessing Daily", 17, "The Aldmoor levee, which breached on May 13, was sealed on May 15, engineers said. "
        "An inquiry into the Aldmoor levee will open on May 28, the council announced."),
    art("a6", "Brennick Herald", 17, "Officials said the Aldmoor inquiry will begin on May 28 and hear from engineers. "
        "The levee breached on May 13 and flooded 300 homes along the Varn river."),
]


def test_timeline_chooses_the_most_mentioned_dates_in_date_order():
    tl = build_timeline(STORY, n_dates=2, per_date=1)
    assert [e.date for e in tl] == [date(2024, 5, 13), date(2024, 5, 15)]
    assert all(len(e.sentences) == 1 for e in tl)


def test_every_sentence_is_cited_to_articles_that_print_it():
    by_id = {a.id: a for a in STORY}
    for e in build_timeline(STORY, n_dates=3, per_date=2):
        for s in e.sentences:
            assert s.citations, s.text
            assert all(s.text in by_id[a].text for a in s.citations)


def test_a_copy_is_cited_but_does_not_count_as_independent_support():
    tl = build_timeline(STORY, n_dates=3, per_date=2)
    breach = [s for e in tl for s in e.sentences if s.text == BREACH]
    if breach:  # the copy's sentence, when chosen, cites both and counts one source
        assert set(breach[0].citations) == {"a1", "a3"} and breach[0].support == 1
    assert all(s.citations[0] != "a3" for e in tl for s in e.sentences)


def test_future_dates_are_kept_and_marked():
    tl = build_timeline(STORY, n_dates=3, per_date=1)
    future = [e for e in tl if e.future]
    assert [e.date for e in future] == [date(2024, 5, 28)]
    assert "inquiry" in future[0].text


def test_query_words_steer_the_sentences():
    tl = build_timeline(STORY, n_dates=1, per_date=1, query="homes flooded")
    assert "homes" in tl[0].text.lower()


def test_date_window_bounds_the_timeline():
    tl = build_timeline(STORY, n_dates=5, per_date=1, start=date(2024, 5, 14), end=date(2024, 5, 20))
    assert tl and all(date(2024, 5, 14) <= e.date <= date(2024, 5, 20) for e in tl)


def test_records_follow_the_export_contract():
    rows = timeline_records(build_timeline(STORY, n_dates=2, per_date=1), story="s1")
    assert {"story", "date", "text", "citations"} <= set(rows[0])
    assert rows[0]["story"] == "s1" and rows[0]["date"] == "2024-05-13"
    assert rows[0]["citations"] == rows[0]["sentences"][0]["citations"]


def test_empty_input_gives_an_empty_timeline():
    assert build_timeline([], n_dates=3) == []
    assert build_briefing([], 3).sentences == []


def test_briefing_sentences_cite_checked_sources_and_prefer_corroborated_ones():
    b = build_briefing(STORY, n_sentences=2)
    assert len(b.sentences) == 2
    by_id = {a.id: a for a in STORY}
    for s in b.sentences:
        assert s.citations[0].checked and s.text in by_id[s.citations[0].article].text
        assert s.citations[0].article != "a3"  # the copy speaks through its original
        for c in s.citations:
            assert c.checked == (containment(s.text, by_id[c.article].text) >= 0.8)
    assert max(s.support for s in b.sentences) >= 2


def test_a_citation_is_checked_only_when_the_article_holds_the_content():
    assert containment("Engineers sealed the Aldmoor levee on Wednesday.", STORY[3].text) == 1.0
    assert containment("The Aldmoor levee was sealed by engineers.", STORY[3].text) >= 0.8
    assert containment("Looters raided Aldmoor shops while police watched.", STORY[3].text) < 0.8
    d = build_briefing(STORY, 3).as_dict()
    assert all(c["checked"] is (c["containment"] >= 0.8) for s in d["sentences"] for c in s["citations"])


def test_a_day_is_told_by_a_sentence_about_that_day_not_one_listing_several():
    tl = build_timeline(STORY, n_dates=2, per_date=1)
    sealed = next(e for e in tl if e.date == date(2024, 5, 15))
    assert "sealed" in sealed.text and "May 13" not in sealed.text


def test_a_lead_sentence_is_quoted_without_its_dateline():
    wire = art("w1", "Wire", 20, "VARNBY | Mon May 20, 2024 9:12am BST VARNBY (Newswire) - Engineers reopened the "
               "Aldmoor bridge on Monday after the levee repairs. Traffic resumed at noon.")
    tl = build_timeline([wire], n_dates=1, per_date=1)
    assert tl[0].date == date(2024, 5, 20)
    assert tl[0].text == "Engineers reopened the Aldmoor bridge on Monday after the levee repairs."


def test_a_date_does_not_retell_what_an_earlier_date_already_told():
    from newsdesk.timeline.select import idf_weights, summarise_date, tfidf_vector
    from newsdesk.timeline.sentences import Sentence

    def sent(aid: str, text: str) -> Sentence:
        return Sentence(text, aid, aid, "Valley Post", date(2024, 5, 16), 0, 0)

    told_text = "The Aldmoor levee breached and floodwater covered three hundred homes along the Varn river."
    cands = [sent("b1", "The Aldmoor levee breached and floodwater covered three hundred homes near the Varn river."),
             sent("b2", "Engineers sealed the Aldmoor levee after two days of work on the Varn river banks."),
             sent("b3", "The Aldmoor levee breached and three hundred homes along the Varn river were flooded.")]
    idf = idf_weights(cands + [sent("b0", told_text)])
    alone = summarise_date(cands, 1, idf, set())
    assert alone[0].sentence.article in {"b1", "b3"}  # the most central sentence repeats the breach
    told = [tfidf_vector(sent("b0", told_text).words, idf)]
    picked = summarise_date(cands, 1, idf, set(), told=told, repeat_penalty=0.5)
    assert picked[0].sentence.article == "b2"
    assert len(told) == 2  # the pick is now told too
