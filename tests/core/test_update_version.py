"""A new version of an article as one undoable step, and the review of its re-anchored claims."""

from __future__ import annotations

import pytest

from factcheck.core import handoff, history, reanchoring
from factcheck.core.errors import Conflict, NotFound

from ..conftest import imported

V1 = ("Intro 😀 words, señor. US aid to Colombia is expected to decrease by at least 20%.\n\n"
      "The ministry said nothing. Gringos go home. The officials left early in the morning, and the café stayed "
      "open all night.")
V2 = ("A note 🇨🇴 on top.\n\n" + V1.replace("decrease", "drop").replace(" Gringos go home.", ""))
KEPT, EDITED, GONE = "the café stayed open all night.", "US aid to Colombia is expected to decrease by at least 20%", \
    "Gringos go home."

_ROW = ('SELECT id, version_id, start, "end", exact, prefix, suffix, anchor_state, anchor_score, revision, status '
        "FROM claims ORDER BY id")


@pytest.fixture
def three(project):
    """(history, article id, {name: claim id}) for an article with a kept, an edited and a gone claim."""
    article_id = project.import_article(imported(V1)).created
    version = project.current_version(article_id)
    ids = {}
    for name, words in (("kept", KEPT), ("edited", EDITED), ("gone", GONE)):
        start = V1.index(words)
        ids[name] = project.create_claim(version.id, start, start + len(words)).created
    return history.History(project), article_id, ids


def _state(project) -> tuple:
    return (project.store.read(_ROW), project.store.read("SELECT seq, id FROM events"),
            project.store.read("SELECT id FROM versions"), project.store.read("SELECT sha256 FROM blobs"))


def test_the_review_groups_claims_by_what_the_new_version_did_to_their_words(three):
    steps, article_id, ids = three
    p = steps.project
    steps.do(history.AddVersion(article_id, imported(V2, name="v2.txt")))
    review = reanchoring.review(p, article_id)
    assert review.version_number == 2 and review.previous_version_id == p.versions(article_id)[0].id
    assert [i.claim_id for i in review.accepted] == [ids["kept"]]
    assert review.accepted[0].state == "moved" and (review.exact, review.moved) == (0, 1)
    (fuzzy,) = review.fuzzy
    assert (fuzzy.claim_id, fuzzy.old_words) == (ids["edited"], EDITED)
    assert fuzzy.new_words == EDITED.replace("decrease", "drop")  # after a flag emoji: code points, not UTF-16
    assert fuzzy.new_prefix.endswith("señor. ") and fuzzy.version_number == 2
    (orphan,) = review.orphaned
    assert (orphan.claim_id, orphan.old_words, orphan.new_words, orphan.version_number) == (ids["gone"], GONE, "", 1)
    assert review.pending == 2 and reanchoring.waiting(p, article_id) == {ids["edited"], ids["gone"]}
    # Restricted to some claims (the CLI: those this update moved); a deleted claim is not listed.
    p.delete_claim(ids["kept"])
    assert [i.claim_id for i in reanchoring.review(p, article_id, {ids["gone"]}).orphaned] == [ids["gone"]]
    assert reanchoring.review(p, article_id).accepted == ()


def test_the_same_text_again_adds_no_version_and_no_undo_step(three):
    steps, article_id, _ = three
    p = steps.project
    before = _state(p)
    changes = steps.do(history.AddVersion(article_id, imported(V1.replace("\n", "\r\n"), name="again.txt")))
    assert changes.event_seq is None and not steps.can_undo
    assert _state(p) == before
    # import --as-version-of keeps its behaviour: a version whatever the text.
    assert p.add_version(article_id, imported(V1)).event_seq is not None


def test_undo_takes_the_version_back_whole_and_redo_adds_it_again(three):
    steps, article_id, ids = three
    p = steps.project
    before = _state(p)
    steps.do(history.AddVersion(article_id, imported(V2, name="v2.txt"), label="Update article from file"))
    assert steps.undo_label == "Update article from file"
    found = "SELECT count(*) FROM versions_fts WHERE versions_fts MATCH 'drop'"
    assert p.store.read(found) == [(1,)] and len(p.versions(article_id)) == 2
    steps.undo()
    assert _state(p) == before and p.store.read(found) == [(0,)]  # anchors, revisions, events, the version and its original: as they were
    assert p.current_version(article_id).text == V1 and p.verify().ok
    steps.redo()
    assert len(p.versions(article_id)) == 2 and p.claim(ids["edited"]).anchor_state == "fuzzy"
    assert p.verify().ok


