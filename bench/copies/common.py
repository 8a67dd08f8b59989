"""Small helpers shared by the copy benchmark builders (no dependency on the detector under test)."""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared" / "datasets"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from newsdesk.ids import normalise_body  # noqa: E402

_SENT = re.compile(r"(?<=[.!?\"'\u201d])\s+(?=[\"\u201c(]?[A-Z0-9])")


def shingle_set(text: str, k: int = 5) -> set[int]:
    """Hashes of the word k-grams of the normalised text (crc32: stable across runs)."""
    words = normalise_body(text).split()
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(len(words) - k + 1)}


_SENTENCE_END = re.compile(r"(?<=[.!?]) |\n")
LONG_SENTENCE_WORDS = 10


def long_sentences(text: str) -> set[int]:
    """Hashes (crc32) of the normalised sentences of at least 10 words: shared ones mean a shared block."""
    out = set()
    for part in _SENTENCE_END.split(text):
        norm = normalise_body(part)
        if norm.count(" ") + 1 >= LONG_SENTENCE_WORDS:
            out.add(zlib.crc32(norm.encode("utf-8")))
    return out


def containment(a: set[int], b: set[int]) -> float:
    """Share of ``a`` found in ``b``."""
    return len(a & b) / len(a) if a else 0.0


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text.replace("\n", " ")) if s.strip()]
