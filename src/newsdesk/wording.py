"""How counts read in the digest, the report and the build summary: "1 article", "2 articles", "no copies"."""

from __future__ import annotations


def noun(n: int, one: str, many: str | None = None) -> str:
    """``one`` when ``n`` is 1, else ``many`` (default: ``one`` + "s")."""
    return one if n == 1 else (many or one + "s")


def counted(n: int, one: str, many: str | None = None, zero: str | None = None) -> str:
    """``n`` with the noun in the right number; ``zero`` (e.g. "no copies") replaces "0 copies" when given."""
    if n == 0 and zero is not None:
        return zero
    return f"{n} {noun(n, one, many)}"
