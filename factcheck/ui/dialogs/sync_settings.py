"""File > Sync settings…: link the open project to the desk's PostgreSQL, test the connection, unlink.

The server is named by host, port, database and user (which make a connection string), by
a connection string as IT hands it out, or by a libpq service name (``pg_service.conf``).
The password is never stored in the project: it is kept for this session, and in the
system keyring when there is one and the person ticks the box. "Test connection" connects
in a thread of its own (an unreachable server takes seconds to give up) and says who the
server takes the person for and their role on this project. ``PasswordDialog`` asks for the
password when a sync finds none that the server accepts.
"""

from __future__ import annotations

import getpass
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core import events
from factcheck.core.errors import KnownError
from factcheck.sync import client, credentials
from factcheck.ui import accessible, language, theme
from factcheck.ui.sync_panel import PASSWORDS, server_name

#: The ways to name a server (the "Connect with" choices).
FIELDS, STRING, SERVICE = "fields", "string", "service"
_FIELD_KEYS = {"host", "port", "dbname", "user", "password"}


def _parts(dsn: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(dsn).items() if v is not None}
    except Exception:  # noqa: BLE001 - not a connection string: shown as typed
        return {}


def user_of(dsn: str) -> str:
    """The user a connection string logs in as (libpq's default: the system's user name)."""
    try:
        default = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        default = ""
    return _parts(dsn).get("user") or default


class _TestRelay(QObject):
    """The connection tests' voice, from their threads to the dialog that started them (by token)."""

    sig_done = Signal(object, object)
    """A connection test ended: (its token, ("ok", whoami row) or (kind, the error))."""


_relay: _TestRelay | None = None


def _test_relay() -> _TestRelay:
    """One relay for the whole run, made on the UI thread and never destroyed by a test's thread."""
    global _relay
    if _relay is None:
        _relay = _TestRelay()
    return _relay


