"""W3C Web Annotation export: the collection read by a JSON-LD processor, and no script URL in it.

The round trip (export -> import into another project) is in tests/importers/test_web_annotation.py,
which uses ``project_a`` from here.
"""

from __future__ import annotations

import json

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.core.project import Project

from ..conftest import imported
from .conftest import HOSTILE, SAMPLE, approve, expand

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
SCHEMA = "http://schema.org/"
EXTRA = (
    "\nA paragraph with emoji 👍🏽 and a family 👨‍👩‍👧 who said prices rose 20% 📈 in a year."
    "\nقال الوزير إن الأسعار ارتفعت بنسبة عشرين بالمئة في عام واحد.\n"
)
ARTICLE_TEXT = SAMPLE.read_text(encoding="utf-8") + EXTRA
ALL = exporters.Selection(statuses=model.STATUSES)


def export(project, selection=ALL) -> dict:
    return json.loads(exporters.export(project, "webannotation", selection))


def annotations(doc: dict) -> list[dict]:
    return doc["first"]["items"]


@pytest.fixture
def project_a(tmp_path):
    """An article with overlapping, emoji, right-to-left and repeated-word claims, and sources."""
    p = Project.create(tmp_path / "a.factcheck", user="ana")
    article_id = p.import_article(imported(ARTICLE_TEXT, title="Sanctions", name="article.txt")).created
    v = p.current_version(article_id)
    text = v.text

    def span(quote, nth=0):
        at = -1
        for _ in range(nth + 1):
            at = text.index(quote, at + 1)
        return at, at + len(quote)

    treasury = p.create_source(title="Treasury press release", url="https://home.treasury.gov/news",
                               publisher="US Treasury", kind="official statement", published_at="2025-10-24").created
    ap = p.create_source(title="AP report", url="https://apnews.com/x", publisher="Associated Press", kind="article").created
    secret = p.create_source(title="Ministry official", kind="interview", confidential=True).created
    ids = {}
    ids["outer"] = p.create_claim(v.id, *span("President Petro has allowed drug cartels to flourish and refused to stop this activity"),
                                  statement="Petro let cartels flourish", claimant="Scott Bessent", claim_date="2025-10-24",
                                  checkworthiness=5, tags=["drugs", "sanctions"], rating="no-evidence",
                                  verdict_summary="No evidence was provided.", rationale="Line one.\n\nLine two.").created
    ids["inner"] = p.create_claim(v.id, *span("drug cartels to flourish"), rating="false", verdict_summary="Inner.").created
    ids["emoji"] = p.create_claim(v.id, *span("emoji 👍🏽 and a family 👨‍👩‍👧 who said prices rose 20% 📈"),
                                  claimant="A family 👨‍👩‍👧", rating="mixed", verdict_summary="Partly 📈.").created
    ids["rtl"] = p.create_claim(v.id, *span("قال الوزير إن الأسعار ارتفعت"), claimant="الوزير", rating="true",
                                verdict_summary="صحيح").created
    ids["repeat"] = p.create_claim(v.id, *span("Petro", nth=5), statement="The fifth Petro").created
    p.cite(ids["outer"], treasury, "context", quote="allowed drug cartels to flourish", locator="para. 2")
    p.cite(ids["outer"], ap, "contradicts", quote="no evidence directly linking")
    p.cite(ids["outer"], secret, "context", quote="We got nothing from Washington.")
    p.cite(ids["rtl"], ap, "supports")
    p.ids = ids
    yield p
    p.close()


# --- the exported structure --------------------------------------------------------------


def test_collection_structure(project_a):
    doc = export(project_a)
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 5
    assert doc["first"]["type"] == "AnnotationPage" and len(annotations(doc)) == 5
    by_id = {a["id"]: a for a in annotations(doc)}
    outer = by_id[f"urn:uuid:{project_a.ids['outer']}"]
    assert outer["type"] == "Annotation" and outer["motivation"] == "assessing"
    purposes = [(b.get("purpose"), b.get("label")) for b in outer["body"]]
    assert ("assessing", None) in purposes
    assert ("commenting", "Verdict summary") in purposes and ("commenting", "Rationale") in purposes
    assert purposes.count(("tagging", None)) == 2
    assert [b["label"] for b in outer["body"] if b.get("purpose") == "linking"] == ["context", "contradicts", "context"]
    target = outer["target"]
    claim = project_a.claim(project_a.ids["outer"])
    version = project_a.version(claim.version_id)
    assert target["source"] == f"urn:sha256:{version.sha256}"  # the article has no URL
    assert target["state"]["type"] == "TimeState" and target["state"]["cached"] == f"urn:sha256:{version.sha256}"
    quote, position = target["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": claim.exact, "prefix": claim.prefix, "suffix": claim.suffix}
    assert position == {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}


def test_positions_are_code_points(project_a):
    doc = export(project_a)
    text = project_a.current_version(project_a.articles()[0].id).text
    for a in annotations(doc):
        quote, position = a["target"]["selector"]
        assert text[position["start"]:position["end"]] == quote["exact"]
    emoji = next(a for a in annotations(doc) if a["id"].endswith(project_a.ids["emoji"]))
    start = emoji["target"]["selector"][1]["start"]
    assert start == text.index("emoji 👍🏽")  # Python str index, not UTF-16 units


