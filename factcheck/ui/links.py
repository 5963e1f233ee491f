"""Opening web links from sources, safely: only http(s), and only when the user asks.

A source URL is whatever someone typed or pasted, so it may be ``javascript:``, ``file:``
or ``data:``. Only an absolute http or https URL with a host is ever handed to the
desktop; anything else is refused without a word.
"""

from __future__ import annotations

import urllib.parse

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

WEB_SCHEMES = ("http", "https")


def _clean(url: str | None) -> str:
    return (url or "").strip()


def is_openable(url: str | None) -> bool:
    """True when ``url`` is an absolute http or https URL with a host.

    Both Python's and Qt's parsers must agree, so a string one of them reads differently
    (control characters, odd spacing) is refused.
    """
    text = _clean(url)
    if not text or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return False
    try:
        parsed = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    if parsed.scheme.lower() not in WEB_SCHEMES or not parsed.hostname:
        return False
    qurl = QUrl(text, QUrl.ParsingMode.TolerantMode)
    return qurl.isValid() and qurl.scheme().lower() in WEB_SCHEMES and bool(qurl.host())


def open_url(url: str | None, parent: QWidget | None = None) -> bool:
    """Open ``url`` in the user's browser if it is http(s); returns whether it was opened.

    A refused URL returns False and shows nothing. If the desktop has no browser to open
    an accepted URL, a warning says so (when ``parent`` is given).
    """
    if not is_openable(url):
        return False
    opened = bool(QDesktopServices.openUrl(QUrl(_clean(url), QUrl.ParsingMode.TolerantMode)))
    if not opened and parent is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("Links", "Link not opened"),
                            QCoreApplication.translate("Links", "No web browser could be started to open this link."))
    return opened
