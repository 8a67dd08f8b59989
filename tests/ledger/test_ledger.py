"""The figure ledger a user sees: invented articles run through find_figures, then build_ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.facts.figures import find_figures
from newsdesk.ledger import LedgerArticle, Series, build_ledger


def ledger(*docs: tuple) -> list[Series]:
    """docs: (id, outlet, published YYYY-MM-DD, text[, copy_of])."""
    articles, figures = {}, []
    for doc in docs:
        aid, outlet, published, text = doc[:4]
        copy_of = doc[4] if len(doc) > 4 else None
        articles[aid] = LedgerArticle(aid, outlet, published, copy_of, title=text[:40])
        figures += find_figures(text, aid, dt.date.fromisoformat(published))
    return build_ledger(figures, articles)


def one(series: list[Series], label: str) -> Series:
    found = [s for s in series if s.label == label]
    assert len(found) == 1, [s.label for s in series]
    return found[0]


def values(s: Series) -> list[tuple[str, float, str]]:
    return [(p.as_of, p.value, p.source) for p in s.points]


FLOOD = [
    ("f1", "Daily Courier", "2024-06-03",
     "Flash floods in the Varna region killed at least 12 people on Monday, local officials said."),
    ("f2", "Coast Herald", "2024-06-04",
     "The death toll from the floods rose to 19 on Tuesday, the regional governor said."),
    ("f3", "Daily Courier", "2024-06-05",
     "The toll climbed to 31 on Wednesday as rescuers reached cut-off villages, the regional governor said."),
    ("f4", "River Post", "2024-06-06",
     "Rescuers recovered more bodies and the death toll rose to 40, the Red Cross said on Thursday."),
]


def test_a_rising_flood_toll_is_one_series_of_revisions():
    s = one(ledger(*FLOOD), "people killed")
    assert values(s) == [("2024-06-03", 12, "local officials"), ("2024-06-04", 19, "the regional governor"),
                         ("2024-06-05", 31, "the regional governor"), ("2024-06-06", 40, "the Red Cross")]
    revisions = s.of("revision")
    assert [(s.points[f.a].value, s.points[f.b].value, f.direction) for f in revisions] == [
        (12, 19, "up"), (19, 31, "up"), (31, 40, "up")]
    assert s.of("contradiction") == []
    assert s.points[s.best].value == 40
    assert {src: s.points[i].value for src, i in s.latest.items()} == {
        "local officials": 12, "the regional governor": 31, "the Red Cross": 40}
    point = s.points[0]
    assert point.article == "f1" and point.qualifier == "at least"
    assert FLOOD[0][3][point.start: point.end] == point.text == "at least 12"


MINISTRY = ("m1", "Gazette", "2024-06-06",
            "The health ministry said 300 civilians had been killed in the shelling of the city.")
UN = ("u1", "World Wire", "2024-06-06",
      "The UN human rights office said 450 civilians were killed in the shelling of the city on Thursday.")


def test_same_day_counts_from_two_sources_contradict():
    s = one(ledger(MINISTRY, UN), "civilians killed")
    assert [(p.value, p.source) for p in s.points] == [(300, "the health ministry"), (450, "the UN human rights office")]
    (c,) = s.of("contradiction")
    assert {s.points[c.a].value, s.points[c.b].value} == {300, 450}
    assert "300" in c.note and "450" in c.note
    assert s.of("revision") == []


def test_two_sources_in_one_article_contradict():
    text = ("The Health Ministry said 300 civilians had been killed. "
            "The United Nations said 450 civilians were killed.")
    s = one(ledger(("x1", "Gazette", "2024-06-06", text)), "civilians killed")
    assert len(s.of("contradiction")) == 1


def test_a_reprint_is_not_a_second_source():
    reprint = ("m2", "Metro Reprints", "2024-06-07", MINISTRY[3], "m1")
    s = one(ledger(MINISTRY, UN, reprint), "civilians killed")
    assert len(s.points) == 2 and len(s.sources) == 2
    ministry = next(p for p in s.points if p.value == 300)
    assert ministry.article == "m1" and ministry.copies == ["m2"]
    assert "reprinted 1x" in ministry.flags


def test_a_reprinted_outlet_figure_keeps_the_original_outlet():
    crash = "Twelve people were killed when a bus left the mountain road on Monday."
    s = one(ledger(("b1", "Valley News", "2024-06-03", crash),
                   ("b2", "Copy Farm", "2024-06-03", crash, "b1"),
                   ("b3", "Mountain Times", "2024-06-03",
                    "Fourteen people were killed when a bus left the mountain road on Monday.")),
            "people killed")
    assert sorted(s.sources) == ["Mountain Times", "Valley News"]
    assert len(s.of("contradiction")) == 1  # 12 vs 14 the same day, two outlets


def test_independent_outlets_carrying_one_claim_are_one_point():
    a = ("c1", "Gazette", "2024-06-06", "The health ministry said 300 civilians had been killed.")
    b = ("c2", "Tribune", "2024-06-06", "At least 300 civilians have been killed, the Health Ministry said.")
    c = ("c3", "Ledger", "2024-06-06", "The health ministry said 300 civilians had been killed in the city.")
    s = one(ledger(a, b, c), "civilians killed")
    assert [(p.value, p.qualifier, p.reported_by) for p in s.points] == [(300, None, ["c3"]), (300, "at least", [])]
    assert s.findings == []


def test_at_least_300_and_312_do_not_contradict():
    s = one(ledger(("q1", "Gazette", "2024-02-07", "At least 300 people were killed in the earthquake, the UN said."),
                   ("q2", "Tribune", "2024-02-07", "The interior ministry put the death toll at 312.")),
            "people killed")
    assert sorted(p.value for p in s.points) == [300, 312]
    assert s.of("contradiction") == []


def test_qualifiers_set_what_contradicts():
    def contradictions(a: str, b: str) -> int:
        s = one(ledger(("q1", "Gazette", "2024-02-07", f"{a} people were killed in the quake, the UN said."),
                       ("q2", "Tribune", "2024-02-07", f"{b} people were killed in the quake, the Red Crescent said.")),
                "people killed")
        return len(s.of("contradiction"))

    assert contradictions("Nearly 300", "290") == 0
    assert contradictions("About 300", "320") == 0
    assert contradictions("Up to 300", "120") == 0
    assert contradictions("Nearly 300", "312") == 1
    assert contradictions("More than 300", "250") == 1
    assert contradictions("Between 200 and 300", "250") == 0


def test_aid_pledges_in_two_currencies_meet_through_the_conversion():
    series = ledger(
        ("s1", "Straits Daily", "2024-06-03",
         "Singapore pledged US$800 million (S$1 billion) in humanitarian aid on Monday."),
        ("s2", "Island Times", "2024-06-04", "Singapore pledged S$1 billion in relief aid, the foreign ministry said."),
        ("s3", "Capital Post", "2024-06-04", "The United States pledged $50 million in humanitarian aid."))
    sg = one(series, "aid from Singapore (SGD)")
    assert [(p.value, p.written) for p in sg.points] == [(1e9, "US$800 million"), (1e9, None)]
    assert "converted from US$800 million" in sg.points[0].flags
    assert sg.findings == []
    us = one(series, "aid from United States (USD)")
    assert [p.value for p in us.points] == [50e6]


def test_troops_of_two_sides_stay_apart():
    series = ledger(
        ("t1", "Gazette", "2024-03-01", "Some 20,000 Russian troops are massed near the border, while "
                                        "15,000 Ukrainian troops defend the city, officials said."),
        ("t2", "Tribune", "2024-03-08", "About 35,000 Russian troops are now massed near the border, "
                                        "Western officials said."))
    russian, ukrainian = one(series, "Russian troops"), one(series, "Ukrainian troops")
    assert [p.value for p in russian.points] == [20000, 35000]
    assert [(f.kind, f.direction) for f in russian.findings] == [("revision", "up")]
    assert [p.value for p in ukrainian.points] == [15000] and ukrainian.findings == []


def test_parts_totals_and_vague_figures_keep_to_their_own_series():
    text = ("At least 12 people, including three children, were killed in an air strike on Tuesday, the "
            "observatory said. Since 2011 more than 500,000 people have been killed in the war, the Syrian "
            "Observatory for Human Rights said. Dozens were injured. The figures could not be independently verified.")
    series = ledger(("p1", "Gazette", "2024-06-05", text))
    labels = {s.label: [p.value for p in s.points] for s in series}
    assert labels["people killed"] == [12]
    assert labels["children killed"] == [3]
    assert labels["people killed (over a period)"] == [500000]
    injured = one(series, "people injured").points[0]
    assert injured.vague and injured.unverified and {"vague", "unverified"} <= set(injured.flags)
    total = one(series, "people killed (over a period)")
    assert total.points[0].source == "the Syrian Observatory for Human Rights"
    assert one(series, "people killed").points[0].source == "the Syrian Observatory for Human Rights"  # "the observatory"


def test_a_single_attack_is_not_compared_with_the_war_long_toll():
    series = ledger(("w1", "Gazette", "2024-06-05", "An air strike killed 30 people in the market, medics said."),
                    ("w2", "Tribune", "2024-06-05",
                     "More than 500,000 people have been killed since the war began in 2011, the UN said."))
    assert all(s.findings == [] for s in series)


def test_vague_figures_are_never_compared():
    series = ledger(("v1", "Gazette", "2024-06-05", "Dozens were killed in the attack, witnesses said."),
                    ("v2", "Tribune", "2024-06-05", "Six people were killed in the attack, police said."))
    s = one(series, "people killed")
    assert [p.vague for p in s.points] == [False, True] or [p.vague for p in s.points] == [True, False]
    assert s.findings == []


def test_a_next_day_lower_count_from_another_source_contradicts():
    s = one(ledger(("n1", "Gazette", "2024-06-05", "Forty people were killed in the blast, police said."),
                   ("n2", "Tribune", "2024-06-06", "Twenty-five people were killed in the blast, the mayor said.")),
            "people killed")
    assert [f.kind for f in s.findings] == ["contradiction"]


@pytest.mark.parametrize("bad", ["", "   "])
def test_articles_without_outlet_or_source_still_form_series(bad):
    s = one(ledger(("o1", bad, "2024-06-05", "Seven people were killed in the crash.")), "people killed")
    assert s.points[0].source and not s.points[0].attributed
