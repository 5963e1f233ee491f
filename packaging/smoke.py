"""Smoke test of a built app: ``python packaging/smoke.py dist/factcheck``.

Runs the frozen binary (not the venv) through what a newsroom does on day one, with the
network off: builds the demo, imports a .txt, .md, .html, .docx and .pdf, exports every
format, runs ``verify`` and ``check``, starts the window offscreen and quits. Every step
must end without a traceback; it prints one line a step and the total time, and exits 1
if any step failed. Lazily imported modules and data files left out of the bundle are
what this catches.

The network is cut with ``unshare`` (a new network namespace: only loopback) where the
system allows it; elsewhere the run says that it could not cut it. The fixtures are made
here, with the Python running this script (it needs PySide6 and python-docx, as the
project's venv has).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

FORMATS = ("html", "pdf", "claimreview", "webannotation", "csv", "markdown", "evidence")
SUFFIX = {"html": "html", "pdf": "pdf", "claimreview": "json", "webannotation": "jsonld", "csv": "csv",
          "markdown": "md", "evidence": "zip"}
ARTICLE = ("The minister said unemployment fell by 4% last year. The opposition said it rose.\n\n"
           "El ministro dijo que el desempleo bajó un 4% en Bogotá. 👍")


def make_fixtures(folder: pathlib.Path) -> list[pathlib.Path]:
    files = []
    txt = folder / "article.txt"
    txt.write_text(ARTICLE, encoding="utf-8")
    md = folder / "article.md"
    md.write_text("# A headline\n\n" + ARTICLE, encoding="utf-8")
    html = folder / "article.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    html.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>A page</title></head>"
                    f"<body><article><h1>A page</h1>{paragraphs * 3}</article></body></html>", encoding="utf-8")
    files += [txt, md, html]
    try:
        import docx

        document = docx.Document()
        document.add_paragraph("A Word document")  # its own text: the same words as the .txt are refused as a duplicate
        for p in ARTICLE.split("\n\n"):
            document.add_paragraph(p)
        path = folder / "article.docx"
        document.save(str(path))
        files.append(path)
    except ImportError:
        print("  (python-docx missing here: no .docx fixture)")
    try:
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPainter, QPdfWriter

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication.instance() or QGuiApplication(["smoke"])  # noqa: F841 - fonts need it
        path = folder / "article.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 20, 20, 20))
        painter = QPainter(writer)
        painter.setFont(QFont("DejaVu Sans", 11))
        for page in range(2):
            if page:
                writer.newPage()
            for i, line in enumerate(ARTICLE.replace("\n\n", "\n").splitlines()):
                painter.drawText(100, 300 + i * 300, line.replace("👍", ""))
        painter.end()
        files.append(path)
    except ImportError:
        print("  (PySide6 missing here: no .pdf fixture)")
    return files


def network_cut() -> list[str]:
    """The prefix that runs a command with no network but loopback, or [] if the system refuses."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    for prefix in ([unshare, "-n"], [unshare, "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0])
        return 2
    app_dir = pathlib.Path(argv[0]).resolve()
    binary = app_dir / ("factcheck.exe" if os.name == "nt" else "factcheck")
    if not binary.exists():
        print(f"no app at {binary}")
        return 2
    cut = network_cut()
    print(f"smoke test of {binary}; network: {'cut (' + ' '.join(cut) + ')' if cut else 'NOT cut on this system'}")
    failures = steps = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        env = {**os.environ, "FACTCHECK_HOME": str(tmp / "home"), "FACTCHECK_USER": "smoke",
               "QT_QPA_PLATFORM": "offscreen", "FACTCHECK_ONE_APP": "0"}
        project = tmp / "smoke.factcheck"

        def step(name: str, *args: str, ok=(0,), extra_env=None, expect: str = "") -> None:
            nonlocal failures, steps
            steps += 1
            t = time.perf_counter()
            done = subprocess.run([*cut, str(binary), *args], capture_output=True, text=True, timeout=120,
                                  env={**env, **(extra_env or {})})
            seconds = time.perf_counter() - t
            output = done.stdout + done.stderr
            bad = done.returncode not in ok or "Traceback" in output or bool(expect and expect not in output)
            failures += bad
            print(f"  {'FAIL' if bad else 'ok  '} {name} ({seconds:.2f} s)")
            if bad:
                print("       exit", done.returncode, "|", output.strip()[-800:].replace("\n", "\n       "))

        step("--version", "--version", expect="factcheck ")
        step("demo", "demo", str(project))
        for fixture in make_fixtures(tmp):
            step(f"import {fixture.suffix}", "import", str(project), str(fixture))
        evidence = tmp / "screenshot.png"
        evidence.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                                           "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
        step("attach", "attach", str(project), "US foreign assistance to Colombia by fiscal year", str(evidence))
        for fmt in FORMATS:
            out = tmp / f"out-{fmt}.{SUFFIX[fmt]}"
            step(f"export {fmt}", "export", str(project), "--format", fmt, "-o", str(out), "--status", "draft")
            if not out.exists() or out.stat().st_size == 0:
                failures += 1
                print(f"       FAIL: {out.name} was not written")
        step("verify", "verify", str(project))
        step("check", "check", str(project), ok=(0, 1))  # 1: a blocking check failed, as the demo may
        step("window", "open", str(project), extra_env={"FACTCHECK_QUIT_WHEN_SHOWN": "1"}, expect="window shown")
    print(f"smoke test took {time.perf_counter() - start:.1f} s")
    print(f"smoke: {steps - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
