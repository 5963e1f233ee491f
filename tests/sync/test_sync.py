"""Sync through a real PostgreSQL (started by conftest.py): pull, merge, push; the server's rules; bad bodies.

Laptops are project files, each with its own connection as its own PostgreSQL login.
"""

from __future__ import annotations

import random
import shutil
import threading

import psycopg
import pytest
from psycopg.types.json import Jsonb

from factcheck.core import events, merge, workflow
from factcheck.core.project import Project
from factcheck.sync import client, server

from ..conftest import imported

TEXT = " ".join(f"Sentence {i} says the figure was {i * 7} percent last year." for i in range(30))


class Desk:
    """The test database set up as a desk: an editor (ben), checkers (ana, more on demand), one project."""

    def __init__(self, pg_db, tmp_path):
        self.db, self.dir = pg_db, tmp_path
        self.roles = {}
        self.seed = tmp_path / "desk.factcheck"
        with Project.create(self.seed, user="ben") as p:
            article = p.import_article(imported(TEXT)).created
            self.version = p.current_version(article).id
            self.claims = [p.create_claim(self.version, i * 60, i * 60 + 20).created for i in range(5)]
            self.project_id = events.project_id(p.store)
        with pg_db.connect() as conn:
            server.init(conn)
        self.add("ben", "editor")
        self.add("ana", "checker")

    def add(self, name: str, role: str):
        made = self.db.make_role(name)
        with self.db.connect() as conn:
            server.add_user(conn, made.name, None)
            server.grant(conn, self.project_id, made.name, role, "desk")
        self.roles[name] = made
        return made

    def laptop(self, name: str) -> Project:
        """The person's copy of the project (copied from the seed the first time), linked to the server."""
        path = self.dir / f"{name}.factcheck"
        if not path.exists():
            shutil.copy(self.seed, path)
        p = Project.open(path, user=name)
        if not client.linked_dsn(p):
            client.link(p, self.dsn(name))
        return p

    def dsn(self, name: str) -> str:
        role = self.roles[name]
        return self.db.dsn(role.name, role.password)

    def conn(self, name: str):
        return client.connect(self.dsn(name))

    def sync(self, name: str, p: Project, **kwargs) -> client.Outcome:
        with self.conn(name) as conn:
            return client.sync(conn, p, **kwargs)

    def server_events(self) -> list[tuple]:
        with self.db.connect() as conn:
            return conn.execute("SELECT seq, id, pushed_by FROM factcheck.events WHERE project = %s ORDER BY seq",
                                (self.project_id,)).fetchall()


@pytest.fixture
def desk(pg_db, tmp_path):
    return Desk(pg_db, tmp_path)


def content(p: Project):
    return (sorted((c.id, c.statement, c.notes, c.rating, c.verdict_summary, c.status, c.deleted_at is None)
                   for c in p.claims(include_deleted=True)),
            sorted((s.id, s.title) for s in p.sources(include_deleted=True)),
            sorted(c.id for c in p.citations()), len(p.comments()))


