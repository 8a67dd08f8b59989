"""Figures: kind, subject, unit, source, as-of date and the unverified flag, read from the
sentence around each number. All sentences are invented, in newswire style."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from newsdesk.facts.figures import find_figures
from newsdesk.facts.records import Figure

PUBLISHED = dt.date(2024, 6, 7)  # a Friday


def figures(text: str, published: dt.date | None = PUBLISHED) -> list[Figure]:
    found = find_figures(text, "a1", published)
    for f in found:
        assert text[f.start: f.end] == f.text
        assert f.text in f.sentence and f.article == "a1"
    return found


def only(text: str, published: dt.date | None = PUBLISHED) -> Figure:
    found = figures(text, published)
    assert len(found) == 1, [(f.text, f.kind) for f in found]
    return found[0]


@pytest.mark.parametrize(("text", "kind"), [
    ("An air strike killed at least 12 people in the market, witnesses said.", "killed"),
    ("Seven people were killed when the roof collapsed.", "killed"),
    ("The death toll rose to 70 on Thursday.", "killed"),
    ("The blast left 14 dead and the square in ruins.", "killed"),
    ("Twelve soldiers died in the ambush.", "killed"),
    ("The shelling wounded 32 people in the old town.", "injured"),
    ("At least 40 people were injured in the crush.", "injured"),
    ("The agency said 3.2 million people had fled their homes.", "displaced"),
    ("More than 10,000 residents were displaced by the floods.", "displaced"),
    ("The camp now shelters 85,000 refugees.", "displaced"),
    ("Some 30 people remain missing after the landslide.", "missing"),
    ("Police arrested 120 protesters outside parliament.", "detained"),
    ("At least 50 people were detained overnight.", "detained"),
    ("The EU pledged €50 million in humanitarian aid.", "aid"),
    ("The company reported profits of $350 million.", "money"),
    ("Some 20,000 Russian troops are massed near the border.", "troops"),
    ("The bill passed 141 to 5 in the upper house.", "votes"),
    ("The clinic treats 200 patients a day.", "other"),
    ("Unemployment fell to 5 percent.", "other"),
])
def test_kind(text, kind):
    assert only(text).kind == kind


def test_a_casualty_breakdown():
    text = "The attack caused 1,214 casualties - 403 killed and 811 injured - the health ministry said."
    got = [(f.value, f.kind) for f in figures(text)]
    assert got == [(1214, "casualties"), (403, "killed"), (811, "injured")]


def test_killed_and_injured_in_one_sentence():
    text = "A bomb blast killed six people and injured 32 in the Salah al-Din district, state television reported."
    got = [(f.value, f.kind, f.unit) for f in figures(text)]
    assert got == [(6, "killed", "people"), (32, "injured", "people")]


def test_a_headline_list_without_punctuation():
    got = [(f.value, f.kind) for f in figures("8 persons killed 58 others injured in rocket attacks on the city")]
    assert got == [(8, "killed"), (58, "injured")]


def test_active_verb_after_the_subject_is_not_its_kind():
    found = figures("Two gunmen killed 20 villagers near the river.")
    assert [(f.value, f.kind) for f in found] == [(2, "other"), (20, "killed")]


@pytest.mark.parametrize(("text", "subject"), [
    ("At least 29 Syrian rebels were killed in clashes overnight.", "Syrian rebels"),
    ("The strike killed 16 civilians in the town.", "civilians"),
    ("Some 20,000 Russian troops are massed near the border.", "Russian troops"),
    ("At least 70 regime and rebel fighters have been killed.", "regime and rebel fighters"),
    ("Three of them were children.", "children"),
])
def test_subject(text, subject):
    assert figures(text)[0].subject == subject


def test_a_part_takes_the_kind_of_its_whole():
    text = "The strike killed at least 58 people, including 11 children."
    whole, part = figures(text)
    assert (whole.value, whole.kind, whole.subject) == (58, "killed", "people")
    assert (part.value, part.kind, part.subject) == (11, "killed", "children")
    assert part.extra["part_of"] == "at least 58"


def test_the_whole_takes_the_kind_of_its_part():
    text = "Thirteen civilians, among them seven children, were killed in the raid."
    assert [(f.value, f.kind) for f in figures(text)] == [(13, "killed"), (7, "killed")]


def test_coordinated_counts_share_the_kind():
    text = "At least 16 civilians and three children have been killed in air raids."
    assert [(f.value, f.kind, f.subject) for f in figures(text)] == [
        (16, "killed", "civilians"), (3, "killed", "children")]


def test_of_them_in_the_next_sentence_refers_back():
    text = "Floods killed 40 people in the valley. Twelve of them were children."
    assert [(f.value, f.kind, f.subject) for f in figures(text)] == [
        (40, "killed", "people"), (12, "killed", "children")]


@pytest.mark.parametrize(("text", "source"), [
    ("The UN said 3.2 million people had fled.", "the UN"),
    ("About 500 soldiers were killed, according to Ukrainian officials.", "Ukrainian officials"),
    ("At least 40 people died in the fire, said the health ministry.", "the health ministry"),
    ("Twelve people were killed, the Syrian Observatory for Human Rights said on Sunday.",
     "the Syrian Observatory for Human Rights"),
    ("Ten people were killed in the attack, Governor Talal Barazi told Reuters.", "Governor Talal Barazi"),
    ("The blast killed 9 people in Aleppo a monitoring group said.", "a monitoring group"),
    ("Fifteen people died in the crash.", None),
])
def test_source(text, source):
    assert figures(text)[0].source == source


def test_a_pronoun_source_is_resolved_to_the_previous_sentence():
    text = "The Red Cross said the camp was full on Monday. It said 300 families had no shelter."
    assert only(text).source == "the Red Cross"


@pytest.mark.parametrize(("text", "as_of"), [
    ("Fighting on Tuesday killed 30 people.", "2024-06-04"),
    ("As of June 5, some 1,200 people had been evacuated.", "2024-06-05"),
    ("Police detained 14 people yesterday.", "2024-06-06"),
    ("The toll reached 80 on 2 June 2024, officials said.", "2024-06-02"),
    ("The toll reached 80 on Friday.", "2024-06-07"),
    ("The storm destroyed 300 homes.", "2024-06-07"),
    ("Officials said 20 people were killed on December 30.", "2023-12-30"),
])
def test_as_of_date(text, as_of):
    assert figures(text)[0].as_of == as_of


def test_as_of_prefers_as_of_over_since():
    text = "Since March 1, the war has killed 500 civilians as of May 30, the UN said."
    assert only(text).as_of == "2024-05-30"


def test_no_publication_date_and_no_date_in_the_sentence():
    assert only("The storm destroyed 300 homes.", published=None).as_of is None


def test_unverified_in_the_same_sentence():
    text = "Activists said 45 people were killed, a figure that could not be independently verified."
    assert only(text).unverified


def test_unverified_in_the_next_sentence():
    text = ("Rebels said they killed 200 soldiers near the airport. Reuters could not independently verify "
            "the claim. The army said 3 soldiers were wounded.")
    found = figures(text)
    assert [(f.value, f.unverified) for f in found] == [(200, True), (3, False)]


def test_fields_follow_the_export_contract():
    f = only("Nearly 300 people were killed in the quake, the government said on Monday.")
    assert (f.value, f.unit, f.kind, f.qualifier, f.source, f.as_of) == (
        300, "people", "killed", "nearly", "the government", "2024-06-03")
    assert f.sentence == "Nearly 300 people were killed in the quake, the government said on Monday."


def test_money_with_a_conversion():
    f = only("The Singapore government will spend US$1.2 billion (S$1.6 billion) on flood defences.")
    assert (f.value, f.unit, f.extra["converted"]) == (1_200_000_000, "USD", "SGD 1600000000")


def test_a_range_keeps_both_ends():
    f = only("Between 200 and 300 people were detained, according to rights groups.")
    assert (f.value, f.value_high, f.kind, f.source) == (200, 300, "detained", "rights groups")


def test_votes_keep_the_votes_against():
    f = only("The resolution passed 141 to 5 in the General Assembly on Thursday.")
    assert (f.kind, f.unit, f.value, f.extra["against"]) == ("votes", "votes", 141, "5")


@pytest.mark.parametrize("text", [
    "The war has killed more than 400,000 people since 2011.",
    "More than 210,000 people have died in the country's conflict, the monitor estimates.",
    "The civil war, which began with peaceful protests, has killed more than 280,000 people.",
    "More than 290,000 people have been killed since the country's conflict erupted in March 2011.",
])
def test_a_war_long_toll_is_marked_as_a_period(text):
    f = only(text)
    assert f.kind == "killed" and f.extra["period"]


@pytest.mark.parametrize("text", [
    "Air strikes by government war planes killed 32 civilians in the district on Sunday.",
    "A suicide bomber killed four people in an attack that took the civil war to the town.",
])
def test_an_event_toll_in_a_sentence_naming_the_war_is_not_a_period(text):
    assert "period" not in only(text).extra


def test_dates_ages_times_durations_are_not_figures():
    text = ("On June 5, 2024, a 45-year-old man, aged 45, left 10 Downing Street at 10:30 a.m. "
            "for 3 days, his 21st trip since 2011 on Route 66.")
    assert figures(text) == []


def test_numbers_inside_names_a_parser_found_are_dropped():
    text = "Delegates cited Resolution 2334 and the Vision 2030 plan as 12 envoys arrived."
    start = text.index("Vision")
    doc = SimpleNamespace(ents=[SimpleNamespace(start_char=start, end_char=start + len("Vision 2030 plan"),
                                                label_="LAW", text="Vision 2030 plan")])
    assert [f.value for f in find_figures(text, "a1", PUBLISHED, doc=doc)] == [12]


def test_empty_text():
    assert find_figures("", "a1", None) == []


def test_a_cue_word_before_the_head_gives_the_kind():
    found = figures("About 20,000 displaced people live in camps. Thirty wounded soldiers were flown out.")
    assert [(f.kind, f.subject) for f in found] == [("displaced", "displaced people"), ("injured", "wounded soldiers")]


def test_a_copyright_year_is_not_a_figure():
    assert figures("Copyright 2020 Meridian Press. All rights reserved.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("A child was killed when the shell hit the school.", [(1, "killed", "child")]),
    ("The strike killed a pregnant woman in the village.", [(1, "killed", "pregnant woman")]),
    ("A woman and child were killed in the shelling.", [(1, "killed", "woman"), (1, "killed", "child")]),
    ("The blast left a child dead and a woman injured.", [(1, "killed", "child"), (1, "injured", "woman")]),
    ("A girl child was killed and two others were injured.", [(1, "killed", "girl child"), (2, "injured", "others")]),
])
def test_one_person_written_with_an_article_is_a_count_of_one(text, expected):
    assert [(f.value, f.kind, f.subject) for f in figures(text)] == expected


def test_one_person_who_is_not_a_casualty_is_not_a_figure():
    assert figures("A man said the shelling was heavy. A spokesman for the group spoke to a civilian.") == []


def test_a_list_without_commas_shares_the_kind():
    found = figures("Rocket shells killed a little boy a little girl and two women on Friday.")
    assert [(f.value, f.kind, f.subject) for f in found] == [
        (1, "killed", "little boy"), (1, "killed", "little girl"), (2, "killed", "women")]


def test_a_date_before_the_cue_does_not_take_the_cue():
    found = figures("Fri Jun 24 2016 Militants kidnapped 900 executed 18 people in the province")
    assert [(f.value, f.kind) for f in found] == [(900, "detained"), (18, "killed")]


@pytest.mark.parametrize("text", [
    "Death toll from the rocket attacks on the old city of Aleppo rises to 8 more casualties reported in Idleb",
    "A source said the death toll from the suicide blast targeting the convoy of buses has risen to 70.",
])
def test_a_death_toll_phrase_gives_killed(text):
    assert figures(text)[0].kind == "killed"


def test_a_noun_that_is_a_cue_wins_over_the_cue_of_the_figure_before():
    assert [(f.value, f.kind) for f in figures("Seven dead 20 wounded in central blast")] == [
        (7, "killed"), (20, "injured")]


def test_a_part_with_its_own_part_is_still_a_part_of_what_follows():
    found = figures("Six civilians including a child were among at least 22 people killed in the strikes.")
    assert [(f.value, f.extra.get("part_of")) for f in found] == [(6, "at least 22"), (1, "Six"), (22, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Girl child killed two others injured in rocket attack on the old city",
     [(1, "killed", "Girl child"), (2, "injured", "others")]),
    ("Child killed 9 civilians injured in attacks on the capital",
     [(1, "killed", "Child"), (9, "injured", "civilians")]),
])
def test_a_headline_list_with_a_bare_noun(text, expected):
    assert [(f.value, f.kind, f.subject) for f in figures(text)] == expected


def test_dozens_of_people_is_a_vague_count_of_people():
    whole, part = figures("Dozens of people have been killed in air strikes, including at least 29 in one district.")
    assert (whole.kind, whole.subject, whole.extra["vague"]) == ("killed", "people", "true")
    assert (part.value, part.kind, part.extra["part_of"]) == (29, "killed", "Dozens")


@pytest.mark.parametrize(("text", "earlier"), [
    ("The monitor said 126 people were killed, updating a previous toll of 112.", [False, True]),
    ("The source earlier put the death toll at 5 civilians.", [True]),
    ("The death toll rose to 8 on Tuesday.", [False]),
])
def test_a_superseded_toll_is_marked_earlier(text, earlier):
    assert [f.extra.get("earlier") == "true" for f in figures(text)] == earlier


# ---- death-toll updates, shelters, hospital counts, missing, troops (issue 5) -----------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("The death toll from Tuesday's landslide rose to 14, officials said.", "killed"),
    ("The regional office raised the confirmed death toll to at least 9 on Sunday.", "killed"),
    ("The number of people confirmed dead in the storm rose to 18 on Friday.", "killed"),
    ("The storm killed at the least 12 individuals in the hills.", "killed"),
    ("Dozens of people were killed when the bridge gave way.", "killed"),
    ("He had identified the nine people whose bodies were found on Thursday.", "killed"),
    ("At least 25 people were taken to hospital after the crash.", "injured"),
    ("More than 60 people were being treated for injuries on Tuesday.", "injured"),
    ("The agency said 140 people had been treated for injuries since Monday.", "injured"),
    ("Six people are still listed as missing after the fire.", "missing"),
    ("Rescuers said seven people have still not been found.", "missing"),
    ("More than 9,000 people had registered at shelters across the province.", "displaced"),
    ("About 1,700 people spent the night on camp beds in the gymnasium.", "displaced"),
    ("About 4,100 people remain in emergency shelters.", "displaced"),
    ("Some 2,200 people are still living in shelters.", "displaced"),
    ("Police ordered about 3,000 people living near the river to leave their homes.", "displaced"),
    ("Around 3,000 residents near the river were told to leave their homes.", "displaced"),
    ("The new order brings the number of people displaced in the region to more than 12,000.", "displaced"),
    ("Nearly 2,000 people have left their homes, the agency said.", "displaced"),
    ("The village still has 800 people living away from their homes.", "displaced"),
    ("Aid reached the 9,000 people who have spent three nights away from home.", "displaced"),
    ("Hundreds of people were evacuated from the coast.", "displaced"),
    ("The army sent 400 soldiers to the province on Monday.", "troops"),
    ("The crowd of 8,120 held a minute's silence before the match.", "other"),
])
def test_kind_of_updates_shelters_hospitals_and_searches(text, kind):
    assert only(text).kind == kind


def test_a_part_in_a_list_of_workers_is_troops_and_the_whole_stays_other():
    got = [(f.value, f.kind) for f in figures("The director said 900 rescuers, including 150 soldiers, were at work.")]
    assert got == [(900, "other"), (150, "troops")]


def test_a_repair_cost_is_money_not_aid():
    assert only("The memo asked for funding of €14 million for drainage work at the plant.").kind == "money"
    assert only("The memo asked for €14 million for drainage work at the plant.").kind == "money"


def test_a_count_of_victims_is_killed():
    assert only("The group speaks for the families of the 23 victims.").kind == "killed"


def test_a_partitive_takes_the_kind_of_its_whole():
    got = [(f.value, f.kind, f.extra.get("part_of")) for f in figures(
        "Eight of the 30 people killed in the flood came from the village.")]
    assert got == [(8, "killed", "30"), (30, "killed", None)]
    assert only("The truth is that 19 of our neighbours are dead.").kind == "killed"
    assert only("The council said three of its residents were still missing.").kind == "missing"


@pytest.mark.parametrize("text", [
    "Officials said 20 people had died in the flood. The number is 23, and it will rise, the mayor said.",
    "Officials said 20 people had died in the flood, but the mayor said the real figure was at least 23.",
    "Officials said 20 people had died in the flood. The confirmed figure remains 23.",
])
def test_the_number_restated_takes_the_kind_of_the_figure_before(text):
    assert [f.kind for f in figures(text)] == ["killed", "killed"]


def test_a_figure_restated_after_a_peak_takes_the_kind_of_the_figure_before():
    got = [f.kind for f in figures("About 4,100 people remain in emergency shelters, down from a peak of nearly 9,000.")]
    assert got == ["displaced", "displaced"]


def test_a_headline_with_two_tolls():
    got = [(f.value, f.kind) for f in figures("Storm Toll Disputed As Mayor Says 19 Dead, Ministry Says 14\n\nText.")]
    assert got == [(19, "killed"), (14, "killed")]


@pytest.mark.parametrize(("text", "kind"), [
    ("A wall of water killed at the least 12 individuals and left greater than 40 lacking.", ["killed", "missing"]),
    ("He said 100 individuals had been injured and 20 had been nonetheless lacking.", ["injured", "missing"]),
    ("Flood Hits Town, No Less Than 12 Lifeless And Dozens Lacking", ["killed", "missing"]),
])
def test_spun_copies_keep_their_kinds(text, kind):
    assert [f.kind for f in figures(text)] == kind
