"""RSS and Atom feed files: one article per entry, with the entry's date."""

from __future__ import annotations

from ..records import Quarantined, RawDoc
from ..settings import Settings


def read_feed(text: str, src: str, settings: Settings) -> list[RawDoc | Quarantined]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        why = str(parsed.get("bozo_exception") or "no entries")
        return [Quarantined(src, "malformed_feed", why)]
    outlet = (parsed.feed.get("title") or "").strip() or None
    out: list[RawDoc | Quarantined] = []
    for n, e in enumerate(parsed.entries, 1):
        key = e.get("id") or e.get("link") or str(n)
        source = f"{src}#{key}"
        body = ""
        if e.get("content"):
            body = max((c.get("value", "") for c in e.content), key=len)
        body = body or e.get("summary", "") or e.get("description", "")
        if not body.strip():
            out.append(Quarantined(source, "empty", f"feed entry {n} has no content"))
            continue
        if len(body) > settings.max_record_chars:
            out.append(Quarantined(source, "too_large", f"feed entry {n} too long"))
            continue
        published = e.get("published") or e.get("updated")
        is_html = "<" in body and ">" in body
        out.append(
            RawDoc(
                source=source,
                fmt="rss",
                text=None if is_html else body,
                html=body if is_html else None,  # a fragment: the entry body itself
                title=(e.get("title") or "").strip() or None,
                outlet=outlet,
                published=published,
                url=e.get("link"),
                record_id=e.get("id"),
            )
        )
    return out
