"""W3C Web Annotation: the exported collection read by a JSON-LD processor, and the round trip
export -> import into another project holding the same article."""

from __future__ import annotations

import copy
import json

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.core.errors import KnownError
from factcheck.core.project import Project
from factcheck.exporters import web_annotation

from ..conftest import imported
from .conftest import HOSTILE, HOSTILE_ARTICLE, SAMPLE, approve, expand

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


@pytest.fixture
def project_b(tmp_path):
    """Another project holding the same article (imported from the same text), and an unrelated one first."""
    p = Project.create(tmp_path / "b.factcheck", user="ben")
    p.import_article(imported("An unrelated article about the weather in Bogotá. " * 20, title="Weather"))
    p.import_article(imported(ARTICLE_TEXT, title="Sanctions (copy)", name="article.txt"))
    yield p
    p.close()


def snapshot(project: Project) -> list[tuple]:
    """Everything a claim carries over, by position."""
    out = []
    for c in project.claims():
        cites = sorted(
            (x.stance, x.quote, x.locator, project.source(x.source_id).title, project.source(x.source_id).url,
             project.source(x.source_id).confidential)
            for x in project.citations(c.id)
        )
        out.append((c.start, c.end, c.exact, c.prefix, c.suffix, c.statement, c.claimant, c.claim_date,
                    c.checkworthiness, c.tags, c.rating, c.verdict_summary, c.rationale, tuple(cites)))
    return sorted(out)


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


# --- round trip ----------------------------------------------------------------------------


def test_round_trip_lands_the_same_claims_on_the_same_words(project_a, project_b):
    data = exporters.export(project_a, "webannotation", exporters.Selection(statuses=model.STATUSES, include_confidential=True))
    result = web_annotation.import_annotations(project_b, data)
    assert len(result.imported) == 5 and not result.skipped and not result.fuzzy
    assert snapshot(project_b) == snapshot(project_a)
    target = project_b.articles()[1]
    assert {c.article_id for c in project_b.claims()} == {target.id}
    # Sources are created once each, however many claims cite them.
    assert result.sources_created == 3
    assert sorted(s.title for s in project_b.sources()) == ["AP report", "Ministry official", "Treasury press release"]
    assert next(s for s in project_b.sources() if s.title == "Ministry official").confidential
    # Imported claims start over in review: drafts of this project.
    assert {c.status for c in project_b.claims()} == {model.DRAFT}


def test_round_trip_without_confidential_sources_reports_the_withheld_citation(project_a, project_b):
    result = web_annotation.import_annotations(project_b, exporters.export(project_a, "webannotation", ALL))
    assert len(result.imported) == 5
    assert any("confidential source was left out" in note for note in result.notes)
    assert all(not s.confidential for s in project_b.sources())
    expected = [row[:-1] + (tuple(c for c in row[-1] if not c[5]),) for row in snapshot(project_a)]
    assert snapshot(project_b) == expected


def test_importing_twice_does_not_duplicate(project_a, project_b):
    data = exporters.export(project_a, "webannotation", ALL)
    web_annotation.import_annotations(project_b, data)
    again = web_annotation.import_annotations(project_b, data)
    assert again.imported == [] and len(again.skipped) == 5
    assert all("already on" in reason for _, reason in again.skipped)
    assert len(project_b.claims()) == 5 and len(project_b.sources()) == 2


def test_article_found_by_url_in_an_edited_copy_with_fuzzy_anchors_reported(project_a, tmp_path):
    project_a.update_article(project_a.articles()[0].id, url="https://news.example.org/sanctions")
    data = exporters.export(project_a, "webannotation", ALL)
    edited = ARTICLE_TEXT.replace("who said prices rose", "who told us prices went up")
    with Project.create(tmp_path / "c.factcheck", user="cy") as c:
        c.import_article(imported(ARTICLE_TEXT.replace("Petro", "Petró")), url="https://news.example.org/other")
        target = c.import_article(imported(edited), url="https://news.example.org/sanctions/").created
        result = web_annotation.import_annotations(c, data)
        assert {x.article_id for x in c.claims()} == {target}
        assert len(result.imported) == 5
        assert [ref for ref, _ in result.fuzzy] == [f"urn:uuid:{project_a.ids['emoji']}"]
        assert "anchored approximately" in "\n".join(result.lines())
        # The approximate claim keeps the words that were checked and waits for a person.
        (_, fuzzy_id) = result.fuzzy[0]
        fuzzy = c.claim(fuzzy_id)
        assert fuzzy.anchor_state == "fuzzy"
        assert fuzzy.exact == project_a.claim(project_a.ids["emoji"]).exact
        assert fuzzy.exact != c.text(fuzzy.version_id)[fuzzy.start : fuzzy.end]
        assert {x.anchor_state for x in c.claims() if x.id != fuzzy_id} == {"exact"}


def test_hostile_text_round_trips_exactly(hostile_project, tmp_path):
    data = exporters.export(hostile_project, "webannotation", ALL)
    with Project.create(tmp_path / "h2.factcheck", user="x") as other:
        other.import_article(imported(HOSTILE_ARTICLE))
        result = web_annotation.import_annotations(other, data)
        assert len(result.imported) == len(HOSTILE)
        assert sorted(c.statement for c in other.claims()) == sorted(HOSTILE)
        assert sorted(c.exact for c in other.claims()) == sorted(HOSTILE)


