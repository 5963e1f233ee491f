"""Shared fixtures. Qt runs offscreen: set before any Qt module loads."""

from __future__ import annotations

import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from factcheck.core.project import Project  # noqa: E402
from factcheck.importers import ImportedArticle  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "us-sanctions-petro.txt"


def imported(text: str, title: str = "Test article", name: str = "test.txt") -> ImportedArticle:
    return ImportedArticle(
        text=text, title=title, source_format="text", source_name=name,
        original=text.encode("utf-8"), mime="text/plain",
    )


@pytest.fixture(autouse=True)
def _factcheck_home(tmp_path_factory, monkeypatch):
    """Settings, backups and logs go to a throwaway folder, never the real home."""
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "test.factcheck", user="ana")
    yield p
    p.close()


@pytest.fixture
def article(project, sample_text):
    """(project, article id, current version) with the sample article imported."""
    article_id = project.import_article(imported(sample_text)).created
    return project, article_id, project.current_version(article_id)
