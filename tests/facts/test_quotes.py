"""Quotes, speakers and cues on invented articles.

Mentions are given by hand (what ``find_mentions`` + ``canonical_names`` would give), so these
tests pin the quote rules, not the NER model.
"""

from __future__ import annotations

import re

import spacy

from newsdesk.facts.quotes import find_quotes
from newsdesk.facts.records import Mention

NLP = spacy.blank("en")


def run(text: str, people: dict[str, str] = {}, orgs: dict[str, str] = {}):  # noqa: B006
    """Quotes of ``text``; ``people``/``orgs``: surface form -> canonical name, found at every occurrence."""
    mentions = []
    for table, label in ((people, "PER"), (orgs, "ORG")):
        for surface, canonical in table.items():
            for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention("a1", m.start(), m.end(), surface, label, canonical))
    quotes = find_quotes(NLP(text), "a1", mentions)
    for q in quotes:  # offsets point at the content, quote marks included
        assert text[q.start:q.end] == q.text or q.parts
    return quotes


def test_quote_then_speaker_straight_and_curly():
    text = ('Volodymyr Zelenskiy visited the front. "We will not give up," Zelenskiy said on Monday.\n\n'
            "“The aid is vital,” said Jake Sullivan, the national security adviser.")
    q1, q2 = run(text, {"Volodymyr Zelenskiy": "Volodymyr Zelenskiy", "Zelenskiy": "Volodymyr Zelenskiy",
                        "Jake Sullivan": "Jake Sullivan"})
    assert (q1.text, q1.speaker, q1.speaker_mention, q1.cue, q1.direct) == (
        '"We will not give up,"', "Volodymyr Zelenskiy", "Zelenskiy", "said", True)
    assert (q2.text, q2.speaker, q2.cue) == ("“The aid is vital,”", "Jake Sullivan", "said")


def test_speaker_before_quote_and_pronoun():
    text = ("Hillary Clinton spoke in Ohio. She said: “We are going to win this state.”\n\n"
            "Donald Trump disagreed. “She will lose badly,” he told reporters.")
    q1, q2 = run(text, {"Hillary Clinton": "Hillary Clinton", "Donald Trump": "Donald Trump"})
    assert q1.text == "“We are going to win this state.”" and q1.speaker == "Hillary Clinton"
    assert q1.speaker_mention == "She"
    assert q2.speaker == "Donald Trump" and q2.speaker_mention == "he" and q2.cue == "told"


def test_multi_sentence_and_multi_paragraph_quote():
    text = ("Mayor Anne Hidalgo spoke after the vote.\n\n"
            "“This is a turning point. Paris will not go back,” Hidalgo said. “We have waited too long.\n\n"
            "“The next step is the river,” she added.")
    quotes = run(text, {"Anne Hidalgo": "Anne Hidalgo", "Hidalgo": "Anne Hidalgo"})
    assert quotes[0].text.startswith("“This is a turning point. Paris will not go back")
    # the paragraph left open continues in the next one, up to "she added"
    rest = next(q for q in quotes if "We have waited too long" in q.text)
    assert "The next step is the river" in rest.text and rest.cue == "added"
    assert [q.speaker for q in quotes] == ["Anne Hidalgo"] * len(quotes)


def test_split_quote_is_one_quote():
    text = "“The deal is done,” Mr Xi said, “and it will hold.”"
    (q,) = run(text, {"Xi": "Xi Jinping"})
    assert q.speaker == "Xi Jinping" and q.speaker_mention.endswith("Xi")
    assert q.text == "“The deal is done,” “and it will hold.”"
    assert len(q.parts) == 2


def test_scare_quotes_titles_and_nicknames_are_not_quotes():
    text = ("The so-called “peace plan” was unveiled on Monday. Critics of the “Iron Lady” gathered. "
            "Tickets for “The Grand Budapest Hotel” sold out. The \"experts\" were absent.")
    assert run(text) == []


def test_mixed_quote_keeps_the_clause():
    text = "Senator Bernie Sanders said the plan was “a disaster for working families” and vowed to block it."
    (q,) = run(text, {"Bernie Sanders": "Bernie Sanders"})
    assert q.direct and q.speaker == "Bernie Sanders"
    assert q.text.startswith("the plan was “a disaster for working families”")


