"""Scores used by the quality gates and benchmarks: clustering and pair precision/recall."""

from __future__ import annotations

from collections import Counter
from math import comb
from typing import Hashable, Iterable, Mapping


def bcubed(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering over the items both label."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict = {}
    by_gold: dict = {}
    for i in items:
        by_pred.setdefault(pred[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        same = by_pred[pred[i]] & by_gold[gold[i]]
        p += len(same) / len(by_pred[pred[i]])
        r += len(same) / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> float:
    """Adjusted Rand index over the items both label."""
    items = [i for i in gold if i in pred]
    n = len(items)
    if n < 2:
        return 1.0
    pairs = Counter((pred[i], gold[i]) for i in items)
    a = Counter(pred[i] for i in items)
    b = Counter(gold[i] for i in items)
    index = sum(comb(c, 2) for c in pairs.values())
    sa, sb = sum(comb(c, 2) for c in a.values()), sum(comb(c, 2) for c in b.values())
    expected = sa * sb / comb(n, 2)
    top = (sa + sb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def purity(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> tuple[float, float]:
    """Purity and inverse purity of a clustering."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0

    def one_way(x, y):
        groups: dict = {}
        for i in items:
            groups.setdefault(x[i], Counter())[y[i]] += 1
        return sum(c.most_common(1)[0][1] for c in groups.values()) / len(items)

    return one_way(pred, gold), one_way(gold, pred)


def prf(predicted: Iterable, gold: Iterable) -> tuple[float, float, float]:
    """Precision, recall and F1 of two sets of items (pairs, ids...)."""
    p_set, g_set = set(predicted), set(gold)
    tp = len(p_set & g_set)
    p = tp / len(p_set) if p_set else 1.0
    r = tp / len(g_set) if g_set else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
