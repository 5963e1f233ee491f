"""`factcheck attach`, `factcheck attachments` and `factcheck export --format evidence`, as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from factcheck.core.project import Project

from .conftest import imported


def run_main(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


@pytest.fixture
def desk(tmp_path):
    """(project path, ids): a claim citing the customs bulletin; a confidential tip-off source."""
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported("Las exportaciones cayeron un 12 % en 2023, dijo el ministro. 📉")).created
        version = p.current_version(article_id)
        claim_id = p.create_claim(version.id, 0, 40).created
        source_id = p.create_source(title="Boletín de aduanas 2023").created
        secret_id = p.create_source(title="Tip-off", confidential=True).created
        p.cite(claim_id, source_id, "contradicts")
    return path, {"claim": claim_id, "source": source_id, "secret": secret_id, "article": article_id}


def test_attach_by_title_or_id_prefix_and_list_with_hashes(desk, tmp_path):
    path, ids = desk
    scan = tmp_path / "tabla 4.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = run_main("attach", str(path), "boletín de aduanas 2023", str(scan), "--note", "Cuadro 4", "--user", "ben")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Attached tabla 4.png (")
    recording = tmp_path / "llamada.ogg"
    recording.write_bytes(b"OggS" + bytes(5000))
    result = run_main("attach", str(path), ids["source"][:8], str(recording), "--citation", ids["claim"][:8])
    assert result.returncode == 0, result.stderr
    listed = run_main("attachments", str(path))
    assert listed.returncode == 0, listed.stderr
    with Project.open(path) as p:
        made = p.attachments()
        assert [(a.name, a.note, a.citation_id is not None) for a in made] == [
            ("tabla 4.png", "Cuadro 4", False), ("llamada.ogg", "", True)]
        assert made[0].captured_by == "ben"
        for a in made:
            assert a.sha256 in listed.stdout and a.name in listed.stdout
    assert f"(claim {ids['claim'][:8]})" in listed.stdout


def test_attach_refuses_in_one_line(desk, tmp_path):
    path, ids = desk
    present = tmp_path / "a.txt"
    present.write_text("x")
    cases = [
        (("Nowhere", str(present)), "Error: No source has the id or title 'Nowhere'."),
        (("Boletín", str(tmp_path / "missing.pdf")), "Error: missing.pdf does not exist."),
        (("Boletín", str(tmp_path)), "is a folder; attach the files in it one by one."),
    ]
    for args, expected in cases:
        result = run_main("attach", str(path), *args)
        assert result.returncode == 1 and expected in result.stderr and result.stderr.count("\n") == 1, result.stderr
    result = run_main("attach", str(path), "Tip-off", str(present), "--citation", ids["claim"][:8])
    assert result.returncode == 1 and "does not cite “Tip-off”" in result.stderr
    with Project.open(path) as p:
        assert p.attachments() == []


def test_the_evidence_zip_checks_with_sha256sum_and_its_names_are_safe(desk, tmp_path):
    path, ids = desk
    with Project.open(path, user="ana") as p:
        for name, data in (("../../escape.txt", b"one"), ("..\\..\\escape.txt", b"two"), ("ESCAPE.TXT", b"three"),
                           ("/etc/passwd", b"four"), ("informe final.pdf", b"%PDF-1.4 five"), ("CON", b"six")):
            source = tmp_path / "upload.bin"
            source.write_bytes(data)
            p.attach(source, source_id=ids["source"], name=name)
        secret = tmp_path / "tip.txt"
        secret.write_text("the informant's name")
        p.attach(secret, source_id=ids["secret"])
    out = tmp_path / "evidence.zip"
    result = run_main("export", str(path), "--format", "evidence", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote 6 files (")
    assert "1 file of a confidential source was left out" in result.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist() if
                   info.filename.startswith("files/"))
    assert set(names) == {"SHA256SUMS", "manifest.json", "files/escape.txt", "files/escape (2).txt",
                          "files/ESCAPE (3).TXT", "files/passwd", "files/informe final.pdf", "files/_CON"}
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    with zipfile.ZipFile(out) as archive:
        archive.extractall(unpacked)
    assert not (tmp_path / "escape.txt").exists()
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == 6
    manifest = json.loads((unpacked / "manifest.json").read_text(encoding="utf-8"))
    first = manifest["attachments"][0]
    assert first["name"] == "../../escape.txt" and first["file"] == "files/escape.txt"
    assert first["source"]["title"] == "Boletín de aduanas 2023" and first["captured_by"] == "ana"
    assert "Tip-off" not in (unpacked / "manifest.json").read_text(encoding="utf-8")
    # A file changed after the export no longer checks.
    (unpacked / "files" / "passwd").write_bytes(b"forged")
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True)
    assert checked.returncode != 0 and "files/passwd: FAILED" in checked.stdout


def test_the_evidence_export_of_a_damaged_file_writes_nothing(desk, tmp_path):
    path, ids = desk
    with Project.open(path, user="ana") as p:
        source = tmp_path / "a.pdf"
        source.write_bytes(b"%PDF-1.4 " + bytes(3_000_000))
        p.attach(source, source_id=ids["source"])
        p.store.conn.execute("UPDATE evidence_chunks SET data = zeroblob(10) WHERE n = 2")
    out = tmp_path / "evidence.zip"
    result = run_main("export", str(path), "--format", "evidence", "-o", str(out))
    assert result.returncode == 1 and "is damaged" in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob(".evidence.zip*"))
    verified = run_main("verify", str(path))
    assert verified.returncode == 1 and "“a.pdf”" in verified.stdout


def test_the_reports_list_each_attachment_with_its_hash_under_its_source(desk, tmp_path):
    path, ids = desk
    with Project.open(path, user="ana") as p:
        p.store.conn.execute("UPDATE claims SET status = 'approved', approved_by = 'eve', approved_at = '2024-01-01'")
        source = tmp_path / "cuadro.png"
        source.write_bytes(b"\x89PNG\r\n\x1a\n1")
        sha = p.attach(source, source_id=ids["source"]) and p.attachments()[0].sha256
        (citation,) = p.citations(ids["claim"])
        note = tmp_path / "nota.txt"
        note.write_text("llamada")
        p.attach(note, citation_id=citation.id)
        sha2 = p.attachments(citation_id=citation.id)[0].sha256
    for fmt, suffix in (("html", ".html"), ("markdown", ".md")):
        out = tmp_path / f"report{suffix}"
        result = run_main("export", str(path), "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert sha in text and sha2 in text and "cuadro.png" in text and "nota.txt" in text
        assert text.index("Boletín de aduanas 2023") < text.index(sha)


def test_the_evidence_zip_leaves_out_the_files_of_a_deleted_claim(desk, tmp_path):
    path, ids = desk
    from factcheck.exporters import evidence
    from factcheck.exporters._data import Selection

    with Project.open(path, user="ana") as p:
        citation_id = p.citations(ids["claim"])[0].id
        shot = tmp_path / "captura.png"
        shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
        p.attach(shot, citation_id=citation_id)
        own = tmp_path / "boletín.pdf"
        own.write_bytes(b"%PDF-1.4 bulletin")
        p.attach(own, source_id=ids["source"])
        p.delete_claim(ids["claim"])
        written = evidence.export_to_file(p, Selection(), tmp_path / "evidence.zip")
        manifest = json.loads(zipfile.ZipFile(written.path).read("manifest.json"))
        assert [a["name"] for a in manifest["attachments"]] == ["boletín.pdf"]  # the source's own file stays
        assert "exportaciones" not in json.dumps(manifest, ensure_ascii=False)  # nor the deleted claim's words
        p.restore_claim(ids["claim"])
        p.delete_article(ids["article"])
        written = evidence.export_to_file(p, Selection(), tmp_path / "evidence.zip")
        assert [a["name"] for a in json.loads(zipfile.ZipFile(written.path).read("manifest.json"))["attachments"]] \
            == ["boletín.pdf"]
