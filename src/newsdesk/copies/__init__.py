"""Copies stage: which articles are copies of which, of what kind, with the evidence.

Public entry point: :func:`detect_copies`.

For each new article, LSH over content-word sets proposes a few candidates;
each candidate pair is then judged on the texts themselves:

- exact: same normalised body (outlet aside);
- near: the same wording with small edits (another headline, added
  boilerplate, a trimmed ending): 5-gram containment of the shorter text
  ≥ ``near_min_containment``; or most of both texts shared, with sentences
  kept in order and mostly word for word (``_near_evidence``);
- partial: a run of ≥ ``partial_min_run`` consecutive near-verbatim sentences
  of one inside the other, the rest being the copy's own;
- rewrite: the same report paraphrased (synonyms swapped, sentences merged,
  split or reordered, names garbled): at least ``rewrite_min_coverage`` of the
  copy's words sit in sentences aligned to the original, and a fair share of
  the original is covered too.

An outlet's second version of its own article is a revision, not a copy.
Direction and provenance are decided in :mod:`newsdesk.copies.link`.
"""

from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from ..ids import body_hash
from ..records import Article, CopyLink
from ..settings import Settings
from .align import VERBATIM, Alignment, Sentences, align_both
from .link import Match, link
from .search import batch_candidates
from .index import CopyIndex
from .sketch import Sketch, containment, shingles, sketch_texts, to_bytes

__all__ = ["detect_copies", "CopyIndex", "Sketch", "sketch_texts", "shingles", "judge"]

_FAR = "9999-12-31"


class _Features:
    """What a pair judgement needs of one article, computed once per run."""

    __slots__ = ("article", "anchors", "hash", "bag", "_index", "_shingles", "_sentences")

    def __init__(self, a: Article, index: CopyIndex, sketch: Sketch | None = None):
        self.article = a
        sketch = sketch or sketch_texts([a.text], index.perm)[0]
        self.anchors, self.bag = sketch.anchors, sketch.bag
        self.hash = a.body_hash or body_hash(a.text)
        self._index = index
        self._shingles: np.ndarray | None = None
        self._sentences: Sentences | None = None

    @property
    def shingles(self) -> np.ndarray:
        """Word 5-gram hashes, computed only when the article is judged against another."""
        if self._shingles is None:
            self._shingles = shingles(self.article.text, self._index.settings.shingle_words)
        return self._shingles

    @property
    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = Sentences.of(self.article.text)
        return self._sentences


NEAR_FLOOR = 0.7  # a near copy shares at least this much: below it, an in-order verbatim block is a partial


def _near_evidence(al: Alignment) -> float:
    """Positive when an alignment looks like a reprint with small edits rather than a paraphrase.

    A reprint keeps the original's sentence order and most sentences word for
    word; a paraphrase swaps words in most sentences and moves some. The
    weights come from a logistic fit on the spin generator's near copies against
    its light rewrites (bench/copies, 2-fold: 23 of 1,500 misjudged, against 65
    with 5-gram containment and verbatim share as thresholds); the generator's
    boilerplate counts, which differ between those recipes, were left out.
    """
    if not al.pairs:
        return -1.0
    verbatim_share = sum(1 for *_, sim in al.pairs if sim >= 0.999) / len(al.pairs)
    return 25 * al.mean_similarity + 35 * al.in_order + 12 * verbatim_share - 65


def judge(copy: _Features, original: _Features, al: Alignment, s: Settings) -> tuple[str, float, Alignment] | None:
    """The kind of copy ``copy`` is of ``original`` (kind, score, alignment), or None.

    ``al`` is ``copy`` aligned to ``original``.
    """
    if copy.hash == original.hash:
        return "exact", 1.0, al
    c_in_o = containment(copy.shingles, original.shingles)
    o_in_c = containment(original.shingles, copy.shingles)
    shorter = c_in_o if len(copy.shingles) <= len(original.shingles) else o_in_c
    if shorter >= s.near_min_containment or (shorter >= NEAR_FLOOR and al.copy_coverage >= NEAR_FLOOR
                                             and _near_evidence(al) > 0):
        return "near", round(shorter, 3), al
    if al.longest_run >= s.partial_min_run and al.copy_coverage < 0.65 and al.mean_similarity >= VERBATIM:
        return "partial", round(al.original_coverage, 3), al
    if al.original_coverage >= s.rewrite_min_coverage / 2 and (
            (al.copy_coverage >= s.rewrite_min_coverage and al.mean_similarity >= s.rewrite_min_similarity)
            or (al.copy_coverage >= 0.7 and al.mean_similarity >= s.rewrite_min_similarity - 0.05)):
        return "rewrite", round(al.score, 3), al
    if al.longest_run >= s.partial_min_run:
        return "partial", round(al.original_coverage, 3), al
    return None


