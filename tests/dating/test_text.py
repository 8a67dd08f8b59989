"""Unit tests of the plain-text date cues."""

from datetime import date

import pytest

from newsdesk.dating import date_text, parse_given_date

TODAY = date(2026, 11, 21)


def pub(text, header=None):
    return date_text(text, header, today=TODAY)


@pytest.mark.parametrize(
    "line",
    [
        "date 2023-06-02",
        "Date: 2 June 2023",
        "Publish : 2023-06-02 09:40:00",
        "Published: June 2, 2023 9:40 am",
    ],
)
def test_header_lines(line):
    finding = pub(f"Storm hits Riverton\n{line}\n\nThe storm hit on Friday.")
    assert finding.published == date(2023, 6, 2)
    assert finding.evidence == "text:header"
    assert finding.confidence >= 0.85


def test_byline_with_date():
    finding = pub("Storm hits Riverton\nBy Jane Doe | June 3, 2023\n\nThe storm hit.")
    assert finding.published == date(2023, 6, 3)
    assert finding.evidence == "text:byline"


def test_header_dict_is_used():
    finding = pub("Body only.", header={"date": "2023-06-02"})
    assert finding.published == date(2023, 6, 2)


def test_update_kept_apart_from_publication():
    text = "Title\nPublished: June 3, 2023\nUpdated: June 5, 2023 10:00\n\nBody."
    finding = pub(text)
    assert finding.published == date(2023, 6, 3)
    assert finding.updated == date(2023, 6, 5)


def test_update_alone_is_not_a_publication_date():
    finding = pub("Title\nUpdated: June 5, 2023\n\nBody.")
    assert finding.published is None
    assert finding.updated == date(2023, 6, 5)


def test_dateline_with_year_from_text():
    finding = pub("RIVERTON, June 5 (Reuters) - The river rose above its 2023 record.")
    assert finding.published == date(2023, 6, 5)
    assert finding.evidence == "text:dateline"


def test_dateline_pinned_by_weekday():
    finding = pub("RIVERTON, June 5 (Reuters) - Officials said on Monday, June 5, that ...")
    assert finding.published == date(2023, 6, 5)  # 5 June is a Monday in 2023
    assert finding.evidence == "text:dateline"


def test_dateline_without_any_year_abstains():
    finding = pub("RIVERTON, June 5 (Reuters) - Officials said that the river rose.")
    assert finding.published is None


def test_dateline_with_full_date():
    finding = pub("PARIS, June 5, 2021 (AFP) - Talks resumed.")
    assert finding.published == date(2021, 6, 5)


@pytest.mark.parametrize("cue", ["on Tuesday (June 6)", "on Tuesday, June 6"])
def test_weekday_pins_year(cue):
    finding = pub(f"LONDON (AP) — Floods hit the city {cue}, officials said.")
    assert finding.published == date(2023, 6, 6)  # the latest past year with Tue 6 June
    assert finding.evidence == "text:weekday"
    assert finding.confidence < 0.7


def test_weekday_consistent_with_header_year():
    # Header year 2017: 6 June 2017 is a Tuesday, so the year is 2017, not 2023.
    finding = pub("Floods hit on Tuesday, June 6.", header={"edition": "x", "updated": "2017-06-07"})
    assert finding.published == date(2017, 6, 6)


def test_weekday_year_ignores_copyright_year():
    # 6 June 2019 is a Thursday; the copyright year must not pin the year.
    text = "Floods hit the city on Thursday, June 6, officials said.\n© 2019 Example News"
    finding = pub(text)
    assert finding.published == date(2024, 6, 6)


@pytest.mark.parametrize("footer", ["© 2019 Example News", "Copyright 2021 Example Corp", "(c) 2020 Ex"])
def test_copyright_is_never_a_date(footer):
    finding = pub(f"Storm hits Riverton\n\nThe storm hit the town.\n{footer}")
    assert finding.published is None
    assert finding.mentioned == []


def test_copyright_header_line_is_ignored():
    finding = pub("Copyright 2021-01-01 Example\nThe storm hit the town.")
    assert finding.published is None


def test_no_cue_gives_none():
    finding = pub("The storm hit the town and the river rose.")
    assert finding.published is None
    assert finding.confidence == 0.0
    assert finding.evidence == "none"


def test_mentioned_dates_collected():
    text = "Title\nDate: 2 June 2023\n\nThe dam was built on 12 March 1998 and inspected on 2022-05-01."
    finding = pub(text)
    assert finding.published == date(2023, 6, 2)
    assert finding.mentioned == [date(1998, 3, 12), date(2022, 5, 1)]


def test_future_header_date_rejected():
    assert pub("Title\nDate: 2031-01-01\n\nBody").published is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-06-02", date(2023, 6, 2)),
        ("2023-06-02T09:40:00Z", date(2023, 6, 2)),
        ("2023-06-02T23:40:00-05:00", date(2023, 6, 2)),
        ("Fri, 02 Jun 2023 09:40:00 +0000", date(2023, 6, 2)),
        ("6/2/23", date(2023, 6, 2)),
        ("25/12/2020", date(2020, 12, 25)),
        ("02.06.2023", date(2023, 6, 2)),
        ("June 2, 2023", date(2023, 6, 2)),
        ("2 June 2023", date(2023, 6, 2)),
        ("20230602", date(2023, 6, 2)),
        ("1685698800", date(2023, 6, 2)),
        ("", None),
        ("not a date", None),
        ("1890-01-01", None),
        ("2023-02-30", None),
    ],
)
def test_parse_given_date(value, expected):
    assert parse_given_date(value) == expected


