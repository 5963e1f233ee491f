"""A retracted verdict in reports: listed in the corrections with its quote and reason, never as a claim."""

from __future__ import annotations

import json

import pytest

from factcheck import exporters
from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT
from factcheck.exporters import html_report

from .conftest import parse_html, text_of

KEPT = "US aid to Colombia is expected to decrease by at least 20%"
RETRACTED = "every empire is unjust"
REASON = "The quote was <misattributed>: it is the columnist's, not Petro's."


def publish(project, version, quote):
    start = version.text.index(quote)
    project.user = "ana"
    claim_id = project.create_claim(version.id, start, start + len(quote), rating="false",
                                    verdict_summary="It is not what happened.").created
    project.cite(claim_id, project.create_source(title="Record").created, "contradicts")
    project.review(claim_id, SUBMIT)
    project.user = "ben"
    project.review(claim_id, APPROVE)
    project.review(claim_id, PUBLISH)
    return claim_id


@pytest.fixture
def retracted(sample_project):
    """Two published verdicts; Ben retracted one of them."""
    p, article_id, version = sample_project
    kept = publish(p, version, KEPT)
    gone = publish(p, version, RETRACTED)
    p.managers.claims.retract(gone, REASON)
    return p, kept, gone


def test_html_lists_the_retraction_with_quote_and_reason_and_no_card(retracted):
    p, kept, gone = retracted
    data = exporters.export(p, "html")
    doc = parse_html(data)
    (item,) = [li for li in doc.iter("li") if li.get("class") == "retraction"]
    (fix,) = p.corrections(gone)
    assert text_of(item) == (f"{fix.at[:10]}, verdict retracted on the claim {RETRACTED}: {REASON}"
                             "Withdrawn verdict rating: False; verdict summary: It is not what happened.")
    assert item.find(".//q").text == RETRACTED
    cards = {el.get("id") for el in doc.iter("article")}
    assert f"claim-{kept}" in cards and f"claim-{gone}" not in cards
    assert b"<misattributed>" not in data  # user text stays text
    (script,) = list(doc.iter("script"))
    reviewed = [r["claimReviewed"] for r in json.loads(script.text)]
    assert reviewed == [KEPT]


def test_the_print_template_and_markdown_list_it_too(retracted):
    p, _, gone = retracted
    report = exporters.gather(p)
    printed = html_report.render_text(report, html_report.PRINT_TEMPLATE)
    assert f"verdict retracted</b> on the claim “{RETRACTED}”" in printed and "WITHDRAWN VERDICT" in printed
    md = exporters.export(p, "markdown").decode("utf-8")
    corrections = md[md.index("### Corrections"):]
    assert f"verdict retracted** on the claim “{RETRACTED}”: The quote was \\<misattributed\\>" in corrections
    assert "Withdrawn verdict: rating: False; verdict summary: It is not what happened." in corrections
    assert "No corrections have been made" not in md


def test_claimreview_and_csv_leave_the_retracted_claim_out(retracted):
    p, kept, gone = retracted
    reviews = json.loads(exporters.export(p, "claimreview"))
    assert [r["claimReviewed"] for r in reviews] == [KEPT]
    assert gone not in exporters.export(p, "csv").decode("utf-8-sig")


def test_an_article_whose_only_verdict_was_retracted_still_reports_the_retraction(retracted):
    p, kept, _ = retracted
    p.managers.claims.retract(kept, "Superseded by the final budget.")
    body = text_of(parse_html(exporters.export(p, "html")).find("body"))
    assert "Superseded by the final budget." in body and REASON in body
    assert json.loads(exporters.export(p, "claimreview")) == []


def test_a_report_of_other_statuses_does_not_list_it(retracted):
    p, _, _ = retracted
    version = p.current_version(p.articles()[0].id)
    start = version.text.index("Gringos go home.")
    p.user = "ana"
    p.create_claim(version.id, start, start + 16)
    body = text_of(parse_html(exporters.export(p, "html", exporters.Selection(statuses=("draft",)))).find("body"))
    assert REASON not in body and "No corrections have been made" in body
