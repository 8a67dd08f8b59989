"""The copy-detection evaluation sets, built from the shared corpora at run time.

Each builder returns an :class:`EvalSet`: the articles (``newsdesk.records.Article``)
and the gold. Nothing here stores text: the generated set is re-made from T17
by ``spin`` (ids + recipe + seed), the T17 set reads ``t17_pairs.jsonl`` (ids +
labels) and the ECB+ set reads ``ecb_exclusions.jsonl`` (ids) and ``ecb_rewrites.jsonl`` (ids + labels: pairs read
and labelled rewrite/partial are excluded as well, see ``ecb_pairs.rewrite_exclusions``).

- ``generated``: T17 originals that have no real near-duplicate in T17, their
  spun copies at every recipe (each copy from its own outlet, published one to
  five days after the original, one in eight undated), partial copies whose
  host text comes from a T17 article that is *not* in the set, and same-topic
  articles as negatives. Gold: ``{copy_id: (original_id, kind)}``.
- ``t17``: T17 articles with the hand-labelled pairs as gold. Pairs from
  different outlets labelled exact/near/rewrite/partial are copies; revisions,
  same-outlet pairs and not_copy pairs are negatives.
- ``ecb``: ECB+ dev documents, each its own outlet and undated; same-event
  pairs (minus the verified copies: containment exclusions and reviewed
  rewrites/partials) are negatives.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsdesk.ids import body_hash
from newsdesk.records import Article

from .common import SHARED, containment, long_sentences, shingle_set
from .ecb_pairs import load_docs, negative_pairs
from .spin import RECIPES, spin
from .t17_pairs import load_gold, load_t17

COPY_KINDS = ("exact", "near", "rewrite", "partial")
GEN_RECIPES = ("exact", "near_light", "near_realistic", "near_heavy", "rewrite_light", "rewrite_realistic",
               "rewrite_heavy", "roundtrip_realistic", "partial_light", "partial_realistic", "partial_heavy")


@dataclass
class EvalSet:
    name: str
    articles: list[Article]
    gold: dict[str, tuple[str, str]] = field(default_factory=dict)  # copy id -> (original id, kind)
    recipe: dict[str, str] = field(default_factory=dict)  # generated: copy id -> recipe name
    negatives: list[tuple[str, str]] = field(default_factory=list)  # pairs that must not be linked
    labelled: dict[frozenset, str] = field(default_factory=dict)  # t17: pair -> label


def available() -> bool:
    return (SHARED / "t17").exists() and (SHARED / "ecbplus" / "dev.jsonl").exists()


def _article(aid: str, text: str, outlet: str | None, published: date | None, source: str) -> Article:
    return Article(id=aid, source=source, fmt="jsonl", text=text, outlet=outlet, published=published,
                   published_confidence=1.0 if published else 0.0, body_hash=body_hash(text))


def _t17_id(rid: str) -> str:
    return "t17:" + rid


def _risky_ids(recs: dict[str, dict]) -> set[str]:
    """T17 ids that take part in any candidate pair (possible real copies): kept out of the generated set."""
    from .t17_pairs import candidates

    out = set()
    for p in candidates(recs, min_containment=0.15):
        out.update((p["a"], p["b"]))
    return out


def _unrelated(hosts: list[dict], members: list[dict]):
    """Hosts for partial copies that share no long sentence with the set's articles nor with each other.

    Rolling wire stories reuse background paragraphs: a host sharing one with an
    article of the set would make a true partial copy that the gold does not list.
    Each partial copy gets a host of its own, for the same reason.
    """
    seen = set().union(*(long_sentences(r["text"]) for r in members))
    for r in hosts:
        mine = long_sentences(r["text"])
        if mine & seen:
            continue
        seen |= mine
        yield r


def generated(n_originals: int = 300, seed: int = 17, recipes: tuple[str, ...] = GEN_RECIPES,
              negatives_per_topic: int = 20, limit: int | None = None) -> EvalSet:
    """Spun copies of T17 originals, plus same-topic negatives."""
    recs = load_t17()
    risky = _risky_ids(recs)
    pool = [r for r in recs.values() if r["id"] not in risky and 150 <= len(r["text"].split()) <= 1500]
    rng = random.Random(seed)
    rng.shuffle(pool)
    if limit:
        n_originals = min(n_originals, limit)
        negatives_per_topic = max(1, min(negatives_per_topic, limit // 10))
    originals = pool[:n_originals]
    rest = pool[n_originals:]
    by_topic: dict[str, list[dict]] = {}
    for r in rest:
        by_topic.setdefault(r["id"].split("/")[0], []).append(r)
    negatives = []
    for topic in sorted(by_topic):
        negatives += by_topic[topic][:negatives_per_topic]
    used = {r["id"] for r in originals} | {r["id"] for r in negatives}
    hosts = [r for r in rest if r["id"] not in used]
    rng.shuffle(hosts)
    next_host = iter(_unrelated(hosts, originals + negatives))
    es = EvalSet("generated", [])
    for r in originals + negatives:
        es.articles.append(_article(_t17_id(r["id"]), r["text"], r["outlet"], date.fromisoformat(r["published"]),
                                    r["id"]))
    orig_sh = {}
    for n, r in enumerate(originals):
        oid = _t17_id(r["id"])
        odate = date.fromisoformat(r["published"])
        for k, name in enumerate(recipes):
            rec = RECIPES[name]
            cseed = seed * 1000003 + n * 101 + k
            crng = random.Random(cseed)
            host = None
            if rec.kind == "partial":
                host = next(next_host)
            text = spin(r["text"], cseed, name, host=host["text"] if host else None)
            if rec.kind == "partial":
                # a partial copy must not be mostly its host: hosts are outside the set, but check the block is real
                sh = orig_sh.setdefault(oid, shingle_set(r["text"]))
                if containment(sh, shingle_set(text)) < 0.05:
                    continue
            published = None if crng.random() < 0.125 else odate + timedelta(days=crng.randint(1, 5))
            cid = f"gen:{r['id']}:{name}"
            src = f"spin({r['id']}, seed={cseed}, recipe={name}" + (f", host={host['id']})" if host else ")")
            es.articles.append(_article(cid, text, f"copyfarm-{n % 37}-{k}", published, src))
            es.gold[cid] = (oid, rec.kind)
            es.recipe[cid] = name
    return es


def t17(limit: int | None = None) -> EvalSet:
    """T17 articles with the hand-labelled pairs; ``limit`` keeps only articles of labelled pairs (and at most
    ``limit`` pairs)."""
    recs = load_t17()
    gold_rows = load_gold()
    if limit:
        # keep every positive pair first, then negatives, in file order
        pos = [g for g in gold_rows if _positive(g)]
        neg = [g for g in gold_rows if not _positive(g)]
        gold_rows = (pos + neg)[:limit]
        ids = sorted({g["a"] for g in gold_rows} | {g["b"] for g in gold_rows})
    else:
        ids = list(recs)
    es = EvalSet("t17", [])
    for rid in ids:
        r = recs[rid]
        es.articles.append(_article(_t17_id(rid), r["text"], r["outlet"], date.fromisoformat(r["published"]), rid))
    dates = {rid: recs[rid]["published"] for rid in ids}
    for g in gold_rows:
        a, b = _t17_id(g["a"]), _t17_id(g["b"])
        es.labelled[frozenset((a, b))] = g["label"]
        if _positive(g):
            # the copy is the later one; on the same day the pair counts in either direction
            copy, orig = (a, b) if dates[g["a"]] > dates[g["b"]] else (b, a)
            es.gold[copy] = (orig, g["label"]) if copy not in es.gold else es.gold[copy]
        else:
            es.negatives.append((a, b))
    return es


def _positive(g: dict) -> bool:
    return g["label"] in COPY_KINDS and not g.get("same_outlet")


def ecb(limit: int | None = None) -> EvalSet:
    """ECB+ dev: every document its own outlet, undated; same-event pairs minus verified copies are negatives."""
    docs = load_docs()
    if limit:
        topics = sorted({d["topic"] for d in docs})[: max(1, limit)]
        docs = [d for d in docs if d["topic"] in topics]
    es = EvalSet("ecb", [])
    for d in docs:
        es.articles.append(_article("ecb:" + d["id"], d["text"], "ecb-outlet-" + d["id"], None, d["id"]))
    es.negatives = [("ecb:" + a, "ecb:" + b) for a, b in negative_pairs(docs)]
    return es


def build(name: str, limit: int | None = None) -> EvalSet:
    if name == "generated":
        return generated(limit=limit) if limit else generated()
    if name == "t17":
        return t17(limit)
    if name == "ecb":
        return ecb(limit)
    raise ValueError(name)


def summary(es: EvalSet) -> dict:
    kinds: dict[str, int] = {}
    for _, k in es.gold.values():
        kinds[k] = kinds.get(k, 0) + 1
    return {"set": es.name, "articles": len(es.articles), "gold_links": len(es.gold), "gold_by_kind": kinds,
            "negative_pairs": len(es.negatives), "labelled_pairs": len(es.labelled)}


if __name__ == "__main__":
    for n in ("generated", "t17", "ecb"):
        print(json.dumps(summary(build(n))))
