"""`newsdesk timeline` and `newsdesk briefing` on a desk built from the invented story."""

import json

from tests.timeline.test_timeline import STORY


def _desk(tmp_path, cli):
    src = tmp_path / "story.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "title": f"Aldmoor levee {a.id}",
                                       "published": a.published.isoformat(), "text": a.text}) + "\n"
                           for a in STORY), encoding="utf-8")
    db = tmp_path / "desk.sqlite"
    cli("build", src, "--db", db, "--quiet")
    return db


def test_timeline_command_writes_contract_records(tmp_path, cli):
    db = _desk(tmp_path, cli)
    out = tmp_path / "timelines.jsonl"
    cli("timeline", "--db", db, "--dates", 2, "--per-date", 1, "--out", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["date"] for r in rows] == ["2024-05-13", "2024-05-15"]
    assert all({"story", "date", "text", "citations"} <= r.keys() and r["citations"] for r in rows)
    printed = cli("timeline", "--db", db, "--dates", 3, "--query", "inquiry", "--json").output
    rows = [json.loads(chunk) for chunk in printed.replace("}\n{", "}\0{").split("\0")]
    future = [r for r in rows if r["future"]]
    assert [r["date"] for r in future] == ["2024-05-28"] and "inquiry" in future[0]["text"]


def test_timeline_narrowed_to_a_story(tmp_path, cli):
    db = _desk(tmp_path, cli)
    from newsdesk.store import open_store

    story = next(open_store(db, readonly=True).articles()).story
    out = tmp_path / "t.jsonl"
    cli("timeline", "--db", db, "--dates", 3, "--per-date", 2, "--story", story, "--out", out)
    assert all(json.loads(line)["story"] == story for line in out.read_text(encoding="utf-8").splitlines())


def test_briefing_command_prints_checked_citations(tmp_path, cli):
    db = _desk(tmp_path, cli)
    brief = json.loads(cli("briefing", "--db", db, "--sentences", 2, "--json").output)
    assert len(brief["sentences"]) == 2
    assert all(s["citations"][0]["checked"] for s in brief["sentences"])
    text = cli("briefing", "--db", db, "--sentences", 2).output
    assert "Aldmoor" in text
    assert cli("briefing", "--db", db, "--story", "nope", ok=False).exit_code == 2
