"""Sentences core shows to people, kept translatable without core importing Qt.

Core writes every user-facing sentence as ``N_("template {name}", name=value)``. The
result is a ``Text``: a ``str`` holding the English sentence (so logs, tests and the
command line read it as before) that also remembers its template and values. The app
translates the template through Qt's catalogue and fills in the values there
(``factcheck.translation.localise``); ``pyside6-lupdate`` finds the templates because
``scripts/translations.py`` tells it ``N_`` is ``QT_TR_NOOP``.

Values are filled with ``str.format`` names, so a translation can reorder them. A value
that is itself a ``Text`` (a status name, a reason) is translated too.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """An English sentence plus the template and values it was made from."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Text:
        made = super().__new__(cls, template.format(**values) if values else template)
        made.template = template
        made.values = values
        return made

    def __reduce__(self):  # pickles (and copies) keep the template
        return (Text, (self.template, self.values))


def N_(template: str, /, **values: Any) -> Text:  # noqa: N802 - the gettext-style marker lupdate is told about
    """Mark ``template`` for translation and fill in ``values`` (English for now)."""
    return Text(template, values)
