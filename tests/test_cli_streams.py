"""``claims``, ``check``, ``history`` and ``export`` read in batches and print as they go; a progress bar
on stderr only when stderr is a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading

import pytest

from factcheck import cli
from factcheck.core import checks, claims, timeline
from factcheck.core.errors import KnownError
from factcheck.core.project import Project
from factcheck.core.text import N_

from .bulk import STATUSES, add_articles
from .conftest import run_cli as run


@pytest.fixture
def desk(tmp_path):
    """Three articles of 40 claims in every status; one fuzzy claim with a long claimant, one retraction."""
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        add_articles(p, 3, 40, statuses=STATUSES)
        first = p.claims()[0]
        p.store.conn.execute("UPDATE claims SET anchor_state = 'fuzzy', claimant = ? WHERE id = ?",
                             ("The Ministry of Finance and Public Credit of Colombia", first.id))
    return path


def expected_claims_table(path, status=None, ids=False) -> str:
    """What ``claims`` printed when it read every claim first (the widths of all rows at once)."""
    with Project.open(path, read_only=True) as p:
        rows = []
        for c in p.claims():
            if status and c.status != status:
                continue
            rating = p.scale.get(c.rating)
            quote = c.exact if c.anchor_state in ("exact", "moved") else f"[{c.anchor_state}] {c.exact}"
            rows.append(([c.id] if ids else []) + [quote, c.claimant, rating.label if rating else "",
                                                   c.status.replace("_", " ")])
    return cli._table((["id"] if ids else []) + ["quote", "claimant", "rating", "status"], rows, wide=1 if ids else 0)


@pytest.mark.parametrize("status", [None, "approved"])
@pytest.mark.parametrize("ids", [False, True])
def test_claims_prints_the_table_it_printed_when_it_read_everything_first(monkeypatch, capsys, desk, status, ids):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    args = ["claims", str(desk)] + (["--status", status] if status else []) + (["--ids"] if ids else [])
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert out == expected_claims_table(desk, status, ids) + "\n"


def test_claims_keeps_its_columns_when_a_cell_has_runs_of_spaces(monkeypatch, capsys, desk):
    """Widths come from SQL, which does not fold spaces: a column may be a little wider, the cells are the same."""
    with Project.open(desk) as p:
        p.store.conn.execute("UPDATE claims SET claimant = ? WHERE id = ?",
                             ("The Ministry of Finance  and  Public Credit   of  Colombia", p.claims()[1].id))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    code, out, _ = run(capsys, "claims", str(desk))
    lines = out.splitlines()
    before = expected_claims_table(desk).splitlines()
    assert lines[0].split() == before[0].split()
    assert [re.split(r"\s{2,}", line) for line in lines[2:]] == [re.split(r"\s{2,}", line) for line in before[2:]]
    starts = {i for i, ch in enumerate(lines[1]) if ch == "-" and (i == 0 or lines[1][i - 1] == " ")}
    for line in lines[2:]:  # every cell starts where its column does
        assert all(line[i - 2:i] == "  " for i in starts if 0 < i < len(line))


def test_claims_lays_out_its_columns_from_the_first_batch_and_keeps_every_character(monkeypatch, capsys, desk):
    """Piped, nothing of the whole project is read before the first rows: a longer cell in a later batch
    pushes the rest of its line right, every character kept, cells still two spaces apart."""
    long = "The Ministry of Finance and Public Credit of the Republic of Colombia, Bogotá 👍🏽"
    with Project.open(desk) as p:
        last = p.claims()[-1]
        p.store.conn.execute("UPDATE claims SET claimant = ? WHERE id = ?", (long, last.id))
    real = claims.Claims.stream
    monkeypatch.setattr(claims.Claims, "stream", lambda self, *args, size=500, **kw: real(self, *args, size=50, **kw))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    code, out, err = run(capsys, "claims", str(desk))
    assert code == 0 and err == ""
    lines = out.splitlines()
    expected = expected_claims_table(desk).splitlines()
    assert len(lines) == len(expected)
    assert [re.split(r"\s{2,}", line) for line in lines[2:]] == [re.split(r"\s{2,}", line) for line in expected[2:]]
    assert long in lines[-1]
    assert lines[2 + 60] != expected[2 + 60]  # the second batch's claimants padded to the first batch's widest
    assert lines[2:52] == [line[:len(lines[1])].rstrip() for line in lines[2:52]]  # the first batch fits its widths


def test_claims_prints_the_first_rows_before_reading_the_rest(monkeypatch, capsys, desk):
    """A failure after the first batch: the rows of that batch are already out."""
    real = claims.Claims.stream

    def first_batch_then_fail(self, *args, **kwargs):
        batches = real(self, *args, **kwargs)
        yield next(batches)
        raise KnownError(N_("The disk went away."))

    monkeypatch.setattr(claims.Claims, "stream", first_batch_then_fail)
    code, out, err = run(capsys, "claims", str(desk))
    assert code == 1 and err == "Error: The disk went away.\n"
    assert len(out.splitlines()) == 2 + 120  # the header, then the first batch: all three articles of 40


def test_check_prints_each_claim_s_findings_as_it_goes(monkeypatch, capsys, desk):
    with Project.open(desk, read_only=True) as p:
        findings = checks.check_project(p)
        quotes = {c.id: c.exact for c in p.claims()}
    code, out, err = run(capsys, "check", str(desk))
    blocking = [f for f in findings if f.blocking]
    assert code == (1 if blocking else 0)
    lines = out.splitlines()
    assert lines[-1] == f"{len(blocking)} blocking, {len(findings) - len(blocking)} warnings."
    shown = [line for line in lines if line.startswith("“")]
    assert len(shown) == len({f.claim_id for f in findings})
    assert shown[0].startswith("“" + " ".join(quotes[findings[0].claim_id].split())[:70])

    monkeypatch.setattr(checks, "BATCH", 5)
    real = checks.iter_findings

    def stop_after_two_batches(project, batches, **kwargs):
        for i, item in enumerate(real(project, batches, **kwargs)):
            if i == 10:
                raise KnownError(N_("The disk went away."))
            yield item

    with Project.open(desk, read_only=True) as p:  # claims with findings among the first 13 checked
        said = sum(1 for _, found in list(checks.iter_project(p))[:13] if found)
    monkeypatch.setattr(checks, "iter_findings", stop_after_two_batches)
    code, partial, err = run(capsys, "check", str(desk))
    assert code == 1 and err == "Error: The disk went away.\n"
    assert partial and out.startswith(partial)  # what was checked before the failure was printed

    def stop_within_the_third_batch(project, batches, **kwargs):
        for i, item in enumerate(real(project, batches, **kwargs)):
            if i == 13:
                raise KnownError(N_("The disk went away."))
            yield item

    monkeypatch.setattr(checks, "iter_findings", stop_within_the_third_batch)
    code, partial, err = run(capsys, "check", str(desk))
    assert code == 1 and err == "Error: The disk went away.\n"
    assert out.startswith(partial) and sum(line.startswith("“") for line in partial.splitlines()) == said


def test_history_is_printed_in_batches_as_before(monkeypatch, capsys, tmp_path):
    path = tmp_path / "h.factcheck"
    with Project.create(path, user="ana") as p:
        add_articles(p, 1, 3)
        for c in p.claims():
            p.update_claim(c.id, claimant="Somebody")
    with Project.open(path, read_only=True) as p:
        expected = []
        for e in p.events():
            expected.append(f"{e.at}  {e.actor}  {timeline.describe(e, p.scale)}")
            expected += [f"    {line}" for line in timeline.changes(e, p.scale)]
        claim_id = p.claims()[0].id
        one = [e for e in p.events() if e.entity_id == claim_id]
    real = Project.event_batches
    monkeypatch.setattr(Project, "event_batches", lambda self, entity_id=None, size=500: real(self, entity_id, 2))
    code, out, _ = run(capsys, "history", str(path))
    assert code == 0 and out.splitlines() == expected
    code, out, _ = run(capsys, "history", str(path), claim_id[:8])
    assert code == 0 and len([line for line in out.splitlines() if not line.startswith("    ")]) == len(one) == 1


def test_events_come_in_batches_of_the_size_asked(tmp_path):
    with Project.create(tmp_path / "e.factcheck", user="ana") as p:
        add_articles(p, 1, 3)
        everything = p.events()
        batches = list(p.event_batches(size=2))
        assert [len(b) for b in batches][:-1] == [2] * (len(batches) - 1)
        assert [e for b in batches for e in b] == everything


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, desk, tmp_path):
    for args in (["export", str(desk), "-f", "csv", "-o", str(tmp_path / "out.csv")], ["claims", str(desk)],
                 ["check", str(desk)]):
        code, out, err = run(capsys, *args)
        assert "\r" not in err and "\x1b" not in err and "[#" not in err and "[-" not in err


def run_on_a_terminal(*args: str) -> tuple[int, str, str]:
    """``factcheck ARGS`` in a process whose stderr is a terminal (a pty) and stdout a pipe."""
    leader, follower = pty.openpty()
    env = dict(os.environ, COLUMNS="100")
    env.pop("FACTCHECK_NO_PROGRESS", None)
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=subprocess.PIPE, stderr=follower,
                            env=env)
    os.close(follower)
    chunks: list[bytes] = []

    def read_terminal() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the process ended and closed its end
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    with proc.stdout:
        out = proc.stdout.read()
    proc.wait(timeout=60)
    reader.join(timeout=60)
    os.close(leader)
    return proc.returncode, out.decode("utf-8"), b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="no pty")
@pytest.mark.parametrize("command,label", [("export", "Exporting"), ("claims", "Listing claims"),
                                           ("check", "Checking claims")])
def test_a_progress_bar_on_a_terminal(desk, tmp_path, command, label):
    args = {"export": ["export", str(desk), "-f", "csv", "-o", str(tmp_path / "out.csv"), "--status", "draft",
                       "--status", "in_review", "--status", "approved", "--status", "published"],
            "claims": ["claims", str(desk)], "check": ["check", str(desk), "--status", "draft"]}[command]
    code, out, err = run_on_a_terminal(*args)
    assert code in (0, 1), err
    total = 30 if command == "check" else 120
    assert f"{label} [" in err and f"100% {total}/{total}" in err
    assert err.endswith("\r\x1b[K")  # the bar is cleared at the end
    assert "[#" not in out and "\x1b" not in out  # never in what goes to a file or a pipe
    if command == "claims":
        assert out.count("\n") == 2 + 120
