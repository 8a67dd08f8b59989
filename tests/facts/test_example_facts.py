"""Quality gate for the facts stage on the example corpus (examples/gold_facts.json).

The corpus is built once through the real CLI (the session's ``example_desk``) and exported per
the export contract; quotes and figures are read from ``quotes.jsonl`` and ``figures.jsonl``,
entity mentions from the store. Every score is printed (``pytest -s``); the floors sit a little
under what the code reached when they were pinned, so a regression fails here. Where the tool is
far from what a careful reader expects, the floor pins today's level and a comment says so.

Matching rules (see examples/README.md, "gold_facts.json"):
- quotes: same article, token-overlap F1 >= 0.5 (quote marks ignored), one to one. A mixed quote
  (a reported clause holding a quoted fragment) is labelled as an indirect clause plus its
  fragment as a direct quote; the tool reports it as one quote with ``direct`` true, so a predicted
  quote with three or more words outside its quote marks is scored as an indirect clause, and a
  gold fragment inside it counts as found. A direct prediction may cover several gold quotes
  ("A," she said, "B." reported as one quote) when they make up most of it.
- figures: same article, same value, overlapping offsets or the same text. A vote count against
  ("by 14,212 votes to 12,905") is carried by the figure for, in extra["against"], and counts as found.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import CORPUS, EXAMPLES

WORD = re.compile(r"\w+")
QMARK = re.compile(r"[\"“”‘’„«»]")
DQUOTE = re.compile(r"[\"“”]")
STOP = {"a", "an", "the", "of", "for", "at", "in", "on", "to", "and", "from", "by", "with"}


def _key(source: str) -> str:
    """Stable document key: path relative to examples/corpus (+ '#record' for batch and feed items)."""
    path, _, rec = source.partition("#")
    rel = Path(path).resolve().relative_to(CORPUS.resolve()).as_posix()
    return f"{rel}#{rec}" if rec else rel


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(QMARK.sub(" ", text))]


def _f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _fold(name: str | None) -> str:
    words = _tokens(name or "")
    while words and words[0] in ("the", "a", "an", "estmark", "s"):
        words = words[1:]
    return " ".join(words)


def _locate(text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Offsets of each span in text; a span repeated in the list takes its next occurrence."""
    seen: Counter = Counter()
    out = []
    for s in spans:
        i, n = -1, seen[s]
        for _ in range(n + 1):
            i = text.find(s, i + 1)
        if i < 0:
            i = text.find(s)
        seen[s] += 1
        out.append((i, i + len(s)))
    return out


def _outside_words(text: str) -> int:
    """Words of a predicted quote that stand outside its quote marks."""
    depth, out = False, []
    for part in re.split(r"([\"“”])", text):
        if part in ('"', "“", "”"):
            depth = (part == "“") if part in "“”" else not depth
            continue
        if not depth:
            out.append(part)
    return len(WORD.findall(" ".join(out)))


