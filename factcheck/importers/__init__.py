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
    source_format: str  # "text", "markdown", "html", "docx", "odt", "epub", "pdf", "mhtml", "warc", "wacz"
    source_name: str  # file name, or "pasted text"
    original: bytes
    mime: str
    author: str = ""
    outlet: str = ""
    url: str = ""
    published_at: str = ""  # ISO-8601 date or datetime, as found
    language: str = ""
    #: Paged documents (PDF): the offset (code points) in ``text`` where each page starts,
    #: one per page, the first 0. Empty for unpaged formats.
    pages: tuple[int, ...] = ()
    #: The printed label of each page where the document names them ("iv", "12"), same
    #: length as ``pages``; empty when pages are simply numbered from 1.
    page_labels: tuple[str, ...] = ()
    #: What the user should know about how the text was read, one sentence each (tracked
    #: changes accepted, comments left out, headers removed, ...). ``Text`` values.
    notices: tuple = ()


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
    ".doc": "Word (.doc)",
    ".rtf": "RTF",
}

#: Largest document (PDF, Word, web archive, ...) accepted for import: such files carry
#: images and fonts beside their text. Read whole, so this also bounds memory.
MAX_DOCUMENT_BYTES = 300 * 1024 * 1024

#: Document formats read by a module of their own, by the name ``sniff_document`` gives
#: them: ``(module, function)``. Each function is called as
#: ``function(data: bytes, name: str, *, password=None, progress=None)`` and returns an
#: ``ImportedArticle``; ``progress(done, total)`` returns False to cancel (the importer
#: then raises ``ImportCancelled``). A format that is not here is refused with
#: ``DOCUMENT_SENTENCES``.
_DOCUMENTS: dict[str, tuple[str, str]] = {
    "PDF": ("factcheck.importers.pdf", "import_pdf"),
    "Word (.docx)": ("factcheck.importers.docx", "import_docx"),
    "Protected Office": ("factcheck.importers.docx", "import_protected"),
    "OpenDocument": ("factcheck.importers.odt", "import_odt"),
    "EPUB": ("factcheck.importers.epub", "import_epub"),
    "MHTML": ("factcheck.importers.mhtml", "import_mhtml"),
    "WARC": ("factcheck.importers.warc", "import_warc"),
    "WACZ": ("factcheck.importers.warc", "import_wacz"),
}

#: Extensions that name a document format, for files whose bytes do not tell.
_DOCUMENT_EXTENSIONS: dict[str, str] = {
    ".pdf": "PDF",
    ".docx": "Word (.docx)",
    ".odt": "OpenDocument",
    ".epub": "EPUB",
    ".mhtml": "MHTML",
    ".mht": "MHTML",
    ".warc": "WARC",
    ".warc.gz": "WARC",
    ".wacz": "WACZ",
}

_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)

#: Longest default title of pasted text.
PASTED_TITLE_LIMIT = 80


def _limit_sentence(size: int, *, pasted: bool = False, limit: int = MAX_IMPORT_BYTES) -> Text:
    limit = f"{limit / (1024 * 1024):.0f}"
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


def _import_document(kind: str, data: bytes, name: str, password, progress) -> ImportedArticle:
    import importlib

    module_name, function = _DOCUMENTS[kind]
    module = importlib.import_module(module_name)
    return getattr(module, function)(data, name, password=password, progress=progress)


