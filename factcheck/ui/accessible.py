"""Accessible names from what sighted users read: a form's labels name its fields.

A screen reader announces a combo box by its current item ("Not rated") unless it has a
name ("Rating"); taking the name from the row's label keeps the two from drifting apart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Widgets that carry no name of their own (a button's name is its text).
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def label_text(text: str) -> str:
    """A label as a name: no mnemonic ampersand, no trailing colon ("&Quoted passage:" -> "Quoted passage")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def is_input(widget: QWidget) -> bool:
    """An input, or a value a keyboard user can reach (a selectable label): named by its label."""
    takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return isinstance(widget, INPUTS) or (takes_tab and not isinstance(widget, QAbstractButton))


def _inputs(item_widget: QWidget | None, item_layout: QLayout | None) -> list[QWidget]:
    if item_widget is not None:
        return [item_widget] if is_input(item_widget) else []
    found: list[QWidget] = []
    if item_layout is not None:
        for i in range(item_layout.count()):
            child = item_layout.itemAt(i)
            found += _inputs(child.widget(), child.layout())
    return found


def name_form_fields(form: QFormLayout) -> None:
    """Give each field of ``form`` without a name the text of its row's label.

    A row whose field is a layout names its first input (the others say what they are in
    their own words, or get a name where they are made).
    """
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        if not isinstance(label, QLabel) or field_item is None:
            continue
        name = label_text(label.text())
        inputs = _inputs(field_item.widget(), field_item.layout())
        if name and inputs and not inputs[0].accessibleName():
            inputs[0].setAccessibleName(name)


def hidden_label(widget: QWidget, name: str) -> QLabel:
    """Name a widget that has no visible label: its accessible name and a hidden buddy label.

    On Linux a combo box announces its current item as its name and ignores the accessible
    name; screen readers name it by the label whose buddy it is (the Label relation). Add
    the returned label to the widget's layout, beside it, so they share a parent.
    """
    widget.setAccessibleName(name)
    label = QLabel(name)
    label.setBuddy(widget)
    label.hide()
    return label
