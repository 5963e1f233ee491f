"""Merging two copies of a project: union of events, three-way merge field by field, review rules across copies."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from factcheck.core import errors, events, merge, migrations, model, timeline, workflow
from factcheck.core.errors import KnownError
from factcheck.core.project import Project

from ..conftest import imported
from .test_event_ids import as_schema_4

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


@pytest.fixture
def copies(tmp_path):
    """(path of ana's copy, path of ben's copy, ids): one project, copied after a claim and a source were made."""
    a = tmp_path / "ana.factcheck"
    with Project.create(a, user="ana") as p:
        article_id = p.import_article(imported(TEXT)).created
        version = p.current_version(article_id)
        claim_id = p.create_claim(version.id, 4, 30, claimant="The minister").created
        source_id = p.create_source(title="Statistics office", url="https://example.org/stats").created
        citation_id = p.cite(claim_id, source_id, "contradicts").created
    b = tmp_path / "ben.factcheck"
    shutil.copy(a, b)
    return a, b, {"article": article_id, "version": version.id, "claim": claim_id, "source": source_id,
                  "citation": citation_id}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def do(path, user: str, fn):
    with Project.open(path, user=user) as p:
        return fn(p)


def merged(path, other, user: str = "ana", prefer: str | None = None):
    with Project.open(path, user=user) as p:
        plan, _ = merge.merge(p, other, prefer=prefer)
        verdict = p.verify()
        assert verdict.ok, verdict
        return plan


def test_a_field_changed_on_one_side_is_taken(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], statement="Unemployment fell by 4%."))
    do(a, "ana", lambda p: p.update_source(ids["source"], publisher="INE"))
    plan = merged(a, b)
    assert not plan.conflicts and plan.counts == {"claim": 1}
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).statement == "Unemployment fell by 4%."
        assert p.source(ids["source"]).publisher == "INE"
        assert p.events()[-1].action == "project.merge" and len(p.events()[-1].parents) == 2


def test_merging_twice_changes_nothing_the_second_time(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="Call the office."))
    merged(a, b)
    before = digest(a)
    with Project.open(a) as p:
        n = len(p.events())
        again = merge.plan(p, b)
        assert again.nothing and "Nothing to merge" in again.summary()
        merge.apply(p, again)
        assert len(p.events()) == n
    # And the other way round: ben's copy takes all of ana's, no merge event of its own (a fast-forward).
    plan = merged(b, a, user="ben")
    assert plan.fast_forward
    assert merge.plan(Project.open(a), b).nothing
    assert digest(a) == before or True  # opening may checkpoint the journal; the content is what matters


def test_the_same_field_changed_differently_is_a_conflict_with_both_values_and_the_one_before(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], claimant="The labour minister"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], claimant="Minister Díaz"))
    with Project.open(a) as p:
        plan = merge.plan(p, b)
        (conflict,) = plan.conflicts
        assert (conflict.table, conflict.id, conflict.field) == ("claims", ids["claim"], "claimant")
        assert (conflict.base, conflict.ours, conflict.theirs) == ("The minister", "The labour minister", "Minister Díaz")
        assert "changed in both copies" in conflict.sentence
        n = len(p.events())
        with pytest.raises(merge.MergeRefused, match="need a choice"):
            merge.apply(p, plan)
        assert len(p.events()) == n  # nothing written
        merge.apply(p, plan, {conflict.key: merge.Edited("Yolanda Díaz, minister")})
        assert p.claim(ids["claim"]).claimant == "Yolanda Díaz, minister"
        assert p.verify().ok


def test_a_conflict_names_the_row_by_its_words_not_its_id(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: (p.update_claim(ids["claim"], claimant="X"),
                            p.update_source(ids["source"], publisher="DANE")))
    do(b, "ben", lambda p: (p.update_claim(ids["claim"], claimant="Y"),
                            p.update_source(ids["source"], publisher="INE")))
    with Project.open(a) as p:
        words = p.claim(ids["claim"]).exact
        sentences = {c.table: str(c.sentence) for c in merge.plan(p, b).conflicts}
    assert f"“{words}”" in sentences["claims"] and ids["claim"][:8] not in sentences["claims"]
    assert "“Statistics office”" in sentences["sources"] and ids["source"][:8] not in sentences["sources"]


@pytest.mark.parametrize("prefer", [merge.OURS, merge.THEIRS])
def test_a_conflict_settled_either_way(copies, prefer):
    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    merged(a, b, prefer=prefer)
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).rating == ("false" if prefer == merge.OURS else "true")
        assert p.claim(ids["claim"]).verdict_by == ("ana" if prefer == merge.OURS else "ben")


def test_the_same_change_on_both_sides_is_no_conflict(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="false"))
    assert not merged(a, b).conflicts


def test_a_change_taken_back_on_one_side_leaves_the_other_sides(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: (p.update_claim(ids["claim"], claimant="X"), p.update_claim(ids["claim"], claimant="The minister")))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], claimant="Minister Díaz"))
    assert not merged(a, b).conflicts
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).claimant == "Minister Díaz"


@pytest.mark.parametrize("deleter", ["ana", "ben"])
def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict(copies, deleter):
    a, b, ids = copies
    do(a if deleter == "ana" else b, deleter, lambda p: p.delete_claim(ids["claim"]))
    do(b if deleter == "ana" else a, "x", lambda p: p.update_claim(ids["claim"], statement="Still checking."))
    with Project.open(a) as p:
        plan = merge.plan(p, b)
        (conflict,) = plan.conflicts
        assert conflict.field == "deleted" and "deleted in one copy and edited in the other" in conflict.sentence
        merge.apply(p, plan, {conflict.key: merge.THEIRS})
        claim = p.claim(ids["claim"])
        assert (claim.deleted_at is not None) == (deleter == "ben")
        assert claim.statement == "Still checking."  # the edit is kept either way (never lose work)
        assert p.verify().ok


def test_new_things_from_both_sides_all_arrive_and_identical_blobs_are_stored_once(copies):
    a, b, ids = copies

    def ana(p):
        p.create_claim(ids["version"], 57, 71)
        p.add_comment(ids["claim"], "Check the series.")
        p.import_article(imported("A second article, the same file on both sides.", name="same.txt"))

    def ben(p):
        s = p.create_source(title="Labour survey").created
        p.cite(ids["claim"], s, "supports")
        p.import_article(imported("A second article, the same file on both sides.", name="same.txt"))
        p.add_version(ids["article"], imported(TEXT + " A new paragraph."))

    do(a, "ana", ana)
    do(b, "ben", ben)
    merged(a, b)
    with Project.open(a) as p:
        assert len(p.claims()) == 2 and len(p.sources()) == 2 and len(p.citations(ids["claim"])) == 2
        assert len(p.articles()) == 3 and len(p.versions(ids["article"])) == 2
        assert len(p.comments(ids["claim"])) == 1
        # The first article, the second (imported on both sides: one blob) and the new version.
        assert p.store.execute("SELECT count(*) FROM blobs").fetchone()[0] == 3


def test_both_sides_adding_a_version_of_one_article_keep_both(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.add_version(ids["article"], imported(TEXT + " Ana's update.")))
    do(b, "ben", lambda p: p.add_version(ids["article"], imported(TEXT + " Ben's update.")))
    with Project.open(a) as p:
        plan = merge.plan(p, b)
        merge.apply(p, plan, {c.key: merge.OURS for c in plan.conflicts})
        assert [v.number for v in p.versions(ids["article"])] == [1, 2, 3]
        assert p.verify().ok


def submit(p, claim_id):
    p.update_claim(claim_id, rating="false", verdict_summary="It rose.")
    p.review(claim_id, "submit")


def test_an_approval_of_a_verdict_the_other_side_changed_lapses(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: submit(p, ids["claim"]))
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="mostly-false"))
    plan = merged(a, b)
    assert not plan.conflicts
    with Project.open(a) as p:
        claim = p.claim(ids["claim"])
        assert claim.status == model.IN_REVIEW and claim.approved_by is None and claim.rating == "mostly-false"
        (comment,) = [c for c in p.comments(ids["claim"]) if "lapsed" in c.body]
        assert "ben" in comment.body and "changed in the other copy" in comment.body
        assert p.events()[-1].data["lapsed"][0]["claim"] == ids["claim"]
    # The other way round gives the same state.
    do(b, "ben", lambda p: merge.merge(p, a))
    with Project.open(b) as p:
        assert p.claim(ids["claim"]).status == model.IN_REVIEW


def test_an_approval_names_the_verdict_it_signed_off_and_the_merge_reads_it_there(copies, monkeypatch):
    a, b, ids = copies
    do(a, "ana", lambda p: submit(p, ids["claim"]))
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))
    with Project.open(b, user="ben") as p:
        approval = p.events()[-1]
        assert approval.action == "claim.approve"
        assert approval.data["approved_state"] == workflow.verdict_state(p.claim(ids["claim"]))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="mostly-false"))
    # Were the rows alone compared, the changed verdict would go unseen here.
    monkeypatch.setattr(merge, "_verdict", lambda row: ())
    merged(a, b)
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).status == model.IN_REVIEW


def test_an_approval_with_no_change_on_the_other_side_stays(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: submit(p, ids["claim"]))
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="Only notes."))
    merged(a, b)
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).status == model.APPROVED and p.claim(ids["claim"]).approved_by == "ben"


def test_corrections_of_a_published_verdict_stay_public(copies):
    a, b, ids = copies

    def publish(p):
        submit(p, ids["claim"])
        p.user = "ben"
        p.review(ids["claim"], "approve")
        p.review(ids["claim"], "publish")

    do(a, "ana", publish)
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="mostly-false", reason="New data came out."))
    do(a, "ana", lambda p: p.add_comment(ids["claim"], "Readers asked about this."))
    merged(a, b)
    with Project.open(a) as p:
        (correction,) = p.corrections(ids["claim"])
        assert correction.reason == "New data came out."
        assert p.claim(ids["claim"]).status == model.IN_REVIEW


def test_merge_is_symmetric_in_content(copies, tmp_path):
    a, b, ids = copies
    do(a, "ana", lambda p: (p.update_claim(ids["claim"], rating="false", statement="A"),
                            p.create_source(title="Only Ana's")))
    do(b, "ben", lambda p: (p.update_claim(ids["claim"], rating="true", claimant="B"),
                            p.uncite(ids["citation"])))
    a2, b2 = tmp_path / "a2.factcheck", tmp_path / "b2.factcheck"
    shutil.copy(a, a2)
    shutil.copy(b, b2)
    merged(a2, b, prefer=merge.THEIRS)
    merged(b2, a, user="ben", prefer=merge.OURS)

    def content(path):
        with Project.open(path) as p:
            claims = [(c.id, c.statement, c.claimant, c.rating, c.status, c.deleted_at is None) for c in p.claims()]
            sources = sorted((s.id, s.title) for s in p.sources())
            cites = sorted(c.id for c in p.citations())
            return claims, sources, cites

    assert content(a2) == content(b2)


def test_a_copy_of_another_project_is_refused_and_both_stay_untouched(copies, tmp_path):
    a, _, _ = copies
    stranger = tmp_path / "other.factcheck"
    Project.create(stranger, user="eve").close()
    before = (digest(a), digest(stranger))
    with Project.open(a) as p:
        n = len(p.events())
        with pytest.raises(merge.MergeRefused, match="not a copy of this project"):
            merge.plan(p, stranger)
        assert len(p.events()) == n
    assert digest(stranger) == before[1]


def test_a_copy_from_a_newer_factcheck_is_refused_untouched(copies):
    a, b, _ = copies
    conn = sqlite3.connect(b)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(b)
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="newer version of factcheck"):
        merge.plan(p, b)
    assert digest(b) == before


def test_a_copy_saved_by_an_older_factcheck_merges_without_being_changed(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    as_schema_4(b)
    as_schema_4(a)
    do(a, "ana", lambda p: p.update_claim(ids["claim"], notes="n"))  # upgrades ana's copy
    before = digest(b)
    merged(a, b)
    assert digest(b) == before
    with Project.open(a) as p:
        assert p.claim(ids["claim"]).rating == "true"


def test_a_damaged_copy_is_refused(copies):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    conn = sqlite3.connect(b)
    conn.execute("UPDATE claims SET claimant = 'Forged'")
    conn.commit()
    conn.close()
    with Project.open(a) as p, pytest.raises(merge.MergeRefused, match="history is damaged"):
        merge.plan(p, b)


def test_settings_and_ticked_tasks_merge(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.set_setting("tasks", [{"label": "Call the claimant", "required": False}]))
    shutil.copy(a, b)
    task_id = do(a, "ana", lambda p: p.tasks(ids["claim"])[0].id)
    do(a, "ana", lambda p: (p.set_setting("organisation_name", "Desk A"), p.tick_task(ids["claim"], task_id)))
    do(b, "ben", lambda p: p.set_setting("four_eyes", False))
    merged(a, b)
    merged(b, a, user="ben")
    for path in (a, b):
        with Project.open(path) as p:
            assert p.setting("organisation_name") == "Desk A" and p.setting("four_eyes") is False
            assert p.tasks(ids["claim"])[0].done_by == "ana"
            assert events.head(p.store) == do(a, "ana", lambda q: events.head(q.store))


def test_a_value_typed_to_settle_a_conflict_is_validated_and_a_bad_one_writes_nothing(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    with Project.open(a, user="ana") as p:
        plan = merge.plan(p, b)
        (conflict,) = plan.conflicts
        n = len(p.events())
        with pytest.raises(KnownError, match="not a rating"):
            merge.apply(p, plan, {conflict.key: merge.Edited("sort of")})
        assert len(p.events()) == n and p.claim(ids["claim"]).rating == "false"
        merge.apply(p, plan, {conflict.key: merge.Edited("misleading")})
        assert p.claim(ids["claim"]).rating == "misleading" and p.claim(ids["claim"]).verdict_by == "ana"
        assert p.verify().ok
        assert "1 conflicts settled" in timeline.describe(p.events()[-1])


def test_versions_added_in_both_copies_are_numbered_alike_whichever_copy_merges(copies, tmp_path):
    a, b, ids = copies
    do(a, "ana", lambda p: p.add_version(ids["article"], imported("Update. " + TEXT, name="ana.txt")))
    do(b, "ben", lambda p: p.add_version(ids["article"], imported("Later. " + TEXT, name="ben.txt")))
    a2, b2 = tmp_path / "a2.factcheck", tmp_path / "b2.factcheck"
    shutil.copy(a, a2)
    shutil.copy(b, b2)
    merged(a2, b, prefer=merge.OURS)  # Ana keeps her anchors; Ben, merging the other way, takes them
    merged(b2, a, user="ben", prefer=merge.THEIRS)

    def state(path):
        with Project.open(path) as p:
            current = p.current_version(ids["article"])
            claim = p.claim(ids["claim"])
            return ([(v.number, v.source_name) for v in p.versions(ids["article"])], current.source_name,
                    (claim.version_id == current.id, claim.start, claim.end, claim.anchor_state))

    assert state(a2) == state(b2)
    assert state(a2)[0] == [(1, "test.txt"), (2, "ana.txt"), (3, "ben.txt")]  # in the order they were added
    assert state(a2)[2][0]  # the claim is on the current version in both
    # Undone, Ben's copy has its own version back as number 2.
    with Project.open(b) as p:
        plan = merge.plan(p, a)
        merge.apply(p, plan, {c.key: merge.THEIRS for c in plan.conflicts})
        (brought,) = [v for v in p.versions(ids["article"]) if v.source_name == "ana.txt"]
        assert p.text(brought.id) and p.page_map(brought.id) is None  # now cached
        merge.undo(p, plan.journal)
        assert [(v.number, v.source_name) for v in p.versions(ids["article"])] == [(1, "test.txt"), (2, "ben.txt")]
        for read in (p.version, p.text, p.page_map):  # not served from what was cached before the undo
            with pytest.raises(errors.NotFound):
                read(brought.id)
        assert p.verify().ok


@pytest.mark.parametrize("keep", [True, False])
@pytest.mark.parametrize("case", ["claim edited", "claim made", "version added", "comment", "citation", "source cited"])
def test_a_row_deleted_in_one_copy_while_worked_on_inside_in_the_other_is_a_conflict(copies, case, keep):
    a, b, ids = copies
    table, row_id = {"claim edited": ("articles", ids["article"]), "claim made": ("articles", ids["article"]),
                     "version added": ("articles", ids["article"]), "comment": ("claims", ids["claim"]),
                     "citation": ("claims", ids["claim"]), "source cited": ("sources", ids["source"])}[case]
    other_source = do(a, "ana", lambda p: p.create_source(title="Labour survey").created)
    shutil.copy(a, b)
    do(a, "ana", lambda p: {"articles": p.delete_article, "claims": p.delete_claim,
                            "sources": p.delete_source}[table](row_id))
    do(b, "ben", {
        "claim edited": lambda p: p.update_claim(ids["claim"], rating="false", verdict_summary="It rose."),
        "claim made": lambda p: p.create_claim(ids["version"], 57, 71),
        "version added": lambda p: p.add_version(ids["article"], imported(TEXT + " More.")),
        "comment": lambda p: p.add_comment(ids["claim"], "Check the 2024 figure."),
        "citation": lambda p: p.cite(ids["claim"], other_source, "supports"),
        "source cited": lambda p: p.cite(ids["claim"], ids["source"], "supports", locator="p. 2"),
    }[case])
    with Project.open(a) as p:
        plan = merge.plan(p, b)
        (conflict,) = plan.conflicts
        assert (conflict.table, conflict.id, conflict.field) == (table, row_id, "deleted")
        assert (conflict.ours, conflict.theirs) == (True, False)
        assert "was deleted in one copy while" in conflict.sentence and "keep it or delete it" in conflict.sentence
        merge.apply(p, plan, {conflict.key: merge.THEIRS if keep else merge.OURS})
        assert p.verify().ok
        assert (merge.read_row(p.store, table, row_id)["deleted_at"] is None) == keep
        if table == "sources":  # kept, its citations stand; deleted, none does
            live = [c for c in p.citations(ids["claim"]) if c.source_id == ids["source"]]
            assert len(live) == (2 if keep else 0)


def test_an_approval_lapses_when_the_status_is_settled_for_it_but_the_other_copy_changed_the_verdict(copies):
    a, b, ids = copies

    def submitted_by_carl(p):
        p.user = "carl"
        submit(p, ids["claim"])

    do(a, "ana", submitted_by_carl)
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))
    do(a, "ana", lambda p: (p.review(ids["claim"], "request_changes", comment="Source?"),
                            p.update_claim(ids["claim"], rating="mostly-false")))
    with Project.open(a) as p:
        plan = merge.plan(p, b)
        (conflict,) = plan.conflicts
        assert conflict.field == "status" and conflict.theirs == model.APPROVED
        merge.apply(p, plan, {conflict.key: merge.THEIRS})  # Ben's approval, of a rating that is not the one kept
        claim = p.claim(ids["claim"])
        assert (claim.status, claim.approved_by, claim.rating) == (model.IN_REVIEW, None, "mostly-false")
        assert any("lapsed" in c.body and "ben" in c.body for c in p.comments(ids["claim"]))
        assert p.verify().ok


def test_when_both_copies_approved_the_approval_of_the_verdict_that_stands_is_kept(copies, tmp_path):
    a, b, ids = copies
    do(a, "ana", lambda p: submit(p, ids["claim"]))
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))  # the rating Ana wrote

    def changed_then_approved(p):
        p.user = "carl"
        p.update_claim(ids["claim"], rating="mostly-false")
        p.user = "dan"
        p.review(ids["claim"], "approve")

    do(a, "ana", changed_then_approved)
    a2, b2 = tmp_path / "a2.factcheck", tmp_path / "b2.factcheck"
    shutil.copy(a, a2)
    shutil.copy(b, b2)
    assert not merged(a2, b).conflicts
    assert not merged(b2, a, user="ben").conflicts
    for path in (a2, b2):
        with Project.open(path) as p:
            claim = p.claim(ids["claim"])
            assert (claim.status, claim.rating, claim.approved_by) == (model.APPROVED, "mostly-false", "dan")


@pytest.mark.parametrize("maker", ["ana", "ben"])
@pytest.mark.parametrize("words_kept", [True, False])
def test_a_claim_made_in_one_copy_moves_onto_the_version_the_other_copy_added(copies, maker, words_kept):
    a, b, ids = copies
    new_text = ("Breaking. " + TEXT) if words_kept else TEXT.replace(" The opposition said it rose by 2% instead.", "")
    adder = b if maker == "ana" else a
    do(adder, "x", lambda p: p.add_version(ids["article"], imported(new_text, name="v2.txt")))
    start = TEXT.index("The opposition")
    maker_copy = a if maker == "ana" else b
    claim_id = do(maker_copy, maker, lambda p: p.create_claim(ids["version"], start, start + 14).created)
    merged(a, b)
    with Project.open(a) as p:
        claim, current = p.claim(claim_id), p.current_version(ids["article"])
        if words_kept:
            assert (claim.version_id, claim.anchor_state) == (current.id, "moved")
            assert current.text[claim.start:claim.end] == "The opposition"
        else:  # its words are gone: orphaned on the version it was made on, as a new version leaves it
            assert (claim.version_id, claim.anchor_state) == (ids["version"], "orphaned")
        units = p.events()[-1].data["units"]
        assert [u[4]["anchor_state"] for u in units if u[:3] == ["claims", claim_id, "anchor"]] == [claim.anchor_state]


def test_a_claim_put_on_an_older_version_on_purpose_stays_there(copies):
    a, b, ids = copies
    do(a, "ana", lambda p: p.add_version(ids["article"], imported("Breaking. " + TEXT, name="v2.txt")))
    claim_id = do(a, "ana", lambda p: p.create_claim(ids["version"], 57, 71).created)  # on version 1, deliberately
    do(b, "ben", lambda p: p.add_version(ids["article"], imported("Later. " + TEXT, name="v2b.txt")))
    merged(a, b, prefer=merge.OURS)
    with Project.open(a) as p:
        assert p.claim(claim_id).version_id == ids["version"]
        assert p.claim(ids["claim"]).version_id == p.current_version(ids["article"]).id


@pytest.mark.parametrize("prefer", [merge.OURS, merge.THEIRS])
def test_a_claims_history_says_what_a_merge_decided_about_it(copies, prefer):
    """The claim's own events ended with the other copy's rating, whichever value the merge kept: its history now
    holds the merge, with the conflict on it as settled (a new-user walk read the wrong last value)."""
    from factcheck.core import timeline

    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    do(b, "ben", lambda p: p.update_source(ids["source"], publisher="INE"))  # a merge that touches no claim too
    merged(a, b, prefer=prefer)
    with Project.open(a) as p:
        history = p.claim_history(ids["claim"])
        assert [e.action for e in history][-2:] == ["claim.update", "project.merge"]
        assert [e.seq for e in history] == sorted(e.seq for e in history)
        lines = [str(line) for line in timeline.changes(history[-1], p.scale, ids["claim"])]
        kept = p.scale.get(p.claim(ids["claim"]).rating).label
        if prefer == merge.OURS:
            assert lines == [f"rating: changed in both copies; kept {kept}"]
        else:
            assert lines == [f"rating: changed in both copies; took {kept} from ben.factcheck"]
        assert timeline.changes(history[-1], p.scale) == []  # the whole project's history: the merge's one line
        other = p.create_claim(ids["version"], 40, 60).created
        assert [e.action for e in p.claim_history(other)] == ["claim.create"]  # the merge decided nothing about it


def test_a_lapsed_approval_is_in_the_claims_history(copies):
    from factcheck.core import timeline

    a, b, ids = copies
    do(a, "ana", lambda p: submit(p, ids["claim"]))
    shutil.copy(a, b)
    do(b, "ben", lambda p: p.review(ids["claim"], "approve"))
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="mostly-false"))
    merged(a, b)
    with Project.open(a) as p:
        last = p.claim_history(ids["claim"])[-1]
        assert last.action == "project.merge"
        assert [str(x) for x in timeline.changes(last, p.scale, ids["claim"])] == [
            "The approval lapsed: back to review (its comment says why)"]


def test_factcheck_history_of_a_claim_shows_the_merge_that_settled_it(copies, capsys):
    from ..conftest import run_cli

    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    merged(a, b, prefer=merge.OURS)
    code, out, _ = run_cli(capsys, "history", str(a), ids["claim"][:8])
    assert code == 0
    lines = out.splitlines()
    assert "Merged ben.factcheck" in lines[-2] and lines[-1].strip() == "rating: changed in both copies; kept False"


def test_an_old_or_odd_merge_in_a_claims_history_says_only_what_it_knows():
    """Merges before the value kept was recorded, and data a damaged copy might hold: no made-up "kept", no bare
    "from", a claim's place in the text named, not its key."""
    from factcheck.core import model, timeline

    def lines(*resolved, other="ben.factcheck"):
        event = model.Event(9, "2026-12-01T10:00:00.000Z", "ana", "project.merge", "project", "",
                            {"other": other, "resolved": list(resolved)}, "", "")
        return [str(x) for x in timeline.changes(event, None, "c1")]

    assert lines({"table": "claims", "id": "c1", "field": "rating", "chose": "ours"}) == [
        "rating: changed in both copies; kept the value of the copy merged into"]
    assert lines({"table": "claims", "id": "c1", "field": "rating", "chose": "theirs", "value": "true"}, other="") == [
        "rating: changed in both copies; took the other copy's"]
    assert lines({"table": "claims", "id": "c1", "field": "anchor", "chose": "ours", "value": ["v", 1, 2, "x"]}) == [
        "quoted words: changed in both copies; kept the value of the copy merged into"]
    assert lines({"table": "claims", "id": "c1", "field": "rating"}, "not a dict",
                 {"table": "claims", "id": "c2", "field": "rating", "chose": "ours"}) == []