def import_bytes(data: bytes, filename: str, *, password: str | None = None, progress=None) -> ImportedArticle:
    """Import a file's bytes as an article; ``filename`` picks the importer by extension.

    Documents (PDF, Word, ...) are told by their bytes and read by their own module;
    other binary formats are refused whatever the extension; an unknown extension is
    sniffed (HTML if the file starts with ``<!doctype html`` or ``<html``, else text).
    ``password`` opens an encrypted document; ``progress(done, total)`` is called by
    long imports and returns False to cancel them.
    Raises ``ImportRefused`` with one plain sentence for anything that is not an article.
    """
    name = _base_name(filename or "")
    data = bytes(data)
    if not data:
        raise ImportRefused(N_("The file is empty."))

    extension = os.path.splitext(name)[1].lower()
    if name.lower().endswith(".warc.gz"):
        extension = ".warc.gz"
    document = _normalize.sniff_document(data)
    if document is None and _DOCUMENT_EXTENSIONS.get(extension) in _DOCUMENTS and _normalize.sniff_binary(data):
        document = _DOCUMENT_EXTENSIONS[extension]  # a damaged document: its reader says what is wrong
    if document == "ZIP" and _DOCUMENT_EXTENSIONS.get(extension) in _DOCUMENTS:
        document = _DOCUMENT_EXTENSIONS[extension]  # a damaged .docx, .odt, .epub: likewise
    if document is None and _DOCUMENT_EXTENSIONS.get(extension) in ("MHTML", "WARC", "WACZ"):
        document = _DOCUMENT_EXTENSIONS[extension]  # web pages and archives: their reader says what is wrong
    if document in _DOCUMENTS:
        if len(data) > MAX_DOCUMENT_BYTES:
            raise ImportRefused(_limit_sentence(len(data), limit=MAX_DOCUMENT_BYTES))
        return _import_document(document, data, name, password, progress)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(_limit_sentence(len(data)))
    if document is not None:
        raise ImportRefused(_normalize.DOCUMENT_SENTENCES[document])
    what = _normalize.sniff_binary(data)
    if what:
        raise ImportRefused(_normalize.looks_like(name, what))
    if extension in _LATER_FORMATS:
        raise ImportRefused(_normalize.DOCUMENT_SENTENCES[_LATER_FORMATS[extension]])
    if extension in _DOCUMENT_EXTENSIONS:  # a format not read yet, or a damaged file of one
        raise ImportRefused(_normalize.DOCUMENT_SENTENCES[_DOCUMENT_EXTENSIONS[extension]])

    kind = _EXTENSIONS.get(extension) or _sniff_format(data)
    if kind == "markdown":
        from factcheck.importers.markdown import import_markdown

        return import_markdown(data, name)
    if kind == "html":
        from factcheck.importers.html import import_html

        return import_html(data, name)
    from factcheck.importers.text import import_text

    return import_text(data, name)


def import_file(path: str | os.PathLike[str], *, password: str | None = None, progress=None) -> ImportedArticle:
    """Read a file (refusing it unread if it is over the limit) and import it."""
    name = os.path.basename(os.fspath(path))
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ImportRefused(N_("“{name}” is a folder, not a file.", name=name))
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused(N_("“{name}” is not an ordinary file.", name=name))
        limit = MAX_IMPORT_BYTES
        if info.st_size > limit and _may_be_document(path):
            limit = MAX_DOCUMENT_BYTES
        if info.st_size > limit:
            raise ImportRefused(_limit_sentence(info.st_size, limit=limit))
        with open(path, "rb") as file:
            # One byte more than the limit: a file that grew since the stat is refused too.
            data = file.read(limit + 1)
    except FileNotFoundError as exc:
        raise ImportRefused(N_("The file “{name}” does not exist (any more).", name=name)) from exc
    except IsADirectoryError as exc:
        raise ImportRefused(N_("“{name}” is a folder, not a file.", name=name)) from exc
    except PermissionError as exc:
        raise ImportRefused(N_("factcheck is not allowed to read the file “{name}”.", name=name)) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)  # the system's words, as it gives them
        raise ImportRefused(N_("The file “{name}” cannot be read ({reason}).", name=name, reason=reason)) from exc
    if _EXTENSIONS.get(os.path.splitext(name)[1].lower()) == "html":
        from factcheck.importers import html

        folder = html.saved_page_folder(path)  # "Save page as… complete": the page and its files
        if folder is not None and len(data) <= MAX_IMPORT_BYTES and not _normalize.sniff_document(data):
            return html.import_saved_page(data, name, folder, progress=progress)
    return import_bytes(data, name, password=password, progress=progress)


def _may_be_document(path) -> bool:
    """Whether a file may be a document format (by extension or by its first bytes)."""
    extension = os.path.splitext(os.fspath(path))[1].lower()
    if extension in _DOCUMENT_EXTENSIONS:
        return True
    if extension in _EXTENSIONS:  # a text format: its first bytes are not read
        return False
    try:
        with open(path, "rb") as file:
            head = file.read(64)
    except OSError:
        return False
    # PDF, the ZIP family (Word, OpenDocument, EPUB, WACZ), WARC and gzip (.warc.gz):
    # import_bytes tells them apart and applies the text limit to anything else.
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"%PDF-", b"PK\x03\x04", b"WARC/", b"\x1f\x8b"))


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
