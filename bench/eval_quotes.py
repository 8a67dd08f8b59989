"""Quotes and speakers on PolNeAR (train + dev), and the speed of entities + quotes.

    python bench/eval_quotes.py [--split train|dev|both] [--limit N] [--components ner|full] [--errors FILE]

Gold: PolNeAR brat attributions (``bench/polnear.py``: one annotator file per article, the
scorer's rule; "direct" = the gold content holds a double quote mark, counting the doubled
apostrophes '' of the NYT archive texts as one; "indirect" = no quote mark and a speech cue: says,
told, according to, ...). Predictions: ``find_quotes`` after
``find_mentions`` + ``canonical_names`` on the spaCy Doc of the article text.

Matching rule. A span's tokens are the word tokens (``\\w+``) inside its character parts
(discontinuous gold spans and split quotes count only their parts; quote marks and punctuation do
not count). A predicted and a gold content match when the token-overlap F1 of the two sets is at
least 0.5 (lenient) or at least 0.9 (strict); pairs are matched one-to-one, best overlap first.

- direct: predictions with ``direct=True`` against gold direct attributions;
- indirect: recall over gold indirect speech attributions; precision over predictions with
  ``direct=False``, where a prediction matching any gold attribution without a quote mark counts
  as right (PolNeAR also labels beliefs and intentions, "X backs Y", which are true attributions
  a reader is glad to see, but not speech);
- F1 = 2PR/(P+R); "overlap" = mean token F1 of the lenient pairs;
- speaker accuracy: over lenient pairs whose gold has a source, the share where the predicted
  speaker phrase overlaps the gold source span, or the predicted canonical speaker's last word is
  in the gold source text (a pronoun resolved to a name still has to be at the gold pronoun, or
  name the same person); an unresolved or missing speaker is wrong.

Speed: articles/s of find_mentions + canonical_names + find_quotes alone, and of the spaCy pass
(``--components``), in the same run; the spaCy Docs are cached in bench/.cache/nlp (first run
parses, later runs report the parse speed measured on a fresh sample of 40 articles).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import polnear  # noqa: E402
from bench.nlp_cache import docs as cached_docs  # noqa: E402

from newsdesk.facts.entities import canonical_names, find_mentions  # noqa: E402
from newsdesk.facts.gazetteer import Gazetteer  # noqa: E402
from newsdesk.facts.nlp import load_nlp  # noqa: E402
from newsdesk.facts.quotes import find_quotes  # noqa: E402

_TOKEN = re.compile(r"\w+")
LENIENT, STRICT = 0.5, 0.9


def tokens(text: str, parts) -> frozenset[int]:
    return frozenset(m.start() for s, e in parts for m in _TOKEN.finditer(text, s, e))


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    inter = len(a & b)
    return 0.0 if not inter else 2 * inter / (len(a) + len(b))


@dataclass
class Score:
    pred: int = 0
    pred_ok: int = 0  # lenient
    pred_ok_strict: int = 0
    gold: int = 0
    gold_found: int = 0
    gold_found_strict: int = 0
    overlap: list[float] = field(default_factory=list)
    speaker_total: int = 0
    speaker_ok: int = 0

    def prf(self, strict: bool = False) -> tuple[float, float, float]:
        p = (self.pred_ok_strict if strict else self.pred_ok) / self.pred if self.pred else 0.0
        r = (self.gold_found_strict if strict else self.gold_found) / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, name: str) -> str:
        p, r, f = self.prf()
        sp, sr, sf = self.prf(strict=True)
        ov = sum(self.overlap) / len(self.overlap) if self.overlap else 0.0
        acc = self.speaker_ok / self.speaker_total if self.speaker_total else 0.0
        return (f"| {name} | {self.gold} | {self.pred} | {p:.3f} | {r:.3f} | **{f:.3f}** | {sf:.3f} | {ov:.3f} "
                f"| **{acc:.3f}** ({self.speaker_ok}/{self.speaker_total}) |")


def _match(pairs: list[tuple[float, int, int]], threshold: float) -> dict[int, tuple[int, float]]:
    """One-to-one, best first: pred index -> (gold index, f1)."""
    used_p, used_g, out = set(), set(), {}
    for f, i, j in sorted(pairs, reverse=True):
        if f < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out[i] = (j, f)
    return out


def _speaker_ok(text: str, quote, gold) -> bool:
    src = gold.source
    if quote.speaker_start is not None and quote.speaker_start < src.end and src.start < quote.speaker_end:
        return True
    if quote.speaker:
        last = quote.speaker.split()[-1].lower()
        return bool(re.search(rf"\b{re.escape(last)}\b", src.text.lower()))
    return False


def _category(text: str, quote, gold) -> str:
    """Why a matched pair's speaker is wrong: none found, a pronoun resolved elsewhere, another phrase."""
    if quote.speaker_start is None:
        return "speaker: none found"
    said = (quote.speaker_mention or "").lower()
    if said in ("he", "she", "it", "they", "i", "we"):
        return "speaker: pronoun resolved wrong" if quote.speaker else "speaker: pronoun unresolved"
    if quote.speaker_start >= gold.source.end + 200 or quote.speaker_end <= gold.source.start - 200:
        return "speaker: far from the gold source"
    return "speaker: wrong phrase" if quote.speaker else "speaker: phrase unresolved"