class SyncSettingsDialog(QDialog):
    """Where the window's project syncs. ``test_button`` tests, ``link_button`` links, ``unlink_button`` unlinks.

    ``result_label`` says what the last test found; the window's ``SyncController``
    (``window.sync``) does the linking.
    """

    sig_tested = Signal(str)
    """A connection test ended: "ok", "member" (connected, not a member), "password" or "error"."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window)
        self.controller = controller = window.sync
        self.project = controller.project
        self.project_id = events.project_id(self.project.store) or ""
        self.linked = client.linked_dsn(self.project)
        self._token: object = None
        self._tried_password = False
        _test_relay().sig_done.connect(self._on_test_done, Qt.ConnectionType.QueuedConnection)
        self._listening = True  # to the connection tests' relay, until the dialog is done
        self.setWindowTitle(self.tr("Sync settings"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr(
            "Link this project to your desk's PostgreSQL server: your changes then go to the server and the other "
            "copies' changes come in, whenever you are online. Offline, work on as usual; the changes wait."))
        intro.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mode = QComboBox()
        self.mode.addItem(self.tr("Server and database"), FIELDS)
        self.mode.addItem(self.tr("Connection string"), STRING)
        self.mode.addItem(self.tr("Service name (pg_service.conf)"), SERVICE)

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("db.newsroom.example"))
        self.port = QLineEdit()
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.port.setPlaceholderText("5432")
        self.port.setMaximumWidth(90)
        self.database = QLineEdit()
        self.database.setPlaceholderText("factcheck")  # the usual name: no words to translate
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("your user name on the server"))
        self.connection_string = QLineEdit()
        self.connection_string.setPlaceholderText(self.tr("host=db.newsroom.example dbname=factcheck user=ana"))
        string_hint = self._hint(self.tr("As your IT department gave it: key=value pairs or a postgresql:// address. "
                                         "A password in it is taken out and never stored in the project."))
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("newsroom"))
        service_hint = self._hint(self.tr("A section of your pg_service.conf, which names the server, database "
                                          "and user."))

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("&Keep the password in the system keyring"))
        self.keep_note = self._hint(self.tr("This computer has no system keyring: the password is kept until "
                                            "factcheck closes, never in the project."))
        if credentials.available():
            self.keep_note.hide()
        else:
            self.keep.hide()

        self.form = form = QFormLayout()
        form.addRow(self.tr("&Connect with:"), self.mode)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Connection &string:"), self._with_hint(self.connection_string, string_hint))
        form.addRow(self.tr("&Service:"), self._with_hint(self.service, service_hint))
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.keep if credentials.available() else self.keep_note)
        accessible.name_form_fields(form)
        self.connection_string.setAccessibleName(self.tr("Connection string"))
        self.service.setAccessibleName(self.tr("Service"))
        #: The form's rows each way of naming the server shows.
        self._rows = {FIELDS: [self.host, self.port, self.database, self.user],
                      STRING: [self.connection_string.parentWidget()], SERVICE: [self.service.parentWidget()]}

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(self.result_label.fontMetrics().lineSpacing() * 2)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.command = QLineEdit()  # the command an editor runs to make this user a member (copied from here)
        self.command.setReadOnly(True)
        self.command.setAccessibleName(self.tr("Command for your editor"))
        self.command.hide()
        result_box = QVBoxLayout()
        result_box.addWidget(self.result_label)
        result_box.addWidget(self.command)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addLayout(result_box, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.link_button = self.buttons.addButton(self.tr("&Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlink_button = self.buttons.addButton(self.tr("U&nlink"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlink_button.setAutoDefault(False)
        self.link_button.setDefault(True)
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state_label)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        for edit in (self.host, self.port, self.database, self.user, self.connection_string, self.service):
            edit.textEdited.connect(self._on_edited)
        self._fill(self.linked or "")
        self._named = self.dsn()
        self._update()

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        theme.set_text_role(label, "muted_text")
        return label

    @staticmethod
    def _with_hint(edit: QLineEdit, hint: QLabel) -> QWidget:
        """A field with its hint below it, as one row of the form."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(edit)
        layout.addWidget(hint)
        box.setFocusProxy(edit)  # the row's label (Alt+S...) and Tab reach the field
        return box

    def _show_rows(self) -> None:
        """The rows of the way chosen to name the server; the others hidden."""
        chosen = self.mode.currentData()
        for mode, widgets in self._rows.items():
            for widget in widgets:
                self.form.setRowVisible(widget, mode == chosen)

    # --- the connection string -------------------------------------------------------------

    def _fill(self, dsn: str) -> None:
        """Show ``dsn`` in the fields that can hold it (the plainest of the three ways)."""
        parts = _parts(dsn)
        if dsn and set(parts) == {"service"}:
            self.mode.setCurrentIndex(self.mode.findData(SERVICE))
            self.service.setText(parts["service"])
        elif dsn and (not parts or not set(parts) <= _FIELD_KEYS):
            self.mode.setCurrentIndex(self.mode.findData(STRING))
            self.connection_string.setText(dsn)
        else:
            self.mode.setCurrentIndex(self.mode.findData(FIELDS))
            self.host.setText(parts.get("host", ""))
            self.port.setText(parts.get("port", ""))
            self.database.setText(parts.get("dbname", ""))
            self.user.setText(parts.get("user", ""))
        self._show_rows()

    def dsn(self) -> str:
        """The connection string the form names now ('' when it names nothing)."""
        from psycopg.conninfo import make_conninfo

        mode = self.mode.currentData()
        if mode == STRING:
            return self.connection_string.text().strip()
        if mode == SERVICE:
            name = self.service.text().strip()
            return make_conninfo(service=name) if name else ""
        values = {"host": self.host.text().strip(), "port": self.port.text().strip(),
                  "dbname": self.database.text().strip(), "user": self.user.text().strip()}
        values = {k: v for k, v in values.items() if v}
        return make_conninfo(**values) if values.keys() & {"host", "dbname", "user"} else ""

    def _kept_dsn(self) -> str | None:
        """The connection string without its password, or None when the form's is not one."""
        try:
            return client.without_password(self.dsn())
        except KnownError:
            return None

    def _password(self, kept: str) -> str | None:
        """The password to try: typed, in the connection string, this session's, the keyring's; None: libpq's own."""
        typed = self.password.text()
        if typed:
            return typed
        return _parts(self.dsn()).get("password") or PASSWORDS.for_connecting(kept)

    # --- state -------------------------------------------------------------------------------

    def _update(self) -> None:
        dsn = self.dsn()
        self.test_button.setEnabled(bool(dsn))
        kept = self._kept_dsn() if dsn else None
        self.link_button.setEnabled(bool(dsn))
        self.link_button.setText(self.tr("&Link") if not self.linked or kept != self.linked else self.tr("Sa&ve"))
        self.unlink_button.setVisible(bool(self.linked))
        if self.linked:
            self.state_label.setText(self.tr("This project syncs with {server} ({dsn}).").format(
                server=server_name(self.linked), dsn=self.linked))
        else:
            self.state_label.setText(self.tr("This project is not linked: it stays on this computer."))
        given = PASSWORDS.given(kept) if kept else None
        self.password.setPlaceholderText(self.tr("kept for this session") if given else
                                         self.tr("if the server asks for one"))

    def _on_mode_changed(self, _index: int) -> None:
        """Another way to name the server: start from what the form named the other way, where it fits."""
        before = self._named
        self._show_rows()
        if before and not self.dsn():
            parts = _parts(before)
            mode = self.mode.currentData()
            if mode == STRING:
                self.connection_string.setText(before)
            elif mode == FIELDS and set(parts) <= _FIELD_KEYS:
                self.host.setText(parts.get("host", ""))
                self.port.setText(parts.get("port", ""))
                self.database.setText(parts.get("dbname", ""))
                self.user.setText(parts.get("user", ""))
            elif mode == SERVICE and set(parts) == {"service"}:
                self.service.setText(parts["service"])
        self._on_edited()

    def _on_edited(self, *_args) -> None:
        self._named = self.dsn()
        self._token = None  # a test under way tested something else
        self.test_button.setEnabled(bool(self._named))
        self.result_label.clear()
        self.command.hide()
        theme.set_text_role(self.result_label, "")
        self._update()

    # --- testing -----------------------------------------------------------------------------

    def test(self) -> None:
        """Connect, in a thread, and say who the server takes us for on this project."""
        kept = self._kept_dsn()
        if kept is None:
            try:
                client.without_password(self.dsn())
            except KnownError as exc:
                self._say(language.ui(exc), "error_text")
            return
        dsn, password, project_id = self.dsn(), self._password(kept), self.project_id
        token = self._token = object()
        self._tried_password = password is not None
        relay = _test_relay()

        def work() -> None:
            result: tuple
            try:
                conn = client.connect(dsn, password)
            except client.Offline as exc:
                result = ("password" if credentials.needs_password(exc) else "error", exc)
            except (KnownError, ImportError) as exc:
                result = ("error", exc)
            else:
                try:
                    result = ("ok", client.whoami(conn, project_id))
                except KnownError as exc:
                    result = ("error", exc)
                finally:
                    conn.close()
            relay.sig_done.emit(token, result)

        thread = threading.Thread(target=work, name="factcheck-sync-test", daemon=True)
        self._say(self.tr("Connecting to {server}…").format(server=server_name(kept)), "")
        self.test_button.setEnabled(False)
        thread.start()

    def _on_test_done(self, token: object, result: tuple) -> None:
        if token is not self._token:
            return
        self._token = None
        self.test_button.setEnabled(bool(self.dsn()))
        self.command.hide()
        kind, value = result
        user = user_of(self.dsn())
        if kind == "ok" and value is not None and value[1] in ("checker", "editor"):
            user = str(value[0])
            text = (self.tr("Connected as {user}: editor on this project.") if value[1] == "editor" else
                    self.tr("Connected as {user}: checker on this project.")).format(user=user)
            self._say(text, "")
            self.sig_tested.emit("ok")
            return
        if kind == "ok":
            user = str(value[0]) if value is not None else user
            self._say(self.tr("Connected as {user}, but not a member of this project. Ask your editor to make you "
                              "one; they run (SERVER: their connection to the server):").format(user=user),
                      "warning_text")
            command = " ".join(("factcheck", "server", "grant", "SERVER", self.project_id, user, "checker"))
            self.command.setText(command)  # a command line, the same in every language
            self.command.setCursorPosition(0)
            self.command.show()
            self.sig_tested.emit("member")
            return
        if kind == "password":
            text = (self.tr("The server refused this password for {user}.") if self._tried_password else
                    self.tr("The server asks for a password for {user}: type it above.")).format(user=user)
            self._say(text, "error_text")
            self.sig_tested.emit("password")
            return
        if isinstance(value, ImportError):
            self._say(self.tr("This installation of factcheck cannot sync: the psycopg package is missing."),
                      "error_text")
        else:
            self._say(language.ui(value), "error_text")
        self.sig_tested.emit("error")

    def _say(self, text: str, role: str) -> None:
        self.result_label.setText(text)
        theme.set_text_role(self.result_label, role)
        self.layout().activate()
        if self.sizeHint().height() > self.height():  # a long answer: room for it, not a squeezed form
            self.resize(self.width(), self.sizeHint().height())

    # --- linking -------------------------------------------------------------------------------

    def link(self) -> None:
        """Link to what the form names (the password kept for the session, or in the keyring) and close."""
        dsn = self.dsn()
        if not dsn:
            return
        password = self.password.text() or None
        try:
            self.controller.link(dsn, password, keep=bool(password) and credentials.available()
                                 and self.keep.isChecked())
        except KnownError as exc:
            self._say(language.ui(exc), "error_text")
            return
        self.accept()

    def unlink(self) -> None:
        """Stop syncing this project (its changes stay here; linking again sends them)."""
        try:
            self.controller.unlink()
        except KnownError as exc:
            self._say(language.ui(exc), "error_text")
            return
        self.accept()

    def done(self, result: int) -> None:
        self._token = None  # a test still under way reports to nobody
        if self._listening:
            self._listening = False
            _test_relay().sig_done.disconnect(self._on_test_done)
        super().done(result)

    @classmethod
    def ask(cls, window, parent: QWidget | None = None) -> int:
        dialog = cls(window, parent)
        try:
            return dialog.exec()
        finally:
            dialog.deleteLater()


class PasswordDialog(QDialog):
    """The sync server's password, asked when a sync found none it accepts. Open it with ``PasswordDialog.ask``."""

    def __init__(self, dsn: str, parent: QWidget | None = None, *, refused: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync password"))
        self.setMinimumWidth(420)
        user, server = user_of(dsn), server_name(dsn)
        text = (self.tr("{server} refused the password for {user}. Type it again to sync.") if refused else
                self.tr("{server} asks for the password of {user} to sync this project.")).format(
            server=server, user=user)
        message = QLabel(text)
        message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("&Keep it in the system keyring"))
        note = QLabel(self.tr("It is kept until factcheck closes, never in the project."))
        note.setWordWrap(True)
        theme.set_text_role(note, "muted_text")
        if credentials.available():
            note.hide()
        else:
            self.keep.hide()
        form = QFormLayout()
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.keep)
        accessible.name_form_fields(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.password.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, dsn: str, parent: QWidget | None = None, *, refused: bool = False) -> tuple[str, bool] | None:
        """(the password, whether to keep it in the keyring), or None when cancelled."""
        dialog = cls(dsn, parent, refused=refused)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
                return None
            return dialog.password.text(), credentials.available() and dialog.keep.isChecked()
        finally:
            dialog.deleteLater()
