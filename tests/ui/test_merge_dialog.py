"""File > Merge project…: what would come in, the conflicts side by side, a choice for each, and the merge."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from factcheck.core import colours, merge, model
from factcheck.core.project import Project
from factcheck.ui import alerts, theme
from factcheck.ui.dialogs.merge_dialog import MergeDialog
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."
QUOTE = "unemployment fell by 4%"


def do(path, user: str, fn):
    with Project.open(path, user=user) as p:
        return fn(p)


@pytest.fixture
def copies(tmp_path):
    """(ana's copy, ben's copy, claim id): one project with a claim, copied, then changed on both sides.

    Both changed the claim's rating, claimant and date differently (three conflicts); Ana
    also edited the notes, Ben added a comment and a source.
    """
    a, b = tmp_path / "ana.factcheck", tmp_path / "ben.factcheck"
    with Project.create(a, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        start = TEXT.index(QUOTE)
        claim_id = p.create_claim(version.id, start, start + len(QUOTE), claimant="The minister").created
    shutil.copy(a, b)
    do(a, "ana", lambda p: p.update_claim(claim_id, rating="false", claimant="The labour minister",
                                          claim_date="2024-03-01", notes="Call the office."))
    do(b, "ben", lambda p: (p.update_claim(claim_id, rating="true", claimant="Minister Díaz", claim_date="2024-03-02"),
                            p.add_comment(claim_id, "Checked with the statistics office."),
                            p.create_source(title="Labour force survey")))
    return a, b, claim_id


@pytest.fixture
def plan(copies):
    a, b, _ = copies
    with Project.open(a, user="ana") as p:
        yield merge.plan(p, b), p


@pytest.fixture
def dialog(qtbot, plan):
    the_plan, project = plan
    d = MergeDialog(the_plan, project=project)
    qtbot.add_widget(d)
    return d


def open_window(qtbot, tmp_path, monkeypatch, path, user: str = "ana") -> MainWindow:
    """The window on ``path``; errors and reports are kept (``w.errors``, ``w.reports``), not shown."""
    errors, reports = [], []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    monkeypatch.setattr(MainWindow, "show_report", lambda self, title, lines: reports.append((title, lines)))
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), user)
    qtbot.add_widget(w)
    assert w.open_project(path), errors
    w.show()
    qtbot.wait_exposed(w)
    w.errors, w.reports = errors, reports
    return w


@pytest.fixture
def window(qtbot, tmp_path, copies, monkeypatch):
    """The window on Ana's copy."""
    return open_window(qtbot, tmp_path, monkeypatch, copies[0])


def choose_file(monkeypatch, path, asked=None):
    """``QFileDialog.getOpenFileName`` answering ``path`` (and noting where it started and what it offered)."""
    def fake(parent, caption, folder, filters, *args, **kwargs):
        if asked is not None:
            asked.append((folder, filters))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))


def answering(qtbot, act, shown=None):
    """A stand-in for ``MergeDialog.exec``: ``act(dialog)`` makes the choices and presses a button."""
    def fake_exec(d):
        qtbot.add_widget(d)
        if shown is not None:
            shown.append(d)
        act(d)
        return d.result()

    return fake_exec


def row_of(d: MergeDialog, field: str) -> int:
    return next(i for i, c in enumerate(d.choices) if c.conflict.field == field)


def test_the_dialog_says_what_would_come_in_before_anything_is_written(dialog, plan):
    the_plan, project = plan
    n = len(the_plan.incoming)
    assert n == the_plan.counts["claim"] + 2 and the_plan.ours_only == 1
    assert dialog.summary_label.text() == f"{n} changes would come in from ben.factcheck."
    kinds = dialog.kinds_label.text()
    assert f"{the_plan.counts['claim']} change" in kinds and "to claims" in kinds
    assert "1 change to sources" in kinds and "1 change to comments" in kinds
    assert dialog.sides_label.text() == "This copy holds 1 change the other copy does not have; it stays."
    assert dialog.conflicts_label.text().startswith("3 conflicts:")
    assert project.claim(the_plan.conflicts[0].id).rating == "false"  # nothing written yet


