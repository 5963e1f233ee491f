"""factcheck history / verify / check / review."""

import sqlite3
import subprocess
import sys

import pytest

from factcheck.core.project import Project


def run_main(*args):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.factcheck"
    assert run_main("demo", str(path)).returncode == 0
    return path


def claim_id(path, quote_part):
    with Project.open(path) as p:
        return next(c.id for c in p.claims() if quote_part in c.exact)


def test_history_of_a_claim(demo_path):
    cid = claim_id(demo_path, "drug cartels to flourish")
    out = run_main("history", str(demo_path), cid[:8])
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "Created the claim" in lines[0]
    assert any("Ben (editor)  Approved" in line for line in lines)
    assert any("Published" in line for line in lines)
    assert any("Cited a source" in line for line in lines)


def test_history_of_an_unknown_claim_is_one_line(demo_path):
    out = run_main("history", str(demo_path), "zzzz")
    assert out.returncode == 1 and out.stderr.count("\n") == 1


def test_verify_passes_then_catches_an_edited_row(demo_path, tmp_path):
    assert run_main("verify", str(demo_path)).stdout.startswith("History intact")
    copy = tmp_path / "copy.factcheck"
    copy.write_bytes(demo_path.read_bytes())
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 12")
    conn.commit()
    conn.close()
    out = run_main("verify", str(copy))
    assert out.returncode == 1 and "event 12" in out.stdout


def test_check_reports_blocking_findings(demo_path):
    out = run_main("check", str(demo_path), "--status", "draft", "--status", "in_review")
    assert out.returncode == 1
    assert "BLOCKING" in out.stdout and "has no rating" in out.stdout
    ok = run_main("check", str(demo_path), "--status", "published")
    assert ok.returncode == 0, ok.stdout
    assert run_main("check", str(demo_path), "--status", "bogus").returncode == 1


def test_review_from_the_command_line(tmp_path):
    path = tmp_path / "d.factcheck"
    run_main("demo", str(path))
    cid = claim_id(path, "making a lot of drugs")  # in review, written by Ana
    own = run_main("review", str(path), cid[:8], "approve", "--user", "Ana (checker)")
    assert own.returncode == 1 and "four-eyes" in own.stderr
    bad = run_main("review", str(path), cid[:8], "request-changes", "--user", "Ben (editor)")
    assert bad.returncode == 1 and "needs a comment" in bad.stderr
    ok = run_main("review", str(path), cid[:8], "approve", "--user", "Ben (editor)")
    assert ok.returncode == 0 and ok.stdout.startswith("Approved")
