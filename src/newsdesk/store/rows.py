"""Conversions between store rows and records, shared by the store's files."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone

from ..records import Article, Group


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _article(r: sqlite3.Row) -> Article:
    return Article(
        id=r["id"], source=r["source"], fmt=r["fmt"], text=r["text"], title=r["title"], outlet=r["outlet"],
        url=r["url"], published=_date(r["published"]), published_confidence=r["published_confidence"],
        published_evidence=r["published_evidence"], updated=_date(r["updated"]), lang=r["lang"],
        removed=json.loads(r["removed"]), body_hash=r["body_hash"], copy_of=r["copy_of"], copy_kind=r["copy_kind"],
        copy_score=r["copy_score"], event=r["event"], story=r["story"],
    )


def _group(r: sqlite3.Row) -> Group:
    return Group(id=r["id"], level=r["level"], title=r["title"], articles=[], first=_date(r["first"]),
                 last=_date(r["last"]), parent=r["parent"])
