"""The HTML report of the example desk as a reader sees it: per story a cited briefing, a dated timeline,
the figure ledger charts, quotes by speaker and figures by kind; every in-page link lands somewhere.
Also `newsdesk ledger` and ledger.jsonl. (Hostile input: tests/test_cli.py.)"""

import json

import lxml.html
import pytest

from newsdesk.timeline.brief import containment

MIN_CONTAINMENT = 0.8  # what build_briefing calls checked


def _cls(el, tag: str, cls: str) -> list:
    return el.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


@pytest.fixture(scope="module")
def page(example_desk, tmp_path_factory):
    from typer.testing import CliRunner

    from newsdesk.cli import app

    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(example_desk), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return lxml.html.parse(str(out)).getroot()


@pytest.fixture(scope="module")
def flood(page):
    """The flood story: the largest, listed first."""
    story = _cls(page, "div", "story")[0]
    assert "Harrow Gap Dam" in story.text_content()
    return story


def _quotes_by_speaker(story) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    speaker = None
    for row in _cls(story, "section", "quotes")[0].xpath(".//tr"):
        head = row.xpath("./th[@class='speaker']")
        if head:
            speaker = head[0].text_content().split("(")[0].strip()
        cells = row.xpath("./td")
        if speaker and len(cells) == 3:
            groups.setdefault(speaker, []).append(cells[0].text_content())
    return groups


def test_quotes_are_listed_under_their_speaker(flood):
    groups = _quotes_by_speaker(flood)
    marsh = " ".join(groups["Elena Marsh"])
    assert "The priority now is the people who are still out there" in marsh
    assert "The number is 31" not in marsh and "The number is 31" in " ".join(groups["Jonas Pell"])
    meta = _cls(flood, "section", "quotes")[0].xpath(".//p")[0].text_content()
    assert "more not shown" in meta  # a big story shows its most quoted speakers and says how many are hidden
    assert len(groups) <= 11  # ten speakers and the unresolved group


def test_the_killed_series_is_charted_with_the_toll_rising(flood):
    charts = {f.xpath(".//figcaption/b")[0].text_content(): f for f in _cls(flood, "figure", "series")}
    killed = charts["people killed"]
    points = [(p.get("data-date"), float(p.get("data-value"))) for p in _cls(killed, "g", "point")]
    by_day: dict[str, float] = {}
    for day, value in points:
        by_day[day] = max(by_day.get(day, 0), value)
    assert by_day["2024-04-15"] <= 16 and by_day[max(by_day)] == 41  # at least 12 on the day of the dam, 41 at the end
    assert "best current estimate 41" in killed.xpath(".//figcaption")[0].text_content()
    finding = _cls(killed, "ul", "findings")[0].xpath("./li")[0]
    assert finding.xpath(".//span")[0].text_content() in ("contradiction", "revision up", "revision down")
    for link in finding.xpath(".//a"):  # each side of a finding links to its point's row, which shows the sentence
        row = killed.xpath(f".//tr[@id='{link.get('href')[1:]}']")[0]
        assert row.xpath(".//mark") and row.xpath(".//a[@class='cite']")
    assert all(a.getparent().tag == "a" for a in _cls(killed, "g", "point"))  # dots link to their sentences
    assert "more not shown" in _cls(flood, "section", "ledger")[0].xpath(".//p")[0].text_content()


def test_timeline_dates_are_in_order_and_cited(flood):
    section = _cls(flood, "section", "timeline")[0]
    days = [t.get("datetime") for t in section.xpath(".//time")]
    assert len(days) >= 5 and days == sorted(days) and "2024-04-15" in days
    for p in section.xpath(".//ol/li/p"):
        assert p.xpath(".//a[@class='cite']"), p.text_content()


