"""Child processes that start as an installed factcheck starts: from compiled bytecode.

pip compiles a wheel's modules when it installs them, so a user's ``factcheck`` never
compiles its own source at start-up. A checkout run with ``PYTHONDONTWRITEBYTECODE`` set
(as these machines are) would compile every module of the package on every start: about
60 ms of CPU of ``claims``' first row was that. ``env`` takes the variable out for the
child and compiles the package once per benchmark process, so even a command timed once
starts from bytecode.
"""

from __future__ import annotations

import functools
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def env(**values: str) -> dict:
    """``os.environ`` with ``values``, for a child that starts from bytecode as an installed factcheck does."""
    child = dict(os.environ, **values)
    child.pop("PYTHONDONTWRITEBYTECODE", None)
    _compiled()
    return child


@functools.cache
def _compiled() -> None:
    clean = dict(os.environ)
    clean.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")], env=clean, check=True)