def test_each_conflict_shows_what_it_is_and_the_value_before_here_and_there(dialog, plan):
    rating = dialog.rows[row_of(dialog, "rating")]
    what = rating["what"].text()
    assert "Claim: rating" in what and f"“{QUOTE}”" in what
    assert [rating[k].text() for k in ("base", "ours", "theirs")] == ["Not rated", "False", "True"]
    claimant = dialog.rows[row_of(dialog, "claimant")]
    assert "Claim: claimant" in claimant["what"].text()
    assert [claimant[k].text() for k in ("base", "ours", "theirs")] == [
        "The minister", "The labour minister", "Minister Díaz"]
    assert "changed in both copies" in claimant["what"].toolTip()
    date = dialog.rows[row_of(dialog, "claim_date")]
    assert [date[k].text() for k in ("base", "ours", "theirs")] == ["(empty)", "2024-03-01", "2024-03-02"]


def test_merge_is_disabled_until_every_conflict_has_a_choice(dialog, qtbot):
    assert not dialog.merge_button.isEnabled() and dialog.merge_button.text() == "&Merge (3 conflicts left)"
    dialog.choices[0].theirs_button.click()
    assert not dialog.merge_button.isEnabled() and dialog.merge_button.text() == "&Merge (2 conflicts left)"
    dialog.choices[1].ours_button.click()
    assert dialog.merge_button.text() == "&Merge (1 conflict left)"
    qtbot.mouseClick(dialog.keep_all_button, Qt.MouseButton.LeftButton)
    assert dialog.merge_button.isEnabled() and dialog.merge_button.text() == "&Merge"
    assert set(dialog.resolutions().values()) == {merge.OURS}
    dialog.take_all_button.click()
    assert set(dialog.resolutions().values()) == {merge.THEIRS}


def test_typing_a_value_chooses_it(dialog, qtbot):
    claimant = dialog.choices[row_of(dialog, "claimant")]
    assert claimant.editor.text() == "The labour minister"  # this copy's value, to start from
    claimant.editor.clear()
    qtbot.keyClicks(claimant.editor, "Yolanda Diaz")
    assert claimant.edit_button.isChecked()
    assert dialog.resolutions() == {claimant.conflict.key: merge.Edited("Yolanda Diaz")}
    rating = dialog.choices[row_of(dialog, "rating")]
    rating.editor.setCurrentIndex(rating.editor.findData("misleading"))
    rating.editor.activated.emit(rating.editor.currentIndex())
    assert dialog.resolutions()[rating.conflict.key] == merge.Edited("misleading")


