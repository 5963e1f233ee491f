"""W3C Web Annotation import: parse, plan, one undoable command; the round trip from the
exporter; bad files and bad values; and the import killed with SIGKILL at random moments."""

from __future__ import annotations

import copy
import json
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from factcheck import exporters
from factcheck.core import anchoring, history, model
from factcheck.core.errors import KnownError
from factcheck.core.project import Project
from factcheck.importers import web_annotation

from ..conftest import imported
from ..exporters.conftest import HOSTILE, HOSTILE_ARTICLE, hostile_project  # noqa: F401 - a fixture
from ..exporters.test_web_annotation import ALL, ARTICLE_TEXT, annotations, export, project_a  # noqa: F401 - a fixture

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


# --- parse, plan, command ---------------------------------------------------------------------


def test_parse_needs_no_project_and_plan_writes_nothing(project_a, project_b):
    data = exporters.export(project_a, "webannotation", ALL)
    parsed = web_annotation.parse(data)
    assert parsed.total == 5 and len(parsed.annotations) == 5 and parsed.skipped == []
    outer = next(a for a in parsed.annotations if a.ref.endswith(project_a.ids["outer"]))
    assert outer.values["claim_date"] == "2025-10-24" and outer.rating == ("no-evidence", "No evidence")
    before, events = project_b.counts(), len(project_b.events())
    plan = web_annotation.plan(project_b, parsed)
    assert project_b.counts() == before and len(project_b.events()) == events
    assert len(plan.claims) == 5 and len(plan.sources) == 2  # Treasury and AP; the confidential one is withheld
    assert sum(len(c.citations) for c in plan.claims) == 3
    history.ImportAnnotations(plan).do(project_b)
    assert project_b.counts()["claims"] == 5 and project_b.counts()["citations"] == 3


def one_annotation(text: str, quote: str, **extra) -> dict:
    at = text.index(quote)
    sel = anchoring.describe(text, at, at + len(quote)).quote
    item = {"type": "Annotation", "id": extra.pop("id", "urn:x:1"), "body": extra.pop("body", []),
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": quote, "prefix": sel.prefix, "suffix": sel.suffix},
                                    {"type": "TextPositionSelector", "start": at, "end": at + len(quote)}]}}
    item.update(extra)
    return item


def describing(label: str, value: str) -> dict:
    return {"type": "TextualBody", "purpose": "describing", "label": label, "value": value}


def linking(**source) -> dict:
    return {"type": "SpecificResource", "purpose": "linking", "label": "supports", "source": {"type": "Text", **source}}


def test_bad_dates_and_values_are_left_out_with_a_note_and_the_claim_kept(project_b):
    text = project_b.current_version(project_b.articles()[1].id).text
    bodies = [describing("Claim date", "last Tuesday"), describing("Claimant", "A. Minister"),
              describing("Check-worthiness", "very"), describing("Statement", "x" * 6000),
              {"type": "TextualBody", "purpose": "tagging", "value": "t" * 300},
              {"type": "TextualBody", "purpose": "tagging", "value": "sanctions"}]
    good_date = one_annotation(text, "imposed sweeping sanctions", id="urn:x:2", body=[describing("Claim date", "2025-10-24")])
    item = one_annotation(text, "President Petro", body=bodies)
    result = web_annotation.import_annotations(project_b, json.dumps([item, good_date]))
    assert len(result.imported) == 2
    claim = project_b.claim(result.imported[0])
    assert (claim.claim_date, claim.claimant, claim.checkworthiness, claim.statement, claim.tags) == (
        "", "A. Minister", None, "", ("sanctions",))
    assert project_b.claim(result.imported[1]).claim_date == "2025-10-24"
    text = "\n".join(result.lines())
    assert "urn:x:1: claim date left out. The claim date “last Tuesday” is not a date." in text
    assert "urn:x:1: check-worthiness left out." in text
    assert "urn:x:1: statement left out." in text and "urn:x:1: a tag left out." in text


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "\tJavaScript:alert(2)", "  JAVASCRIPT:alert(3)", "data:text/html,<script>alert(4)</script>",
    "VBScript:msgbox(5)", "file:///etc/passwd", "java\tscript:alert(6)",
])
def test_script_urls_of_cited_sources_are_left_out_with_a_note(project_b, url):
    text = project_b.current_version(project_b.articles()[1].id).text
    named = one_annotation(text, "President Petro", body=[linking(**{"schema:name": "A report", "schema:url": url})])
    unnamed = one_annotation(text, "imposed sweeping sanctions", id="urn:x:2", body=[linking(**{"schema:url": url})])
    as_id = one_annotation(text, "drug cartels", id="urn:x:3", body=[linking(id=url, **{"schema:name": "By id"})])
    result = web_annotation.import_annotations(project_b, json.dumps([named, unnamed, as_id]))
    assert len(result.imported) == 3
    assert sorted((s.title, s.url) for s in project_b.sources()) == [("A report", ""), ("By id", "")]
    assert len(project_b.citations(result.imported[0])) == 1 and project_b.citations(result.imported[1]) == []
    notes = "\n".join(result.notes)
    assert "urn:x:1: source URL left out." in notes and "are kept" in notes
    assert "urn:x:2: a cited source with neither a title nor a web address was left out." in notes


