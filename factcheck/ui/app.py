"""Start the desktop app: QApplication, settings, the user's name, first run on the demo."""

from __future__ import annotations

import getpass
import os
import pathlib
import sys
import traceback

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from factcheck import APP_ID, __version__, paths, translation
from factcheck.core import resources
from factcheck.core.errors import KnownError
from factcheck.ui import alerts, language, single_instance, theme, threads
from factcheck.ui.dialogs.import_dialog import NameDialog
from factcheck.ui.main_window import LANGUAGE_KEY, MainWindow

DEMO_NAME = "demo.factcheck"
#: "0" lets a start run beside a running app instead of handing its project over.
ONE_APP_ENV = "FACTCHECK_ONE_APP"
#: Set: quit as soon as the window has painted, saying so on stdout (the packaged app's smoke test, the cold start's
#: benchmark).
QUIT_WHEN_SHOWN_ENV = "FACTCHECK_QUIT_WHEN_SHOWN"
#: The longest the window's thread waits for Python's lock while a worker computes (seconds; Python's is 0.005).
SWITCH_INTERVAL_S = 0.0005


def share_python() -> None:
    """Let the window's thread have Python's lock soon whenever it asks, while a worker thread computes.

    The history check, the verdict library and imports run Python on worker threads. Each
    time Qt calls the window's Python (a row's data, a paint), its thread must take the
    lock back, and a busy worker hands it over only after the switch interval: 5 ms by
    default, paid again at every call. A page of the review queue read and painted during
    a full check of 100,000 claims took 43 ms instead of 26; at 0.5 ms, 26 ms. The worker
    pays a few more hand-overs.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def app_settings() -> QSettings:
    config, _ = paths.home()
    config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config / "factcheck.ini"), QSettings.Format.IniFormat)


def default_user() -> str:
    try:
        return getpass.getuser() or "checker"
    except Exception:  # noqa: BLE001 - getuser raises several kinds of error without a login name
        return "checker"


def saved_user(settings: QSettings) -> str:
    """The saved name (``paths.saved_user``, shared with the command line); "" when none.

    Older versions kept it in the app's settings only: such a name moves to the shared
    file once, so the command line writes as the same person as the app.
    """
    name = paths.saved_user()
    legacy = str(settings.value("user/name", "") or "").strip()
    if legacy:
        if not name:
            name = legacy
            try:
                paths.save_user(legacy)
            except KnownError:
                return name  # moved on a later start, when the config folder can be written
        settings.remove("user/name")
    return name


def demo_project(language: str = "en") -> pathlib.Path:
    """The user's copy of the demo project in ``language`` (English or Spanish), built on first use."""
    from factcheck import demo

    _, data = paths.home()
    data.mkdir(parents=True, exist_ok=True)
    path = data / (DEMO_NAME if language != "es" else "demo-es.factcheck")
    if not path.exists():
        demo.build(path, language=language).close()
    return path


def make_window(project: str | None, user: str | None = None, settings: QSettings | None = None,
                language: str = "en") -> MainWindow:
    """The main window on ``project``, the last project, or (first run) the demo.

    ``user`` (--user, FACTCHECK_USER) is who works in this run only: the saved name is
    left as it is, so the next session does not write in someone else's name.
    """
    settings = settings or app_settings()
    saved = saved_user(settings)
    user = (user or "").strip()
    if user:
        name, session_only = user, user != saved
    else:
        name, session_only = saved, False
        if not name:
            name = NameDialog.ask(default_user())
            paths.save_user(name)
    window = MainWindow(settings, name, session_only=session_only)
    target = project
    if target is None:
        last = str(settings.value("projects/last", "") or "")
        target = last if last and pathlib.Path(last).exists() else None
    if target is None:
        target = str(demo_project(language))  # a Spanish desk's first run opens the Spanish demo
    window.open_project(target)
    return window


