"""The organisation's logo: checked by its bytes, stored once, named by a setting, undone with the others."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest

from factcheck.core import history, settings
from factcheck.core.errors import Conflict, InvalidInput, KnownError, NotFound
from factcheck.core.project import Project


def png(width: int = 2, height: int = 2, rgb: bytes = b"\x10\x80\xf0") -> bytes:
    """A valid PNG of one colour, made without any image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
SVG = b'<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def blob_count(project: Project) -> int:
    return project.store.read_one("SELECT count(*) FROM blobs")[0]


def test_a_png_is_stored_once_by_its_sha256_and_named_by_the_setting(project):
    data = png()
    changes = project.set_logo(data, "logo.png")
    assert changes.settings and changes.event_seq is not None
    assert project.setting("organisation_logo") == hashlib.sha256(data).hexdigest()
    assert project.logo() == (data, "image/png")
    before = blob_count(project)
    project.set_logo(None)
    assert project.logo() is None and project.setting("organisation_logo") == ""
    project.set_logo(data, "again.png")
    assert blob_count(project) == before  # the same image is not stored twice
    assert project.verify().ok


@pytest.mark.parametrize(("data", "mime"), [(JPEG, "image/jpeg"), (SVG, "image/svg+xml"),
                                            (b"\xef\xbb\xbf  <svg>\n</svg>", "image/svg+xml")])
def test_jpeg_and_svg_are_accepted(project, data, mime):
    project.set_logo(data, "logo")
    assert project.logo() == (data, mime)


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"GIF89a" + b"\x00" * 20, "PNG, JPEG or SVG"),
    (b"%PDF-1.7\n", "PNG, JPEG or SVG"),
    (b"<html><svg></svg></html>", "PNG, JPEG or SVG"),
    (b'<svg onload="alert(1)"></svg>', "scripts"),
    (b"<svg><script>alert(1)</script></svg>", "scripts"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "PNG, JPEG or SVG"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * (settings.LOGO_MAX_BYTES), "the limit is 2 MB"),
])
def test_what_is_not_a_small_picture_is_refused_with_a_sentence(project, data, words):
    with pytest.raises(InvalidInput, match=words):
        project.set_logo(data, "logo")
    assert project.setting("organisation_logo") == "" and blob_count(project) == 0


def test_a_path_is_read_and_checked_before_it_is_read_whole(project, tmp_path):
    good = tmp_path / "logo.png"
    good.write_bytes(png())
    project.set_logo(good)
    assert project.logo()[1] == "image/png"
    assert project.store.read_one("SELECT filename FROM blobs")[0] == "logo.png"
    big = tmp_path / "poster.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * settings.LOGO_MAX_BYTES)
    with pytest.raises(InvalidInput, match="poster.png is 2.0 MB; a logo can be at most 2 MB"):
        settings.read_logo(big)
    with pytest.raises(KnownError, match="Cannot read missing.png"):
        project.set_logo(tmp_path / "missing.png")
    with pytest.raises(InvalidInput, match="folder"):
        settings.read_logo(tmp_path)


def test_the_setting_names_only_a_stored_image(project):
    with pytest.raises(NotFound, match="not stored"):
        project.set_setting("organisation_logo", "a" * 64)


def test_set_settings_is_one_undo_step_with_the_logo(project):
    hist = history.History(project)
    data = png()
    hist.do(history.SetSettings({"organisation_name": "Verificado", "organisation_url": "https://verificado.example",
                                 "four_eyes": False, "tasks": ["Found the original source"]}, logo=data,
                                logo_name="logo.png"))
    task_id = project.setting("tasks")[0]["id"]
    assert project.logo() == (data, "image/png") and project.setting("four_eyes") is False
    hist.undo()
    assert project.settings()["organisation_name"] == "" and project.setting("organisation_logo") == ""
    assert project.setting("four_eyes") is True and project.setting("tasks") == []
    hist.redo()
    assert project.setting("organisation_name") == "Verificado" and project.logo() == (data, "image/png")
    assert project.setting("tasks")[0]["id"] == task_id  # redo keeps the ids it gave
    assert not hist.can_redo and hist.undo_label == "Change project settings"


def test_set_settings_changing_nothing_is_no_step(project):
    hist = history.History(project)
    hist.do(history.SetSettings({"organisation_name": "", "four_eyes": True}))
    assert not hist.can_undo


def test_set_settings_is_all_or_nothing(project):
    hist = history.History(project)
    with pytest.raises(InvalidInput):
        hist.do(history.SetSettings({"organisation_name": "Kept?", "organisation_url": "javascript:alert(1)"}))
    assert project.setting("organisation_name") == "" and not hist.can_undo


def test_undo_refuses_to_overwrite_another_windows_change(project, tmp_path):
    hist = history.History(project)
    hist.do(history.SetSettings({"organisation_name": "Mine"}))
    with Project.open(project.path, user="bo") as other:
        other.set_setting("organisation_name", "Theirs")
    with pytest.raises(Conflict):
        hist.undo()
    assert project.setting("organisation_name") == "Theirs"


def test_a_pattern_without_a_scheme_is_stored_as_the_https_url_it_means(project):
    project.set_setting("factcheck_url_pattern", "checks.example.org/{article}#claim-{claim}")
    pattern = project.setting("factcheck_url_pattern")
    assert pattern == "https://checks.example.org/{article}#claim-{claim}"
    assert settings.fill_url_pattern(pattern, "a1", "c1") == "https://checks.example.org/a1#claim-c1"
    assert settings.fill_url_pattern("https://x.example/{article}", "a1", "c1") == "https://x.example/a1#claim-c1"
