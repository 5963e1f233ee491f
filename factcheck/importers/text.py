"""Plain-text importer: decode, normalize, keep the file's own line structure."""

from __future__ import annotations

from factcheck.core.errors import ImportRefused
from factcheck.core.text import N_
from factcheck.importers import ImportedArticle
from factcheck.importers._normalize import decode_bytes, first_line_title, normalize_text

#: Longest title taken from the first line of a text file.
TITLE_LIMIT = 120


def import_text(data: bytes, source_name: str) -> ImportedArticle:
    """A plain-text file's bytes as an article; the title is its first non-empty line."""
    text = normalize_text(decode_bytes(data, source_name))
    if not text.strip():
        raise ImportRefused(N_("The file “{name}” has no text.", name=source_name) if source_name
                            else N_("The file has no text."))
    return ImportedArticle(
        text=text,
        title=first_line_title(text, TITLE_LIMIT),
        source_format="text",
        source_name=source_name,
        original=bytes(data),
        mime="text/plain",
    )
