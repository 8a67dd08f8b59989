"""Content-derived identifiers and text normalisation shared by stages."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)


# Punctuation that the regex path would turn into spaces, mapped by one str.translate: ASCII punctuation
# and the typographic marks of news copy (curly quotes, dashes, ellipsis, bullets, guillemets).
PUNCTUATION = tuple([c for c in map(chr, range(128)) if not (c.isalnum() or c == "_" or c.isspace())]
                    + list("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2032\u2033\u2013\u2014\u2015\u2212"
                           "\u2026\u2022\u00b7\u00ab\u00bb\u2039\u203a\u00a0\u2009\u202f\u00b4\u00a9\u00ae\u2122"))
_FAST = str.maketrans({c: " " for c in PUNCTUATION})


def _fold_punctuation(text: str) -> str | None:
    """Lower-cased text with punctuation as spaces, when that needs no Unicode normalisation (else None)."""
    fast = text.translate(_FAST)
    return fast.lower() if fast.isascii() else None


def normalise_body(text: str) -> str:
    """Case-, accent-width- and whitespace-insensitive form of a body, for hashing.

    Runs of punctuation become one space. Text that is ASCII once the usual
    typographic marks are mapped takes a fast path (one ``str.translate``);
    the rest goes through NFKC and a regex, with the same result.
    """
    fast = _fold_punctuation(text)
    if fast is not None:
        return " ".join(fast.split())
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
