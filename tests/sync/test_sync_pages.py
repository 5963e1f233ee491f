"""A large pull through a real PostgreSQL: page by page into a staging file, taken in at once, resumed after a kill.

A small ``page`` stands for the thousands of events a page holds: the history below comes
down in a dozen rounds. Laptops and logins are ``test_sync.Desk``'s: ben is an editor, ana
a checker; cleo, another checker, pulls the same history in one call to compare with.
"""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from factcheck.core.errors import Cancelled
from factcheck.core.project import Project
from factcheck.sync import client, pull

from . import test_sync, test_sync_batches
from .test_sync import content

desk = test_sync.desk  # the fixture: a desk on a throwaway PostgreSQL
ROOT = test_sync_batches.ROOT
PAGE = 5
#: Every table a pull writes, by its key; a claim's ``revision`` is each copy's own counter.
TABLES = {"articles": "id", "versions": "id", "sources": "id", "claims": "id", "citations": "id", "comments": "id",
          "corrections": "id", "attachments": "id", "claim_tasks": "claim_id, task_id", "settings": "key",
          "blobs": "sha256"}


def rows(p: Project) -> dict:
    """Everything a pull leaves in a copy: its tables, its log (chain included), its evidence files, its cursor."""
    found = {}
    for table, key in TABLES.items():
        cursor = p.store.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [d[0] for d in cursor.description]
        found[table] = [{k: v for k, v in zip(names, r) if k != "revision"} for r in cursor]
    found["events"] = p.store.read("SELECT seq, id, parents, at, actor, action, entity_id, data, prev_hash, hash "
                                   "FROM events ORDER BY seq")
    found["evidence"] = [(sha, size, mime, name, b"".join(p.evidence_chunks(sha))) for sha, size, mime, name in
                         p.store.read("SELECT sha256, size, mime, name FROM evidence_files ORDER BY sha256")]
    found["cursor"] = {k: v for k, v in client.state(p).items() if k in ("cursor", "server_head")}
    return found


def a_long_history(ben: Project, desk, tmp_path) -> None:
    """ben's work before the desk syncs: ``test_sync_batches.a_desks_work``, with tasks, replies and evidence."""
    ben.set_setting("tasks", [{"id": "t1", "label": "Called the source", "required": False},
                              {"id": "t2", "label": "Found the data", "required": False}])
    test_sync_batches.a_desks_work(ben, desk)
    ben.update_claim(desk.claims[1], notes="Reopened the file")
    for claim in desk.claims[:3]:
        ben.tick_task(claim, "t1")
    ben.tick_task(desk.claims[3], "t2")
    asked = ben.add_comment(desk.claims[0], "Which year?").created
    ben.add_comment(desk.claims[0], "2023, the ministry says.", parent_id=asked)
    source = ben.create_source(title="Customs bulletin").created
    scan = tmp_path / "tabla.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400)
    ben.attach(scan, source_id=source, note="Cuadro 4")


def seeded(desk, tmp_path) -> Project:
    """ben's long history, on the server; his copy."""
    ben = desk.laptop("ben")
    a_long_history(ben, desk, tmp_path)
    desk.sync("ben", ben, batch=50)
    return ben


def pages_asked(conn) -> list[str]:
    """The pull calls ``conn`` makes from now on, by function name."""
    calls, real = [], conn.execute

    def execute(query, *args, **kwargs):
        text = str(query)
        calls.extend(name for name in ("pull_events", "pull_rows(", "pull_page", "pull_rows_page", "pull_files_page")
                     if f"factcheck.{name}" in text)
        return real(query, *args, **kwargs)

    conn.execute = execute
    return calls


def stages() -> list:
    """A ``pulling`` that notes what it is told."""
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done, total))

    progress.seen = seen
    return progress


def test_a_pull_in_many_pages_gives_the_copy_a_pull_in_one_call_gives(desk, tmp_path):
    ben = seeded(desk, tmp_path)
    n = len(ben.events())
    desk.add("cleo", "checker")
    cleo = desk.laptop("cleo")
    held = len(cleo.events())  # the seed's
    with desk.conn("cleo") as conn:
        whole = pages_asked(conn)
        assert client.sync(conn, cleo).pulled == n - held
    assert "pull_events" in whole and "pull_page" not in whole  # a pull of less than a page: as it always was
    ana = desk.laptop("ana")
    progress = stages()
    with desk.conn("ana") as conn:
        paged = pages_asked(conn)
        outcome = client.sync(conn, ana, page=PAGE, pulling=progress)
    assert outcome.pulled == n - held and outcome.changes is not None and outcome.pushed == 0
    assert "pull_events" not in paged and paged.count("pull_page") > n // PAGE
    received = [(done, total) for stage, done, total in progress.seen if stage == pull.RECEIVING]
    assert received == sorted(received) and received[0] == (PAGE, n) and received[-1] == (n, n)
    assert progress.seen[-1][0] == pull.TAKING_IN and progress.seen[-1][1] == progress.seen[-1][2]
    assert rows(ana) == rows(cleo)
    assert ana.verify().ok and cleo.verify().ok and content(ana) == content(ben)
    assert [t.id for c in desk.claims[:4] for t in ana.tasks(c) if t.done] == ["t1", "t1", "t1", "t2"]
    assert ana.attachments()[0].stored
    assert not pull.path_of(ana).exists()  # the staging file goes once the pull is in
    assert client.pending(ana) == 0 and desk.sync("ana", ana).pulled == 0


