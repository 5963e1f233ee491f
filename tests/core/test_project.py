import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from factcheck.core import anchoring, events, migrations
from factcheck.core.errors import (
    Conflict,
    InvalidInput,
    KnownError,
    NotAProject,
    NotFound,
    ProjectLocked,
    ProjectReadOnly,
    ProjectTooNew,
)
from factcheck.core.project import Project

from ..conftest import ROOT, imported

QUOTE = "President Petro has allowed drug cartels to flourish and refused to stop this activity"


def quote_span(text, quote=QUOTE):
    start = text.index(quote)
    return start, start + len(quote)


def snapshot(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- creating, opening, identity ---------------------------------------------------------


def test_create_sets_up_wal_identity_and_defaults(project):
    conn = sqlite3.connect(project.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    conn.close()
    assert project.setting("four_eyes") is True
    assert project.scale.key == "default"
    assert [e.action for e in project.events()] == ["project.create"]


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "x.factcheck"
    path.write_bytes(b"precious")
    with pytest.raises(KnownError, match="already exists"):
        Project.create(path)
    assert path.read_bytes() == b"precious"


def test_everything_survives_close_and_reopen(article):
    project, article_id, version = article
    start, end = quote_span(version.text)
    claim_id = project.create_claim(version.id, start, end, claimant="Scott Bessent", rating="no-evidence").created
    source_id = project.create_source(title="AP report", url="https://apnews.com/x").created
    project.cite(claim_id, source_id, "contradicts", quote="no evidence", locator="para 4")
    path = project.path
    project.close()
    with Project.open(path, user="ben") as again:
        claim = again.claim(claim_id)
        assert (claim.claimant, claim.rating, claim.exact) == ("Scott Bessent", "no-evidence", QUOTE)
        (citation,) = again.citations(claim_id)
        assert (citation.stance, citation.quote, citation.locator) == ("contradicts", "no evidence", "para 4")
        assert again.source(source_id).title == "AP report"
        assert again.version(version.id).text == version.text


def test_empty_file_is_not_a_project(tmp_path):
    path = tmp_path / "empty.factcheck"
    path.write_bytes(b"")
    with pytest.raises(NotAProject):
        Project.open(path)
    assert path.read_bytes() == b""


def _within(seconds: float, fn):
    """``fn()``'s exception, or a failure when it blocks (a hung test would hide the bug)."""
    import threading

    caught: list[BaseException] = []

    def run():
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            caught.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        with open(fn.path, "wb"):  # a writer lets the blocked reader go
            pass
        thread.join(5)
        pytest.fail("blocked on a named pipe")
    return caught[0] if caught else None


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    import functools

    from factcheck.core import merge

    pipe = tmp_path / "pipe.factcheck"
    os.mkfifo(pipe)
    opening = functools.partial(Project.open, pipe)
    opening.path = pipe
    assert isinstance(_within(5, opening), NotAProject)
    with Project.create(tmp_path / "desk.factcheck", user="ana") as p:
        merging = functools.partial(merge.plan, p, pipe)
        merging.path = pipe
        exc = _within(5, merging)
        assert isinstance(exc, KnownError) and "pipe.factcheck" in str(exc)


def test_png_is_not_a_project(tmp_path):
    path = tmp_path / "picture.factcheck"
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    path.write_bytes(data)
    with pytest.raises(NotAProject, match="not a factcheck project"):
        Project.open(path)
    assert path.read_bytes() == data


def test_sqlite_file_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(NotAProject, match="another program"):
        Project.open(path)
    assert snapshot(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_project_from_a_newer_version_is_refused_untouched(project):
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('factcheck', 'm999_future', 'x')")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = snapshot(path)
    with pytest.raises(ProjectTooNew, match="newer version"):
        Project.open(path)
    assert snapshot(path) == before


def test_unknown_migration_alone_marks_a_newer_project(project):
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('factcheck', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectTooNew):
        Project.open(path)


def test_damaged_project_gives_a_sentence(project):
    path = project.path
    project.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(KnownError):
        Project.open(path)


def test_read_only_file_opens_for_reading_and_refuses_changes(article):
    project, article_id, version = article
    path = project.path
    project.close()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = snapshot(path)
        with Project.open(path) as p:
            assert p.read_only
            assert p.article(article_id).title == "Test article"
            with pytest.raises(ProjectReadOnly, match="read-only"):
                p.create_claim(version.id, 0, 10)
        assert snapshot(path) == before
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_locked_by_another_process(article):
    project, article_id, version = article
    other = sqlite3.connect(project.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        project.store.conn.execute("PRAGMA busy_timeout = 100")
        count = len(project.claims())
        with pytest.raises(ProjectLocked, match="locked by another program"):
            project.create_claim(version.id, 0, 20)
        assert len(project.claims()) == count
    finally:
        other.execute("ROLLBACK")
        other.close()
    project.create_claim(version.id, 0, 20)  # works again once the other program lets go


def test_open_waits_out_a_brief_lock_then_fails_clearly(tmp_path):
    # A project still in rollback-journal mode, held exclusively by another program.
    path = tmp_path / "busy.factcheck"
    p = Project.create(path)
    p.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectLocked):
            Project.open(path)
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def test_killed_process_keeps_every_reported_change(tmp_path, sample_text):
    path = tmp_path / "kill.factcheck"
    with Project.create(path) as p:
        version_id = p.current_version(p.import_article(imported(sample_text)).created).id
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from factcheck.core.project import Project
        p = Project.open({str(path)!r})
        i = 0
        while True:
            cid = p.create_claim({version_id!r}, i % 5000, i % 5000 + 30).created
            print(cid, flush=True)
            i += 1
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    reported = [child.stdout.readline().strip() for _ in range(150)]
    child.kill()
    child.wait()
    child.stdout.close()
    with Project.open(path) as p:
        ids = {c.id for c in p.claims()}
        assert set(reported) <= ids
        assert verify_chain(p)


# --- events ------------------------------------------------------------------------------


def verify_chain(project) -> bool:
    """Each event's id is its content's hash, its parent the event before, its hash over the one before and its id."""
    from factcheck.core import events

    prev, prev_id = "0" * 64, None
    for n, e in enumerate(project.events(), start=1):
        data = json.dumps(e.data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        parents = events.canonical([prev_id] if prev_id else [])
        if (e.seq != n or e.prev_hash != prev or e.parents != ((prev_id,) if prev_id else ())
                or e.id != events.event_id(parents, e.at, e.actor, e.action, e.entity, e.entity_id, data)
                or e.hash != events.chain_hash(prev, e.seq, e.id)):
            return False
        prev, prev_id = e.hash, e.id
    return True


def test_every_change_writes_one_chained_event(article):
    project, article_id, version = article
    claim_id = project.create_claim(version.id, 0, 40).created
    project.update_claim(claim_id, claimant="Bessent")
    project.delete_claim(claim_id)
    actions = [e.action for e in project.events()]
    assert actions == ["project.create", "article.import", "claim.create", "claim.update", "claim.delete"]
    update = project.events(claim_id)[1]
    assert update.data == {"before": {"claimant": ""}, "after": {"claimant": "Bessent"}}
    assert update.actor == "ana"
    assert verify_chain(project)


def test_a_refused_change_writes_nothing(article):
    project, article_id, version = article
    count = len(project.events())
    with pytest.raises(InvalidInput):
        project.create_claim(version.id, 0, 40, rating="pants-on-fire")  # not on the default scale
    with pytest.raises(InvalidInput):
        project.create_claim(version.id, 0, 40, colour="red")
    assert len(project.events()) == count
    assert project.claims() == []


def test_an_error_inside_a_transaction_rolls_everything_back(article, monkeypatch):
    project, article_id, version = article
    count = len(project.events())

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(events, "append", boom)
    with pytest.raises(RuntimeError):
        project.create_claim(version.id, 0, 40)
    monkeypatch.undo()
    assert project.claims() == []
    assert len(project.events()) == count


# --- claims --------------------------------------------------------------------------------


def test_claim_quote_is_trimmed_of_surrounding_space(article):
    project, _, version = article
    start, end = quote_span(version.text)
    claim = project.claim(project.create_claim(version.id, start - 1, end + 1).created)
    # The character before is a quote mark, after is a full stop: trimming keeps them.
    assert claim.exact == version.text[start - 1 : end + 1]
    text = version.text
    para_end = text.index("\n")
    claim = project.claim(project.create_claim(version.id, para_end - 10, para_end + 3).created)
    assert not claim.exact[-1].isspace() and not claim.exact[0].isspace()


@pytest.mark.parametrize("span", [(10, 10), (None, None)])
def test_empty_or_whitespace_selection_is_refused(article, span):
    project, _, version = article
    if span == (None, None):
        nl = version.text.index("\n")
        span = (nl, nl + 1)
    with pytest.raises(InvalidInput, match="Select some words"):
        project.create_claim(version.id, *span)
    assert project.claims() == []


def test_selection_outside_the_text_is_refused(article):
    project, _, version = article
    with pytest.raises(InvalidInput):
        project.create_claim(version.id, 10, len(version.text) + 5)


def test_update_claim_validates_and_records(article):
    project, _, version = article
    claim_id = project.create_claim(version.id, *quote_span(version.text)).created
    project.update_claim(claim_id, tags="drugs, sanctions ,drugs", checkworthiness="4", statement="  Petro let cartels flourish  ")
    claim = project.claim(claim_id)
    assert claim.tags == ("drugs", "sanctions")
    assert claim.checkworthiness == 4
    assert claim.statement == "Petro let cartels flourish"
    assert claim.revision == 2
    with pytest.raises(InvalidInput):
        project.update_claim(claim_id, checkworthiness=9)
    changes = project.update_claim(claim_id, statement="Petro let cartels flourish")
    assert changes.claims == frozenset()  # nothing changed, nothing logged


def test_update_with_a_stale_revision_is_a_conflict(article, tmp_path):
    project, _, version = article
    claim_id = project.create_claim(version.id, 0, 40).created
    seen = project.claim(claim_id).revision
    with Project.open(project.path, user="ben") as other:
        other.update_claim(claim_id, rating="false")
    with pytest.raises(Conflict, match="changed elsewhere"):
        project.update_claim(claim_id, expected_revision=seen, rating="true")
    assert project.claim(claim_id).rating == "false"


def test_deleted_claim_can_be_restored(article):
    project, article_id, version = article
    claim_id = project.create_claim(version.id, 0, 40).created
    source_id = project.create_source(title="S").created
    project.cite(claim_id, source_id)
    project.delete_claim(claim_id)
    assert project.claims() == []
    assert project.article(article_id).claim_count == 0
    project.restore_claim(claim_id)
    assert [c.id for c in project.claims()] == [claim_id]
    assert len(project.citations(claim_id)) == 1


def test_claims_with_unicode_keep_exact_offsets(project):
    text = "Intro 👍🏽 words. The café (e\u0301) said «ثلاثة أيام» and עברית 🇨🇴 end."
    version = project.current_version(project.import_article(imported(text)).created)
    for quote in ("👍🏽 words", "«ثلاثة أيام»", "עברית 🇨🇴"):
        start = version.text.index(quote)
        claim = project.claim(project.create_claim(version.id, start, start + len(quote)).created)
        assert claim.exact == quote
        assert version.text[claim.start : claim.end] == quote


def test_duplicate_quotes_are_separate_claims(project):
    text = "He said no. Then, asked again, he said no. Finally he said yes."
    version = project.current_version(project.import_article(imported(text)).created)
    second = text.index("he said no", 10)
    claim = project.claim(project.create_claim(version.id, second, second + len("he said no")).created)
    assert claim.start == second


def test_search_claims(article):
    project, _, version = article
    claim_id = project.create_claim(version.id, *quote_span(version.text), claimant="Scott Bessent").created
    assert [c.id for c in project.search_claims("bessent")] == [claim_id]
    assert [c.id for c in project.search_claims("cartel")] == [claim_id]  # prefix match
    assert project.search_claims('"') == []


# --- versions ------------------------------------------------------------------------------


def test_new_version_reanchors_claims(article):
    project, article_id, version = article
    text = version.text
    kept = project.create_claim(version.id, *quote_span(text)).created
    edited = project.create_claim(version.id, *quote_span(text, "US aid to Colombia is expected to decrease by at least 20%")).created
    gone = project.create_claim(version.id, *quote_span(text, "Gringos go home.")).created
    new_text = "Correction appended below.\n" + text.replace("decrease", "drop").replace(" Gringos go home.", "")
    changes = project.add_version(article_id, imported(new_text, name="v2.txt"))
    v2 = project.current_version(article_id)
    assert v2.number == 2 and changes.created == v2.id
    k, e, g = project.claim(kept), project.claim(edited), project.claim(gone)
    assert (k.anchor_state, k.version_id, v2.text[k.start : k.end]) == ("moved", v2.id, QUOTE)
    assert e.anchor_state == "fuzzy" and v2.text[e.start : e.end] == "US aid to Colombia is expected to drop by at least 20%"
    assert e.exact.endswith("decrease by at least 20%")  # the checked words are kept until confirmed
    assert g.anchor_state == "orphaned" and g.version_id == version.id and g.exact == "Gringos go home."
    project.confirm_anchor(edited)
    assert project.claim(edited).exact == "US aid to Colombia is expected to drop by at least 20%"
    assert project.claim(edited).anchor_state == anchoring.EXACT


def test_orphan_can_be_reanchored_by_hand(article):
    project, article_id, version = article
    gone = project.create_claim(version.id, *quote_span(version.text, "Gringos go home.")).created
    project.add_version(article_id, imported(version.text.replace(" Gringos go home.", "")))
    v2 = project.current_version(article_id)
    start = v2.text.index("every empire is unjust")
    project.reanchor_claim(gone, v2.id, start, start + len("every empire is unjust"))
    claim = project.claim(gone)
    assert (claim.anchor_state, claim.exact, claim.version_id) == ("exact", "every empire is unjust", v2.id)


def test_unknown_ids_are_not_found(project):
    with pytest.raises(NotFound):
        project.claim("nope")
    with pytest.raises(NotFound):
        project.article("nope")
    with pytest.raises(NotFound):
        project.text("nope")


# --- sources ---------------------------------------------------------------------------


def test_source_library_search_and_reuse(article):
    project, _, version = article
    ap = project.create_source(title="Associated Press report", publisher="AP", url="https://apnews.com/a").created
    project.create_source(title="Treasury press release", publisher="US Treasury", confidential=True)
    a = project.create_claim(version.id, 0, 30).created
    b = project.create_claim(version.id, 40, 80).created
    project.cite(a, ap, "supports")
    project.cite(b, ap, "context", locator="p. 2")
    assert [s.title for s in project.sources("associated")] == ["Associated Press report"]
    assert len(project.sources()) == 2
    assert sorted(project.source_usage(ap)) == sorted([a, b])
    assert project.sources("treasury")[0].confidential is True
    with pytest.raises(InvalidInput):
        project.cite(a, ap, "agrees")
    with pytest.raises(InvalidInput):
        project.create_source()


def test_deleting_a_source_withdraws_its_citations_until_restored(article):
    project, _, version = article
    source_id = project.create_source(title="S").created
    claim_id = project.create_claim(version.id, 0, 30).created
    project.cite(claim_id, source_id)
    project.delete_source(source_id)
    assert project.citations(claim_id) == []
    assert project.sources() == []
    project.restore_source(source_id)
    assert len(project.citations(claim_id)) == 1


def test_claim_columns_match_the_dataclass():
    import dataclasses

    from factcheck.core import claims, model

    columns = [c.strip().strip('"') for c in claims.COLUMNS.split(",")]
    assert columns == [f.name for f in dataclasses.fields(model.Claim)]


def test_an_older_project_is_upgraded_by_migrations(tmp_path):
    path = tmp_path / "old.factcheck"
    Project.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX claims_reading_order")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_claims_in_reading_order'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        assert p.db["claims"].indexes and any(i.name == "claims_reading_order" for i in p.db["claims"].indexes)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    conn.close()


def test_a_deleted_claim_follows_new_versions_and_comes_back_anchored(article):
    project, article_id, version = article
    claim_id = project.create_claim(version.id, *quote_span(version.text)).created
    project.delete_claim(claim_id)
    project.add_version(article_id, imported("Note.\n" + version.text))
    project.restore_claim(claim_id)
    claim = project.claim(claim_id)
    v2 = project.current_version(article_id)
    assert claim.version_id == v2.id and v2.text[claim.start : claim.end] == QUOTE


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "-", "AND", "((", "title:", "\x00", "\ud800", "a\tb"])
def test_search_never_raises_on_odd_input(article, query):
    project, _, version = article
    project.create_claim(version.id, *quote_span(version.text))
    assert isinstance(project.search_claims(query), list)
    assert isinstance(project.sources(query), list)


def test_search_leaves_out_claims_of_deleted_articles(article):
    project, article_id, version = article
    project.create_claim(version.id, *quote_span(version.text))
    project.delete_article(article_id)
    assert project.search_claims("cartels") == []


def test_settings_are_validated(project):
    with pytest.raises(InvalidInput):
        project.set_setting("four_eyes", "off")
    assert project.setting("four_eyes") is True
    with pytest.raises(InvalidInput, match="either on"):
        project.set_setting("credit_checkers", "no")
    assert project.setting("credit_checkers") is True
    project.set_setting("credit_checkers", False)
    assert project.setting("credit_checkers") is False and project.verify().ok


def test_a_project_made_before_credit_checkers_credits_them(project):
    """The setting came later: a file without its row reads the default, on."""
    project.store.execute("DELETE FROM settings WHERE key = 'credit_checkers'")
    project.forget_cached_settings()
    assert project.setting("credit_checkers") is True


def test_reanchor_outside_the_text_is_refused(article):
    project, _, version = article
    claim_id = project.create_claim(version.id, 0, 20).created
    with pytest.raises(InvalidInput):
        project.reanchor_claim(claim_id, version.id, len(version.text) + 5, len(version.text) + 9)
