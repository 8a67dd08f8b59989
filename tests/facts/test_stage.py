"""The facts stage inside a real build: stored, exported with true offsets, listed by the CLI."""

import json

from tests.conftest import CORPUS  # noqa: F401  (the example_desk fixture builds it)


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_exported_facts_point_at_their_text(example_desk, cli, tmp_path):
    out = tmp_path / "export"
    cli("export", "--db", example_desk, "--out", out)
    texts = {a["id"]: a["text"] for a in _jsonl(out / "articles.jsonl")}
    quotes, figures = _jsonl(out / "quotes.jsonl"), _jsonl(out / "figures.jsonl")
    assert len(quotes) >= 50 and len(figures) >= 50
    for q in quotes:
        assert q["article"] in texts
        # the content sits at its offsets; a quote split by its attribution spans both parts
        span, content = texts[q["article"]][q["start"]:q["end"]], q["text"].strip("\"“”' ")
        assert span.strip("\"“”' ").startswith(content[:20]) and span.strip("\"“”' ").endswith(content[-10:]), (span, content)
    for f in figures:
        assert texts[f["article"]][f["start"]:f["end"]] == f["text"]
        assert f["text"] in f["sentence"]
        assert f["as_of"] is None or len(f["as_of"]) == 10
    assert any(q["direct"] for q in quotes) and any(not q["direct"] for q in quotes)
    assert {"killed", "missing"} <= {f["kind"] for f in figures}


def test_quotes_by_speaker_and_figures_by_kind(example_desk, cli):
    listing = cli("quotes", "--db", example_desk).output
    assert "Elena Marsh" in listing  # the corpus's most quoted official
    one = cli("quotes", "--db", example_desk, "--speaker", "elena marsh", "--json").output
    assert '"speaker": "Elena Marsh"' in one and '"speaker": "Jonas Pell"' not in one
    killed = cli("figures", "--db", example_desk, "--kind", "killed").output
    assert "killed" in killed and "at least" in killed
    kinds = cli("figures", "--db", example_desk).output
    assert "killed" in kinds and "missing" in kinds


def test_rebuild_keeps_facts_and_names(example_desk, cli):
    import sqlite3

    db = sqlite3.connect(example_desk)
    before = db.execute("SELECT count(*) FROM quotes").fetchone()[0], db.execute("SELECT count(*) FROM figures").fetchone()[0]
    db.close()
    cli("build", CORPUS, "--db", example_desk, "--quiet")
    db = sqlite3.connect(example_desk)
    after = db.execute("SELECT count(*) FROM quotes").fetchone()[0], db.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert after == before
    assert db.execute("SELECT count(*) FROM articles WHERE facts_done=0").fetchone()[0] == 0
