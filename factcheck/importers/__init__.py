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


# --------------------------------------------------------------------------- entry points
# The format modules import ``ImportedArticle`` from here, so they are imported lazily
# below (which also keeps trafilatura, ~0.3 s to import, out of the app's start-up).

import os  # noqa: E402
import re  # noqa: E402
import stat  # noqa: E402

from factcheck.core.errors import ImportRefused  # noqa: E402
from factcheck.core.text import N_, Text  # noqa: E402
from factcheck.importers import _normalize  # noqa: E402

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

#: Extensions of document formats a later version will import, with their sniffed name.
_LATER_FORMATS = {
    ".pdf": "PDF",
    ".docx": "Word (.docx)",
    ".doc": "Word (.docx)",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
    ".epub": "EPUB",
}

_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)

#: Longest default title of pasted text.
PASTED_TITLE_LIMIT = 80


def _limit_sentence(size: int, *, pasted: bool = False) -> Text:
    limit = f"{MAX_IMPORT_BYTES / (1024 * 1024):.0f}"
    size_mb = size / (1024 * 1024)
    shown = f"{size_mb:.1f}" if size_mb < 100 else f"{size_mb:.0f}"
    if pasted:
        return N_("The pasted text is too large to import ({size} MB): factcheck imports articles "
                  "of up to {limit} MB.", size=shown, limit=limit)
    return N_("The file is too large to import ({size} MB): factcheck imports articles "
              "of up to {limit} MB.", size=shown, limit=limit)


def _base_name(filename: str) -> str:
    return re.split(r"[\\/]", filename)[-1]


def _sniff_format(data: bytes) -> str:
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:200]:
        # UTF-16: look at the decoded start instead.
        for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                start = head[: len(head) // 2 * 2].decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                continue
            head = start.encode("utf-8", "replace")
            break
    return "html" if _HTML_START.match(head) else "text"


def import_bytes(data: bytes, filename: str) -> ImportedArticle:
    """Import a file's bytes as an article; ``filename`` picks the importer by extension.

    Known binary formats are refused whatever the extension; an unknown extension is
    sniffed (HTML if the file starts with ``<!doctype html`` or ``<html``, else text).
    Raises ``ImportRefused`` with one plain sentence for anything that is not an article.
    """
    name = _base_name(filename or "")
    data = bytes(data)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(_limit_sentence(len(data)))
    if not data:
        raise ImportRefused(N_("The file is empty."))

    extension = os.path.splitext(name)[1].lower()
    document = _normalize.sniff_document(data)
    if document is not None:
        raise ImportRefused(_normalize.DOCUMENT_SENTENCES[document])
    what = _normalize.sniff_binary(data)
    if what:
        raise ImportRefused(_normalize.looks_like(name, what))
    if extension in _LATER_FORMATS:
        raise ImportRefused(_normalize.DOCUMENT_SENTENCES[_LATER_FORMATS[extension]])

    kind = _EXTENSIONS.get(extension) or _sniff_format(data)
    if kind == "markdown":
        from factcheck.importers.markdown import import_markdown

        return import_markdown(data, name)
    if kind == "html":
        from factcheck.importers.html import import_html

        return import_html(data, name)
    from factcheck.importers.text import import_text

    return import_text(data, name)


def import_file(path: str | os.PathLike[str]) -> ImportedArticle:
    """Read a file (refusing it unread if it is over ``MAX_IMPORT_BYTES``) and import it."""
    name = os.path.basename(os.fspath(path))
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ImportRefused(N_("“{name}” is a folder, not a file.", name=name))
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused(N_("“{name}” is not an ordinary file.", name=name))
        if info.st_size > MAX_IMPORT_BYTES:
            raise ImportRefused(_limit_sentence(info.st_size))
        with open(path, "rb") as file:
            # One byte more than the limit: a file that grew since the stat is refused too.
            data = file.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError as exc:
        raise ImportRefused(N_("The file “{name}” does not exist (any more).", name=name)) from exc
    except IsADirectoryError as exc:
        raise ImportRefused(N_("“{name}” is a folder, not a file.", name=name)) from exc
    except PermissionError as exc:
        raise ImportRefused(N_("factcheck is not allowed to read the file “{name}”.", name=name)) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)  # the system's words, as it gives them
        raise ImportRefused(N_("The file “{name}” cannot be read ({reason}).", name=name, reason=reason)) from exc
    return import_bytes(data, name)


def import_pasted(
    text: str,
    *,
    title: str = "",
    author: str = "",
    outlet: str = "",
    url: str = "",
    published_at: str = "",
) -> ImportedArticle:
    """Pasted text as an article; the title defaults to its first line (~80 characters)."""
    if not isinstance(text, str):
        raise ImportRefused(N_("Only text can be pasted as an article."))
    original = text.encode("utf-8", errors="replace")  # a lone surrogate becomes "?"
    if len(original) > MAX_IMPORT_BYTES:
        raise ImportRefused(_limit_sentence(len(original), pasted=True))
    normalized = _normalize.normalize_text(text)
    if not normalized.strip():
        raise ImportRefused(N_("The pasted text is empty."))
    title = _normalize.collapse_spaces(_normalize.normalize_text(title))
    return ImportedArticle(
        text=normalized,
        title=title or _normalize.first_line_title(normalized, PASTED_TITLE_LIMIT),
        source_format="text",
        source_name="pasted text",
        original=original,
        mime="text/plain",
        author=author.strip(),
        outlet=outlet.strip(),
        url=url.strip(),
        published_at=published_at.strip(),
    )