def test_leading_date_line():
    finding = pub("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.")
    assert finding.published == date(2017, 4, 5)
    assert finding.evidence == "text:header"
    assert pub("Title\n\nThe 2023-06-02 meeting was short.").published is None


# --- filed headers, year-less datelines, slashed dates (hand-written strings) ---

from newsdesk.dating import slash_order  # noqa: E402
from newsdesk.dating.years import dateline_year, lead_weekday  # noqa: E402


def test_filed_header_line():
    text = "NORLAND WIRE\nFerry runs aground off Holmvik\nFiled: 2023-03-14 06:20 UTC\n\nHOLMVIK, March 14 (NW) - A ferry ran aground."
    finding = pub(text)
    assert finding.published == date(2023, 3, 14)
    assert finding.evidence == "text:header"


def test_yearless_dateline_pinned_by_lead_weekday():
    # 12 March is a Tuesday in 2024, 2019 and 2013: the latest before TODAY wins.
    text = "HOLMVIK, Norland, March 12 (NW) - A ferry ran aground on Tuesday, the coast guard said."
    finding = pub(text)
    assert finding.published == date(2024, 3, 12)
    assert finding.evidence == "text:dateline"
    assert 0.6 <= finding.confidence < 0.8


def test_yearless_dateline_after_masthead_and_headline():
    text = (
        "NORLAND WIRE - FOR SUBSCRIBERS\nFerry runs aground off Holmvik\n\n"
        "HOLMVIK, Norland, March 12 (NW) - A ferry ran aground before dawn on Tuesday.\n\n"
        "The ship was built in 1988."
    )
    assert pub(text).published == date(2024, 3, 12)


def test_lead_weekday_prefers_the_day_others_lead_up_to():
    # "ran aground on Tuesday ... said on Wednesday": the dateline day is the Wednesday.
    assert lead_weekday("since the ferry ran aground on Tuesday, officials said on Wednesday") == 2
    assert lead_weekday("the union agreed on Friday to end the strike") == 4
    assert lead_weekday("the union agreed to end the strike") is None
    text = "KESSEL, March 13 (NW) - Divers searched the hull, which ran aground on Tuesday, officials said on Wednesday."
    assert pub(text).published == date(2024, 3, 13)


def test_yearless_dateline_uses_header_year_when_it_fits():
    # 12 March 2019 is a Tuesday: the masthead year beats the more recent 2024.
    text = "Holmvik Courier, spring edition 2019\n\nHOLMVIK, March 12 (NW) - A ferry ran aground on Tuesday."
    assert pub(text).published == date(2019, 3, 12)
    assert dateline_year(3, 12, 1, [2019], [], TODAY) == 2019
    assert dateline_year(3, 12, 1, [2021], [], TODAY) == 2024  # hint does not fit: latest fitting year
    assert dateline_year(3, 12, 1, [], [2013], TODAY) == 2013  # a fitting year the text mentions
    assert dateline_year(3, 12, 1, [], [], date(2012, 1, 1)) == 2002


def test_yearless_dateline_window_is_bounded():
    # 29 February on a Thursday: 2024 only within the window from TODAY.
    assert dateline_year(2, 29, 3, [], [], TODAY) == 2024
    assert dateline_year(2, 29, 3, [], [], date(2016, 1, 1)) is None  # 1996 lies more than 15 years back


@pytest.mark.parametrize(
    "line, order, expected",
    [
        ("Posted 14/03/2024 | 09:05", None, date(2024, 3, 14)),  # first field > 12: day first anyway
        ("Posted 07/03/2024", "dmy", date(2024, 3, 7)),
        ("Posted 07/03/2024", "mdy", date(2024, 7, 3)),
        ("Posted 07/03/2024", None, date(2024, 7, 3)),  # default: month first, as before
        ("Posted 03/14/2024 10:15", "dmy", date(2024, 3, 14)),  # impossible reading is not forced
    ],
)
def test_slashed_header_dates(line, order, expected):
    text = f"Holmvik Courier\nFerry runs aground\n{line}\n\nThe ferry ran aground."
    assert date_text(text, today=TODAY, slash_order=order).published == expected


def test_slash_order_decides_from_samples():
    assert slash_order(["Posted 14/03/2024 | 09:05", "Posted 07/03/2024"]) == "dmy"
    assert slash_order(["03/14/2024", "07/03/2024"]) == "mdy"
    assert slash_order(["07/03/2024", "01/02/24"]) is None  # nothing decides
    assert slash_order(["14/03/2024", "03/14/2024"]) is None  # samples disagree
    assert slash_order(["3/4 of the vote", "score 21/14", ""]) is None  # not dates
    assert slash_order([]) is None


def test_slash_order_argument_is_checked():
    with pytest.raises(ValueError):
        date_text("Posted 07/03/2024", slash_order="ymd")


def test_slash_order_reads_mentioned_dates_too():
    text = "Title\nDate: 2024-03-20\n\nThe contract signed on 07/03/2024 expires."
    assert pub(text).mentioned == [date(2024, 7, 3)]
    assert date_text(text, today=TODAY, slash_order="dmy").mentioned == [date(2024, 3, 7)]
