"""Copies stage: find exact and near copies and link each to its likely original.

Public entry point: :func:`detect_copies`.

- exact: same normalised body (outlet aside);
- near: MinHash LSH over word shingles finds candidates, then the true shingle
  containment of the shorter text in the longer decides (a reprint with a new
  headline, added boilerplate or a trimmed ending).

The original of a group is the earliest published; undated articles come after
dated ones; ties go to the text that contains more of the other (the longer),
then to the smaller id, so the choice does not depend on input order.
An outlet's second version of its own article is a revision, not a copy.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

import numpy as np

from .ids import digest, normalise_body
from .records import Article, CopyLink
from .settings import Settings

__all__ = ["detect_copies", "CopyIndex", "shingles", "sketch"]

_FAR_FUTURE = date(9999, 12, 31)
_SCHEME = "affine32"  # label for datasketch: our signatures are 32-bit values (4 bytes per permutation)


_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5, 0xB55A4F09],
                dtype=np.uint64)


def shingles(text: str, k: int, vocab: dict[str, int] | None = None, normalised: bool = False) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-grams of the normalised text.

    ``vocab`` is an optional word -> hash memo owned by the caller (it only saves time).
    """
    words = (text if normalised else normalise_body(text)).split()
    if not words:
        return np.zeros(0, dtype=np.uint64)
    vocab = {} if vocab is None else vocab
    uniq, inverse = np.unique(np.array(words), return_inverse=True)
    uh = np.empty(len(uniq), dtype=np.uint64)
    for i, w in enumerate(uniq.tolist()):
        v = vocab.get(w)
        if v is None:
            v = vocab[w] = zlib.crc32(w.encode("utf-8"))
        uh[i] = v
    h = uh[inverse]
    k = min(k, len(words), len(_MIX))
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = (acc * np.uint64(31) + h[j : j + n] * _MIX[j]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)


def _permutations(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of ``n`` multiply-shift hash functions (fixed seed)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=n, dtype=np.uint64)
    return a, b


@dataclass
class CopyIndex:
    """MinHash LSH over every stored article's signature (rebuilt from the store per run).

    Signatures are computed here with numpy (affine permutations of 32-bit
    shingle hashes, fixed seed); datasketch's LSH buckets them.
    """

    settings: Settings
    _lsh: object = None
    _perm: tuple = None
    keys: set[str] = field(default_factory=set)
    vocab: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=self.settings.near_threshold, num_perm=self.settings.minhash_perm)
        self._perm = _permutations(self.settings.minhash_perm, self.settings.minhash_seed)

    def signature(self, sh: np.ndarray) -> np.ndarray:
        a, b = self._perm
        if len(sh) == 0:
            return np.full(len(a), 0xFFFFFFFF, dtype=np.uint64)
        values = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(0, len(sh), 2048):  # bounded temporary memory for long texts
                block = (np.outer(sh[i : i + 2048], a) + b) >> np.uint64(32)  # multiply-shift, mod 2^64
                values = np.minimum(values, block.min(axis=0))
        return values

    def minhash(self, values: np.ndarray | None = None, signature: bytes | None = None):
        from datasketch import LeanMinHash

        if signature is not None:
            values = np.frombuffer(signature, dtype=np.uint32).astype(np.uint64)
        return LeanMinHash(seed=self.settings.minhash_seed, hashvalues=values, scheme=_SCHEME)

    def add(self, key: str, m) -> None:
        if key not in self.keys:
            self._lsh.insert(key, m)
            self.keys.add(key)

    def query(self, m) -> list[str]:
        return self._lsh.query(m)


def sketch(text: str, index: CopyIndex) -> bytes:
    """The stored form of an article's MinHash signature (4 bytes per permutation)."""
    return index.signature(shingles(text, index.settings.shingle_words)).astype(np.uint32).tobytes()


def _order_key(a: Article, contains_other: float) -> tuple:
    return (a.published or _FAR_FUTURE, -contains_other, -len(a.text), a.id)


def _is_original(a: Article, o: Article, o_in_a: float, a_in_o: float) -> bool:
    """Is ``a`` rather than ``o`` the original of the pair?

    The earlier publication date wins. On the same day or without dates, the
    outlet the dateline credits ("ALDMOOR, April 15 (MP) -") wins; then the text that holds
    more of the other wins (a reprint trims and adds boilerplate), then the
    longer text, then the smaller id.
    """
    if a.published and o.published and a.published != o.published:
        return a.published < o.published
    a_credit, o_credit = _credited(a), _credited(o)
    if a_credit != o_credit:
        return a_credit
    if abs(o_in_a - a_in_o) > 0.02:
        return o_in_a > a_in_o
    if len(a.text) != len(o.text):
        return len(a.text) > len(o.text)
    return a.id < o.id


_CREDIT = re.compile(r"\(([A-Z][\w&.' ]{0,30}?)\)\s*[-\u2013\u2014:]")


