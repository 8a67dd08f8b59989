"""Sketches: words as numpy arrays, content-word bags, sentence anchors and MinHash signatures, a batch at a time."""

import numpy as np

from newsdesk.copies.sketch import anchors, bags, permutations, signature, signatures, sketch_texts
from newsdesk.copies.tokens import fold, tokenize, word_hashes
from newsdesk.ids import normalise_body

PERM = permutations(128, 1)
LONG = "Forty homes were flooded and three hundred people fled to the school on the hill."
TEXTS = [
    "The river burst its banks at Aldmoor on Tuesday. " + LONG,
    "Rescue teams in Aldmoor said the water was still rising; the mayor asked for army help.\n" + LONG,
    "",
    "A b c d.",
    "Zürich’s council — in a “special” session — voted 41 to 5 for the new tram line.",
    "the of and to in",
]


def test_a_word_hashes_the_same_wherever_it_stands():
    h = word_hashes("flood aldmoor flood rescue")
    assert h[0] == h[2] and len(set(h.tolist())) == 3
    assert word_hashes("aldmoor")[0] == h[1]
    assert len(word_hashes("")) == 0


def test_tokens_follow_the_normalised_body_and_its_sentences():
    tokens = tokenize(TEXTS)
    for i, text in enumerate(TEXTS):  # the same words as normalise_body, in order, Unicode text included
        assert tokens.hashes[tokens.text == i].tolist() == word_hashes(normalise_body(text)).tolist()
    first = tokens.sentence[tokens.text == 0]
    assert len(set(first.tolist())) == 2  # "... on Tuesday." ends a sentence
    assert set(first.tolist()).isdisjoint(tokens.sentence[tokens.text == 1].tolist())  # texts never share one
    assert tokens.lengths[tokens.text == 4].tolist()[0] == len("zürich".encode())  # bytes, not characters
    assert fold("Smith said: yes. Then\nleft!") == b"smith said\x02 yes\x01 then\x00left\x01"


def test_bags_drop_stopwords_and_one_byte_words():
    together = bags(tokenize(TEXTS), len(TEXTS))
    assert len(together) == len(TEXTS)
    assert len(together[2]) == 0 and len(together[3]) == 0 and len(together[5]) == 0
    river = together[0]
    assert np.all(np.diff(river.astype(np.int64)) > 0)  # sorted and distinct
    assert word_hashes("aldmoor")[0] in river and word_hashes("the")[0] not in river
    alone = [bags(tokenize([t]), 1)[0] for t in TEXTS]
    assert [b.tolist() for b in together] == [b.tolist() for b in alone]


def test_a_long_sentence_shared_verbatim_gives_the_same_anchor():
    found = anchors(tokenize(TEXTS), len(TEXTS))
    assert len(found[0]) == 1 and len(found[1]) == 2  # the rescue sentence and the shared one
    assert found[0][0] in found[1]
    assert len(found[4]) == 1 and not any(len(a) for a in found[2:4])
    reworded = anchors(tokenize([LONG.replace("Forty", "Fifty")]), 1)[0]
    assert reworded[0] not in found[1]


def test_signatures_of_a_batch_equal_each_signature_alone():
    sets = bags(tokenize(TEXTS), len(TEXTS))
    rows = signatures(sets, PERM)
    for s, row in zip(sets, rows):
        assert np.array_equal(signature(s, PERM), row)
    assert np.all(rows[2] == 0xFFFFFFFF)  # an empty set fills no bin
    sketches = sketch_texts(TEXTS, PERM)
    assert all(np.array_equal(sk.values, row) for sk, row in zip(sketches, rows))


def test_similar_texts_agree_on_bins_in_proportion_to_their_shared_words():
    base = " ".join(f"word{i}" for i in range(400))
    half = " ".join(f"word{i}" for i in range(200, 600))  # Jaccard 200 / 600
    other = "unrelated entirely different vocabulary here"
    a, b, c = signatures(bags(tokenize([base, half, other]), 3), PERM)
    assert abs((a == b).mean() - 1 / 3) < 0.12
    assert (a == c).mean() < 0.05
