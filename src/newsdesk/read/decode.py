"""Bytes to text: refuse binary data, decode UTF-8 or the best-guessed charset."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) // 50)


def decode_bytes(data: bytes) -> str:
    """Decode document bytes; raise :class:`DecodeError` with a reason code."""
    if looks_binary(data):
        raise DecodeError("binary", "binary data, not a text document")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DecodeError("undecodable", f"broken UTF-16: {e}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise DecodeError("undecodable", "not UTF-8 and no other text encoding fits")
    best = min(matches, key=lambda m: m.chaos)
    # Western news in a legacy encoding is nearly always Windows-1252; prefer it
    # when it reads about as cleanly as the detector's favourite.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.1:
            best = m
    text = data.decode(best.encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad > max(5, len(text) // 100):
        raise DecodeError("undecodable", f"too many undecodable characters as {best.encoding}")
    return text
