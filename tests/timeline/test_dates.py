"""Dates mentioned in text, resolved against the publication date (invented sentences)."""

from datetime import date

from newsdesk.timeline.dates import find_mentions

THU = date(2024, 5, 16)  # a Thursday


def days(text: str, published: date | None = THU) -> list[tuple[str, str, bool]]:
    return [(m.value.isoformat(), text[m.start:m.end], m.future) for m in find_mentions(text, published)
            if m.granularity == "day"]


def test_explicit_dates_need_no_publication_date():
    assert days("The dam broke on May 14, 2024 near Aldmoor.", None) == [("2024-05-14", "May 14, 2024", False)]
    assert days("It opened on 3 March 2023.", None) == [("2023-03-03", "3 March 2023", False)]
    assert days("Filed 2024-05-02.", None) == [("2024-05-02", "2024-05-02", False)]


def test_weekdays_read_back_from_the_publication_date_in_past_tense():
    assert days("The river rose on Monday.") == [("2024-05-13", "on Monday", False)]
    assert days("The council met on Thursday.") == [("2024-05-16", "on Thursday", False)]
    assert days("Last Friday the mayor resigned.") == [("2024-05-10", "Last Friday", False)]


def test_future_sentences_resolve_forward_and_stay_future():
    assert days("The minister will visit on Monday.") == [("2024-05-20", "on Monday", True)]
    assert days("Talks resume next Tuesday.") == [("2024-05-21", "next Tuesday", True)]
    assert days("A vote is expected on May 20.") == [("2024-05-20", "May 20", True)]
    # reported speech: what someone said would happen is still ahead of the article
    assert days("He said divers would examine the base on Monday.") == [("2024-05-20", "on Monday", True)]


def test_deictic_words_and_counted_days():
    assert days("Yesterday the levee held; today it failed.") == [
        ("2024-05-15", "Yesterday", False), ("2024-05-16", "today", False)]
    assert days("The strike began three days ago.") == [("2024-05-13", "three days ago", False)]


def test_month_day_without_year_takes_the_nearest_year_before_publication():
    assert days("The fire started on 20 December.", date(2024, 1, 5)) == [("2023-12-20", "20 December", False)]


def test_weekday_next_to_a_date_is_not_counted_twice():
    assert days("On Tuesday, May 14, 2024 the dam broke.", date(2024, 6, 30)) == [("2024-05-14", "May 14, 2024", False)]


def test_weeks_and_months_are_kept_apart_from_days():
    found = find_mentions("Prices rose last week and will fall next month.", THU)
    assert [(m.granularity, m.value.isoformat(), m.future) for m in found] == [
        ("week", "2024-05-06", False), ("month", "2024-06-01", True)]


def test_words_that_only_look_like_dates_are_ignored():
    assert days("Officials may 20 percent of the budget.") == []
    assert days("Mayday calls rose.") == []
    assert find_mentions("We march on.", THU) == []


def test_time_stamps_of_pages_and_comments_are_not_mentions():
    assert days("May 14, 2024 at 6:19 pm | Reply The levee will hold.") == []
    assert days("Tuesday 14 May 2024 19.10 BST The river rose.") == []
    assert days("Page last updated at 08:58 GMT, Tuesday, 14 May 2024 The dam held.") == []
    assert days("14 May 24 16:14 GMT The mayor spoke.") == []


def test_a_date_with_a_clock_time_that_the_sentence_introduces_is_a_mention():
    assert days("The dam broke on May 14, 2024 at 4:53 pm local time.") == [("2024-05-14", "May 14, 2024", False)]
    assert days("The gate was shut on Monday at 12:37 p.m.") == [("2024-05-13", "on Monday", False)]
