"""`factcheck library` and `factcheck match`: the verdict library from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.core.test_library import make_project, review_item


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=input, capture_output=True, text=True,
                          timeout=120)


def test_add_info_match_and_remove(tmp_path):
    lib = str(tmp_path / "lib.sqlite")
    make_project(tmp_path / "a.factcheck")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"dataFeedElement": [{"item": [review_item(1), review_item(2, url="javascript:x")]}]}),
                    encoding="utf-8")
    added = run("library", "add", str(tmp_path / "a.factcheck"), str(feed), "--library", lib)
    assert added.returncode == 0, added.stderr
    assert "a.factcheck: 3 claims" in added.stdout
    assert "feed.json: 2 fact-checks (ClaimReview); 1 URLs that were not http(s) dropped" in added.stdout
    again = run("library", "add", str(tmp_path / "a.factcheck"), "--library", lib)
    assert "a.factcheck: unchanged, 3 claims" in again.stdout
    info = run("library", "info", "--library", lib)
    assert "Projects: 1 (3 claims)" in info.stdout and "ClaimReview files: 1 (2 fact-checks)" in info.stdout
    assert lib in info.stdout
    found = run("match", "--library", lib, "Petro permitió que los carteles florecieran")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1. [") and "False (Draft): Petro allowed the cartels to flourish in Colombia" in found.stdout
    (tmp_path / "a.factcheck").unlink()
    assert "[missing: the file is gone; its claims are kept]" in run("library", "info", "--library", lib).stdout
    removed = run("library", "remove", "--missing", "--library", lib)
    assert "Forgot 1 missing projects." in removed.stdout
    assert "Projects: 0 (0 claims)" in run("library", "info", "--library", lib).stdout


def test_match_queries_writes_one_json_line_each(tmp_path):
    lib = str(tmp_path / "lib.sqlite")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([review_item(i, claimReviewed=f"Claim {i}: the harbour of Valparaíso closed")
                                for i in range(8)]), encoding="utf-8")
    assert run("library", "add", str(feed), "--library", lib).returncode == 0
    queries = tmp_path / "queries.txt"
    queries.write_text('harbour of Valparaíso closed\n\n{"id": "q-7", "text": "Valparaíso harbour claim 7"}\n'
                       '"NEAR * -"\n', encoding="utf-8")
    out = run("match", "--queries", str(queries), "--library", lib, "--top", "2")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == [1, "q-7", 4]
    assert len(lines[0]["matches"]) == 2 and lines[2]["matches"] == []
    best = lines[1]["matches"][0]
    assert best["url"] == "https://checks.example.org/7" and best["rating"] == "False"
    assert set(best) == {"url", "claim", "rating", "score"} and isinstance(best["score"], float)
    piped = run("match", "--queries", "-", "--library", lib, input="harbour\n")
    assert len(json.loads(piped.stdout)["matches"]) == 5


def test_a_file_that_is_not_json_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "notes.json").write_text("hello", encoding="utf-8")
    out = run("library", "add", str(tmp_path / "notes.json"), "--library", str(tmp_path / "lib.sqlite"))
    assert out.returncode == 1
    assert out.stderr.strip() == "Error: notes.json is not a ClaimReview JSON file: it is not valid JSON."


def test_match_needs_text_or_queries(tmp_path):
    out = run("match", "--library", str(tmp_path / "lib.sqlite"))
    assert out.returncode != 0 and "Give the claim as TEXT" in out.stderr
    empty = run("match", "--library", str(tmp_path / "none.sqlite"), "anything")
    assert empty.returncode == 0 and empty.stdout.strip() == "No earlier verdict matches."
    assert not (tmp_path / "none.sqlite").exists()  # a match never creates a library
