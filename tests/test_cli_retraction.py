"""factcheck claims / history / verify show a retracted verdict."""

from click.testing import CliRunner

from factcheck import cli
from factcheck.core.project import Project
from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT

from .conftest import SAMPLE, imported

QUOTE = "US aid to Colombia is expected to decrease by at least 20%"
REASON = "The budget line was misread."


def run(*args):
    return CliRunner().invoke(cli.cli, list(args), catch_exceptions=True)


def test_claims_history_and_verify_show_the_retraction(tmp_path):
    path = tmp_path / "r.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(SAMPLE.read_text(encoding="utf-8"))).created)
        start = version.text.index(QUOTE)
        claim_id = p.create_claim(version.id, start, start + len(QUOTE), rating="false",
                                  verdict_summary="It is smaller.").created
        p.cite(claim_id, p.create_source(title="Budget").created, "contradicts")
        p.review(claim_id, SUBMIT)
        p.user = "ben"
        p.review(claim_id, APPROVE)
        p.review(claim_id, PUBLISH)
        p.managers.claims.retract(claim_id, REASON)

    listed = run("claims", str(path))
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert lines[0] == "No claims." and lines[2] == "Retracted verdicts:"
    assert QUOTE in lines[5] and "  ben  " in lines[5] and lines[5].endswith(REASON)
    assert "Retracted" not in run("claims", str(path), "--status", "published").output

    history = run("history", str(path), claim_id[:8])
    assert history.exit_code == 0, history.output
    assert history.output.splitlines()[-1].endswith(
        f"ben  Retracted the published verdict (reason: {REASON}); public retraction recorded")
    assert run("verify", str(path)).exit_code == 0
