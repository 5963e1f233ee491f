"""Choosing what to export, and writing it: empty selections, bad paths, atomic files."""

from __future__ import annotations

import os
import tempfile

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.core.errors import KnownError
from factcheck.exporters import _data

from ..conftest import imported
from .conftest import approve


@pytest.fixture
def two_articles(demo_project):
    p = demo_project
    other = p.import_article(imported("Second article. The minister said inflation fell to 3% in May.", title="Second")).created
    v = p.current_version(other)
    at = v.text.index("inflation fell")
    claim = p.create_claim(v.id, at, at + 26, rating="true", verdict_summary="It did.").created
    approve(p, [claim], status=model.PUBLISHED)
    return p, other, claim


def test_default_selection_is_approved_and_published_of_all_articles(two_articles):
    p, other, claim = two_articles
    report = _data.gather(p)
    assert report.selection.statuses == ("approved", "published")
    assert [len(a.claims) for a in report.articles] == [5, 1]
    assert report.claim_count == 6


def test_articles_and_statuses_filter(two_articles):
    p, other, claim = two_articles
    only = _data.gather(p, exporters.Selection(article_ids=[other]))
    assert [a.id for a in only.articles] == [other] and only.claim_count == 1
    published = _data.gather(p, exporters.Selection(statuses=["published"]))
    assert [c.id for _, c in published.claims] == [claim]
    assert isinstance(exporters.Selection(article_ids=[other], statuses=["draft"]).statuses, tuple)


@pytest.mark.parametrize("selection,message", [
    (exporters.Selection(statuses=("draft",)), "Nothing to export: no claims in this project have the status draft."),
    (exporters.Selection(statuses=("draft", "in_review")),
     "Nothing to export: no claims in this project have the status draft or in review."),
    (exporters.Selection(article_ids=()), "Nothing to export: no articles were chosen."),
])
def test_empty_selections_say_why(demo_project, tmp_path, selection, message):
    target = tmp_path / "out.html"
    with pytest.raises(exporters.NothingToExport) as caught:
        exporters.export_to_file(demo_project, "html", selection, target)
    assert str(caught.value) == message
    assert not target.exists() and not list(tmp_path.glob(".out.html*"))


def test_empty_selection_in_the_chosen_articles(two_articles, tmp_path):
    p, other, _ = two_articles
    with pytest.raises(exporters.NothingToExport, match="no claims in the chosen article have the status approved"):
        exporters.export(p, "csv", exporters.Selection(article_ids=[other], statuses=("approved",)))


def test_unknown_format_status_or_article(demo_project):
    with pytest.raises(KnownError, match="no export format called 'docx'"):
        exporters.export(demo_project, "docx")
    with pytest.raises(KnownError, match="'done' is not a review status"):
        exporters.export(demo_project, "html", exporters.Selection(statuses=("done",)))
    with pytest.raises(KnownError, match="no article with id 'nope'"):
        exporters.export(demo_project, "html", exporters.Selection(article_ids=("nope",)))


@pytest.mark.parametrize("fmt", sorted(exporters.FORMATS))
def test_every_format_writes_a_file_and_leaves_no_temporary(demo_project, tmp_path, fmt, qapp):
    target = tmp_path / f"out{exporters.EXTENSIONS[fmt]}"
    before = demo_project.counts()
    done = exporters.export_to_file(demo_project, fmt, exporters.Selection(), target)
    assert done.path == target and done.claim_count == 5 and done.article_count == 1
    assert target.stat().st_size > 500
    assert sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith("demo.factcheck")) == [target.name]
    assert demo_project.counts() == before  # exporting writes nothing to the project


def test_missing_folder_and_folder_paths_are_refused(demo_project, tmp_path):
    with pytest.raises(KnownError, match="the folder .* does not exist"):
        exporters.export_to_file(demo_project, "csv", exporters.Selection(), tmp_path / "missing" / "out.csv")
    with pytest.raises(KnownError, match="it is a folder"):
        exporters.export_to_file(demo_project, "csv", exporters.Selection(), tmp_path)


def test_the_project_file_itself_is_never_overwritten(demo_project):
    before = demo_project.path.read_bytes()[:100]
    with pytest.raises(KnownError, match="it is the project file itself"):
        exporters.export_to_file(demo_project, "html", exporters.Selection(), demo_project.path)
    assert demo_project.path.read_bytes()[:100] == before
    assert len(demo_project.claims()) == 5


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(demo_project, tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("the previous report")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(KnownError, match=r"^Cannot write report.html: permission denied\.$"):
        exporters.export_to_file(demo_project, "html", exporters.Selection(), target)
    assert target.read_text() == "the previous report"
    assert sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith("demo.factcheck")) == ["report.html"]


def test_an_unwritable_folder_is_a_clear_error(demo_project, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(KnownError, match="Cannot write out.md: permission denied"):
        exporters.export_to_file(demo_project, "markdown", exporters.Selection(), tmp_path / "out.md")
    assert not (tmp_path / "out.md").exists()


def test_an_existing_file_is_replaced_whole(demo_project, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("x" * 100_000)
    exporters.export_to_file(demo_project, "csv", exporters.Selection(), target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfarticle,")
    assert len(target.read_bytes()) < 100_000