def test_the_chosen_values_are_merged_through_file_merge_project(window, copies, qtbot, monkeypatch):
    a, b, claim_id = copies
    asked, shown = [], []
    choose_file(monkeypatch, b, asked)

    def act(d):
        d.choices[row_of(d, "rating")].theirs_button.click()
        d.choices[row_of(d, "claim_date")].ours_button.click()
        claimant = d.choices[row_of(d, "claimant")]
        claimant.editor.setText("Yolanda Díaz")
        claimant.edit_button.click()
        qtbot.mouseClick(d.merge_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(MergeDialog, "exec", answering(qtbot, act, shown))
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()
    assert actions.index(window.merge_action) == actions.index(window.import_annotations_action) + 1
    assert window.merge_action.isEnabled()
    window.merge_action.trigger()
    assert window.errors == [] and window.reports == []
    assert asked[0][0] == str(a.parent) and "*.factcheck *.factcheck-changes" in asked[0][1]
    (d,) = shown
    assert d.result() == QDialog.DialogCode.Accepted
    claim = window.project.claim(claim_id)
    assert (claim.rating, claim.claimant, claim.claim_date, claim.notes) == (
        "true", "Yolanda Díaz", "2024-03-01", "Call the office.")
    assert [c.body for c in window.project.comments(claim_id)] == ["Checked with the statistics office."]
    assert "Labour force survey" in [s.title for s in window.project.sources()]
    n = len(d.plan.incoming)
    assert window.statusBar().currentMessage() == f"Merged {n} changes from ben.factcheck."
    assert window.project.events()[-1].action == "project.merge" and window.project.verify().ok


def test_a_value_core_refuses_is_shown_and_the_dialog_stays_open(window, copies, qtbot, monkeypatch):
    _, b, claim_id = copies
    shown_errors = []
    monkeypatch.setattr(alerts, "show_error", lambda parent, exc, title="": shown_errors.append(str(exc)))
    choose_file(monkeypatch, b)
    before = len(window.project.events())

    def act(d):
        d.keep_all_button.click()
        date = d.choices[row_of(d, "claim_date")]
        date.editor.setText("last spring")
        date.edit_button.click()
        d.merge_button.click()
        assert len(shown_errors) == 1 and "date" in shown_errors[0]
        assert d.result() != QDialog.DialogCode.Accepted  # still open, the choices kept
        assert len(window.project.events()) == before
        date.editor.setText("2024-03-05")
        d.merge_button.click()

    monkeypatch.setattr(MergeDialog, "exec", answering(qtbot, act))
    window.merge_action.trigger()
    assert window.project.claim(claim_id).claim_date == "2024-03-05"


def test_a_file_of_another_project_is_refused_in_one_sentence_and_nothing_changes(window, tmp_path, qtbot,
                                                                                   monkeypatch):
    stranger = tmp_path / "other.factcheck"
    Project.create(stranger, user="eve").close()
    choose_file(monkeypatch, stranger)
    monkeypatch.setattr(MergeDialog, "exec", lambda d: pytest.fail("the dialog opened"))
    before = len(window.project.events())
    window.merge_action.trigger()
    (error,) = window.errors
    assert str(error) == "other.factcheck is not a copy of this project: they share no history."
    assert len(window.project.events()) == before
    assert window.statusBar().currentMessage() == ""


def test_nothing_to_merge_offers_only_close(copies, tmp_path, qtbot, monkeypatch):
    a, _, _ = copies
    same = tmp_path / "same.factcheck"
    shutil.copy(a, same)
    window = open_window(qtbot, tmp_path, monkeypatch, a)
    choose_file(monkeypatch, same)
    shown = []

    def act(d):
        assert d.summary_label.text() == "Nothing to merge: this project already holds everything in same.factcheck."
        assert d.merge_button is None
        (button,) = d.buttons.buttons()
        assert d.buttons.standardButton(button) == QDialogButtonBox.StandardButton.Close
        button.click()

    monkeypatch.setattr(MergeDialog, "exec", answering(qtbot, act, shown))
    before = len(window.project.events())
    window.merge_action.trigger()
    assert len(shown) == 1 and window.errors == [] and window.reports == []
    assert len(window.project.events()) == before and window.statusBar().currentMessage() == ""


def test_a_lapsed_approval_is_reported_with_the_claim_and_why(qtbot, tmp_path, monkeypatch):
    desk, editor = tmp_path / "desk.factcheck", tmp_path / "editor.factcheck"
    with Project.create(desk, user="ben") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        start = TEXT.index(QUOTE)
        claim_id = p.create_claim(version.id, start, start + len(QUOTE)).created
        p.cite(claim_id, p.create_source(title="Statistics office").created, "contradicts")
        p.update_claim(claim_id, rating="false", verdict_summary="It fell by 3.9%.")
        p.review(claim_id, "submit")
    shutil.copy(desk, editor)
    do(editor, "eve", lambda p: p.review(claim_id, "approve"))
    do(desk, "ben", lambda p: p.update_claim(claim_id, rating="mostly-false"))
    w = open_window(qtbot, tmp_path, monkeypatch, desk, user="ben")
    choose_file(monkeypatch, editor)
    monkeypatch.setattr(MergeDialog, "exec", answering(qtbot, lambda d: d.merge_button.click()))
    w.merge_action.trigger()
    assert w.errors == []
    assert w.project.claim(claim_id).status == model.IN_REVIEW
    ((title, lines),) = w.reports
    assert title == "Approvals lapsed"
    assert lines[0] == "The merge sent 1 signed-off verdict back to review:"
    assert f"“{QUOTE}” (was approved)" in lines[1] and "eve" in lines[1] and "changed in the other copy" in lines[1]


def test_a_fast_forward_says_only_the_other_copy_changed(qtbot, copies, tmp_path):
    a, b, _ = copies
    behind = tmp_path / "behind.factcheck"
    shutil.copy(b, behind)
    do(b, "ben", lambda p: p.add_comment(p.claims()[0].id, "One more."))
    with Project.open(behind, user="ben") as p:
        d = MergeDialog(merge.plan(p, b))  # as another feature opens it: no project, no apply
        qtbot.add_widget(d)
        assert d.summary_label.text() == "1 change would come in from ben.factcheck."
        assert d.kinds_label.text() == "1 change to comments"
        assert d.sides_label.text().startswith("Only the other copy changed")
        assert d.conflicts_label.text().startswith("No conflicts")
        assert d.merge_button.isEnabled() and d.resolutions() == {}


def test_without_the_project_the_other_copys_rows_name_the_claims(qtbot, plan):
    the_plan, _ = plan
    d = MergeDialog(the_plan)
    qtbot.add_widget(d)
    rating = d.rows[row_of(d, "rating")]
    assert f"“{QUOTE}”" in rating["what"].text() and rating["ours"].text() == "false"
    assert isinstance(d.choices[row_of(d, "rating")].editor, type(d.choices[row_of(d, "claimant")].editor))


def test_a_deleted_and_edited_claim_reads_deleted_or_kept(qtbot, tmp_path):
    a, b = tmp_path / "a.factcheck", tmp_path / "b.factcheck"
    with Project.create(a, user="ana") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        claim_id = p.create_claim(version.id, 4, 30).created
    shutil.copy(a, b)
    do(a, "ana", lambda p: p.delete_claim(claim_id))
    do(b, "ben", lambda p: p.update_claim(claim_id, statement="Still checking."))
    with Project.open(a, user="ana") as p:
        d = MergeDialog(merge.plan(p, b), project=p)
        qtbot.add_widget(d)
        (row,) = d.rows
        assert [row[k].text() for k in ("base", "ours", "theirs")] == ["kept", "deleted", "kept"]
        assert d.choices[0].edit_button is None  # pick a side: whether it stays deleted is not typed


def test_at_1024_by_640_every_choice_shows_and_the_keyboard_reaches_it(dialog, qtbot):
    dialog.resize(1000, 600)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for choice in dialog.choices:
        for button in choice.buttons():
            assert button.isVisible() and button.width() >= button.sizeHint().width()
    assert dialog.merge_button.isVisible() and dialog.keep_all_button.isVisible()
    # Tab: the bulk buttons, then each row (its choices, as one radio group, and its typed value), then the buttons.
    dialog.keep_all_button.setFocus()
    chain = []
    for _ in range(2 + 2 * len(dialog.choices) + 2):
        chain.append(dialog.focusWidget())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    expected = [dialog.keep_all_button, dialog.take_all_button]
    for choice in dialog.choices:
        expected += [choice.ours_button, choice.editor]
    assert chain[:len(expected)] == expected
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel) in chain[len(expected):]
    # In a row, the arrow keys go from Keep here to Take there to Edit; Space chooses.
    first = dialog.choices[0]
    first.ours_button.setFocus()
    QTest.keyClick(first.ours_button, Qt.Key.Key_Right)
    assert dialog.focusWidget() is first.theirs_button
    QTest.keyClick(first.theirs_button, Qt.Key.Key_Space)
    assert dialog.resolutions() == {first.conflict.key: merge.THEIRS}
    assert dialog.rows[0]["theirs"].font().bold() and not dialog.rows[0]["ours"].font().bold()
    QTest.keyClick(first.theirs_button, Qt.Key.Key_Right)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert first.edit_button.isChecked() and dialog.focusWidget() is first.editor  # on to type it