def test_a_json_ld_processor_reads_it_as_web_annotation(project_a):
    (collection,) = expand(export(project_a))
    assert collection["@type"] == [AS + "OrderedCollection"]
    page = collection[AS + "first"][0]
    items = page[AS + "items"][0]["@list"]
    assert len(items) == 5
    for item in items:
        assert item["@type"] == [OA + "Annotation"]
        assert item[OA + "motivatedBy"] == [{"@id": OA + "assessing"}]
        target = item[OA + "hasTarget"][0]
        selectors = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
        quote = selectors[OA + "TextQuoteSelector"]
        assert quote[OA + "exact"][0]["@value"]
        position = selectors[OA + "TextPositionSelector"]
        assert position[OA + "start"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
        state = target[OA + "hasState"][0]
        assert state["@type"] == [OA + "TimeState"] and state[OA + "cachedSource"][0]["@id"].startswith("urn:sha256:")
        for body in item.get(OA + "hasBody", []):
            assert body[OA + "hasPurpose"][0]["@id"].startswith(OA)
    outer = next(i for i in items if i["@id"].endswith(project_a.ids["outer"]))
    purposes = {b[OA + "hasPurpose"][0]["@id"] for b in outer[OA + "hasBody"]}
    assert purposes == {OA + p for p in ("assessing", "commenting", "describing", "tagging", "linking")}
    links = [b for b in outer[OA + "hasBody"] if b[OA + "hasPurpose"][0]["@id"] == OA + "linking"]
    source = links[0][OA + "hasSource"][0]
    assert source[SCHEMA + "name"][0]["@value"] == "Treasury press release"
    assert links[0][OA + "hasSelector"][0][OA + "exact"][0]["@value"] == "allowed drug cartels to flourish"


def test_confidential_sources_are_withheld_unless_included(project_a):
    text = exporters.export(project_a, "webannotation", ALL).decode()
    assert "Ministry official" not in text and "We got nothing from Washington." not in text
    assert "Confidential source" in text
    text = exporters.export(project_a, "webannotation", exporters.Selection(statuses=model.STATUSES, include_confidential=True)).decode()
    assert "Ministry official" in text and "We got nothing from Washington." in text


def test_approved_claims_export_by_default(project_a):
    with pytest.raises(exporters.NothingToExport):
        exporters.export(project_a, "webannotation")
    approve(project_a, [project_a.ids["rtl"]])
    assert len(annotations(json.loads(exporters.export(project_a, "webannotation")))) == 1


# --- URLs that are not web addresses -----------------------------------------------------

HOSTILE_URLS = [
    "javascript:alert(1)", "\tJavaScript:alert(2)", "  JAVASCRIPT:alert(3)", "java\tscript:alert(4)",
    "data:text/html,<script>alert(5)</script>", " DATA:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(6)",
    "VBScript:msgbox(7)", "file:///etc/passwd", "\x01javascript:alert(8)", "https:alert(9)",
]


def values_of(node, keys: set[str]) -> list:
    """The values of ``keys`` anywhere in a JSON document."""
    if isinstance(node, dict):
        return [v for k, v in node.items() if k in keys] + [x for v in node.values() for x in values_of(v, keys)]
    if isinstance(node, list):
        return [x for v in node for x in values_of(v, keys)]
    return []


def test_script_urls_in_the_tables_never_reach_the_file(hostile_project):
    """A file written before core refused them may hold script URLs; the export leaves them out."""
    p = hostile_project
    article = p.articles()[0]
    claim_ids = [c.id for c in p.claims()]
    conn = p.store.conn
    for i, url in enumerate(HOSTILE_URLS):
        source_id = p.create_source(title=f"Source {i}").created
        conn.execute("UPDATE sources SET url = ? WHERE id = ?", (url, source_id))
        p.cite(claim_ids[i % len(claim_ids)], source_id, "context")
    conn.execute("UPDATE articles SET url = ? WHERE id = ?", (" DaTa:text/html,x", article.id))
    conn.execute("UPDATE settings SET value = ? WHERE key = 'organisation_url'", (json.dumps("\tjavascript:alert(0)"),))
    approve(p)
    data = exporters.export(p, "webannotation", exporters.Selection(statuses=model.STATUSES, include_confidential=True))
    doc = json.loads(data)
    for url in [*HOSTILE_URLS, " DaTa:text/html,x", "\tjavascript:alert(0)"]:
        assert json.dumps(url.strip())[1:-1].encode() not in data
    assert "homepage" not in doc["creator"]
    assert values_of(doc, {"schema:url", "homepage"}) == []
    version = p.current_version(article.id)
    assert {a["target"]["source"] for a in annotations(doc)} == {f"urn:sha256:{version.sha256}"}
    linked = [b for a in annotations(doc) for b in a.get("body", []) if b.get("purpose") == "linking"]
    assert len(linked) == len(HOSTILE_URLS) + len(HOSTILE)  # the citations are kept, without the URLs


def test_web_addresses_are_kept(hostile_project):
    p = hostile_project
    p.update_article(p.articles()[0].id, url="https://news.example.org/a")
    p.set_setting("organisation_url", "https://checkers.example.org/")
    source_id = p.create_source(title="Report", url="https://example.org/report").created
    p.cite(p.claims()[0].id, source_id, "supports")
    approve(p)
    doc = export(p)
    assert doc["creator"]["homepage"] == "https://checkers.example.org/"
    assert {a["target"]["source"] for a in annotations(doc)} == {"https://news.example.org/a"}
    urls = [b["source"].get("schema:url") for a in annotations(doc) for b in a.get("body", []) if b.get("purpose") == "linking"]
    assert "https://example.org/report" in urls

