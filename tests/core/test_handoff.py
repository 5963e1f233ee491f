"""Hand-off files: what another copy lacks, in one small file, merged as a copy is; refused whole when damaged."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from factcheck.core import handoff, merge
from factcheck.core.errors import InvalidInput
from factcheck.core.project import Project

from ..conftest import imported
from .test_merge import copies, digest, do  # noqa: F401  (fixture)
from .test_merge_random import dump, same_plan

HTML = b"<html><body><p>The minister spoke.</p></body></html>"


def send(path, user: str, out, **kwargs) -> handoff.Written:
    with Project.open(path, user=user) as p:
        return handoff.write(p, out, **kwargs)


def test_a_handoff_plans_the_same_merge_as_the_copy_itself(copies, tmp_path):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="false", verdict_summary="It rose instead."))
    do(b, "ben", lambda p: p.create_claim(ids["version"], 52, 80, claimant="The opposition"))
    do(b, "ben", lambda p: p.add_comment(ids["claim"], "Check the 2024 series."))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="mostly-false"))
    written = send(b, "ben", tmp_path / "ben.factcheck-changes")
    with Project.open(a, user="ana") as p:
        from_copy = merge.plan(p, b)
        from_file = merge.plan(p, written.path)
        assert same_plan(from_file, from_copy)
        assert [c.field for c in from_file.conflicts] == ["rating"]
        merge.apply(p, from_file, {from_file.conflicts[0].key: merge.THEIRS})
        assert p.verify().ok
        assert p.claim(ids["claim"]).verdict_summary == "It rose instead."
        assert len(p.claims()) == 2 and len(p.comments()) == 1
        # Merging the same file again brings in nothing.
        assert merge.plan(p, written.path).nothing


def test_the_next_handoff_to_a_partner_holds_only_what_came_after(copies, tmp_path):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="one"))
    first = send(b, "ben", tmp_path / "1.factcheck-changes", to="ana")
    with Project.open(a, user="ana") as p:
        merge.merge(p, first.path)
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="two"))
    second = send(b, "ben", tmp_path / "2.factcheck-changes", to="ana")
    assert second.events == 1 and second.since and second.size < first.size
    with Project.open(a, user="ana") as p:
        plan = merge.plan(p, second.path)
        assert plan.fast_forward and len(plan.incoming) == 1
        merge.apply(p, plan)
        assert p.claim(ids["claim"]).notes == "two"
        # What ana received is remembered too: her hand-off to ben leaves out what came from him.
        assert [q.name for q in handoff.partners(p)] == ["ben"]
        back = handoff.write(p, tmp_path / "back.factcheck-changes", to="ben")
        assert back.events == 0
    with Project.open(b, user="ben") as p:
        (partner,) = handoff.partners(p)
        assert partner.name == "ana" and partner.sent_at and partner.lacks == 0


def test_since_takes_an_event_id_or_its_start_or_start(copies, tmp_path):
    a, b, ids = copies
    with Project.open(b, user="ben") as p:
        mark = p.events()[-1].id
        p.update_claim(ids["claim"], notes="later")
        assert handoff.write(p, tmp_path / "x.factcheck-changes", since=mark[:10]).events == 1
        assert handoff.write(p, tmp_path / "y.factcheck-changes", since="start").events == len(p.events())
        with pytest.raises(InvalidInput, match="neither a partner"):
            handoff.write(p, tmp_path / "z.factcheck-changes", since="nobody")
    assert not (tmp_path / "z.factcheck-changes").exists()


@pytest.mark.parametrize("both_sides", [False, True])
def test_a_new_article_comes_with_its_original_file_stored_once(copies, tmp_path, both_sides):
    a, b, ids = copies
    page = imported("The minister spoke.", title="Page", name="page.html")
    page = page.__class__(**{**page.__dict__, "original": HTML, "mime": "text/html"})
    do(b, "ben", lambda p: p.import_article(page))
    if both_sides:
        do(a, "ana", lambda p: p.import_article(page))  # the same file, imported on both sides
    written = send(b, "ben", tmp_path / "b.factcheck-changes")
    with zipfile.ZipFile(written.path) as archive:
        assert any(n.startswith("blobs/") for n in archive.namelist())
    with Project.open(a, user="ana") as p:
        merge.merge(p, written.path)
        assert p.verify().ok
        assert len(p.articles()) == (3 if both_sides else 2)
        assert p.store.execute("SELECT count(*) FROM blobs WHERE data = ?", (HTML,)).fetchone()[0] == 1


def test_the_logo_travels_with_its_image(copies, tmp_path):
    from .test_settings_logo import png

    a, b, _ = copies
    image = png()
    do(b, "ben", lambda p: p.set_logo(image, "logo.png"))
    written = send(b, "ben", tmp_path / "logo.factcheck-changes")
    with Project.open(a, user="ana") as p:
        merge.merge(p, written.path)
        assert p.logo() == (image, "image/png") and p.verify().ok


def test_an_empty_handoff_is_refused_as_incomplete(sent, tmp_path):
    a, _ = sent
    empty = tmp_path / "empty.factcheck-changes"
    empty.write_bytes(b"")
    assert "incomplete or damaged" in refused(a, empty)


def test_a_folder_that_cannot_be_written_names_the_file_not_a_temporary_one(copies, tmp_path):
    _, b, _ = copies
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    with Project.open(b, user="ben") as p, pytest.raises(handoff.HandoffRefused) as caught:
        handoff.write(p, blocked / "x.factcheck-changes")
    assert "x.factcheck-changes cannot be written there" in str(caught.value) and ".handoff" not in str(caught.value)


def test_a_handoff_left_half_written_is_swept_later(copies, tmp_path):
    import os
    import time

    _, b, _ = copies
    stale = tmp_path / (handoff._PARTIAL + "abc")
    stale.write_bytes(b"PK")
    fresh = tmp_path / (handoff._PARTIAL + "def")
    fresh.write_bytes(b"PK")  # another writer may be at work on this one: it stays
    old = time.time() - 3600
    os.utime(stale, (old, old))
    send(b, "ben", tmp_path / "x.factcheck-changes")
    assert not stale.exists() and fresh.exists()


# --- refused whole, with one sentence -------------------------------------------------------------------


@pytest.fixture
def sent(copies, tmp_path):
    """(ana's copy, a hand-off of ben's changes to it)."""
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="false", verdict_summary="It rose instead."))
    do(b, "ben", lambda p: p.create_source(title="Labour survey"))
    return a, send(b, "ben", tmp_path / "ben.factcheck-changes").path


def refused(project_path, handoff_path) -> str:
    """The sentence a refused merge gives; the project's file is unchanged by it."""
    with Project.open(project_path, user="ana") as p:
        before = dump(p)
        with pytest.raises(handoff.HandoffRefused) as caught:
            merge.plan(p, handoff_path)
        assert dump(p) == before
    message = str(caught.value)
    assert message.count(". ") == 0 and message.endswith("."), message  # one sentence
    return message


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_handoff_is_refused(sent, keep):
    a, path = sent
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert "incomplete or damaged" in refused(a, path)


