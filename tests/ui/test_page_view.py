"""The original PDF page beside the article: rendered, the claim's words boxed where the PDF has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor

from factcheck.core.project import Project
from factcheck.importers import ImportedArticle
from factcheck.ui import import_worker, page_view
from factcheck.ui.main_window import MainWindow
from factcheck.ui.page_view import PageView
from factcheck.ui.session import Session

from ..conftest import SAMPLE
from ..importers._pdfs import A4, Text, write

# Three pages: a sentence that runs from the foot of page 1 on to page 2 past its running
# header, a word broken by a hyphen at a line's end, and the same words on pages 2 and 3.
PAGES = [
    [Text(25, 40, "The report opens with a summary of trade."),
     Text(25, 250, "Its last words run on: exports of")],
    [Text(25, 15, "Annual report 2024", 9),
     Text(25, 40, "coffee fell sharply. The minister said that the coun-"),
     Text(25, 46, "try's exports fell by 40 % in 2024.")],
    [Text(25, 100, "Exports fell by 40 % in 2024, the minister said again."),
     Text(60, 200, "Prices rose 👍 in España.")],
]
TEXT = ("The report opens with a summary of trade.\n\n"
        "Its last words run on: exports of coffee fell sharply. The minister said that the country's "
        "exports fell by 40 % in 2024.\n\n"
        "Exports fell by 40 % in 2024, the minister said again.\n\nPrices rose 👍 in España.")


def pdf_article(original: bytes, text: str = TEXT) -> ImportedArticle:
    return ImportedArticle(text=text, title="Trade report", source_format="pdf", source_name="report.pdf",
                           original=original, mime="application/pdf")


@pytest.fixture
def pdf_project(tmp_path):
    """(project, version id) of an article whose original is the three-page PDF."""
    project = Project.create(tmp_path / "pdf.factcheck", user="ana")
    article_id = project.import_article(pdf_article(write(PAGES))).created
    yield project, project.current_version(article_id).id
    project.close()


def claim_on(project, version_id: str, words: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return project.create_claim(version_id, start, start + len(words)).created


@pytest.fixture
def make_view(qtbot):
    def make(project, version_id: str, claim_id: str | None) -> PageView:
        session = Session(project)
        view = PageView(session, lambda: (version_id, claim_id))
        qtbot.add_widget(view)
        view.resize(520, 760)
        view.show()
        qtbot.wait_exposed(view)
        view.sync(jump=True)
        qtbot.wait_until(lambda: view.canvas.image is not None or view.problem_label.isVisibleTo(view))
        return view

    return make


def mm_to_canvas(view: PageView, x_mm: float, y_mm: float) -> tuple[float, float]:
    size = view.canvas.image.deviceIndependentSize()
    return x_mm / A4[0] * size.width(), y_mm / A4[1] * size.height()


def test_the_claims_page_is_shown_with_its_words_boxed_where_the_pdf_has_them(pdf_project, make_view):
    project, version_id = pdf_project
    claim_id = claim_on(project, version_id, "Exports fell by 40 % in 2024")  # also on page 2, in lower case
    view = make_view(project, version_id, claim_id)
    assert view.page == 2 and view.page_label.text() == "Page 3 of 3"
    (box,) = view.canvas.boxes
    left, baseline = mm_to_canvas(view, 25, 100)
    assert abs(box.left() - left) < 4  # the box starts where the words were drawn
    assert box.top() < baseline < box.bottom() + 1 and box.bottom() - baseline < 6
    assert 6 < box.height() < 30 and box.width() > 0.2 * view.canvas.width()
    image = view.canvas.image
    ratio = image.devicePixelRatio()
    dark = sum(QColor(image.pixel(round(x * ratio), round(box.center().y() * ratio))).lightness() < 128
               for x in range(round(box.left()), round(box.right())))
    assert dark > 10  # the rendered page has the words inside the box
    assert not view.note_label.isVisibleTo(view)


def test_a_word_broken_at_a_lines_end_is_boxed_on_both_lines(pdf_project, make_view):
    project, version_id = pdf_project
    view = make_view(project, version_id, claim_on(project, version_id, "the country's exports fell"))
    assert view.page == 1
    first, second = sorted(view.canvas.boxes, key=lambda box: box.top())
    assert abs(first.bottom() - mm_to_canvas(view, 0, 40)[1]) < 6 and abs(second.bottom() - mm_to_canvas(view, 0, 46)[1]) < 6
    assert first.right() > second.left()


def test_words_running_on_to_the_next_page_past_its_header_are_boxed_on_both(pdf_project, make_view):
    project, version_id = pdf_project
    view = make_view(project, version_id, claim_on(project, version_id, "exports of coffee fell sharply"))
    assert view.page == 0 and sorted(view._boxes) == [0, 1]
    assert view.canvas.boxes[0].top() > mm_to_canvas(view, 0, 240)[1]
    view.next_button.click()
    page_two = view.canvas.boxes
    assert view.page == 1 and len(page_two) == 1 and page_two[0].top() > mm_to_canvas(view, 0, 30)[1]  # not the header


def test_paging_and_a_claim_the_pdf_does_not_have(pdf_project, make_view, qtbot):
    project, version_id = pdf_project
    view = make_view(project, version_id, claim_on(project, version_id, "Prices rose 👍 in España"))
    assert view.page == 2 and len(view.canvas.boxes) == 1  # the emoji is no letter: the rest is found
    view.previous_button.click()
    assert view.page == 1 and view.canvas.boxes == [] and view.page_label.text() == "Page 2 of 3"
    missing = ImportedArticle(text="Words the PDF does not have.", title="Other", source_format="pdf",
                              source_name="other.pdf", original=write(PAGES), mime="application/pdf")
    other = project.current_version(project.import_article(missing).created).id
    view2 = make_view(project, other, project.create_claim(other, 0, 9).created)
    assert view2.canvas.image is not None and view2.canvas.boxes == []
    assert view2.note_label.isVisibleTo(view2) and "not found" in view2.note_label.text()


def test_a_damaged_original_says_so_in_one_sentence(tmp_path, make_view):
    with Project.create(tmp_path / "bad.factcheck", user="ana") as project:
        damaged = write(PAGES)[:300] + b"\x00garbage"
        version_id = project.current_version(project.import_article(pdf_article(damaged)).created).id
        view = make_view(project, version_id, claim_on(project, version_id, "exports fell"))
        assert view.canvas.image is None and view.problem_label.isVisibleTo(view)
        assert view.problem_label.text() == "The original PDF cannot be shown: it is damaged or is not a PDF."
        assert not view.scroll.isVisibleTo(view) and not view.password_button.isVisibleTo(view)


def test_an_encrypted_original_opens_with_the_password_given_once(tmp_path, make_view, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    import io

    reader = pypdf.PdfReader(io.BytesIO(write(PAGES)))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt("s3cret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with Project.create(tmp_path / "enc.factcheck", user="ana") as project:
        version_id = project.current_version(project.import_article(pdf_article(out.getvalue())).created).id
        view = make_view(project, version_id, claim_on(project, version_id, "exports fell"))
        assert view.problem_label.text() == "The original PDF is protected by a password."
        assert view.password_button.isVisibleTo(view)
        asked = []
        answers = iter(["wrong", "s3cret"])
        monkeypatch.setattr(import_worker, "ask_password", lambda parent, name, *, wrong: asked.append(wrong) or next(answers))
        view.password_button.click()
        assert view.canvas.image is None and view.password_button.isVisibleTo(view)
        view.password_button.click()
        assert asked == [False, True]
        view._draw()
        assert view.canvas.image is not None and view.page == 1 and len(view.canvas.boxes) == 1
        assert import_worker.known_password(out.getvalue()) == "s3cret"  # the next view opens it without asking


def test_nothing_is_drawn_while_an_import_holds_pdfium(pdf_project, make_view, qtbot):
    project, version_id = pdf_project
    claim_id = claim_on(project, version_id, "Exports fell by 40 % in 2024")
    import threading

    held, release = threading.Event(), threading.Event()

    def importing():  # an import on its worker thread, in the middle of a page
        with import_worker.PDFIUM_LOCK:
            held.set()
            release.wait(10)

    worker = threading.Thread(target=importing)
    worker.start()
    held.wait(5)
    try:
        view = PageView(Session(project), lambda: (version_id, claim_id))
        qtbot.add_widget(view)
        view.resize(500, 700)
        view.show()
        view.sync(jump=True)
        qtbot.wait(2 * page_view.RETRY_MS)
        assert view.canvas.image is None
    finally:
        release.set()
        worker.join(5)
    qtbot.wait_until(lambda: view.canvas.image is not None)
    assert view.page == 2 and view.canvas.boxes


# --- in the window ---------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, path, settings) -> MainWindow:
    window = MainWindow(settings, "ana")
    qtbot.add_widget(window)
    assert window.open_project(path)
    window.show()
    qtbot.wait_exposed(window)
    return window


def test_the_page_shows_beside_pdf_articles_only_and_the_toggle_is_remembered(pdf_project, tmp_path, qtbot, settings,
                                                                             monkeypatch):
    project, version_id = pdf_project
    from ..conftest import imported

    (pdf_id,) = [article.id for article in project.articles()]
    text_id = project.import_article(imported(SAMPLE.read_text(encoding="utf-8"), title="Plain")).created
    claim_id = claim_on(project, version_id, "Exports fell by 40 % in 2024")
    path = project.path
    project.close()

    window = open_window(qtbot, path, settings)
    dock = window.page_dock
    view_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&View")
    assert dock.toggle_action in view_menu.actions()
    assert dock.toggle_action.isChecked() and dock.toggle_action.shortcut().toString() == "Ctrl+Shift+O"
    window.select_article(pdf_id)
    assert dock.isVisible()
    window.open_claim(claim_id)
    qtbot.wait_until(lambda: dock.view.page == 2 and bool(dock.view.canvas.boxes))
    window.select_article(text_id)
    assert not dock.isVisible()  # a text article has no page to show
    window.select_article(pdf_id)
    assert dock.isVisible()
    dock.toggle_action.trigger()
    assert not dock.isVisible()
    window.close()

    again = open_window(qtbot, path, settings)
    again.select_article(pdf_id)
    assert not again.page_dock.toggle_action.isChecked() and not again.page_dock.isVisible()
    again.page_dock.toggle_action.trigger()
    assert again.page_dock.isVisible()
