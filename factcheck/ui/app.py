"""Start the desktop app: QApplication, settings, the user's name, first run on the demo."""

from __future__ import annotations

import getpass
import logging
import os
import pathlib
import sys
import traceback

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from factcheck import APP_ID, __version__
from factcheck.core import resources
from factcheck.ui.dialogs.import_dialog import NameDialog
from factcheck.ui.main_window import MainWindow

log = logging.getLogger("factcheck")
DEMO_NAME = "demo.factcheck"


def home() -> tuple[pathlib.Path, pathlib.Path]:
    """(config folder, data folder); ``FACTCHECK_HOME`` puts both in one place (tests, portable use)."""
    override = os.environ.get("FACTCHECK_HOME")
    if override:
        base = pathlib.Path(override)
        return base / "config", base / "data"
    return (
        pathlib.Path(platformdirs.user_config_dir("factcheck", appauthor=False)),
        pathlib.Path(platformdirs.user_data_dir("factcheck", appauthor=False)),
    )


def app_settings() -> QSettings:
    config, _ = home()
    config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config / "factcheck.ini"), QSettings.Format.IniFormat)


def default_user() -> str:
    try:
        return getpass.getuser() or "checker"
    except Exception:  # noqa: BLE001 - getuser raises several kinds of error without a login name
        return "checker"


def demo_project() -> pathlib.Path:
    """The user's copy of the demo project, built on first use."""
    from factcheck import demo

    _, data = home()
    data.mkdir(parents=True, exist_ok=True)
    path = data / DEMO_NAME
    if not path.exists():
        demo.build(path).close()
    return path


def make_window(project: str | None, user: str | None = None, settings: QSettings | None = None) -> MainWindow:
    """The main window on ``project``, the last project, or (first run) the demo."""
    settings = settings or app_settings()
    if user:
        settings.setValue("user/name", user)
    name = str(settings.value("user/name", "") or "")
    if not name:
        name = NameDialog.ask(default_user())
        settings.setValue("user/name", name)
    window = MainWindow(settings, name)
    target = project
    if target is None:
        last = str(settings.value("projects/last", "") or "")
        target = last if last and pathlib.Path(last).exists() else None
    if target is None:
        target = str(demo_project())
    window.open_project(target)
    return window


def _excepthook(exc_type, exc, tb) -> None:
    """Unexpected errors are logged with their traceback and shown in one sentence."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error(details)
    sys.stderr.write(details)
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(None, "factcheck", f"factcheck hit an unexpected problem ({exc_type.__name__}: {exc}). "
                             "Your saved work is safe in the project file.")


def run(project: str | None = None, user: str | None = None) -> int:
    """Run the app until its window closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("factcheck")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("factcheck")
    app.setDesktopFileName(APP_ID)
    icon = resources.path("icons", f"{APP_ID}.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    sys.excepthook = _excepthook
    window = make_window(project, user)
    window.show()
    return app.exec()
