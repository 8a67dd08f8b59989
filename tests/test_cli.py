"""The real CLI on the example corpus and on hostile input."""

import json
import sqlite3

from tests.conftest import CORPUS

CONTRACT = {
    "articles.jsonl": {"id", "source", "outlet", "title", "published", "published_confidence", "text", "event",
                       "story", "copy_of", "copy_kind"},
    "events.jsonl": {"id", "title", "articles", "first", "last"},
    "stories.jsonl": {"id", "title", "articles", "first", "last"},
    "quotes.jsonl": {"article", "speaker", "speaker_mention", "text", "direct", "cue", "start", "end"},
    "figures.jsonl": {"article", "value", "unit", "kind", "subject", "qualifier", "source", "as_of", "text",
                      "sentence", "start", "end"},
    "timelines.jsonl": {"story", "date", "text", "citations"},
}


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_follows_contract_v1(example_desk, cli, tmp_path):
    out = tmp_path / "export"
    cli("export", "--db", example_desk, "--out", out)
    rows = {name: _jsonl(out / name) for name in CONTRACT}
    for name, fields in CONTRACT.items():
        assert rows[name], name
        for row in rows[name]:
            assert fields <= row.keys(), (name, fields - row.keys())
    arts = {a["id"]: a for a in rows["articles.jsonl"]}
    for a in arts.values():
        assert a["published"] is None or len(a["published"]) == 10
        assert 0 <= a["published_confidence"] <= 1
        assert a["copy_kind"] in (None, "exact", "near", "rewrite", "partial")
        assert (a["copy_of"] is None) == (a["copy_kind"] is None)
        assert a["copy_of"] is None or a["copy_of"] in arts
    in_events = [i for e in rows["events.jsonl"] for i in e["articles"]]
    assert sorted(in_events) == sorted(arts), "every article is in exactly one event"
    stories = {s["id"] for s in rows["stories.jsonl"]}
    assert all(a["story"] in stories for a in arts.values())


def test_digest_shows_stories_events_and_copies(example_desk, cli):
    out = cli("digest", "--db", example_desk, "--stories", "3").output
    assert "stories" in out and "independent outlets" in out
    assert "copy)" in out
    assert "1 articles" not in out and "1 outlets" not in out and "0 copies" not in out
    assert "1 article ·" in out and "no copies" in out  # the example has one-article events


def test_build_twice_adds_nothing(example_desk, cli):
    before = sqlite3.connect(example_desk).execute("SELECT count(*) FROM articles").fetchone()[0]
    out = cli("build", CORPUS, "--db", example_desk, "--quiet").output
    assert out.startswith("0 new articles")
    assert sqlite3.connect(example_desk).execute("SELECT count(*) FROM articles").fetchone()[0] == before


def test_search_explain_and_copies(example_desk, cli):
    out = cli("search", "Kovel", "--db", example_desk).output
    assert "Kovel" in out and "Saltby" not in out  # the resignation stories, not the unrelated election
    aid = sqlite3.connect(example_desk).execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    detail = json.loads(cli("explain", aid, "--db", example_desk).output)
    assert detail["event"] and "similarity" in detail
    assert "exact" in cli("copies", "--db", example_desk).output


def test_hostile_input_is_escaped_in_the_report_and_quarantined(tmp_path, cli):
    pile = tmp_path / "pile"
    pile.mkdir()
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    body = (f"Officials said {evil} the council met on Monday to discuss the bridge repairs. "
            f'"We will rebuild the bridge {evil}," said Mayor Anna Kell. '
            "At least 12 people were killed when the bridge fell, the regional police said on Monday. ") * 4
    (pile / "evil.jsonl").write_text(json.dumps({"id": "e1", "title": f"Title {evil}", "outlet": "X<b>",
                                                 "published": "2024-05-06", "text": body}) + "\n{broken\n")
    (pile / "bin.html").write_bytes(b"\x00\x01\x02" * 500)
    db = tmp_path / "d.sqlite"
    out = cli("build", pile, "--db", db, "--quiet").output
    assert "1 new article from" in out and "quarantined: 2" in out
    # Names come from untrusted text too: a speaker and a figure source holding markup.
    con = sqlite3.connect(db)
    assert con.execute("UPDATE quotes SET speaker = '<script>alert(5)</script>' WHERE speaker = 'Anna Kell'").rowcount
    assert con.execute("UPDATE figures SET source = '<script>alert(6)</script>' WHERE kind = 'killed'").rowcount
    con.commit()
    html_path = tmp_path / "report.html"
    cli("report", "--db", db, "--out", html_path)
    html = html_path.read_text()
    assert "<script" not in html.lower() and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "rebuild the bridge &lt;img src=x" in html  # the quote, in the quotes table
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in html  # the speaker
    assert html.count("&lt;script&gt;alert(6)&lt;/script&gt;") >= 3  # the source: figures table, ledger table, chart
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "&lt;svg" not in html  # the chart is inline SVG
    assert "malformed_json" in html and "binary" in html
    q = cli("quarantine", "--db", db).output
    assert "malformed_json" in q and "binary" in q


def test_clear_errors_for_missing_input_and_non_desk_files(tmp_path, cli):
    r = cli("build", tmp_path / "nope", "--db", tmp_path / "d.sqlite", ok=False)
    assert r.exit_code == 2 and "no such file" in r.output
    r = cli("digest", "--db", tmp_path / "missing.sqlite", ok=False)
    assert r.exit_code == 2 and "no desk" in r.output
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    r = cli("build", CORPUS, "--db", other, ok=False)
    assert r.exit_code == 2 and "not a newsdesk desk" in r.output


def test_provenance_shows_the_original_and_aligned_sentences(example_desk, cli, tmp_path):
    con = sqlite3.connect(example_desk)
    copy_id, original_id = con.execute(
        "SELECT id, copy_of FROM articles WHERE copy_kind='rewrite' ORDER BY id LIMIT 1").fetchone()
    out = cli("provenance", copy_id, "--db", example_desk).output
    assert "rewrite copy" in out and original_id in out and "its original" in out
    out = cli("provenance", original_id, "--db", example_desk).output
    assert "copied as" in out and copy_id in out
    report = tmp_path / "r.html"
    cli("report", "--db", example_desk, "--out", report)
    assert "Provenance:" in report.read_text()
    assert cli("provenance", "nope", "--db", example_desk, ok=False).exit_code == 2