def test_a_web_address_without_scheme_is_kept_as_https(project_b):
    text = project_b.current_version(project_b.articles()[1].id).text
    item = one_annotation(text, "President Petro", body=[linking(**{"schema:name": "R", "schema:url": "example.org/r"})])
    web_annotation.import_annotations(project_b, json.dumps(item))
    assert [s.url for s in project_b.sources()] == ["https://example.org/r"]


def test_undo_removes_the_whole_import_in_one_step_and_redo_brings_it_back(project_a, project_b):
    data = exporters.export(project_a, "webannotation", ALL)
    before = project_b.counts()
    hist = history.History(project_b)
    hist.do(history.ImportAnnotations(web_annotation.plan(project_b, web_annotation.parse(data))))
    imported = project_b.counts()
    assert imported["claims"] == 5 and imported["sources"] == 2 and imported["citations"] == 3
    assert hist.undo_label == "Import annotations"
    hist.undo()
    assert not hist.can_undo and hist.can_redo
    after_undo = project_b.counts()
    assert {k: after_undo[k] for k in ("claims", "sources", "citations")} == {k: before[k] for k in ("claims", "sources", "citations")}
    hist.redo()
    assert {k: v for k, v in project_b.counts().items() if k != "events"} == {k: v for k, v in imported.items() if k != "events"}
    assert project_b.verify().ok, project_b.verify()
    # Undone, the same file imports again in full.
    hist.undo()
    assert len(web_annotation.import_annotations(project_b, data).imported) == 5


def test_undo_keeps_an_imported_source_cited_elsewhere_since(project_a, project_b):
    data = exporters.export(project_a, "webannotation", ALL)
    hist = history.History(project_b)
    hist.do(history.ImportAnnotations(web_annotation.plan(project_b, web_annotation.parse(data))))
    ap = next(s for s in project_b.sources() if s.title == "AP report")
    version = project_b.current_version(project_b.articles()[0].id)
    mine = hist.do(history.CreateClaim(version.id, 0, 10)).created
    hist.do(history.Cite(mine, ap.id, "supports"))
    hist._undo.reverse()  # reach the import first, as if the later steps were made in another window
    hist.undo()
    assert [s.title for s in project_b.sources()] == ["AP report"]
    assert len(project_b.citations(mine)) == 1
    hist.redo()
    assert len(project_b.claims()) == 6


def test_a_failure_midway_leaves_nothing(project_a, project_b, monkeypatch):
    data = exporters.export(project_a, "webannotation", ALL)
    plan = web_annotation.plan(project_b, web_annotation.parse(data))
    before, events = project_b.counts(), len(project_b.events())
    calls = []
    real = Project.cite

    def cite_then_fail(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KnownError("The disk is full.")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Project, "cite", cite_then_fail)
    with pytest.raises(KnownError, match="disk is full"):
        history.ImportAnnotations(plan).do(project_b)
    assert project_b.counts() == before and len(project_b.events()) == events


# --- large imports: one transaction, all or nothing ------------------------------------------------

SOURCES = 20