def _credited(a: Article) -> bool:
    """Does the article's dateline credit its own outlet (a wire story at its source)?"""
    if not a.outlet:
        return False
    m = _CREDIT.search(a.text[:400])
    if not m:
        return False
    credit = m.group(1).casefold().replace(".", "")
    name = re.sub(r"^the ", "", a.outlet.casefold())
    initials = "".join(w[0] for w in name.split() if w)
    return credit in (name, initials) or credit in name.split()


def _same_outlet(a: Article, b: Article) -> bool:
    return bool(a.outlet and b.outlet and a.outlet.casefold() == b.outlet.casefold())


_SENT = re.compile(r"(?<=[.!?\"\u201d])\s+(?=[\"\u201c(]?[A-Z0-9])")


def _aligned(a: str, b: str, limit: int = 5) -> list[tuple[str, str]]:
    """Sentence pairs shared by the two texts (exact after normalisation), as evidence."""
    bs = {normalise_body(s): s for s in _SENT.split(b) if len(s) > 30}
    out = []
    for s in _SENT.split(a):
        n = normalise_body(s)
        if n in bs:
            out.append((s.strip(), bs[n].strip()))
            if len(out) >= limit:
                break
    return out


def detect_copies(
    new: list[Article],
    index: CopyIndex,
    lookup: Callable[[str], Article | None],
    roots: dict[str, str | None],
) -> tuple[list[CopyLink], dict[str, bytes]]:
    """Find copies among ``new`` articles and between them and the indexed ones.

    ``lookup`` fetches a stored article by id; ``roots`` maps already linked
    article ids to their current ``copy_of`` (updated in place). Returns the new
    or changed links and the signatures to store for the new articles.
    """
    s = index.settings
    links: list[CopyLink] = []
    sigs: dict[str, bytes] = {}
    by_id = {a.id: a for a in new}
    by_hash: dict[str, list[str]] = {}

    cache: dict[str, tuple[np.ndarray, str]] = {}

    def get(aid: str) -> Article | None:
        return by_id.get(aid) or lookup(aid)

    def features(o: Article) -> tuple[np.ndarray, str]:
        if o.id not in cache:
            norm = normalise_body(o.text)
            cache[o.id] = (shingles(norm, s.shingle_words, index.vocab, normalised=True), o.body_hash or digest(norm))
        return cache[o.id]

    for a in sorted(new, key=lambda x: (x.published or _FAR_FUTURE, x.id)):
        sh, h = features(a)
        values = index.signature(sh)
        m = index.minhash(values)
        sigs[a.id] = values.astype(np.uint32).tobytes()
        # other, kind, score, share of a inside other, share of other inside a
        matches: list[tuple[Article, str, float, float, float]] = []
        for oid in by_hash.get(h, []):
            o = get(oid)
            if o is not None and not _same_outlet(a, o):
                matches.append((o, "exact", 1.0, 1.0, 1.0))
        seen = {o.id for o, *_ in matches}
        for oid in index.query(m):
            if oid in seen or oid == a.id:
                continue
            o = get(oid)
            if o is None or _same_outlet(a, o):
                continue
            osh, oh = features(o)
            if not len(sh) or not len(osh):
                continue
            inter = len(np.intersect1d(sh, osh, assume_unique=True))
            c_small = inter / min(len(sh), len(osh))
            if oh == h:
                matches.append((o, "exact", 1.0, 1.0, 1.0))
            elif c_small >= s.near_min_containment:
                union = len(sh) + len(osh) - inter
                matches.append((o, "near", round(inter / union, 3), inter / len(sh), inter / len(osh)))
        by_hash.setdefault(h, []).append(a.id)
        index.add(a.id, m)
        if not matches:
            continue
        links.extend(_link(a, matches, roots))
    return links, sigs


def _link(a: Article, matches, roots: dict[str, str | None]) -> list[CopyLink]:
    """Point ``a`` (or the matches, if ``a`` is older) at the group's original."""
    def root(aid: str) -> str:
        seen = set()
        while roots.get(aid) and aid not in seen:
            seen.add(aid)
            aid = roots[aid]
        return aid

    best_other = min(matches, key=lambda t: _order_key(t[0], t[3]))
    o, kind, score, a_in_o, o_in_a = best_other
    a_first = _is_original(a, o, o_in_a, a_in_o)
    out = []
    if not a_first:
        orig = root(o.id)
        if orig == a.id:
            orig = o.id
        roots[a.id] = orig
        out.append(CopyLink(a.id, orig, kind, score, _aligned(a.text, o.text)))
        return out
    roots.setdefault(a.id, None)
    siblings = {m[0].id for m in matches}
    for o, kind, score, *_ in matches:
        # a former original, or a copy of one of them, now has an older common source
        if not roots.get(o.id) or roots[o.id] in siblings:
            roots[o.id] = a.id
            out.append(CopyLink(o.id, a.id, kind, score, _aligned(o.text, a.text)))
    return out
