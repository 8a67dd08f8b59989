"""Hand-written small pages for the HTML date cues."""

from datetime import date

import pytest

from newsdesk.dating import date_html
from newsdesk.dating.html import url_date

BODY = "<p>The river rose above the old record and the town council met in the evening.</p>" * 5


def page(head="", body=BODY, title="Storm hits Riverton", byline=""):
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{byline}{body}</article></body></html>"
    )


def test_article_published_time_meta():
    html = page(
        '<meta property="article:published_time" content="2023-06-02T09:40:00+00:00">'
        '<meta property="article:modified_time" content="2023-06-04T10:00:00+00:00">'
    )
    finding = date_html(html)
    assert finding.published == date(2023, 6, 2)
    assert finding.updated == date(2023, 6, 4)
    assert finding.evidence.startswith("html:")
    assert finding.confidence >= 0.8


def test_jsonld_date_published():
    html = page(
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Storm", "datePublished": "2023-06-02T09:40:00Z", '
        '"dateModified": "2023-06-03T08:00:00Z"}</script>'
    )
    finding = date_html(html)
    assert finding.published == date(2023, 6, 2)
    assert finding.updated == date(2023, 6, 3)


def test_meta_and_printed_date_agree_high_confidence():
    html = page(
        '<meta property="article:published_time" content="2023-06-02T09:40:00+00:00">',
        byline="<p class='byline'>By Jane Doe | June 2, 2023</p>",
    )
    finding = date_html(html)
    assert finding.published == date(2023, 6, 2)
    assert finding.confidence >= 0.9


def test_itemprop_and_time_element():
    html = page(byline='<time itemprop="datePublished" datetime="2021-03-08">8 March 2021</time>')
    assert date_html(html).published == date(2021, 3, 8)


@pytest.mark.parametrize(
    "footer",
    [
        "<footer><p>© 2019 Example News. All rights reserved.</p></footer>",
        "<div class='copyright'>Copyright 2021 Example Corp</div>",
        "<p>&copy; 2020 Example</p>",
    ],
)
def test_copyright_footer_only_gives_none(footer):
    html = page(body=BODY + footer)
    finding = date_html(html)
    assert finding.published is None
    assert finding.evidence == "none"


def test_no_date_at_all_gives_none():
    assert date_html(page()).published is None


@pytest.mark.parametrize("bad", ["", "   ", "https://example.com/2023/06/02/story", "<html></html>"])
def test_empty_or_url_input_is_undated_and_never_fetched(bad):
    assert date_html(bad).published is None


def test_url_date_is_an_extra_cue():
    assert url_date("https://example.com/news/2023/06/02/storm-hits") == date(2023, 6, 2)
    assert url_date("https://example.com/news/storm-hits") is None
    html = page(byline="<p>June 2, 2023</p>")
    finding = date_html(html, url="https://example.com/news/2023/06/02/storm-hits")
    assert finding.published == date(2023, 6, 2)


def test_bytes_input():
    html = page('<meta name="date" content="2022-01-21">', byline="<p>21.01.2022</p>")
    assert date_html(html.encode("utf-8")).published == date(2022, 1, 21)
