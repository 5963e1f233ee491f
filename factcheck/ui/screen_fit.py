"""Dialog sizes that fit the screen a dialog opens on (a 1,024 x 640 laptop's too)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room kept around a dialog for its frame and title bar, which ``resize`` does not count.
FRAME = QSize(40, 60)


def room(parent: QWidget | None) -> QSize:
    """The largest size a window opened over ``parent`` may be given: its screen's available area less a frame."""
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1024, 640) - FRAME
    return screen.availableGeometry().size() - FRAME


def fit(dialog: QWidget, width: int, height: int, parent: QWidget | None = None) -> None:
    """Give ``dialog`` the size it would like, ``width`` x ``height``, or as much of it as the screen has
    (never below the dialog's own minimum)."""
    most = room(parent if parent is not None else dialog.parentWidget())
    minimum = dialog.minimumSize()
    dialog.resize(max(minimum.width(), min(width, most.width())), max(minimum.height(), min(height, most.height())))
