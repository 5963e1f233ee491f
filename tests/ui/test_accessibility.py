"""Every widget a keyboard reaches has a name a screen reader can say, in the window and every dialog.

The walk is generic (the widget tree, every dialog class of ``factcheck.ui``), so a widget
or a dialog added later is checked without touching this file; a dialog whose constructor
asks for something new names the argument to add to ``ARGUMENTS``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QDialog, QLabel, QTabBar, QWidget

import factcheck.ui
from factcheck import demo, exporters, importers
from factcheck.core import checks
from factcheck.ui.session import Session
from tests.ui.conftest import shown_window


def _says_something(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def label_relations(widget: QWidget) -> list[str]:
    """The texts of the labels that name ``widget`` for assistive technology (its buddies)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return [other.text(QAccessible.Text.Name) for other, _ in interface.relations(QAccessible.Relation.Label)]


def has_name(widget: QWidget) -> bool:
    """A name of its own, or text that names it (a button's words, a tab bar's tabs, a label's text).

    Inputs, combo boxes, lists and tables need an accessible name: a combo box's text is
    its current item ("Not rated"), not what it is ("Rating").
    """
    if isinstance(widget, QComboBox):  # on Linux only a label names it: the name is its current item
        return _says_something(widget.accessibleName()) and any(_says_something(t) for t in label_relations(widget))
    if _says_something(widget.accessibleName()):
        return True
    if isinstance(widget, QAbstractButton):
        return _says_something(widget.text())  # "▲" says nothing
    if isinstance(widget, QTabBar):
        return widget.count() > 0 and all(_says_something(widget.tabText(i)) for i in range(widget.count()))
    if isinstance(widget, QLabel):
        return _says_something(widget.text())
    return False


def keyboard_reachable(root: QWidget) -> list[QWidget]:
    """Widgets under ``root`` that Tab can land on (hidden ones too: they show up later)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        parent, inside = widget.parentWidget(), False
        while parent is not None and parent is not root:
            inside = inside or isinstance(parent, (QComboBox, QAbstractSpinBox))  # their own parts
            parent = parent.parentWidget()
        if not inside:
            found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    def where(widget: QWidget) -> str:
        hints = [widget.objectName(), widget.toolTip(), getattr(widget, "placeholderText", lambda: "")()]
        return f"{type(widget).__name__} in {type(widget.parentWidget()).__name__} ({'; '.join(h for h in hints if h)})"

    return [where(w) for w in keyboard_reachable(root) if not has_name(w)]


@pytest.fixture
def demo_project(tmp_path, qapp):
    project = demo.build(tmp_path / "demo.factcheck")
    yield project
    project.close()


@pytest.fixture
def window(tmp_path, qtbot, demo_project):
    path = demo_project.path
    demo_project.close()
    return shown_window(qtbot, path, tmp_path / "s.ini")


def test_every_focusable_widget_of_the_window_has_a_name(window):
    claim = window.project.claims()[0]
    window.open_claim(claim.id)  # the inspector's fields
    window.find_action.trigger()  # the find bar
    assert window.panel.inspector.statement.isVisible() and window.view.find_bar.isVisible()
    assert len(keyboard_reachable(window)) > 30
    assert unnamed(window) == []


def test_a_combo_box_is_announced_by_what_it_is_not_its_value(window):
    inspector = window.panel.inspector
    window.open_claim(window.project.claims()[0].id)
    for widget, name in ((inspector.statement, "Statement"), (inspector.summary, "Verdict summary"),
                         (window.view.text_edit, "Article"), (window.panel.list, "Claims"),
                         (window.review_panel.table, "Review queue")):
        assert QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name) == name
    # A combo box: its name where the platform reads it, and the label Linux names it by.
    for combo, name in ((inspector.rating, "Rating"), (inspector.checkworthiness, "Check-worthiness"),
                        (window.review_panel.status_filter, "Review state filter")):
        assert combo.accessibleName() == name
        assert name in label_relations(combo)
    assert inspector.rating.currentText() != "Rating"


def _arguments(project, window) -> dict[str, object]:
    """What a dialog's constructor may ask for, by parameter name, taken from the demo project."""
    session = Session(project)
    claims = project.claims()
    claim = next(c for c in claims if project.citations(c.id))
    citation = project.citations(claim.id)[0]
    return {
        "session": session, "project": project, "window": window, "claim_id": claim.id, "claim": claim,
        "article_id": claim.article_id, "citation": citation, "source": project.source(citation.source_id),
        "rating_label": "False", "what": "rating", "published": True, "old": "at least 20%", "new": "at least 25%",
        "reason": "The words changed.", "findings": checks.check_claims(project, claims[:3]),
        "claims_by_id": {c.id: c for c in claims[:3]}, "action_label": "Approve",
        "imported": importers.import_pasted("Some words. More words.", title="Pasted"), "default": "ana",
        "title": "Request changes", "prompt": "What needs changing?", "ok_text": "Send", "placeholder": "",
        "done": exporters.Exported(project.path.with_suffix(".html"), 3, 1, ("A warning.",)),
        "select_mode": True, "parent": None, "plan": _merge_plan(project, claims),
        "dsn": "host=db.newsroom.example dbname=factcheck user=ana", "name": "desk.factcheck",
    }


