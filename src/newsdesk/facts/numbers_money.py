"""Currencies around a number: symbols and codes before it ("US$", "S$", "€", "EUR "), words after it
("dollars", "Syrian pounds", "euros"), and bracketed conversions ("US$1.2 billion (S$1.6 billion)").

Used by ``numbers.py``; a currency makes a quantity money with an ISO-like code as its unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.facts.numbers import Quantity

CUR_BEFORE = re.compile(r"(US\$|U\.S\.\s?\$|S\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|R\$|\$|€|£|¥|₹|"
                         r"\b(?:USD|EUR|GBP|SGD|AUD|CAD|JPY|CNY|INR|CHF|RUB|HKD)\s?)$")
_CUR_SYMBOL = {"US$": "USD", "U.S.$": "USD", "$": "USD", "S$": "SGD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
               "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CUR_AFTER = re.compile(
    r"\s*(?:(US|U\.S\.|American|Singapore|Australian|Canadian|Hong\s+Kong|Syrian|Egyptian|Lebanese|Turkish)\s+)?"
    r"(dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|"
    r"francs?|riyals?|dirhams?|liras?|lira|USD|EUR|GBP|SGD|AUD|CAD|JPY|CNY|INR|CHF|RUB|HKD)\b(?!\s+of\b)", re.I)
_CUR_WORD = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
             "renminbi": "CNY", "rupee": "INR", "rouble": "RUB", "ruble": "RUB", "franc": "CHF", "riyal": "SAR",
             "dirham": "AED", "lira": "TRY"}
_CUR_ADJ = {"singapore": "SGD", "australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "syrian": "SYP",
            "egyptian": "EGP", "lebanese": "LBP", "turkish": "TRY", "us": "USD", "u.s.": "USD", "american": "USD"}


def money(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """Currency around a number: returns code, new start, new end."""
    b = CUR_BEFORE.search(text[max(0, start - 12): start])
    if b:
        sym = b.group(1).strip()
        code = _CUR_SYMBOL.get(sym.replace(" ", ""), sym.upper())
        return code, start - len(b.group(1)), end
    a = _CUR_AFTER.match(text, end)
    if a:
        word = a.group(2).lower().split()[0].rstrip("s") if a.group(2).upper() != a.group(2) else a.group(2)
        code = _CUR_WORD.get(word, word.upper())
        if a.group(1):
            code = _CUR_ADJ.get(re.sub(r"\s+", " ", a.group(1).lower()), code) if code in ("USD", "GBP") else code
        return code, start, a.end()
    return None, start, end


def is_conversion(text: str, prev: Quantity, q: Quantity) -> bool:
    """True when ``q`` is a bracketed conversion right after money ``prev``: "US$1.2 billion (S$1.6 billion)"."""
    gap = text[prev.end: q.start]
    return bool(re.fullmatch(r"\s*\((?:about|around|roughly|some|or|approx\.?|approximately)?\s*", gap, re.I))
