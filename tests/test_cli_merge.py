"""``factcheck merge``, ``claim`` and ``claim-new`` from a shell; a merge killed with SIGKILL at any moment."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.core.project import Project

from .conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


class Ran:
    """A command's exit status and what it said (an error's sentence included, as ``main`` prints it)."""

    def __init__(self, result):
        self.exit_code = result.exit_code
        self.output = result.output + (f"Error: {result.exception}" if result.exception else "")


def run(*args):
    return Ran(CliRunner().invoke(cli, [str(a) for a in args]))


def make_copies(tmp_path):
    a, b = tmp_path / "ana.factcheck", tmp_path / "ben.factcheck"
    with Project.create(a, user="ana") as p:
        article_id = p.import_article(imported(TEXT)).created
    shutil.copy(a, b)
    return a, b, article_id


def test_claims_made_and_edited_from_the_shell_merge(tmp_path):
    a, b, article_id = make_copies(tmp_path)
    made = run("claim-new", a, "--article", article_id[:8], "--quote", "unemployment fell by 4%", "--user", "ana")
    assert made.exit_code == 0, made.output
    claim_id = made.output.strip()
    shutil.copy(a, b)
    assert run("claim", a, claim_id[:8], "--rating", "false", "--summary", "It rose.", "--user", "ana").exit_code == 0
    edited = run("claim", b, claim_id, "--rating", "true", "--claimant", "The minister", "--user", "ben")
    assert edited.exit_code == 0 and "Saved" in edited.output

    dry = run("merge", a, b, "--dry-run")
    assert dry.exit_code == 0 and "1 conflicts" in dry.output and "The rating of the claim “" in dry.output
    refused = run("merge", a, b)
    assert refused.exit_code == 1 and "Nothing was merged: 1 conflicts need a choice" in refused.output
    with Project.open(a) as p:
        assert p.claim(claim_id).claimant == ""  # untouched
    done = run("merge", a, b, "--theirs", "--user", "ana")
    assert done.exit_code == 0 and "Merged" in done.output, done.output
    with Project.open(a) as p:
        claim = p.claim(claim_id)
        assert (claim.rating, claim.verdict_summary, claim.claimant) == ("true", "It rose.", "The minister")
        assert p.verify().ok
    assert "Nothing to merge" in run("merge", a, b).output
    assert "Merged" in run("history", a).output


def test_words_not_in_the_article_are_refused(tmp_path):
    a, _, article_id = make_copies(tmp_path)
    result = run("claim-new", a, "--article", article_id, "--quote", "words nobody wrote")
    assert result.exit_code == 1 and "not in the article's current text" in result.output


def test_a_copy_of_another_project_is_refused(tmp_path):
    a, _, _ = make_copies(tmp_path)
    other = tmp_path / "other.factcheck"
    Project.create(other).close()
    result = run("merge", a, other)
    assert result.exit_code == 1 and "not a copy of this project" in result.output


def diverged(tmp_path, n: int):
    """Two copies that each made ``n`` edits since parting (ana's: notes; ben's: statements and new claims)."""
    a, b, article_id = make_copies(tmp_path)
    with Project.open(a, user="ana") as p:
        version = p.current_version(article_id)
        claims = [p.create_claim(version.id, i % 40, i % 40 + 12).created for i in range(20)]
    shutil.copy(a, b)
    with Project.open(a, user="ana") as p, p.batch():
        for i in range(n):
            p.update_claim(claims[i % 20], notes=f"Note {i}")
    with Project.open(b, user="ben") as p, p.batch():
        for i in range(n):
            p.update_claim(claims[i % 20], statement=f"Statement {i}")
    return a, b


def test_a_merge_killed_at_any_moment_leaves_the_project_as_before_or_fully_merged(tmp_path):
    rng = random.Random(42)
    template_a, b = diverged(tmp_path, 3000)
    with Project.open(template_a) as p:
        before = len(p.events())

    def merge(path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "factcheck", "merge", str(path), str(b)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    whole = tmp_path / "whole.factcheck"
    shutil.copy(template_a, whole)
    t0 = time.monotonic()
    assert merge(whole).wait(timeout=120) == 0
    duration = time.monotonic() - t0
    with Project.open(whole) as p:
        after = len(p.events())
    assert after == before + 3000 + 1
    outcomes = []
    for attempt in range(8):
        path = tmp_path / f"killed{attempt}.factcheck"
        shutil.copy(template_a, path)
        process = merge(path)
        time.sleep(rng.uniform(0.4, 1.1) * duration)  # the first part of a run is Python starting
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        with Project.open(path) as p:
            n = len(p.events())
            outcomes.append((code, n))
            assert n in (before, after), outcomes
            assert p.verify().ok
            if n == before:
                assert p.claims()[0].statement == ""
            else:
                assert {c.statement for c in p.claims()} != {""}
    assert any(code == -signal.SIGKILL for code, _ in outcomes), outcomes


def test_a_handoff_written_and_merged_from_the_shell(tmp_path):
    a, b, article_id = make_copies(tmp_path)
    made = run("claim-new", b, "--article", article_id[:8], "--quote", "it rose by 2%", "--user", "ben")
    assert made.exit_code == 0, made.output
    sent = run("handoff", b, "-o", tmp_path / "to-ana", "--to", "ana", "--user", "ben")
    assert sent.exit_code == 0 and "Wrote" in sent.output, sent.output
    path = tmp_path / "to-ana.factcheck-changes"
    assert path.exists()
    dry = run("merge", a, path, "--dry-run", "--user", "ana")
    assert dry.exit_code == 0 and "1 claim" in dry.output, dry.output
    assert run("merge", a, path, "--user", "ana").exit_code == 0
    with Project.open(a) as p:
        assert [c.exact for c in p.claims()] == ["it rose by 2%"] and p.verify().ok
    listed = run("handoff", b, "--list", "--user", "ben")
    assert listed.output.startswith("ana\t") and "lacks 0 changes" in listed.output
    # Nothing new for ana: the next hand-off is empty, and a damaged one is refused in one line.
    again = run("handoff", b, "-o", tmp_path / "again.factcheck-changes", "--to", "ana", "--user", "ben")
    assert "Wrote 0 changes" in again.output
    path.write_bytes(path.read_bytes()[:200])
    refused = run("merge", a, path, "--user", "ana")
    assert refused.exit_code == 1 and "incomplete or damaged" in refused.output
    not_there = run("handoff", b, "--user", "ben")
    assert not_there.exit_code == 1 and "--output FILE" in not_there.output
