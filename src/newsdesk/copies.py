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
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

import numpy as np

from .ids import body_hash, normalise_body
from .records import Article, CopyLink
from .settings import Settings

__all__ = ["detect_copies", "CopyIndex", "shingles", "sketch"]

_FAR_FUTURE = date(9999, 12, 31)
_SCHEME = "affine32"  # datasketch's 32-bit scheme: signatures fit 4 bytes per permutation


def shingles(text: str, k: int) -> set[str]:
    words = normalise_body(text).split()
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


@dataclass
class CopyIndex:
    """MinHash LSH over every stored article's signature (rebuilt from the store per run)."""

    settings: Settings
    _lsh: object = None
    _template: object = None
    keys: set[str] = field(default_factory=set)

    def __post_init__(self):
        from datasketch import MinHash, MinHashLSH

        self._lsh = MinHashLSH(threshold=self.settings.near_threshold, num_perm=self.settings.minhash_perm)
        self._template = MinHash(num_perm=self.settings.minhash_perm, seed=self.settings.minhash_seed,
                                 scheme=_SCHEME)

    def minhash(self, sh: Iterable[str] | None = None, signature: bytes | None = None):
        from datasketch import MinHash

        if signature is not None:
            values = np.frombuffer(signature, dtype=np.uint32).astype(np.uint64)
            return MinHash(num_perm=self.settings.minhash_perm, seed=self.settings.minhash_seed,
                           hashvalues=values, permutations=self._template.permutations, scheme=_SCHEME)
        m = MinHash(num_perm=self.settings.minhash_perm, seed=self.settings.minhash_seed,
                    permutations=self._template.permutations, scheme=_SCHEME)
        m.update_batch([s.encode("utf-8") for s in sh or ()])
        return m

    def add(self, key: str, m) -> None:
        if key not in self.keys:
            self._lsh.insert(key, m)
            self.keys.add(key)

    def query(self, m) -> list[str]:
        return self._lsh.query(m)


def sketch(text: str, index: CopyIndex) -> bytes:
    """The stored form of an article's MinHash signature (4 bytes per permutation)."""
    m = index.minhash(shingles(text, index.settings.shingle_words))
    return m.hashvalues.astype(np.uint32).tobytes()


def _order_key(a: Article, contains_other: float) -> tuple:
    return (a.published or _FAR_FUTURE, -contains_other, -len(a.text), a.id)


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

    def get(aid: str) -> Article | None:
        return by_id.get(aid) or lookup(aid)

    for a in sorted(new, key=lambda x: (x.published or _FAR_FUTURE, x.id)):
        sh = shingles(a.text, s.shingle_words)
        m = index.minhash(sh)
        sigs[a.id] = m.hashvalues.astype(np.uint32).tobytes()
        h = body_hash(a.text)
        matches: list[tuple[Article, str, float, float]] = []  # other, kind, score, containment of a in other
        for oid in by_hash.get(h, []):
            o = get(oid)
            if o is not None and not _same_outlet(a, o):
                matches.append((o, "exact", 1.0, 1.0))
        seen = {o.id for o, *_ in matches}
        for oid in index.query(m):
            if oid in seen or oid == a.id:
                continue
            o = get(oid)
            if o is None or _same_outlet(a, o):
                continue
            osh = shingles(o.text, s.shingle_words)
            inter = len(sh & osh)
            if not sh or not osh:
                continue
            c_small = inter / min(len(sh), len(osh))
            if body_hash(o.text) == h:
                matches.append((o, "exact", 1.0, 1.0))
            elif c_small >= s.near_min_containment:
                matches.append((o, "near", round(inter / len(sh | osh), 3), inter / len(sh)))
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

    best_other = min(matches, key=lambda t: _order_key(t[0], 1 - t[3]))
    o, kind, score, c_a_in_o = best_other
    a_first = _order_key(a, c_a_in_o) < _order_key(o, 1 - c_a_in_o)
    out = []
    if not a_first:
        orig = root(o.id)
        if orig == a.id:
            orig = o.id
        roots[a.id] = orig
        out.append(CopyLink(a.id, orig, kind, score, _aligned(a.text, o.text)))
        return out
    roots.setdefault(a.id, None)
    for o, kind, score, _ in matches:
        if not roots.get(o.id):  # a former original now has an older source
            roots[o.id] = a.id
            out.append(CopyLink(o.id, a.id, kind, score, _aligned(o.text, a.text)))
    return out