def big_file(n: int, rng: random.Random) -> tuple[str, bytes]:
    """An article of ``n`` paragraphs and a Web Annotation file with a claim on each, citing 1-3 sources."""
    subjects = ("prices", "wages", "exports", "rents", "taxes", "imports", "fares", "debts")
    paragraphs = [f"Paragraph {i}: the minister said {rng.choice(subjects)} rose by {i} percent in {1990 + i % 30}."
                  for i in range(n)]
    text = "\n".join(paragraphs) + "\n"
    items = []
    at = 0
    for i, paragraph in enumerate(paragraphs):
        start = at + paragraph.index("the minister")
        end = at + len(paragraph) - 1
        sel = anchoring.describe(text, start, end)
        body = [describing("Statement", f"Statement {i}"), describing("Claim date", f"{1990 + i % 30}-01-01")]
        for k in rng.sample(range(SOURCES), rng.randint(1, 3)):
            body.append({"type": "SpecificResource", "purpose": "linking", "label": rng.choice(model.STANCES),
                         "source": {"id": f"urn:uuid:source-{k}", "type": "Text", "schema:name": f"Source {k}",
                                    "schema:url": f"https://example.org/source/{k}"},
                         "selector": {"type": "TextQuoteSelector", "exact": f"passage {i}"}})
        items.append({"id": f"urn:x:{i}", "type": "Annotation", "motivation": "assessing", "body": body,
                      "target": {"source": "https://news.example.org/big", "selector": [
                          {"type": "TextQuoteSelector", "exact": sel.quote.exact, "prefix": sel.quote.prefix,
                           "suffix": sel.quote.suffix},
                          {"type": "TextPositionSelector", "start": start, "end": end}]}})
        at += len(paragraph) + 1
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": n,
           "first": {"type": "AnnotationPage", "items": items}}
    return text, json.dumps(doc).encode()


def article_project(path, text: str) -> Project:
    p = Project.create(path, user="ana")
    p.import_article(imported(text, title="Big"), url="https://news.example.org/big")
    return p


def claims_without_citations(project: Project) -> int:
    return project.store.read(
        "SELECT count(*) FROM claims k WHERE k.deleted_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM citations c WHERE c.claim_id = k.id AND c.deleted_at IS NULL)")[0][0]


def test_5000_annotations_are_one_transaction(tmp_path):
    text, data = big_file(5000, random.Random(42))
    with article_project(tmp_path / "big.factcheck", text) as p:
        the_plan = web_annotation.plan(p, web_annotation.parse(data))
        statements: list[str] = []
        p.store.conn.set_trace_callback(statements.append)
        try:
            report = web_annotation.run(p, the_plan)
        finally:
            p.store.conn.set_trace_callback(None)
        assert len(report.imported) == 5000 and report.sources_created == SOURCES
        begins = [s for s in statements if s.lstrip().upper().startswith("BEGIN")]
        commits = [s for s in statements if s.lstrip().upper().startswith(("COMMIT", "END"))]
        assert begins == ["BEGIN IMMEDIATE"] and commits == ["COMMIT"]
        assert p.counts()["claims"] == 5000 and claims_without_citations(p) == 0


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """A project holding the article (closed, ready to copy) and a file of 1,000 annotations on it."""
    folder = tmp_path_factory.mktemp("thousand")
    text, data = big_file(1000, random.Random(42))
    (folder / "annotations.jsonld").write_bytes(data)
    article_project(folder / "template.factcheck", text).close()
    return folder


def run_import(project_path, annotations_path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", "import-annotations", str(project_path),
                             str(annotations_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_an_import_killed_at_any_moment_leaves_all_or_nothing(thousand, tmp_path):
    """SIGKILL after a random delay: 0 or 1,000 claims, never one without its citations; run again, all 1,000."""
    rng = random.Random(42)
    data = (thousand / "annotations.jsonld").read_bytes()
    # One run to the end, to know how long an import takes.
    whole = tmp_path / "whole.factcheck"
    shutil.copy(thousand / "template.factcheck", whole)
    t0 = time.monotonic()
    assert run_import(whole, thousand / "annotations.jsonld").wait(timeout=60) == 0
    duration = time.monotonic() - t0
    with Project.open(whole) as p:
        assert p.counts()["claims"] == 1000 and claims_without_citations(p) == 0
    outcomes = []
    for attempt in range(8):
        path = tmp_path / f"killed{attempt}.factcheck"
        shutil.copy(thousand / "template.factcheck", path)
        process = run_import(path, thousand / "annotations.jsonld")
        time.sleep(rng.uniform(0.0, duration))
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        with Project.open(path) as p:
            claims = p.counts()["claims"]
            outcomes.append((code, claims))
            assert claims in (0, 1000), outcomes
            assert claims_without_citations(p) == 0, outcomes
            verdict = p.verify()
            assert verdict.ok, verdict
            web_annotation.import_annotations(p, data)
            assert p.counts()["claims"] == 1000 and claims_without_citations(p) == 0
            assert p.counts()["sources"] == SOURCES
    assert any(code == -signal.SIGKILL for code, _ in outcomes), outcomes
