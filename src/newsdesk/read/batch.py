"""JSONL and CSV batches: one article per record, following the input contract.

Record fields: id, url?, outlet?, title?, published?, and text or html.
A bad record is quarantined on its own; the rest of the file is read.
"""

from __future__ import annotations

import csv
import io
import json

from ..records import Quarantined, RawDoc
from ..settings import Settings

_ALIASES = {
    "text": ("text", "body", "content", "article", "article_content"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline", "article_title"),
    "outlet": ("outlet", "source_name", "site", "publisher", "source"),
    "published": ("published", "date", "published_at", "pubdate", "publish_date"),
    "url": ("url", "link"),
    "id": ("id", "uid", "unit_id", "guid"),
}


def _field(rec: dict, name: str) -> str | None:
    for key in _ALIASES[name]:
        v = rec.get(key)
        if v is not None and not isinstance(v, (dict, list)) and str(v).strip():
            return str(v).strip()
    return None


def record_to_doc(rec: object, src: str, n: int, fmt: str, settings: Settings) -> RawDoc | Quarantined:
    where = f"{src}#{n}"
    if not isinstance(rec, dict):
        return Quarantined(where, "malformed", f"record {n} is not an object")
    rid = _field(rec, "id")
    url = _field(rec, "url")
    key = f"{src}#{rid}" if rid else (url or where)
    text, html = _field(rec, "text"), _field(rec, "html")
    if not text and not html:
        return Quarantined(key, "empty", f"record {n} has neither text nor html")
    if len(text or html or "") > settings.max_record_chars:
        return Quarantined(key, "too_large", f"record {n} exceeds {settings.max_record_chars} characters")
    return RawDoc(
        source=key,
        fmt=fmt,
        text=text if not html else None,
        html=html,
        title=_field(rec, "title"),
        outlet=_field(rec, "outlet"),
        published=_field(rec, "published"),
        url=url,
        record_id=rid,
    )


def read_jsonl(text: str, src: str, settings: Settings) -> list[RawDoc | Quarantined]:
    out: list[RawDoc | Quarantined] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            out.append(Quarantined(f"{src}#{n}", "malformed_json", f"line {n}: {e.msg} at column {e.colno}"))
            continue
        out.append(record_to_doc(rec, src, n, "jsonl", settings))
    if not out:
        out.append(Quarantined(src, "empty", "no records"))
    return out


def read_csv(text: str, src: str, settings: Settings) -> list[RawDoc | Quarantined]:
    csv.field_size_limit(max(settings.max_record_chars, 131072) + 1)
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as e:
        return [Quarantined(src, "malformed_csv", str(e))]
    if not rows:
        return [Quarantined(src, "empty", "no rows")]
    out: list[RawDoc | Quarantined] = []
    for n, row in enumerate(rows, 1):
        if None in row:  # more cells than header columns
            out.append(Quarantined(f"{src}#{n}", "malformed_csv", f"row {n} has extra cells"))
            continue
        out.append(record_to_doc({k.strip().lower(): v for k, v in row.items() if k}, src, n, "csv", settings))
    return out
