"""Check examples/gold.json against examples/corpus (standard library only).

Run:  python examples/check_gold.py          (exit code 1 on any problem)

Checks that every annotated span (title, boilerplate line, body snippet, header line,
quote, figure, non-quote, non-figure) occurs in its document, that cross references
(copy_of, revision_of, event, story) resolve, that exact copies share their body
verbatim with the original, and the corpus-level minimums (documents, outlets, date span).
"""
from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
CUES = {"metadata", "html-meta", "header", "dateline", "weekday", "url", "none"}
KINDS = {"exact", "near", "rewrite", "partial", None}


def norm(s: str) -> str:
    return " ".join(html.unescape(s).split())


class _Paras(HTMLParser):
    """Collect visible text and the text of each <p>/<li>/<h*> block."""

    BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "figcaption", "div", "title", "button", "span", "a"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []
        self.paras: list[str] = []
        self.cur: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "p":
            self.cur = []
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "p" and self.cur is not None:
            self.paras.append(" ".join("".join(self.cur).split()))
            self.cur = None
        self.parts.append(" ")

    def handle_data(self, data):
        if self.skip:
            return
        self.parts.append(data)
        if self.cur is not None:
            self.cur.append(data)


def parse_html(src: str) -> tuple[str, list[str]]:
    p = _Paras()
    p.feed(src)
    return " ".join("".join(p.parts).split()), p.paras


