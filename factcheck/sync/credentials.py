"""The password of a sync server, kept in the system keyring when there is one, never in the project.

libpq's own ways come first and need nothing from here: ``PGPASSWORD``, ``~/.pgpass``, a
service file (``PGSERVICE``), a certificate. When the server still asks, the app or the
CLI asks the person and may keep the answer in the keyring (the ``keyring`` package:
Secret Service on Linux, Keychain on macOS, Credential Locker on Windows); without a
usable keyring it is asked once per session.
"""

from __future__ import annotations

import logging

log = logging.getLogger("factcheck")

SERVICE = "factcheck-sync"


def _keyring():
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken backend is "no keyring"
        return None
    # The fail and null backends store nothing: treat them as absent.
    if type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return None
    return keyring


def available() -> bool:
    return _keyring() is not None


def get(dsn: str) -> str | None:
    """The password kept for this connection string (without its password), or None."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, dsn)
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: ask instead
        log.info("keyring unavailable: %s", exc)
        return None


def keep(dsn: str, password: str) -> bool:
    """Keep a password for this connection string; False when there is no keyring to keep it in."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, dsn, password)
        return True
    except Exception as exc:  # noqa: BLE001
        log.info("keyring refused the password: %s", exc)
        return False


def forget(dsn: str) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, dsn)
    except Exception:  # noqa: BLE001 - nothing kept is fine
        pass


def needs_password(exc: BaseException) -> bool:
    """True when a failed connection was for want of a (right) password."""
    text = str(exc).lower()
    return "password" in text and ("no password supplied" in text or "authentication failed" in text)
