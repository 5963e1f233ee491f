"""Article > Compare versions: version N-1 beside version N, read-only, the changed words marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

from factcheck.core.project import Project
from factcheck.ui.dialogs.version_compare import CURRENT_SHARE, VersionCompareDialog, VersionTextView, marks
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

V1 = "Intro 😀 words. US aid to Colombia is expected to decrease by at least 20%.\n\nThe ministry said nothing."
V2 = "Intro 😀 words. US aid to Colombia is expected to fall by at least 25%.\n\nThe ministry said nothing. It was late."
V3 = "Intro 😀 words. US aid to Colombia is expected to fall by at least 25% this year.\n\nThe ministry said nothing."


@pytest.fixture
def versioned(project):
    """An article with three versions; returns its id."""
    article_id = project.import_article(imported(V1, title="Aid cut")).created
    project.add_version(article_id, imported(V2))
    project.add_version(article_id, imported(V3))
    return article_id


@pytest.fixture
def dialog(qtbot, project, versioned, qapp):
    from factcheck.ui.session import Session

    d = VersionCompareDialog(Session(project), versioned)
    qtbot.add_widget(d)
    return d


def marked(view: VersionTextView) -> list[str]:
    """The runs of text the highlighter marked, read back from the document's layouts (Qt positions)."""
    runs, block = [], view.document().firstBlock()
    while block.isValid():
        units = block.text().encode("utf-16-le")  # Qt counts UTF-16 units
        for fr in block.layout().formats():
            runs.append(units[2 * fr.start:2 * (fr.start + fr.length)].decode("utf-16-le"))
        block = block.next()
    return runs


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(x) for x in c.getRgbF()[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_it_opens_on_the_last_two_versions_side_by_side_read_only(dialog):
    assert dialog.old_combo.currentText().startswith("Version 2 · ")
    assert dialog.new_combo.currentText().startswith("Version 3 · ")
    assert dialog.old_combo.count() == dialog.new_combo.count() == 3
    assert dialog.old_view.toPlainText() == V2 and dialog.new_view.toPlainText() == V3
    assert dialog.old_view.isReadOnly() and dialog.new_view.isReadOnly()
    assert dialog.summary.text() == "From version 2 to 3: 2 changes: 2 words inserted, 3 words deleted."
    assert marked(dialog.new_view) == ["this year"]
    assert marked(dialog.old_view) == ["It was late."]
    assert "Aid cut" in dialog.windowTitle()


def test_changed_words_are_marked_after_an_emoji_at_the_right_places(dialog):
    dialog.old_combo.setCurrentIndex(0)
    dialog.new_combo.setCurrentIndex(1)
    assert dialog.summary.text() == "From version 1 to 2: 3 changes: 5 words inserted, 2 words deleted."
    assert marked(dialog.old_view) == ["decrease", "20"]  # the emoji is two Qt units, one code point
    assert marked(dialog.new_view) == ["fall", "25", "It was late."]


def test_insertions_and_deletions_look_different_and_the_legend_says_which(dialog):
    inserted, deleted = marks(dialog.palette())
    assert inserted.fontUnderline() and not inserted.fontStrikeOut()
    assert deleted.fontStrikeOut() and not deleted.fontUnderline()
    assert inserted.background().color() != deleted.background().color()
    assert dialog.inserted_key.text().strip() == "Inserted" and dialog.deleted_key.text().strip() == "Deleted"
    assert inserted.background().color().name() in dialog.inserted_key.styleSheet()
    assert deleted.background().color().name() in dialog.deleted_key.styleSheet()


@pytest.mark.parametrize("base, text", [("#ffffff", "#1f1f1f"), ("#1e1e1e", "#e8e8e8")])
def test_the_marks_read_in_light_and_dark_themes(dialog, base, text):
    palette = QPalette(dialog.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    dialog.setPalette(palette)  # as a theme switch would: the marks follow
    inserted, deleted = marks(dialog.palette())
    for fmt in (inserted, deleted, *marks(dialog.palette(), CURRENT_SHARE)):
        assert contrast(fmt.foreground().color(), fmt.background().color()) >= 4.5
        assert (luminance(fmt.background().color()) < 0.2) == (base == "#1e1e1e")  # a dark tint on a dark theme
    block = dialog.new_view.document().findBlockByNumber(0)
    assert block.layout().formats()[0].format.background().color() == inserted.background().color()


def test_next_and_previous_show_each_change_in_both_versions(dialog, qtbot):
    dialog.old_combo.setCurrentIndex(0)
    dialog.new_combo.setCurrentIndex(1)
    assert dialog.current_change == 0
    old_cursor, new_cursor = dialog.old_view.textCursor(), dialog.new_view.textCursor()
    assert old_cursor.position() == V1.index("decrease") + 1  # one more: the emoji is two Qt units
    assert new_cursor.position() == V2.index("fall") + 1
    outlined = dialog.new_view.extraSelections()
    assert [s.cursor.selectedText() for s in outlined] == ["fall"]
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.current_change == 2
    assert [s.cursor.selectedText() for s in dialog.new_view.extraSelections()] == ["It was late."]
    assert dialog.old_view.extraSelections() == []  # an insertion: nothing of the old text to outline
    dialog.next_button.click()
    assert dialog.current_change == 0  # round again
    dialog.previous_button.click()
    assert dialog.current_change == 2


def test_the_same_version_on_both_sides_says_so(dialog):
    dialog.old_combo.setCurrentIndex(2)
    assert dialog.summary.text() == "Both sides show version 3: choose another to compare."
    assert marked(dialog.old_view) == marked(dialog.new_view) == []
    assert not dialog.next_button.isEnabled() and not dialog.previous_button.isEnabled()


def test_every_focusable_widget_has_a_name(dialog):
    for widget in (dialog.old_combo, dialog.new_combo, dialog.old_view, dialog.new_view):
        assert widget.accessibleName()


def test_the_main_window_offers_it_only_for_an_article_with_versions(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "v.factcheck"
    with Project.create(path, user="ana") as p:
        single = p.import_article(imported("Only one version here.", title="Single")).created
        several = p.import_article(imported(V1, title="Several")).created
        p.add_version(several, imported(V2))
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(window)
    assert window.open_project(path)
    window.select_article(single)
    assert not window.compare_versions_action.isEnabled()
    window.select_article(several)
    assert window.compare_versions_action.isEnabled()
    opened = []
    monkeypatch.setattr(VersionCompareDialog, "ask",
                        classmethod(lambda cls, session, article_id, parent=None: opened.append(article_id)))
    window.compare_versions_action.trigger()
    assert opened == [several]
    assert window.compare_versions_action in window.menuBar().actions()[
        [a.text() for a in window.menuBar().actions()].index("&Article")].menu().actions()


def test_a_new_version_made_elsewhere_enables_it(qtbot, tmp_path):
    path = tmp_path / "v.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(V1, title="One")).created
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "ana")
    qtbot.add_widget(window)
    assert window.open_project(path)
    assert not window.compare_versions_action.isEnabled()
    with Project.open(path, user="ben") as other:  # another window, or the CLI
        other.add_version(article_id, imported(V2))
    assert window.session.check_external_changes()
    assert window.compare_versions_action.isEnabled()