def _merge_plan(project, claims):
    """A merge plan made up over the demo: a rating, a typed field and a deleted-or-kept conflict."""
    from factcheck.core import merge

    first, second = (r.key for r in project.scale.ratings[:2])
    conflicts = [
        merge.Conflict("claims", claims[0].id, "rating", None, first, second, ""),
        merge.Conflict("claims", claims[0].id, "claimant", "Ministra", "Ministra Díaz", "Yolanda Díaz", ""),
        merge.Conflict("claims", claims[1].id, "deleted", False, True, False, ""),
    ]
    return merge.MergePlan(project.path.with_name("copia.factcheck"), "", "", "", incoming=[()] * 4,
                           counts={"claim": 3, "comment": 1}, conflicts=conflicts, ours_only=2)


def dialog_classes() -> list[type[QDialog]]:
    """Every public dialog class defined in ``factcheck.ui`` (dialogs/ and the views' own)."""
    found = []
    for info in pkgutil.walk_packages(factcheck.ui.__path__, "factcheck.ui."):
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if (inspect.isclass(cls) and issubclass(cls, QDialog) and cls.__module__ == module.__name__
                    and not name.startswith("_")):
                found.append(cls)
    return found


def test_every_dialog_is_found():
    names = {cls.__name__ for cls in dialog_classes()}
    assert {"CitationDialog", "SourceDialog", "SourceLibraryDialog", "ExportDialog", "RestoreDialog",
            "ChecklistDialog", "ShortcutsDialog", "NameDialog", "PasteDialog"} <= names


@pytest.mark.parametrize("dialog_class", dialog_classes(), ids=lambda cls: cls.__name__)
def test_every_focusable_widget_of_every_dialog_has_a_name(dialog_class, window, qtbot):
    """Each dialog built twice, with only what it needs and with every argument it takes (other branches)."""
    project = window.project
    arguments = _arguments(project, window)
    parameters = list(inspect.signature(dialog_class.__init__).parameters.values())[1:]
    required, known = {}, {}
    for p in parameters:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is p.empty:
            assert p.name in arguments, f"{dialog_class.__name__} takes {p.name!r}: add it to _arguments()"
            required[p.name] = arguments[p.name]
        if p.name in arguments:
            known[p.name] = arguments[p.name]
    for kwargs in (required, known) if known != required else (required,):
        dialog = dialog_class(**kwargs)
        qtbot.add_widget(dialog)
        assert unnamed(dialog) == [], f"{dialog_class.__name__}({', '.join(kwargs)})"
