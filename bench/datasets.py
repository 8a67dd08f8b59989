"""Locating and unpacking the shared labelled corpora for benchmarks (never copied into the repo)."""

from __future__ import annotations

import json
import re
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
CACHE = ROOT / "bench" / ".cache"


def require(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        raise SystemExit(f"../shared/datasets/{name} is absent: this benchmark needs the shared datasets")
    return path


def unpack(name: str, archive: str) -> Path:
    """Extract ``archive`` of dataset ``name`` once into bench/.cache/<name>."""
    target = CACHE / name
    marker = target / ".unpacked"
    if not marker.exists():
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(require(name) / archive) as tar:
            tar.extractall(target, filter="data")
        marker.touch()
    return target


_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"-LCB-", "{"), (r"-RCB-", "}"),
        (r"``", '"'), (r"''", '"'), (r"\\/", "/")]


def detokenise(text: str) -> str:
    """Undo the PTB tokenisation of T17 well enough for a reader."""
    for a, b in _PTB:
        text = re.sub(a, b, text)
    text = re.sub(r" (['’](s|re|ve|ll|d|m|t)|n't)\b", r"\1", text)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text


# T17's topic keywords, as DATEWISE filters sentences with them (news-tls keeps them per topic in keywords.json).
T17_KEYWORDS = {"bpoil": "bp oil spill", "EgyptianProtest": "egypt egyptian", "H1N1": "h1n1 swine flu",
                "haiti": "haiti quake earthquake", "IraqWar": "iraq iraqi", "LibyaWar": "libya libyan",
                "MJ": "michael jackson", "SyrianCrisis": "syria syrian", "Finan": "bank financial"}


def t17_jsonl() -> Path:
    """T17 as one JSONL batch per topic folder (id, outlet, published, text), cached."""
    base = unpack("t17", "t17-articles-timelines.tar.gz") / "dataset" / "t17"
    out = CACHE / "t17-jsonl"
    if not (out / ".done").exists():
        out.mkdir(parents=True, exist_ok=True)
        for folder in sorted(base.iterdir()):
            arts = folder / "articles.json"
            if not arts.exists():
                continue
            outlet = folder.name.split("_", 1)[-1]
            with (out / f"{folder.name}.jsonl").open("w", encoding="utf-8") as f:
                for a in json.loads(arts.read_text(encoding="utf-8")):
                    rec = {"id": f"{folder.name}/{a['uid']}", "outlet": outlet, "published": a["dct"],
                           "text": detokenise(a["text"])}
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        (out / ".done").touch()
    return out
