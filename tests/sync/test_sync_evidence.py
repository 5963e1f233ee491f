"""Attachments through the desk's PostgreSQL: small files travel whole, large ones arrive by merge or hand-off."""

from __future__ import annotations

import os

from factcheck.core import handoff, merge
from factcheck.core.project import Project
from factcheck.sync import client

from . import test_sync

desk = test_sync.desk  # the fixture: a desk on a throwaway PostgreSQL


def test_an_attachment_and_its_file_reach_the_other_laptop(desk, tmp_path):
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    source = ana.create_source(title="Customs bulletin").created
    ana.cite(desk.claims[0], source, "contradicts")
    scan = tmp_path / "tabla 4.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300_000))
    ana.attach(scan, source_id=source, note="Cuadro 4")
    desk.sync("ana", ana)
    assert desk.sync("ben", ben).pulled == 3
    (att,) = ben.attachments()
    assert att.stored and att.note == "Cuadro 4"
    assert b"".join(ben.evidence_chunks(att.sha256)) == scan.read_bytes()
    assert ben.verify().ok and ana.verify().ok
    # A removal travels too.
    ben.detach(att.id)
    desk.sync("ben", ben)
    desk.sync("ana", ana)
    assert ana.attachments() == [] and ana.verify().ok


def test_a_file_over_the_sync_limit_stays_behind_and_comes_by_hand_off(desk, tmp_path, monkeypatch):
    monkeypatch.setattr(client, "EVIDENCE_LIMIT", 1000)
    ben, ana = desk.laptop("ben"), desk.laptop("ana")
    desk.sync("ben", ben)
    source = ana.create_source(title="Port authority").created
    recording = tmp_path / "interview.ogg"
    recording.write_bytes(b"OggS" + os.urandom(50_000))
    ana.attach(recording, source_id=source)
    desk.sync("ana", ana)
    desk.sync("ben", ben)
    (att,) = ben.attachments()
    assert not att.stored and ben.verify().ok  # the row came, the bytes did not: not a fault
    written = handoff.write(ana, tmp_path / "ana.factcheck-changes", since="start")
    plan = merge.plan(ben, written.path)
    assert not plan.incoming and plan.their_files == [att.sha256]
    merge.apply(ben, plan)
    assert ben.attachments()[0].stored and ben.verify().ok
    assert b"".join(ben.evidence_chunks(att.sha256)) == recording.read_bytes()
    ben.close()
    ana.close()
    with Project.open(tmp_path / "ben.factcheck", user="ben") as p:
        assert p.verify().ok