def test_two_laptops_exchange_their_work(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    first = desk.sync("ben", ben)
    assert first.pushed == len(ben.events()) and first.pulled == 0
    assert desk.sync("ana", ana).pulled == 0  # ana's copy is the same file: nothing new
    ana.update_claim(desk.claims[0], statement="The figure was 0 percent.", rating="false")
    source = ana.create_source(title="Statistics office").created
    ana.cite(desk.claims[0], source, "contradicts")
    ben.update_claim(desk.claims[1], notes="Ask the ministry.")
    assert desk.sync("ana", ana).pushed == 3
    outcome = desk.sync("ben", ben)
    assert outcome.pulled == 3 and outcome.pushed == 2  # his note and the merge event
    assert desk.sync("ana", ana).pulled == 2
    assert content(ana) == content(ben) and ana.verify().ok and ben.verify().ok
    assert client.pending(ana) == 0 and client.pending(ben) == 0
    ids = [r[1] for r in desk.server_events()]
    assert len(ids) == len(set(ids)) == len(ben.events())
    # Who pushed what is the server's login, not the name typed on the laptop.
    pushed_by = {r[1]: r[2] for r in desk.server_events()}
    assert pushed_by[ana.events()[-3].id] == desk.roles["ana"].name


def test_the_same_claim_edited_on_two_offline_laptops_is_one_conflict(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    ana.update_claim(desk.claims[2], statement="Ana's words")
    ben.update_claim(desk.claims[2], statement="Ben's words")
    desk.sync("ana", ana)
    outcome = desk.sync("ben", ben)
    assert outcome.conflicts is not None and [c.field for c in outcome.conflicts.conflicts] == ["statement"]
    assert outcome.pushed == 0 and ben.claim(desk.claims[2]).statement == "Ben's words"  # nothing written yet
    chosen = {outcome.conflicts.conflicts[0].key: merge.THEIRS}
    settled = desk.sync("ben", ben, resolutions=chosen)
    assert settled.conflicts is None and settled.pushed == 2
    assert desk.sync("ana", ana).conflicts is None  # shown once: ana takes the settled value
    assert ana.claim(desk.claims[2]).statement == ben.claim(desk.claims[2]).statement == "Ana's words"


def test_ten_laptops_editing_at_once_lose_nothing(desk):
    names = [f"c{i}" for i in range(9)]
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    ben.close()
    for name in names:
        desk.add(name, "checker")
    errors = []

    def work(name: str, seed: int) -> None:
        rng = random.Random(seed)
        try:
            with desk.laptop(name) as p, desk.conn(name) as conn:
                for step in range(6):
                    claim = desk.claims[rng.randrange(len(desk.claims))]
                    p.update_claim(claim, notes=f"{name} note {step}")  # notes: the same field, on purpose
                    p.create_source(title=f"{name} source {step}")
                    client.sync(conn, p, prefer=merge.OURS)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append((name, exc))

    threads = [threading.Thread(target=work, args=(n, i)) for i, n in enumerate(names + ["ben"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    laptops = {n: desk.laptop(n) for n in names + ["ben"]}
    for _ in range(2):  # everyone syncs until nothing moves
        for name, p in laptops.items():
            desk.sync(name, p, prefer=merge.OURS)
    contents = {n: content(p) for n, p in laptops.items()}
    assert len({repr(c) for c in contents.values()}) == 1
    sources = contents["ben"][1]
    assert len(sources) == 10 * 6  # every source every laptop made
    ids = [r[1] for r in desk.server_events()]
    assert len(ids) == len(set(ids))
    for p in laptops.values():
        assert p.verify().ok
        p.close()


def test_a_checkers_patched_client_cannot_approve(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    # A client that skipped the app's rules: an approval written straight into the log.
    with ana.store.transaction():
        events.append(ana.store, "ana", "claim.approve", "claim", desk.claims[0],
                      {"before": {"status": "in_review"}, "after": {"status": "approved"}})
    before = desk.server_events()
    with pytest.raises(client.Refused, match="only an editor may approve"):
        desk.sync("ana", ana)
    assert desk.server_events() == before


def test_four_eyes_is_the_server_login_not_the_typed_name(desk):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    # Ben types another name on his laptop, changes a verdict, then approves it.
    with ben.store.transaction():
        events.append(ben.store, "Someone Else", "claim.update", "claim", desk.claims[3],
                      {"before": {"rating": None}, "after": {"rating": "false"}})
        events.append(ben.store, "Ben", "claim.approve", "claim", desk.claims[3],
                      {"before": {"status": "in_review"}, "after": {"status": "approved"}, "approved_state": "0" * 32})
    with pytest.raises(client.Refused, match="four-eyes") as info:
        desk.sync("ben", ben)
    assert info.value.code == "four-eyes" and info.value.event_id == ben.events()[-1].id


def _rated_in_review(p: Project, claim_id: str, rater: str) -> None:
    """``rater`` rates the claim and submits it, on ``p`` (written in that name, as on a shared laptop)."""
    p.user = rater
    p.update_claim(claim_id, rating="false", verdict_summary="The figure was lower.")
    p.cite(claim_id, p.create_source(title="Statistics office", url="https://example.org/stats").created, "contradicts")
    p.review(claim_id, workflow.SUBMIT)


def _approval_written_as(p: Project, claim_id: str, name: str) -> None:
    """An approval in ``name`` written straight into the log, as a client that skipped the laptop's rules would."""
    with p.store.transaction():
        claim = p.claim(claim_id)
        events.append(p.store, name, "claim.approve", "claim", claim_id,
                      {"before": {"status": claim.status}, "after": {"status": "approved"},
                       "approved_state": workflow.verdict_state(claim)})


def test_the_editor_who_brought_the_history_approves_a_verdict_someone_else_wrote_in_it(desk):
    """The seed's events are all pushed by the editor who brings them; a verdict Ana wrote in that history is still
    Ana's for four-eyes, so the editor can approve it once the desk syncs (the walk found it refused)."""
    ben = desk.laptop("ben")
    _rated_in_review(ben, desk.claims[0], "ana")
    _rated_in_review(ben, desk.claims[1], "ben")  # one ben wrote himself
    desk.sync("ben", ben)  # the seed
    ben.user = "ben"
    ben.review(desk.claims[0], workflow.APPROVE)
    assert desk.sync("ben", ben).pushed == 1 and client.pending(ben) == 0
    # His own verdict in the history stays his: the laptop refuses it, and so does the server for a client
    # that skips the laptop's rule.
    assert "four-eyes" in ben.managers.review.refusal(workflow.APPROVE, ben.claim(desk.claims[1]))
    _approval_written_as(ben, desk.claims[1], "ben")
    with pytest.raises(client.Refused, match="ben last changed this verdict"):
        desk.sync("ben", ben)


def test_a_project_seeded_before_schema_4_keeps_crediting_its_history_to_the_seeding_login(desk):
    ben = desk.laptop("ben")
    _rated_in_review(ben, desk.claims[0], "ana")
    desk.sync("ben", ben)
    with desk.db.connect() as conn:  # where the seed ended was not kept before version 4
        conn.execute("UPDATE factcheck.projects SET seeded_to = NULL WHERE id = %s", (desk.project_id,))
    ben.user = "ben"
    ben.review(desk.claims[0], workflow.APPROVE)
    with pytest.raises(client.Refused, match="four-eyes"):
        desk.sync("ben", ben)


def test_the_seeding_editor_cannot_approve_his_own_seeded_verdict_under_another_name(desk):
    """Only names can be compared for a verdict of the seed: the approval's, and every name the login pushed under
    since. Ben, who wrote it as "ben" and has pushed as "ben" since, types "Ben B." for the approval alone."""
    ben = desk.laptop("ben")
    _rated_in_review(ben, desk.claims[1], "ben")
    desk.sync("ben", ben)  # the seed
    ben.user = "ben"
    ben.update_claim(desk.claims[2], notes="Pushed as ben after the seed.")
    desk.sync("ben", ben)
    _approval_written_as(ben, desk.claims[1], "Ben B.")
    with pytest.raises(client.Refused, match="ben last changed this verdict"):
        desk.sync("ben", ben)
    # Another editor may: she has never pushed as "ben".
    desk.add("cleo", "editor")
    cleo = desk.laptop("cleo")
    desk.sync("cleo", cleo)
    cleo.user = "cleo"
    cleo.review(desk.claims[1], workflow.APPROVE)
    assert desk.sync("cleo", cleo).pushed == 1


def test_an_approval_that_names_no_verdict_is_refused_and_the_refusal_reads_in_spanish(desk):
    from factcheck import translation

    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    with ben.store.transaction():  # an editor's client of another make: no approved state
        events.append(ben.store, "Ben", "claim.approve", "claim", desk.claims[2],
                      {"before": {"status": "in_review"}, "after": {"status": "approved"}})
    with pytest.raises(client.Refused, match="does not name the verdict") as info:
        desk.sync("ben", ben)
    assert info.value.code == "approval-state"
    catalogue = translation.core_catalogue("es")
    spanish = translation.localise(info.value, catalogue.get)
    assert "El servidor de sincronización rechazó los cambios" in spanish and "no indica el veredicto" in spanish
    assert "changes" not in spanish and "change" not in spanish  # the whole sentence, the waiting part too


def test_a_status_set_by_an_edit_is_refused(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    with ana.store.transaction():
        events.append(ana.store, "ana", "claim.update", "claim", desk.claims[0],
                      {"before": {"status": "draft"}, "after": {"status": "published"}})
    with pytest.raises(client.Refused, match="only through review"):
        desk.sync("ana", ana)


def test_only_an_editor_puts_a_project_on_the_server(desk):
    ana = desk.laptop("ana")
    with pytest.raises(client.Refused, match="an editor puts a project on the server first"):
        desk.sync("ana", ana)
    assert desk.server_events() == []


def test_a_stranger_reads_nothing(desk):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    desk.db.make_role("eve")
    with desk.db.connect() as conn:
        server.add_user(conn, desk.db.prefix + "_eve", None)
    eve = desk.db.dsn(desk.db.prefix + "_eve", "eve-password")
    with client.connect(eve) as conn, pytest.raises(client.Refused, match="not a member of this project"):
        shutil.copy(desk.seed, desk.dir / "eve.factcheck")
        with Project.open(desk.dir / "eve.factcheck", user="eve") as p:
            client.sync(conn, p)
    # And no table is open to a client, not even for reading.
    with psycopg.connect(eve) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM factcheck.events").fetchall()


def test_the_log_is_append_only_even_for_its_owner(desk):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    with desk.db.connect() as conn:
        with pytest.raises(psycopg.Error, match="append-only"):
            conn.execute("DELETE FROM factcheck.events")
        with pytest.raises(psycopg.Error, match="append-only"):
            conn.execute("UPDATE factcheck.events SET actor = 'x'")


def test_a_server_stopped_mid_push_loses_nothing_and_applies_nothing_twice(desk, pg_db):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    ana.update_claim(desk.claims[0], notes="made while the server went down")
    # Hold the project's row so ana's push waits inside its transaction, then stop the server.
    holder = pg_db.connect(autocommit=False)
    holder.execute("SELECT 1 FROM factcheck.projects WHERE id = %s FOR UPDATE", (desk.project_id,))
    failed = []

    def push():
        try:
            desk.sync("ana", ana)
        except client.SyncError as exc:
            failed.append(exc)

    t = threading.Thread(target=push)
    t.start()
    t.join(timeout=1.0)
    assert t.is_alive()  # waiting for the row lock, inside the push
    pg_db.server.stop()
    t.join(timeout=30)
    assert failed and isinstance(failed[0], client.Offline)
    pg_db.server.start()
    assert client.pending(ana) == 1 and ana.claim(desk.claims[0]).notes == "made while the server went down"
    assert desk.sync("ana", ana).pushed == 1
    assert desk.sync("ben", ben).pulled == 1
    assert ben.claim(desk.claims[0]).notes == "made while the server went down"


def test_a_server_stopped_mid_pull_loses_nothing_and_applies_nothing_twice(desk, pg_db):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    for i in range(3):
        ben.update_claim(desk.claims[i], notes=f"Ben's note {i}")
    desk.sync("ben", ben)
    ana.update_claim(desk.claims[4], notes="Ana's, made meanwhile")
    n_before, cursor_before = len(ana.events()), client.state(ana).get("cursor")
    with desk.conn("ana") as conn:
        real = conn.execute

        def execute(query, *args, **kwargs):
            if "pull_rows" in str(query):  # the events were read; the server goes away before the rows
                pg_db.server.stop()
            return real(query, *args, **kwargs)

        conn.execute = execute
        try:
            with pytest.raises(client.Offline):
                client.sync(conn, ana)
        finally:
            if not pg_db.server.running:
                pg_db.server.start()
    # Nothing of the half-read pull was applied; ana's own change still waits.
    assert len(ana.events()) == n_before and client.state(ana).get("cursor") == cursor_before
    assert client.pending(ana) == 1 and ana.verify().ok
    outcome = desk.sync("ana", ana)
    assert (outcome.pulled, outcome.pushed) == (3, 2)  # her change and the merge that joined both
    assert [ana.claim(desk.claims[i]).notes for i in range(3)] == [f"Ben's note {i}" for i in range(3)]
    ids = [e.id for e in ana.events()]
    assert len(ids) == len(set(ids)) and ana.verify().ok
    assert desk.sync("ana", ana).pulled == 0 and len(desk.server_events()) == len(set(r[1] for r in desk.server_events()))


def test_a_push_whose_reply_was_lost_is_not_applied_twice(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    cursor_before = client.state(ana)
    ana.update_claim(desk.claims[0], notes="once")
    assert desk.sync("ana", ana).pushed == 1
    # The push committed but the laptop never heard back: its cursor is where it was.
    with ana.store.transaction():
        for key in ("cursor", "server_head"):
            ana.store.execute("UPDATE sync_state SET value = ? WHERE key = ?", (cursor_before[key], key))
    n = len(ana.events())
    outcome = desk.sync("ana", ana)
    assert outcome.pulled == 0 and outcome.pushed == 0 and len(ana.events()) == n
    assert len(desk.server_events()) == n and client.pending(ana) == 0


def test_offline_is_one_sentence_and_changes_nothing(desk, pg_db):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    ben.update_claim(desk.claims[0], notes="offline work")
    pg_db.server.stop()
    try:
        with pytest.raises(client.Offline, match="cannot be reached"):
            desk.sync("ben", ben)
        assert client.pending(ben) == 1
    finally:
        pg_db.server.start()
    assert desk.sync("ben", ben).pushed == 1


def test_a_laptop_clock_a_year_ahead_changes_no_order(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    with ana.store.transaction():  # ana's clock says next year
        events._insert(ana.store, "2027-12-01T10:00:00.000Z", "ana", "claim.update", "claim", desk.claims[1],
                       events.canonical({"before": {"notes": ""}, "after": {"notes": "from the future"}}), None)
        ana.store.execute("UPDATE claims SET notes = 'from the future' WHERE id = ?", (desk.claims[1],))
    desk.sync("ana", ana)
    ben.update_claim(desk.claims[1], statement="Ben today")
    assert desk.sync("ben", ben).conflicts is None  # different fields: both kept, whatever the clocks say
    claim = ben.claim(desk.claims[1])
    assert (claim.notes, claim.statement) == ("from the future", "Ben today") and ben.verify().ok
    merge_event = ben.events()[-1]  # the hybrid clock: written on ana's event, so after it
    assert merge_event.action == "project.merge" and merge_event.at > "2027-12-01T10:00:00.000Z"


def test_events_of_a_newer_factcheck_are_kept_and_left_alone(desk):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    with ben.store.transaction():  # an action this version does not know (a newer client's)
        events.append(ben.store, "ben", "evidence.attach", "claim", desk.claims[0], {"sha256": "0" * 64})
    desk.sync("ben", ben)
    assert desk.sync("ana", ana).pulled == 1
    assert ana.events()[-1].action == "evidence.attach" and ana.verify().ok


# --- hostile bodies, straight at the function ------------------------------------------------------


def _push(desk, name, events_, rows=(), blobs=()):
    with desk.conn(name) as conn:
        counter = conn.execute("SELECT counter FROM factcheck.whoami(%s)", (desk.project_id,)).fetchone()[0]
        conn.execute("SELECT factcheck.push(%s, %s, %s, %s, %s, %s)",
                     (desk.project_id, "x", counter, Jsonb(events_), Jsonb(list(rows)), Jsonb(list(blobs))))


def _event(parents: list[str], data: dict, *, actor="ben", action="claim.update", entity_id="c") -> list[str]:
    parents_text, data_text = events.canonical(parents), events.canonical(data)
    at = "2026-12-01T00:00:00.000Z"
    return [events.event_id(parents_text, at, actor, action, "claim", entity_id, data_text), parents_text, at,
            actor, action, "claim", entity_id, data_text]


@pytest.fixture
def seeded(desk):
    ben = desk.laptop("ben")
    desk.sync("ben", ben)
    head = ben.events()[-1].id
    ben.close()
    return desk, head


def test_a_wrong_hash_is_refused(seeded):
    desk, head = seeded
    bad = _event([head], {"after": {"notes": "x"}})
    bad[7] = events.canonical({"after": {"notes": "y"}})
    with pytest.raises(psycopg.Error, match="does not match its id"):
        _push(desk, "ben", [bad])


def test_an_unknown_parent_is_refused(seeded):
    desk, _ = seeded
    with pytest.raises(psycopg.Error, match="parent the server does not hold"):
        _push(desk, "ben", [_event(["f" * 64], {"after": {"notes": "x"}})])


def test_a_ten_megabyte_field_is_refused(seeded):
    desk, head = seeded
    with pytest.raises(psycopg.Error, match="larger than an event can be"):
        _push(desk, "ben", [_event([head], {"after": {"notes": "x" * 10_000_000}})])


def test_sql_in_strings_is_only_text(seeded):
    desk, head = seeded
    words = "'); DROP TABLE factcheck.events; -- \" \\ \n\t é 😀"
    _push(desk, "ben", [_event([head], {"after": {"notes": words}}, actor=words)],
          rows=[["claims", "x'; --", {"id": "x'; --", "notes": words}]])
    with desk.db.connect() as conn:
        actor, data = conn.execute("SELECT actor, data FROM factcheck.events ORDER BY seq DESC LIMIT 1").fetchone()
    # Stored as sent (the server's hash of it matched: control characters and emoji escaped as
    # the client escapes them), and the table is still there.
    assert actor == words and data == events.canonical({"after": {"notes": words}})


def test_a_push_behind_the_server_is_refused(seeded):
    desk, head = seeded
    with desk.conn("ben") as conn, pytest.raises(psycopg.Error) as caught:
        conn.execute("SELECT factcheck.push(%s, 'x', 0, %s, '[]', '[]')",
                     (desk.project_id, Jsonb([_event([head], {"after": {"notes": "x"}})])))
    assert caught.value.sqlstate == client.BEHIND


def test_a_merge_in_a_synced_project_is_not_undone(desk):
    from factcheck.core import history

    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    ana.update_claim(desk.claims[4], statement="Ana")
    ben.update_claim(desk.claims[4], statement="Ben")
    desk.sync("ana", ana)
    with desk.conn("ben") as conn:
        pulled = client.fetch(conn, ben)
    plan = client.plan_pull(ben, pulled, "server")
    steps = history.History(ben)
    steps.do(history.Merge(plan, {plan.conflicts[0].key: merge.OURS}))
    n = len(ben.events())
    with pytest.raises(Exception, match="cannot be taken back"):
        steps.undo()
    assert len(ben.events()) == n and ben.claim(desk.claims[4]).statement == "Ben"


def test_a_checker_on_the_server_cannot_approve_on_the_laptop_either(desk):
    from factcheck.core import workflow

    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    claim = ana.claim(desk.claims[0])
    assert "only an editor on the server" in ana.managers.review.refusal(workflow.APPROVE, claim)
    with pytest.raises(workflow.TransitionRefused, match="only an editor on the server"):
        ana.managers.review.transition(desk.claims[0], workflow.APPROVE)
    assert "only an editor on the server" not in ben.managers.review.refusal(workflow.APPROVE, ben.claim(desk.claims[0]))
    client.unlink(ana)  # no longer synced: the project's own rules again
    assert "only an editor on the server" not in ana.managers.review.refusal(workflow.APPROVE, claim)


# --- an event the server refuses: what is before it goes up, the rest waits for an editor -------------------


def test_a_refused_approval_holds_back_only_what_follows_it_until_an_editor_syncs_it(desk, tmp_path):
    from factcheck.core import handoff

    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    ana.update_claim(desk.claims[0], notes="Ana, first.")
    ana.update_claim(desk.claims[1], notes="Ana, on the claim ben approved.")
    with ana.store.transaction():  # ben's approval, come to ana's copy from one ben never synced
        claim = ana.claim(desk.claims[1])
        events.append(ana.store, "ben", "claim.approve", "claim", desk.claims[1],
                      {"before": {"status": claim.status}, "after": {"status": "approved"},
                       "approved_state": workflow.verdict_state(claim)})
        ana.store.execute("UPDATE claims SET status = 'approved', approved_by = 'ben', approved_at = ? WHERE id = ?",
                          (ana.events()[-1].at, desk.claims[1]))
    ana.update_claim(desk.claims[3], notes="Ana, after it.")
    before = len(desk.server_events())
    with pytest.raises(client.HeldBack) as info:
        desk.sync("ana", ana)
    held = info.value
    # Ana's first change went up; the second touches the approved claim, so it waits with the approval.
    assert (held.sent, held.waiting) == (1, 3) and len(desk.server_events()) == before + 1
    assert "approval by ben" in str(held) and "editor" in str(held) and client.pending(ana) == 3
    with pytest.raises(client.HeldBack):  # syncing again changes nothing until an editor acts
        desk.sync("ana", ana)
    assert len(desk.server_events()) == before + 1
    from click.testing import CliRunner

    from factcheck import cli

    status = CliRunner().invoke(cli.cli, ["sync", str(ana.path), "--status"]).output
    assert "Pending: 3 changes" in status and f"Held:    from change {held.event_id[:12]}" in status

    # The way out: ben, an editor, merges a hand-off of ana's copy and syncs.
    path = tmp_path / "from-ana.factcheck-changes"
    handoff.write(ana, path)
    merge.merge(ben, path)
    desk.sync("ben", ben)
    assert len(desk.server_events()) == before + 4
    outcome = desk.sync("ana", ana)
    assert outcome.pushed == 0 and client.pending(ana) == 0 and "held" not in client.state(ana)
    assert ana.claim(desk.claims[1]).status == "approved" and ana.verify().ok