def test_indirect_quotes():
    text = ("The health ministry said that 40 people had been killed. "
            "According to the United Nations, aid convoys were blocked. "
            "The shelling continued overnight, Governor Oleh Syniehubov said. "
            "A senior official told Reuters the talks would resume.")
    quotes = run(text, {"Oleh Syniehubov": "Oleh Syniehubov"}, {"United Nations": "United Nations"})
    got = {(q.text, q.speaker, q.cue, q.direct) for q in quotes}
    assert ("that 40 people had been killed", None, "said", False) in got
    assert ("aid convoys were blocked", "United Nations", "According to", False) in got
    assert ("The shelling continued overnight", "Oleh Syniehubov", "said", False) in got
    assert ("the talks would resume", None, "told", False) in got
    official = next(q for q in quotes if q.cue == "told")
    assert official.speaker_mention == "A senior official"  # a description nobody resolves


def test_description_resolves_to_the_person_named_with_it():
    text = ("White House spokesman Josh Earnest held a briefing. Earnest declined to comment on Iran.\n\n"
            "Later the spokesman said the president had been briefed.")
    quotes = run(text, {"Josh Earnest": "Josh Earnest", "Earnest": "Josh Earnest"})
    q = next(q for q in quotes if q.speaker_mention == "the spokesman")
    assert q.speaker == "Josh Earnest"


def test_nyt_doubled_apostrophes_are_quote_marks():
    text = "''We are not going anywhere,'' Mr. Schumer said."
    (q,) = run(text, {"Schumer": "Chuck Schumer"})
    assert q.text == "''We are not going anywhere,''" and q.speaker == "Chuck Schumer" and q.direct


def test_pronoun_skips_a_person_of_the_other_gender():
    text = ("Donald Trump attacked Hillary Clinton at a rally on Monday.\n\n"
            "“He has no plan for the economy,” she said on Tuesday.")
    (q,) = run(text, {"Donald Trump": "Donald Trump", "Hillary Clinton": "Hillary Clinton"})
    assert (q.speaker_mention, q.speaker) == ("she", "Hillary Clinton")


def test_clause_joined_cue_takes_the_sentence_speaker():
    text = ("“We will win in November,” Carly Fiorina said, adding that the party “must unite now.” "
            "Jeb Bush smiled and said: “The voters will decide.”")
    quotes = run(text, {"Carly Fiorina": "Carly Fiorina", "Jeb Bush": "Jeb Bush"})
    assert [(q.speaker, q.cue) for q in quotes] == [("Carly Fiorina", "said"), ("Carly Fiorina", "adding"),
                                                  ("Jeb Bush", "said")]


def test_speaker_is_the_person_not_the_place_or_body_in_an_appositive():
    text = ('Mira Kolb, 52, who fled Dunhaven with her two sons, said they had left with "only the car".\n\n'
            "Otto Venn, whose brother died in Dunhaven and who speaks for the Harbour Families Group, "
            'said the families wanted "answers, not apologies".\n\n'
            'Sen. Ada Quist (R-Ohio) said the bill was "dead on arrival" in the chamber.\n\n'
            'Even so, most residents said they would stay in the valley for now.')
    quotes = run(text, {"Mira Kolb": "Mira Kolb", "Otto Venn": "Otto Venn", "Ada Quist": "Ada Quist",
                        "Dunhaven": "Dunhaven"}, {"Harbour Families Group": "Harbour Families Group"})
    assert [q.speaker for q in quotes[:3]] == ["Mira Kolb", "Otto Venn", "Ada Quist"]
    assert "most residents" in quotes[3].speaker_mention  # not the opening "Even so" alone


def test_pronoun_prefers_a_person_just_introduced_over_an_earlier_speaker():
    text = ('"We are rebuilding the school first," said Clara Voss, the mayor.\n\n'
            "Back at the shelter, Nina Hale, 80, sat on a camp bed with her cat. "
            'She said the water "came in like a train".\n\n'
            'A spokesman for the Transport Ministry said the bridge would stay shut. '
            'He said the government would pay for a ferry.')
    quotes = run(text, {"Clara Voss": "Clara Voss", "Nina Hale": "Nina Hale"}, {"Transport Ministry": "Transport Ministry"})
    by_text = {q.text[:12]: q for q in quotes}
    assert by_text['the water "c'].speaker == "Nina Hale"
    assert by_text["the governme"].speaker is None  # the unnamed spokesman, not the mayor


def test_speaker_after_a_title_abbreviation_a_described_person_and_spun_cue_verbs():
    text = ('"We pray for the living too," said the Rev. Ilse Marr, the vicar.\n\n'
            "Mayor Jon Tull said the town was still counting. "
            'The mayor of the worst-hit town accused the ministry of "counting slowly", the mayor said.\n\n'
            'Radio Nord\'s political correspondent Vera Quint said the sum was "respectable".\n\n'
            '"Stay away from the river," Jon Tull instructed. "We have enough volunteers," Vera Quint mentioned.')
    quotes = run(text, {"Ilse Marr": "Ilse Marr", "Jon Tull": "Jon Tull"}, {"Radio Nord": "Radio Nord"})
    speakers = {q.text.strip("“”\"")[:10]: q.speaker for q in quotes}
    assert speakers["We pray fo"] == "Ilse Marr"
    assert speakers["the sum wa"] == "Vera Quint"
    assert speakers["Stay away "] == "Jon Tull" and speakers["We have en"] == "Vera Quint"
    assert any(q.speaker == "Jon Tull" and "counting slowly" in q.text for q in quotes)