def test_a_task_unticked_in_a_later_push_comes_down_unticked(desk, tmp_path):
    ben = seeded(desk, tmp_path)
    ben.tick_task(desk.claims[0], "t1", done=False)  # the server keeps the row an earlier push sent
    desk.sync("ben", ben)
    ana = desk.laptop("ana")
    desk.sync("ana", ana, page=PAGE)
    desk.add("cleo", "checker")
    cleo = desk.laptop("cleo")
    desk.sync("cleo", cleo)  # in one call
    for p in (ana, cleo):
        assert [t.id for t in p.tasks(desk.claims[0]) if t.done] == []
        assert [t.id for t in p.tasks(desk.claims[1]) if t.done] == ["t1"] and p.verify().ok
    assert rows(ana) == rows(cleo)


def test_a_push_between_two_pages_does_not_tear_the_copy(desk, tmp_path):
    ben = seeded(desk, tmp_path)
    article = ben.articles()[0].id
    ana = desk.laptop("ana")
    pushed = []

    def push_meanwhile(stage, done, total):
        if stage == pull.RECEIVING and len(pushed) == 2:  # rows of the first pages are in ana's staging file
            ben.update_article(article, title="A new title")
            ben.update_claim(desk.claims[0], notes="Changed while ana pulled")
            ben.delete_claim(desk.claims[4])
            ben.create_claim(ben.current_version(article).id, 0, 12)
            desk.sync("ben", ben)
        pushed.append(done)

    held = len(ana.events())
    outcome = desk.sync("ana", ana, page=PAGE, pulling=push_meanwhile)
    assert outcome.pulled == len(ben.events()) - held
    assert ana.verify().ok and content(ana) == content(ben)
    assert ana.articles()[0].title == "A new title" and ana.claim(desk.claims[4]).deleted_at is not None
    desk.add("cleo", "checker")
    cleo = desk.laptop("cleo")
    desk.sync("cleo", cleo)
    assert rows(ana) == rows(cleo)


KILLED_PULL = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from factcheck.core.project import Project
    from factcheck.sync import client

    def progress(stage, done, total):
        print(stage, done, flush=True)
        if stage == {stage!r}:
            sys.stdin.readline()  # the test kills this process here

    with Project.open({path!r}, user="ana") as p, client.connect({dsn!r}) as conn:
        client.sync(conn, p, page={page}, pulling=progress)
""")


def said(laptop: test_sync_batches.Laptop, stage: str) -> None:
    """Read the laptop's progress until it tells of ``stage`` (and waits there)."""
    while True:
        line = laptop.says()
        assert line, "the pull ended before it was killed"
        if line.rpartition(" ")[0] == stage:
            return


