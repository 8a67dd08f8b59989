"""Entity mentions and canonical names, on invented articles.

The rules are tested on Docs whose entities are set by hand (what the small model tagged, right
or wrong), so the tests pin our behaviour, not the model's; one test runs the real model.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Span

from newsdesk.facts.entities import canonical_names, find_mentions, same_surname
from newsdesk.facts.gazetteer import Gazetteer


def tagged(text: str, ents: list[tuple[str, str]]):
    """A Doc of ``text`` whose entities are the given (surface, spaCy label), at every occurrence."""
    doc = spacy.blank("en")(text)
    spans = []
    for surface, label in ents:
        for m in re.finditer(re.escape(surface), text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is not None and not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def by_text(mentions):
    return {m.text: (m.label, m.canonical) for m in mentions}


def test_city_tagged_as_person_or_org_becomes_place():
    doc = tagged("Kharkiv came under fire again. Odesa said its port was closed. Jordan Peterson spoke.",
                 [("Kharkiv", "PERSON"), ("Odesa", "ORG"), ("Jordan Peterson", "PERSON")])
    found = by_text(find_mentions(doc, "a1"))
    assert found["Kharkiv"][0] == "LOC"
    assert found["Odesa"][0] == "LOC"
    assert found["Jordan Peterson"][0] == "PER"  # a full name is not a place


def test_title_makes_a_person_and_is_kept_apart():
    doc = tagged("Mr Xi met Spokeswoman Haley Morris.", [("Xi", "ORG"), ("Spokeswoman Haley Morris", "ORG")])
    mentions = find_mentions(doc, "a1")
    found = {m.text: m for m in mentions}
    assert found["Xi"].label == "PER" and found["Xi"].title == "Mr"
    assert found["Haley Morris"].label == "PER" and found["Haley Morris"].title == "Spokeswoman"
    assert doc.text[found["Haley Morris"].start:found["Haley Morris"].end] == "Haley Morris"


def test_one_label_per_name_in_an_article():
    doc = tagged("Volodymyr Zelenskiy arrived. Zelenskiy said the aid mattered. Zelenskiy left.",
                 [("Volodymyr Zelenskiy", "PERSON"), ("Zelenskiy said", "ORG")])
    doc = tagged(doc.text, [("Volodymyr Zelenskiy", "PERSON"), ("Zelenskiy", "ORG")])
    labels = [m.label for m in find_mentions(doc, "a1")]
    assert labels == ["PER", "PER", "PER"]


def test_surname_and_title_forms_take_the_full_name():
    doc = tagged("Chinese leader Xi Jinping met Joe Biden. Mr Xi said little. Biden smiled.",
                 [("Xi Jinping", "PERSON"), ("Joe Biden", "PERSON"), ("Xi", "PERSON"), ("Biden", "PERSON")])
    mentions = canonical_names(find_mentions(doc, "a1"))
    assert [m.canonical for m in mentions] == ["Xi Jinping", "Joe Biden", "Xi Jinping", "Joe Biden"]


def test_spelling_variants_merge_across_the_desk():
    known: dict[str, str] = {}
    articles = [
        ("Volodymyr Zelenskiy addressed parliament.", "Volodymyr Zelenskiy"),
        ("Volodymyr Zelensky visited the front.", "Volodymyr Zelensky"),
        ("President Volodymyr Zelenskyy thanked allies.", "Volodymyr Zelenskyy"),
        ("Zelensky spoke by phone.", "Zelensky"),
    ]
    canon = []
    for i, (text, name) in enumerate(articles):
        mentions = canonical_names(find_mentions(tagged(text, [(name, "PERSON")]), f"a{i}"), known)
        canon.append(mentions[0].canonical)
    assert canon == ["Volodymyr Zelenskiy"] * 4


def test_different_people_with_close_names_stay_apart():
    known: dict[str, str] = {}
    for i, name in enumerate(["Hillary Clinton", "Bill Clinton", "Mark Kelly", "Megyn Kelly", "Joe Biden",
                              "Hunter Biden"]):
        mentions = canonical_names(find_mentions(tagged(f"{name} spoke.", [(name, "PERSON")]), f"a{i}"), known)
        assert mentions[0].canonical == name
    assert not same_surname("Kelly", "Kennedy")
    assert same_surname("Gaddafi", "Qaddafi")  # transliterations differing in the first letter


def test_acronym_takes_the_organisation_name_and_places_one_name():
    doc = tagged("The United Nations (UN) met in Kiev. The UN said Kyiv was safe. The U.S. agreed.",
                 [("United Nations", "ORG"), ("UN", "ORG"), ("Kiev", "GPE"), ("Kyiv", "GPE"), ("U.S.", "GPE")])
    found = [(m.text, m.canonical) for m in canonical_names(find_mentions(doc, "a1"))]
    assert ("UN", "United Nations") in found
    assert ("Kiev", "Kyiv") in found and ("Kyiv", "Kyiv") in found
    assert ("U.S.", "United States") in found


def test_gazetteer_lookup():
    gaz = Gazetteer()
    assert gaz.place_name("the Gaza Strip") == "Gaza"
    assert gaz.place_name("Kharkov") == "Kharkiv"
    assert gaz.place_name("Boris Johnson") is None


@pytest.fixture(scope="module")
def nlp():
    from newsdesk.facts.nlp import load_nlp

    return load_nlp("full")


def test_real_model_article(nlp):
    text = ("Ukrainian President Volodymyr Zelenskiy travelled to Washington on Monday. "
            "Zelenskiy met lawmakers at the Capitol, and the White House said talks would continue.")
    mentions = canonical_names(find_mentions(nlp(text), "a1"))
    people = {m.canonical for m in mentions if m.label == "PER"}
    assert people == {"Volodymyr Zelenskiy"}
    assert any(m.label == "LOC" and m.text == "Washington" for m in mentions)


def test_a_titled_name_tagged_as_organisation_first_in_the_text(nlp):
    # the first entity of an article being "<title> <Name>" tagged ORG once raised UnboundLocalError
    from spacy.tokens import Doc, Span

    from newsdesk.facts.entities import find_mentions

    doc = Doc(nlp.vocab, words=["Spokeswoman", "Haley", "Morris", "said", "no", "."])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    [m] = find_mentions(doc, "a1")
    assert (m.text, m.label) == ("Haley Morris", "PER")


_ARTICLE = ("Ukrainian President Volodymyr Zelenskiy travelled to Washington on Monday, officials said. "
            "He met lawmakers at the Capitol, and the White House said the talks would go on for weeks. "
            "The rain did not stop in the evening, and the streets of the old quarter were quiet after dark. "
            "Aid will reach Kharkiv by Friday, said Marta Olenko, a spokeswoman for the Red Cross. "
            "Prices rose by a tenth over the year, as they had the year before and the year before that. "
            "Russian forces shelled Odesa again, and Zelenskiy said the Kremlin wanted a frozen war.")


@pytest.fixture(scope="module")
def windowed():
    from newsdesk.facts.nlp import load_nlp

    return load_nlp("ner"), load_nlp("ner-all")


def test_name_windows_find_the_names_of_the_whole_text(windowed):
    fast, whole = windowed
    gaz = Gazetteer()
    names = [{(m.text, m.label) for m in find_mentions(nlp(_ARTICLE), "a1", gaz)} for nlp in (fast, whole)]
    assert names[0] >= names[1]  # and more: a lone known place is tagged without the model (Odesa here)
    assert {("Volodymyr Zelenskiy", "PER"), ("Marta Olenko", "PER"), ("Red Cross", "ORG"), ("Kharkiv", "LOC"),
            ("Odesa", "LOC")} <= names[0]


def test_name_windows_skip_text_without_names(windowed):
    fast, _whole = windowed
    windows = fast.get_pipe("newsdesk_name_windows")
    doc = fast.make_doc(_ARTICLE)
    plan = windows._plan(doc)
    sub, index = windows._sub(doc, plan)
    places = plan.places
    kept = {doc[i].text for i in index}
    assert "Zelenskiy" in kept and "Olenko" in kept
    assert not {"rain", "evening", "quarter", "tenth", "year"} & kept  # words far from any name
    assert len(sub) == len(index) < 0.7 * len(doc)
    # a lone known place opens no window: the place is tagged without the model
    assert [doc[i].text for i in places] == ["Kharkiv", "Odesa"]
    assert fast(_ARTICLE).text == _ARTICLE  # the article's own tokens and text come back


def test_name_windows_on_empty_and_lowercase_text(windowed):
    fast, _whole = windowed
    assert list(fast("").ents) == []
    assert list(fast("nothing here is named, it rains.").ents) == []


def test_desk_names_merge_through_the_index():
    from newsdesk.facts.entities import NameIndex
    from newsdesk.facts.records import Mention

    def people(text, *names):
        out = []
        for name in names:
            start = text.index(name)
            out.append(Mention("a", start, start + len(name), name, "PER", name))
        return out

    known: dict[str, str] = {}
    index = NameIndex(known)
    first = canonical_names(people("Volodymyr Zelensky spoke.", "Volodymyr Zelensky"), known, None, index)
    second = canonical_names(people("Volodymyr Zelenskyy and Zelenskyy.", "Volodymyr Zelenskyy", "Zelenskyy"),
                             known, None, index)
    other = canonical_names(people("Olena Kovalenko.", "Olena Kovalenko"), known, None, index)
    assert [m.canonical for m in first + second] == ["Volodymyr Zelensky"] * 3
    assert other[0].canonical == "Olena Kovalenko"
    # a later batch building its index from the stored names merges the same way
    later = canonical_names(people("Zelenskiy said.", "Zelenskiy"), dict(known))
    assert later[0].canonical == "Volodymyr Zelensky"


def test_a_batch_reports_only_the_names_it_added():
    from newsdesk.facts.entities import NameIndex
    from newsdesk.facts.records import Mention

    def mention(name, label="PER"):
        return Mention("a", 0, len(name), name, label, name)

    known = {"volodymyr zelensky": "Volodymyr Zelensky", "org:united nations": "United Nations"}
    index = NameIndex(known)
    canonical_names([mention("Volodymyr Zelenskyy"), mention("Olena Kovalenko"), mention("United Nations", "ORG"),
                     mention("Red Cross", "ORG")], known, None, index)
    # the variant and the new names are stored for the next run; what the desk knew is not written again
    assert index.take_added() == {"volodymyr zelenskyy": "Volodymyr Zelensky", "olena kovalenko": "Olena Kovalenko",
                                  "org:red cross": "Red Cross"}
    canonical_names([mention("Olena Kovalenko")], known, None, index)
    assert index.take_added() == {}