def score_article(text: str, quotes, gold: list, direct: Score, indirect: Score,
                  errors: list | None = None) -> None:
    preds = [(q, tokens(text, q.parts or [(q.start, q.end)])) for q in quotes]
    golds = [(g, tokens(text, g.content.parts)) for g in gold]
    for want_direct, score in ((True, direct), (False, indirect)):
        p_idx = [i for i, (q, t) in enumerate(preds) if q.direct == want_direct and t]
        g_all = [j for j, (g, t) in enumerate(golds) if g.direct == want_direct and t]
        g_rec = [j for j in g_all if want_direct or golds[j][0].speech]
        pairs = [(overlap_f1(preds[i][1], golds[j][1]), i, j) for i in p_idx for j in g_all]
        pairs = [x for x in pairs if x[0] > 0]
        for threshold, strict in ((LENIENT, False), (STRICT, True)):
            # precision against every gold of the kind; recall against the speech ones
            m_all = _match(pairs, threshold)
            m_rec = _match([x for x in pairs if x[2] in set(g_rec)], threshold)
            if strict:
                score.pred_ok_strict += len(m_all)
                score.gold_found_strict += len(m_rec)
            else:
                score.pred_ok += len(m_all)
                score.gold_found += len(m_rec)
                for i, (j, f) in m_rec.items():
                    score.overlap.append(f)
                    if golds[j][0].source is not None:
                        score.speaker_total += 1
                        ok = _speaker_ok(text, preds[i][0], golds[j][0])
                        score.speaker_ok += ok
                        if errors is not None and not ok:
                            g, q = golds[j][0], preds[i][0]
                            errors.append((want_direct, _category(text, q, g), g.content.text[:70],
                                           f"gold={g.source.text!r} pred={q.speaker_mention!r}->{q.speaker!r} "
                                           f"cue={q.cue!r}"))
                if errors is not None:
                    for j in g_rec:
                        if j in {jj for jj, _ in m_rec.values()}:
                            continue
                        g = golds[j][0]
                        near = [preds[i][0] for i, _, jj in [(i, 0, jj) for f, i, jj in pairs if jj == j]]
                        other = [q for q in (q for q, _t in preds) if q.direct != want_direct
                                 and overlap_f1(tokens(text, q.parts or [(q.start, q.end)]), golds[j][1]) >= .5]
                        kind = ("missed: found as the other kind" if other else
                                "missed: overlap < .5" if near else "missed: nothing found")
                        errors.append((want_direct, kind, g.content.text[:100],
                                       f"src={g.source.text if g.source else None!r} cue={g.cue.text if g.cue else None!r}"))
                    hit = {i for i in m_all}
                    for i in p_idx:
                        if i not in hit:
                            q = preds[i][0]
                            errors.append((want_direct, "spurious", q.text[:100], f"speaker={q.speaker_mention!r} cue={q.cue!r}"))
        score.pred += len(p_idx)
        score.gold += len(g_rec)


