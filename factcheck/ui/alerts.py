"""A refusal or an error shown to the user as one sentence in a message box.

The claim panel, the tasks panel and the app's last-resort exception hook share it;
tests replace ``show_error`` to collect what would have been shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from factcheck.core.errors import KnownError
from factcheck.ui import language


def show_error(parent: QWidget | None, exc: KnownError | str, title: str = "factcheck") -> None:
    """Show a refusal or error as a sentence in the app's language (tests replace this)."""
    QMessageBox.warning(parent, title, language.ui(exc))
