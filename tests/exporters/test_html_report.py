"""The HTML report, read back with an HTML5 parser: structure, highlights, redaction, escaping."""

from __future__ import annotations

import json
import re

import pytest

from factcheck import exporters
from factcheck.core import model

from .conftest import (
    APPROVED_AT,
    ARTICLE_URL,
    COMMENT,
    HOSTILE,
    LONG_WORD,
    REVIEWER,
    SCRIPT,
    TEMPLATE,
    TEXTAREA,
    approve,
    parse_html,
    text_of,
)


def report(project, **selection):
    data = exporters.export(project, "html", exporters.Selection(**selection))
    return data, parse_html(data)


def cards(doc):
    return {el.get("id")[len("claim-"):]: el for el in doc.iter("article") if (el.get("id") or "").startswith("claim-")}


def jsonld(doc):
    scripts = [s for s in doc.iter("script")]
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    return json.loads(scripts[0].text)


def test_one_card_per_claim_with_everything_a_reader_needs(demo_project):
    p = demo_project
    data, doc = report(p)
    claims = p.claims()
    found = cards(doc)
    assert set(found) == {c.id for c in claims}
    petro = next(c for c in claims if "drug cartels to flourish" in c.exact)
    card = text_of(found[petro.id])
    assert "Claim 1" in card
    assert petro.statement in card
    assert "Scott Bessent, US Treasury Secretary" in card and "2025-10-24" in card
    badge = next(el for el in found[petro.id].iter("span") if el.get("class") == "badge")
    assert badge.text == "No evidence"
    assert petro.verdict_summary in card
    assert petro.rationale in card
    assert "Contradicts:" in card and "Associated Press" in card
    assert "the Trump administration has provided no evidence directly linking" in card
    assert f"Reviewed by {REVIEWER}, approved {APPROVED_AT[:10]}" in card
    links = {a.get("href") for a in found[petro.id].iter("a")}
    assert "https://apnews.com/" in links


def test_organisation_methodology_title_and_article_details(demo_project):
    _, doc = report(demo_project)
    body = text_of(doc.find("body"))
    assert "Demo Newsroom (example data)" in body
    assert "Each claim is checked against primary sources" in body
    assert doc.find("head/title").text.startswith("Fact-check: US sanctions Colombian President Petro")
    assert ARTICLE_URL in body and "Example Wire" in body


def test_article_text_is_complete_with_each_claim_highlighted_and_numbered(demo_project):
    p = demo_project
    _, doc = report(p)
    article = p.articles()[0]
    text = p.current_version(article.id).text
    container = next(el for el in doc.iter("div") if el.get("class") == "article-text")
    paragraphs = []
    numbers = []
    for para in container.iter("p"):
        parts = []

        def walk(el):
            if el.tag == "a" and "n" in (el.get("class") or "").split():
                numbers.append(int(el.text))
                if el.tail:
                    parts.append(el.tail)
                return
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
            if el is not para and el.tail:
                parts.append(el.tail)

        walk(para)
        paragraphs.append("".join(parts))
    assert "\n".join(paragraphs) == "\n".join(line for line in text.split("\n") if line)
    assert numbers == list(range(1, len(p.claims()) + 1))  # numbered in reading order
    marks = [m for m in container.iter("mark")]
    assert {text_of(m) for m in marks} >= {"1" + p.claims()[0].exact}
    # Colours: each rating's class carries its colour in the inline stylesheet.
    style = doc.find("head/style").text
    for rating in p.scale.ratings:
        if rating.key in {c.rating for c in p.claims()}:
            assert rating.color in style


def test_overlapping_claims_are_both_highlighted(sample_project):
    p, article_id, version = sample_project
    text = version.text
    outer = text.index("President Petro has allowed drug cartels")
    inner = text.index("drug cartels to flourish")
    a = p.create_claim(version.id, outer, outer + 86, rating="false").created
    b = p.create_claim(version.id, inner, inner + len("drug cartels to flourish"), rating="true").created
    approve(p)
    _, doc = report(p)
    overlap = [m for m in doc.iter("mark") if "o" in (m.get("class") or "").split()]
    assert [text_of(m) for m in overlap] == ["2drug cartels to flourish"]
    assert overlap[0].get("title") == "Claims 1, 2"
    assert set(cards(doc)) == {a, b}


