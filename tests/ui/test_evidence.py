"""The evidence panel of the source and citation dialogs: attach, drop, paste, open, remove, preview offline."""

from __future__ import annotations

import os
import socket
import stat

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPainter, QPdfWriter

from factcheck.core import attachments, history
from factcheck.ui import evidence, long_work
from factcheck.ui.dialogs.citation_dialog import CitationDialog
from factcheck.ui.dialogs.source_dialog import SourceDialog


@pytest.fixture
def ids(session):
    claim_id = session.do(history.CreateClaim(session.version.id, 0, 60)).created
    source_id = session.do(history.CreateSource(title="Customs bulletin 2023", kind="document")).created
    citation_id = session.do(history.Cite(claim_id, source_id, "supports")).created
    return {"claim": claim_id, "source": source_id, "citation": citation_id}


@pytest.fixture
def errors(monkeypatch):
    said = []
    monkeypatch.setattr(evidence, "show_error", lambda parent, exc: said.append(str(exc)))
    return said


@pytest.fixture
def opened(monkeypatch):
    paths = []
    monkeypatch.setattr(evidence, "open_in_viewer", lambda path: paths.append(path) or True)
    return paths


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the preview tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def source_dialog(qtbot, session, source_id):
    dialog = SourceDialog(None, session.project.source(source_id), session=session)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def png(path, color="red", size=(64, 48)):
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def test_the_source_dialog_attaches_lists_opens_and_removes_files(qtbot, session, ids, tmp_path, monkeypatch,
                                                                    errors, opened):
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    assert panel.list.count() == 0 and panel.attach_button.isEnabled() and not panel.open_button.isEnabled()
    picture = png(tmp_path / "tabla.png")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(picture)])
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 1 and "tabla.png" in panel.list.item(0).text()
    (att,) = session.project.attachments(source_id=ids["source"])
    assert att.sha256 in panel.list.item(0).toolTip()
    # Previewed, scaled to the pane.
    assert panel.preview.currentWidget() is panel.preview_image
    assert not panel.preview_image.pixmap().isNull()
    # Opened from a read-only temporary copy.
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    (copy,) = opened
    assert copy.read_bytes() == picture.read_bytes() and stat.S_IMODE(copy.stat().st_mode) == 0o400
    # Removed, then back with Undo.
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 0 and session.project.attachments() == []
    session.undo()
    qtbot.wait_until(lambda: panel.list.count() == 1)
    assert not errors


def test_files_dropped_on_the_list_are_attached(qtbot, session, ids, tmp_path, errors):
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    one, two = tmp_path / "uno.txt", tmp_path / "dos 📄.txt"
    one.write_text("Llamada a la oficina de prensa, 10:40.", encoding="utf-8")
    two.write_text("Segunda nota", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(one)), QUrl.fromLocalFile(str(two))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    assert panel.eventFilter(panel.list.viewport(), enter) and enter.isAccepted()
    # Qt delivers a drop only during a real drag: the list's viewport filter is handed it as Qt would.
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    assert panel.eventFilter(panel.list.viewport(), event)
    assert [a.name for a in session.project.attachments(source_id=ids["source"])] == ["uno.txt", "dos 📄.txt"]
    assert panel.list.count() == 2 and not errors
    # The text shows in the preview.
    assert panel.preview.currentWidget() is panel.preview_text
    assert "Segunda nota" in panel.preview_text.toPlainText()


def test_a_screenshot_is_pasted_from_the_clipboard_as_a_png(qtbot, session, ids, errors):
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.mouseClick(panel.paste_button, Qt.MouseButton.LeftButton)
    (att,) = session.project.attachments(source_id=ids["source"])
    assert att.mime == "image/png"
    assert att.name.startswith("Screenshot ") and att.name.endswith(".png")
    assert evidence.screenshot_name().startswith(att.name[:len("Screenshot 2024-05-01")])
    stored = QImage.fromData(b"".join(session.project.evidence_chunks(att.sha256)), "PNG")
    assert stored.size() == image.size() and QColor(stored.pixel(5, 5)) == QColor("navy")
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(panel.paste_button, Qt.MouseButton.LeftButton)
    assert errors == ["The clipboard holds no picture or file to attach."]


