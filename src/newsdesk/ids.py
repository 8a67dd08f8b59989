"""Content-derived identifiers and text normalisation shared by stages."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)


def normalise_body(text: str) -> str:
    """Case-, accent-width- and whitespace-insensitive form of a body, for hashing."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _PUNCT.sub(" ", text.casefold())
    return " ".join(text.split())


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


def article_ids(text: str, outlet: str | None) -> tuple[str, str]:
    """Article id and body hash, from one normalisation of the body.

    The id is the normalised body within its outlet: an exact reprint by
    another outlet is a different article (an exact copy); the same body from
    the same outlet read twice is the same article.
    """
    norm = normalise_body(text)
    return "a" + digest((outlet or "").casefold().strip(), norm, size=8), digest(norm)
