"""Pushes in batches through a real PostgreSQL: published whole or not at all, resumed after a stop, the seed.

A small ``batch`` stands for the thousands of events a batch holds: the history below
goes up in a dozen calls. Laptops and logins are ``test_sync.Desk``'s: ben is an editor,
ana a checker.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time

import psycopg
import pytest
from click.testing import CliRunner

from factcheck.core import events, workflow
from factcheck.core.errors import Cancelled
from factcheck.core.project import Project
from factcheck.sync import client, server

from ..conftest import imported
from . import test_sync
from .test_sync import TEXT, content

desk = test_sync.desk  # the fixture: a desk on a throwaway PostgreSQL
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
#: Seconds a laptop's process may take to say its next line: far more than a batch or a page takes on a loaded
#: machine. Past them the test fails, with the process's stack on stderr, rather than wait for ever.
SAY_S = 120


class Laptop:
    """A sync in a process of its own (``script``, which prints its progress), to be killed half way."""

    def __init__(self, script: str):
        # Its stack on SIGUSR1 (on stderr, which the test's report shows): where it is when it says nothing.
        script = "import faulthandler, signal\nfaulthandler.register(signal.SIGUSR1, all_threads=True)\n" + script
        self.process = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")  # it ended

    def says(self) -> str:
        """Its next line ("" once it ended)."""
        try:
            return self.lines.get(timeout=SAY_S)
        except queue.Empty:
            self.process.send_signal(signal.SIGUSR1)
            time.sleep(1)
            pytest.fail(f"the laptop's process said nothing for {SAY_S} s (its stack is on stderr)")

    def go_on(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        """SIGKILL, as a laptop's battery dies; then its pipes are closed."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.reader.join()
        self.process.stdin.close()
        self.process.stdout.close()


def a_desks_work(p: Project, desk) -> None:
    """Work done on ben's laptop before the desk syncs: a second article, sources, ratings, reviews, approvals.

    Ana rated the claims; ben, the editor, approved three at the end. All of it goes up in
    ben's name, so outside the seed the server would refuse those approvals (four-eyes: ben
    pushed the verdicts too).
    """
    second = p.import_article(imported(TEXT[:900], title="Second", name="second.txt")).created
    version = p.current_version(second).id
    claims = desk.claims + [p.create_claim(version, i * 60, i * 60 + 20).created for i in range(3)]
    sources = [p.create_source(title=f"Source {i}", url=f"https://example.org/{i}").created for i in range(3)]
    p.user = "ana"
    for i, claim in enumerate(claims):
        p.update_claim(claim, rating="false", verdict_summary=f"Wrong, figure {i}.")
        p.cite(claim, sources[i % len(sources)], "contradicts")
        p.add_comment(claim, f"Checked against source {i % len(sources)}")
        p.review(claim, workflow.SUBMIT)
    p.user = "ben"
    for claim in claims[-3:]:
        p.review(claim, workflow.APPROVE)


def counting(conn) -> list[str]:
    """The push calls ``conn`` makes from now on (their SQL), listed as they are made."""
    calls, real = [], conn.execute

    def execute(query, *args, **kwargs):
        if "factcheck.push" in str(query):
            calls.append(str(query))
        return real(query, *args, **kwargs)

    conn.execute = execute
    return calls


def stop_after(batches: int):
    """A ``progress`` that stops the push once ``batches`` batches went up (as the app does when it closes)."""
    seen = []

    def progress(sent, total):
        seen.append((sent, total))
        return len(seen) < batches

    progress.seen = seen
    return progress


def on_server(desk) -> dict:
    with desk.db.connect() as conn:
        counter, push_by, unfinished = conn.execute(
            "SELECT counter, push_by, push_seq - counter FROM factcheck.projects WHERE id = %s",
            (desk.project_id,)).fetchone()
        ids = [r[0] for r in conn.execute("SELECT id FROM factcheck.events WHERE project = %s", (desk.project_id,))]
    return {"counter": counter, "push_by": push_by, "unfinished": unfinished, "events": len(ids),
            "distinct": len(set(ids))}


def fresh_copy(desk, name: str) -> Project:
    """A laptop that joins now: the project file as it was before the desk's work, linked, pulling the rest."""
    return desk.laptop(name)


