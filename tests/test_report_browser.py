"""The HTML report in a real headless browser (Debian's Chromium driven by Playwright).

What the lxml tests in test_report.py and test_cli.py cannot see: that markup
smuggled in through article text runs nothing once a browser parses the page,
that each ledger chart is drawn with a real size, and that following a chart
point or a citation scrolls to a row that is shown. Skipped with the reason
when Playwright or a Chromium binary is missing (`.ci/run` installs both).
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
CHROMIUM = os.environ.get("NEWSDESK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary (Debian: apt-get install chromium)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


# Labels drawn past a chart's edge, and legend names running into each other, as the browser lays them out.
_CLIPPED_OR_OVERLAPPING = """() => {
  const bad = [], hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  for (const svg of document.querySelectorAll('section.ledger svg')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) bad.push('clipped: ' + t.textContent);
    }
    const names = [...svg.querySelectorAll('g.legend text, g.xtick text')];
    names.forEach((a, i) => names.slice(i + 1).forEach(b => {
      if (hit(a.getBoundingClientRect(), b.getBoundingClientRect())) bad.push(a.textContent + ' / ' + b.textContent);
    }));
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, dialogs


@pytest.fixture(scope="module")
def example_report(example_desk, tmp_path_factory):
    from typer.testing import CliRunner

    from newsdesk.cli import app

    out = tmp_path_factory.mktemp("browser") / "report.html"
    assert CliRunner().invoke(app, ["report", "--db", str(example_desk), "--out", str(out)]).exit_code == 0
    return out


def test_markup_in_article_text_runs_nothing_and_reads_as_text(browser, tmp_path, cli):
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script><svg onload="alert(3)"></svg>'
    body = (f"Officials said {evil} the council met on Monday about the bridge. "
            f'"We will rebuild the bridge {evil}," said Mayor Anna Kell. '
            "At least 12 people were killed when the bridge fell, the regional police said on Monday. ") * 4
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "evil.jsonl").write_text(json.dumps({"id": "e1", "title": f"Bridge {evil}", "outlet": "X<b>",
                                                 "published": "2024-05-06", "text": body}) + "\n")
    db, out = tmp_path / "d.sqlite", tmp_path / "report.html"
    cli("build", pile, "--db", db, "--quiet")
    cli("report", "--db", db, "--out", out)
    page, dialogs = _open(browser, out)
    assert dialogs == []
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    text = page.inner_text("body")
    assert '<script>alert(2)</script>' in text and 'onerror="alert(1)"' in text
    page.close()


def test_each_ledger_chart_is_drawn_legibly_and_its_points_lead_to_shown_rows(browser, example_report):
    page, dialogs = _open(browser, example_report)
    charts = page.locator("section.ledger svg")
    assert charts.count() >= 2
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100, box
    assert page.evaluate(_CLIPPED_OR_OVERLAPPING) == []
    links = page.locator("section.ledger svg a")
    assert links.count() >= 4
    for i in (0, links.count() - 1):
        href = links.nth(i).get_attribute("href") or links.nth(i).get_attribute("xlink:href")
        assert href and href.startswith("#")
        links.nth(i).click()
        target = page.locator(f"[id='{href[1:]}']")
        assert target.count() == 1 and target.is_visible()
        assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")
    assert dialogs == []
    page.close()


def test_a_briefing_citation_scrolls_to_the_cited_article(browser, example_report):
    page, _ = _open(browser, example_report)
    cite = page.locator("section.briefing a[href^='#']").first
    href = cite.get_attribute("href")
    cite.click()
    target = page.locator(f"[id='{href[1:]}']")
    assert target.is_visible()
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")
    page.close()