def load_docs() -> dict[str, dict]:
    """key -> {"text": visible text, "paras": body-ish blocks, "meta": {...}}"""
    docs: dict[str, dict] = {}
    for f in sorted(CORPUS.rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(CORPUS).as_posix()
        raw = f.read_text(encoding="utf-8")
        if f.suffix == ".txt":
            lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
            docs[rel] = {"text": norm(raw), "paras": lines, "raw": raw}
        elif f.suffix in (".html", ".htm"):
            text, paras = parse_html(raw)
            docs[rel] = {"text": text, "paras": paras, "raw": raw}
        elif f.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if "html" in rec:
                    text, paras = parse_html(rec["html"])
                else:
                    text = norm(rec["text"])
                    paras = [ln.strip() for ln in rec["text"].splitlines() if ln.strip()]
                text = norm((rec.get("title") or "") + " " + text)
                docs[f"{rel}#{rec['id']}"] = {"text": text, "paras": paras, "raw": line, "record": rec}
        elif f.suffix in (".rss", ".xml", ".atom"):
            ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
            root = ET.fromstring(raw)
            for item in root.iter("item"):
                guid = (item.findtext("guid") or item.findtext("link")).strip()
                body = item.findtext("content:encoded", namespaces=ns) or item.findtext("description") or ""
                text, paras = parse_html(body)
                text = norm(item.findtext("title", "") + " " + text)
                docs[f"{rel}#{guid}"] = {"text": text, "paras": paras, "raw": body,
                                         "pubDate": item.findtext("pubDate")}
        else:
            docs[rel] = {"text": norm(raw), "paras": [], "raw": raw}
    return docs


def body(doc: dict, g: dict) -> list[str]:
    drop = {norm(x) for x in g["boilerplate"] + g.get("header_lines", []) + [g["title"] or ""]}
    return [norm(p) for p in doc["paras"] if norm(p) not in drop and len(p) >= 40]


def check_facts(gold: dict, docs: dict) -> list[str]:
    """gold_facts.json: known keys, spans present in the documents, kinds from the tool's vocabulary."""
    path = HERE / "gold_facts.json"
    if not path.exists():
        return []
    facts = json.loads(path.read_text(encoding="utf-8"))
    kinds = set(facts["kinds"])
    errors: list[str] = []
    arts = facts["articles"]
    for key, a in arts.items():
        if key not in gold["documents"] or key not in docs:
            errors.append(f"gold_facts {key}: unknown document key")
            continue
        text = docs[key]["text"]
        if a["format"] != gold["documents"][key]["format"]:
            errors.append(f"gold_facts {key}: format {a['format']} differs from gold.json")
        spans = [q["text"] for q in a["quotes"]] + [f["text"] for f in a["figures"]] + a["neutral"] + a["non_figures"]
        for s in spans + list(a["names"]):
            if norm(s) not in text:
                errors.append(f"gold_facts {key}: span not found: {s[:70]!r}")
        for q in a["quotes"]:
            if not isinstance(q["direct"], bool) or (q["speaker"] is None and not q["mention"] and q["direct"] is False):
                errors.append(f"gold_facts {key}: quote needs direct and a speaker or mention: {q['text'][:50]!r}")
        for f in a["figures"]:
            if f["kind"] not in kinds or not set(f.get("also_kinds", [])) <= kinds:
                errors.append(f"gold_facts {key}: kind {f['kind']!r} not in the vocabulary")
            if not isinstance(f["value"], (int, float)):
                errors.append(f"gold_facts {key}: figure value not a number: {f['text']!r}")
    formats = {a["format"] for a in arts.values()}
    outlets = {a["outlet"] for a in arts.values()}
    if len(arts) < 25 or formats != {"txt", "html", "jsonl", "rss"} or outlets != set(gold["outlets"]):
        errors.append(f"gold_facts: {len(arts)} articles, formats {sorted(formats)}, {len(outlets)} outlets "
                      "(want >= 25 articles covering every format and outlet)")
    print(f"facts: {len(arts)} articles  quotes {sum(len(a['quotes']) for a in arts.values())}  "
          f"figures {sum(len(a['figures']) for a in arts.values())}  names {sum(len(a['names']) for a in arts.values())}")
    return errors


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    G = gold["documents"]
    docs = load_docs()
    errors: list[str] = []

    def err(key, msg):
        errors.append(f"{key}: {msg}")

    for key in docs:
        if key not in G:
            err(key, "document in corpus but not in gold")
    for key, g in G.items():
        if key not in docs:
            err(key, "gold key has no document")
            continue
        text = docs[key]["text"]

        def need(s, what):
            if norm(s) not in text:
                err(key, f"{what} not found: {s[:70]!r}")

        if g["title"]:
            need(g["title"], "title")
        for s in g["boilerplate"]:
            need(s, "boilerplate")
        for s in g.get("header_lines", []):
            need(s, "header line")
        for s in g["body_must_keep"]:
            need(s, "body snippet")
            if norm(s) in {norm(b) for b in g["boilerplate"] + g.get("header_lines", [])}:
                err(key, f"body snippet is also boilerplate or a header line: {s!r}")
        for q in g["quotes"]:
            need(q["text"], "quote")
            if q.get("speaker_mention"):
                need(q["speaker_mention"], "speaker mention")
            if not isinstance(q["direct"], bool):
                err(key, "quote.direct must be bool")
        for fg in g["figures"]:
            need(fg["text"], "figure")
            if not isinstance(fg["value"], (int, float)):
                err(key, f"figure value not a number: {fg}")
        for s in g.get("non_quotes", []) + g.get("non_figures", []):
            need(s, "distractor")
        if g["outlet"] not in gold.get("outlets", {g["outlet"]: None}):
            err(key, f"outlet {g['outlet']!r} is not in the top-level outlets map")
        if g.get("byline") is not None and not isinstance(g["byline"], str):
            err(key, "byline must be a string or null")
        if len(g["body_must_keep"]) < 2:
            err(key, "fewer than 2 body_must_keep snippets")
        if g["date_cue"] not in CUES:
            err(key, f"bad date_cue {g['date_cue']}")
        if (g["published"] is None) != (g["date_cue"] == "none"):
            err(key, "published must be null exactly when date_cue is none")
        if g["published"]:
            date.fromisoformat(g["published"])
        if g["copy_kind"] not in KINDS:
            err(key, f"bad copy_kind {g['copy_kind']}")
        if (g["copy_of"] is None) != (g["copy_kind"] is None):
            err(key, "copy_of and copy_kind must be set together")
        for ref in ("copy_of", "revision_of"):
            if g[ref] is not None and g[ref] not in G:
                err(key, f"{ref} points to unknown key {g[ref]}")
            if g[ref] == key:
                err(key, f"{ref} points to itself")
        if g["event"] not in gold["events"]:
            err(key, f"unknown event {g['event']}")
        if g["story"] not in gold["stories"]:
            err(key, f"unknown story {g['story']}")
        if g["copy_kind"] == "exact" and g["copy_of"] in docs:
            a = body(docs[g["copy_of"]], G[g["copy_of"]])
            b = body(docs[key], g)
            if a != b:
                err(key, f"exact copy body differs from original ({len(a)} vs {len(b)} paragraphs)")
        if g["copy_kind"] in ("near", "partial") and g["copy_of"] in docs:
            a = set(body(docs[g["copy_of"]], G[g["copy_of"]]))
            b = body(docs[key], g)
            shared = sum(1 for p in b if p in a)
            if g["copy_kind"] == "partial" and shared < 2:
                err(key, "partial copy should embed at least 2 paragraphs of the original verbatim")

    # corpus-level minimums
    outlets = {g["outlet"] for g in G.values() if g["outlet"]}
    dates = sorted(g["published"] for g in G.values() if g["published"])
    span = (date.fromisoformat(dates[-1]) - date.fromisoformat(dates[0])).days if dates else 0
    kinds: dict = {}
    for g in G.values():
        kinds[g["copy_kind"]] = kinds.get(g["copy_kind"], 0) + 1
    revisions = sum(1 for g in G.values() if g["revision_of"])
    html_docs = sum(1 for k in G if k.endswith(".html"))
    jsonl_docs = sum(1 for k in G if ".jsonl#" in k)
    feed_docs = sum(1 for k in G if ".rss#" in k or ".xml#" in k)
    stories: dict = {}
    for g in G.values():
        stories[g["story"]] = stories.get(g["story"], 0) + 1
    if len(G) < 45:
        errors.append(f"only {len(G)} documents (< 45)")
    if len(outlets) < 6:
        errors.append(f"only {len(outlets)} outlets (< 6)")
    if span < 21:
        errors.append(f"date span {span} days (< 21)")
    for kind, need_n in (("exact", 4), ("rewrite", 3), ("partial", 2)):
        if kinds.get(kind, 0) < need_n:
            errors.append(f"only {kinds.get(kind, 0)} {kind} copies (< {need_n})")
    spun = sum(1 for g in G.values() if g.get("spun"))
    if spun < 3:
        errors.append(f"only {spun} spun copies (< 3)")
    if html_docs < 10:
        errors.append(f"only {html_docs} HTML documents (< 10)")
    if jsonl_docs < 8:
        errors.append(f"only {jsonl_docs} JSONL records (< 8)")
    if feed_docs < 5:
        errors.append(f"only {feed_docs} feed entries (< 5)")

    print(f"documents {len(G)}  outlets {len(outlets)}  span {dates[0] if dates else '-'}..{dates[-1] if dates else '-'} ({span} days)")
    print(f"html {html_docs}  jsonl {jsonl_docs}  feed {feed_docs}  txt {sum(1 for k in G if k.endswith('.txt'))}")
    print(f"copies {kinds}  spun {spun}  revisions {revisions}")
    print(f"stories {stories}")
    print(f"quotes {sum(len(g['quotes']) for g in G.values())}  figures {sum(len(g['figures']) for g in G.values())}")
    print("outlets:", ", ".join(sorted(outlets)))
    errors += check_facts(gold, docs)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
