"""`factcheck export` and `factcheck import-annotations`, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from factcheck import demo
from factcheck.core.project import Project

from .conftest import SAMPLE, imported


def run_main(*args):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=120)


def make_demo(tmp_path, approved=True):
    path = tmp_path / "demo.factcheck"
    with demo.build(path) as p:
        if approved:
            p.store.conn.execute("UPDATE claims SET status = 'approved', approved_at = '2025-10-26T09:00:00.000Z', approved_by = 'Eve'")
        return path, p.articles()[0].id


def test_export_writes_and_says_what(tmp_path):
    path, article_id = make_demo(tmp_path)
    out = tmp_path / "report.html"
    result = run_main("export", str(path), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 5 claims from 1 article to {out}"
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")
    # ClaimReview advice goes to stderr as warnings, without failing.
    assert "Warning: Claim 2: the claim reviewed is 97 characters long" in result.stderr


def test_export_filters_by_article_and_status(tmp_path):
    path, article_id = make_demo(tmp_path)
    out = tmp_path / "claims.csv"
    result = run_main("export", str(path), "-f", "csv", "-o", str(out), "--article", article_id,
                      "--status", "approved", "--status", "draft")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8-sig").count("\n") >= 6
    result = run_main("export", str(path), "-f", "markdown", "-o", str(tmp_path / "x.md"), "--status", "published")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: Nothing to export: no claims in this project have the status published."
    assert not (tmp_path / "x.md").exists()


def test_export_confidential_only_when_asked(tmp_path):
    path, _ = make_demo(tmp_path)
    out = tmp_path / "a.jsonld"
    assert run_main("export", str(path), "-f", "webannotation", "-o", str(out)).returncode == 0
    assert "foreign ministry official" not in out.read_text()
    assert run_main("export", str(path), "-f", "webannotation", "-o", str(out), "--include-confidential").returncode == 0
    assert "foreign ministry official" in out.read_text()


def test_export_to_an_unwritable_place_is_one_line_and_leaves_the_project_alone(tmp_path):
    path, _ = make_demo(tmp_path)
    before = path.read_bytes()
    result = run_main("export", str(path), "-f", "pdf", "-o", str(tmp_path / "no" / "such" / "r.pdf"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: Cannot write r.pdf: the folder {tmp_path / 'no' / 'such'} does not exist."
    result = run_main("export", str(path), "-f", "html", "-o", str(path))
    assert result.returncode == 1 and "it is the project file itself" in result.stderr
    assert path.read_bytes() == before


def test_export_refuses_an_unknown_format(tmp_path):
    path, _ = make_demo(tmp_path)
    result = run_main("export", str(path), "-f", "docx", "-o", str(tmp_path / "x"))
    assert result.returncode == 2 and "docx" in result.stderr


def test_pdf_from_the_command_line(tmp_path):
    path, _ = make_demo(tmp_path)
    out = tmp_path / "report.pdf"
    result = run_main("export", str(path), "-f", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_import_annotations_round_trip(tmp_path):
    path, _ = make_demo(tmp_path)
    out = tmp_path / "a.jsonld"
    assert run_main("export", str(path), "-f", "webannotation", "-o", str(out)).returncode == 0
    other = tmp_path / "other.factcheck"
    with Project.create(other) as p:
        p.import_article(imported(SAMPLE.read_text(encoding="utf-8")))
    result = run_main("import-annotations", str(other), str(out), "--user", "Zoe")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Imported 5 claims from 5 annotations; 4 sources added to the library."
    assert any("a confidential source was left out" in line for line in lines)
    with Project.open(other) as p:
        assert len(p.claims()) == 5
        assert {e.actor for e in p.events() if e.action == "claim.create"} == {"Zoe"}
    again = run_main("import-annotations", str(other), str(out))
    assert again.returncode == 1
    assert again.stdout.splitlines()[:2] == ["Imported 0 claims from 5 annotations.", "Skipped 5:"]


def test_import_annotations_of_a_malformed_file_fails_cleanly(tmp_path):
    other = tmp_path / "other.factcheck"
    Project.create(other).close()
    bad = tmp_path / "bad.jsonld"
    bad.write_text('{"type": "AnnotationCollection", "first": {"items": [')
    result = run_main("import-annotations", str(other), str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Error: The annotation file is not valid JSON")
    assert "Traceback" not in result.stderr
    empty = tmp_path / "empty.jsonld"
    empty.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 0}))
    result = run_main("import-annotations", str(other), str(empty))
    assert result.returncode == 0 and result.stdout.strip() == "Imported 0 claims from 0 annotations."
    missing = run_main("import-annotations", str(other), str(tmp_path / "nope.jsonld"))
    assert missing.returncode == 1 and missing.stderr.startswith("Error: Cannot read")