# --- bad files ------------------------------------------------------------------------------


def unchanged(project):
    return project.counts()


@pytest.mark.parametrize("data,message", [
    (b"this is not json", "not valid JSON"),
    (b"\xff\xfe\x00<\x00", "not UTF-8"),
    (b"", "empty"),
    (b'{"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x"}', "not a W3C Web Annotation file"),
    (b"[1, 2, 3]", "not a W3C Web Annotation file"),
    (b'"just a string"', "not a W3C Web Annotation file"),
    (b'{"type": "AnnotationCollection", "first": "https://example.org/annotations?page=1"}', "pages stored elsewhere"),
    (b'{"type": "AnnotationPage", "items": {"not": "a list"}}', "not a list"),
    (b"[" * 100_000, "nested too deeply"),
])
def test_malformed_or_foreign_files_are_refused_and_nothing_is_written(project_b, data, message):
    before = unchanged(project_b)
    with pytest.raises(KnownError, match=message):
        web_annotation.import_annotations(project_b, data)
    assert unchanged(project_b) == before


def test_a_valid_empty_collection_imports_nothing_without_error(project_b):
    result = web_annotation.import_annotations(project_b, '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 0}')
    assert result.total == 0 and result.imported == [] and result.skipped == []


def test_each_annotation_that_cannot_be_placed_is_reported_with_its_reason(project_a, project_b):
    doc = export(project_a)
    good = annotations(doc)[0]
    nowhere = copy.deepcopy(good)
    nowhere["id"] = "urn:x:nowhere"
    nowhere["target"]["selector"][0].update(exact="words that no article of this project contains at all", prefix="", suffix="")
    unknown = copy.deepcopy(nowhere)
    unknown["id"] = "urn:x:unknown"
    unknown["target"]["source"] = "https://unknown.example/"
    del unknown["target"]["state"]
    no_selector = {"id": "urn:x:noselector", "type": "Annotation", "target": "https://example.org/page"}
    not_annotation = {"id": "urn:x:foo", "type": "Foo"}
    odd_rating = copy.deepcopy(annotations(doc)[1])
    odd_rating["id"] = "urn:x:odd"
    for body in odd_rating["body"]:
        if body.get("purpose") == "assessing":
            body["value"] = "Pants on Fire"
            body.pop("schema:identifier", None)
    doc["first"]["items"] = [good, nowhere, unknown, no_selector, 42, not_annotation, odd_rating]
    result = web_annotation.import_annotations(project_b, json.dumps(doc))
    assert len(result.imported) == 2 and result.total == 7
    reasons = dict(result.skipped)
    # Its article is known (same text SHA-256), its words are not in it:
    assert reasons["urn:x:nowhere"].endswith("were not found in “Sanctions (copy)”.")
    assert "are in none of this project's articles" in reasons["urn:x:unknown"]
    assert "no TextQuoteSelector" in reasons["urn:x:noselector"]
    assert "not an annotation object" in reasons["#5"]
    assert "not an Annotation" in reasons["urn:x:foo"]
    assert any("“Pants on Fire” is not on this project's scale" in n for n in result.notes)
    odd = project_b.claim(result.imported[1])
    assert odd.rating is None
    text = "\n".join(result.lines())
    assert text.startswith("Imported 2 claims from 7 annotations") and "Skipped 5:" in text


def test_annotations_of_other_tools_are_read(project_b):
    """A Hypothesis-style annotation: target list, comment and tags as bodies."""
    text = project_b.current_version(project_b.articles()[1].id).text
    at = text.index("imposed sweeping sanctions")
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "Check this number", "purpose": "commenting"},
                 {"type": "TextualBody", "value": "sanctions", "purpose": "tagging"}],
        "target": [{"source": "https://example.org/elsewhere", "selector": [
            {"type": "RangeSelector"},
            {"type": "TextPositionSelector", "start": at, "end": at + 26},
            {"type": "TextQuoteSelector", "exact": "imposed sweeping sanctions", "prefix": text[at - 20:at], "suffix": " on"},
        ]}],
    }
    result = web_annotation.import_annotations(project_b, json.dumps(item))
    (claim_id,) = result.imported
    claim = project_b.claim(claim_id)
    assert (claim.start, claim.end, claim.notes, claim.tags) == (at, at + 26, "Check this number", ("sanctions",))


def test_read_only_projects_are_refused(project_a, tmp_path):
    data = exporters.export(project_a, "webannotation", ALL)
    path = tmp_path / "ro.factcheck"
    Project.create(path).close()
    with Project.open(path, read_only=True) as ro, pytest.raises(KnownError, match="read-only"):
        web_annotation.import_annotations(ro, data)


def test_approved_claims_export_by_default(project_a):
    with pytest.raises(exporters.NothingToExport):
        exporters.export(project_a, "webannotation")
    approve(project_a, [project_a.ids["rtl"]])
    assert len(annotations(json.loads(exporters.export(project_a, "webannotation")))) == 1
