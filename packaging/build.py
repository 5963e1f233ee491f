"""Build the installable app for the platform this runs on: ``python packaging/build.py``.

1. A build venv (``build/venv``) with the pinned build tools (``requirements-build.txt``)
   and factcheck with its dependencies (not the test ones).
2. ``build/_build.json``: the version, the commit (``git rev-parse``) and the date, which
   the app shows in Help > About and ``factcheck --version``.
3. PyInstaller on ``packaging/factcheck.spec``: a one-folder app in ``dist/factcheck/``.
4. The platform's package in ``dist/``: on Linux a ``.tar.gz`` of the folder (with the
   ``.desktop``, AppStream and MIME files and an ``install.sh`` that registers them for
   the user); on macOS a ``.dmg`` (``hdiutil``); on Windows an installer when Inno Setup's
   ``iscc`` is on the PATH (``packaging/windows/factcheck.iss``), else a ``.zip``.

Prints the folder's size. ``--smoke`` then runs ``packaging/smoke.py`` on the result.
Needs the network only for step 1 (PyPI), and only the first time.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import tarfile
import venv

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_ID = "org.factcheck.Workbench"


def _venv_python(folder: pathlib.Path) -> pathlib.Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def build_venv(fresh: bool) -> pathlib.Path:
    folder = BUILD / "venv"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    python = _venv_python(folder)
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(folder)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # The pip that comes with Python 3.11 trips on lxml's doubled extras in our dependencies.
    subprocess.run([*pip, "--upgrade", "pip>=24.2"], check=True)
    subprocess.run([*pip, "-r", str(ROOT / "packaging" / "requirements-build.txt")], check=True)
    subprocess.run([*pip, str(ROOT)], check=True)
    return python


def write_build_info(python: pathlib.Path) -> pathlib.Path:
    version = subprocess.run([str(python), "-c", "import factcheck; print(factcheck.__version__)"],
                             check=True, capture_output=True, text=True).stdout.strip()
    commit = ""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, check=False)
        commit = done.stdout.strip() if done.returncode == 0 else ""
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=False).stdout.strip()
        if commit and dirty:
            commit += "+changes"  # built from a tree with uncommitted edits: say so
    except OSError:
        pass
    info = {"version": version, "commit": commit, "built": datetime.date.today().isoformat()}
    BUILD.mkdir(exist_ok=True)
    path = BUILD / "_build.json"
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


_ICON_SCRIPT = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(["icon"])
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
QSvgRenderer(sys.argv[1]).render(painter)
painter.end()
writer = QImageWriter(sys.argv[2], sys.argv[3].encode())
sys.exit(0 if writer.write(image) else 1)
"""


def make_icon(python: pathlib.Path) -> pathlib.Path | None:
    """The app icon as Windows (.ico) or macOS (.icns) want it, drawn from the SVG by Qt; None on Linux."""
    kind = {"Windows": "ico", "Darwin": "icns"}.get(platform.system())
    if kind is None:
        return None  # Linux takes the SVG itself, through the .desktop file
    out = BUILD / f"factcheck.{kind}"
    subprocess.run([str(python), "-c", _ICON_SCRIPT, str(ROOT / "resources" / "icons" / f"{APP_ID}.svg"),
                    str(out), kind], check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return out


def run_pyinstaller(python: pathlib.Path, info: pathlib.Path) -> pathlib.Path:
    env = {**os.environ, "FACTCHECK_BUILD_INFO": str(info)}
    icon = make_icon(python)
    if icon is not None:
        env["FACTCHECK_ICON"] = str(icon)
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "packaging" / "factcheck.spec")], check=True, env=env)
    return DIST / "factcheck"


def folder_size(folder: pathlib.Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def package_linux(app: pathlib.Path, version: str) -> pathlib.Path:
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml"):
        shutil.copy2(ROOT / "packaging" / name, app / name)
    shutil.copy2(ROOT / "resources" / "icons" / f"{APP_ID}.svg", app / f"{APP_ID}.svg")
    shutil.copy2(ROOT / "packaging" / "linux" / "install.sh", app / "install.sh")
    out = DIST / f"factcheck-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(app, arcname=f"factcheck-{version}")
    return out


def package_macos(app: pathlib.Path, version: str) -> pathlib.Path:
    out = DIST / f"factcheck-{version}-macos.dmg"
    bundle = DIST / "factcheck.app"  # the spec's BUNDLE: app id and the .factcheck type
    subprocess.run(["hdiutil", "create", "-volname", "factcheck", "-srcfolder", str(bundle), "-ov",
                    "-format", "UDZO", str(out)], check=True)
    return out


def package_windows(app: pathlib.Path, version: str) -> pathlib.Path:
    iscc = shutil.which("iscc")
    if iscc:
        subprocess.run([iscc, f"/DVersion={version}", f"/DSource={app}", f"/O{DIST}",
                        str(ROOT / "packaging" / "windows" / "factcheck.iss")], check=True)
        return DIST / f"factcheck-{version}-setup.exe"
    return pathlib.Path(shutil.make_archive(str(DIST / f"factcheck-{version}-windows"), "zip", app))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="make the build venv anew")
    parser.add_argument("--smoke", action="store_true", help="run packaging/smoke.py on the result")
    args = parser.parse_args(argv)
    python = build_venv(args.fresh)
    info = write_build_info(python)
    app = run_pyinstaller(python, info)
    version = json.loads(info.read_text(encoding="utf-8"))["version"]
    size = folder_size(app)
    system = platform.system()
    if system == "Linux":
        package = package_linux(app, version)
    elif system == "Darwin":
        package = package_macos(app, version)
    else:
        package = package_windows(app, version)
    print(f"app folder: {app} ({size / 1e6:.0f} MB unpacked)")
    print(f"package:    {package} ({package.stat().st_size / 1e6:.0f} MB)")
    if args.smoke:
        return subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"), str(app)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
