import random

from newsdesk.cluster.centroids import StoryArrays
from newsdesk.terms import cosine


def test_best_stories_score_exactly_as_the_dict_cosine():
    """Scored together through arrays, the two best stories and their similarities are those of
    terms.cosine, bit for bit, while centroids change, stories drop out and ties occur."""
    rng = random.Random(7)
    words = [f"w{i}" for i in range(200)] + [f"@n{i}" for i in range(40)]
    arrays, cens = StoryArrays(), {}
    for _ in range(600):
        sid = f"s{rng.randrange(40)}"
        cens[sid] = {t: rng.random() for t in rng.sample(words, rng.randrange(0, 60))}
        if rng.random() < 0.2:  # a twin: equal similarities, broken by id as before
            cens[f"t{sid}"] = dict(cens[sid])
        if rng.random() < 0.1:
            arrays.drop(rng.choice(sorted(cens)))
        vec = {t: rng.random() for t in rng.sample(words, rng.randrange(0, 80))}
        stories = [(g, c, 1.0 + rng.randrange(4) / 240) for g, c in rng.sample(sorted(cens.items()), min(len(cens), 32))]
        want = sorted(((cosine(vec, c) / d, g) for g, c, d in stories if cosine(vec, c) > 0), reverse=True)
        got = arrays.best(vec, stories)
        assert got[:2] == want[:2]
        assert set(got) <= set(want)


def test_no_shared_term_no_story():
    arrays = StoryArrays()
    assert arrays.best({"quake": 1.0}, [("s1", {"cup": 1.0}, 1.0)]) == []
    assert arrays.best({"quake": 1.0}, []) == []
