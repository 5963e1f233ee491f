"""Turn a file or pasted text into an ``ImportedArticle``.

Every importer returns normalized text (Unicode NFC, ``\\n`` line ends, paragraphs kept)
plus the metadata it could find and the original bytes, and raises
``errors.ImportRefused`` with one plain sentence for anything it cannot use. Importers
never touch the network and never write to a project.
"""

from __future__ import annotations

import dataclasses

#: Largest file accepted for import. A 500-page report is about 1.5 MB of text; saved web
#: pages with inline images run larger, so the limit leaves room while refusing files that
#: are clearly not articles (and would make the view and anchoring slow).
MAX_IMPORT_BYTES = 20 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class ImportedArticle:
    """An article ready to be stored as a new version."""

    text: str
    title: str
    source_format: str  # "text", "markdown", "html", "docx", "pdf"
    source_name: str  # file name, or "pasted text"
    original: bytes
    mime: str
    author: str = ""
    outlet: str = ""
    url: str = ""
    published_at: str = ""  # ISO-8601 date or datetime, as found
    language: str = ""