def test_quote_signed_with_a_dash_takes_the_name_after_it():
    text = ("Letters from our readers after the debate.\n"
            "“He never answered a single question about the river.” ― Lena Dorsch\n"
            "“I will vote, and so will my whole street.” — Paul Imre.\n")
    quotes = run(text, {"Lena Dorsch": "Lena Dorsch"})
    assert [q.speaker for q in quotes] == ["Lena Dorsch", "Paul Imre"]
    assert quotes[0].text == "“He never answered a single question about the river.”"


def test_mixed_quote_ends_at_its_quote_mark_when_a_new_clause_follows():
    text = ('Last week, Dana Ruiz called the tunnel plan "a slow disaster" as she left the council chamber.\n\n'
            'Ruiz said the budget was "out of reach" for the small towns.')
    q1, q2 = run(text, {"Dana Ruiz": "Dana Ruiz", "Ruiz": "Dana Ruiz"})
    assert q1.text == 'the tunnel plan "a slow disaster"' and q1.speaker == "Dana Ruiz"
    assert q2.text == 'the budget was "out of reach" for the small towns'  # a plain tail stays


def test_two_indirect_quotes_in_one_sentence_and_an_inverted_speaker_with_a_role():
    text = ("Among the farmers, 61 percent said they would plant less wheat, while 30 percent said "
            "they would wait for the next harvest.\n\n"
            "The river will not reach the old bridge before Friday, said Karl Ebner, a hydrologist at the "
            "regional water office.")
    quotes = run(text, {"Karl Ebner": "Karl Ebner"})
    texts = [q.text for q in quotes]
    assert texts[0] == "they would plant less wheat" and quotes[0].speaker_mention == "61 percent"
    assert texts[1] == "they would wait for the next harvest" and quotes[1].speaker_mention == "30 percent"
    assert texts[2] == "The river will not reach the old bridge before Friday" and quotes[2].speaker == "Karl Ebner"


def test_cue_words_used_as_nouns_attribute_nothing_without_a_that_clause():
    text = ("His remarks were brief and the hall emptied early. "
            "The alleged shooter, Tom Vick, is due in court on Wednesday.\n\n"
            "Norland promised €45 million in grants.")
    assert run(text, {"Tom Vick": "Tom Vick"}) == []


def test_quote_only_cues_call_for_and_a_cue_inside_a_subordinate_clause():
    text = ('"The budget is a fantasy," Lisa Brandt posted on Friday.\n\n'
            "The union called for a full audit of the harbour accounts.\n\n"
            "Lisa Brandt posted a photo of the harbour.\n\n"
            "After Brandt announced her candidacy for mayor, the hall emptied.\n\n"
            "The mood changed when Brandt announced her candidacy for mayor.")
    quotes = run(text, {"Lisa Brandt": "Lisa Brandt", "Brandt": "Lisa Brandt"})
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["posted"].text == '"The budget is a fantasy,"' and by_cue["posted"].speaker == "Lisa Brandt"
    assert by_cue["called"].text == "a full audit of the harbour accounts" and not by_cue["called"].direct
    announced = [q for q in quotes if q.cue == "announced"]
    assert [q.text for q in announced] == ["her candidacy for mayor"] * 2
    assert {q.speaker for q in announced} == {"Lisa Brandt"}
    assert not any("photo" in q.text for q in quotes)  # "posted" attributes only a quote-marked span


def test_colon_without_a_cue_gives_the_name_before_it_or_the_sentence_subject():
    text = ("Councillor Ada Lindqvist (Greens): “The dam report was on the minister's desk in 2019.”\n\n"
            "Ada Lindqvist delivered a sharp retort: “Nobody is tearing this plan up tonight.”\n\n"
            "Piet Amsel adopted the line of his party:\n\n"
            "“We rebuild first and ask questions after the winter.”")
    quotes = run(text, {"Ada Lindqvist": "Ada Lindqvist", "Piet Amsel": "Piet Amsel"})
    assert [q.speaker for q in quotes] == ["Ada Lindqvist", "Ada Lindqvist", "Piet Amsel"]
    assert quotes[1].text == "“Nobody is tearing this plan up tonight.”"


