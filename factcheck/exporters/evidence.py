"""The evidence export: a zip of the vault's files that anyone can check with ``sha256sum -c``.

The zip holds, at its root:

- ``SHA256SUMS``: one line per file, ``<sha256>  files/<name>``, as GNU coreutils writes
  them, so ``unzip evidence.zip && sha256sum -c SHA256SUMS`` checks every file;
- ``manifest.json``: every attachment, with its file, name, SHA-256, size, type, source,
  citation and claim (when it is a citation's), note, capture time and who captured it;
- ``files/<name>``: each stored file once (named after its first attachment), stored
  uncompressed and streamed in from the project chunk by chunk, its SHA-256 checked on
  the way: a damaged file stops the export and nothing is written.

Names are made safe for any system before they go in (``attachments.safe_name``: no
folders, no ``..``, no reserved names) and numbered when two would collide, so unzipping
never writes outside its folder. Files of confidential sources stay out unless the
selection includes confidential sources (an internal export). The claims' review status
does not narrow it: evidence is kept whatever the verdict's state; ``article_ids`` narrows
it to the sources and citations of those articles' claims.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import pathlib
import tempfile
import time
import zipfile

from factcheck.core import attachments, model
from factcheck.core.errors import Cancelled, KnownError
from factcheck.core.text import N_, Text
from factcheck.exporters._data import NothingToExport, Selection

FORMAT = "factcheck-evidence"
VERSION = 1
SUMS = "SHA256SUMS"
MANIFEST = "manifest.json"
FOLDER = "files"


@dataclasses.dataclass(frozen=True)
class Written:
    """What ``export_to_file`` put in the zip."""

    path: pathlib.Path
    files: int
    attachments: int
    size: int  # bytes of the files, before the zip's own
    warnings: tuple[Text, ...] = ()


def chosen(project, selection: Selection) -> tuple[list[model.Attachment], int]:
    """(the attachments an export holds, how many confidential sources' files were left out)."""
    found = project.attachments()
    article_ids = selection.article_ids if selection.article_ids is not None else [a.id for a in project.articles()]
    claims = {c.id for a in article_ids for c in project.claims(a)}  # in force: a deleted claim's files stay out
    citations = [c for c in project.citations() if c.claim_id in claims]
    ids = {c.id for c in citations}
    found = [a for a in found if a.citation_id is None or a.citation_id in ids]
    if selection.article_ids is not None:
        cited = {c.source_id for c in citations}
        found = [a for a in found if a.citation_id or a.source_id in cited]
    sources = {s.id: s for s in project.sources(include_deleted=True)}
    kept = [a for a in found if selection.include_confidential or not sources[a.source_id].confidential]
    return kept, len(found) - len(kept)


def export_to_file(project, selection: Selection, path: str | os.PathLike, *, progress=None) -> Written:
    """Write the evidence zip to ``path`` atomically (a temporary file, then renamed); ``KnownError`` on failure.

    ``progress(done, total)`` is asked before each file (bytes written of all); False cancels (``Cancelled``)
    and leaves nothing.
    """
    target = pathlib.Path(path)
    found, withheld = chosen(project, selection)
    notes: list[Text] = []
    if withheld:
        notes.append(N_("1 file of a confidential source was left out.") if withheld == 1 else
                     N_("{n} files of confidential sources were left out.", n=withheld))
    missing = [a for a in found if not a.stored]
    if missing:
        notes.append(N_("1 attached file is not stored in this copy and was left out.") if len(missing) == 1 else
                     N_("{n} attached files are not stored in this copy and were left out.", n=len(missing)))
    found = [a for a in found if a.stored]
    if not found:
        raise NothingToExport(N_("Nothing to export: no files are attached to the chosen sources and citations.")
                              if selection.article_ids is not None or withheld or missing else
                              N_("Nothing to export: the project has no attached files."))
    sources = {s.id: s for s in project.sources(include_deleted=True)}
    citations = {c.id: c for c in project.citations()}
    quotes: dict[str, str] = {}
    names: dict[str, str] = {}  # sha256 -> its name in the zip
    taken: set[str] = set()
    for a in found:
        if a.sha256 not in names:
            names[a.sha256] = attachments.unique_name(attachments.safe_name(a.name), taken)
    entries = []
    for a in found:
        source = sources[a.source_id]
        citation = citations.get(a.citation_id) if a.citation_id else None
        if a.claim_id and a.claim_id not in quotes:
            quotes[a.claim_id] = project.claim(a.claim_id).exact
        entries.append({
            "file": f"{FOLDER}/{names[a.sha256]}", "name": a.name, "sha256": a.sha256, "size": a.size,
            "mime": a.mime, "source": {"id": source.id, "title": source.title, "url": source.url},
            "citation": {"id": citation.id, "stance": citation.stance} if citation else None,
            "claim": {"id": a.claim_id, "quote": quotes[a.claim_id]} if a.claim_id else None,
            "note": a.note, "captured_at": a.captured_at, "captured_by": a.captured_by,
        })
    manifest = {"format": FORMAT, "version": VERSION, "project": pathlib.Path(project.path).stem,
                "exported_at": model.now(), "attachments": entries}
    sums = "".join(f"{sha}  {FOLDER}/{name}\n" for sha, name in names.items())
    sizes = {a.sha256: a.size for a in found}
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(SUMS, sums)
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
                total, written = sum(sizes.values()), 0
                for sha, name in names.items():
                    if progress is not None and progress(written, total) is False:
                        raise Cancelled(N_("The export was cancelled; nothing was written."))
                    written += sizes[sha]
                    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=time.localtime()[:6])
                    info.compress_type = zipfile.ZIP_STORED
                    info.file_size = sizes[sha]
                    info.external_attr = 0o644 << 16
                    with archive.open(info, "w") as member:
                        project.managers.attachments.write_to(sha, member, name=name)
            raw.flush()
            os.fsync(raw.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).rstrip(".").lower()
        raise KnownError(N_("Cannot write {name}: {reason}.", name=target.name, reason=reason)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return Written(target, len(names), len(entries), sum(sizes.values()), tuple(notes))
