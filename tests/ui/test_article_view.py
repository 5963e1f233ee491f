"""The article view: highlights on the right UTF-16 positions, clicks, refresh, find."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor

from factcheck.core import history, model
from factcheck.ui import article_view
from factcheck.ui.article_view import ArticleView
from tests import conftest

UNICODE_TEXT = (
    "Reacciones 👍🏽 llegaron rápido tras el anuncio 🇨🇴 de sanciones.\n"
    "La familia 🧑‍🤝‍🧑 dijo que el cafe\u0301 cuesta 5 pesos y q\u0301 no existe 😀\n"
    "قال الوزير 😀 إن الاقتصاد نما بنسبة ٥٪ هذا العام.\n"
    "השר 👍 אמר כי הכלכלה צמחה 𝔸𝔹 בשנה שעברה.\n"
    "Final line after 🧑‍🤝‍🧑🇨🇴👍🏽 with the last claim here."
)
UNICODE_QUOTES = [
    "llegaron rápido",
    "de sanciones",
    "dijo que el café cuesta",  # é: NFC composes e + U+0301 on import
    "q\u0301 no existe",
    "إن الاقتصاد نما",
    "אמר כי הכלכלה צמחה",
    "with the last claim",
]


def utf16(text: str, index: int) -> int:
    """UTF-16 offset of a code-point offset, computed without OffsetMap."""
    return len(text[:index].encode("utf-16-le")) // 2


def span_of(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def create(session, version_id: str, quote: str, **fields) -> str:
    start, end = span_of(session.project.text(version_id), quote)
    return session.do(history.CreateClaim(version_id, start, end, **fields)).created


def format_at(view: ArticleView, pos16: int) -> QTextCharFormat | None:
    """The highlighter's format applied to the UTF-16 unit at ``pos16``, if any."""
    block = view.text_edit.document().findBlock(pos16)
    rel = pos16 - block.position()
    for fr in block.layout().formats():
        if fr.start <= rel < fr.start + fr.length:
            return QTextCharFormat(fr.format)  # a copy: the range list owns the original
    return None


def background_at(view: ArticleView, pos16: int) -> QColor | None:
    fmt = format_at(view, pos16)
    return fmt.background().color() if fmt is not None and fmt.background().style() != Qt.BrushStyle.NoBrush else None


def covered_units(view: ArticleView) -> set[int]:
    """Every UTF-16 document position some highlight format covers."""
    units: set[int] = set()
    block = view.text_edit.document().firstBlock()
    while block.isValid():
        for fr in block.layout().formats():
            units.update(range(block.position() + fr.start, block.position() + fr.start + fr.length))
        block = block.next()
    return units


def tint(color: str, alpha: int) -> tuple[int, int, int, int]:
    c = QColor(color)
    return c.red(), c.green(), c.blue(), alpha


def rgba(color: QColor | None) -> tuple[int, int, int, int] | None:
    return None if color is None else (color.red(), color.green(), color.blue(), color.alpha())


def point_of(view: ArticleView, pos16: int) -> QPoint:
    """The viewport point in the middle of the character at UTF-16 ``pos16``."""
    edit = view.text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(pos16)
    left = edit.cursorRect(cursor)
    cursor.setPosition(pos16 + 1)
    right = edit.cursorRect(cursor)
    assert left.top() == right.top(), "pick a character that is not at the end of a line"
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


@pytest.fixture
def make_view(qtbot, session):
    def make(version_id: str | None, width: int = 760, height: int = 560) -> ArticleView:
        view = ArticleView(session)
        qtbot.add_widget(view)
        view.resize(width, height)
        view.show()
        qtbot.wait_exposed(view)
        view.show_version(version_id)
        return view
    return make


@pytest.fixture
def view(make_view, session):
    return make_view(session.version.id)


@pytest.fixture
def unicode_version(session):
    article_id = session.do(history.ImportArticle(conftest.imported(UNICODE_TEXT, title="Unicode"))).created
    return session.project.current_version(article_id)


# --- showing and selecting -----------------------------------------------------------------


