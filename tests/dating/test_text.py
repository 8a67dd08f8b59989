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
