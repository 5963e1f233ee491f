"""The architecture's layering, enforced."""

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_importers_and_cli_import_without_pyside6():
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
sys.meta_path.insert(0, Block())
import factcheck.core.project, factcheck.core.anchoring, factcheck.core.segments, factcheck.core.ratings
import factcheck.importers, factcheck.cli, factcheck.demo
import pkgutil, factcheck.core, factcheck.importers
for pkg in (factcheck.core, factcheck.importers):
    for m in pkgutil.iter_modules(pkg.__path__):
        __import__(pkg.__name__ + "." + m.name)
from factcheck import translation  # a Spanish report reads the catalogue without Qt
assert translation.report_text("es")("Verdict") != "Verdict"
assert "PySide6" not in sys.modules
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_module_outside_ui_imports_qt():
    offenders = []
    for path in (ROOT / "factcheck").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("factcheck/ui/") or rel == "factcheck/exporters/pdf.py":
            continue
        if any(line.lstrip().startswith(("import PySide6", "from PySide6")) for line in path.read_text().splitlines()):
            offenders.append(rel)
    assert offenders == []


def test_no_code_opens_a_socket():
    for path in (ROOT / "factcheck").rglob("*.py"):
        text = path.read_text()
        for word in ("import socket", "urllib.request", "http.client", "import requests", "QNetworkAccessManager"):
            assert word not in text, f"{path} mentions {word}"
