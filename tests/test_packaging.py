"""The app id names the .desktop file, the metainfo and the icon, and they agree."""

import configparser
import pathlib
import xml.etree.ElementTree as ET

from factcheck import APP_ID

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_desktop_metainfo_and_icon_agree():
    desktop = ROOT / "packaging" / f"{APP_ID}.desktop"
    metainfo = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
    icon = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
    assert desktop.exists() and metainfo.exists() and icon.exists()
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    tree = ET.parse(metainfo).getroot()
    assert tree.findtext("id") == APP_ID
    assert tree.find("launchable").text == f"{APP_ID}.desktop"
    ET.parse(icon)  # well-formed SVG


def test_resources_ship_in_the_wheel_config():
    text = (ROOT / "pyproject.toml").read_text()
    assert '"factcheck.resources" = "resources"' in text


def test_the_project_file_type_is_the_one_the_desktop_file_opens():
    mime = ET.parse(ROOT / "packaging" / f"{APP_ID}.mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (kind,) = mime.findall("m:mime-type", ns)
    assert kind.find("m:glob", ns).get("pattern") == "*.factcheck"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "packaging" / f"{APP_ID}.desktop", encoding="utf-8")
    assert kind.get("type") in entry["Desktop Entry"]["MimeType"].split(";")
    assert "%f" in entry["Desktop Entry"]["Exec"]  # the double-clicked file reaches factcheck


def test_metainfo_has_a_content_rating():
    tree = ET.parse(ROOT / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert tree.find("content_rating").get("type") == "oars-1.1"


def test_the_spec_bundles_what_the_app_loads_lazily():
    """Each lazily imported package with data of its own, and every factcheck module."""
    spec = (ROOT / "packaging" / "factcheck.spec").read_text()
    for needed in ('collect_submodules("factcheck")', '"trafilatura"', '"justext"', '"pypdfium2_raw"',
                   '"keyring.backends"', "FACTCHECK_BUILD_INFO", '"resources"', '"schema.sql"'):
        assert needed in spec
    pins = (ROOT / "packaging" / "requirements-build.txt").read_text()
    assert "pyinstaller==" in pins and "pyinstaller-hooks-contrib==" in pins


def test_the_flatpak_manifest_installs_the_files_the_linux_build_ships():
    manifest = (ROOT / "packaging" / "linux" / f"{APP_ID}.yml").read_text()
    assert f"app-id: {APP_ID}" in manifest
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml", f"{APP_ID}.svg"):
        assert name in manifest
    build = (ROOT / "packaging" / "build.py").read_text()
    for name in (f"{{APP_ID}}.desktop", f"{{APP_ID}}.metainfo.xml", f"{{APP_ID}}.mime.xml", f"{{APP_ID}}.svg"):
        assert name in build  # package_linux copies each into the tarball the manifest unpacks
