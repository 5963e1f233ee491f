"""Where factcheck keeps its settings, data and log of unexpected errors.

The OS's usual folders, or all three under one folder when ``FACTCHECK_HOME`` is set
(tests, portable use). Free of Qt: the command line and the app both use it.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import traceback

import platformdirs

from factcheck import __version__
from factcheck.core.text import N_

LOG_NAME = "factcheck.log"
USER_NAME = "user.json"


def _override() -> pathlib.Path | None:
    value = os.environ.get("FACTCHECK_HOME")
    return pathlib.Path(value) if value else None


def home() -> tuple[pathlib.Path, pathlib.Path]:
    """(config folder, data folder)."""
    base = _override()
    if base is not None:
        return base / "config", base / "data"
    return (
        pathlib.Path(platformdirs.user_config_dir("factcheck", appauthor=False)),
        pathlib.Path(platformdirs.user_data_dir("factcheck", appauthor=False)),
    )


def user_file() -> pathlib.Path:
    """The file holding the saved name of who works here, read by the app and the command line."""
    return home()[0] / USER_NAME


def saved_user() -> str:
    """The name saved with the app's Edit > Your name… (or its first run); "" when none is saved.

    A missing, unreadable or damaged file means no saved name, never an error: the
    caller falls back to asking (the app) or to the login name (the command line).
    """
    try:
        data = json.loads(user_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) else ""


def save_user(name: str) -> None:
    """Save ``name`` as who works here from now on, in the app and on the command line."""
    from factcheck.core.errors import KnownError

    path = user_file()
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps({"name": name.strip()}, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(partial, path)  # never a half-written name for the other one to read
    except OSError as exc:
        raise KnownError(N_("Your name could not be saved in {path} ({error}).", path=str(path),
                            error=str(exc.strerror or exc))) from exc


def log_file() -> pathlib.Path:
    """The file unexpected errors are written to, with their traceback."""
    base = _override()
    folder = base / "logs" if base is not None else pathlib.Path(platformdirs.user_log_dir("factcheck", appauthor=False))
    return folder / LOG_NAME


def log_bug(exc: BaseException) -> str:
    """Append ``exc`` and its traceback to the log; returns the sentence to show the user.

    An error that is not the user's problem (a ``BugError``, or any exception factcheck
    did not expect) is ours to fix, so the sentence says so and where the details are.
    """
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    written = None
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {stamp} factcheck {__version__}\n{details}\n")
        written = path
    except OSError:
        pass
    what = " ".join(str(exc).split())
    if written is None:
        return N_("factcheck hit an unexpected problem, a bug in factcheck ({error}: {what}).",
                  error=type(exc).__name__, what=what)
    return N_("factcheck hit an unexpected problem, a bug in factcheck ({error}: {what}). Details were written to "
              "{path}.", error=type(exc).__name__, what=what, path=str(written))


def unused_name(beside: pathlib.Path, base: str, suffix: str) -> pathlib.Path:
    """``base + suffix`` in the folder of ``beside``, or ``base-2``, ``base-3``... if taken: never an existing file."""
    path = beside.with_name(base + suffix)
    n = 2
    while path.exists():
        path = beside.with_name(f"{base}-{n}{suffix}")
        n += 1
    return path
