"""Read stage: turn paths into :class:`RawDoc` records (or quarantine records).

Public entry points: :func:`iter_files` walks the inputs; :func:`read_file`
reads one file into documents. Formats are chosen by file suffix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..records import Quarantined, RawDoc
from ..settings import Settings
from .batch import read_csv, read_jsonl
from .decode import DecodeError, decode_bytes
from .feed import read_feed

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
BATCH_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | BATCH_SUFFIXES

__all__ = ["iter_files", "read_file", "SUFFIXES"]


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Every readable input file under the given paths, in a stable order, with its folder hint.

    The hint is the name of the sub-folder (below the given folder) that holds
    the file, the usual way a pile is organised by outlet.

    Folders are walked recursively; hidden files and unknown suffixes are
    skipped. A path given explicitly is always yielded (so that an unknown
    suffix is reported rather than silently ignored).
    """
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    if f.suffix.lower() in SUFFIXES:
                        yield f, (rel.parts[0] if len(rel.parts) > 1 else None)
        else:
            yield p, None


def read_file(path: Path, settings: Settings, data: bytes | None = None,
              folder: str | None = None) -> list[RawDoc | Quarantined]:
    """Read one file into documents; problems become quarantine records."""
    docs = _read(path, settings, data)
    for d in docs:
        if isinstance(d, RawDoc) and d.fmt in ("txt", "html"):  # batch records carry their own outlet
            d.folder = folder
    return docs


def _read(path: Path, settings: Settings, data: bytes | None) -> list[RawDoc | Quarantined]:
    src = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return [Quarantined(src, "unsupported", f"unknown file type {suffix or '(none)'}")]
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as e:
            return [Quarantined(src, "unreadable", str(e))]
        if size > settings.max_file_bytes:
            return [Quarantined(src, "too_large", f"{size} bytes > limit {settings.max_file_bytes}")]
        try:
            data = path.read_bytes()
        except OSError as e:
            return [Quarantined(src, "unreadable", str(e))]
    if len(data) > settings.max_file_bytes:
        return [Quarantined(src, "too_large", f"{len(data)} bytes > limit {settings.max_file_bytes}")]
    if not data.strip():
        return [Quarantined(src, "empty", "file is empty")]
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        return [Quarantined(src, e.reason, str(e))]
    if suffix in TEXT_SUFFIXES:
        return [RawDoc(source=src, fmt="txt", text=text)]
    if suffix in HTML_SUFFIXES:
        return [RawDoc(source=src, fmt="html", html=text)]
    if suffix == ".csv":
        return read_csv(text, src, settings)
    if suffix in {".jsonl", ".ndjson"}:
        return read_jsonl(text, src, settings)
    return read_feed(text, src, settings)
