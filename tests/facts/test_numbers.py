"""Parsing quantities: digits and words, scale words, currencies, ranges, votes, qualifiers,
and the numbers that are not figures (dates, ages, times, durations, ordinals, names).

All sentences are invented, in newswire style."""

from __future__ import annotations

import pytest

from newsdesk.facts.numbers import find_quantities, words_value


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, [q.text for q in qs]
    q = qs[0]
    assert text[q.start: q.end] == q.text
    return q


@pytest.mark.parametrize(("text", "value"), [
    ("Officials counted 1,214 casualties across the province.", 1214),
    ("The agency said 3.2 million people needed food aid.", 3_200_000),
    ("The ministry ordered a million rounds of artillery ammunition.", 1_000_000),
    ("Rescuers pulled 17 survivors from the rubble.", 17),
    ("Twenty-six civilians were evacuated from the village.", 26),
    ("Two hundred and fifty workers walked off the job.", 250),
    ("The region hosts half a million refugees.", 500_000),
    ("A quarter of a million people lost power overnight.", 250_000),
    ("The army deployed 12,500 soldiers to the border.", 12_500),
    ("Some 2.5 billion people live in the affected countries.", 2_500_000_000),
    ("The convoy carried 150000 tonnes of grain.", 150_000),
    ("Seven people were hurt when the bridge collapsed.", 7),
])
def test_numbers_in_digits_and_words_with_scale_words(text, value):
    assert one(text).value == value


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("Some 1.4 million people have fled the fighting.", "some", 1_400_000),
    ("The storm killed nearly 300 people.", "nearly", 300),
    ("At least 596 people were injured, officials said.", "at least", 596),
    ("More than 2,000 homes were destroyed.", "more than", 2000),
    ("The shelter can hold up to 500 families.", "up to", 500),
    ("About 40 protesters were detained.", "about", 40),
    ("Over 100 villages lost water supplies.", "over", 100),
    ("Almost 90 percent of the town was flattened.", "almost", 90),
    ("Police arrested as many as 80 people.", "as many as", 80),
    ("Fewer than 20 lawmakers attended.", "fewer than", 20),
])
def test_qualifiers_are_kept_with_the_figure(text, qualifier, value):
    q = one(text)
    assert (q.qualifier, q.value) == (qualifier, value)
    assert q.text.lower().startswith(qualifier)


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("Dozens of people were wounded in the blast.", "dozens", 24),
    ("Hundreds of families spent the night outdoors.", "hundreds", 200),
    ("Tens of thousands of people fled the city.", "tens of thousands", 20_000),
    ("Thousands marched through the capital on Sunday.", "thousands", 2000),
])
def test_vague_counts_are_flagged_with_a_lower_bound(text, qualifier, value):
    q = one(text)
    assert q.vague and q.qualifier == qualifier and q.value == value


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("The government approved $350 million for reconstruction.", "USD", 350_000_000),
    ("The bank lent US$1.2 billion to the utility.", "USD", 1_200_000_000),
    ("Brussels pledged €50 million in emergency aid.", "EUR", 50_000_000),
    ("London will give £20m to the relief effort.", "GBP", 20_000_000),
    ("The fund raised 1.5 billion euros last year.", "EUR", 1_500_000_000),
    ("The deal is worth $2bn, the company said.", "USD", 2_000_000_000),
    ("Bread now costs 2,000 Syrian pounds a bag.", "SYP", 2000),
    ("Tokyo offered 10 billion yen in loans.", "JPY", 10_000_000_000),
])
def test_currencies(text, unit, value):
    q = one(text)
    assert (q.unit, q.value) == (unit, value)


def test_a_conversion_in_brackets_is_attached_not_counted_twice():
    text = "Singapore will spend US$1.2 billion (S$1.6 billion) on the new terminal."
    q = one(text)
    assert (q.unit, q.value, q.converted) == ("USD", 1_200_000_000, "SGD 1600000000")


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("Turnout was 45% in the capital.", "percent", 45),
    ("The party won 32.5 per cent of the vote.", "percent", 32.5),
    ("Prices rose 7 percent in May.", "percent", 7),
    ("Support fell by 3 percentage points.", "percentage points", 3),
])
def test_percentages(text, unit, value):
    q = one(text)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Between 200 and 300 people were detained overnight.", 200, 300, None),
    ("Another 200-300 people are still unaccounted for.", 200, 300, None),
    ("Repairs will cost 2 to 3 million euros.", 2_000_000, 3_000_000, "EUR"),
    ("Growth of 40-50% is expected.", 40, 50, "percent"),
    ("The fund needs between $1 million and $2 million.", 1_000_000, 2_000_000, "USD"),
])
def test_ranges_have_a_low_and_a_high_end(text, low, high, unit):
    q = one(text)
    assert (q.value, q.value_high, q.unit) == (low, high, unit)


