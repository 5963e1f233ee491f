"""The command line: every command works, every error is one line and a non-zero exit."""

import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from factcheck import cli
from factcheck.core.project import Project

from .conftest import SAMPLE


def run(*args, input=None):
    runner = CliRunner()
    result = runner.invoke(cli.cli, list(args), input=input, catch_exceptions=True)
    return result


def run_main(*args, input=None):
    """Through ``cli.main`` in a real process: what a user sees, exit code included."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], input=input, capture_output=True, text=True, timeout=60
    )


def test_demo_then_claims_prints_the_worked_claims(tmp_path):
    path = tmp_path / "demo.factcheck"
    made = run_main("demo", str(path))
    assert made.returncode == 0, made.stderr
    listed = run_main("claims", str(path))
    assert listed.returncode == 0, listed.stderr
    out = listed.stdout
    assert "President Petro has allowed drug cartels to flourish" in out
    assert "Scott Bessent" in out and "No evidence" in out and "draft" in out
    with Project.open(path) as p:
        claims = p.claims()
        assert len(claims) >= 4
        petro = next(c for c in claims if "drug cartels to flourish" in c.exact)
        assert petro.verdict_summary == "No evidence was provided linking the president or his family to drug trafficking"
        assert petro.rating == "no-evidence" and p.citations(petro.id)
        assert all(c.claimant for c in claims)


def test_the_spanish_demo_is_a_spanish_desk_with_every_review_state(tmp_path):
    path = tmp_path / "demo-es.factcheck"
    made = run("demo", str(path), "--language", "es")
    assert made.exit_code == 0, made.output
    with Project.open(path) as p:
        claims = p.claims()
        assert p.setting("rating_scale") == "es" and p.setting("report_language") == "es"
        assert {c.status for c in claims} == {"draft", "in_review", "changes_requested", "approved", "published"}
        cartels = next(c for c in claims if "carteles" in c.exact)
        assert cartels.rating == "insostenible" and "pruebas" in cartels.verdict_summary
        assert p.article(cartels.article_id).title.startswith("EE. UU. sanciona")
        assert p.verify().ok


def test_demo_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "demo.factcheck"
    assert run_main("demo", str(path)).returncode == 0
    again = run_main("demo", str(path))
    assert again.returncode == 1
    assert again.stderr.strip().startswith("Error:") and "--force" in again.stderr
    assert run_main("demo", str(path), "--force").returncode == 0


def test_new_import_info_claims(tmp_path):
    path = tmp_path / "p.factcheck"
    assert run("new", str(path), "--organisation", "Desk").exit_code == 0
    result = run("import", str(path), str(SAMPLE), "--outlet", "Wire")
    assert result.exit_code == 0, result.output
    info = run("info", str(path))
    assert "Desk" in info.output and "1 articles" in info.output
    assert run("claims", str(path)).output.strip() == "No claims."
    with Project.open(path) as p:
        (article,) = p.articles()
        assert article.outlet == "Wire"


def test_import_pasted_text_from_stdin(tmp_path):
    path = tmp_path / "p.factcheck"
    run("new", str(path))
    result = run("import", str(path), "-", "--title", "Pasted", input="Some pasted words.\nSecond line 👍")
    assert result.exit_code == 0, result.output
    with Project.open(path) as p:
        (article,) = p.articles()
        assert article.title == "Pasted"
        assert p.current_version(article.id).text == "Some pasted words.\nSecond line 👍"


def test_import_as_new_version_reports_anchor_states(tmp_path):
    path = tmp_path / "demo.factcheck"
    run("demo", str(path))
    with Project.open(path) as p:
        (article,) = p.articles()
        text = p.current_version(article.id).text
    edited = tmp_path / "v2.txt"
    edited.write_text(text.replace("Gringos go home.", "").replace("decrease", "drop"), encoding="utf-8")
    result = run("import", str(path), str(edited), "--as-version-of", article.id)
    assert result.exit_code == 0, result.output
    assert "Added version 2" in result.output and "fuzzy" in result.output


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.factcheck", "does not exist"),
        (lambda d: (d / "x.factcheck").write_bytes(b"not sqlite at all") and d / "x.factcheck", "not a factcheck project"),
    ],
)
def test_bad_project_paths_are_one_line_errors(tmp_path, make, message):
    path = make(tmp_path)
    result = run_main("info", str(path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_other_programs_sqlite_is_refused(tmp_path):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = run_main("claims", str(path))
    assert result.returncode == 1 and "another program" in result.stderr


def test_import_of_a_bad_file_is_one_line_and_writes_nothing(tmp_path):
    path = tmp_path / "p.factcheck"
    run("new", str(path))
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = run_main("import", str(path), str(SAMPLE), str(png))
    assert result.returncode == 1
    assert result.stderr.startswith("Error:") and result.stderr.count("\n") == 1
    with Project.open(path) as p:
        assert p.articles() == []  # the good file was not imported either


def test_usage_errors_exit_2():
    result = run_main("claims")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_unexpected_errors_are_one_line_without_traceback(tmp_path, monkeypatch, capsys):
    def explode(*a, **k):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli, "_open_project", explode)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["info", "whatever.factcheck"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "unexpected problem" in err and "Traceback" not in err


def test_scales_lists_the_bundled_scales():
    out = run("scales").output
    assert "PolitiFact" in out and "Pinocchio" in out and "No evidence" in out


def test_version_names_the_commit_it_was_built_from(tmp_path, monkeypatch):
    from factcheck import __version__, build_info

    line = run("--version").output.strip()
    assert line.startswith(f"factcheck {__version__} (commit ")
    # A packaged app reads its build's record instead of asking git.
    monkeypatch.setattr(build_info, "_HERE", tmp_path)
    (tmp_path / "_build.json").write_text('{"commit": "1a2b3c4d5e6f", "built": "2026-12-01"}')
    build_info.info.cache_clear()
    try:
        assert run("--version").output.strip() == f"factcheck {__version__} (commit 1a2b3c4d5e6f, built 2026-12-01)"
    finally:
        build_info.info.cache_clear()
