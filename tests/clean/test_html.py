"""Unit tests for HTML cleaning on small hand-written pages."""

from __future__ import annotations

import time

import pytest

from newsdesk.clean.html import extract_html
from newsdesk.clean.html_density import boilerplate_strength, density_extract
from newsdesk.clean.html_eval import aggregate, page_counts, shingles
from newsdesk.clean.html_lines import clean_paragraphs, is_promo, is_prompt
from newsdesk.clean.html_merge import choose
from newsdesk.records import Cleaned

BODY = [
    "Floodwaters rose through the night in the river valley, forcing hundreds of families "
    "to leave their homes before dawn, officials said on Tuesday.",
    "The regional emergency office said at least 42 people had been rescued from rooftops, "
    "and that water levels were expected to stay high until the weekend.",
    "Residents described the speed of the rise as unprecedented, with some streets going "
    "from dry to waist-deep in less than an hour, according to local reporters.",
    "Aid groups have opened three shelters in school buildings on higher ground, and the "
    "national government pledged emergency funds to the worst-hit districts.",
]


def page(extra_body: str = "", extra_page: str = "", head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html>
<html><head><title>Valley flood forces hundreds from homes | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Valley flood forces hundreds from homes">
{head}</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/sport">Sport</a></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience
on our site. By continuing to browse, you agree to our use of cookies.</p>
<button>Accept</button></div>
<main><article class="story">
<h1>Valley flood forces hundreds from homes</h1>
<div class="story-body">{paragraphs}{extra_body}</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a>
<p>Share this story with your friends and family on social media today.</p></div>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>This is terrible news, my thoughts go out to everyone affected by
the flooding in the valley, stay safe everyone.</p></div>
<div class="comment"><p>Why did the authorities not warn people earlier? This happens every
single year and nothing is ever done about it, shameful.</p></div></section>
</main>
{extra_page}
<footer class="site-footer"><p>Copyright 2024 The Daily Example. All rights reserved.
Terms of use, privacy policy and contact details are available on request.</p></footer>
</body></html>"""


def paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n") if cleaned.text else []


def test_body_paragraphs_kept_in_order_and_separated():
    cleaned = extract_html(page(), "https://example.com/news/flood")
    assert paragraphs(cleaned) == BODY


def test_title_and_outlet_from_metadata():
    cleaned = extract_html(page())
    assert cleaned.title == "Valley flood forces hundreds from homes"
    assert cleaned.outlet == "The Daily Example"


def test_title_from_title_tag_without_site_suffix():
    html = page().replace('<meta property="og:title" content="Valley flood forces hundreds from homes">', "")
    html = html.replace('<meta property="og:site_name" content="The Daily Example">', "")
    html = html.replace("<h1>Valley flood forces hundreds from homes</h1>", "")
    cleaned = extract_html(html)
    assert cleaned.title == "Valley flood forces hundreds from homes"
    assert cleaned.outlet is None


def test_outlet_given_as_url_is_reduced_to_host():
    html = page().replace('content="The Daily Example"', 'content="https://www.daily.example/"')
    assert extract_html(html).outlet == "daily.example"


def test_outlet_from_json_ld_publisher():
    html = page(head='<script type="application/ld+json">{"@type": "NewsArticle", '
                     '"publisher": {"@type": "Organization", "name": "Example Media"}}</script>')
    html = html.replace('<meta property="og:site_name" content="The Daily Example">', "")
    assert extract_html(html).outlet == "Example Media"


@pytest.mark.parametrize("junk", [
    "Home", "World", "Accept", "We use cookies", "Share on Facebook", "Share this story",
    "my thoughts go out", "nothing is ever done", "Copyright 2024", "Comments",
])
def test_boilerplate_dropped(junk):
    assert junk not in extract_html(page()).text


def test_headline_not_repeated_in_body():
    text = extract_html(page()).text
    assert not text.startswith("Valley flood")


def test_prompts_inside_article_dropped():
    extra = ("<p>Advertisement</p><p>Read more: Storm warnings issued for the coast</p>"
             "<p>Sign up for our daily newsletter and get the news delivered to your inbox.</p>")
    text = extract_html(page(extra_body=extra)).text
    assert "Advertisement" not in text
    assert "Storm warnings" not in text
    assert "newsletter" not in text
    assert BODY[-1] in text


def test_body_split_over_repeated_containers_is_joined():
    # the body is cut in two by an ad slot; both halves share one class
    first = "".join(f"<p>{p}</p>" for p in BODY[:2])
    second = "".join(f"<p>{p}</p>" for p in BODY[2:])
    html = f"""<html><head><title>t</title></head><body>
    <div class="layout"><div class="article-body">{first}</div>
    <div class="ad-slot"><a href="/ad">Buy now</a></div></div>
    <div class="layout"><div class="article-body">{second}</div></div>
    <aside><p>Most read: a completely different story about local politics and the budget.</p></aside>
    </body></html>"""
    text = extract_html(html).text
    for p in BODY:
        assert p in text


def test_br_separated_text_is_found():
    body = "<br><br>".join(BODY)
    html = f"<html><body><div class='post'>{body}</div><div class='menu'><a href='/'>Home</a></div></body></html>"
    text = extract_html(html).text
    for p in BODY:
        assert p in text


# ---- hostile and non-HTML input -------------------------------------------------


@pytest.mark.parametrize("html", ["", "   \n\t", "<html></html>", "<!-- only a comment -->",
                                  "<html><body><script>var a = 1;</script></body></html>"])
def test_empty_pages_give_empty_text(html):
    cleaned = extract_html(html)
    assert isinstance(cleaned, Cleaned)
    assert cleaned.text == ""


def test_scripts_and_styles_never_in_text():
    extra = "<script>document.write('EVIL SCRIPT TEXT');</script><style>.x{color:red}</style>"
    text = extract_html(page(extra_body=extra)).text
    assert "EVIL" not in text
    assert "color:red" not in text
    assert BODY[0] in text


def test_broken_markup_does_not_raise():
    html = "<html><body><p>" + BODY[0] + "<b><i></p></div></span><<<>>> <p " + BODY[1]
    cleaned = extract_html(html)
    assert isinstance(cleaned.text, str)


def test_huge_nesting_does_not_raise():
    depth = 20000
    html = "<html><body>" + "<div>" * depth + "".join(f"<p>{p}</p>" for p in BODY) + "</div>" * depth
    start = time.perf_counter()
    cleaned = extract_html(html)
    assert isinstance(cleaned.text, str)
    assert time.perf_counter() - start < 10


def test_many_paragraphs_is_linear_enough():
    html = "<html><body><div class='body'>" + "".join(f"<p>{BODY[i % 4]}</p>" for i in range(3000)) + "</div></body></html>"
    start = time.perf_counter()
    cleaned = extract_html(html)
    assert cleaned.text.count("\n\n") >= 2999
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    bytes(range(256)) * 4,
    "\x00\x01\x02\x03 binary junk",
])
def test_binary_input_raises_value_error(data):
    with pytest.raises(ValueError, match="not HTML"):
        extract_html(data)


def test_plain_text_raises_value_error():
    with pytest.raises(ValueError, match="no markup"):
        extract_html("Just a plain sentence without any markup at all.")


def test_bytes_html_is_decoded():
    cleaned = extract_html(page().encode("utf-8"))
    assert BODY[0] in cleaned.text


def test_bytes_in_declared_charset_are_decoded():
    html = page(head='<meta charset="iso-8859-1">', extra_body="<p>Der Fluss stieg über die Ufer, "
                "sagte der Bürgermeister am Dienstag, und die Straßen wurden gesperrt.</p>")
    cleaned = extract_html(html.encode("iso-8859-1"))
    assert "Bürgermeister" in cleaned.text


# ---- helpers ---------------------------------------------------------------------


def test_boilerplate_strength():
    from lxml import html as lxml_html

    el = lxml_html.fromstring
    assert boilerplate_strength(el('<div class="comments-area"></div>')) == 2
    assert boilerplate_strength(el('<div class="social-share"></div>')) == 2
    assert boilerplate_strength(el('<div class="l-sidebar-fixed"></div>')) == 1
    assert boilerplate_strength(el('<div class="article has-sidebar"></div>')) == 0
    assert boilerplate_strength(el('<div class="article-body"></div>')) == 0
    assert boilerplate_strength(el('<div class="header-image"></div>')) == 0


def test_density_extract_on_string():
    result = density_extract(page())
    assert result.paragraphs[: len(BODY)] == BODY or all(p in result.text for p in BODY)
    assert 0 < result.coverage <= 1


def test_line_rules():
    assert is_prompt("Advertisement")
    assert is_prompt("Read more: Storm warnings issued")
    assert not is_prompt("Read more about the storm in the paragraphs that follow, officials said.")
    assert is_promo("Sign up for our newsletter to get stories delivered to your inbox.")
    assert not is_promo("The company said its subscription revenue rose 12 percent.")
    kept, removed = clean_paragraphs(
        "Big headline\nFirst real paragraph of prose, with content.\nDON'T MISS\nTeaser one\nTeaser two\n"
        "Second real paragraph of prose, which ends here.",
        ["Big headline"],
    )
    assert kept == ["First real paragraph of prose, with content.", "Second real paragraph of prose, which ends here."]
    assert removed == ["Big headline", "DON'T MISS", "Teaser one", "Teaser two"]


def test_choose_rules():
    body = " ".join(BODY)
    assert choose(body, "")[1] == "trafilatura:only"
    assert choose("", body)[1].startswith("density")
    assert choose("This copy is for your personal use.", body)[0] == body
    part = "\n\n".join(BODY)  # over 500 characters: not "short"
    more = [p.replace("the", "a").upper() for p in BODY]
    whole = "\n\n".join(BODY + more)
    assert choose(part, whole)[1] == "density:superset"
    assert choose(whole, part)[1] == "trafilatura"  # a longer trafilatura text is kept
    assert choose(part, part)[1] == "trafilatura"


def test_metric_matches_benchmark_definition():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingles("one two") == {("one", "two"): 1}
    # empty prediction: counts in recall (as 0), not in precision
    scores = aggregate([page_counts("a b c d", ""), page_counts("a b c d", "a b c d")])
    assert scores.precision == 1.0
    assert scores.recall == 0.5


def test_title_prefers_h1_contained_in_title_tag():
    from lxml import html as lxml_html

    from newsdesk.clean.html_meta import page_title

    tree = lxml_html.fromstring(
        "<html><head><title>Dam breach floods town › River News</title></head>"
        "<body><h1>River News</h1><h1>Dam breach floods town</h1></body></html>"
    )
    assert page_title(tree, None, "https://rivernews.example/a") == "Dam breach floods town"
    # og:title keeps a dash that is part of the headline unless the part names the site
    tree = lxml_html.fromstring(
        '<html><head><meta property="og:title" content="Rain returns – and so do the floods">'
        "</head><body></body></html>"
    )
    assert page_title(tree, "Some Outlet", None) == "Rain returns – and so do the floods"
    tree = lxml_html.fromstring(
        '<html><head><meta property="og:title" content="Rain returns - Some Outlet"></head></html>'
    )
    assert page_title(tree, "Some Outlet", None) == "Rain returns"
