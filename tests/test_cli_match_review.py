"""`factcheck search` and `factcheck match` on bad input: one sentence and exit 1, never "a bug in factcheck"."""

from __future__ import annotations

from tests.core.test_library import make_project
from tests.test_cli_library import run


def test_a_queries_file_that_is_not_utf8_is_one_sentence(tmp_path):
    lib = str(tmp_path / "lib.sqlite")
    make_project(tmp_path / "a.factcheck")
    assert run("library", "add", str(tmp_path / "a.factcheck"), "--library", lib).returncode == 0
    queries = tmp_path / "queries.txt"
    queries.write_bytes("Vaccines cause autism\n".encode() + "La vacunación causa autismo\n".encode("latin-1"))
    out = run("match", "--queries", str(queries), "--library", lib)
    assert out.returncode == 1
    assert out.stderr.strip() == "Error: queries.txt is not UTF-8 text (line 2); save it as UTF-8 and try again."
    assert "bug" not in out.stderr


def test_search_with_a_rating_the_scale_lacks_says_so(tmp_path):
    make_project(tmp_path / "a.factcheck")
    out = run("search", str(tmp_path / "a.factcheck"), "vaccines", "--rating", "Falso")
    assert out.returncode == 1
    assert out.stderr.startswith("Error: 'Falso' is not a rating on the") and "bug" not in out.stderr