def test_header_shows_metadata_as_plain_text(make_view, session):
    url = "https://example.com/2025/10/24/petro-sanctions"
    article_id = session.do(history.ImportArticle(
        conftest.imported("Some words of an article.", title="Sanctions on Petro"),
        outlet="Wire", author="Ana Ruiz", url=url, published_at="2025-10-24T08:00:00Z")).created
    view = make_view(session.project.current_version(article_id).id)
    assert view.title_label.text() == "Sanctions on Petro"
    date = QLocale().toString(QDate(2025, 10, 24), QLocale.FormatType.ShortFormat)  # the date alone, the locale's way
    assert view.meta_label.text() == f"Wire · Ana Ruiz · {date} · {url}"
    assert view.meta_label.textFormat() == Qt.TextFormat.PlainText
    assert not view.meta_label.openExternalLinks()
    assert view.article_id == article_id


def test_a_long_title_takes_two_lines_before_it_is_cut(make_view, session, qtbot):
    title = ("El Departamento del Tesoro 🇺🇸 de Estados Unidos sancionó el 24 de octubre de 2025 al presidente "
             "de Colombia, Gustavo Petro, a su esposa y a su hijo mayor")
    article_id = session.do(history.ImportArticle(conftest.imported("Texto.", title=title))).created
    view = make_view(session.project.current_version(article_id).id, width=520)
    label = view.title_label
    one_line = label.fontMetrics().lineSpacing()
    shown = label.shown_lines()
    assert len(shown) == 2 and shown[0].startswith("El Departamento del")
    assert not shown[0].endswith("…") and shown[1].endswith("…")
    assert "".join(shown).replace(" ", "")[:-1] in title.replace(" ", "")
    qtbot.waitUntil(lambda: label.height() >= 2 * one_line)
    assert label.toolTip() == title
    short = session.do(history.ImportArticle(conftest.imported("Texto.", title="Desempleo"))).created
    view.show_version(session.project.current_version(short).id)
    assert view.title_label.shown_lines() == ["Desempleo"]
    qtbot.waitUntil(lambda: label.height() < 2 * one_line)


def test_the_header_scrolls_away_with_the_text_and_comes_back_at_the_top(make_view, session, qtbot):
    view = make_view(session.version.id, height=420)
    bar = view.text_edit.verticalScrollBar()
    assert view._header.isVisible() and bar.maximum() > 5
    before = view.text_edit.viewport().height()
    bar.setValue(3)
    assert not view._header.isVisible()
    qtbot.waitUntil(lambda: view.text_edit.viewport().height() > before)  # the article takes the room
    bar.setValue(0)
    assert view._header.isVisible()


def test_a_text_just_taller_than_the_window_never_bounces_its_header(make_view, session, qtbot):
    """Hiding the header must not make the text fit (it would scroll to the top, show the
    header again and leave the last line out of reach): texts a little taller than the
    window keep it, longer ones lose it and still scroll to their last line."""
    kept = hidden = 0
    for paragraphs in range(8, 22, 2):
        article_id = session.do(history.ImportArticle(conftest.imported(
            "\n".join(f"Paragraph {i} of a short article." for i in range(paragraphs)), title="Short"))).created
        view = make_view(session.project.current_version(article_id).id, height=420)
        bar = view.text_edit.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.wait(10)
        bar.setValue(bar.maximum())  # the last line, once the header's room is given to the text
        assert bar.value() == bar.maximum()
        if view._header.isVisible():
            kept += 1
        else:
            hidden += 1
            assert bar.maximum() > 0, paragraphs
    assert kept and hidden


def test_a_blank_line_between_paragraphs_adds_no_second_gap(make_view, session):
    """Word and Markdown imports keep a blank line between paragraphs; plain text often has none."""
    def top_of_second_paragraph(text: str) -> float:
        article_id = session.do(history.ImportArticle(conftest.imported(text, title="Gaps"))).created
        view = make_view(session.project.current_version(article_id).id)
        edit = view.text_edit
        block = edit.document().findBlockByNumber(text.split("\n").index("Segundo párrafo."))
        edit.viewport().repaint()
        return edit.blockBoundingGeometry(block).top() - edit.blockBoundingGeometry(edit.document().begin()).top()

    tight = top_of_second_paragraph("Primer párrafo.\nSegundo párrafo.")
    blank = top_of_second_paragraph("Primer párrafo.\n\nSegundo párrafo.")
    assert tight > 0 and blank == tight


def test_show_version_loads_the_text_and_none_clears(view, session):
    assert view.text_edit.toPlainText() == session.version.text
    assert view.current_version_id == session.version.id
    assert view.article_id == session.article_id
    view.show_version(None)
    assert view.text_edit.toPlainText() == ""
    assert view.current_version_id is None and view.article_id is None
    assert view.selected_span() is None