def test_a_saved_page_is_previewed_without_fetching_anything(qtbot, session, ids, tmp_path, no_network):
    page = tmp_path / "article.html"
    page.write_text(
        "<!DOCTYPE html><html><head><link rel=stylesheet href='https://cdn.example.com/x.css'></head><body>"
        "<h1>Exportaciones</h1><p>Cayeron un 12 %.</p><img src='https://tracker.example.com/pixel.png'>"
        "<img src='http://127.0.0.1:9/local.png'></body></html>", encoding="utf-8")
    session.project.attach(page, source_id=ids["source"])
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    assert panel.preview.currentWidget() is panel.preview_text
    assert "Cayeron un 12 %." in panel.preview_text.toPlainText()
    asked = {u.toString() for u in panel.preview_text.refused}
    assert "https://tracker.example.com/pixel.png" in asked  # asked for, and refused
    assert not panel.preview_text.openLinks() and not panel.preview_text.openExternalLinks()


def test_an_mhtml_page_shows_its_html_part(qtbot, session, ids, tmp_path, no_network):
    page = tmp_path / "saved.mhtml"
    page.write_bytes(
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        b"\ttype=\"text/html\"; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>Declaraci=C3=B3n del ministro</p>"
        b"<img src=3D\"https://example.com/a.png\"></body></html>\r\n--XX--\r\n")
    session.project.attach(page, source_id=ids["source"])
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    assert panel.attachments()[0].mime == "multipart/related"
    assert "Declaración del ministro" in panel.preview_text.toPlainText()


