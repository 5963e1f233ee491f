"""``verify`` rebuilds articles, claims, sources and citations from the events and names any row edited outside them."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from factcheck.core import anchoring, events, history
from factcheck.core.project import Project
from factcheck.core.workflow import APPROVE, PUBLISH, SUBMIT

from ..conftest import imported
from ._history import rechain

QUOTE = "President Petro has allowed drug cartels to flourish and refused to stop this activity"
EDITED = "US aid to Colombia is expected to decrease by at least 20%"
GONE = "Gringos go home."
STATEMENT = "The harbour of Cartagena closed in 1987."


def span(text, words):
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def worked(article, tmp_path):
    """A copy of a project worked through the API and undo history: (path, ids by name)."""
    p, article_id, v1 = article
    h = history.History(p)
    text = v1.text
    ids = {"article": article_id}
    ids["checked"] = h.do(history.CreateClaim(
        v1.id, *span(text, QUOTE), statement=STATEMENT, claimant="Scott Bessent", tags=["drugs", "sanctions"],
        rating="false", verdict_summary="There is no evidence.", claim_date="2025-10-24", checkworthiness=4,
    )).created
    ids["edited"] = h.do(history.CreateClaim(v1.id, *span(text, EDITED))).created
    ids["gone"] = h.do(history.CreateClaim(v1.id, *span(text, GONE), notes="Watch this one.")).created
    ids["deleted"] = h.do(history.CreateClaim(v1.id, 0, 30)).created
    ids["restored"] = h.do(history.CreateClaim(v1.id, 40, 80)).created
    # A claim checked elsewhere whose words were found only approximately here.
    start, end = span(text, "every empire is unjust")
    ids["fuzzy"] = p.create_claim(v1.id, start, end, checked_quote=anchoring.TextQuoteSelector(
        "every empire is unfair", "prefix ", " suffix")).created

    h.do(history.UpdateClaim(ids["edited"], statement="Aid falls by a fifth."))
    h.do(history.UpdateClaim(ids["edited"], tags=["aid"]))
    h.undo()
    h.redo()
    h.do(history.UpdateClaim(ids["edited"], claimant="Nobody"))
    h.undo()  # the claimant goes back to empty
    h.do(history.DeleteClaim(ids["deleted"]))
    h.do(history.DeleteClaim(ids["restored"]))
    h.undo()
    h.do(history.ReanchorClaim(ids["checked"], v1.id, *span(text, "President Petro has allowed drug cartels")))
    h.undo()  # the anchor goes back

    ids["record"] = h.do(history.CreateSource(title="Court record", kind="document", reliability="high")).created
    h.do(history.UpdateSource(ids["record"], url="https://example.org/court"))
    ids["ap"] = h.do(history.CreateSource(title="AP report", url="https://apnews.com/x", confidential=True)).created
    ids["gone_source"] = h.do(history.CreateSource(title="Blog")).created
    ids["citation"] = h.do(history.Cite(ids["checked"], ids["record"], "contradicts", quote="no such case")).created
    h.do(history.UpdateCitation(ids["citation"], locator="p. 4"))
    ids["ap_citation"] = h.do(history.Cite(ids["checked"], ids["ap"], "context")).created
    h.do(history.Uncite(ids["ap_citation"]))
    h.undo()
    ids["withdrawn"] = p.cite(ids["edited"], ids["gone_source"], "supports").created
    p.delete_source(ids["ap"])  # withdraws its citation...
    p.restore_source(ids["ap"])  # ...and brings exactly it back
    p.delete_source(ids["gone_source"])

    h.do(history.Review(ids["checked"], SUBMIT))
    p.user = "ben"
    h.do(history.Review(ids["checked"], APPROVE))
    h.do(history.Review(ids["checked"], PUBLISH))
    h.do(history.UpdateClaim(ids["checked"], rating="mostly-false", reason="A new court record"))  # a correction
    p.user = "ana"

    h.do(history.UpdateArticle(article_id, title="Petro sanctioned"))
    new_text = "Correction appended below.\n" + text.replace("decrease", "drop").replace(" " + GONE, "")
    p.add_version(article_id, imported(new_text, name="v2.txt"))
    v2 = p.current_version(article_id)
    assert p.claim(ids["edited"]).anchor_state == anchoring.FUZZY
    assert p.claim(ids["gone"]).anchor_state == anchoring.ORPHANED
    p.confirm_anchor(ids["edited"])
    h.do(history.ReanchorClaim(ids["gone"], v2.id, *span(v2.text, "every empire")))

    with p.batch():
        ids["batched"] = p.create_claim(v2.id, 0, 26, statement="Made in a batch").created
        p.cite(ids["batched"], ids["record"], "supports")
    other = h.do(history.ImportArticle(imported("Another article, soon deleted.", title="Other"))).created
    ids["other_claim"] = p.create_claim(p.current_version(other).id, 0, 7).created
    h.do(history.DeleteArticle(other))
    p.set_setting("four_eyes", False)
    p.add_comment(ids["edited"], "Check the figure.")
    path = p.path
    p.close()
    copy = tmp_path / "worked.factcheck"
    shutil.copy(path, copy)
    return copy, ids


def tamper(path, sql, *params):
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def verify(path):
    with Project.open(path) as p:
        return p.verify()


def test_a_project_worked_through_the_api_verifies_clean(worked):
    path, _ = worked
    with Project.open(path) as p:
        verdict = p.verify()
        rows = sum(p.store.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("articles", "claims", "sources", "citations"))
        assert verdict.ok, str(verdict)
        assert verdict.entities == rows
        assert f"{rows} articles, claims, sources and citations match it" in str(verdict)
        p.create_source(title="Written after the check")  # verify left no transaction open
        assert p.verify().ok


def test_the_demo_project_verifies_clean(tmp_path):
    from factcheck import demo

    with demo.build(tmp_path / "demo.factcheck") as p:
        assert p.verify().ok


@pytest.mark.parametrize(
    ("name", "sql", "said"),
    [
        ("checked", "UPDATE claims SET statement = 'Nothing happened.' WHERE id = ?",
         "its statement in the table is “Nothing happened.” but its history says “The harbour of Cartagena"),
        ("checked", "UPDATE claims SET rating = 'true' WHERE id = ?",
         "its rating in the table is “true” but its history says “mostly-false”"),
        ("checked", "UPDATE claims SET status = 'published' WHERE id = ?",
         "its status in the table is “Published” but its history says “In review”"),
        ("checked", "UPDATE claims SET tags = '[\"drugs\"]' WHERE id = ?",
         "its tags in the table are “drugs” but its history says “drugs, sanctions”"),
        ("edited", 'UPDATE claims SET start = start + 1, "end" = "end" + 1 WHERE id = ?', "its start offset"),
        ("gone", "UPDATE claims SET exact = 'every empire is just' WHERE id = ?",
         "its quote in the table is “every empire is just” but its history says “every empire”"),
        ("record", "UPDATE sources SET url = 'https://evil.example/' WHERE id = ?",
         "its URL in the table is “https://evil.example/” but its history says “https://example.org/court”"),
        ("ap", "UPDATE sources SET confidential = 0 WHERE id = ?",
         "in the table it is not confidential, but its history says it is"),
        ("citation", "UPDATE citations SET stance = 'supports' WHERE id = ?",
         "its stance in the table is “supports” but its history says “contradicts”"),
        ("citation", "UPDATE citations SET locator = 'p. 5' WHERE id = ?",
         "its locator in the table is “p. 5” but its history says “p. 4”"),
        ("article", "UPDATE articles SET title = 'Something else' WHERE id = ?",
         "its title in the table is “Something else” but its history says “Petro sanctioned”"),
    ],
)
def test_a_field_edited_outside_factcheck_is_named(worked, name, sql, said):
    path, ids = worked
    tamper(path, sql, ids[name])
    verdict = verify(path)
    assert not verdict.ok and verdict.seq is None
    assert f" {ids[name][:8]}" in verdict.problem
    assert said in verdict.problem
    assert verdict.problem.endswith("the row was edited outside factcheck.")
    assert str(verdict).startswith("History intact (")
    assert "but the project's state is not" in str(verdict)


def test_the_message_names_the_claim_by_id_and_quote(worked):
    path, ids = worked
    tamper(path, "UPDATE claims SET claimant = 'Someone else' WHERE id = ?", ids["checked"])
    problem = verify(path).problem
    assert problem.startswith(f"claim {ids['checked'][:8]} (“President Petro has allowed drug cartels…”): "
                              "its claimant in the table is “Someone else” but its history says “Scott Bessent”")


def test_bits_flipped_on_disk_in_a_claims_text_are_named(worked):
    path, ids = worked
    data = bytearray(path.read_bytes())
    # The statement is in its claim's row and in the event that set it; flip a bit in the row.
    found = [i for i in range(len(data)) if data.startswith(STATEMENT.encode(), i)]
    in_rows = [i for i in found if not data[:i].endswith(b'"statement":"')]
    assert len(found) >= 2 and len(in_rows) == 1
    at = in_rows[0] + STATEMENT.index("1987") + 3
    data[at] ^= 0x01  # "7" becomes "6"
    path.write_bytes(bytes(data))
    verdict = verify(path)
    assert not verdict.ok
    assert "its statement in the table is “The harbour of Cartagena closed in 1986.” but its history says " \
           "“The harbour of Cartagena closed in 1987.”" in verdict.problem


def test_text_that_is_no_longer_utf8_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE claims SET notes = CAST(x'57617463680aff' AS TEXT) WHERE id = ?", ids["gone"])
    verdict = verify(path)
    assert not verdict.ok
    assert f"claim {ids['gone'][:8]}" in verdict.problem
    assert "its notes in the table are damaged (not valid text): its history says “Watch this one.”" in verdict.problem


def test_a_deleted_claim_row_is_named(worked):
    path, ids = worked
    tamper(path, "DELETE FROM claims WHERE id = ?", ids["restored"])
    verdict = verify(path)
    assert not verdict.ok
    assert verdict.problem.startswith(f"claim {ids['restored'][:8]} (“")
    assert "is in the history but not in the table: the row was removed outside factcheck." in verdict.problem


def test_undeleting_by_sql_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE claims SET deleted_at = NULL WHERE id = ?", ids["deleted"])
    verdict = verify(path)
    assert not verdict.ok
    assert f"claim {ids['deleted'][:8]}" in verdict.problem
    assert "in the table it is not deleted, but its history says it was deleted" in verdict.problem


def test_deleting_by_sql_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE sources SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?", ids["record"])
    verdict = verify(path)
    assert not verdict.ok
    assert f"source {ids['record'][:8]} (“Court record”): in the table it is deleted, but its history says it is not" \
        in verdict.problem


def test_a_withdrawn_citation_brought_back_by_sql_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE citations SET deleted_at = NULL WHERE id = ?", ids["withdrawn"])
    verdict = verify(path)
    assert not verdict.ok
    assert f"citation {ids['withdrawn'][:8]} (of “Blog” on claim {ids['edited'][:8]})" in verdict.problem


def test_a_citation_added_by_sql_is_named(worked):
    path, ids = worked
    tamper(path, "INSERT INTO citations (id, claim_id, source_id, stance, created_at, created_by) "
                 "VALUES ('c0ffee00-0000-4000-8000-000000000000', ?, ?, 'supports', 'now', 'mallory')",
           ids["checked"], ids["record"])
    verdict = verify(path)
    assert not verdict.ok
    assert "citation c0ffee00 is in the table but not in the history: the row was added outside factcheck." \
        in verdict.problem


def test_a_claim_added_by_sql_is_named(worked):
    path, ids = worked
    tamper(path, "INSERT INTO claims (id, article_id, version_id, start, \"end\", exact, created_at, created_by, "
                 "updated_at, updated_by) SELECT 'c1a1m000', article_id, version_id, 0, 5, 'Hello', 'x', 'x', 'x', 'x' "
                 "FROM claims WHERE id = ?", ids["checked"])
    verdict = verify(path)
    assert not verdict.ok
    assert "1 claim has no record of being made" in verdict.problem
    assert "added outside factcheck" in verdict.problem


def test_an_edited_article_text_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE versions SET text = replace(text, 'Petro', 'Pedro') WHERE article_id = ? AND number = 1",
           ids["article"])
    verdict = verify(path)
    assert not verdict.ok
    assert f"the text of version 1 of article {ids['article'][:8]} (“Petro sanctioned”) does not match the " \
           "fingerprint taken when it was imported" in verdict.problem


def test_an_article_text_that_is_no_longer_utf8_is_named(worked):
    path, ids = worked
    tamper(path, "UPDATE versions SET text = CAST(CAST(text AS BLOB) || x'ff' AS TEXT) WHERE article_id = ? AND number = 2",
           ids["article"])
    verdict = verify(path)
    assert not verdict.ok
    assert verdict.problem.startswith(f"the text of version 2 of article {ids['article'][:8]} (“Petro sanctioned”) "
                                      "does not match the fingerprint")


def test_every_differing_row_is_counted(worked):
    path, ids = worked
    tamper(path, "UPDATE claims SET statement = 'Same for all.'")
    with Project.open(path) as p:
        n = len(p.claims(include_deleted=True))
        verdict = p.verify()
    assert not verdict.ok
    assert verdict.problem.endswith(f" {n - 1} more rows differ from the history too.")


def test_fields_core_changes_without_an_event_are_not_compared(worked):
    path, ids = worked
    tamper(path, "UPDATE claims SET updated_at = 'x', revision = 99, anchor_score = 0.5, approved_by = 'x'")
    tamper(path, "UPDATE sources SET updated_at = 'x'")
    assert verify(path).ok


# --- files written by older builds ----------------------------------------------------------


def rewrite(path, changes: dict[int, dict]) -> None:
    """Replace the data of some events and recompute every hash: what an older build would have written."""
    conn = sqlite3.connect(path)
    rechain(conn, {seq: events.canonical(data) for seq, data in changes.items()}, legacy=True)
    conn.commit()
    conn.close()


def test_a_file_written_by_an_older_build_verifies_clean(worked):
    """Older builds logged tags as a JSON string and no prefix, suffix or state with anchors."""
    path, _ = worked
    with Project.open(path) as p:
        old = {}
        for e in p.events():
            data = json.loads(json.dumps(e.data))
            if e.action == "claim.create" and "tags" in data["after"]:
                data["after"]["tags"] = events.canonical(data["after"]["tags"])
            elif e.action == "claim.create" and data["after"].get("anchor_state") == anchoring.FUZZY:
                for key in ("prefix", "suffix", "anchor_state"):
                    del data["after"][key]
            elif e.action == "claim.reanchor":
                for key in ("prefix", "suffix"):
                    del data["after"][key]
                if data["after"]["state"] == anchoring.EXACT:
                    del data["after"]["state"]
            elif e.action == "article.add_version":
                for moved in data["claims"].values():
                    moved.pop("prefix", None)
                    moved.pop("suffix", None)
            else:
                continue
            old[e.seq] = data
    assert len(old) >= 5
    rewrite(path, old)
    verdict = verify(path)
    assert verdict.ok, str(verdict)


def test_an_event_whose_data_does_not_hold_what_its_action_logs_is_named(worked):
    path, _ = worked
    with Project.open(path) as p:
        seq = next(e.seq for e in p.events() if e.action == "citation.update")
    rewrite(path, {seq: {"before": {}, "after": {}}})  # no citation_id
    verdict = verify(path)
    assert not verdict.ok and verdict.seq == seq
    assert verdict.problem.startswith("its data does not hold what its action logs (citation.update by ana)")


def test_factcheck_verify_names_the_row_and_exits_1(worked):
    from click.testing import CliRunner

    from factcheck import cli

    path, ids = worked
    assert CliRunner().invoke(cli.cli, ["verify", str(path)]).exit_code == 0
    tamper(path, "UPDATE sources SET url = 'https://evil.example/' WHERE id = ?", ids["record"])
    result = CliRunner().invoke(cli.cli, ["verify", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("History intact (")
    assert f"but the project's state is not: source {ids['record'][:8]} (“Court record”): its URL" in result.output
