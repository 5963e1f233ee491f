from factcheck.core import checks, model
from factcheck.core.workflow import APPROVE, SUBMIT


def codes(findings, claim_id):
    return {f.code for f in findings if f.claim_id == claim_id}


def test_each_check(article):
    p, article_id, version = article
    text = version.text
    good = p.create_claim(version.id, 0, 40, rating="false", verdict_summary="It is false.",
                          statement="Petro allowed cartels to flourish").created
    src = p.create_source(title="Record").created
    p.cite(good, src, "contradicts")
    bare = p.create_claim(version.id, 50, 90).created
    long = p.create_claim(version.id, 100, 140, rating="true", statement="x" * 80 + " true story",
                          verdict_summary="Yes. And more.").created
    secret = p.create_source(title="Insider", confidential=True).created
    p.cite(long, secret, "supports")
    p.add_comment(long, "Check the date")
    claims = [p.claim(c) for c in (good, bare, long)]
    findings = checks.check_claims(p, claims)
    assert codes(findings, good) == set()
    assert codes(findings, bare) == {"no-rating", "no-source", "no-summary"}
    assert codes(findings, long) == {"long-summary", "long-statement", "rating-in-statement", "open-comments", "confidential"}
    internal = checks.check_claims(p, claims, include_confidential=True)
    assert "confidential-exported" in codes(internal, long)
    assert all(f.blocking for f in findings if f.code in ("no-source", "long-summary", "open-comments"))
    assert not any(f.blocking for f in findings if f.code in ("long-statement", "confidential"))
    del text, article_id


def test_check_project_defaults_to_verdicts_on_their_way_out(article):
    p, _, version = article
    draft = p.create_claim(version.id, 0, 40).created
    ready = p.create_claim(version.id, 50, 90, rating="unverifiable", verdict_summary="Cannot be checked.").created
    p.review(ready, SUBMIT)
    assert {f.claim_id for f in checks.check_project(p)} <= {ready}
    assert draft in {f.claim_id for f in checks.check_project(p, statuses=model.STATUSES)}
    p.user = "ben"
    p.review(ready, APPROVE)
    assert checks.blocking(checks.check_project(p)) == []


def test_unticked_verification_tasks_are_a_warning_on_submitted_claims(article):
    p, _, version = article
    p.set_setting("tasks", [{"label": "Found the original source", "required": True}, "Asked the claimant",
                            "Checked the figure"])
    claim = p.create_claim(version.id, 0, 40, rating="unverifiable", verdict_summary="Cannot be checked.").created
    draft = p.create_claim(version.id, 50, 90, rating="unverifiable", verdict_summary="Cannot be checked.").created
    required, asked, _ = [t.id for t in p.tasks(claim)]
    p.tick_task(claim, required)
    p.review(claim, SUBMIT)
    findings = [f for f in checks.check_claims(p, [p.claim(claim), p.claim(draft)]) if f.code == "tasks-not-done"]
    assert [(f.claim_id, f.blocking, f.message) for f in findings] == [
        (claim, False, "has 2 verification tasks not done: “Asked the claimant”, “Checked the figure”.")]
    p.tick_task(claim, asked)
    assert [f.message for f in checks.check_claims(p, [p.claim(claim)]) if f.code == "tasks-not-done"] == [
        "has 1 verification task not done: “Checked the figure”."]