def test_confidential_sources_are_withheld_unless_included(demo_project):
    secret_title = "Interview with a Colombian foreign ministry official"
    secret_quote = "The ministry has received no evidence from Washington."
    data, doc = report(demo_project)
    text = data.decode("utf-8")
    assert secret_title not in text and secret_quote not in text and "anonymity" not in text
    assert "Confidential source" in text_of(doc.find("body"))
    assert "Internal report" not in text

    data, doc = report(demo_project, include_confidential=True)
    text = text_of(doc.find("body"))
    assert secret_title in text and secret_quote in text and "(confidential)" in text
    assert "Internal report: it names confidential sources" in text


def test_corrections_section_lists_the_corrections_log(demo_project):
    p = demo_project
    claim = next(c for c in p.claims() if "drug cartels to flourish" in c.exact)
    approve(p, [claim.id], status=model.PUBLISHED)
    p.update_claim(claim.id, rating="false", reason="A reader pointed out the Treasury's own figures.")
    approve(p, [claim.id], status=model.PUBLISHED)  # re-approved after the correction
    (fix,) = p.corrections(claim.id)
    _, doc = report(p)
    section = text_of(doc.find("body"))
    assert f"{fix.at[:10]}, claim 1: A reader pointed out the Treasury's own figures." in section
    assert "Before rating: No evidence" in section and "After rating: False" in section


def test_no_corrections_is_said(demo_project):
    _, doc = report(demo_project)
    assert "No corrections have been made to these verdicts." in text_of(doc.find("body"))


def test_self_contained_offline_and_printable(demo_project):
    data, doc = report(demo_project)
    for el in doc.iter():
        assert el.get("src") is None, el.tag
        if el.tag == "link":
            pytest.fail("the report links an external resource")
        href = el.get("href")
        if href is not None:
            assert href.startswith("#") or re.match(r"https?://", href), href
    style = doc.find("head/style").text
    assert "url(" not in style and "@import" not in style
    assert "@media print" in style and "print-color-adjust: exact" in style and "break-inside: avoid" in style
    csp = next(m for m in doc.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp.get("content")


def test_embedded_claimreview_matches_the_claims(demo_project):
    _, doc = report(demo_project)
    reviews = jsonld(doc)
    assert len(reviews) == len(demo_project.claims())
    assert {r["@type"] for r in reviews} == {"ClaimReview"}
    assert {r["url"].split("#claim-")[1] for r in reviews} == {c.id for c in demo_project.claims()}


def test_empty_selection_is_refused_with_the_filters_named(demo_project):
    with pytest.raises(exporters.NothingToExport, match="no claims in this project have the status draft"):
        exporters.export(demo_project, "html", exporters.Selection(statuses=(model.DRAFT,)))


# --- hostile text ------------------------------------------------------------------------------


def test_hostile_text_stays_text(hostile_project):
    data, doc = report(hostile_project)
    raw = data.decode("utf-8")
    # No markup came from the data: one script (the JSON-LD), no textarea, img, b or comment.
    assert [s.get("type") for s in doc.iter("script")] == ["application/ld+json"]
    for tag in ("textarea", "img", "b", "iframe"):
        assert not list(doc.iter(tag)), tag
    assert "<!--" not in raw.split("<script", 1)[0].split("</style>", 1)[1]
    assert SCRIPT not in raw and "<b>bold" not in raw
    # ...and every string reads back exactly as typed, in the cards and in the article text.
    body = text_of(doc.find("body"))
    for text in HOSTILE:
        assert text in body
    assert "Line 3: 49" not in body  # {{ 7*7 }} was not evaluated
    for card in cards(doc).values():
        assert text_of(card).count("“") >= 1
    # javascript: URLs are shown as text, never as links.
    assert "javascript:alert(1)" in body and "JavaScript:alert(2)" in raw
    assert all(not (a.get("href") or "").lower().startswith("javascript") for a in doc.iter("a"))


def test_hostile_text_cannot_break_out_of_the_json_ld(hostile_project):
    data, doc = report(hostile_project)
    block = data.decode("utf-8").split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    reviews = json.loads(block)
    reviewed = {r["claimReviewed"] for r in reviews}
    assert reviewed == set(HOSTILE)
    assert {r["author"]["name"] for r in reviews} == {f"Org {SCRIPT}"}
    assert {r["itemReviewed"]["appearance"]["headline"] for r in reviews} == {f"Title {SCRIPT}"}
    assert any(r["reviewRating"]["ratingExplanation"] == COMMENT for r in reviews)


#: Script and other non-web URLs, in the disguises browsers see through.
SCRIPT_URLS = [
    "javascript:alert(1)", "\tJavaScript:alert(2)", "  JAVASCRIPT:alert(3)", "java\tscript:alert(4)",
    "vbscript:msgbox(6)", " VBScript:msgbox(7)", "data:text/html,<script>alert(8)</script>",
    "\tDATA:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
]


def urls(data) -> list[str]:
    """Every ``url`` value anywhere in the JSON."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "url"] + [u for v in data.values() for u in urls(v)]
    if isinstance(data, list):
        return [u for v in data for u in urls(v)]
    return []


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_no_script_url_reaches_the_json_ld_or_a_link(demo_project, url):
    # A file from before core refused such URLs: the articles, the organisation and a source.
    p = demo_project
    p.store.conn.execute("UPDATE articles SET url = ?, factcheck_url = ?", (url, url))
    p.store.conn.execute("UPDATE sources SET url = ?", (url,))
    p.store.conn.execute("UPDATE settings SET value = ? WHERE key IN ('organisation_url', 'factcheck_url_pattern')",
                         (json.dumps(url),))
    p.managers.settings.forget()
    data, doc = report(p)
    block = data.decode("utf-8").split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert urls(jsonld(doc)) == []
    for scheme in ("javascript", "vbscript", "data:", "file:"):
        assert scheme not in block.lower()
    hrefs = [a.get("href") or "" for a in doc.iter("a")]
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs


def test_very_long_words_wrap(hostile_project):
    data, doc = report(hostile_project)
    assert LONG_WORD in text_of(doc.find("body"))
    assert "overflow-wrap: anywhere" in doc.find("head/style").text


def test_methodology_and_template_syntax_are_not_evaluated(hostile_project):
    _, doc = report(hostile_project)
    body = text_of(doc.find("body"))
    assert f"Method {TEXTAREA} {TEMPLATE}" in body


# --- the organisation's logo -------------------------------------------------------------------

def png_bytes() -> bytes:
    """A 1x1 red PNG, built by hand (signature, IHDR, IDAT, IEND)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


HOSTILE_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)">'
               b'<script>alert("logo")</script><rect width="40" height="20" fill="red"/></svg>')