@pytest.mark.parametrize("text", [
    "The resolution passed 141 to 5 with 35 abstentions.",
    "Lawmakers voted 141-5 to approve the budget.",
    "The motion was carried by 141 votes to 5.",
])
def test_votes(text):
    q = find_quantities(text)[0]
    assert (q.unit, q.value, q.against) == ("votes", 141, 5)


def test_a_score_is_not_a_figure():
    assert find_quantities("The home side won 3-1 on Sunday.") == []


@pytest.mark.parametrize("text", [
    # dates and years
    "The ceasefire took effect on June 5.",
    "The talks opened on 5 June 2024 in Geneva.",
    "The report was filed on 2024-06-05.",
    "The uprising began in 2011.",
    "Prices have doubled since the 1990s.",
    "The 2014-15 season was cut short.",
    # ages
    "The suspect, aged 45, was held.",
    "A 45-year-old man was arrested.",
    "The driver was 45 years old.",
    "John Smith, 45, a teacher from the town, was questioned.",
    "The victim was named as Ana Lopez (38) by police.",
    # times
    "The blast happened at 10:30 on Monday.",
    "Polls close at 8 p.m. local time.",
    "The strike hit at 0914 GMT.",
    # durations
    "The siege lasted for 3 days.",
    "The ceasefire held for two weeks.",
    "Talks went on for 48 hours.",
    "A three-day truce was agreed.",
    # ordinals
    "It was the 21st attack on the city.",
    "She finished 3rd in the race.",
    # street and route numbers, names with numbers
    "Protesters gathered outside 10 Downing Street.",
    "Traffic was stopped on Route 66.",
    "The crash closed Highway 1 near the coast.",
    "The Apollo 11 mission landed on the Moon.",
    "Leaders of the G7 met in Italy.",
    "Cases of COVID-19 rose again.",
    "The council cited Resolution 2334 in its statement.",
    "Two F-16 jets were scrambled.",
    # "one" as a pronoun
    "One of the organisers said the march would go ahead.",
])
def test_non_figures(text):
    kept = [q.text for q in find_quantities(text)
            if not q.text.lower().startswith("two")]  # "Two F-16 jets" is a count of jets
    assert kept == []


def test_figures_next_to_non_figures_survive():
    text = "On June 5, 2024, 45 people were killed in a 3-hour assault on the 2nd district."
    assert [q.value for q in find_quantities(text)] == [45]


def test_one_person_is_a_count():
    assert [q.value for q in find_quantities("One person died and one of the guards was hurt.")] == [1]


def test_words_value():
    assert words_value("twenty-six") == 26
    assert words_value("a dozen") == 12
    assert words_value("three hundred thousand") == 300_000
    assert words_value("nonsense") is None


def test_offsets_point_into_the_text():
    text = "Officials said 1,200 people fled, and aid worth $5 million arrived; at least 3 died."
    qs = find_quantities(text)
    assert [text[q.start: q.end] for q in qs] == ["1,200", "$5 million", "at least 3"]


@pytest.mark.parametrize("text", ["05-07-2015 Raids on the city", "02.10.2017 Blast in the capital",
                                  "On 2024-06-05 the talks resumed"])
def test_numeric_dates_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_from_to_range_with_a_qualifier_on_its_high_end():
    (q,) = find_quantities("Opponents said the attack killed from 500 to well over 1000 people.")
    assert (q.text, q.value, q.value_high) == ("from 500 to well over 1000", 500, 1000)


def test_a_change_from_one_value_to_another_is_not_a_range():
    assert [q.value for q in find_quantities("The toll rose from 20 to 30 on Friday.")] == [20, 30]


@pytest.mark.parametrize("text", [
    "The sirens started at four in the morning.",
    "The church bell rang nine times at noon.",
    "The warning is on page 17 of the report.",
    "Visitors had been queuing since before eight.",
    "The helpline is open on 0800 123 456 all day.",
    "Get short URL 0 417 Rebels shelled the town.",
])
def test_times_frequencies_pages_and_phone_numbers_are_not_figures(text):
    assert [q.text for q in find_quantities(text)] == []


def test_a_difference_is_not_a_count_but_the_count_after_it_is():
    got = [q.value for q in find_quantities("At least 31 people died, four more than the 27 deaths confirmed.")]
    assert got == [31, 27]


def test_qualifiers_from_rewritten_copies():
    got = [(q.qualifier, q.value) for q in find_quantities("It killed at the least 12 and left greater than 60.")]
    assert got == [("at the least", 12), ("greater than", 60)]
