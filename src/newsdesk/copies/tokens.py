"""The words of a batch of texts as numpy arrays: each word's hash, length, text and sentence.

Texts are folded as :func:`newsdesk.ids.normalise_body` folds them (lower
case, punctuation as spaces), but as bytes: one ``bytes.translate`` per text
in the common case (ASCII once the typographic marks of news copy are
blanked); other texts take the Unicode path (NFKC, case folding). Sentences
end at a newline or at ``.``, ``!`` or ``?`` before a space. The whole batch
is then split into words and hashed in a few numpy passes, with no Python
object per word.

A word's hash folds in its UTF-8 bytes 8 at a time, mixed to 32 bits: it
depends on the word alone, so it is the same in every process and run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from ..ids import PUNCTUATION, normalise_body

_P = np.uint64(0x100000001B3)  # odd multipliers: of a word's length, of a word's place in a sentence
_FMIX = np.uint64(0xFF51AFD7ED558CCD)
_U33 = np.uint64(33)
_U32 = np.uint64(32)
# Folded text: a space; a newline or a text's end; a full stop, ! or ?; other punctuation and whitespace.
_SPACE, _END, _STOP, _GAP = 32, 0, 1, 2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(slots=True)
class Tokens:
    """The words of a batch, in order: hash, length in bytes, text (its index in the batch) and sentence."""

    hashes: np.ndarray  # uint32
    lengths: np.ndarray  # int64
    text: np.ndarray  # int64, nondecreasing
    sentence: np.ndarray  # int64, nondecreasing over the batch (a new text starts a new sentence)


@functools.cache
def _tables() -> tuple[bytes, tuple[bytes, ...]]:
    """The byte table of the common case and the UTF-8 typographic marks blanked before it."""
    table = bytearray(range(256))
    for c in PUNCTUATION:
        if ord(c) < 128:
            table[ord(c)] = _GAP
    for c in b"\t\r\x0b\x0c\x1c\x1d\x1e\x1f":
        table[c] = _GAP
    table[ord("A") : ord("Z") + 1] = bytes(range(ord("a"), ord("z") + 1))
    table[0] = table[ord("\n")] = _END
    for c in b".!?":
        table[c] = _STOP  # a sentence end when a space follows
    return bytes(table), tuple(c.encode("utf-8") for c in PUNCTUATION if ord(c) >= 128)


def fold(text: str) -> bytes:
    """Lower-case UTF-8 bytes: NUL for a newline, 1 for ``.``, ``!``, ``?``, 2 for other punctuation and whitespace.

    Text that needs Unicode normalisation comes back as its normalised sentences joined by NULs.
    """
    table, marks = _tables()
    b = text.encode("utf-8", "surrogatepass")
    if not b.isascii():
        for mark in marks:
            if mark in b:
                b = b.replace(mark, b"\x02")
    if b.isascii():
        return b.translate(table)
    return b"\x00".join(normalise_body(p).encode("utf-8", "surrogatepass") for p in _SENTENCE_END.split(text))


def _mix(h: np.ndarray) -> np.ndarray:
    h ^= h >> _U33
    h *= _FMIX
    h ^= h >> _U33
    return (h >> _U32).astype(np.uint32)


def _word_hashes(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The hash (uint32) of each run of bytes ``data[starts[i] : starts[i] + lengths[i]]``.

    Words are read 8 bytes at a time (unaligned little-endian loads; ``data``
    ends with 8 spare bytes), so the work is per word, not per byte: each
    8-byte piece, masked to the word, is folded in by xor and multiply.
    """
    loads = np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
    masks = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
    h = (lengths.astype(np.uint64) * _P ^ (loads[starts] & masks[np.minimum(lengths, 8)])) * _FMIX
    who = np.flatnonzero(lengths > 8)  # long words: the next 8 bytes, and so on
    at, left = starts[who] + 8, lengths[who] - 8
    while len(who):
        h[who] = (h[who] ^ (loads[at] & masks[np.minimum(left, 8)])) * _FMIX
        more = left > 8
        who, at, left = who[more], at[more] + 8, left[more] - 8
    return _mix(h)


def _sequence_hashes(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The hash (uint32) of each run ``values[starts[i] : starts[i] + lengths[i]]`` of 32-bit hashes (in order)."""
    if not len(starts):
        return np.zeros(0, dtype=np.uint32)
    offsets = np.cumsum(lengths) - lengths
    place = np.arange(int(lengths.sum()), dtype=np.uint64) - np.repeat(offsets, lengths).astype(np.uint64)
    words = values[place.astype(np.intp) + np.repeat(starts, lengths)].astype(np.uint64)
    terms = words * ((place * _P + _FMIX) | np.uint64(1))  # an odd multiplier per place
    return _mix(np.add.reduceat(terms, offsets) ^ lengths.astype(np.uint64))


def tokenize(texts: list[str], folded: bool = False) -> Tokens:
    """The words of ``texts`` (raw, or already :func:`fold`-ed or normalised when ``folded``)."""
    parts = texts if folded else [fold(t) for t in texts]
    parts = [p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p for p in parts]
    data = np.frombuffer(b"\x00".join(parts) + b"\x00" * 9, dtype=np.uint8)  # a NUL after each text, spare bytes
    word = (data != _SPACE) & (data > _GAP)
    edges = np.diff(word.view(np.int8), prepend=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    stops = np.flatnonzero(data[:-1] == _STOP)
    sentence_ends = np.concatenate([np.flatnonzero(data == _END), stops[data[stops + 1] == _SPACE]])
    text_ends = np.cumsum([len(p) + 1 for p in parts], dtype=np.int64) - 1
    return Tokens(_word_hashes(data, starts, ends - starts), ends - starts,
                  _runs_before(starts, text_ends), _runs_before(starts, sentence_ends))


def _runs_before(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each word start, how many of the (unsorted) ``ends`` positions come before it."""
    first_after = np.searchsorted(starts, ends)  # the first word after each end
    return np.cumsum(np.bincount(first_after, minlength=len(starts) + 1))[: len(starts)]


def word_hashes(norm: str) -> np.ndarray:
    """The hash of each word of one normalised or folded text, in order."""
    return tokenize([norm], folded=True).hashes


def sentence_hashes(tokens: Tokens, min_words: int) -> tuple[np.ndarray, np.ndarray]:
    """(text, hash) of every sentence of at least ``min_words`` words: a hash of its word hashes."""
    if not len(tokens.sentence):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32)
    starts = np.flatnonzero(np.diff(tokens.sentence, prepend=tokens.sentence[0] - 1))
    lengths = np.diff(np.append(starts, len(tokens.sentence)))
    long = lengths >= min_words
    runs = _sequence_hashes(tokens.hashes, starts[long], lengths[long])
    return tokens.text[starts[long]], runs