@pytest.mark.parametrize("stage", [pull.RECEIVING, pull.TAKING_IN])
def test_a_laptop_killed_mid_pull_keeps_its_copy_as_it_was_and_the_next_sync_goes_on(desk, tmp_path, stage):
    ben = seeded(desk, tmp_path)
    n = len(ben.events())
    ana = desk.laptop("ana")
    before, held = rows(ana), len(ana.events())
    ana.close()
    script = KILLED_PULL.format(root=ROOT, path=str(desk.dir / "ana.factcheck"), dsn=desk.dsn("ana"), page=PAGE,
                                stage=stage)
    laptop = test_sync_batches.Laptop(script)
    try:
        for _ in range(2):
            said(laptop, stage)
            laptop.go_on()
        said(laptop, stage)
    finally:
        laptop.kill()
    ana = desk.laptop("ana")
    assert rows(ana) == before and ana.verify().ok and pull.path_of(ana).exists()
    progress = stages()
    with desk.conn("ana") as conn:
        asked = pages_asked(conn)
        assert client.sync(conn, ana, page=PAGE, pulling=progress).pulled == n - held
    rounds = asked.count("pull_rows_page")  # one a round
    if stage == pull.RECEIVING:  # on from the fourth page, not from the first
        from_the_start = -(-n // PAGE) + 1  # a page of events a round, and a round that finds no more
        assert progress.seen[0][:2] == (pull.RECEIVING, 4 * PAGE) and rounds <= from_the_start - 3
    else:  # all of it had come: only asked whether more came since
        assert rounds == 1
    assert ana.verify().ok and content(ana) == content(ben) and not pull.path_of(ana).exists()
    desk.add("cleo", "checker")
    cleo = desk.laptop("cleo")
    desk.sync("cleo", cleo)
    assert rows(ana) == rows(cleo)


def test_a_pull_whose_staging_file_another_sync_of_the_file_took_in_pulls_again(desk, tmp_path, monkeypatch):
    ben = seeded(desk, tmp_path)
    ana = desk.laptop("ana")
    desk.sync("ana", ana)  # in one call: her copy holds nothing the server lacks, the next pull is a fast-forward
    for i in range(20):
        ben.update_claim(desk.claims[i % 5], notes=f"Note {i}")
    desk.sync("ben", ben)
    held = len(ana.events())
    real, gone = pull.take_in, []

    def meanwhile(project, staged, *args, **kwargs):
        if not gone:  # the app's sync of the same file took it in, and removed the staging file, first
            gone.append(pull.path_of(project).exists())
            pull.discard(project)
        return real(project, staged, *args, **kwargs)

    monkeypatch.setattr(pull, "take_in", meanwhile)
    progress = stages()
    assert desk.sync("ana", ana, page=PAGE, pulling=progress).pulled == len(ben.events()) - held == 20
    # Pulled again from her cursor: not taken in as nothing with the cursor moved on, which the next sync would
    # find out only by not holding the server's head, and pull the whole project again.
    assert {total for stage, _, total in progress.seen if stage == pull.RECEIVING} == {20}
    assert gone == [True] and ana.verify().ok and content(ana) == content(ben)
    assert client.state(ana)["cursor"] == str(len(ben.events())) and not pull.path_of(ana).exists()


def test_a_staging_file_left_after_its_pull_was_taken_in_goes_at_the_next_sync(desk, tmp_path, monkeypatch):
    """Killed between taking the pull in and removing its staging file (hundreds of MB at a desk's scale): the
    next sync removes it, though it brings nothing."""
    ben = seeded(desk, tmp_path)
    ana = desk.laptop("ana")
    with monkeypatch.context() as m:
        m.setattr(pull, "discard", lambda project: None)  # as if killed right after the commit
        desk.sync("ana", ana, page=PAGE)
    assert pull.path_of(ana).exists() and content(ana) == content(ben)
    desk.sync("ana", ana, page=PAGE)  # nothing new on the server
    assert not pull.path_of(ana).exists() and content(ana) == content(ben) and ana.verify().ok


def test_a_stopped_pull_goes_on_and_a_new_link_starts_over(desk, tmp_path):
    seeded(desk, tmp_path)
    ana = desk.laptop("ana")

    def stop_after_two(stage, done, total):
        return done < 2 * PAGE

    with pytest.raises(Cancelled, match="the next sync goes on from there"):
        desk.sync("ana", ana, page=PAGE, pulling=stop_after_two)
    assert pull.path_of(ana).exists() and client.state(ana)["cursor"] == "0"
    client.link(ana, desk.dsn("ana"))
    assert not pull.path_of(ana).exists()
    progress = stages()
    desk.sync("ana", ana, page=PAGE, pulling=progress)
    assert progress.seen[0][:2] == (pull.RECEIVING, PAGE) and ana.verify().ok


def test_a_laptop_given_an_older_copy_reads_every_page_and_takes_in_only_what_it_lacks(desk, tmp_path):
    import shutil

    ben = seeded(desk, tmp_path)
    ben.close()
    shutil.copy(desk.dir / "ben.factcheck", desk.dir / "ana.factcheck")  # ben's file, to ana
    ben = desk.laptop("ben")
    ben.update_claim(desk.claims[3], notes="After the copy")
    desk.sync("ben", ben)
    ana = Project.open(desk.dir / "ana.factcheck", user="ana")
    client.link(ana, desk.dsn("ana"))  # a new link: from the server's start, every event hers but one
    before = len(ana.events())
    progress = stages()
    outcome = desk.sync("ana", ana, page=PAGE, pulling=progress)
    assert (outcome.pulled, outcome.pushed) == (1, 0) and len(ana.events()) == before + 1
    assert [seen for seen in progress.seen if seen[0] == pull.RECEIVING][-1] == (pull.RECEIVING, before + 1, before + 1)
    assert ana.claim(desk.claims[3]).notes == "After the copy" and ana.verify().ok
    assert content(ana) == content(ben) and client.pending(ana) == 0


def test_a_copy_with_changes_of_its_own_merges_a_large_pull(desk, tmp_path):
    ben = seeded(desk, tmp_path)
    ana = desk.laptop("ana")
    held = len(ana.events())
    ana.update_claim(desk.claims[2], statement="Ana's own words")
    outcome = desk.sync("ana", ana, page=PAGE)
    assert outcome.pulled == len(ben.events()) - held and outcome.pushed == 2  # her change and the merge
    assert not pull.path_of(ana).exists()
    assert desk.sync("ben", ben).pulled == 2
    assert content(ana) == content(ben) and ana.verify().ok and ben.verify().ok
    assert ben.claim(desk.claims[2]).statement == "Ana's own words"


#: What schema version 2 had instead of version 3's pages.
VERSION_2 = """
DROP FUNCTION factcheck.pull_page(text, bigint, integer, bigint);
DROP FUNCTION factcheck.pull_rows_page(text, bigint, bigint, text, text, integer, bigint);
DROP FUNCTION factcheck.pull_files_page(text, bigint, bigint, text, integer, bigint);
DROP FUNCTION factcheck.reader(text);
DROP INDEX factcheck.state_rows_page;
DROP INDEX factcheck.blobs_page;
CREATE INDEX state_rows_seq ON factcheck.state_rows (project, seq);
CREATE INDEX blobs_seq ON factcheck.blobs (project, seq);
UPDATE factcheck.meta SET value = '2' WHERE key = 'schema_version';
"""


def indexes(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'factcheck' "
                                       "AND tablename IN ('state_rows', 'blobs') ORDER BY indexname")]