def test_in_the_dark_the_values_stay_readable(qtbot, plan):
    the_plan, project = plan
    theme.apply_scheme("dark")
    try:
        qtbot.waitUntil(theme.is_dark)
        d = MergeDialog(the_plan, project=project)
        qtbot.add_widget(d)
        d.show()
        qtbot.wait_exposed(d)
        for cells in d.rows:
            for label in cells.values():
                palette = label.palette()
                text = palette.color(QPalette.ColorRole.WindowText).name()
                background = palette.color(QPalette.ColorRole.Window).name()
                assert colours.contrast(text, background) >= 4.5, (label.text(), text, background)
    finally:
        theme.apply_scheme(theme.SYSTEM)
        qtbot.waitUntil(lambda: not theme.is_dark())


def test_a_bug_while_merging_leaves_no_busy_cursor(plan, qtbot):
    from PySide6.QtWidgets import QApplication

    from factcheck.core.errors import BugError

    the_plan, project = plan

    def apply(chosen):
        raise BugError("something we did not expect")

    d = MergeDialog(the_plan, project=project, apply=apply)
    qtbot.add_widget(d)
    d.keep_all_button.click()
    with pytest.raises(BugError):
        d.accept()
    assert QApplication.overrideCursor() is None  # the app reports the bug; the cursor is the person's again
    assert d.result() != QDialog.DialogCode.Accepted


