"""Make the README's screenshots: the main window on the demo project, a claim selected.

Usage: ``python scripts/screenshot.py [--dark] [--language es] [OUT.png]`` (default
``docs/screenshot.png``; ``docs/screenshot-dark.png`` with ``--dark``, which paints the
app's dark palette; ``docs/screenshot-es.png`` with ``--language es``: the app in Spanish
on the Spanish demo).
Runs offscreen; nothing is written outside a temporary folder except the PNG.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QLocale, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factcheck import demo, translation  # noqa: E402
from factcheck.ui import language as ui_language  # noqa: E402
from factcheck.ui import theme  # noqa: E402
from factcheck.ui.main_window import MainWindow  # noqa: E402


def main(out: str, dark: bool = False, language: str = "en") -> None:
    app = QApplication.instance() or QApplication([])
    if language != "en":
        QLocale.setDefault(QLocale(language))
        ui_language.install(app, language)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACTCHECK_HOME"] = tmp  # the project's backups and settings stay in here
        theme.apply_scheme(theme.DARK if dark else theme.LIGHT)
        path = pathlib.Path(tmp) / "demo.factcheck"
        demo.build(path, language=language).close()
        settings = QSettings(str(pathlib.Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, "demo")
        window.resize(1500, 900)
        window.open_project(path)
        window.show()
        claims = window.project.claims()
        petro = next(c for c in claims if c.rating and c.status == "published")
        window.panel.select_claim(petro.id)
        window.view.show_claim(petro.id)
        for _ in range(5):
            app.processEvents()
        pathlib.Path(out).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(out)
        window.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Make a README screenshot of the main window on the demo.")
    parser.add_argument("out", nargs="?", help="the PNG to write")
    parser.add_argument("--dark", action="store_true", help="paint the app's dark palette")
    parser.add_argument("--language", choices=sorted(translation.LANGUAGES), default="en",
                        help="the app's language (es: the Spanish demo too)")
    args = parser.parse_args()
    default = "screenshot-dark.png" if args.dark else "screenshot.png"
    if args.language != "en":
        default = f"screenshot-{args.language}.png"
    main(args.out or str(ROOT / "docs" / default), dark=args.dark, language=args.language)
