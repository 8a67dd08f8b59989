"""Content-derived identifiers and text normalisation shared by stages."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalise_body(text: str) -> str:
    """Case-, accent-width- and whitespace-insensitive form of a body, for hashing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _PUNCT.sub(" ", text)
    return _WS.sub(" ", text).strip()


def digest(*parts: str, size: int = 16) -> str:
    """Stable hex digest of the given strings."""
    h = hashlib.blake2b(digest_size=size)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def body_hash(text: str) -> str:
    """Hash of the normalised body: equal for exact copies."""
    return digest(normalise_body(text))


def article_id(text: str, outlet: str | None) -> str:
    """Article id: the normalised body within its outlet.

    An exact reprint by another outlet is a different article (an exact copy);
    the same body from the same outlet read twice is the same article.
    """
    return "a" + digest((outlet or "").casefold().strip(), normalise_body(text), size=8)