def test_a_push_in_small_batches_arrives_whole_and_a_copy_that_pulls_it_verifies(desk):
    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())
    with desk.conn("ben") as conn:
        calls = counting(conn)
        outcome = client.sync(conn, ben, batch=5)
    assert outcome.pushed == n
    assert sum("push(" in c for c in calls) >= n // 5  # one call per batch at least (files go in calls of their own)
    assert on_server(desk) == {"counter": n, "push_by": None, "unfinished": None, "events": n, "distinct": n}
    assert client.pending(ben) == 0 and client.state(ben)["cursor"] == str(n)
    ana = fresh_copy(desk, "ana")
    before = len(ana.events())
    assert desk.sync("ana", ana).pulled == n - before
    assert content(ana) == content(ben) and ana.verify().ok
    assert [c.status for c in ana.claims()] == [c.status for c in ben.claims()]
    assert sum(c.status == "approved" for c in ana.claims()) == 3  # the seed's approvals came with it


def test_nothing_of_an_unfinished_push_is_pulled_and_others_wait_for_it(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    seeded = on_server(desk)["counter"]
    for i in range(12):
        ben.update_claim(desk.claims[i % 5], notes=f"Ben's note {i}")
    with desk.conn("ben") as conn, pytest.raises(Cancelled):
        client.sync(conn, ben, batch=4, progress=stop_after(2))
    assert on_server(desk) | {"events": 0, "distinct": 0} == {
        "counter": seeded, "push_by": desk.roles["ben"].name, "unfinished": 8, "events": 0, "distinct": 0}
    assert client.pending(ben) == 12 and client.state(ben)["cursor"] == str(seeded)  # the laptop's file: as before
    with desk.conn("ana") as conn:
        assert client.fetch(conn, ana).received is None  # the 8 events are not published
    ana.update_claim(desk.claims[0], statement="Ana meanwhile")
    with pytest.raises(client.Busy, match="is sending a large set of changes") as busy:
        desk.sync("ana", ana)
    assert desk.roles["ben"].name in str(busy.value)
    outcome = desk.sync("ben", ben, batch=4)
    assert outcome.pushed == 12 and on_server(desk)["counter"] == seeded + 12
    assert desk.sync("ana", ana).pulled == 12
    assert ana.claim(desk.claims[1]).notes == "Ben's note 11" and ana.verify().ok


def test_a_push_stopped_between_batches_goes_on_from_there(desk):
    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())
    progress = stop_after(3)
    with desk.conn("ben") as conn, pytest.raises(Cancelled, match="the next sync goes on from there"):
        client.sync(conn, ben, batch=5, progress=progress)
    assert progress.seen == [(5, n), (10, n), (15, n)]
    assert on_server(desk)["unfinished"] == 15 and on_server(desk)["counter"] == 0
    assert client.state(ben).get("cursor") == "0"
    resumed = []
    with desk.conn("ben") as conn:
        calls = counting(conn)
        outcome = client.sync(conn, ben, batch=5, progress=lambda sent, total: resumed.append(sent))
    assert outcome.pushed == n and resumed[0] == 20  # on from the 16th event, not from the first
    assert sum("push(" in c for c in calls) < n // 5
    assert on_server(desk) == {"counter": n, "push_by": None, "unfinished": None, "events": n, "distinct": n}
    ana = fresh_copy(desk, "ana")
    desk.sync("ana", ana)
    assert content(ana) == content(ben) and ana.verify().ok


def test_a_server_stopped_between_batches_loses_nothing(desk, pg_db):
    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())

    def stop_the_server(sent, total):
        if sent >= 10:
            pg_db.server.stop()

    try:
        with desk.conn("ben") as conn, pytest.raises(client.Offline):
            client.sync(conn, ben, batch=5, progress=stop_the_server)
    finally:
        pg_db.server.start()
    assert on_server(desk)["counter"] == 0 and on_server(desk)["unfinished"] == 10  # committed batches stay
    assert client.pending(ben) == n and ben.verify().ok
    assert desk.sync("ben", ben, batch=5).pushed == n
    assert on_server(desk) == {"counter": n, "push_by": None, "unfinished": None, "events": n, "distinct": n}


KILLED_PUSH = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from factcheck.core.project import Project
    from factcheck.sync import client

    def progress(sent, total):
        print(sent, flush=True)
        sys.stdin.readline()  # the test kills this process here, between two batches

    with Project.open({path!r}, user="ben") as p, client.connect({dsn!r}) as conn:
        client.sync(conn, p, batch=5, progress=progress)
