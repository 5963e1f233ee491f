"""The Spanish catalogue is complete and current, and no visible string bypasses it.

Static half of the translation tests (the app walked in Spanish is ``tests/ui/test_spanish.py``):
- the ``.ts`` has a finished translation for every string the code marks, with the same
  placeholders, and the committed ``.qm`` is compiled from it;
- no text reaches a widget, a dialog or core's sentences as a bare literal or f-string.
"""

from __future__ import annotations

import ast
import importlib.util
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from factcheck import translation
from factcheck.core.text import N_, Text

ROOT = pathlib.Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "factcheck_es.ts"


def _script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) for every message of the Spanish catalogue."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation_ = message.find("translation")
            forms = [f.text or "" for f in translation_.iter("numerusform")] or [translation_.text or ""]
            found.append((context.findtext("name") or "", message.findtext("source") or "", forms))
    return found


def test_every_marked_string_has_a_finished_spanish_translation(tmp_path):
    """lupdate over today's code, on a copy of the catalogue: nothing new, nothing unfinished."""
    script = _script()
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    script.lupdate(copy, "es")
    assert script.problems(copy) == []
    before = {(c, s) for c, s, _ in messages()}
    assert len(before) > 300


def test_translators_see_notes_written_for_them_not_the_docs_of_constants():
    """lupdate hands every ``#:`` comment since the last string to the next one; a constant's doc must not reach it."""
    source = (
        "#: How long the dialog waits (ms).\n"
        "WAIT_MS = 500\n"
        "\n"
        "def label(self):\n"
        "    #: The label while the work stops.\n"
        "    return self.tr('Cancelling…')\n"
        "#: A stance, as a report names it.\n"
        "STANCES = {'supports': N_('Supports')}\n"
    )
    kept = _script().for_translators(source).splitlines()
    assert kept[0] == "#  How long the dialog waits (ms)."  # the same length: nothing else moves
    assert kept[4] == "    #: The label while the work stops." and kept[6] == "#: A stance, as a report names it."
    assert [line for i, line in enumerate(kept) if i not in (0, 4, 6)] == [
        line for i, line in enumerate(source.splitlines()) if i not in (0, 4, 6)]
    notes = re.findall(r"<extracomment>(.*?)</extracomment>", TS.read_text(encoding="utf-8"))
    assert notes and not any("(ms)" in note for note in notes)  # the catalogue was made so


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    script = _script()
    built = tmp_path / "es.qm"
    script.lrelease(TS, built)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run: python scripts/translations.py"


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n|%\d")


def test_translations_keep_the_placeholders_of_their_source():
    wrong = []
    for context, source, forms in messages():
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            got = sorted(PLACEHOLDER.findall(form))
            if "%n" in wanted and "%n" not in got and len(forms) > 1:
                got = sorted(got + ["%n"])  # "un artículo" may spell the one out
            if got != wanted:
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert wrong == []


def test_a_translation_is_spanish_not_a_copy_of_the_english():
    """A translation equal to its source is allowed only where Spanish spells it the same."""
    same = [s for _, s, forms in messages() for f in forms if f == s and re.search(r"[a-z]{3} [a-z]{3}", s)]
    assert same == []


# --- no bare strings -------------------------------------------------------------------------

TEXT_CALLS = {
    # method or constructor: positions of arguments that are shown to people
    "setText": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,), "setWindowTitle": (0,),
    "setPlaceholderText": (0,), "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setTitle": (0,),
    "setLabelText": (0,), "showMessage": (0,), "setInformativeText": (0,), "setDetailedText": (0,),
    "addMenu": (0,), "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "setTabToolTip": (1,),
    "addRow": (0,), "setHorizontalHeaderLabels": (0,), "setSpecialValueText": (0,), "setSuffix": (0,),
    "setPrefix": (0,), "addItem": (0,), "addItems": (0,), "insertItem": (1,), "setItemText": (1,),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,), "QGroupBox": (0,),
    "QAction": (0, 1), "QToolButton": (0,), "QMessageBox": (1, 2),
    "warning": (1, 2), "information": (1, 2), "question": (1, 2), "critical": (1, 2), "about": (1, 2),
    "getText": (1, 2), "getItem": (1, 2), "getInt": (1, 2), "getOpenFileName": (1, 3),
    "getSaveFileName": (1, 3), "getExistingDirectory": (1,), "getOpenFileNames": (1, 3),
    "_action": (0,),
}
TEXT_KEYWORDS = {"text", "title", "tooltip", "tip", "label", "caption", "placeholder", "message", "prompt", "ok_text"}


