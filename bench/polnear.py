"""PolNeAR (train + dev) as gold attributions: content, source and cue spans per article.

Read from ``../shared/datasets/polnear`` (unpacked once into bench/.cache/polnear), never copied into
the repo. One annotator file per article: the one without suffix if present, else the first in sorted
order (the scorer's rule in the datasets README). ``direct`` = the content contains a double quote mark;
unlike the README's count we also take the doubled apostrophes ('') of the NYT archive texts for one
(they are its double quote marks), which moves NYT's direct quotes out of "indirect".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bench.datasets import unpack

DOUBLE_QUOTES = ('"', "“", "”", "''")  # '' = the doubled apostrophes NYT archive text uses for "
SPEECH_CUES = re.compile(
    r"\b(says?|said|saying|tells?|told|telling|adds?|added|adding|according|states?|stated|stating|"
    r"explain(s|ed|ing)?|announc(e|es|ed|ing)|declar(e|es|ed|ing)|claim(s|ed|ing)?|insist(s|ed|ing)?|"
    r"argu(e|es|ed|ing)|warn(s|ed|ing)?|wr(ite|ites|ote|iting)|tweet(s|ed|ing)?|asks?|asked|"
    r"repl(y|ies|ied)|respond(s|ed)?|not(e|es|ed)|acknowledg(e|es|ed)|admit(s|ted)?|"
    r"report(s|ed)?|quot(e|es|ed)|suggest(s|ed)?|continu(e|es|ed)|recall(s|ed)?|predict(s|ed)?|"
    r"remark(s|ed)?|comment(s|ed)?|stress(es|ed)?|promis(e|es|ed)|vow(s|ed)?|pledg(e|es|ed)|"
    r"accus(e|es|ed)|den(y|ies|ied)|confirm(s|ed)?|call(s|ed)?|describ(e|es|ed))\b", re.I)


_T_LINE = re.compile(r"(T\d+)\t\S+ ([\d ;]+)(?:\t|$)")


@dataclass(slots=True)
class Span:
    start: int
    end: int  # of the whole (possibly discontinuous) span: first start, last end
    parts: list[tuple[int, int]]
    text: str


@dataclass(slots=True)
class Attribution:
    content: Span
    source: Span | None
    cue: Span | None
    direct: bool
    speech: bool  # the cue is a speech verb (says, told, according to, ...)


@dataclass(slots=True)
class GoldArticle:
    name: str
    split: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def annotation_file(folder: Path, name: str) -> Path | None:
    plain = folder / f"{name}.ann"
    if plain.exists():
        return plain
    files = sorted(folder.glob(f"{name}_*.ann"))
    return files[0] if files else None


def _parse_ann(path: Path, text: str) -> list[Attribution]:
    spans: dict[str, Span] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:  # the surface text may run over several lines; offsets are what counts
            tid, offsets = m.group(1), m.group(2)
            parts = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[tid] = Span(parts[0][0], parts[-1][1], parts, " ".join(text[s:e] for s, e in parts))
        elif re.match(r"E\d+\t", line):
            args = line.split("\t")[1].split()
            relations.append(dict(a.split(":", 1) for a in args))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(rel.get("Cue", ""))
        source = spans.get(rel.get("Source", ""))
        direct = any(q in content.text for q in DOUBLE_QUOTES)
        speech = bool(cue and SPEECH_CUES.search(cue.text))
        out.append(Attribution(content, source, cue, direct, speech))
    return out


def load(split: str) -> list[GoldArticle]:
    """The gold articles of ``split`` ("train" or "dev"), sorted by name."""
    base = unpack("polnear", "polnear-train-dev.tar.gz") / "polnear" / split
    articles = []
    for txt in sorted((base / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        ann = annotation_file(base / "attributions", txt.stem)
        if ann is None:
            continue
        articles.append(GoldArticle(txt.stem, split, text, _parse_ann(ann, text)))
    return articles