""")


def test_a_laptop_killed_mid_push_resumes_and_applies_nothing_twice(desk):
    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())
    ben.close()
    script = KILLED_PUSH.format(root=ROOT, path=str(desk.dir / "ben.factcheck"), dsn=desk.dsn("ben"))
    laptop = Laptop(script)
    try:
        for _ in range(2):
            assert laptop.says().strip()
            laptop.go_on()
        assert laptop.says().strip() == "15"
    finally:
        laptop.kill()
    assert on_server(desk)["unfinished"] == 15
    ben = desk.laptop("ben")
    assert ben.verify().ok and client.state(ben).get("cursor") == "0"
    assert desk.sync("ben", ben, batch=5).pushed == n
    assert on_server(desk) == {"counter": n, "push_by": None, "unfinished": None, "events": n, "distinct": n}
    ana = fresh_copy(desk, "ana")
    desk.sync("ana", ana)
    assert content(ana) == content(ben) and ana.verify().ok


def test_the_seed_spans_batches_and_no_one_else_is_seeding_meanwhile_or_after(desk):
    from factcheck import translation

    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())
    with desk.conn("ben") as conn, pytest.raises(Cancelled):
        client.sync(conn, ben, batch=5, progress=stop_after(2))
    # A checker syncing meanwhile is told who is putting the project on the server.
    ana = desk.laptop("ana")
    with pytest.raises(client.Busy, match="is putting this project on the server") as busy:
        desk.sync("ana", ana)
    assert desk.roles["ben"].name in str(busy.value)
    spanish = translation.localise(busy.value, translation.core_catalogue("es").get)
    assert desk.roles["ben"].name in spanish and "is putting" not in spanish and "busy" not in spanish
    # So is another editor: the seed is ben's until he ends it.
    desk.add("cleo", "editor")
    cleo = desk.laptop("cleo")
    with pytest.raises(client.Busy, match="is putting this project on the server"):
        desk.sync("cleo", cleo)
    # Ben's next sync goes on with the seed: the approvals in its later batches are still the seed's.
    assert desk.sync("ben", ben, batch=5).pushed == n
    approvals = [r for r in desk.server_events() if r[1] in {e.id for e in ben.events() if e.action == "claim.approve"}]
    assert len(approvals) == 3 and approvals[0][0] > 10  # in the batches after the stop
    # After the seed every rule holds, for ben too: an approval of a verdict he pushed himself.
    with ben.store.transaction():
        events.append(ben.store, "Someone Else", "claim.update", "claim", desk.claims[4],
                      {"before": {"rating": "false"}, "after": {"rating": "true"}})
        events.append(ben.store, "ben", "claim.approve", "claim", desk.claims[4],
                      {"before": {"status": "in_review"}, "after": {"status": "approved"}, "approved_state": "0" * 32})
    with pytest.raises(client.Refused, match="four-eyes"):
        desk.sync("ben", ben, batch=5)
    # And a client that says it continues the seed after it ended is refused: the server decides.
    with desk.conn("ben") as conn, pytest.raises(client.Behind):
        client._call(conn, lambda: conn.execute(
            "SELECT factcheck.push(%s, 'x', %s, %s, '[]', '[]', true)", (desk.project_id, n, ben.events()[-3].id)))
    assert on_server(desk)["counter"] == n and client.pending(ben) == 2  # both wait on ben's laptop


def test_a_push_left_unfinished_too_long_is_taken_back_by_the_next_one(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    seeded = on_server(desk)["counter"]
    for i in range(9):
        ana.update_claim(desk.claims[i % 5], notes=f"Ana's note {i}")
    with desk.conn("ana") as conn, pytest.raises(Cancelled):
        client.sync(conn, ana, batch=3, progress=stop_after(1))
    ben.update_claim(desk.claims[4], statement="Ben's words")
    with pytest.raises(client.Busy):
        desk.sync("ben", ben)
    with desk.db.connect() as conn:  # ana's laptop went quiet half an hour ago
        conn.execute("UPDATE factcheck.projects SET push_at = now() - interval '30 minutes' WHERE id = %s",
                     (desk.project_id,))
    assert desk.sync("ben", ben).pushed == 1
    assert on_server(desk) == {"counter": seeded + 1, "push_by": None, "unfinished": None, "events": seeded + 1,
                               "distinct": seeded + 1}  # ana's three were taken back, never published
    outcome = desk.sync("ana", ana, batch=3)
    assert outcome.pulled == 1 and outcome.pushed == 10  # her nine notes and the merge, from the start again
    assert desk.sync("ben", ben).pulled == 10
    assert content(ana) == content(ben) and ana.verify().ok and ben.verify().ok


def test_a_refused_event_in_a_later_batch_holds_back_only_what_follows_it(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    for i in range(7):
        ana.update_claim(desk.claims[0], notes=f"Ana, {i}")
    with ana.store.transaction():  # an approval by ben that came to ana's copy from elsewhere
        claim = ana.claim(desk.claims[1])
        events.append(ana.store, "ben", "claim.approve", "claim", desk.claims[1],
                      {"before": {"status": claim.status}, "after": {"status": "approved"},
                       "approved_state": workflow.verdict_state(claim)})
        ana.store.execute("UPDATE claims SET status = 'approved', approved_by = 'ben', approved_at = ? WHERE id = ?",
                          (ana.events()[-1].at, desk.claims[1]))
    ana.update_claim(desk.claims[2], notes="Ana, after it.")
    before = on_server(desk)["counter"]
    with pytest.raises(client.HeldBack) as info:
        desk.sync("ana", ana, batch=3)
    assert (info.value.sent, info.value.waiting) == (7, 2)
    assert on_server(desk) | {"events": 0, "distinct": 0} == {
        "counter": before + 7, "push_by": None, "unfinished": None, "events": 0, "distinct": 0}
    assert client.pending(ana) == 2


def test_an_older_server_is_upgraded_by_init_and_says_so_until_then(desk, pg_db):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    with pg_db.connect() as conn:  # as factcheck 1 left it: no batches, no push_state
        conn.execute("DROP FUNCTION factcheck.push_state(text)")
    ben.update_claim(desk.claims[0], notes="After the upgrade")
    with pytest.raises(client.SyncError, match="older than this factcheck: run factcheck server init"):
        desk.sync("ben", ben)
    with pg_db.connect() as conn:
        assert server.init(conn) == server.SCHEMA_VERSION == 4
        assert conn.execute("SELECT value FROM factcheck.meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    assert desk.sync("ben", ben).pushed == 1


def test_a_factcheck_1_push_in_one_call_still_works(desk):
    ben = desk.laptop("ben")
    sent, rows, _, _ = client.outgoing(ben, [e.id for e in ben.events()])
    with desk.conn("ben") as conn:
        counter = client._call(conn, lambda: conn.execute(
            "SELECT factcheck.push(%s, 'desk', 0, %s::jsonb, %s::jsonb, '[]')",
            (desk.project_id, client.json.dumps(sent), client.json.dumps(rows))).fetchone()[0])
        conn.commit()
    assert counter == len(sent) and on_server(desk)["push_by"] is None
    ana = desk.laptop("ana")
    assert desk.sync("ana", ana).pushed == 0 and ana.verify().ok


def test_the_command_line_says_how_far_a_long_push_got(desk, monkeypatch):
    from factcheck import cli

    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    n = len(ben.events())
    ben.close()
    monkeypatch.setattr(client, "BATCH", 10)
    monkeypatch.setenv("PGPASSWORD", desk.roles["ben"].password)
    result = CliRunner().invoke(cli.cli, ["sync", str(desk.dir / "ben.factcheck"), "--user", "ben"])
    assert result.exit_code == 0, result.output
    assert f"Sending changes: 10 of {n}" in result.output and f"Sending changes: {n} of {n}" in result.output
    assert f"{n} went up" in result.output


def test_a_stranger_cannot_see_or_take_an_unfinished_push(desk):
    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    with desk.conn("ben") as conn, pytest.raises(Cancelled):
        client.sync(conn, ben, batch=5, progress=stop_after(1))
    with desk.conn("ana") as conn:
        assert conn.execute("SELECT * FROM factcheck.push_state(%s)", (desk.project_id,)).fetchall() == []
        with pytest.raises(psycopg.Error, match="not where it says|still sending"):
            conn.execute("SELECT factcheck.push(%s, 'x', 0, %s, '[]', '[]', true)",
                         (desk.project_id, ben.events()[4].id))
    assert on_server(desk)["unfinished"] == 5


def test_a_laptop_given_an_up_to_date_copy_reads_nothing_it_holds(desk):
    import shutil

    ben = desk.laptop("ben")
    a_desks_work(ben, desk)
    desk.sync("ben", ben, batch=5)
    n = len(ben.events())
    ben.close()
    shutil.copy(desk.dir / "ben.factcheck", desk.dir / "ana.factcheck")  # ben's file, cursor and all, to ana
    ana = Project.open(desk.dir / "ana.factcheck", user="ana")
    client.link(ana, desk.dsn("ana"))  # a new link: from the server's start
    ana.update_claim(desk.claims[0], notes="Ana's first")
    with desk.conn("ana") as conn:
        pulls = []
        real = conn.execute
        conn.execute = lambda query, *a, **k: (pulls.append(str(query)) if "pull_" in str(query) else None,
                                                real(query, *a, **k))[1]
        outcome = client.sync(conn, ana, batch=5)
    assert pulls == [] and (outcome.pulled, outcome.pushed) == (0, 1)
    assert client.state(ana)["cursor"] == str(n + 1) and client.pending(ana) == 0
    ben = desk.laptop("ben")
    assert desk.sync("ben", ben).pulled == 1 and ben.claim(desk.claims[0]).notes == "Ana's first"