def test_a_server_of_version_2_says_to_be_upgraded_and_init_upgrades_it(desk, tmp_path, pg_db):
    from factcheck.sync import server

    ben = seeded(desk, tmp_path)
    with pg_db.connect() as conn:  # as schema version 2 left it, with ben's history
        conn.execute(VERSION_2)
    ana = desk.laptop("ana")
    with pytest.raises(client.SyncError, match="older than this factcheck: run factcheck server init"):
        desk.sync("ana", ana, page=PAGE)
    assert client.state(ana)["cursor"] == "0"
    assert desk.sync("ana", ana).pulled > PAGE  # a pull of less than a page still works
    with pg_db.connect() as conn:
        assert server.init(conn) == 4 and server.init(conn) == 4  # an upgrade, then nothing more to do
        assert indexes(conn) == ["blobs_page", "blobs_pkey", "state_rows_page", "state_rows_pkey"]
    desk.add("cleo", "checker")
    cleo = desk.laptop("cleo")
    held = len(cleo.events())
    assert desk.sync("cleo", cleo, page=PAGE).pulled == len(ben.events()) - held
    assert rows(cleo) == rows(ana) and cleo.verify().ok


def test_events_larger_than_a_page_come_one_a_page_and_none_is_lost(desk, tmp_path, monkeypatch):
    ben = seeded(desk, tmp_path)
    n = len(ben.events())
    monkeypatch.setattr(pull, "PAGE_CHARS", 1)  # each event (and row) takes a page of its own
    ana = desk.laptop("ana")
    held = len(ana.events())
    progress = stages()
    assert desk.sync("ana", ana, page=PAGE, pulling=progress).pulled == n - held
    received = [done for stage, done, _ in progress.seen if stage == pull.RECEIVING]
    assert sorted(set(received)) == list(range(1, n + 1)) and received == sorted(received)  # one a page
    assert ana.verify().ok and content(ana) == content(ben)


def test_the_command_line_says_how_far_a_long_pull_got(desk, tmp_path, monkeypatch):
    from factcheck import cli

    ben = seeded(desk, tmp_path)
    ana = desk.laptop("ana")
    n, held = len(ben.events()), len(ana.events())
    ana.close()
    monkeypatch.setattr(pull, "PAGE", 10)
    monkeypatch.setenv("PGPASSWORD", desk.roles["ana"].password)
    result = CliRunner().invoke(cli.cli, ["sync", str(desk.dir / "ana.factcheck"), "--user", "ana"])
    assert result.exit_code == 0, result.output
    assert f"Receiving changes: 10 of {n}" in result.output and f"Receiving changes: {n} of {n}" in result.output
    assert "Taking in changes: 10 of" in result.output
    assert f"{n - held} changes came in" in result.output
