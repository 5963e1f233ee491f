"""Which factcheck this is: its version and the commit it was built from.

A packaged app carries ``_build.json`` beside this module, written by
``packaging/build.py`` (version, commit, build date). Run from a git checkout, the commit
is asked of git; installed from a wheel without either, it is "unknown". Read only when
asked (``factcheck --version``, Help > About), never at start-up.
"""

from __future__ import annotations

import functools
import json
import pathlib
import subprocess

from factcheck import __version__

_HERE = pathlib.Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def info() -> dict[str, str]:
    """``{"version", "commit", "built"}``; ``commit`` and ``built`` are "" when unknown."""
    found = {"version": __version__, "commit": "", "built": ""}
    try:
        stored = json.loads((_HERE / "_build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = None
    if isinstance(stored, dict):
        found.update({k: str(stored.get(k) or "") for k in ("commit", "built")})
        return found
    if (_HERE.parent / ".git").exists():
        try:
            done = subprocess.run(["git", "-C", str(_HERE.parent), "rev-parse", "--short=12", "HEAD"],
                                  capture_output=True, text=True, timeout=2, check=False)
        except (OSError, subprocess.SubprocessError):
            return found
        if done.returncode == 0:
            found["commit"] = done.stdout.strip()
    return found


def describe() -> str:
    """One line: "factcheck 0.1.0 (commit 1a2b3c4d5e6f, built 2026-12-01)"."""
    found = info()
    extra = [f"commit {found['commit']}" if found["commit"] else "commit unknown"]
    if found["built"]:
        extra.append(f"built {found['built']}")
    return f"factcheck {found['version']} ({', '.join(extra)})"
