import json

from newsdesk.read import iter_files, read_file
from newsdesk.records import Quarantined, RawDoc
from newsdesk.settings import Settings

S = Settings()


def _read(tmp_path, name, data: bytes, **kw):
    p = tmp_path / name
    p.write_bytes(data)
    return read_file(p, Settings(**kw) if kw else S)


def test_walks_folders_recursively_with_outlet_folder_hint(tmp_path):
    (tmp_path / "herald" / "2024").mkdir(parents=True)
    (tmp_path / "herald" / "2024" / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.docx").write_text("x")
    found = [(p.name, hint) for p, hint in iter_files([tmp_path])]
    assert found == [("b.html", None), ("a.txt", "herald")]


def test_jsonl_honours_given_fields_and_quarantines_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "r1", "url": "http://x/1", "outlet": "Wire", "title": "T1", "published": "2024-04-15",
                    "text": "Body one."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "r4", "html": "<p>Body four</p>"}),
        json.dumps({"id": "r5", "title": "no body"}),
    ]
    out = _read(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    docs = [d for d in out if isinstance(d, RawDoc)]
    bad = [d for d in out if isinstance(d, Quarantined)]
    assert [d.record_id for d in docs] == ["r1", "r4"]
    d = docs[0]
    assert (d.outlet, d.title, d.published, d.url, d.text) == ("Wire", "T1", "2024-04-15", "http://x/1", "Body one.")
    assert d.source.endswith("batch.jsonl#r1")
    assert docs[1].html == "<p>Body four</p>"
    assert sorted(q.reason for q in bad) == ["empty", "malformed", "malformed_json"]


def test_csv_records(tmp_path):
    data = "id,title,outlet,published,text\nc1,Hello,Courier,2024-04-16,\"Some body, with a comma.\"\n"
    (doc,) = _read(tmp_path, "batch.csv", data.encode())
    assert (doc.record_id, doc.title, doc.outlet, doc.text) == ("c1", "Hello", "Courier", "Some body, with a comma.")


def test_rss_entries_keep_their_dates_and_links(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Estmark Broadcasting</title>
    <item><title>One</title><link>http://e/1</link><pubDate>Tue, 16 Apr 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description></item>
    <item><title>Two</title><link>http://e/2</link><description>Plain body</description></item>
    </channel></rss>"""
    docs = _read(tmp_path, "feed.rss", rss.encode())
    assert [d.title for d in docs] == ["One", "Two"]
    assert docs[0].outlet == "Estmark Broadcasting"
    assert docs[0].published.startswith("Tue, 16 Apr 2024")
    assert "<p>First paragraph.</p>" in docs[0].html
    assert docs[1].text == "Plain body"


def test_hostile_files_are_quarantined_with_a_reason(tmp_path):
    cases = {
        "img.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        "nul.html": (b"<html>\x00\x00\x00</html>" * 10, "binary"),
        "empty.txt": (b"   \n\n", "empty"),
        "feed.xml": (b"<rss><channel><title>x</title></channel></rss>", "malformed_feed"),
    }
    for name, (data, reason) in cases.items():
        (q,) = _read(tmp_path, name, data)
        assert isinstance(q, Quarantined) and q.reason == reason, (name, q)
    (q,) = _read(tmp_path, "big.txt", b"word " * 1000, max_file_bytes=100)
    assert q.reason == "too_large"


def test_legacy_encodings_are_decoded(tmp_path):
    text = "Le barrage a c\u00e9d\u00e9 \u00e0 l'aube, selon les autorit\u00e9s r\u00e9gionales du d\u00e9partement."
    (doc,) = _read(tmp_path, "latin.txt", (text * 3).encode("cp1252"))
    assert "c\u00e9d\u00e9" in doc.text
    (doc,) = _read(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode())
    assert doc.text.startswith("Le barrage")
