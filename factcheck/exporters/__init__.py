"""Reports and interchange formats: a project (and a selection of its claims) -> a file.

Every format reads the same ``_data.Report``; confidential sources are redacted there
unless the selection includes them for an internal export. ``export_to_file`` reads it
as a ``_data.Stream`` (claims fetched from SQL in batches, inside one read transaction)
and each format's ``write`` puts it into the file as it goes, so memory stays flat
whatever the number of claims (the PDF too: Qt lays it out a piece at a time).
The file is written atomically (a temporary file in the same folder, then
``os.replace``): a failed or cancelled export leaves no file, partial or temporary, and
exporting never writes to the project. ``progress(done, total)`` is asked as claims are
written; returning False cancels (``errors.Cancelled``).

Importing this package does not import Qt: only ``pdf.py`` does, when a PDF is made.

Language: the reports people read (HTML, PDF, Markdown, and ClaimReview's ``inLanguage``
and fallback names) are written in the project's report language (the ``report_language``
setting) through ``translation.report_text`` (``T_``), whatever language the app is shown
in; their fixed words are in ``_words.py``. CSV and Web Annotation files are data: their
column names, keys and labels stay English. Errors and warnings (``KnownError``,
``warnings``) are ``N_`` sentences that the app shows in its own language.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import io
import os
import pathlib
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from factcheck.core.errors import KnownError
from factcheck.core.text import N_, Text
from factcheck.exporters._data import DEFAULT_STATUSES, NothingToExport, Report, Selection, gather, stream

__all__ = [
    "DEFAULT_STATUSES", "EXTENSIONS", "FORMATS", "LABELS", "MAX_WARNINGS", "Exported", "NothingToExport", "Selection",
    "export", "export_to_file", "gather", "render", "stream", "warnings",
]

#: Format name -> module in this package.
_MODULES = {
    "html": "html_report",
    "pdf": "pdf",
    "claimreview": "claimreview",
    "webannotation": "web_annotation",
    "csv": "csv",
    "markdown": "markdown",
}
FORMATS = frozenset(_MODULES)
#: The zip of the evidence vault's files with their hashes (``evidence.py``): written, not rendered.
EVIDENCE = "evidence"
#: Formats in the order a menu lists them, with a name for people (``Text``: show it with ``language.ui``).
LABELS = {
    "html": N_("HTML report"),
    "pdf": N_("PDF report"),
    "claimreview": N_("ClaimReview JSON-LD (schema.org)"),
    "webannotation": N_("W3C Web Annotation JSON-LD"),
    "csv": N_("CSV spreadsheet"),
    "markdown": N_("Markdown"),
}
EXTENSIONS = {
    "html": ".html",
    "pdf": ".pdf",
    "claimreview": ".jsonld",
    "webannotation": ".jsonld",
    "csv": ".csv",
    "markdown": ".md",
}


#: Warnings an export keeps (the rest are counted in ``Exported.more_warnings``): 100,000 claims
#: without a rating would otherwise make 100,000 sentences.
MAX_WARNINGS = 100


@dataclasses.dataclass(frozen=True)
class Exported:
    """What ``export_to_file`` wrote."""

    path: pathlib.Path
    claim_count: int
    article_count: int
    warnings: tuple[Text, ...] = ()
    more_warnings: int = 0  # warnings past the first MAX_WARNINGS, not kept


def _module(fmt: str):
    if fmt not in _MODULES:
        raise KnownError(N_("There is no export format called {name}; choose one of: {formats}.",
                            name=repr(fmt), formats=", ".join(LABELS)))
    return importlib.import_module(f"{__name__}.{_MODULES[fmt]}")


def render(project, fmt: str, selection: Selection = Selection()) -> tuple[bytes, Report]:
    """The exported bytes and the report (a ``Stream``) they were made from."""
    module = _module(fmt)
    with project.store.snapshot():
        report = stream(project, selection, report_claims=getattr(module, "REPORT_CLAIMS", False))
        return module.render(report), report


def export(project, fmt: str, selection: Selection = Selection()) -> bytes:
    """The selected claims of ``project`` in format ``fmt`` (in memory: ``export_to_file`` for big exports).

    Raises ``NothingToExport`` (a ``KnownError``) when the selection holds no claim.
    """
    return render(project, fmt, selection)[0]


def warnings(project, fmt: str, selection: Selection = Selection()) -> list[Text]:
    """Sentences about things that export but deserve a look (e.g. long ClaimReview claims)."""
    _module(fmt)
    if fmt not in ("html", "claimreview"):
        return []
    from factcheck.exporters import claimreview

    with project.store.snapshot():
        return claimreview.report_warnings(stream(project, selection, report_claims=True))


def export_to_file(project, fmt: str, selection: Selection, path: str | os.PathLike, *, progress=None) -> Exported:
    """Export to ``path`` atomically, claims read and written in batches; ``KnownError`` with a sentence on any failure.

    Nothing is written when the selection is empty, the export fails or ``progress(done,
    total)`` returns False (``Cancelled``), and an existing file at ``path`` is replaced
    only once the new one is complete. ``fmt`` ``EVIDENCE`` streams the vault's files into a
    zip and returns an ``evidence.Written``.
    """
    target = pathlib.Path(path)
    _check_target(project, target)
    if fmt == EVIDENCE:
        from factcheck.exporters import evidence

        return evidence.export_to_file(project, selection, target, progress=progress)
    module = _module(fmt)
    with project.store.snapshot():  # every batch sees the project as it was when the export began
        report = stream(project, selection, progress, report_claims=getattr(module, "REPORT_CLAIMS", False))
        report.ticker.total = report.claim_count * getattr(module, "PASSES", 1)
        report.ticker.check()
        found = None
        if fmt in ("html", "claimreview"):  # their ClaimReviews are checked as they are written
            from factcheck.exporters import claimreview

            found = claimreview.Warnings(report, keep=MAX_WARNINGS)
            report = dataclasses.replace(report, on_review=found.see)
        with atomic_file(target) as raw:
            if fmt == "pdf":  # binary, written by Qt
                module.write(report, raw)
            else:
                out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                module.write(report, out)
                out.flush()
                out.detach()
            report.ticker.done = report.ticker.total
            report.ticker.check()  # a cancel now still leaves nothing: the file is not in place yet
    notes, more = (tuple(found.kept), found.more) if found is not None else ((), 0)
    return Exported(target, report.claim_count, len(report.articles), notes, more)


def _check_target(project, target: pathlib.Path) -> None:
    name = target.name or str(target)
    if target.is_dir():
        raise KnownError(N_("Cannot write {name}: it is a folder; choose a file name.", name=name))
    folder = target.parent
    if not folder.is_dir():
        raise KnownError(N_("Cannot write {name}: the folder {folder} does not exist.", name=name, folder=str(folder)))
    project_path = pathlib.Path(project.path)
    with contextlib.suppress(OSError):
        if target.exists() and any(
            pathlib.Path(str(project_path) + extra).exists()
            and os.path.samefile(target, str(project_path) + extra)
            for extra in ("", "-wal", "-shm")
        ):
            raise KnownError(N_("Cannot write {name}: it is the project file itself; choose another name.", name=name))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise KnownError(N_("Cannot write {name}: the folder {folder} is not writable.", name=name, folder=str(folder)))


def write_atomically(target: pathlib.Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder."""
    with atomic_file(target) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_file(target: pathlib.Path) -> Iterator[BinaryIO]:
    """A file to write ``target`` into: a temporary file in the same folder, renamed over ``target`` at the end.

    If the block raises (an error, a cancel, Ctrl+C) or writes nothing, the temporary file
    is removed and ``target`` is left as it was. ``OSError`` becomes a ``KnownError`` sentence.
    """
    name = target.name
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{name}.", suffix=".part")
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if not f.tell():
                raise KnownError(N_("Nothing to export: {name} would be empty.", name=name))
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).rstrip(".").lower()
        raise KnownError(N_("Cannot write {name}: {reason}.", name=name, reason=reason)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