def rewrite(path, change) -> None:
    """Unzip, change one member's text, zip again (what a hand edit does)."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members = change(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_handoff_edited_by_hand_is_refused(sent):
    a, path = sent
    rewrite(path, lambda m: {**m, "events.jsonl": m["events.jsonl"].replace(b"It rose instead", b"It fell, really")})
    assert "was changed after it was written" in refused(a, path)


def test_rows_edited_by_hand_are_refused(sent):
    a, path = sent
    rewrite(path, lambda m: {**m, "rows.json": m["rows.json"].replace(b"Labour survey", b"Labour surveys")})
    assert "was changed after it was written" in refused(a, path)


def test_a_manifest_edited_by_hand_is_refused(sent):
    a, path = sent

    def since_nothing(members):
        manifest = json.loads(members["manifest.json"])
        manifest["since"] = []
        manifest["from"] = "someone else"
        return {**members, "manifest.json": json.dumps(manifest).encode()}

    rewrite(path, since_nothing)
    assert "was changed after it was written" in refused(a, path)


def test_an_event_cut_out_is_refused(sent):
    a, path = sent
    rewrite(path, lambda m: {**m, "events.jsonl": b"\n".join(m["events.jsonl"].splitlines()[1:]) + b"\n"})
    assert "was changed after it was written" in refused(a, path)


def test_a_handoff_of_another_project_is_refused(sent, tmp_path):
    _, path = sent
    other = tmp_path / "other.factcheck"
    Project.create(other, user="ana").close()
    with Project.open(other, user="ana") as p, pytest.raises(merge.MergeRefused, match="another project"):
        merge.plan(p, path)


def test_a_zip_that_is_no_handoff_is_refused(sent, tmp_path):
    a, _ = sent
    path = tmp_path / "photos.factcheck-changes"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    assert "not a factcheck hand-off file" in refused(a, path)


def test_a_handoff_from_a_newer_factcheck_is_refused(sent):
    a, path = sent

    def newer(members):
        manifest = json.loads(members["manifest.json"])
        manifest["version"] = handoff.VERSION + 1
        manifest["digest"] = handoff._digest(manifest)
        return {**members, "manifest.json": json.dumps(manifest).encode()}

    rewrite(path, newer)
    assert "newer version of factcheck" in refused(a, path)


def test_a_handoff_that_builds_on_changes_not_received_is_refused(copies, tmp_path):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="one"))
    send(b, "ben", tmp_path / "lost.factcheck-changes", to="ana")  # never merged by ana
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="two"))
    second = send(b, "ben", tmp_path / "2.factcheck-changes", to="ana")
    message = refused(a, second.path)
    assert "has not received yet" in message and "ben" in message
    # Asked again with everything, it merges.
    everything = send(b, "ben", tmp_path / "all.factcheck-changes", since="start")
    with Project.open(a, user="ana") as p:
        merge.merge(p, everything.path)
        assert p.claim(ids["claim"]).notes == "two"


# --- one undo step ---------------------------------------------------------------------------------


def test_undo_takes_a_merge_back_whole_and_redo_merges_again(copies, tmp_path):
    from factcheck.core import history

    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="false", verdict_summary="It rose instead."))
    do(b, "ben", lambda p: p.create_claim(ids["version"], 52, 80))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="Call the office."))
    with Project.open(a, user="ana") as p:
        before = dump(p)
        steps = history.History(p)
        steps.do(history.Merge(merge.plan(p, b)))
        assert steps.can_undo and len(p.claims()) == 2
        steps.undo()
        assert dump(p) == before and p.verify().ok
        steps.redo()
        assert len(p.claims()) == 2 and p.claim(ids["claim"]).rating == "false" and p.verify().ok
        # Once something else is done, the merge stays.
        p.update_claim(ids["claim"], notes="Called.")
        with pytest.raises(Exception, match="can no longer be undone"):
            steps.undo()
        assert len(p.claims()) == 2


def test_the_copy_merged_is_never_written(copies, tmp_path):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], notes="x"))
    shutil.copy(b, tmp_path / "b-before.factcheck")
    before = digest(b)
    with Project.open(a, user="ana") as p:
        merge.merge(p, b)
    assert digest(b) == before


def test_a_copy_taken_while_the_project_was_open_is_told_apart(tmp_path):
    """A file copied while its newest changes were still in its -wal journal can hold the tables but no event yet."""
    import sqlite3

    path = tmp_path / "open.factcheck"
    with Project.create(path, user="ana") as p:
        p.import_article(imported("One sentence."))
    copy = tmp_path / "copy.factcheck"
    shutil.copy(path, copy)
    with sqlite3.connect(copy) as raw:  # what such a copy holds: the schema, no history
        raw.execute("DELETE FROM events")
    raw.close()
    with Project.open(path, user="ana") as p, pytest.raises(
            merge.MergeRefused, match="holds no history: was it copied while the project was open"):
        merge.plan(p, copy)