@pytest.mark.parametrize("which", ["sample", "unicode"])
def test_selected_span_is_in_code_points(make_view, session, unicode_version, qtbot, which):
    version = session.version if which == "sample" else unicode_version
    view = make_view(version.id)
    text = version.text
    quote = "Washington and Bogotá" if which == "sample" else "אמר כי הכלכלה צמחה 𝔸𝔹"
    start, end = span_of(text, quote)
    cursor = view.text_edit.textCursor()
    cursor.setPosition(utf16(text, start))
    cursor.setPosition(utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    with qtbot.wait_signal(view.sig_selection_changed) as blocker:
        view.text_edit.setTextCursor(cursor)
    assert blocker.args == [True]
    assert view.selected_span() == (start, end)
    assert text[slice(*view.selected_span())] == quote
    with qtbot.wait_signal(view.sig_selection_changed) as blocker:
        cursor.clearSelection()
        view.text_edit.setTextCursor(cursor)
    assert blocker.args == [False]
    assert view.selected_span() is None


# --- painting --------------------------------------------------------------------------------


def test_highlights_land_on_the_quoted_utf16_units_after_emoji(make_view, session, unicode_version):
    text = unicode_version.text
    expected: set[int] = set()
    for quote in UNICODE_QUOTES:
        start, end = span_of(text, quote)
        create(session, unicode_version.id, quote)
        expected.update(range(utf16(text, start), utf16(text, end)))
    view = make_view(unicode_version.id)
    assert covered_units(view) == expected
    unrated = tint(article_view.UNRATED_COLOR, article_view.TINT_ALPHA)
    for quote in UNICODE_QUOTES:
        start, end = span_of(text, quote)
        s16, e16 = utf16(text, start), utf16(text, end)
        assert rgba(background_at(view, s16)) == unrated, quote
        assert rgba(background_at(view, e16 - 1)) == unrated, quote
        assert background_at(view, s16 - 1) is None, quote
        assert background_at(view, e16) is None, quote


def test_a_rated_claim_takes_its_ratings_colour(view, session):
    claim_id = create(session, session.version.id, "imposed sweeping sanctions", rating="mostly-true")
    start, _ = session.project.claim(claim_id).start, None
    colour = session.project.scale.get("mostly-true").color
    assert rgba(background_at(view, utf16(session.version.text, start))) == tint(colour, article_view.TINT_ALPHA)


def test_overlap_is_darker_and_underlined(view, session):
    text = session.version.text
    create(session, session.version.id, "the United States Treasury on October 24")
    create(session, session.version.id, "October 24, 2025, imposed")
    only_a = utf16(text, text.index("United States"))
    both = utf16(text, text.index("October 24"))
    only_b = utf16(text, text.index("2025, imposed"))
    single_a, single_b, overlap = (format_at(view, p) for p in (only_a, only_b, both))
    assert single_a.background().color().alpha() == single_b.background().color().alpha() == article_view.TINT_ALPHA
    assert overlap.background().color().alpha() > article_view.TINT_ALPHA
    assert overlap.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert single_a.underlineStyle() == single_b.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


# --- clicking --------------------------------------------------------------------------------


def test_click_gives_the_claims_at_the_point_smallest_first(view, session, qtbot):
    text = session.version.text
    outer = create(session, session.version.id, "imposed sweeping sanctions on Colombian President Gustavo Petro")
    inner = create(session, session.version.id, "sweeping sanctions")
    viewport = view.text_edit.viewport()
    with qtbot.wait_signal(view.sig_claims_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, text.index("sanctions on"))))
    assert blocker.args == [[inner, outer]]
    with qtbot.wait_signal(view.sig_claims_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, text.index("Colombian Pres"))))
    assert blocker.args == [[outer]]
    with qtbot.assert_not_emitted(view.sig_claims_clicked):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, text.index("shockwaves"))))


def test_click_after_emoji_resolves_the_right_claim(make_view, session, unicode_version, qtbot):
    text = unicode_version.text
    claim_id = create(session, unicode_version.id, "de sanciones")
    view = make_view(unicode_version.id)
    start, end = span_of(text, "de sanciones")
    viewport = view.text_edit.viewport()
    with qtbot.wait_signal(view.sig_claims_clicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, start)))
    assert blocker.args == [[claim_id]]
    with qtbot.assert_not_emitted(view.sig_claims_clicked):  # the space before the quote, after 🇨🇴
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, start - 1)))