def run_split(split: str, limit: int | None, components: str, nlp,
              errors: list | None = None) -> tuple[Score, Score, float, int]:
    arts = polnear.load(split)[:limit] if limit else polnear.load(split)
    docs, _ = cached_docs(nlp, [a.text for a in arts], f"polnear-{split}", components)
    gaz = Gazetteer()
    direct, indirect = Score(), Score()
    t0 = time.perf_counter()
    outputs = []
    for art, doc in zip(arts, docs):
        mentions = canonical_names(find_mentions(doc, art.name, gaz), {}, gaz)
        outputs.append(find_quotes(doc, art.name, mentions))
    rules_time = time.perf_counter() - t0
    for art, quotes in zip(arts, outputs):
        found: list = []
        score_article(art.text, quotes, art.attributions, direct, indirect, found if errors is not None else None)
        if errors is not None:
            errors += [(art.name, *e) for e in found]
    return direct, indirect, rules_time, len(arts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="both", choices=["train", "dev", "both"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--components", default="ner", choices=["full", "ner"],
                    help="spaCy pipeline the rules read (the stage ships ner: NER on name windows)")
    ap.add_argument("--no-parse-speed", action="store_true", help="skip timing the spaCy pass")
    ap.add_argument("--errors", default=None, metavar="FILE",
                    help="write every miss, spurious quote and wrong speaker to FILE, and print counts by category")
    args = ap.parse_args()
    errors: list | None = [] if args.errors else None
    nlp = load_nlp(args.components)
    print("## Quotes and speakers (PolNeAR)\n")
    print(f"spaCy `{args.components}` pipeline; lenient match = token-overlap F1 ≥ {LENIENT}, strict ≥ {STRICT}; "
          "see bench/eval_quotes.py for the exact rule.\n")
    print("| split / kind | gold | predicted | P | R | F1 (lenient) | F1 (strict) | mean overlap | speaker accuracy |")
    print("|---|---|---|---|---|---|---|---|---|")
    speed = []
    for split in (["train", "dev"] if args.split == "both" else [args.split]):
        direct, indirect, rules_time, n = run_split(split, args.limit, args.components, nlp, errors)
        print(direct.row(f"{split} direct"))
        print(indirect.row(f"{split} indirect"))
        speed.append((split, n, rules_time))
    print("\n| speed | articles/s |\n|---|---|")
    for split, n, secs in speed:
        print(f"| entities + quotes rules only, {split} ({n} articles) | {n / secs:.0f} |")
    if not args.no_parse_speed:
        sample = [a.text for a in polnear.load("dev")[:40]]
        t0 = time.perf_counter()
        list(nlp.pipe(sample, batch_size=16))
        parse_rate = len(sample) / (time.perf_counter() - t0)
        print(f"| spaCy `{args.components}` pass (40 dev articles, ~800 words each) | {parse_rate:.1f} |")
    if errors is not None:
        from collections import Counter

        counts = Counter(("direct" if d else "indirect", kind) for _a, d, kind, *_ in errors)
        print("\n| errors: kind | category | count |\n|---|---|---|")
        for (k, cat), n in sorted(counts.items()):
            print(f"| {k} | {cat} | {n} |")
        with open(args.errors, "w", encoding="utf-8") as f:
            for art, d, kind, content, detail in sorted(errors, key=lambda e: (e[1], e[2], e[0])):
                f.write(f"{'direct' if d else 'indirect'}\t{kind}\t{art}\t{content!r}\t{detail}\n")
    print("\nPublished anchors (other corpora): citron speaker F1 .82, content F1 .83 (PARC 3.0); "
          "GenderGapTracker quote F1 .84, speaker accuracy .86.")


if __name__ == "__main__":
    main()