def _shown(node: ast.AST) -> bool:
    """A literal with letters in it (or an f-string), i.e. words that bypass translation."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and re.search(r"[A-Za-z]{2}", str(v.value)) for v in node.values)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value)) and node.value != "factcheck"
    if isinstance(node, ast.IfExp):
        return _shown(node.body) or _shown(node.orelse)
    if isinstance(node, ast.BinOp):
        return _shown(node.left) or _shown(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_shown(e) for e in node.elts)
    return False


def _name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def bare_strings(path: pathlib.Path) -> list[str]:
    """Calls in ``path`` that put an untranslated literal in front of people."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        shown = [node.args[i] for i in TEXT_CALLS.get(name, ()) if i < len(node.args)]
        shown += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        if any(_shown(arg) for arg in shown):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


UI = sorted((ROOT / "factcheck" / "ui").rglob("*.py"))


@pytest.mark.parametrize("path", UI, ids=lambda p: str(p.relative_to(ROOT / "factcheck")))
def test_no_widget_text_bypasses_translation(path):
    assert bare_strings(path) == []


KNOWN_ERRORS = {"KnownError", "ProjectError", "ProjectLocked", "ProjectReadOnly", "ProjectTooNew", "NotAProject",
                "ImportRefused", "InvalidInput", "NotFound", "Conflict", "BackupError", "ExportError"}


@pytest.mark.parametrize("path", sorted((ROOT / "factcheck").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_sentence_core_raises_for_people_is_marked(path):
    """``raise InvalidInput(f"...")`` would reach the app in English: core writes ``N_("...", x=...)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc.func) in KNOWN_ERRORS:
            if node.exc.args and _shown(node.exc.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_a_core_sentence_is_english_until_the_app_translates_it():
    sentence = N_("{name} does not exist.", name="a.factcheck")
    assert sentence == "a.factcheck does not exist." and isinstance(sentence, Text)
    spanish = translation.localise(sentence, lambda source: {"{name} does not exist.": "{name} no existe."}[source])
    assert spanish == "a.factcheck no existe."
    # A translation that lost its placeholder names falls back to English rather than failing.
    assert translation.localise(sentence, lambda source: "{nombre} no existe.") == "a.factcheck does not exist."
    nested = N_("Refused: {why}", why=N_("the file is locked."))
    table = {"Refused: {why}": "Rechazado: {why}", "the file is locked.": "el archivo está bloqueado."}
    assert translation.localise(nested, table.get) == "Rechazado: el archivo está bloqueado."


def test_reports_are_written_in_the_language_asked_for():
    english, spanish = translation.report_text("en"), translation.report_text("es")
    assert english("Verdict") == "Verdict"
    assert spanish("Verdict") != "Verdict"


@pytest.mark.parametrize(("env", "setting", "system", "expected"), [
    ("", "system", "es_CO", "es"), ("", "system", "en_GB", "en"), ("", "system", "C", "en"),
    ("", "en", "es_ES", "en"), ("", "es", "en_US", "es"), ("es", "en", "en_US", "es"),
    ("", "system", "fr_FR", "en"), ("", "", "es_MX.UTF-8", "es"),
])
def test_the_language_follows_the_system_unless_overridden(monkeypatch, env, setting, system, expected):
    monkeypatch.setenv(translation.ENV, env)
    assert translation.choose(setting, system) == expected


def test_lupdate_and_lrelease_ship_with_the_test_environment():
    script = _script()
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        assert subprocess.run([script.tool(name), "-help"], capture_output=True).returncode == 0