def test_click_in_right_to_left_text(make_view, session, unicode_version, qtbot):
    text = unicode_version.text
    claim_id = create(session, unicode_version.id, "אמר כי הכלכלה צמחה")
    view = make_view(unicode_version.id)
    start, end = span_of(text, "אמר כי הכלכלה צמחה")
    viewport = view.text_edit.viewport()
    for inside in (start, start + 5, end - 1):
        with qtbot.wait_signal(view.sig_claims_clicked) as blocker:
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, inside)))
        assert blocker.args == [[claim_id]]
    with qtbot.assert_not_emitted(view.sig_claims_clicked):  # a word after the claim (and 𝔸𝔹)
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, utf16(text, text.index("בשנה") + 1)))


def test_context_menu_has_app_actions_and_claims_here(view, session, qtbot):
    text = session.version.text
    outer = create(session, session.version.id, "imposed sweeping sanctions on Colombian President Gustavo Petro")
    inner = create(session, session.version.id, "sweeping sanctions", rating="false")
    new_claim = QAction("New claim from selection", view)
    view.set_context_actions([new_claim])
    menu = view.context_menu(point_of(view, utf16(text, text.index("sanctions on"))))
    assert new_claim in menu.actions()
    assert any("Copy" in a.text() for a in menu.actions())
    (claims_here,) = [a.menu() for a in menu.actions() if a.text() == "Claims here"]
    labels = [a.text() for a in claims_here.actions()]
    assert labels[0] == "“sweeping sanctions” — False"
    assert labels[1].startswith("“imposed sweeping sanctions on Colombian")
    with qtbot.wait_signal(view.sig_claim_chosen) as blocker:
        claims_here.actions()[1].trigger()
    assert blocker.args == [outer]
    assert inner != outer
    plain = view.context_menu(point_of(view, utf16(text, text.index("shockwaves"))))
    assert "Claims here" not in [a.text() for a in plain.actions()]


# --- refreshing from Changes ------------------------------------------------------------------


def test_rating_change_delete_and_undo_repaint(view, session, monkeypatch):
    text = session.version.text
    claim_id = create(session, session.version.id, "ban the four from traveling to the US")
    pos = utf16(text, text.index("ban the four"))
    assert rgba(background_at(view, pos)) == tint(article_view.UNRATED_COLOR, article_view.TINT_ALPHA)

    highlighted: list[int] = []
    original = view.highlighter.highlightBlock

    def spy(block_text):
        highlighted.append(view.highlighter.currentBlock().blockNumber())
        original(block_text)

    monkeypatch.setattr(view.highlighter, "highlightBlock", spy)
    session.do(history.UpdateClaim(claim_id, rating="false"))
    false_colour = session.project.scale.get("false").color
    assert rgba(background_at(view, pos)) == tint(false_colour, article_view.TINT_ALPHA)
    assert highlighted == [view.text_edit.document().findBlock(pos).blockNumber()], "only the claim's paragraph"

    session.do(history.DeleteClaim(claim_id))
    assert background_at(view, pos) is None
    session.undo()
    assert rgba(background_at(view, pos)) == tint(false_colour, article_view.TINT_ALPHA)


def test_citations_comments_and_decisions_leave_the_text_alone(view, session, monkeypatch):
    """Only where claims sit and their rating are painted: other changes read and repaint nothing here."""
    text = session.version.text
    claim_id = create(session, session.version.id, "ban the four from traveling to the US", rating="false",
                      verdict_summary="It is false.")
    source_id = session.do(history.CreateSource(title="Treasury notice")).created
    highlighted: list[int] = []
    monkeypatch.setattr(view.highlighter, "highlightBlock", lambda block_text: highlighted.append(1))
    reads: list = []
    seen: list = []
    session.sig_changed.connect(lambda changes: seen.append(changes.what))
    original = session.changed_claims
    monkeypatch.setattr(session, "changed_claims", lambda ids: reads.append(ids) or original(ids))
    session.do(history.Cite(claim_id, source_id, "contradicts"))
    session.do(history.AddComment(claim_id, "Which notice?"))
    session.do(history.Review(claim_id, "submit"))
    assert seen == [model.What.CITATIONS, model.What.COMMENTS, model.What.STATUS]
    assert reads == [] and highlighted == []
    pos = utf16(text, text.index("ban the four"))
    assert rgba(background_at(view, pos)) == tint(session.project.scale.get("false").color, article_view.TINT_ALPHA)


