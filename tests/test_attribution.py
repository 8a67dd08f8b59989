from newsdesk.attribution import name_pronoun_speakers
from newsdesk.facts.records import Quote

TEXT = ('"We are ready," said chief engineer Tomas Grell. He said two cracks had been found. '
        'She said nothing, the mayor recalled.')


def _quote(content: str, mention_at: int, mention: str, speaker: str | None) -> Quote:
    start = TEXT.index(content)
    return Quote("a1", content, start, start + len(content), False, speaker, mention, mention_at,
                 mention_at + len(mention), "said")


def test_a_pronoun_speaker_gets_the_name_the_facts_stage_resolved():
    he = TEXT.index("He said")
    quotes = {"a1": [_quote("two cracks had been found", he, "He", "Tomas Grell")]}
    shown = "He said two cracks had been found."
    assert name_pronoun_speakers(shown, ["a9", "a1"], quotes, {"a1": TEXT}) == (
        "He [Tomas Grell] said two cracks had been found.")


def test_nothing_is_added_when_unresolved_or_the_sentence_is_not_printed_as_is():
    she = TEXT.index("She said")
    quotes = {"a1": [_quote("nothing", she, "She", None)]}
    assert name_pronoun_speakers("She said nothing, the mayor recalled.", ["a1"], quotes, {"a1": TEXT}) == (
        "She said nothing, the mayor recalled.")
    he = TEXT.index("He said")
    quotes = {"a1": [_quote("two cracks had been found", he, "He", "Tomas Grell")]}
    assert name_pronoun_speakers("He said two cracks were found.", ["a1"], quotes, {"a1": TEXT}) == (
        "He said two cracks were found.")
