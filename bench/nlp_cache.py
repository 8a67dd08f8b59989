"""spaCy Docs of a benchmark's texts, parsed once and kept in bench/.cache as DocBin files.

The small model is the slow part of the facts stage; caching its output lets the evaluation of
the rules (which is what changes) run in seconds. Delete the cache file after changing the model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bench.datasets import CACHE


def docs(nlp, texts: list[str], name: str, components: str):
    """Docs for ``texts`` (cached under ``name`` + a hash of the texts), and whether they were cached."""
    from spacy.tokens import DocBin

    if "newsdesk_name_windows" in nlp.pipe_names:  # Docs of the name windows change with their settings
        windows = nlp.get_pipe("newsdesk_name_windows")
        components += f"-m{windows.margin}"
    digest = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
    path: Path = CACHE / "nlp" / f"{name}-{components}-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), True
    out = list(nlp.pipe(texts, batch_size=16))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=out).to_disk(path)
    return out, False
