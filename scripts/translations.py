"""Keep the Spanish catalogue current: find new strings, then compile it.

    python scripts/translations.py          # update factcheck_es.ts from the code, build the .qm
    python scripts/translations.py --check  # say what is missing, change nothing (exit 1 if any)

``pyside6-lupdate`` reads every module of ``factcheck/``: ``self.tr(...)`` and
``QCoreApplication.translate(...)`` in widgets, ``N_(...)`` in core and ``T_(...)`` in
the exporters (both told to it as ``QT_TR_NOOP``). New strings land in the ``.ts`` as
unfinished; translate them (Qt Linguist, or any editor) and run this again so the
``.qm`` the app loads is rebuilt. Locations are left out of the ``.ts`` so moving code
does not change it. A ``#:`` comment is a note to the translator only right above a string
(``for_translators``): elsewhere it documents a constant.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
ALIASES = "QT_TR_NOOP+=N_,QT_TR_NOOP+=T_"


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python (PySide6-Essentials ships them)."""
    here = pathlib.Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "factcheck").rglob("*.py"))


#: What marks a statement that asks for a translation (a note above it is for the translator); ``translate``
#: as Qt's, not ``str.translate``.
CALLS = re.compile(r"(?:\btr|QCoreApplication\.translate|(?<![\w.])translate|\bN_|\bT_|\bQT_TR_NOOP)\(")
#: Lines a statement below a note is read for (a call split over lines: ``QLabel(`` then ``self.tr(...)``).
STATEMENT_LINES = 12


def _statement(lines: list[str], first: int) -> str:
    """The statement that starts at ``lines[first]``: its lines while a bracket it opened is still open."""
    depth, taken = 0, []
    for line in lines[first:first + STATEMENT_LINES]:
        taken.append(line)
        code = line.split("#", 1)[0]
        depth += sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")
        if depth <= 0:
            break
    return "\n".join(taken)


def for_translators(text: str) -> str:
    """A module as lupdate should read it: ``#:`` notes kept only above a statement that asks for a translation.

    lupdate takes every ``#:`` comment for a translator's note and hands all of those since the
    last string to the next one; this code also writes ``#:`` above constants to document them,
    which would reach translators glued to some unrelated string. Those become plain comments
    (same length, so nothing else moves).
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("#:"):
            continue
        below = next((j for j in range(i + 1, len(lines))
                      if lines[j].strip() and not lines[j].lstrip().startswith("#")), None)
        if below is None or not CALLS.search(_statement(lines, below)):
            lines[i] = line.replace("#:", "# ", 1)
    return "\n".join(lines)


def lupdate(ts: pathlib.Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in sources():
            copy = pathlib.Path(tmp) / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(for_translators((ROOT / name).read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             "-tr-function-alias", ALIASES, "-target-language", language, *sources(), "-ts", str(ts.resolve())],
            cwd=tmp, check=True,
        )


def lrelease(ts: pathlib.Path, qm: pathlib.Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def problems(ts: pathlib.Path) -> list[str]:
    """Every message of ``ts`` that is not finished, as one line each."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes" else [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
                found.append(f"{name or '(core)'}: {source!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what is untranslated; change nothing")
    args = parser.parse_args(argv)
    missing = []
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"factcheck_{language}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = pathlib.Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, copy)
                lupdate(copy, language)
                missing += [f"{language}: {line}" for line in problems(copy)]
            continue
        lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        missing += [f"{language}: {line}" for line in problems(ts)]
    for line in missing:
        print(line)
    print(f"{len(missing)} strings to translate" if missing else "every string is translated")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