def test_undo_after_the_review_steps_were_undone(three):
    steps, article_id, ids = three
    p = steps.project
    before = _state(p)
    steps.do(history.AddVersion(article_id, imported(V2)))
    claim = p.claim(ids["edited"])
    steps.do(history.ReanchorClaim(claim.id, claim.version_id, claim.start, claim.end))  # confirm
    v2 = p.current_version(article_id)
    start = v2.text.index("The ministry")
    steps.do(history.ReanchorClaim(ids["gone"], v2.id, start, start + 12))  # re-select
    steps.undo()
    steps.undo()
    steps.undo()
    assert _state(p) == before and p.verify().ok


def test_undo_is_refused_once_other_work_was_built_on_the_version(three):
    steps, article_id, ids = three
    p = steps.project
    steps.do(history.AddVersion(article_id, imported(V2)))
    p.update_claim(ids["kept"], statement="Written on version 2")  # another window, say
    after = _state(p)
    with pytest.raises(Conflict, match="changed after this version was added"):
        steps.undo()
    assert _state(p) == after and not steps.can_undo


def test_undo_is_refused_once_the_version_left_this_copy(three, tmp_path):
    steps, article_id, _ = three
    p = steps.project
    steps.do(history.AddVersion(article_id, imported(V2)))
    handoff.write(p, tmp_path / "to-ben.factcheck-changes", to="ben")
    with pytest.raises(Conflict, match="sent to or merged with another copy"):
        steps.undo()
    assert len(p.versions(article_id)) == 2


def test_undo_is_refused_in_a_project_that_syncs(three):
    steps, article_id, _ = three
    p = steps.project
    steps.do(history.AddVersion(article_id, imported(V2)))
    with p.batch():
        p.store.execute("INSERT INTO sync_state (key, value) VALUES ('dsn', 'host=db')")
    with pytest.raises(Conflict, match="syncs through a server"):
        steps.undo()
    assert len(p.versions(article_id)) == 2


def test_a_deleted_article_takes_no_version_and_has_no_review(three):
    steps, article_id, _ = three
    p = steps.project
    p.delete_article(article_id)
    before = _state(p)
    with pytest.raises(NotFound):
        steps.do(history.AddVersion(article_id, imported(V2)))
    with pytest.raises(NotFound):
        reanchoring.review(p, article_id)
    assert _state(p) == before


def test_a_batch_of_claims_moves_in_one_event_with_each_claims_move(three):
    steps, article_id, ids = three
    p = steps.project
    changes = p.add_version(article_id, imported(V2))
    (event,) = [e for e in p.events(article_id) if e.action == "article.add_version"]
    moved = event.data["claims"]
    assert set(moved) == set(ids.values()) == set(changes.claims)
    assert moved[ids["gone"]]["state"] == "orphaned" and moved[ids["edited"]]["state"] == "fuzzy"
    kept = p.claim(ids["kept"])
    assert moved[ids["kept"]]["prefix"] == kept.prefix and kept.prefix.endswith("morning, and ")
    assert p.verify().ok


def test_undo_is_refused_while_a_review_step_still_stands(three):
    steps, article_id, ids = three
    p = steps.project
    steps.do(history.AddVersion(article_id, imported(V2)))
    p.confirm_anchor(ids["edited"])  # not through this history: it stands (as a signed-off re-anchor would)
    after = _state(p)
    with pytest.raises(Conflict, match="changed after this version was added"):
        steps.undo()
    assert _state(p) == after


def test_undo_of_a_version_with_pages_forgets_its_page_map(three):
    steps, article_id, ids = three
    p = steps.project
    import dataclasses

    steps.do(history.AddVersion(article_id, dataclasses.replace(imported(V2, name="v2.pdf"), pages=(0, 40))))
    added = p.current_version(article_id).id
    assert p.page_map(added) is not None and p.page_of(added, 50) == "2"
    steps.undo()
    with pytest.raises(NotFound):
        p.page_map(added)  # gone with its version, not answered from a cache
    steps.redo()
    assert p.page_of(p.current_version(article_id).id, 50) == "2" and p.verify().ok
