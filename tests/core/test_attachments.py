"""The evidence vault: files attached to sources and citations, stored once, streamed, checked, merged."""

from __future__ import annotations

import builtins
import hashlib
import random
import shutil
import stat
import tracemalloc

import pytest

from factcheck.core import attachments, handoff, history, merge
from factcheck.core.errors import ImportCancelled, InvalidInput, KnownError
from factcheck.core.project import Project

from ..conftest import imported
from . import test_merge
from .test_merge import do

copies = test_merge.copies  # the fixture: one project, copied


def make_file(path, size: int, head: bytes = b"", seed: int = 42) -> bytes:
    """A file of ``size`` deterministic bytes (after ``head``), written in pieces; its SHA-256."""
    rng = random.Random(seed)
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        f.write(head)
        digest.update(head)
        left = size - len(head)
        while left:
            piece = rng.randbytes(min(left, 1 << 20))
            f.write(piece)
            digest.update(piece)
            left -= len(piece)
    return digest.hexdigest()


@pytest.fixture
def library(project):
    """(project, ids): a claim citing a source, and a second source."""
    article_id = project.import_article(imported("Exports fell by 12% in 2023, the minister said.")).created
    version = project.current_version(article_id)
    claim_id = project.create_claim(version.id, 0, 30).created
    source_id = project.create_source(title="Customs bulletin 2023").created
    other_id = project.create_source(title="Central bank report").created
    citation_id = project.cite(claim_id, source_id, "supports").created
    return project, {"claim": claim_id, "source": source_id, "other": other_id, "citation": citation_id}


def stored_files(project) -> int:
    return project.store.execute("SELECT count(*) FROM evidence_files").fetchone()[0]


def test_a_file_is_attached_with_its_hash_size_type_name_time_and_author(library, tmp_path):
    project, ids = library
    path = tmp_path / "bulletin.pdf"
    sha = make_file(path, 3 * attachments.CHUNK + 500, head=b"%PDF-1.7\n")
    changes = project.attach(path, source_id=ids["source"], note="Page 4 has the table")
    (att,) = project.attachments(source_id=ids["source"])
    assert att.id == changes.created and changes.sources == {ids["source"]}
    assert (att.sha256, att.size, att.mime, att.name, att.note) == (sha, path.stat().st_size, "application/pdf",
                                                                     "bulletin.pdf", "Page 4 has the table")
    assert att.captured_by == "ana" and att.captured_at and att.stored and att.citation_id is None
    # Stored in chunks of 1 MiB and read back streamed, byte for byte.
    chunks = project.store.execute("SELECT n, length(data) FROM evidence_chunks ORDER BY n").fetchall()
    assert chunks == [(0, attachments.CHUNK), (1, attachments.CHUNK), (2, attachments.CHUNK), (3, 500)]
    assert b"".join(project.evidence_chunks(sha)) == path.read_bytes()
    assert project.events()[-1].action == "attachment.create"
    assert project.verify().ok


def test_a_citation_gets_its_own_attachments(library, tmp_path):
    project, ids = library
    path = tmp_path / "Screenshot 2024-05-01 10.00.png"
    make_file(path, 5000, head=b"\x89PNG\r\n\x1a\n")
    revision = project.claim(ids["claim"]).revision
    project.attach(path, citation_id=ids["citation"])
    assert project.claim(ids["claim"]).revision == revision  # an edit open in the inspector still saves
    (att,) = project.attachments(citation_id=ids["citation"])
    assert (att.source_id, att.claim_id, att.mime) == (ids["source"], ids["claim"], "image/png")
    assert project.attachments(source_id=ids["source"]) == []  # the source's own list holds only its own
    assert [e.action for e in project.events(ids["claim"])][-1] == "attachment.create"
    assert project.verify().ok