def install_language(app: QApplication, settings: QSettings) -> str:
    """Show the app in the chosen language (``FACTCHECK_LANG``, View > Language, the system's).

    Installs factcheck's catalogue and Qt's own (standard buttons, file dialogs), and
    makes dates and numbers follow the system's locale when it speaks that language
    (es_CO keeps Colombian formats), else the language's own. Returns the language code.
    """
    system = QLocale.system()
    code = translation.choose(str(settings.value(LANGUAGE_KEY, "system") or "system"), system.name())
    QLocale.setDefault(system if system.name().split("_")[0] == code else QLocale(code))
    language.install(app, code)
    return code


def show_bug(message: str) -> None:
    """Say that factcheck hit a bug (tests replace this)."""
    QMessageBox.critical(QApplication.activeWindow(), "factcheck", message)


def excepthook(exc_type, exc, tb) -> None:
    """The one place an error no slot handled reaches the user, so none shows a traceback.

    A ``KnownError`` (a locked or damaged file, ...) is the user's world: its sentence is
    shown as any refusal is. Anything else, ``BugError`` included, is ours: logged with its
    traceback and shown as a bug.
    """
    if isinstance(exc, KnownError):
        alerts.show_error(QApplication.activeWindow(), exc)
        return
    sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
    show_bug(QCoreApplication.translate("Application", "{problem} Your saved work is safe in the project file.").format(
        problem=language.ui(paths.log_bug(exc))))


def run(project: str | None = None, user: str | None = None) -> int:
    """Run the app until its window closes; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    share_python()
    threads.collect_on_ui_thread(app)  # a worker thread must never free the window's objects
    app.setApplicationName("factcheck")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("factcheck")
    app.setDesktopFileName(APP_ID)
    icon = resources.path("icons", f"{APP_ID}.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    sys.excepthook = excepthook
    if os.environ.get(ONE_APP_ENV, "1") != "0" and single_instance.forward(project):
        sys.stderr.write("factcheck is already running: it shows the project there.\n")
        return 0
    listener = single_instance.Listener(parent=app)
    listener.listen()
    code = install_language(app, app_settings())
    theme.apply_scheme(theme.saved_scheme(app_settings()))  # light, dark, or the system's, before any window
    window = make_window(project, user, language=code)
    window.show()
    windows = [window]
    listener.sig_open.connect(lambda path: show_project(path, windows, user, code))
    if os.environ.get(QUIT_WHEN_SHOWN_ENV):  # the packaged app's smoke test: start, show, quit cleanly
        _QuitWhenPainted(app, window)
    return app.exec()


class _QuitWhenPainted(QObject):
    """Say "factcheck: window shown" on stdout and quit once the window has painted.

    ``show()`` only asks for the window: its layout and first paint come later in the event
    loop (on the demo, about as long as opening the project), and a person sees nothing before.
    """

    def __init__(self, app: QApplication, window: MainWindow):
        super().__init__(app)
        self.app, self.window = app, window
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and getattr(watched, "window", lambda: None)() is self.window:
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self._quit)  # after the rest of this paint: the window is painted whole
        return False

    def _quit(self) -> None:
        sys.stdout.write("factcheck: window shown\n")
        sys.stdout.flush()
        self.app.quit()


def show_project(path: str, windows: list, user: str | None, language: str) -> None:
    """A later start asked for ``path`` ("" for none): bring its window forward, or open it in a new one."""
    windows[:] = [w for w in windows if _alive(w)]
    target = pathlib.Path(path).resolve() if path else None
    shown = None
    for window in windows:
        project = getattr(window, "project", None)
        if target is None or (project is not None and pathlib.Path(project.path).resolve() == target):
            shown = window
            break
    if shown is None and target is not None:
        shown = make_window(str(target), user, language=language)
        windows.append(shown)
    if shown is not None:
        shown.show()
        shown.setWindowState(shown.windowState() & ~Qt.WindowState.WindowMinimized)
        shown.raise_()
        shown.activateWindow()


def _alive(window) -> bool:
    try:
        window.isVisible()
    except RuntimeError:  # its C++ side was deleted with the window
        return False
    return True
