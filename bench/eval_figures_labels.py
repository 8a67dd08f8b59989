"""How self-consistent the FA-KES crowd counts are: a ceiling for exact match.

Two checks, printed by ``bench/eval_figures.py`` under its scores:

- duplicates: some unit_ids appear on several rows (same article text) with
  different crowd answers; at most the most common answer of a group can be
  matched, so the other rows are out of reach for any extractor;
- raw answers: ``crowdsourced-annotations.xlsx`` holds the annotators' answers
  as typed ("22 civilians", "a child", "Three civilians"); matched to
  ``fakes.csv`` by article text, its number is compared with the published
  count. Where they differ, the label changed after annotation (or a second
  annotator disagreed): an upper bound on how often a label can be trusted.

The workbook is read with the standard library (zipfile + ElementTree), so no
spreadsheet package is needed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

from newsdesk.facts.numbers import find_quantities

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COLUMNS = {"A": "content", "F": "civilians", "G": "noncivilians", "H": "children", "I": "women"}


def read_workbook(path: Path) -> list[dict[str, str]]:
    """Rows of the first sheet of an .xlsx file as dicts keyed by the header row (strings; missing cells "")."""
    with zipfile.ZipFile(path) as z:
        shared = [''.join(t.text or '' for t in si.iter(f"{_NS}t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(f"{_NS}si")]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for r in sheet.iter(f"{_NS}row"):
        row = {}
        for c in r.findall(f"{_NS}c"):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find(f"{_NS}v")
            if v is not None:
                row[col] = shared[int(v.text)] if c.get("t") == "s" else (v.text or "")
            else:
                row[col] = "".join(t.text or "" for t in c.iter(f"{_NS}t"))
        rows.append(row)
    return [{_COLUMNS[k]: v for k, v in row.items() if k in _COLUMNS} for row in rows[1:]]


def answer_value(answer: str) -> int:
    """The count in a typed answer: "22 civilians" 22, "Three" 3, "a child" 1, "" 0."""
    answer = (answer or "").strip()
    if not answer:
        return 0
    found = find_quantities(answer)
    if found:  # "between 500 and 1300 people": the published counts take the high end
        return int(found[0].value_high or found[0].value)
    return 1 if re.match(r"(?:an?|his|her|the)\s+\w+|[A-Za-z]+$", answer, re.I) else 0


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def duplicate_ceiling(rows: list[dict], category: str) -> tuple[int, int]:
    """(rows out of reach, rows) among rows with a nonzero gold count, from unit_ids with conflicting answers."""
    groups: dict[str, list[int]] = {}
    for r in rows:
        groups.setdefault(r["unit_id"], []).append(int(r[f"nb_{category}"]))
    lost = 0
    for golds in groups.values():
        if len(golds) > 1:
            best = Counter(golds).most_common(1)[0][0]
            lost += sum(1 for g in golds if g and g != best)
    return lost, sum(1 for r in rows if int(r[f"nb_{category}"]))


def raw_agreement(rows: list[dict], path: Path, category: str) -> tuple[int, int, int]:
    """(published counts equal to a raw answer, raw answers left blank, rows matched) among rows with a nonzero
    gold count."""
    raw = [(_norm(r.get("content", "")), r) for r in read_workbook(path)]
    agree = blank = matched = 0
    for row in rows:
        gold = int(row[f"nb_{category}"])
        body = _norm(row["article_content"])[40:140]
        if not gold or not body:
            continue
        answers = [r.get(category, "") for key, r in raw if body in key]
        if answers:
            matched += 1
            agree += gold in [answer_value(a) for a in answers]
            blank += all(not a.strip() for a in answers)
    return agree, blank, matched
