"""Fixtures for widget tests: a session on a fresh project with the sample article."""

from __future__ import annotations

import pytest

from factcheck.ui.session import Session


@pytest.fixture
def session(article, qapp):
    project, article_id, version = article
    s = Session(project)
    s.article_id = article_id
    s.version = version
    return s