def test_a_pdf_shows_its_first_page(qtbot, session, ids, tmp_path):
    path = tmp_path / "informe.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.fillRect(0, 0, writer.width(), writer.height() // 2, QColor("black"))
    painter.end()
    session.project.attach(path, source_id=ids["source"])
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    assert panel.preview.currentWidget() is panel.preview_image
    image = panel.preview_image.pixmap().toImage()
    assert not image.isNull() and image.height() > image.width()  # a portrait page
    assert QColor(image.pixel(image.width() // 2, image.height() // 4)).lightness() < 60
    assert QColor(image.pixel(image.width() // 2, image.height() * 3 // 4)).lightness() > 200


def test_a_pdf_page_never_pushes_the_source_dialog_off_the_screen(qtbot, session, ids, tmp_path):
    """A portrait page drawn for the preview made the dialog as tall as the page (1,040 px: Save and Cancel below a
    768 px laptop's screen), and was drawn wider than the room it was shown in (its left edge cut)."""
    from factcheck.ui import screen_fit

    path = tmp_path / "memo.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.fillRect(0, 0, writer.width(), writer.height(), QColor("black"))
    painter.end()
    session.project.attach(path, source_id=ids["source"])
    dialog = source_dialog(qtbot, session, ids["source"])
    qtbot.waitExposed(dialog)
    room = screen_fit.room(dialog)
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    label = dialog.evidence.preview_image
    picture = label.pixmap()
    assert 0 < picture.width() <= label.width() and 0 < picture.height() <= label.height()
    dialog.resize(dialog.width() - 120, dialog.height() - 120)  # smaller: the page is fitted again, still whole
    qtbot.waitUntil(lambda: label.pixmap().width() <= label.width() and label.pixmap().height() <= label.height())


def test_the_citation_dialog_keeps_the_citations_own_files(qtbot, session, ids, tmp_path, monkeypatch, errors):
    citation = session.project.citation(ids["citation"])
    dialog = CitationDialog(session, claim_id=ids["claim"], citation=citation)
    qtbot.add_widget(dialog)
    dialog.show()
    note = tmp_path / "call.txt"
    note.write_text("Confirmed by phone.")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(note)])
    qtbot.mouseClick(dialog.evidence.attach_button, Qt.MouseButton.LeftButton)
    (att,) = session.project.attachments(citation_id=ids["citation"])
    assert att.claim_id == ids["claim"] and session.project.attachments(source_id=ids["source"]) == []
    # A new citation has no files yet: the panel says where they are attached once it is saved.
    fresh = CitationDialog(session, claim_id=ids["claim"])
    qtbot.add_widget(fresh)
    assert not fresh.evidence.attach_button.isEnabled() and "Edit…" in fresh.evidence.hint_label.text()


def test_a_citations_panel_says_where_its_sources_own_files_are(qtbot, session, ids, tmp_path):
    """File > Attach evidence… puts files on the source: the citation's panel said only "No files yet"."""
    citation = session.project.citation(ids["citation"])
    dialog = CitationDialog(session, claim_id=ids["claim"], citation=citation)
    qtbot.add_widget(dialog)
    assert "source" not in dialog.evidence.hint_label.text()  # none yet: nothing to point at
    for name, color in (("memo.png", "red"), ("wire.png", "blue")):
        session.project.attach(png(tmp_path / name, color), source_id=ids["source"])
    dialog.evidence.refresh()
    hint = dialog.evidence.hint_label.text()
    assert "No files yet" in hint and "Its source has 2 files of its own" in hint and "Source library" in hint


def test_a_new_source_cannot_take_files_until_it_is_saved(qtbot, session):
    dialog = SourceDialog(None, None, session=session)
    qtbot.add_widget(dialog)
    assert not dialog.evidence.attach_button.isEnabled() and not dialog.evidence.list.isEnabled()
    assert SourceDialog(None, None).evidence is None  # without a session, no panel at all


def test_a_large_file_is_stored_on_a_worker_with_progress_and_can_be_cancelled(qtbot, session, ids, tmp_path,
                                                                              monkeypatch, errors):
    path = tmp_path / "recording.ogg"
    with open(path, "wb") as f:
        f.write(b"OggS")
        f.write(os.urandom(6 * attachments.CHUNK))
    monkeypatch.setattr(evidence, "LARGE", 1000)
    monkeypatch.setattr(long_work, "SHOW_AFTER_MS", 0)
    seen_threads = []
    real = attachments.Attachments.store_file

    def slow(self, *args, progress=None, **kwargs):
        import threading
        import time

        seen_threads.append(threading.current_thread() is threading.main_thread())

        def slowed(done, total):
            time.sleep(0.02)
            return progress(done, total)

        return real(self, *args, progress=slowed, **kwargs)

    monkeypatch.setattr(attachments.Attachments, "store_file", slow)
    dialog = source_dialog(qtbot, session, ids["source"])
    panel = dialog.evidence
    made = panel.attach([str(path)])
    assert len(made) == 1 and seen_threads == [False]  # stored off the UI thread
    (att,) = session.project.attachments(source_id=ids["source"])
    assert att.name == "recording.ogg" and att.size == path.stat().st_size
    session.undo()  # one step: the attachment
    assert session.project.attachments() == []
    # Cancelled: nothing attached, nothing said.
    other = tmp_path / "other.ogg"
    with open(other, "wb") as f:
        f.write(b"OggS" + os.urandom(6 * attachments.CHUNK))
    original = evidence.StoreRunner._progress_dialog

    def cancel_at_once(runner, title, label):
        dialog = original(runner, title, label)
        dialog.canceled.emit()  # as its Cancel button does
        return dialog

    monkeypatch.setattr(evidence.StoreRunner, "_progress_dialog", cancel_at_once)
    assert panel.attach([str(other)]) == []
    assert session.project.attachments() == [] and not errors
    assert session.project.store.execute("SELECT count(*) FROM evidence_files").fetchone()[0] == 1


def test_file_attach_evidence_attaches_to_the_selected_claims_source(qtbot, session, ids, tmp_path, monkeypatch,
                                                                   errors):
    note = tmp_path / "memo.txt"
    note.write_text("memo")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(note)])
    assert len(evidence.attach_to_claims_source(session, None, ids["claim"])) == 1
    assert [a.name for a in session.project.attachments(source_id=ids["source"])] == ["memo.txt"]
    other = session.do(history.CreateSource(title="Central bank")).created
    session.do(history.Cite(ids["claim"], other, "context"))
    monkeypatch.setattr(evidence, "choose_source", lambda parent, labels: labels.index("Central bank"))
    note2 = tmp_path / "memo2.txt"
    note2.write_text("memo 2")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(note2)])
    evidence.attach_to_claims_source(session, None, ids["claim"])
    assert [a.name for a in session.project.attachments(source_id=other)] == ["memo2.txt"]
    lonely = session.do(history.CreateClaim(session.version.id, 70, 90)).created
    assert evidence.attach_to_claims_source(session, None, lonely) == []
    assert errors and "cites no source" in errors[-1]


def test_the_main_window_has_file_attach_evidence(qtbot, tmp_path, monkeypatch, errors):
    from factcheck.core.project import Project
    from tests.conftest import imported
    from tests.ui.conftest import shown_window

    path = tmp_path / "p.factcheck"
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported("The minister said exports fell by 12% in 2023.")).created
        claim_id = p.create_claim(p.current_version(article_id).id, 4, 30).created
        source_id = p.create_source(title="Customs").created
        p.cite(claim_id, source_id)
    window = shown_window(qtbot, path, tmp_path / "settings.ini")
    assert not window.attach_evidence_action.isEnabled()
    window.open_claim(claim_id)
    assert window.attach_evidence_action.isEnabled()
    note = tmp_path / "memo.txt"
    note.write_text("memo")
    monkeypatch.setattr(evidence, "ask_files", lambda parent: [str(note)])
    window.attach_evidence_action.trigger()
    assert [a.name for a in window.project.attachments(source_id=source_id)] == ["memo.txt"]
    assert "Attach file" in window.undo_action.text()
