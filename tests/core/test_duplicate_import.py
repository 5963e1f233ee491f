"""A file or text the project holds already is found before it becomes a second copy of one article."""

from __future__ import annotations

import dataclasses

from factcheck import importers

from ..conftest import SAMPLE, imported


def test_the_same_file_again_is_found_by_its_bytes(project, tmp_path):
    first = importers.import_file(str(SAMPLE))
    article_id = project.import_article(first).created
    again = importers.import_file(str(SAMPLE))
    found = project.already_imported(again)
    assert [v.article_id for v in found] == [article_id]
    assert found[0].number == 1 and found[0].imported_at == project.current_version(article_id).imported_at
    # The same bytes read otherwise (a newer importer cleans the text differently): still the same file.
    reread = dataclasses.replace(again, text=again.text + "\nA line a newer importer keeps.")
    assert [v.article_id for v in project.already_imported(reread)] == [article_id]


def test_the_same_words_in_another_format_are_found_by_their_text(project, tmp_path):
    words = "El paro bajó un 4 %.\nLa oposición afirmó que subió.\n"
    saved = tmp_path / "nota.txt"
    saved.write_bytes(b"\xef\xbb\xbf" + words.replace("\n", "\r\n").encode("utf-8"))  # BOM, CRLF: other bytes
    article_id = project.import_article(importers.import_file(str(saved))).created
    pasted = importers.import_pasted(words.replace("ó", "o\u0301"))  # decomposed accents: the same text once NFC
    assert pasted.original != saved.read_bytes()
    assert [v.article_id for v in project.already_imported(pasted)] == [article_id]


def test_a_newer_version_counts_and_each_article_is_named_once(project):
    first = project.import_article(imported("First text of the article.")).created
    project.add_version(first, imported("Second text of the article."))
    second = project.import_article(imported("Second text of the article."), title="A copy").created
    found = project.already_imported(imported("Second text of the article."))
    assert [(v.article_id, v.number) for v in found] == [(first, 2), (second, 1)]


def test_other_text_and_deleted_articles_are_not_counted(project):
    article_id = project.import_article(imported("Words that were checked.")).created
    assert project.already_imported(imported("Words that were never imported.")) == []
    project.delete_article(article_id)
    assert project.already_imported(imported("Words that were checked.")) == []
    project.restore_article(article_id)
    assert [v.article_id for v in project.already_imported(imported("Words that were checked."))] == [article_id]
