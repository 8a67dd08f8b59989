"""Read the quote finder's errors on PolNeAR: missed golds, spurious predictions, wrong speakers, in context.

    python bench/quote_errors.py [--split train|dev] [--kind direct|indirect] [--what missed|spurious|speaker]
                                 [--n 50] [--seed 0] [--limit N]

Prints a sample of ``--n`` errors (fixed seed), each with the text around it, the gold content
marked with [[...]], the gold source and cue, and what the finder predicted nearby. The matching
rule is ``bench/eval_quotes.py``'s (lenient: token-overlap F1 >= .5, one-to-one).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import polnear  # noqa: E402
from bench.eval_quotes import LENIENT, _match, _speaker_ok, overlap_f1, tokens  # noqa: E402
from bench.nlp_cache import docs as cached_docs  # noqa: E402

from newsdesk.facts.entities import canonical_names, find_mentions  # noqa: E402
from newsdesk.facts.gazetteer import Gazetteer  # noqa: E402
from newsdesk.facts.nlp import load_nlp  # noqa: E402
from newsdesk.facts.quotes import find_quotes  # noqa: E402


def context(text: str, s: int, e: int, width: int = 160) -> str:
    lo, hi = max(0, s - width), min(len(text), e + width)
    return (text[lo:s] + "[[" + text[s:e] + "]]" + text[e:hi]).replace("\n", " ¶ ")


def errors(split: str, kind: str, limit: int | None):
    arts = polnear.load(split)
    arts = arts[:limit] if limit else arts
    nlp = load_nlp("full")
    docs, _ = cached_docs(nlp, [a.text for a in polnear.load(split)], f"polnear-{split}", "full")
    gaz = Gazetteer()
    want_direct = kind == "direct"
    out = {"missed": [], "spurious": [], "speaker": []}
    for art, doc in zip(arts, docs):
        text = art.text
        mentions = canonical_names(find_mentions(doc, art.name, gaz), {}, gaz)
        quotes = find_quotes(doc, art.name, mentions)
        preds = [(q, tokens(text, q.parts or [(q.start, q.end)])) for q in quotes]
        golds = [(g, tokens(text, g.content.parts)) for g in art.attributions]
        p_idx = [i for i, (q, t) in enumerate(preds) if q.direct == want_direct and t]
        g_all = [j for j, (g, t) in enumerate(golds) if g.direct == want_direct and t]
        g_rec = [j for j in g_all if want_direct or golds[j][0].speech]
        pairs = [(overlap_f1(preds[i][1], golds[j][1]), i, j) for i in p_idx for j in g_all]
        pairs = [x for x in pairs if x[0] > 0]
        m_all = _match(pairs, LENIENT)
        m_rec = _match([x for x in pairs if x[2] in set(g_rec)], LENIENT)
        found = {j for j, _f in m_rec.values()}
        for j in g_rec:
            if j in found:
                continue
            g = golds[j][0]
            near = [q for q, _t in preds if q.start < g.content.end + 50 and g.content.start - 50 < q.end]
            out["missed"].append((art.name, context(text, g.content.start, g.content.end),
                                  f"gold src={g.source.text if g.source else None!r} cue={g.cue.text if g.cue else None!r}",
                                  "; ".join(f"pred({'D' if q.direct else 'I'}) {q.text[:80]!r} sp={q.speaker_mention!r}"
                                            for q in near) or "no prediction near"))
        for i in p_idx:
            if i in m_all:
                continue
            q = preds[i][0]
            near = [g for g, _t in golds if g.content.start < q.end and q.start < g.content.end]
            out["spurious"].append((art.name, context(text, q.start, q.end),
                                    f"pred {q.text[:150]!r} sp={q.speaker_mention!r} cue={q.cue!r}",
                                    "; ".join(f"gold({'D' if g.direct else 'I'}) {g.content.text[:150]!r}" for g in near)
                                    or "no gold overlapping"))
        for i, (j, _f) in m_rec.items():
            g, q = golds[j][0], preds[i][0]
            if g.source is not None and not _speaker_ok(text, q, g):
                out["speaker"].append((art.name, context(text, q.start, q.end, 200),
                                       f"gold src={g.source.text!r} cue={g.cue.text if g.cue else None!r}",
                                       f"pred sp={q.speaker_mention!r}->{q.speaker!r} cue={q.cue!r}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--kind", default="direct", choices=["direct", "indirect"])
    ap.add_argument("--what", default="missed", choices=["missed", "spurious", "speaker"])
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    found = errors(args.split, args.kind, args.limit)[args.what]
    random.Random(args.seed).shuffle(found)
    print(f"## {args.split} {args.kind} {args.what}: {len(found)} in all, {min(args.n, len(found))} shown\n")
    for name, ctx, gold, pred in found[:args.n]:
        print(f"- {name}: {ctx}\n    {gold}\n    {pred}\n")


if __name__ == "__main__":
    main()
