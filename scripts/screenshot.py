"""Make the README's screenshot: the main window on the demo project, a claim selected.

Usage: ``python scripts/screenshot.py [OUT.png]`` (default ``docs/screenshot.png``).
Runs offscreen; nothing is written outside a temporary folder except the PNG.
"""

from __future__ import annotations

import os
import pathlib
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factcheck import demo  # noqa: E402
from factcheck.ui.main_window import MainWindow  # noqa: E402


def main(out: str) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "demo.factcheck"
        demo.build(path).close()
        settings = QSettings(str(pathlib.Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, "demo")
        window.resize(1500, 900)
        window.open_project(path)
        window.show()
        claims = window.project.claims()
        petro = next(c for c in claims if "drug cartels to flourish" in c.exact)
        window.panel.select_claim(petro.id)
        window.view.show_claim(petro.id)
        for _ in range(5):
            app.processEvents()
        pathlib.Path(out).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(out)
        window.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshot.png"))
