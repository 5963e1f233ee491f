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