def test_quoted_words_in_different_versions_say_which_version(qtbot, tmp_path):
    """Both copies added a version: the same words, anchored in two different versions, must not read alike."""
    a, b = tmp_path / "ana.factcheck", tmp_path / "ben.factcheck"
    with Project.create(a, user="ana") as p:
        article_id = p.import_article(imported(TEXT)).created
        start = TEXT.index(QUOTE)
        p.create_claim(p.current_version(article_id).id, start, start + len(QUOTE))
    shutil.copy(a, b)
    do(a, "ana", lambda p: p.add_version(article_id, imported("Update. " + TEXT, name="ana.txt")))
    do(b, "ben", lambda p: p.add_version(article_id, imported("Correction. " + TEXT, name="ben.txt")))
    with Project.open(a, user="ana") as p:
        d = MergeDialog(merge.plan(p, b), project=p)
        qtbot.add_widget(d)
        (row,) = d.rows
        assert [row[k].text() for k in ("base", "ours", "theirs")] == [
            f"“{QUOTE}” in version 1 (imported by ana)", f"“{QUOTE}” in version 2 (imported by ana)",
            f"“{QUOTE}” in version 2 (imported by ben)"]


def test_merging_back_to_a_shared_file_is_worded_so(qtbot, copies):
    a, b, _ = copies
    with Project.open(a, user="ana") as p:
        d = MergeDialog(merge.plan(p, b), project=p, shared=True)
        qtbot.add_widget(d)
        assert d.windowTitle() == "Merge back to ben.factcheck"
        n = len(d.plan.incoming)
        assert d.summary_label.text() == f"{n} changes would come in from the shared file ben.factcheck."
        assert d.sides_label.text() == ("Your local copy holds 1 change the shared file does not have; it goes to "
                                        "the shared file.")
        headers = [w.text() for w in d.scroll.widget().findChildren(type(d.summary_label))][:5]
        assert "Here (your local copy)" in headers and "There (the shared file)" in headers


def test_enter_merges_once_every_conflict_is_chosen_and_never_cancels(dialog, qtbot):
    dialog.show()
    qtbot.wait_exposed(dialog)
    first = dialog.choices[0]
    first.theirs_button.setFocus()
    QTest.keyClick(first.theirs_button, Qt.Key.Key_Space)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # conflicts left: nothing happens
    assert dialog.isVisible() and dialog.result() == 0
    dialog.keep_all_button.click()
    first.theirs_button.setFocus()
    QTest.keyClick(first.theirs_button, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
