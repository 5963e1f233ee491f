"""The verdict library's worker while the app keeps asking: two windows typing at once, and
changes queued behind a long indexing job, answered and written in the right order."""

from __future__ import annotations

import threading

import pytest

from factcheck.core import library
from factcheck.core.project import Project
from factcheck.ui import similar_claims
from tests.conftest import imported

TEXT = "The mayor said homicides in Cali fell by half in 2024."


@pytest.fixture
def busy(qapp, tmp_path, monkeypatch):
    """(service, release, project path, claim id): a service whose worker is stuck indexing a project until released."""
    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        claim_id = p.create_claim(version.id, 0, len(TEXT)).created
    gate = threading.Event()
    add_project = library.Library.add_project

    def slow_add(self, where):
        gate.wait(10)
        return add_project(self, where)

    monkeypatch.setattr(library.Library, "add_project", slow_add)
    service = similar_claims.LibraryService()
    answered: list[int] = []
    service.sig_matched.connect(lambda token, _found: answered.append(token))
    service.answered = answered
    service.add_project(path)  # the worker is now stuck in it
    yield service, gate, path, claim_id
    gate.set()
    assert service.stop(5)


def test_two_windows_asking_at_once_each_get_their_answer(qtbot, busy):
    """The worker answers the newest question of each asker: a question from another window
    must not make this one's go unanswered (its suggestions would stay those of an older text)."""
    service, gate, path, claim_id = busy
    first = service.request("homicides in Cali", asker="window one")
    second = service.request("vaccines and autism", asker="window two")
    gate.set()
    qtbot.wait_until(lambda: second in service.answered)  # answers arrive in the order asked
    assert first in service.answered


def test_only_the_newest_question_of_one_asker_is_answered(qtbot, busy):
    service, gate, path, claim_id = busy
    tokens = [service.request(text, asker="inspector") for text in ("h", "ho", "hom", "homicides")]
    gate.set()
    qtbot.wait_until(lambda: tokens[-1] in service.answered)
    assert service.answered == [tokens[-1]]


def test_changes_queued_behind_a_question_are_written_in_the_order_made(qtbot, busy, monkeypatch):
    """Two edits of one claim, with questions between them: the library ends with the last edit."""
    service, gate, path, claim_id = busy
    written: list[str] = []
    put_claims = library.Library.put_claims
    monkeypatch.setattr(library.Library, "put_claims",
                        lambda self, *args: put_claims(self, *args) or written.append(args[3][0]["statement"]))
    base = {"key": claim_id, "url": "", "quote": TEXT, "claimant": "", "claim_date": "", "rating": "",
            "rating_key": "", "rating_value": None, "summary": "", "date": "", "status": "draft", "author": "ana",
            "title": "Test article", "language": "", "raw": None}
    service.request("Cali", asker="inspector")
    for statement in ("Homicides fell by half", "Homicides in Cali fell by half in 2024"):
        service._queue.put(("put", 0, str(library.default_path()), str(path),
                            (None, None, [dict(base, statement=statement)], [])))
        service.request(statement, asker="inspector")
    gate.set()
    qtbot.wait_until(lambda: len(written) == 2)
    assert written == ["Homicides fell by half", "Homicides in Cali fell by half in 2024"]
    with library.Library.open() as lib:
        (statement,) = lib.conn.execute("SELECT statement FROM entries WHERE key = ?", (claim_id,)).fetchone()
    assert statement == "Homicides in Cali fell by half in 2024"


def test_stopping_silences_the_worker_at_once_and_it_ends_after_its_job(qtbot, busy):
    """The app quitting: a job under way is not cut short, but nothing more is said, and the thread ends."""
    service, gate, path, claim_id = busy
    service.request("homicides in Cali", asker="inspector")
    assert not service.stop(timeout=0)  # still indexing
    gate.set()
    qtbot.wait_until(lambda: not service.running)
    qtbot.wait(50)  # an answer said before the end would arrive now
    assert service.answered == []


def test_a_service_deleted_mid_job_ends_its_worker_without_a_word(qtbot, busy):
    """However the service goes (its parent deleted, the app torn down), its worker neither speaks into the
    deleted object nor lives on."""
    import shiboken6

    service, gate, path, claim_id = busy
    thread = service._thread
    service.request("homicides in Cali", asker="inspector")
    shiboken6.delete(service)
    gate.set()
    thread.join(5)
    assert not thread.is_alive()