def detect_copies(
    new: list[Article],
    index: CopyIndex,
    lookup: Callable[[str], Article | None],
    roots: dict[str, str | None],
    sketches: Mapping[str, Sketch] | None = None,
) -> tuple[list[CopyLink], dict[str, tuple[bytes, bytes]]]:
    """Find copies among ``new`` articles and between them and the indexed ones.

    ``lookup`` fetches a stored article by id; ``roots`` maps already checked
    article ids to their current ``copy_of`` (updated in place). ``sketches``
    (optional) holds new articles' sketches computed elsewhere, such as in
    worker processes (:func:`sketch_texts`). Returns the new or changed links
    (revisions included, with kind ``revision``) and, for each new article, the
    sketches to store: its MinHash signature and the hashes of its long sentences.
    """
    s = index.settings
    order = sorted(new, key=lambda x: (x.published.isoformat() if x.published else _FAR, x.id))
    sketches = sketches or {}
    todo = [a for a in order if a.id not in sketches]
    made = dict(zip((a.id for a in todo), sketch_texts([a.text for a in todo], index.perm)))
    sks = [sketches.get(a.id) or made[a.id] for a in order]
    feats = {a.id: _Features(a, index, sk) for a, sk in zip(order, sks)}
    candidates = batch_candidates(order, [sk.values for sk in sks], [sk.anchors for sk in sks], index)

    def features(aid: str) -> _Features | None:
        if aid not in feats:
            a = lookup(aid)
            if a is None:
                return None
            feats[aid] = _Features(a, index)
        return feats[aid]

    links: list[CopyLink] = []
    by_hash: dict[str, list[str]] = {}
    for a, cands in zip(order, candidates):
        fa = feats[a.id]
        cands += [oid for oid in by_hash.get(fa.hash, []) if oid not in cands]
        matches = [m for m in (_pair(fa, fo, s) for fo in map(features, cands) if fo is not None) if m is not None]
        by_hash.setdefault(fa.hash, []).append(a.id)
        if matches:
            links.extend(link(a, matches, roots))
    if order:
        index.add_many([a.id for a in order], np.stack([sk.values for sk in sks]), [sk.anchors for sk in sks])
    return links, {a.id: (to_bytes(sk.values), sk.anchors.tobytes()) for a, sk in zip(order, sks)}


def _pair(fa: _Features, fo: _Features, s: Settings) -> Match | None:
    """Judge the pair both ways; a same-outlet pair can only be a revision."""
    a, o = fa.article, fo.article
    small, large = (fa.bag, fo.bag) if len(fa.bag) <= len(fo.bag) else (fo.bag, fa.bag)
    shared_words = 1.0 if fa.hash == fo.hash else containment(small, large)
    if shared_words < s.bag_min_containment and _shared_anchors(fa, fo) < s.partial_min_shared:
        return None  # too little shared vocabulary for any kind of copy, and no block shared verbatim
    a_in_o, o_in_a = containment(fa.shingles, fo.shingles), containment(fo.shingles, fa.shingles)
    if a.outlet and o.outlet and a.outlet.casefold() == o.outlet.casefold():
        # an outlet's own versions: a revision when they share much wording (no alignment needed)
        if fa.hash == fo.hash or max(a_in_o, o_in_a) >= s.revision_min_containment:
            return Match(o, "revision", round(max(a_in_o, o_in_a), 3), Alignment(), Alignment(), a_in_o, o_in_a)
        return None
    fwd, back = align_both(fa.sentences, fo.sentences, s.sentence_threshold)
    a_as_copy = judge(fa, fo, fwd, s)
    o_as_copy = judge(fo, fa, back, s)
    if a_as_copy is None and o_as_copy is None:
        return None
    kind, score, _ = a_as_copy or o_as_copy
    return Match(o, kind, score, fwd, back, a_in_o, o_in_a, _evidence(fwd, fa, fo), _evidence(back, fo, fa),
                 as_copy=a_as_copy[:2] if a_as_copy else None, as_original=o_as_copy[:2] if o_as_copy else None)


def _shared_anchors(fa: _Features, fo: _Features) -> int:
    return len(np.intersect1d(fa.anchors, fo.anchors, assume_unique=True))


def _evidence(al: Alignment, copy: _Features, original: _Features, limit: int = 8) -> list[tuple[str, str, float]]:
    """The best aligned sentence pairs, in the copy's order."""
    if not copy.sentences.texts or not original.sentences.texts:
        return []
    best = sorted(al.pairs, key=lambda p: -p[2])[:limit]
    return [(copy.sentences.texts[j], original.sentences.texts[i], sim) for j, i, sim in sorted(best)]