def test_the_same_file_attached_twice_is_stored_once(library, tmp_path):
    project, ids = library
    path = tmp_path / "memo.pdf"
    make_file(path, 2 * attachments.CHUNK + 10, head=b"%PDF-1.4\n")
    copy = tmp_path / "memo (copy).pdf"
    shutil.copy(path, copy)
    project.attach(path, source_id=ids["source"])
    project.attach(copy, source_id=ids["other"])
    project.attach(path, citation_id=ids["citation"])
    assert stored_files(project) == 1
    assert project.store.execute("SELECT count(*) FROM evidence_chunks").fetchone()[0] == 3
    assert [a.name for a in project.attachments()] == ["memo.pdf", "memo (copy).pdf", "memo.pdf"]
    # Twice on the same source is refused, and writes nothing.
    n_events = len(project.events())
    with pytest.raises(InvalidInput, match="already attached to this source"):
        project.attach(copy, source_id=ids["source"])
    assert len(project.events()) == n_events and stored_files(project) == 1


def test_a_large_file_is_streamed_in_chunks_without_being_held_in_memory(library, tmp_path):
    project, ids = library
    path = tmp_path / "interview.mp4"
    size = 60 * 1000 * 1000
    sha = make_file(path, size, head=b"\x00\x00\x00\x18ftypmp42")
    tracemalloc.start()
    try:
        project.attach(path, source_id=ids["source"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * 1000 * 1000, peak  # a few chunks at most, never the 60 MB
    n, longest = project.store.execute("SELECT count(*), max(length(data)) FROM evidence_chunks").fetchone()
    assert n == -(-size // attachments.CHUNK) and longest == attachments.CHUNK
    (att,) = project.attachments()
    assert (att.sha256, att.size, att.mime) == (sha, size, "video/mp4")


def test_a_file_over_the_limit_is_refused_before_it_is_read(library, tmp_path, monkeypatch):
    project, ids = library
    path = tmp_path / "whole-day.mov"
    with open(path, "wb") as f:  # sparse: takes no disk space
        f.truncate(attachments.MAX_BYTES + 1)
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda file, *a, **k: opened.append(file) or real_open(file, *a, **k))
    with pytest.raises(InvalidInput, match="over the evidence vault's limit of 2 GB") as caught:
        project.attach(path, source_id=ids["source"])
    assert str(caught.value).endswith(".") and ". " not in str(caught.value)  # one sentence
    assert str(path) not in map(str, opened)
    assert stored_files(project) == 0 and project.attachments() == []


@pytest.mark.parametrize("case", ["missing", "folder", "unreadable", "empty"])
def test_a_missing_or_unreadable_file_is_refused_in_one_sentence_and_nothing_is_written(library, tmp_path,
                                                                                      monkeypatch, case):
    project, ids = library
    path = tmp_path / "evidence.pdf"
    expected = {"missing": "evidence.pdf does not exist.", "folder": "is a folder",
                "unreadable": "cannot be read: permission denied", "empty": "is empty"}[case]
    if case == "folder":
        path.mkdir()
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "unreadable":
        make_file(path, 1000)
        real_open = builtins.open

        def denied(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", denied)
    n_events = len(project.events())
    with pytest.raises(InvalidInput, match=expected):
        project.attach(path, source_id=ids["source"])
    assert len(project.events()) == n_events and stored_files(project) == 0
    assert project.store.execute("SELECT count(*) FROM evidence_chunks").fetchone()[0] == 0


def test_cancelling_while_storing_leaves_nothing(library, tmp_path):
    project, ids = library
    path = tmp_path / "long.wav"
    make_file(path, 5 * attachments.CHUNK, head=b"RIFF\x00\x00\x00\x00WAVE")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return len(seen) < 3

    with pytest.raises(ImportCancelled, match="cancelled"):
        project.attach(path, source_id=ids["source"], progress=progress)
    assert seen[-1] == (3 * attachments.CHUNK, path.stat().st_size)
    assert stored_files(project) == 0 and project.attachments() == []
    assert project.store.execute("SELECT count(*) FROM evidence_chunks").fetchone()[0] == 0


def test_verify_names_an_attachment_whose_stored_bytes_no_longer_match(library, tmp_path):
    project, ids = library
    path = tmp_path / "Ledger scan.jpg"
    sha = make_file(path, 2 * attachments.CHUNK + 7, head=b"\xff\xd8\xff\xe0")
    project.attach(path, source_id=ids["source"])
    assert project.verify().ok
    project.store.conn.execute(
        "UPDATE evidence_chunks SET data = zeroblob(length(data)) WHERE n = 1")
    verdict = project.verify()
    assert not verdict.ok
    assert "“Ledger scan.jpg”" in str(verdict) and "Customs bulletin 2023" in str(verdict) and sha[:12] in str(verdict)
    with pytest.raises(attachments.EvidenceDamaged, match="Ledger scan.jpg"):
        project.export_to_temp(sha)
    # A chunk removed is named too.
    project.store.conn.execute("UPDATE evidence_chunks SET data = (SELECT data FROM evidence_chunks WHERE n = 0) "
                               "WHERE n = 1")
    assert not project.verify().ok


def test_attach_and_remove_are_undone_and_redone(library, tmp_path):
    project, ids = library
    path = tmp_path / "note.txt"
    path.write_text("Called the press office at 10:40; they confirmed the figure.", encoding="utf-8")
    steps = history.History(project)
    steps.do(history.Attach(source_id=ids["source"], path=path, note="Phone call"))
    (att,) = project.attachments(source_id=ids["source"])
    assert att.mime == "text/plain"
    steps.undo()
    assert project.attachments(source_id=ids["source"]) == []
    assert stored_files(project) == 1  # the bytes stay for redo
    steps.redo()
    assert [a.id for a in project.attachments(source_id=ids["source"])] == [att.id]
    steps.do(history.Detach(att.id))
    assert project.attachments() == []
    steps.undo()
    assert [a.note for a in project.attachments()] == ["Phone call"]
    assert [e.action for e in project.events(ids["source"])][-5:] == [
        "attachment.create", "attachment.delete", "attachment.restore", "attachment.delete", "attachment.restore"]
    assert project.verify().ok


def test_attaching_by_hash_to_a_deleted_source_is_refused(library, tmp_path):
    project, ids = library
    path = tmp_path / "a.txt"
    path.write_text("text")
    stored = project.store_evidence(path)
    project.delete_source(ids["other"])
    with pytest.raises(InvalidInput, match="deleted"):
        project.attach(sha256=stored.sha256, source_id=ids["other"])
    project.attach(sha256=stored.sha256, source_id=ids["source"], name="renamed.txt")
    assert [a.name for a in project.attachments()] == ["renamed.txt"]


def test_a_read_only_temporary_copy_is_written_for_the_viewer_and_removed_at_the_end(library, tmp_path):
    project, ids = library
    path = tmp_path / "photo.png"
    sha = make_file(path, 300_000, head=b"\x89PNG\r\n\x1a\n")
    project.attach(path, source_id=ids["source"], name="../../photo.png")
    copy = project.export_to_temp(sha, project.attachments()[0].name)
    try:
        assert copy.name == "photo.png" and copy.parent.parent == attachments.session_folder()
        assert stat.S_IMODE(copy.stat().st_mode) == 0o400
        assert copy.read_bytes() == path.read_bytes()
        assert project.export_to_temp(sha, "photo.png") == copy  # the same copy, not another
    finally:
        attachments.remove_session_folder()
    assert not copy.exists()


def test_names_are_made_safe_and_unique():
    assert attachments.safe_name("../../etc/passwd") == "passwd"
    assert attachments.safe_name("..\\..\\Windows\\evil.exe") == "evil.exe"
    assert attachments.safe_name("..") == "file" and attachments.safe_name("") == "file"
    assert attachments.safe_name("CON.txt") == "_CON.txt"
    assert attachments.safe_name("a\nb:c?.pdf") == "a b_c_.pdf"
    assert attachments.safe_name(".hidden") == "hidden"
    assert len(attachments.safe_name("x" * 300 + ".pdf")) == 200 and attachments.safe_name("x" * 300 + ".pdf")[-4:] == ".pdf"
    taken: set[str] = set()
    assert [attachments.unique_name(n, taken) for n in ("a.pdf", "A.pdf", "a.pdf", "b")] == [
        "a.pdf", "A (2).pdf", "a (3).pdf", "b"]


@pytest.mark.parametrize("head, name, mime", [
    (b"\x89PNG\r\n\x1a\n", "photo.pdf", "image/png"),  # the bytes decide
    (b"%PDF-1.7\n", "report", "application/pdf"),
    (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/epub+zip", "book.zip", "application/epub+zip"),
    (b"PK\x03\x04" + bytes(40), "draft.docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"PK\x03\x04" + bytes(40), "crawl.wacz", "application/wacz"),
    (b"\x1f\x8b\x08\x00", "site.warc.gz", "application/warc"),
    (b"WARC/1.1\r\n", "site.warc", "application/warc"),
    (b"<!DOCTYPE html><html><head>", "page.txt", "text/html"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "page.mhtml", "multipart/related"),
    (b"name,value\n1,2\n", "data.csv", "text/csv"),
    ("Declaración jurada del ministro".encode(), "notes", "text/plain"),
    (b"ID3\x04", "call.mp3", "audio/mpeg"),
    (bytes(range(256)), "blob.bin", "application/octet-stream"),
])
def test_the_type_is_sniffed_from_the_bytes_and_the_name(head, name, mime):
    assert attachments.sniff(head, name) == mime


# --- merges and hand-offs ----------------------------------------------------------------------------


def test_attachments_made_in_two_copies_come_together_in_a_merge(copies, tmp_path):
    a, b, ids = copies
    pdf = tmp_path / "stats.pdf"
    make_file(pdf, 2 * attachments.CHUNK + 3, head=b"%PDF-1.5\n", seed=1)
    png = tmp_path / "tweet.png"
    make_file(png, 40_000, head=b"\x89PNG\r\n\x1a\n", seed=2)
    do(a, "ana", lambda p: p.attach(pdf, source_id=ids["source"]))
    do(b, "ben", lambda p: p.attach(png, citation_id=ids["citation"], note="Deleted since"))
    with Project.open(a, user="ana") as p:
        plan, _ = merge.merge(p, b)
        assert plan.counts == {"attachment": 1} and len(plan.their_files) == 1
        assert sorted(x.name for x in p.attachments()) == ["stats.pdf", "tweet.png"]
        (tweet,) = p.attachments(citation_id=ids["citation"])
        assert b"".join(p.evidence_chunks(tweet.sha256)) == png.read_bytes() and tweet.note == "Deleted since"
        assert p.verify().ok
        # Undone, the merge takes its files back too.
        merge.undo(p, plan.journal)
        assert [x.name for x in p.attachments()] == ["stats.pdf"] and stored_files(p) == 1
        merge.merge(p, b)
    # And back the other way: ben's copy gets ana's file.
    with Project.open(b, user="ben") as p:
        merge.merge(p, a)
        assert sorted(x.name for x in p.attachments()) == ["stats.pdf", "tweet.png"]
        assert all(x.stored for x in p.attachments()) and p.verify().ok
        assert merge.plan(p, a).nothing


def test_the_same_file_attached_to_the_same_source_in_both_copies_is_listed_once(copies, tmp_path):
    a, b, ids = copies
    png = tmp_path / "tweet.png"
    make_file(png, 40_000, head=b"\x89PNG\r\n\x1a\n", seed=3)
    first = do(a, "ana", lambda p: p.attach(png, source_id=ids["source"]).created)
    second = do(b, "ben", lambda p: p.attach(png, source_id=ids["source"], name="same-tweet.png").created)
    kept = min(first, second)  # whichever copy merges first, the same one stays
    with Project.open(a, user="ana") as p:
        merge.merge(p, b)
        assert [x.id for x in p.attachments(source_id=ids["source"])] == [kept]
        assert p.verify().ok
    with Project.open(b, user="ben") as p:  # before taking ana's merge: the same choice made the other way
        merge.merge(p, a)
        assert [x.id for x in p.attachments(source_id=ids["source"])] == [kept]
        assert p.verify().ok
    with Project.open(a, user="ana") as p:
        merge.merge(p, b)
        assert [x.id for x in p.attachments(source_id=ids["source"])] == [kept] and p.verify().ok
        assert merge.plan(p, b).nothing or not merge.plan(p, b).conflicts


def test_a_removal_in_one_copy_reaches_the_other(copies, tmp_path):
    a, b, ids = copies
    path = tmp_path / "a.txt"
    path.write_text("evidence")
    attachment_id = do(a, "ana", lambda p: p.attach(path, source_id=ids["source"]).created)
    with Project.open(b, user="ben") as p:
        merge.merge(p, a)
        p.detach(attachment_id)
    with Project.open(a, user="ana") as p:
        merge.merge(p, b)
        assert p.attachments() == [] and p.verify().ok


def test_a_handoff_carries_attachments_and_their_files_streamed(copies, tmp_path):
    a, b, ids = copies
    path = tmp_path / "recording.ogg"
    sha = make_file(path, 3 * attachments.CHUNK, head=b"OggS", seed=3)
    do(b, "ben", lambda p: p.attach(path, source_id=ids["source"], note="Interview"))
    with Project.open(b, user="ben") as p:
        written = handoff.write(p, tmp_path / "ben.factcheck-changes")
    import zipfile

    with zipfile.ZipFile(written.path) as archive:
        info = archive.getinfo(f"evidence/{sha}")
        assert info.compress_type == zipfile.ZIP_STORED and info.file_size == path.stat().st_size
    received = handoff.read(written.path)
    assert received.evidence_names == [sha]
    with Project.open(a, user="ana") as p:
        plan = merge.plan(p, written.path)
        assert plan.their_files == [sha]
        merge.apply(p, plan)
        (att,) = p.attachments()
        assert att.note == "Interview" and att.stored
        assert hashlib.sha256(b"".join(p.evidence_chunks(sha))).hexdigest() == sha
        assert p.verify().ok


def test_a_handoff_whose_evidence_was_edited_is_refused_and_nothing_is_merged(copies, tmp_path):
    a, b, ids = copies
    path = tmp_path / "x.pdf"
    sha = make_file(path, 100_000, head=b"%PDF-1.4\n")
    do(b, "ben", lambda p: p.attach(path, source_id=ids["source"]))
    with Project.open(b, user="ben") as p:
        written = handoff.write(p, tmp_path / "ben.factcheck-changes")
    import zipfile

    forged = tmp_path / "forged.factcheck-changes"
    with zipfile.ZipFile(written.path) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, data.replace(b"%PDF", b"%PDX") if info.filename == f"evidence/{sha}" else data)
    with Project.open(a, user="ana") as p:
        n = len(p.events())
        with pytest.raises(KnownError, match="does not match its SHA-256"):
            merge.merge(p, forged)
        assert len(p.events()) == n and p.attachments() == [] and stored_files(p) == 0


def test_the_bytes_of_an_attachment_left_behind_come_with_a_later_merge(copies, tmp_path):
    a, b, ids = copies
    path = tmp_path / "video.webm"
    make_file(path, 2 * attachments.CHUNK, head=b"\x1a\x45\xdf\xa3webm")
    do(a, "ana", lambda p: p.attach(path, source_id=ids["source"]))
    with Project.open(b, user="ben") as p:
        merge.merge(p, a)
        # As a sync leaves a large file behind: the attachment without its bytes.
        p.store.conn.execute("DELETE FROM evidence_files")
        (att,) = p.attachments()
        assert not att.stored and p.verify().ok
        with pytest.raises(KnownError, match="not stored in this copy"):
            p.export_to_temp(att.sha256)
        plan = merge.plan(p, a)
        assert not plan.nothing and not plan.incoming and "attached files would come in" in plan.summary()
        merge.apply(p, plan)
        assert p.attachments()[0].stored and p.verify().ok


def test_a_long_name_in_a_script_of_wide_characters_fits_a_file_system(library, tmp_path):
    """File systems count a name's bytes (255 at most): 150 Cyrillic letters or 100 emoji are 300 and 400 of them."""
    for name in ("Доклад министерства " * 8 + ".pdf", "😀" * 100 + ".png", "ñ" * 199 + ".txt"):
        safe = attachments.safe_name(name)
        assert len(safe.encode("utf-8")) <= 200 and safe.endswith(name[-4:]) and safe[:3] == name[:3]
    project, ids = library
    path = tmp_path / "scan.pdf"
    sha = make_file(path, 5000, head=b"%PDF-1.4\n")
    project.attach(path, source_id=ids["source"], name="Доклад министерства " * 10 + ".pdf")
    try:
        copy = project.export_to_temp(sha, project.attachments()[0].name)
        assert copy.read_bytes() == path.read_bytes() and copy.name.startswith("Доклад министерства")
    finally:
        attachments.remove_session_folder()


@pytest.mark.parametrize("where", ["source", "citation"])
def test_a_file_attached_in_one_copy_to_a_source_deleted_in_the_other_is_a_question(copies, tmp_path, where):
    """As a citation is: without it the file would come in hidden under a deleted source, and the work lost from view."""
    a, b, ids = copies
    path = tmp_path / "captura.png"
    make_file(path, 3000, head=b"\x89PNG\r\n\x1a\n")
    place = {"source_id": ids["source"]} if where == "source" else {"citation_id": ids["citation"]}
    do(a, "ana", lambda p: p.attach(path, **place))
    do(b, "ben", lambda p: p.delete_source(ids["source"]))
    with Project.open(b, user="ben") as p:
        plan = merge.plan(p, a)
        (conflict,) = plan.conflicts
        assert (conflict.table, conflict.id, conflict.field) == ("sources", ids["source"], "deleted")
        assert "files were attached to it in the other" in conflict.sentence
        merge.apply(p, plan, {conflict.key: merge.THEIRS})  # kept: the source, its citation and the file are back
        assert [x.name for x in p.attachments()] == ["captura.png"] and p.verify().ok
    # A file put on the citation of a claim deleted in the other copy is a question about the claim.
    do(a, "ana", lambda p: merge.merge(p, b))
    second = tmp_path / "acta.pdf"
    make_file(second, 3000, head=b"%PDF-1.4\n")
    do(a, "ana", lambda p: p.attach(second, **place))
    do(b, "ben", lambda p: p.delete_claim(ids["claim"]))
    with Project.open(b, user="ben") as p:
        assert [c.table for c in merge.plan(p, a).conflicts] == (["claims"] if where == "citation" else [])


def test_a_copy_taken_away_between_planning_and_merging_is_named_and_only_its_files_need_it(copies, tmp_path):
    a, b, ids = copies
    do(b, "ben", lambda p: p.update_source(ids["source"], publisher="INE"))
    moved = tmp_path / "moved.factcheck"
    with Project.open(a, user="ana") as p:  # nothing attached: the plan holds all it needs
        plan = merge.plan(p, b)
        b.rename(moved)
        merge.apply(p, plan)
        assert p.source(ids["source"]).publisher == "INE"
    moved.rename(b)
    path = tmp_path / "x.pdf"
    make_file(path, 5000, head=b"%PDF-1.4\n")
    do(b, "ben", lambda p: p.attach(path, source_id=ids["source"]))
    with Project.open(a, user="ana") as p:  # its file is read at the merge: refused, naming that copy
        plan = merge.plan(p, b)
        n = len(p.events())
        b.rename(moved)
        with pytest.raises(merge.MergeRefused, match="ben.factcheck can no longer be read"):
            merge.apply(p, plan)
        assert len(p.events()) == n and p.attachments() == [] and stored_files(p) == 0


def test_a_chunk_turned_into_text_outside_factcheck_is_read_as_bytes_not_a_crash(library, tmp_path):
    """SQLite refuses to hand back text that is not UTF-8: the chunks are read as blobs, whatever their type."""
    project, ids = library
    path = tmp_path / "scan.pdf"
    make_file(path, attachments.CHUNK + 100, head=b"%PDF-1.4\n\xff\xfe")
    project.attach(path, source_id=ids["source"])
    project.store.conn.execute("UPDATE evidence_chunks SET data = CAST(data AS TEXT) WHERE n = 0")
    assert project.verify().ok  # the same bytes, only typed as text
    assert b"".join(project.evidence_chunks(project.attachments()[0].sha256)) == path.read_bytes()
    project.store.conn.execute("UPDATE evidence_chunks SET data = data || 'x' WHERE n = 0")
    verdict = project.verify()
    assert not verdict.ok and "“scan.pdf”" in str(verdict)
