"""The SVG chart of a series: valid XML, one dot per dated point, labels, contradictions marked, text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsdesk.ledger import Point, Series, series_svg
from newsdesk.ledger.compare import analyse
from newsdesk.ledger.series import build_ledger
from tests.ledger.test_ledger import FLOOD, MINISTRY, UN, ledger, one

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_a_flood_chart_has_its_points_dates_values_and_sources():
    s = one(ledger(*FLOOD), "people killed")
    root = parse(series_svg(s, width=600, height=300))
    assert root.get("width") == "600" and root.get("height") == "300"
    points = root.findall(".//s:g[@class='point']", NS)
    assert [(p.get("data-date"), float(p.get("data-value"))) for p in points] == [
        ("2024-06-03", 12), ("2024-06-04", 19), ("2024-06-05", 31), ("2024-06-06", 40)]
    labels = texts(root)
    assert "people killed" in labels  # the title
    assert {"2024-06-03", "2024-06-06"} <= set(labels)  # date axis
    assert "0" in labels and any(v in labels for v in ("40", "50", "45"))  # value axis
    assert {"local officials", "the regional governor", "the Red Cross"} <= set(labels)  # legend
    assert root.findall(".//s:path[@class='line']", NS)  # the governor's step line (two points)
    tips = ["".join(p.find("s:title", NS).itertext()) for p in points]
    assert "at least 12" in tips[0] and "Flash floods" in tips[0]
    assert not root.findall(".//s:script", NS) and "href" not in series_svg(s)


def test_contradictions_are_ringed():
    s = one(ledger(MINISTRY, UN), "civilians killed")
    root = parse(series_svg(s))
    (mark,) = root.findall(".//s:g[@class='contradiction']", NS)
    assert len(mark.findall("s:circle", NS)) == 2
    assert "300" in "".join(mark.find("s:title", NS).itertext())


def test_hostile_text_is_escaped():
    hostile = '<script>alert("x")</script>'
    p = Point(value=5, value_high=None, qualifier=None, as_of="2024-06-05", source=hostile, source_key="h",
              attributed=True, article="a1", outlet="o", sentence=f"Five & more </svg> {hostile}\x00 died.",
              start=0, end=4, text="Five")
    q = Point(value=9, value_high=None, qualifier=None, as_of="2024-06-05", source="Evil ]]> & co", source_key="e",
              attributed=True, article="a2", outlet="o", sentence="Nine died.", start=0, end=4, text="Nine")
    s = Series(key=("killed", "people", "people", "event"), label=f"people killed {hostile}", points=[p, q])
    analyse(s)
    svg = series_svg(s, href=lambda pt: f'javascript:"{pt.article}"><script>')
    root = parse(svg)
    assert not root.findall(".//s:script", NS) and "<script" not in svg
    legend = root.findall(".//s:g[@class='legend']", NS)
    assert hostile in [g.find("s:title", NS).text for g in legend]  # the legend's full name, as text
    assert any(t.startswith("<script>") for t in texts(root))  # and its shown (shortened) label
    assert root.find("s:title", NS).text == f"people killed {hostile}"
    assert {p.get("data-source") for p in root.findall(".//s:g[@class='point']", NS)} == {hostile, "Evil ]]> & co"}
    assert root.findall(".//s:g[@class='contradiction']", NS)


def test_undated_and_empty_series_still_render():
    p = Point(value=5, value_high=None, qualifier=None, as_of=None, source="x", source_key="x", attributed=False,
              article="a1", outlet="x", sentence="Five died.", start=0, end=4, text="Five")
    s = Series(key=("killed", "people", "people", "event"), label="people killed", points=[p])
    root = parse(series_svg(s))
    assert not root.findall(".//s:g[@class='point']", NS)
    assert any("undated" in t for t in texts(root))
    assert build_ledger([], {}) == []


def test_ranges_and_vague_points_are_drawn_differently():
    series = ledger(("r1", "Gazette", "2024-06-05", "Between 200 and 300 people were killed, the UN said."),
                    ("r2", "Tribune", "2024-06-06", "Hundreds were killed, witnesses said."))
    s = one(series, "people killed")
    root = parse(series_svg(s))
    points = root.findall(".//s:g[@class='point']", NS)
    assert len(points) == 2
    assert points[0].find("s:line", NS) is not None  # the range bar
    assert points[1].find("s:circle", NS).get("fill") == "none"  # vague: hollow