def _pair(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by score (>= 0.5 to count)."""
    cands = sorted(((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, gi, pi in cands:
        if s < 0.5:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _speaker_ok(g: dict, p: dict, bodies: dict, garbled: dict) -> bool:
    want, got = g["speaker"], p.get("speaker")
    if want is None:  # unnamed: the tool may leave the name empty, but must point at the description
        if got is not None and _fold(got) not in {_fold(x) for x in g.get("also_speakers", [])} \
                and _fold(got) not in _fold(g["mention"]):
            return False
        if g["mention"] is None:
            return got is None
        a = set(_tokens(g["mention"])) - STOP
        b = set(_tokens(p.get("speaker_mention") or "")) - STOP
        return bool(a & b) or (got is not None)
    ok = {_fold(want)} | {_fold(x) for x in bodies.get(want, [])} | {_fold(x) for x in g.get("also_speakers", [])}
    ok |= {_fold(form) for form, canon in garbled.items() if canon == want and form in g["mention"]}
    if got is None and want in bodies:  # a body named by its usual short form ("the ministry") and left at that
        return _fold(p.get("speaker_mention")) in ok
    return _fold(got) in ok


class Scores(dict):
    def ratio(self, name: str, num: float, den: float) -> float:
        self[name] = num / den if den else 0.0
        self[name + "_n"] = f"{num}/{den}"
        return self[name]


def score(gold: dict, texts: dict, quotes: dict, figures: dict, mentions: dict) -> tuple[Scores, dict]:
    s, errors = Scores(), {"quotes": [], "speakers": [], "figures": [], "kinds": [], "nonfig": [], "names": []}
    bodies = gold["bodies"]
    garbled = {f: v["canonical"] for a in gold["articles"].values() for f, v in a["names"].items() if isinstance(v, dict)}
    c = Counter()
    for key, ga in gold["articles"].items():
        text = texts[key]
        preds = quotes.get(key, [])
        for p in preds:
            p["_mixed"] = p["direct"] and bool(DQUOTE.search(p["text"])) and _outside_words(p["text"]) >= 3
            p["_tok"] = _tokens(p["text"])
        gq = ga["quotes"]
        for g, (a, b) in zip(gq, _locate(text, [g["text"] for g in gq])):
            g["_span"], g["_tok"] = (a, b), _tokens(g["text"])

        # indirect (and mixed) clauses
        gi = [g for g in gq if not g["direct"]]
        pi = [p for p in preds if not p["direct"] or p["_mixed"]]
        pairs = _pair(gi, pi, lambda g, p: _f1(g["_tok"], p["_tok"]))
        matched_g = {a for a, _ in pairs}
        matched_p = {b for _, b in pairs}
        c["ind_tp"] += sum(1 for a in matched_g if not gi[a].get("optional"))
        c["ind_gold"] += sum(1 for g in gi if not g.get("optional"))
        c["ind_pred"] += len(pi) - sum(1 for a, _ in pairs if gi[a].get("optional"))
        for a, b in pairs:
            if gi[a].get("optional"):
                continue
            c["ind_spk_n"] += 1
            if _speaker_ok(gi[a], pi[b], bodies, garbled):
                c["ind_spk_ok"] += 1
            else:
                errors["speakers"].append((key, "indirect", gi[a]["text"][:60], gi[a]["speaker"] or gi[a]["mention"], pi[b].get("speaker"), pi[b].get("speaker_mention")))
        for a, g in enumerate(gi):
            if a not in matched_g and not g.get("optional"):
                errors["quotes"].append((key, "missed indirect", g["text"][:80]))
        for j, p in enumerate(pi):
            if j not in matched_p:
                errors["quotes"].append((key, "spurious indirect" if not p["direct"] else "spurious mixed", p["text"][:80]))

        # direct quotes
        gd = [g for g in gq if g["direct"]]
        pd = [p for p in preds if p["direct"] and not p["_mixed"]]
        found: dict[int, dict] = {}
        for a, b in _pair(gd, pd, lambda g, p: _f1(g["_tok"], p["_tok"])):
            found[a] = pd[b]
        used = {id(p) for p in found.values()}
        for a, g in enumerate(gd):  # parts of one reported quote, or a fragment inside a mixed clause
            if a in found:
                continue
            for p in preds:
                if not (p["start"] <= g["_span"][0] and g["_span"][1] <= p["end"]):
                    continue
                if p["_mixed"]:
                    found[a] = p
                    c["dir_in_mixed"] += 1
                    break
                parts = [h for h in gd if p["start"] <= h["_span"][0] and h["_span"][1] <= p["end"]]
                if sum(len(h["_tok"]) for h in parts) >= 0.8 * len(p["_tok"]):
                    found[a] = p
                    used.add(id(p))
                    c["dir_in_merged"] += 1
                    break
        c["dir_gold"] += len(gd)
        c["dir_tp"] += len(found)
        c["dir_pred"] += len(pd)
        c["dir_pred_ok"] += sum(1 for p in pd if id(p) in used)
        for a, g in enumerate(gd):
            if a not in found:
                errors["quotes"].append((key, "missed direct", g["text"][:80]))
                continue
            c["dir_spk_n"] += 1
            if _speaker_ok(g, found[a], bodies, garbled):
                c["dir_spk_ok"] += 1
            else:
                errors["speakers"].append((key, "direct", g["text"][:60], g["speaker"] or g["mention"], found[a].get("speaker"), found[a].get("speaker_mention")))
        for p in pd:
            if id(p) not in used:
                errors["quotes"].append((key, "spurious direct", p["text"][:80]))

        # figures
        gf = ga["figures"]
        for g, span in zip(gf, _locate(text, [g["text"] for g in gf])):
            g["_span"] = span
        neutral = [m.span() for s_ in ga["neutral"] for m in re.finditer(re.escape(s_), text)]
        nonfig = [(s_, [m.span() for m in re.finditer(re.escape(s_), text)]) for s_ in ga["non_figures"]]
        pf = figures.get(key, [])

        def fig_score(g, p):
            same_value = abs(g["value"] - p["value"]) <= 1e-6 * max(1.0, abs(g["value"]))
            overlap = p["start"] < g["_span"][1] and g["_span"][0] < p["end"]
            return 1.0 if same_value and (overlap or p["text"] == g["text"]) else 0.0

        conv = [a for a, g in enumerate(gf) if g.get("converted_from")]
        pairs = _pair([g for a, g in enumerate(gf) if a not in conv], pf, fig_score)
        rest = [a for a in range(len(gf)) if a not in conv]
        pairs = [(rest[a], b) for a, b in pairs]
        mg, mp = {a for a, _ in pairs}, {b for _, b in pairs}
        for a in conv:  # "US$120 million (€110 million)": one figure carrying its conversion also counts
            g = gf[a]
            want = f"{g['unit']} {g['value']:g}"
            if any(f"{(p.get('extra') or {}).get('converted', '')}" in (want, f"{g['unit']} {int(g['value'])}")
                   and p["start"] <= g["_span"][0] <= p["end"] + 3 for p in pf):
                mg.add(a)
        for a, g in enumerate(gf):  # "by 14,212 votes to 12,905": one figure, the votes against in extra["against"]
            if a not in mg and g["kind"] == "votes" and any(
                    (p.get("extra") or {}).get("against") == f"{g['value']:g}"
                    and p["start"] <= g["_span"][0] < p["end"] for p in pf):
                mg.add(a)
        c["fig_gold"] += sum(1 for g in gf if not g.get("optional"))
        c["fig_tp"] += sum(1 for a in mg if not gf[a].get("optional"))
        for a, b in pairs:
            g, p = gf[a], pf[b]
            if g.get("optional"):
                continue
            c["kind_n"] += 1
            if p["kind"] == g["kind"] or p["kind"] in g.get("also_kinds", []):
                c["kind_ok"] += 1
            else:
                errors["kinds"].append((key, g["text"], g["kind"], p["kind"], p["sentence"][:100]))
        for a, g in enumerate(gf):
            if a not in mg and not g.get("optional"):
                errors["figures"].append((key, "missed", g["text"], g["kind"]))
        for b, p in enumerate(pf):
            if b in mp:
                if not gf[[a for a, bb in pairs if bb == b][0]].get("optional"):
                    c["fig_pred"] += 1
                    c["fig_pred_ok"] += 1
                continue
            if any(p["start"] < e and s0 < p["end"] for s0, e in neutral):
                continue  # a measurement or count nobody would ledger, and nobody would miss
            c["fig_pred"] += 1
            errors["figures"].append((key, "spurious", p["text"], p["kind"], p["sentence"][:90]))
        for s_, spans in nonfig:
            c["nonfig_n"] += 1
            if any(p["start"] < e and s0 < p["end"] for p in pf for s0, e in spans):
                c["nonfig_bad"] += 1
                errors["nonfig"].append((key, s_))

        # canonical names: each occurrence of a labelled form, through the mention that covers it
        ms = mentions.get(key, [])
        for form, want in sorted(ga["names"].items(), key=lambda kv: -len(kv[0])):
            garbled_form = isinstance(want, dict)
            canon = want["canonical"] if garbled_form else want
            group = "garbled" if garbled_form else ("full" if form == canon else "short")
            for m in re.finditer(r"\b%s\b" % re.escape(form), text):
                if any(m.start() >= a and m.end() <= b for a, b in ga.setdefault("_seen", []) if (a, b) != m.span()):
                    continue
                ga["_seen"].append(m.span())
                cover = [x for x in ms if x["start"] < m.end() and m.start() < x["end"]]
                c[f"name_{group}_n"] += 1
                if cover and all(x["canonical"] == canon for x in cover):
                    c[f"name_{group}_ok"] += 1
                else:
                    errors["names"].append((key, form, canon, [x["canonical"] for x in cover] or None))
        c["place_as_person"] += sum(1 for x in ms if x["label"] == "PER" and x["text"] in gold["not_persons"])

    s.ratio("direct_p", c["dir_pred_ok"], c["dir_pred"])
    s.ratio("direct_r", c["dir_tp"], c["dir_gold"])
    s["direct_f1"] = _hm(s["direct_p"], s["direct_r"])
    s.ratio("direct_speaker_acc", c["dir_spk_ok"], c["dir_spk_n"])
    s["direct_found_in_mixed"] = c["dir_in_mixed"]
    s["direct_found_in_merged"] = c["dir_in_merged"]
    s.ratio("indirect_p", c["ind_tp"], c["ind_pred"])
    s.ratio("indirect_r", c["ind_tp"], c["ind_gold"])
    s["indirect_f1"] = _hm(s["indirect_p"], s["indirect_r"])
    s.ratio("indirect_speaker_acc", c["ind_spk_ok"], c["ind_spk_n"])
    s.ratio("figure_p", c["fig_pred_ok"], c["fig_pred"])
    s.ratio("figure_r", c["fig_tp"], c["fig_gold"])
    s["figure_f1"] = _hm(s["figure_p"], s["figure_r"])
    s.ratio("kind_acc", c["kind_ok"], c["kind_n"])
    s.ratio("nonfigure_extracted", c["nonfig_bad"], c["nonfig_n"])
    s.ratio("names_all_acc", sum(c[f"name_{g}_ok"] for g in ("full", "short")), sum(c[f"name_{g}_n"] for g in ("full", "short")))
    s.ratio("names_short_acc", c["name_short_ok"], c["name_short_n"])
    s.ratio("names_garbled_acc", c["name_garbled_ok"], c["name_garbled_n"])
    s["places_as_persons"] = c["place_as_person"]
    return s, errors


def _hm(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def facts(example_desk, tmp_path_factory):
    from typer.testing import CliRunner

    from newsdesk.cli import app

    gold = json.loads((EXAMPLES / "gold_facts.json").read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("facts-export")
    result = CliRunner().invoke(app, ["export", "--db", str(example_desk), "--out", str(out)])
    assert result.exit_code == 0, result.output

    def rows(name):
        with open(out / name, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    arts = {r["id"]: r for r in rows("articles.jsonl")}
    key = {i: _key(r["source"]) for i, r in arts.items()}
    texts = {key[i]: r["text"] for i, r in arts.items()}
    quotes, figures, mentions = {}, {}, {}
    for q in rows("quotes.jsonl"):
        quotes.setdefault(key[q["article"]], []).append(q)
    for f in rows("figures.jsonl"):
        figures.setdefault(key[f["article"]], []).append(f)
    con = sqlite3.connect(example_desk)
    con.row_factory = sqlite3.Row
    for m in con.execute("SELECT article, start, end, text, label, canonical FROM mentions"):
        mentions.setdefault(key[m["article"]], []).append(dict(m))
    con.close()
    scores, errors = score(gold, texts, quotes, figures, mentions)
    print("\nexample corpus facts (examples/gold_facts.json, %d articles):" % len(gold["articles"]))
    for name, value in scores.items():
        if not name.endswith("_n"):
            n = scores.get(name + "_n", "")
            print(f"  {name:24s} {value:.3f} {n}" if isinstance(value, float) else f"  {name:24s} {value}")
    if os.environ.get("NEWSDESK_FACT_ERRORS"):  # NEWSDESK_FACT_ERRORS=quotes,speakers,names pytest -s ...
        for kind in os.environ["NEWSDESK_FACT_ERRORS"].split(","):
            for row in errors.get(kind, []):
                print(kind, *row, sep=" | ")
    return gold, texts, scores, errors


def test_gold_spans_are_in_the_cleaned_text(facts):
    gold, texts, _, _ = facts
    for key, ga in gold["articles"].items():
        assert key in texts, key
        for item in ga["quotes"] + ga["figures"]:
            assert item["text"] in texts[key], (key, item["text"])
        assert {ga["format"] for ga in gold["articles"].values()} >= {"txt", "html", "jsonl", "rss"}


# Floors pinned at commit time, a little under what the code reached (measured values in the comments).


def test_direct_quotes(facts):
    s = facts[2]
    assert s["direct_f1"] >= 0.97, s["direct_f1"]  # 0.987
    # 0.875: what is left is names the model splits or extends ("Tomas" of "Tomas Lehto", "Striker Mateo
    # Lind", "Per Ekdahl" untagged), "the mayor of the worst-hit town" named only later, garbled spun names
    assert s["direct_speaker_acc"] >= 0.85, s["direct_speaker_acc"]


def test_indirect_quotes(facts):
    s = facts[2]
    assert s["indirect_f1"] >= 0.88, s["indirect_f1"]  # 0.903
    assert s["indirect_speaker_acc"] >= 0.85, s["indirect_speaker_acc"]  # 0.872


def test_figures(facts):
    s = facts[2]
    assert s["figure_f1"] >= 0.98, (s["figure_p"], s["figure_r"])  # 1.000 / 1.000
    # 0.969: what is left is registration without a shelter word ("600 people had registered by evening"),
    # and the spun copy's "useless" (= dead)
    assert s["kind_acc"] >= 0.93, s["kind_acc"]
    assert s["nonfigure_extracted"] <= 0.02, s["nonfigure_extracted"]  # 0.000


def test_canonical_names(facts):
    s = facts[2]
    assert s["names_all_acc"] >= 0.88, s["names_all_acc"]  # 0.906
    assert s["names_short_acc"] >= 0.80, s["names_short_acc"]  # 0.852
    # 40 place or street mentions tagged as persons (Brennick, Varholm, Mill Lane, ...): pinned as a ceiling
    assert s["places_as_persons"] <= 45, s["places_as_persons"]
    # garbled names of spun copies (Elena Swamp for Elena Marsh) are printed, not gated: 1 of 8 today
