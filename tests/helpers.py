"""Builders of small synthetic corpora for tests (written here, not copied from anywhere)."""

from __future__ import annotations

import random
from pathlib import Path

_PLACES = ["Aldmoor", "Kessing", "Brennick", "Varholm", "Low Carrow", "Vessen", "Tarrow", "Eldham"]
_TOPICS = [
    ("flood", "river", "water", "evacuated", "levee"),
    ("election", "ballot", "voters", "turnout", "candidate"),
    ("strike", "union", "wages", "workers", "factory"),
    ("wildfire", "blaze", "hectares", "firefighters", "smoke"),
    ("trade", "tariff", "exports", "ministers", "deal"),
]


def article_text(i: int, rng: random.Random) -> str:
    topic = _TOPICS[i % len(_TOPICS)]
    place = rng.choice(_PLACES)
    words = [rng.choice(topic + ("officials", "residents", "report", "region", "council", "week")) for _ in range(60)]
    return (
        f"{place.upper()}, May {1 + i % 28} - The {topic[0]} near {place} entered its {i}th hour as "
        f"{rng.randint(10, 900)} {topic[2]} were reported, officials said on item {i}.\n\n"
        + " ".join(words).capitalize() + f". Reference number {i}-{rng.randint(1000, 9999)}.\n\n"
        + f'"This is statement {i}," said spokesperson number {i}.'
    )


def write_text_corpus(folder: Path, n: int, seed: int = 7, start: int = 0) -> list[Path]:
    rng = random.Random(seed + start)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"article-{i:05d}.txt"
        p.write_text(f"Headline number {i}\ndate 2024-05-{1 + i % 28:02d}\n\n{article_text(i, rng)}\n", encoding="utf-8")
        paths.append(p)
    return paths