def test_a_quote_after_a_sentence_about_another_person_is_that_persons():
    text = ("“The valley needs the money now,” Mira Holt said.\n\n"
            "Jonas Pell repeated his demand for an inquiry. “We were told nothing for five years.”\n\n"
            "“I will vote, and so will my whole street.”\n\n— Paul Imre.\n")
    quotes = run(text, {"Mira Holt": "Mira Holt", "Jonas Pell": "Jonas Pell", "Paul Imre": "Paul Imre"})
    assert [q.speaker for q in quotes] == ["Mira Holt", "Jonas Pell", "Paul Imre"]


def test_continued_after_a_quote_and_a_name_or_place_closing_an_appositive():
    text = ("“The water came at night,” Mira Holt said. “We lost the mill.”\n\n"
            "“Nobody warned us,” she continued.\n\n"
            "Ivo Brand, the editor of the valley's weekly, Tessel Tidende, said the paper would keep printing.\n\n"
            "Mira Holt, at a meeting in Kessing, Estmark, said the town needed a new weir.\n\n"
            "Ivo Brand continued to print the paper every week.")
    quotes = run(text, {"Mira Holt": "Mira Holt", "Ivo Brand": "Ivo Brand"}, {"Tessel Tidende": "Tessel Tidende"})
    by_start = {q.text[:12]: q for q in quotes}
    assert by_start["“Nobody warn"].speaker_mention == "she" and by_start["“Nobody warn"].cue == "continued"
    assert by_start["the paper wo"].speaker == "Ivo Brand"
    assert by_start["the town nee"].speaker == "Mira Holt"
    assert not any(q.cue == "continued" and not q.direct for q in quotes)  # "continued to print" is no quote


def test_a_quote_inside_a_sentence_without_a_cue_is_its_subjects():
    text = ("“The valley needs the money now,” Mira Holt said.\n\n"
            "Jonas Pell voiced a wish for a “quick, fair and complete inquiry into the dam.”")
    quotes = run(text, {"Mira Holt": "Mira Holt", "Jonas Pell": "Jonas Pell"})
    assert quotes[1].text == "“quick, fair and complete inquiry into the dam.”" and quotes[1].speaker == "Jonas Pell"


def test_the_words_after_a_mixed_quote_stop_at_a_dash_or_after_a_quoted_comma():
    text = ('Ruiz called the mayor the "ultimate hypocrite," linking to a story about the weir.\n\n'
            'Ruiz said she was "encouraged" by the plan — a modest boost for the mayor.')
    q1, q2 = run(text, {"Ruiz": "Dana Ruiz"})
    assert q1.text == 'the mayor the "ultimate hypocrite,"'
    assert q2.text == 'she was "encouraged" by the plan'


def test_weak_cue_takes_a_quote_after_a_short_object_and_words_before_the_speaker_count():
    text = ('Dana Ruiz accused the members of the harbour board of being "asleep at the wheel."\n\n'
            '"We are frustrated" by the slow repairs on the weir, Mira Holt said.')
    q1, q2 = run(text, {"Dana Ruiz": "Dana Ruiz", "Mira Holt": "Mira Holt"})
    assert q1.text == 'the members of the harbour board of being "asleep at the wheel."' and q1.speaker == "Dana Ruiz"
    assert q2.text == '"We are frustrated" by the slow repairs on the weir' and q2.speaker == "Mira Holt"


def test_a_sentence_ends_before_a_no_break_space():
    text = ("Families said the wait was too long.\u00a0About 270 people have been resettled, officials said.")
    quotes = run(text)
    assert [q.text for q in quotes] == ["the wait was too long", "About 270 people have been resettled"]
    assert quotes[1].speaker_mention == "officials"


def test_a_title_ending_in_a_period_is_no_quote():
    text = ("Lena Dorsch spoke at the opening. She is now host of “The Morning Show with Lena Dorsch.”\n\n"
            "The station also runs “Night Talk From The Valley,” its call-in programme.")
    assert run(text, {"Lena Dorsch": "Lena Dorsch"}) == []


def test_pronoun_after_a_speaker_takes_the_speaker_not_a_person_named_later_in_his_sentence():
    text = ("Engineers were inspecting the weir on Tuesday.\n\n"
            'Chief engineer Tomas Grell said the weir had taken "an enormous load" when the wave from '
            "Ada Brun's farm passed over it. He said two cracks had been found on the downstream face.")
    quotes = run(text, {"Tomas Grell": "Tomas Grell", "Ada Brun": "Ada Brun"})
    by_text = {q.text[:10]: q for q in quotes}
    assert by_text["two cracks"].speaker == "Tomas Grell"
