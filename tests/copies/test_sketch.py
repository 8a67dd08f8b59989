"""Sketches: word hashes, content-word bags and MinHash signatures, computed a batch at a time."""

import numpy as np

from newsdesk.copies.sketch import bag, bags, normalise_with_anchors, permutations, signature, signatures, \
    sketch_texts, word_hashes

PERM = permutations(128, 1)
TEXTS = [
    "The river burst its banks at Aldmoor on Tuesday. Forty homes were flooded and 300 people fled.",
    "Rescue teams in Aldmoor said the water was still rising; the mayor asked for army help.",
    "",
    "A b c d.",
    "Zürich’s council — in a “special” session — voted 41 to 5 for the new tram line.",
    "the of and to in",
]


def test_a_word_hashes_the_same_wherever_it_stands():
    h, lengths = word_hashes("flood aldmoor flood rescue")
    assert h[0] == h[2] and len(set(h.tolist())) == 3
    assert lengths.tolist() == [5, 7, 5, 6]
    alone, _ = word_hashes("aldmoor")
    assert alone[0] == h[1]
    assert word_hashes("zürich")[1].tolist() == [7]  # bytes, not characters
    assert len(word_hashes("")[0]) == 0


def test_bags_drop_stopwords_and_one_letter_words_and_match_one_at_a_time():
    norms = [normalise_with_anchors(t)[0] for t in TEXTS]
    together = bags(norms)
    assert [b.tolist() for b in together] == [bag(n, normalised=True).tolist() for n in norms]
    assert len(together[2]) == 0 and len(together[3]) == 0 and len(together[5]) == 0
    river = together[0]
    assert np.all(np.diff(river.astype(np.int64)) > 0)  # sorted and distinct
    assert word_hashes("aldmoor")[0][0] in river and word_hashes("the")[0][0] not in river


def test_signatures_of_a_batch_equal_each_signature_alone():
    norms = [normalise_with_anchors(t)[0] for t in TEXTS]
    sets = bags(norms)
    rows = signatures(sets, PERM)
    for s, row in zip(sets, rows):
        assert np.array_equal(signature(s, PERM), row)
    assert np.all(rows[2] == 0xFFFFFFFF)  # an empty set fills no bin
    sketches = sketch_texts(TEXTS, PERM)
    assert [sk.norm for sk in sketches] == norms
    assert all(np.array_equal(sk.values, row) for sk, row in zip(sketches, rows))


def test_similar_texts_agree_on_bins_in_proportion_to_their_shared_words():
    base = " ".join(f"word{i}" for i in range(400))
    half = " ".join(f"word{i}" for i in range(200, 600))  # Jaccard 200 / 600
    a, b, c = signatures(bags([base, half, "unrelated " * 3 + "entirely different vocabulary here"]), PERM)
    assert abs((a == b).mean() - 1 / 3) < 0.12
    assert (a == c).mean() < 0.05
