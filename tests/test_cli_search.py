"""``factcheck search PROJECT QUERY``: one line per hit, filters, JSON, and hostile queries that are only words."""

from __future__ import annotations

import json

import pytest

from factcheck.core.project import Project

from .conftest import imported, run_cli as run

TEXT = "😀 El ministro dijo en Bogotá que la verificación fue rápida.\n\nThe prices are rising, officials said."


@pytest.fixture
def desk(tmp_path):
    path = tmp_path / "desk.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(TEXT, title="Sanciones")).created
        version = p.current_version(article_id)
        start = TEXT.index("El ministro")
        claim_id = p.create_claim(version.id, start, start + 11, statement="Las verificaciones de Bogotá",
                                  claimant="Gustavo Petro").created
        p.create_source(title="Informe del DANE", publisher="DANE")
    return path, {"article": article_id, "claim": claim_id}


def test_one_line_per_hit_with_kind_where_and_marked_words(capsys, desk):
    path, ids = desk
    code, out, err = run(capsys, "search", str(path), "bogota")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    claim = next(line for line in lines if line.startswith("claim"))
    assert ids["claim"][:8] in claim and "Sanciones, statement" in claim and "[Bogotá]" in claim
    article = next(line for line in lines if line.startswith("article"))
    assert f"Sanciones @ {TEXT.index('Bogotá')}" in article and "[Bogotá]" in article


def test_stems_phrases_and_prefixes(capsys, desk):
    path, _ = desk
    assert "[verificación]" in run(capsys, "search", str(path), "verificaciones")[1]
    assert "[rising]" in run(capsys, "search", str(path), "rises")[1]
    assert "[prices are rising]" in run(capsys, "search", str(path), '"prices are rising"')[1]
    assert "[Gustavo]" in run(capsys, "search", str(path), "gust*")[1]


def test_filters(capsys, desk):
    path, ids = desk
    assert run(capsys, "search", str(path), "bogota", "--status", "approved")[1] == "No matches.\n"
    out = run(capsys, "search", str(path), "bogota", "--status", "draft", "--checker", "ana")[1]
    assert out.startswith("claim") and len(out.splitlines()) == 1
    out = run(capsys, "search", str(path), "bogota", "--article", ids["article"][:6], "--since", "2020-01",
              "--until", "2999")[1]
    assert len(out.splitlines()) == 2
    code, _out, err = run(capsys, "search", str(path), "bogota", "--since", "last week")
    assert code == 1 and err.startswith("Error: The start date") and "Traceback" not in err
    assert len(run(capsys, "search", str(path), "the OR bogota OR dane", "--limit", "1")[1].splitlines()) <= 1


def test_json(capsys, desk):
    path, ids = desk
    code, out, _err = run(capsys, "search", str(path), "bogota", "--json")
    hits = json.loads(out)
    assert code == 0 and {h["kind"] for h in hits} == {"claim", "article"}
    article = next(h for h in hits if h["kind"] == "article")
    assert TEXT[article["start"]:article["end"]] == "Bogotá"
    assert [article["snippet"][s:e] for s, e in article["marks"]] == ["Bogotá"]
    claim = next(h for h in hits if h["kind"] == "claim")
    assert claim["id"] == ids["claim"] and claim["status"] == "draft"
    assert json.loads(run(capsys, "search", str(path), "zzz", "--json")[1]) == []


@pytest.mark.parametrize("query", ['"unbalanced', "*", "NEAR(a b)", "-", "AND", "?!¿¡...", "x" * 10_000,
                                   "مرحبا بالعالم", "😀😀", '"" ** NOT OR'])
def test_a_hostile_query_is_words_never_an_error(capsys, desk, query):
    path, _ = desk
    code, out, err = run(capsys, "search", str(path), query)
    assert code == 0 and err == ""
    assert out == "No matches.\n"


def test_an_unbalanced_quote_still_finds_its_words(capsys, desk):
    path, _ = desk
    assert "[Bogotá]" in run(capsys, "search", str(path), '"bogota ministro')[1]