def plant_logo(project, data: bytes, mime: str) -> None:
    """Store a logo by SQL, past core's checks (a file edited by hand or by an old version)."""
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    project.store.conn.execute("INSERT INTO blobs (sha256, mime, size, filename, data) VALUES (?, ?, ?, 'x', ?)",
                               (digest, mime, len(data), data))
    project.store.conn.execute("UPDATE settings SET value = ? WHERE key = 'organisation_logo'", (json.dumps(digest),))
    project.forget_cached_settings()


def logo_images(doc):
    return [el for el in doc.iter("img")]


def test_the_organisations_logo_heads_the_report(demo_project):
    import base64

    demo_project.set_logo(png_bytes(), "logo.png")
    _, doc = report(demo_project)
    [img] = logo_images(doc)
    assert img.get("src") == "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    assert img.get("alt") == "Demo Newsroom (example data) logo"
    header = doc.find("body/header")
    assert img in list(header.iter("img"))
    csp = next(m for m in doc.iter("meta") if m.get("http-equiv") == "Content-Security-Policy").get("content")
    assert "img-src data:" in csp


def test_no_logo_no_image(demo_project):
    _, doc = report(demo_project)
    assert logo_images(doc) == []


def test_a_hostile_svg_logo_is_only_an_image_that_cannot_run(hostile_project):
    import base64

    plant_logo(hostile_project, HOSTILE_SVG, "image/svg+xml")
    data, doc = report(hostile_project)
    [img] = logo_images(doc)
    assert img.get("src") == "data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG).decode()
    # No SVG markup in the page: the script stays inside the base64 picture.
    assert not list(doc.iter("svg")) and not list(doc.iter("{http://www.w3.org/2000/svg}svg"))
    assert b'alert("logo")' not in data and b"onload" not in data
    assert [s.get("type") for s in doc.iter("script")] == ["application/ld+json"]
    csp = next(m for m in doc.iter("meta") if m.get("http-equiv") == "Content-Security-Policy").get("content")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'" and "script-src" not in directives
    assert directives["img-src"] == "data:"


def test_a_logo_of_an_unknown_type_is_left_out(demo_project):
    plant_logo(demo_project, b"<html><script>alert(1)</script></html>", "text/html")
    data, doc = report(demo_project)
    assert logo_images(doc) == [] and b"text/html" not in data
