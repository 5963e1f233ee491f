"""Who the command line writes as: --user, else FACTCHECK_USER, else the name saved in the app, else the login."""

import getpass
import json

import pytest
from click.testing import CliRunner

from factcheck import cli, paths
from factcheck.core.project import Project


def run(*args):
    return CliRunner().invoke(cli.cli, list(args), catch_exceptions=True)


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A demo project; no FACTCHECK_USER, a known login name, no saved name yet."""
    monkeypatch.delenv("FACTCHECK_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "ana-login")
    path = tmp_path / "demo.factcheck"
    assert run("demo", str(path)).exit_code == 0
    return path


def import_new_version(path, tmp_path, *extra):
    """``factcheck import PATH FILE --as-version-of ARTICLE``; who wrote the new version."""
    with Project.open(path) as p:
        (article,) = p.articles()
        text = p.current_version(article.id).text
    edited = tmp_path / "v2.txt"
    edited.write_text(text.replace("decrease", "drop"), encoding="utf-8")
    result = run("import", str(path), str(edited), "--as-version-of", article.id, *extra)
    assert result.exit_code == 0, result.output
    with Project.open(path) as p:
        return p.events()[-1].actor


def claim_in_review_by_ana(path):
    with Project.open(path) as p:
        return next(c.id for c in p.claims() if "making a lot of drugs" in c.exact)


def test_the_name_saved_in_the_app_writes_the_new_version(demo, tmp_path):
    paths.save_user("Ana Checker")
    assert import_new_version(demo, tmp_path) == "Ana Checker"


def test_user_given_overrides_the_saved_name(demo, tmp_path):
    paths.save_user("Ana Checker")
    assert import_new_version(demo, tmp_path, "--user", "Ben") == "Ben"
    assert paths.saved_user() == "Ana Checker"


def test_factcheck_user_overrides_the_saved_name(demo, tmp_path, monkeypatch):
    paths.save_user("Ana Checker")
    monkeypatch.setenv("FACTCHECK_USER", "Carla")
    assert import_new_version(demo, tmp_path) == "Carla"


def test_without_a_saved_name_the_login_name_writes(demo, tmp_path):
    assert not paths.user_file().exists()
    assert import_new_version(demo, tmp_path) == "ana-login"


def test_a_damaged_name_file_falls_back_to_the_login_name(demo, tmp_path):
    paths.user_file().parent.mkdir(parents=True, exist_ok=True)
    paths.user_file().write_text("{not json", encoding="utf-8")
    assert import_new_version(demo, tmp_path) == "ana-login"


def test_the_checker_cannot_approve_her_own_claim_from_the_command_line(demo):
    paths.save_user("Ana (checker)")  # the demo's checker, who wrote the claim in review
    cid = claim_in_review_by_ana(demo)
    own = run("review", str(demo), cid[:8], "approve")
    assert own.exit_code == 1 and "four-eyes" in str(own.exception)
    other = run("review", str(demo), cid[:8], "approve", "--user", "Ben (editor)")
    assert other.exit_code == 0, other.output
    with Project.open(demo) as p:
        assert p.events(cid)[-1].actor == "Ben (editor)"


def test_the_name_is_kept_in_one_small_file_under_factcheck_home(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    assert paths.saved_user() == ""
    paths.save_user("  Ána Chécker ")
    assert paths.user_file() == tmp_path / "home" / "config" / "user.json"
    assert json.loads(paths.user_file().read_text(encoding="utf-8")) == {"name": "Ána Chécker"}
    assert paths.saved_user() == "Ána Chécker"


def test_the_command_line_does_not_import_qt():
    import subprocess
    import sys

    code = "import sys, factcheck.cli, factcheck.paths; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