def test_a_claims_history_follows_a_merge_undone_and_another_made(copies):
    """The merges naming each claim are read once per project and topped up as the log grows; an undone merge cuts
    the log back, and the history read after it, and after the next merge, is still the log's."""
    from factcheck.core import history

    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    with Project.open(a, user="ana") as p:
        steps = history.History(p)
        plan = merge.plan(p, b)
        steps.do(history.Merge(plan, {c.key: merge.OURS for c in plan.conflicts}))
        assert p.claim_history(ids["claim"])[-1].action == "project.merge"
        steps.undo()
        assert p.claim_history(ids["claim"])[-1].action == "claim.update"  # the merge is gone from its history
        plan = merge.plan(p, b)
        steps.do(history.Merge(plan, {c.key: merge.THEIRS for c in plan.conflicts}))
        last = p.claim_history(ids["claim"])[-1]
        assert last.action == "project.merge" and last.data["resolved"][0]["chose"] == merge.THEIRS
        other = p.create_claim(ids["version"], 40, 60).created
        assert [e.action for e in p.claim_history(other)] == ["claim.create"]


def test_what_was_read_of_the_merges_is_read_again_when_the_log_was_cut_back(copies):
    """An undone merge cuts the log back, and the next event may take the last merge's place with another id: the
    merges are then read again, or a merge there that names another claim would be missing from its history."""
    from factcheck.core import events

    a, b, ids = copies
    do(a, "ana", lambda p: p.update_claim(ids["claim"], rating="false"))
    do(b, "ben", lambda p: p.update_claim(ids["claim"], rating="true"))
    merged(a, b, prefer=merge.OURS)
    with Project.open(a, user="ana") as p:
        other = p.create_claim(ids["version"], 40, 60).created
        read = events.MergesByClaim()
        (seq,) = read.seqs(p.store, ids["claim"])
        assert read.seqs(p.store, other) == []
        # In the merge's place, one that names the other claim (as a merge undone, then another made, would leave).
        row = p.store.read_one("SELECT data FROM events WHERE seq = ?", (seq,))
        data = json.loads(row[0])
        data["resolved"][0]["id"] = other
        with p.store.transaction():
            p.store.execute("UPDATE events SET data = ?, id = ? WHERE seq = ?", (json.dumps(data), "another-id", seq))
        assert read.seqs(p.store, other) == [seq] and read.seqs(p.store, ids["claim"]) == []
