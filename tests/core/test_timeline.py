from factcheck.core import timeline
from factcheck.core.workflow import REQUEST_CHANGES, SUBMIT


def test_a_claims_history_in_plain_words(article):
    p, _, version = article
    cid = p.create_claim(version.id, 0, 40).created
    p.update_claim(cid, rating="false", verdict_summary="It is false.")
    src = p.create_source(title="Court record").created
    p.cite(cid, src, "contradicts")
    p.review(cid, SUBMIT)
    p.user = "ben"
    p.review(cid, REQUEST_CHANGES, comment="Add the date.")
    events = p.events(cid)
    lines = [timeline.describe(e, p.scale) for e in events]
    assert lines[0].startswith("Created the claim: “")
    assert lines[1] == "Edited the claim"
    assert timeline.changes(events[1], p.scale) == ["rating: Not rated → False", "verdict summary: (empty) → “It is false.”"]
    assert lines[2] == "Cited a source: Court record"
    assert lines[3] == "Submitted for review"
    assert lines[4] == "Requested changes: Add the date."
    assert timeline.changes(events[4], p.scale) == ["status: In review → Changes requested"]


def test_a_damaged_event_says_which_and_how():
    from factcheck.core import model

    event = model.Event(7, "2025-10-26T09:00:00.000Z", "ana", "claim.update", "claim", "c1", {}, "0" * 64, "1" * 64,
                        damaged="its data is not valid text (not UTF-8): the row was damaged.")
    assert timeline.describe(event) == "Damaged event 7: its data is not valid text (not UTF-8): the row was damaged."
    assert timeline.changes(event) == []