def test_new_claim_reads_it_once_and_no_text(view, session):
    reads: list[str] = []
    session.project.store.conn.set_trace_callback(reads.append)
    claim_id = create(session, session.version.id, "ban the four from traveling to the US")
    session.project.store.conn.set_trace_callback(None)
    assert view.show_claim(claim_id)
    assert not [sql for sql in reads if "FROM versions WHERE article_id" in sql]  # no new version to look for
    assert len([sql for sql in reads if "FROM claims WHERE id" in sql]) == 1


def test_new_version_is_followed_fuzzy_underlined_orphan_not_painted(view, session):
    project, text = session.project, session.version.text
    fuzzy = create(session, session.version.id, "imposed sweeping sanctions on Colombian President Gustavo Petro")
    orphan = create(session, session.version.id, "Gringos go home.")
    new_text = text.replace("imposed sweeping sanctions", "imposed broad sanctions").replace("Gringos go home.", "")
    changes = project.add_version(session.article_id, conftest.imported(new_text))
    assert project.claim(fuzzy).anchor_state == "fuzzy" and project.claim(orphan).anchor_state == "orphaned"
    session.sig_changed.emit(changes)  # what Session does after a committed action

    assert view.current_version_id == changes.created
    assert view.text_edit.toPlainText() == new_text
    fmt = format_at(view, utf16(new_text, new_text.index("broad sanctions")))
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert fmt.underlineColor().name() == article_view.WARNING_COLOR
    assert covered_units(view) == set(range(*(utf16(new_text, i) for i in span_of(
        new_text, "imposed broad sanctions on Colombian President Gustavo Petro"))))
    # The orphan keeps its old version, but is not painted there either.
    view.show_version(session.version.id)
    assert covered_units(view) == set()
    assert not view.show_claim(orphan)


def test_scale_change_repaints_everything(view, session):
    text = session.version.text
    create(session, session.version.id, "ban the four from traveling to the US", rating="false")
    pos = utf16(text, text.index("ban the four"))
    assert rgba(background_at(view, pos)) == tint(session.project.scale.get("false").color, article_view.TINT_ALPHA)
    # The Washington Post scale has no "false": the claim shows as not rated on it.
    session.sig_changed.emit(session.project.set_setting("rating_scale", "washington-post"))
    assert rgba(background_at(view, pos)) == tint(article_view.UNRATED_COLOR, article_view.TINT_ALPHA)


def test_claims_of_other_articles_are_ignored(view, session, unicode_version):
    create(session, unicode_version.id, "llegaron rápido")
    assert covered_units(view) == set()


# --- show_claim and find ------------------------------------------------------------------------


def test_show_claim_scrolls_to_it_and_emphasises_only_it(make_view, session):
    view = make_view(session.version.id, width=700, height=320)
    text = session.version.text
    late = create(session, session.version.id, "long a linchpin of regional security")
    early = create(session, session.version.id, "imposed sweeping sanctions")
    edit = view.text_edit
    start, end = span_of(text, "long a linchpin of regional security")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(utf16(text, start))
    assert not edit.viewport().rect().intersects(edit.cursorRect(cursor))

    assert view.show_claim(late)
    rect = edit.cursorRect(cursor)
    assert edit.viewport().rect().contains(rect)
    assert abs(rect.center().y() - edit.viewport().height() / 2) < 3 * rect.height()
    (selection,) = edit.extraSelections()
    assert (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) == (utf16(text, start), utf16(text, end))

    assert view.show_claim(early)
    (selection,) = edit.extraSelections()
    assert selection.cursor.selectionStart() == utf16(text, text.index("imposed sweeping"))
    view.show_claim(None)
    assert edit.extraSelections() == []


def test_find_counts_matches_and_enter_moves_on(view, session, qtbot):
    text = session.version.text
    expected = [m.span() for m in re.finditer("petro", text, re.IGNORECASE)]
    view.show_find()
    bar = view.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.query_edit, "PETRO")
    assert bar.count_label.text() == f"1 of {len(expected)}"
    assert view.selected_span() == expected[0]
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {len(expected)}"
    assert view.selected_span() == expected[1]
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{len(expected)} of {len(expected)}"  # wraps around
    assert view.selected_span() == expected[-1]
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert view.selected_span() == expected[0]
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert view.selected_span() == expected[-1]
    marked = [s for s in view.text_edit.extraSelections() if s.format.background().color() == article_view.FIND_MATCH_COLOR]
    assert marked, "matches in view are marked"
    qtbot.keyClicks(bar.query_edit, "zzz")
    assert bar.count_label.text() == "No matches"
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.text_edit.extraSelections() == []
