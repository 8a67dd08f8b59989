from newsdesk.clean import OutletLines, clean_batch
from newsdesk.clean.text import clean_text, is_rule_boilerplate, parse_header
from newsdesk.records import RawDoc
from newsdesk.settings import Settings

BODY = (
    "KESSING, April 16 (MP) - Rescue crews reached the cut-off village of Brennick on Tuesday.\n\n"
    '"We have found families on every roof," said fire chief Anton Reis.\n\n'
    "By Sofia Lind\n"
)


def test_header_lines_title_and_date():
    text = "Dam fails above Aldmoor\ndate 2024-04-15\nSource: Valley Herald\n\n" + BODY
    c = clean_text(text)
    assert c.title == "Dam fails above Aldmoor"
    assert c.header["date"] == "2024-04-15"
    assert c.outlet == "Valley Herald"
    assert c.text.startswith("KESSING, April 16")
    header, _ = parse_header(["Title here", "Publish : 2023-06-01 09:40:00", "", "Body."])
    assert header["date"] == "2023-06-01 09:40:00"


def test_rules_drop_pitches_prompts_and_footers_but_keep_body_quotes_and_byline():
    junk = [
        "Subscribe to the Herald from just \u20ac1 a week and never miss a story.",
        "Sign up for our morning newsletter",
        "What do you think? Tell us in the comments below.",
        "Leave a comment",
        "Share this:",
        "Facebook | X | WhatsApp | Email",
        "Source link",
        "Back to top",
        "\u00a9 2019 Valley Herald. All rights reserved.",
        "Photo: Karl Weiss / Meridian Press",
    ]
    for line in junk:
        assert is_rule_boilerplate(line), line
    text = "A title\n\n" + BODY + "\n" + "\n".join(junk) + "\n\nRelated articles:\n- Heavy rain warning\n- Bakery turns 40\n"
    c = clean_text(text)
    assert '"We have found families on every roof," said fire chief Anton Reis.' in c.text
    assert "By Sofia Lind" in c.text
    for line in junk + ["- Heavy rain warning", "- Bakery turns 40"]:
        assert line not in c.text
    assert "- Heavy rain warning" in c.removed


def test_long_body_sentences_mentioning_rule_words_are_kept():
    line = ("The agency said residents who wish to share information about missing relatives should call the "
            "hotline, and that comments on the dam's safety record would follow once divers had inspected it.")
    assert not is_rule_boilerplate(line)


def test_outlet_boilerplate_is_learned_from_the_pile():
    docs = []
    for i in range(4):
        body = f"Story number {i} about the valley and its {i * 7} rivers, told at length.\n\nSecond paragraph {i}."
        docs.append(RawDoc(source=f"h{i}.txt", fmt="txt", folder="valley_herald",
                           text=f"Tessel Valley Herald \u2014 Your valley, your voice\nHeadline {i}\n\n{body}\n\nThe Herald team wishes you a good day"))
    results, increments = clean_batch(docs, OutletLines(min_docs=3), Settings())
    for (doc, c) in results:
        assert c.title.startswith("Headline")
        assert "Your valley, your voice" not in c.text
        assert "The Herald team wishes you a good day" not in c.text
        assert c.outlet == "Valley Herald"
        assert "Story number" in c.text
    assert increments["valley herald"]


def test_recurring_background_paragraphs_are_not_boilerplate():
    background = ("The Harrow Gap Dam, a 42-metre embankment completed in 1971, had been flagged for repairs in two "
                  "inspection reports, the latest of them in 2021, according to documents seen by the paper.")
    docs = [RawDoc(source=f"b{i}.txt", fmt="txt", outlet="Courier",
                   text=f"Title {i}\n\nLead paragraph number {i} of the story.\n\n{background}\n\nMore {i}.\n\nEven more {i}.")
            for i in range(5)]
    results, _ = clean_batch(docs, OutletLines(min_docs=3), Settings())
    assert all(background in c.text for _, c in results)
