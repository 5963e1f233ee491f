"""Who is working: --user and FACTCHECK_USER name one run, the saved name stays; the status bar says who.

The saved name lives in ``paths.saved_user`` (shared with the command line), not the app's QSettings.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from factcheck import cli, paths
from factcheck.ui import app, main_window

#: The dialog itself, for the tests that drive it (the fixture makes any other asking fail).
REAL_ASK = main_window.NameDialog.__dict__["ask"]


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app.NameDialog, "ask", classmethod(lambda cls, default, parent=None: pytest.fail("asked a name")))
    paths.save_user("Ana")
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def window_for(qtbot, settings, user=None):
    window = app.make_window(None, user, settings=settings)
    qtbot.add_widget(window)
    return window


def test_user_given_for_a_run_does_not_replace_the_saved_name(qtbot, settings):
    window = window_for(qtbot, settings, user="Ben")
    assert window.user == "Ben" and window.project.user == "Ben"
    assert window.user_label.text() == "Working as Ben (this session only)"
    assert "--user" in window.user_label.toolTip()
    assert paths.saved_user() == "Ana"
    window.close()

    later = window_for(qtbot, settings)
    assert later.user == "Ana" and later.project.user == "Ana"
    assert later.user_label.text() == "Working as Ana"
    later.close()


def test_the_saved_name_given_again_is_not_called_temporary(qtbot, settings):
    window = window_for(qtbot, settings, user="Ana")
    assert window.user_label.text() == "Working as Ana"
    window.close()


def test_factcheck_user_from_the_environment_holds_for_that_run_only(qtbot, settings, monkeypatch):
    seen = []

    def run(project=None, user=None):
        window = window_for(qtbot, settings, user=user)
        seen.append((window.user, window.user_label.text()))
        window.close()
        return 0

    monkeypatch.setattr(app, "run", run)
    monkeypatch.setenv("FACTCHECK_USER", "Carla")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["open"])
    assert exit_.value.code == 0
    assert seen == [("Carla", "Working as Carla (this session only)")]
    assert paths.saved_user() == "Ana"


def test_a_first_run_with_user_neither_asks_nor_saves_a_name(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app.NameDialog, "ask", classmethod(lambda cls, default, parent=None: pytest.fail("asked a name")))
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    window = window_for(qtbot, settings, user="Ben")
    assert window.user == "Ben" and not paths.saved_user() and not settings.value("user/name")
    window.close()


def test_edit_your_name_changes_the_saved_name_and_who_is_working(qtbot, settings, monkeypatch):
    window = window_for(qtbot, settings, user="Ben")
    monkeypatch.setattr(main_window.NameDialog, "ask", classmethod(lambda cls, default, parent=None, **kw: "Dora"))
    window.name_action.trigger()
    assert paths.saved_user() == "Dora"
    assert window.user == "Dora" and window.project.user == "Dora"
    assert window.user_label.text() == "Working as Dora"
    window.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, "cancel"])
def test_a_name_typed_then_cancelled_changes_nothing(qtbot, settings, monkeypatch, key):
    monkeypatch.setattr(main_window.NameDialog, "ask", REAL_ASK)
    window = window_for(qtbot, settings, user="Ben")
    before = window.user_label.text()
    seen = []

    def type_then_cancel():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel) is not None,
                     dialog.width()))
        dialog.name.setText("Typo Name")
        if key == "cancel":
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            qtbot.keyClick(dialog.name, key)

    QTimer.singleShot(0, type_then_cancel)
    window.name_action.trigger()
    assert seen and seen[0][0] and seen[0][1] >= main_window.NameDialog.MIN_WIDTH
    assert paths.saved_user() == "Ana" and window.user == "Ben" and window.user_label.text() == before
    window.close()


def test_the_name_cannot_be_changed_to_nothing(qtbot, settings, monkeypatch):
    monkeypatch.setattr(main_window.NameDialog, "ask", REAL_ASK)
    window = window_for(qtbot, settings, user="Ben")
    states = []

    def clear_then_type():
        dialog = QApplication.activeModalWidget()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.name.setText("   ")
        states.append(ok.isEnabled())
        dialog.name.setText("Dora Díaz")
        states.append(ok.isEnabled())
        ok.click()

    QTimer.singleShot(0, clear_then_type)
    window.name_action.trigger()
    assert states == [False, True] and window.user == "Dora Díaz"
    window.close()


def test_a_name_saved_by_an_older_version_moves_to_the_shared_file_once(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app.NameDialog, "ask", classmethod(lambda cls, default, parent=None: pytest.fail("asked a name")))
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue("user/name", "Ana Checker")
    window = window_for(qtbot, settings)
    assert window.user == "Ana Checker" and window.user_label.text() == "Working as Ana Checker"
    assert paths.saved_user() == "Ana Checker" and settings.value("user/name") is None
    window.close()


def test_the_shared_file_wins_over_an_older_name_in_the_settings(qtbot, settings):
    settings.setValue("user/name", "Old Name")
    window = window_for(qtbot, settings)
    assert window.user == "Ana" and paths.saved_user() == "Ana"
    window.close()