def test_briefing_citations_are_marked_checked_only_when_the_article_holds_the_sentence(page, flood):
    items = _cls(flood, "section", "briefing")[0].xpath(".//ol/li")
    assert items
    marks = {"checked": 0, "unchecked": 0}
    for li in items:
        sentence = "".join(li.xpath("./text()")).strip()
        for a in li.xpath(".//a"):
            kind = "checked" if "checked" in a.get("class").split() else "unchecked"
            marks[kind] += 1
            assert a.text_content().startswith("✓" if kind == "checked" else "?")
            assert (kind == "unchecked") == ("(unchecked)" in a.text_content())
            text = page.xpath(f"//tr[@id='{a.get('href')[1:]}']//div[@class='text']")[0].text_content()
            assert (containment(sentence, text) >= MIN_CONTAINMENT) == (kind == "checked"), (sentence, a.get("href"))
    assert marks["checked"] >= len(items)


def test_figures_by_kind_and_links_all_land(page, flood):
    section = _cls(flood, "section", "figures")[0]
    kinds = [h.text.strip() for h in section.xpath(".//h4")]
    assert "killed" in kinds and "aid" in kinds
    killed = section.xpath(".//h4[starts-with(normalize-space(.), 'killed')]/following-sibling::table[1]")[0]
    rows = [[td.text_content().strip() for td in tr.xpath("./td")] for tr in killed.xpath(".//tr[td]")]
    assert ["at least 12", "regional officials"] in [[r[1], r[3]] for r in rows]
    ids = {e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")}
    hrefs = [a.get("href") for a in page.iter("a") if (a.get("href") or "").startswith("#")]
    assert len(hrefs) > 100 and [h for h in hrefs if h[1:] not in ids] == []
    assert not page.xpath("//script")


def test_ledger_command_and_export(example_desk, cli, tmp_path):
    rows = [json.loads(line) for line in cli("ledger", "--db", example_desk, "--kind", "killed", "--json").output.splitlines()]
    assert rows and all(r["kind"] == "killed" for r in rows)
    first = rows[0]
    assert first["label"] == "people killed" and len(first["points"]) >= 5
    for p in first["points"]:
        assert p["text"] in p["sentence"] and p["article"]
    for f in first["findings"]:
        a, b = first["points"][f["a"]], first["points"][f["b"]]
        assert f["kind"] in ("revision", "contradiction") and a["text"].split()[-1] in f["note"]
        if f["kind"] == "contradiction":
            assert a["source"] != b["source"]
    story = cli("ledger", "--db", example_desk, "--story", first["story"]).output
    assert "people killed" in story and "contradiction" in story
    assert cli("ledger", "--db", example_desk, "--story", "nope", ok=False).exit_code == 2
    cli("export", "--db", example_desk, "--out", tmp_path)
    exported = [json.loads(line) for line in (tmp_path / "ledger.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r for r in exported if r["kind"] == "killed"] == rows


def test_stories_told_in_worker_processes_read_the_same(example_desk):
    from newsdesk.store import open_store
    from newsdesk.views import desk_view, story_facts

    store = open_store(example_desk, readonly=True)
    stories = desk_view(store)
    alone, pooled = story_facts(store, stories, workers=1), story_facts(store, stories, workers=2)
    assert [(f.timeline, f.briefing.as_dict()) for f in alone.values()] == \
        [(f.timeline, f.briefing.as_dict()) for f in pooled.values()]
    assert any(f.timeline for f in alone.values())


def test_the_same_desk_gives_the_same_report_in_every_process(example_desk, tmp_path):
    """Two processes with different string hashing write byte-identical reports (a briefing once cited
    different supporting articles from run to run, picking among equally rare words in set order)."""
    import os
    import subprocess
    import sys

    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"report{seed}.html"
        subprocess.run([sys.executable, "-m", "newsdesk", "report", "--db", str(example_desk), "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_capped_lists_say_what_they_hide_and_links_still_land(example_desk):
    from newsdesk.report import render_report
    from newsdesk.store import open_store
    from newsdesk.views import FactLimits

    tight = FactLimits(series=1, points=3, speakers=2, quotes_per_speaker=1, kinds=1, figures_per_kind=2)
    page = lxml.html.fromstring(render_report(open_store(example_desk, readonly=True), tight))
    flood = _cls(page, "div", "story")[0]
    assert "Harrow Gap Dam" in flood.text_content()
    (chart,) = _cls(flood, "figure", "series")
    rows = chart.xpath(".//tr[starts-with(@id, 'pt-')]")
    assert len(rows) == 3 and "more points not listed" in chart.text_content()
    hrefs = {a.get("href") for a in chart.xpath(".//a")}
    assert {"#" + r.get("id") for r in rows} <= hrefs  # the listed points are linked from the chart or findings
    assert len(set(_quotes_by_speaker(flood)) - {"speaker not resolved"}) == 2
    assert "more quotes not shown" in flood.text_content()
    assert len(_cls(flood, "section", "figures")[0].xpath(".//h4")) == 1
    ids = {e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")}
    assert [a.get("href") for a in page.iter("a") if a.get("href", "").startswith("#") and a.get("href")[1:] not in ids] == []


def test_a_figure_quoted_mid_sentence_loses_its_sentence_initial_capital():
    from newsdesk.report import midsentence

    assert [midsentence(t) for t in ("Nine", "At least 31", "US$1.2 billion", "41", "S")] == [
        "nine", "at least 31", "US$1.2 billion", "41", "S"]


def test_a_sentence_cut_from_a_longer_quote_gets_its_lost_quotation_mark_back():
    from newsdesk.report import whole_quote

    assert whole_quote("Nobody will be left alone,” Strand said.") == "“Nobody will be left alone,” Strand said."
    assert whole_quote("“We will rebuild. ") == "“We will rebuild.”"
    assert whole_quote('It will go higher," Pell said.') == '"It will go higher," Pell said.'
    assert whole_quote('"We did not want this.') == '"We did not want this."'
    for whole in ('He said "no" twice.', "“Fine,” he said.", "Plain."):
        assert whole_quote(whole) == whole


def test_a_timeline_sentence_names_the_speaker_its_pronoun_stands_for(page):
    told = [" ".join(p.text_content().split()) for p in page.xpath("//section[@class='timeline']//p")]
    assert any(t.startswith("He [Hugo Strand] said the new lighting alone") for t in told), told


def test_briefing_and_timeline_sentences_read_as_whole_quotes(flood):
    shown = [p.text_content() for p in flood.xpath(".//section[@class='briefing']//li | "
                                                     ".//section[@class='timeline']//p")]
    for text in shown:
        sentence = text.rsplit(" [", 1)[0]
        assert sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0, sentence


def test_every_article_says_why_it_is_in_its_event_and_story(page, example_desk):
    import sqlite3

    rows = page.xpath("//tr[@id][td/details]")
    whys = {r.get("id"): " ".join(r.xpath(".//p[@class='why']")[0].text_content().split())
            for r in rows if r.xpath(".//p[@class='why']")}
    assert len(whys) == len(rows) == 50
    joined = [w for w in whys.values() if w.startswith("Why here. Joined this event")]
    assert joined and all("at similarity 0." in w and "sharing names" in w for w in joined)
    con = sqlite3.connect(example_desk)
    copies = dict(con.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL"))
    kind = dict(con.execute("SELECT copy, kind FROM copies"))
    follows = [aid for aid in copies if kind.get(aid) in ("exact", "near")]
    placed = [aid for aid, w in whys.items() if w.startswith("Why here. Placed with its original")]
    assert set(placed) <= set(follows) and len(placed) >= len(follows) / 2  # the others came before their original
    for aid in placed:
        assert page.xpath(f"//tr[@id='{aid}']//p[@class='why']/a/@href") == [f"#{copies[aid]}"]
    # a rewrite or partial copy is clustered on its own words, in the story of the article it reuses
    reusing = [aid for aid, w in whys.items() if "Joined the story of the article whose text it reuses" in w]
    assert reusing and all(kind[aid] in ("rewrite", "partial") for aid in reusing)
    for aid in reusing:
        assert f"#{copies[aid]}" in page.xpath(f"//tr[@id='{aid}']//p[@class='why']/a/@href")
    assert any("Runner-up event “" in w for w in whys.values()) and any("Runner-up story “" in w for w in whys.values())
