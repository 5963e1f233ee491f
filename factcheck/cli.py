"""The ``factcheck`` command: a thin click layer over core, importers and exporters.

``factcheck [PROJECT]`` starts the desktop app; the subcommands work without a display.
Errors are one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import itertools
import os
import pathlib
import shutil
import sys
import time

import click

# Each command imports what it uses, in its body: ``factcheck claims`` prints its first rows before the
# exporters, importers, sync or the verdict library would have loaded (tests/test_cli_imports.py).
from factcheck.core.errors import KnownError
from factcheck.core.text import N_

EXIT_ERROR = 1


class _DefaultToOpen(click.Group):
    """``factcheck PROJECT`` and bare ``factcheck`` mean ``factcheck open [PROJECT]``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help", "--version")):
            args = ["open", *args]
        return super().parse_args(ctx, args)


def _saved_user() -> str:
    from factcheck import paths

    return paths.saved_user()


def _user_option(f):
    """--user NAME, else FACTCHECK_USER, else the name saved in the app, else (in core) the login name."""
    return click.option(
        "--user", envvar="FACTCHECK_USER", default="", metavar="NAME",
        callback=lambda ctx, param, value: (value or "").strip() or _saved_user(),
        help="Name written on every change, for this run only (default: the name saved in the app with "
             "Edit > Your name…, else your OS user name; env FACTCHECK_USER).",
    )(f)


class _ProjectPath(click.ParamType):
    """A project file's path. A folder is refused in one line, exit status 1 (not click's usage error)."""

    name = "project"

    def convert(self, value, param, ctx):
        path = pathlib.Path(value)
        if path.is_dir():
            raise KnownError(N_("{name} is a folder, not a factcheck project.", name=str(path.resolve().name or value)))
        return str(value)


def _project_argument(f):
    """The PROJECT argument every command that works on a project file takes."""
    return click.argument("project", type=_ProjectPath())(f)


def _open_project(path: str, user: str = "", *, read_only: bool = False):
    from factcheck.core.errors import ProjectReadOnly, UpgradeNeeded
    from factcheck.core.project import Project

    with _Upgrading(pathlib.Path(path).name) as upgrading:  # an older file is upgraded first: minutes at scale
        try:
            project = Project.open(path, user=user, read_only=read_only, progress=upgrading.update)
        except UpgradeNeeded as needed:
            if not os.access(path, os.W_OK):
                raise  # the file itself is read-only: the sentence says to make it writable
            # A command that only reads still upgrades an older file, as every other command
            # (and the app) does, then reads it read-only.
            try:
                Project.open(path, user=user, progress=upgrading.update).close()
            except ProjectReadOnly:  # writable itself, in a folder that is not (SQLite writes beside it)
                raise needed from None
            project = Project.open(path, user=user, read_only=True)
    for warning in project.open_warnings:
        click.echo(f"Warning: {warning}", err=True)
    return project


def _print_version(ctx: click.Context) -> None:
    from factcheck import build_info

    click.echo(build_info.describe())
    ctx.exit()


@click.group(cls=_DefaultToOpen, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, param, value: _print_version(ctx) if value else None,
              help="Show the version and the commit it was built from, and exit.")
def cli() -> None:
    """An offline workbench for fact-checkers.

    Run with no command (or with a project file) to start the desktop app.
    """


@cli.command("open")
@click.argument("project", required=False, type=click.Path())
@_user_option
def open_cmd(project: str | None, user: str) -> None:
    """Start the desktop app, on PROJECT or on the last one (first run: the demo)."""
    try:
        from factcheck.ui import app
    except ImportError as exc:
        raise KnownError(N_("The desktop app cannot start: {error}.", error=str(exc))) from None
    sys.exit(app.run(project, user=user or None))


@cli.command()
@_project_argument
@click.option("--scale", default="default", show_default=True, help="Rating scale (see `factcheck scales`).")
@click.option("--organisation", default="", help="Organisation name shown in reports.")
@_user_option
def new(project: str, scale: str, organisation: str, user: str) -> None:
    """Create an empty PROJECT file."""
    from factcheck.core import ratings
    from factcheck.core.project import Project

    ratings.scale(scale)
    path = _with_suffix(project)
    with Project.create(path, user=user) as p:
        if scale != "default":
            p.set_setting("rating_scale", scale)
        if organisation:
            p.set_setting("organisation_name", organisation)
    click.echo(f"Created {path}")


@cli.command("import")
@_project_argument
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--title", default=None, help="Article title (default: from the file).")
@click.option("--outlet", default=None, help="Publication that ran the article.")
@click.option("--author", default=None, help="Article author.")
@click.option("--url", default=None, help="Where the article was published.")
@click.option("--date", "published_at", default=None, help="Publication date (YYYY-MM-DD).")
@click.option("--as-version-of", "article_id", default=None, metavar="ARTICLE",
              help="Store the file as a new version of ARTICLE (its id or the start of it) and re-anchor its claims.")
@click.option("--password", default=None, help="The password of an encrypted document (a PDF).")
@click.option("--again", is_flag=True,
              help="Import a file even if the project already has an article with its bytes or its text.")
@_user_option
def import_cmd(project: str, files: tuple[str, ...], title, outlet, author, url, published_at, article_id, password,
               again, user) -> None:
    """Import article FILES (.txt, .md, .html, .pdf, .docx, .odt, .epub, .mhtml, .warc, .warc.gz, .wacz; '-' reads pasted text from stdin) into PROJECT.

    Each file is checked before anything is written: if one is refused, none is imported.
    A file already in the project (the same bytes, or the same text) is refused unless
    --again is given: two copies of one article split its claims.
    """
    from factcheck import importers

    loaded = []
    for name in files:
        if name == "-":
            loaded.append(importers.import_pasted(sys.stdin.read()))
        else:
            loaded.append(_import_file(name, password))
    if article_id and len(loaded) != 1:
        raise KnownError(N_("--as-version-of takes exactly one file."))
    meta = {"title": title, "outlet": outlet, "author": author, "url": url, "published_at": published_at}
    with _open_project(project, user) as p:
        if article_id:
            article_id = _find_article(p, article_id).id
            changes = p.add_version(article_id, loaded[0])
            states: dict[str, int] = {}
            for claim in p.claims(article_id):
                states[claim.anchor_state] = states.get(claim.anchor_state, 0) + 1
            summary = ", ".join(f"{n} {s}" for s, n in sorted(states.items())) or "no claims"
            click.echo(f"Added version {p.version(changes.created).number} of {article_id}: {summary}")
            for notice in loaded[0].notices:
                click.echo(f"  {notice}")
            return
        if not again:
            from factcheck.core.articles import content_keys

            seen: dict[str, str] = {}  # what the files before held: content key -> the file's name
            for name, imported in zip(files, loaded):
                _refuse_duplicate(p, name, imported)
                keys = [key for key in content_keys(imported) if key]
                earlier = next((seen[key] for key in keys if key in seen), None)
                if earlier is not None:
                    raise KnownError(N_("“{name}” holds the same article as “{other}”. Nothing was imported; to "
                                        "import both, add --again.", name=_shown_name(name, imported), other=earlier))
                seen.update(dict.fromkeys(keys, _shown_name(name, imported)))
        for imported in loaded:
            given = {k: v for k, v in meta.items() if v is not None}
            changes = p.import_article(imported, **given)
            article = p.article(changes.created)
            click.echo(f"{article.id}  {article.title}  ({len(imported.text):,} characters)")
            for notice in imported.notices:  # tracked changes accepted, comments left out, ...
                click.echo(f"  {notice}")


def _refuse_duplicate(p, name: str, imported) -> None:
    """Refuse a file (or stdin's text) the project holds already, naming the article that has it."""
    found = p.already_imported(imported)
    if found:
        article = p.article(found[0].article_id)
        raise KnownError(N_("“{name}” is already in this project: article {id} “{title}”, imported {when}. "
                            "Nothing was imported; to import it as a second article, add --again.",
                            name=_shown_name(name, imported), id=article.id[:8],
                            title=article.title, when=found[0].imported_at[:16].replace("T", " ") + " UTC"))


def _shown_name(name: str, imported) -> str:
    """A file given to ``import`` as a sentence names it: its name, or the pasted text's ("-")."""
    return imported.source_name if name == "-" else pathlib.Path(name).name


def _import_file(path: str, password: str | None):
    """``importers.import_file``; an encrypted file's refusal names ``--password``."""
    from factcheck import importers
    from factcheck.core.errors import PasswordRequired

    try:
        return importers.import_file(path, password=password)
    except PasswordRequired as exc:
        name = pathlib.Path(path).name
        if exc.wrong:
            raise KnownError(N_("The password given with --password does not open “{name}”.", name=name)) from None
        raise KnownError(N_("“{name}” is protected by a password: give it with --password.", name=name)) from None


@cli.command("update-article")
@_project_argument
@click.argument("article")
@click.argument("file", type=click.Path())
@click.option("--password", default=None, help="The password of an encrypted document.")
@_user_option
def update_article(project: str, article: str, file: str, password: str | None, user: str) -> None:
    """Make FILE ('-': text from stdin) the newest version of ARTICLE (its id or the start of it) in PROJECT.

    Prints how the claims were re-anchored and, for each one whose words changed or are
    gone, the words that were checked beside the words there now. A text the same as
    the current version's adds nothing.
    """
    from factcheck import importers
    from factcheck.core import reanchoring

    imported = (importers.import_pasted(sys.stdin.read()) if file == "-"
                else _import_file(file, password))
    with _open_project(project, user) as p:
        found = _find_article(p, article)
        current = p.current_version(found.id)
        changes = p.add_version(found.id, imported, if_changed=True)
        if changes.event_seq is None:
            click.echo(N_("Nothing changed: the text is the same as version {number}; no version was added.",
                          number=current.number))
            return
        review = reanchoring.review(p, found.id, changes.claims)
        click.echo(N_("Version {number} of “{title}” added from {name}.", number=review.version_number,
                      title=found.title, name=imported.source_name))
        click.echo(N_("Claims: {exact} unchanged, {moved} moved, {fuzzy} fuzzy, {orphaned} orphaned.",
                      exact=review.exact, moved=review.moved, fuzzy=len(review.fuzzy), orphaned=len(review.orphaned)))
        if review.fuzzy:
            click.echo(N_("Fuzzy (the words changed; confirm or re-select them in the app, "
                          "Article > Review re-anchored claims):"))
            for item in review.fuzzy:
                click.echo(f"  {item.claim_id[:8]}  " + N_("was: “{words}”", words=_one_line(item.old_words)))
                click.echo("            " + N_("now: “{words}”", words=_one_line(item.new_words)))
        if review.orphaned:
            click.echo(N_("Orphaned (the words are gone; the claims keep their quote, under Unanchored):"))
            for item in review.orphaned:
                click.echo(f"  {item.claim_id[:8]}  " + N_("was: “{words}”", words=_one_line(item.old_words)))


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cli.command()
@_project_argument
def info(project: str) -> None:
    """Show what PROJECT holds."""
    with _open_project(project, read_only=True) as p:
        settings = p.settings()
        counts = p.counts()
        click.echo(f"Project:      {p.path}")
        click.echo(f"Organisation: {settings['organisation_name'] or '(not set)'}")
        click.echo(f"Rating scale: {p.scale.name}")
        click.echo(f"Four-eyes:    {'on' if settings['four_eyes'] else 'off'}")
        click.echo("Journal:      " + (f"on a network drive ({p.network_drive}): rollback journal" if p.network_drive
                                       else "write-ahead log (WAL), on a local disk"))
        click.echo("Contents:     " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        articles = p.articles()
        if articles:
            click.echo("Articles:")
            for a in articles:
                click.echo(f"  {a.id}  {a.title}  ({a.claim_count} claims)")


@cli.command()
@_project_argument
@click.option("--article", "article_id", default=None, metavar="ARTICLE",
              help="Only this article's claims (its id or the start of it).")
@click.option("--status", default=None, help="Only claims with this review status.")
@click.option("--ids", is_flag=True, help="Add a column with each claim's id.")
def claims(project: str, article_id: str | None, status: str | None, ids: bool) -> None:
    """List PROJECT's claims: quote, claimant, rating, status; then any retracted verdicts."""
    with _open_project(project, read_only=True) as p, p.store.snapshot():
        scale = p.scale
        if article_id:
            article_id = _find_article(p, article_id).id
        statuses = (status,) if status else None
        manager = p.managers.claims
        tty = sys.stdout.isatty()

        def row(c) -> list[str]:
            rating = scale.get(c.rating)
            quote = c.exact if c.anchor_state in ("exact", "moved") else f"[{c.anchor_state}] {c.exact}"
            page_map = p.page_map(c.version_id) if paged else None  # where the words are in a PDF
            return ([c.id] if ids else []) + [quote, c.claimant, rating.label if rating else "",
                                              c.status.replace("_", " "), page_map.span(c.start, c.end) if page_map else ""]

        # Rows are printed as they are read, the columns as wide as the first batch needs: nothing is read
        # of the whole project before the first rows. On a terminal longer cells further down are cut to
        # fit; piped, every character is kept and a longer cell pushes the rest of its line right (cells
        # stay two spaces apart: one space at most inside a cell).
        batches = manager.stream(article_id, statuses, size=500)
        first = next(batches, [])
        paged = bool(manager.paged_spans(article_id, statuses, limit=1))
        shown = [row(c) for c in first]
        widths = [max((len(" ".join(r[i].split())) for r in shown), default=0) for i in range(len(shown[0]))] \
            if shown else []
        if widths and tty:
            widths[-1] = max(widths[-1], 7)  # "123–124": a page span further down is not cut
        headers = (["id"] if ids else []) + ["quote", "claimant", "rating", "status", "page"]
        if not paged:  # no claim on a paged original: no page column
            headers = headers[:-1]
        if first:
            columns = _Columns(headers, widths[:len(headers)], wide=1 if ids else 0, tty=tty)
            total = manager.count(article_id, statuses) if _Progress.wanted() else 0
            with _Progress(N_("Listing claims"), total) as bar:
                bar.echo("\n".join(columns.head()))
                done = 0
                for batch in itertools.chain([first], batches):
                    bar.echo("\n".join(columns.line(row(c)[:len(headers)]) for c in batch))
                    done += len(batch)
                    bar.update(done, total)
        else:
            click.echo("No claims.")
        # Retracted verdicts: their claims are deleted, the public retraction stays.
        retracted = []
        for fix in ([] if status else p.corrections()):
            gone = p.claim(fix.claim_id) if fix.kind == "retraction" else None
            if gone is not None and (not article_id or gone.article_id == article_id):
                retracted.append(([gone.id] if ids else []) + [gone.exact, fix.at[:10], fix.by, fix.reason])
    if retracted:
        click.echo("\nRetracted verdicts:")
        click.echo(_table((["id"] if ids else []) + ["quote", "retracted", "by", "reason"], retracted,
                          wide=1 if ids else 0))


@cli.command()
@click.argument("path", type=_ProjectPath(), default="demo.factcheck")
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.option("--language", type=click.Choice(["en", "es"]), default="en", show_default=True,
              help="The demo's language: es is the Spanish article, scale and reports.")
def demo(path: str, force: bool, language: str) -> None:
    """Build the demo project (a worked check of the briefing article) at PATH."""
    from factcheck import demo as demo_module

    target = pathlib.Path(_with_suffix(path))
    if target.exists():
        if not force:
            raise KnownError(N_("{path} already exists; use --force to replace it.", path=str(target)))
        for extra in ("", "-wal", "-shm"):
            pathlib.Path(str(target) + extra).unlink(missing_ok=True)
    with demo_module.build(target, language=language) as p:
        n = len(p.claims())
    click.echo(f"Created {target} with {n} worked claims. List them: factcheck claims {target}")


@cli.command()
def scales() -> None:
    """List the bundled rating scales."""
    from factcheck.core import ratings

    for scale in ratings.scales().values():
        click.echo(f"{scale.key}: {scale.name}")
        for r in scale.ratings:
            value = "-" if r.value is None else str(r.value)
            click.echo(f"    {r.label:<22} value {value:<2} {'' if r.needs_source else '(no source needed)'}")


_EXPORT_FORMATS = ("html", "pdf", "claimreview", "webannotation", "csv", "markdown", "evidence")
_STATUSES = ("draft", "in_review", "changes_requested", "approved", "published")


@cli.command("export")
@_project_argument
@click.option("--format", "-f", "fmt", required=True, type=click.Choice(_EXPORT_FORMATS),
              help="html, pdf, claimreview (schema.org JSON-LD), webannotation (W3C JSON-LD), csv, markdown, or "
                   "evidence (a zip of the attached files with SHA256SUMS and a manifest).")
@click.option("--output", "-o", required=True, type=click.Path(), metavar="OUT", help="File to write.")
@click.option("--article", "article_ids", multiple=True, metavar="ARTICLE",
              help="Only this article, by its id or the start of it (repeat for more).")
@click.option("--status", "statuses", multiple=True, type=click.Choice(_STATUSES),
              help="Only claims with this review status (repeat for more; default: approved and published).")
@click.option("--include-confidential", is_flag=True,
              help="Name confidential sources (internal reports only; by default they are withheld).")
def export_cmd(project: str, fmt: str, output: str, article_ids: tuple[str, ...], statuses: tuple[str, ...],
               include_confidential: bool) -> None:
    """Export PROJECT's checked claims as a report or an interchange file, or its evidence files as a zip.

    The evidence zip holds every attached file (of --article's claims only, if given;
    confidential sources' only with --include-confidential), whatever the claims' status,
    with SHA256SUMS: unzip it and run `sha256sum -c SHA256SUMS` to check every file.
    """
    from factcheck import exporters

    with _open_project(project, read_only=True) as p:
        selection = exporters.Selection(
            article_ids=tuple(_find_article(p, a).id for a in article_ids) or None,
            statuses=statuses or exporters.DEFAULT_STATUSES,
            include_confidential=include_confidential,
        )
        with _Progress(N_("Exporting"), 0) as bar:
            done = exporters.export_to_file(p, fmt, selection, output, progress=bar.update)
    for warning in done.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if getattr(done, "more_warnings", 0):
        click.echo("Warning: " + N_("…and {n} more warnings like these.", n=done.more_warnings), err=True)
    if fmt == exporters.EVIDENCE:
        from factcheck.core import attachments

        click.echo(N_("Wrote {files} files ({size}) of {n} attachments to {path}", files=done.files,
                      size=attachments.size_text(done.size), n=done.attachments, path=output))
        return
    claims = f"{done.claim_count} claim{'s' if done.claim_count != 1 else ''}"
    articles = f"{done.article_count} article{'s' if done.article_count != 1 else ''}"
    click.echo(f"Wrote {claims} from {articles} to {output}")


@cli.command("search")
@_project_argument
@click.argument("query")
@click.option("--status", default=None, type=click.Choice(_STATUSES), help="Only claims (and their comments) with this status.")
@click.option("--rating", default=None, help="Only claims (and their comments) with this rating (see `factcheck scales`).")
@click.option("--checker", default=None, metavar="NAME", help="Only claims (and their comments) this person checked.")
@click.option("--article", "article", default=None, metavar="ARTICLE",
              help="Only this article's text, claims and comments, and the sources they cite (id or its start).")
@click.option("--since", default=None, metavar="DATE", help="Changed on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", default=None, metavar="DATE", help="Changed on or before DATE.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Show at most N hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON (full ids, offsets, marked spans).")
def search_cmd(project: str, query: str, status, rating, checker, article, since, until, limit: int,
               as_json: bool) -> None:
    """Find QUERY in PROJECT's claims, comments, sources and article text.

    Words are found whatever their case, accents and ending ("bogota" finds Bogotá,
    "verificaciones" finds verificación); "quoted words" must stand together; word* finds
    the words it begins. One line per hit: what it is, its id, where, and the words
    around the match, [marked].
    """
    import json

    with _open_project(project, read_only=True) as p:
        article_id = _find_article(p, article).id if article else None
        hits = p.search(query, status=status, rating=rating, checker=checker, article_id=article_id, since=since,
                        until=until, limit=limit)
    if as_json:
        click.echo(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("No matches.")
        return
    for hit in hits:
        marked = "".join(f"[{text}]" if m else text for text, m in hit.snippet)
        click.echo(f"{hit.kind:<8} {hit.id[:8]}  {_where(hit)}: {marked}")


def _where(hit) -> str:
    """Where a search hit is, in words: its article or publisher, and the field or offset."""
    field = {"exact": "quote", "verdict_summary": "summary"}.get(hit.field, hit.field)
    if hit.kind == "article":
        return f"{hit.title} @ {hit.start}" + (f" (p. {hit.page})" if hit.page else "")
    if hit.kind == "comment":
        return f"on claim {(hit.claim_id or '')[:8]} ({hit.context})"
    if hit.kind == "source":
        return f"{hit.title}" + (f" ({hit.context})" if hit.context and field != "publisher" else "") + f", {field}"
    return f"{hit.context}, {field}"


@cli.command("attach")
@_project_argument
@click.argument("source")
@click.argument("file", type=click.Path())
@click.option("--citation", "claim", default=None, metavar="CLAIM",
              help="Attach it to SOURCE's citation on this claim (its id or the start of it) instead of to SOURCE.")
@click.option("--note", default="", help="What the file is, or where in it to look.")
@_user_option
def attach_cmd(project: str, source: str, file: str, claim: str | None, note: str, user: str) -> None:
    """Attach FILE (a PDF, a screenshot, a saved page, a recording: anything up to 2 GB) to SOURCE as evidence.

    SOURCE is a source's id (or the start of it) or its title. The file is stored once in
    PROJECT however often it is attached, streamed in chunks, with its SHA-256.
    """
    from factcheck.core import attachments

    with _open_project(project, user) as p:
        found = _find_source(p, source)
        citation_id = None
        if claim:
            target = _find_claim(p, claim)
            cited = [c for c in p.citations(target.id) if c.source_id == found.id]
            if not cited:
                raise KnownError(N_("Claim {claim} does not cite “{source}”; cite it first, or attach the file to the "
                                    "source itself.", claim=target.id[:8], source=found.title or found.url))
            citation_id = cited[0].id
        changes = p.attach(file, source_id=None if citation_id else found.id, citation_id=citation_id, note=note)
        made = p.attachment(changes.created)
    click.echo(N_("Attached {name} ({size}, {mime}) to “{source}”: SHA-256 {sha}", name=made.name,
                  size=attachments.size_text(made.size), mime=made.mime, source=found.title or found.url,
                  sha=made.sha256))


@cli.command("attachments")
@_project_argument
def attachments_cmd(project: str) -> None:
    """List the files attached to PROJECT's sources and citations, with their SHA-256."""
    from factcheck.core import attachments

    with _open_project(project, read_only=True) as p:
        found = p.attachments()
        sources = {s.id: s for s in p.sources(include_deleted=True)}
    if not found:
        click.echo(N_("No files are attached."))
        return
    rows = []
    for a in found:
        source = sources[a.source_id]
        where = source.title or source.url
        if a.claim_id:
            where = N_("{source} (claim {claim})", source=where, claim=a.claim_id[:8])
        size = attachments.size_text(a.size) if a.stored else N_("{size}, not in this copy",
                                                                 size=attachments.size_text(a.size))
        rows.append([a.sha256, a.name, size, where, a.captured_at[:10], a.captured_by])
    click.echo(_table(["sha256", "name", "size", "attached to", "captured", "by"], rows, wide=1))


def _find_source(p, source: str):
    """A source by id, a unique id prefix, its title, or a unique part of its title."""
    sources = p.sources()
    wanted = source.strip().casefold()
    for matches in ([s for s in sources if s.id == source],
                    [s for s in sources if wanted and s.title.strip().casefold() == wanted],
                    [s for s in sources if source and s.id.startswith(source)],
                    [s for s in sources if wanted and wanted in s.title.casefold()]):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise KnownError(N_("{n} sources match {source}; give more of its title or its id.", n=len(matches),
                                source=repr(source)))
    raise KnownError(N_("No source has the id or title {source}.", source=repr(source)))


@cli.command("import-annotations")
@_project_argument
@click.argument("file", type=click.Path(dir_okay=False))
@_user_option
def import_annotations_cmd(project: str, file: str, user: str) -> None:
    """Import a W3C Web Annotation FILE (e.g. from `factcheck export --format webannotation`) into PROJECT.

    Each annotation becomes a draft claim on the article it quotes; annotations whose
    words are not found are listed with the reason. The whole import is one transaction:
    interrupted, it leaves nothing behind, and running it again imports everything.
    Exit status 1 when none is imported.
    """
    from factcheck.importers import web_annotation

    try:
        data = pathlib.Path(file).read_bytes()
    except OSError as exc:
        raise KnownError(N_("Cannot read {file}: {error}.", file=file, error=(exc.strerror or str(exc)).lower())) from None
    with _open_project(project, user) as p:
        report = web_annotation.import_annotations(p, data)
    for line in report.lines():
        click.echo(line)
    if report.total and not report.imported:
        sys.exit(EXIT_ERROR)


def _find_article(p, article: str):
    """An article by id or by a unique id prefix (as printed by ``factcheck info``)."""
    matches = [a for a in p.articles() if a.id.startswith(article)] if article else []
    exact = [a for a in matches if a.id == article]
    if exact:
        return exact[0]
    if len(matches) != 1:
        if not matches:
            raise KnownError(N_("No article has an id starting {prefix}; see `factcheck info PROJECT` for the ids.",
                                prefix=repr(article)))
        raise KnownError(N_("{n} articles have an id starting {prefix}; see `factcheck info PROJECT` for the ids.",
                            n=len(matches), prefix=repr(article)))
    return matches[0]


def _find_claim(p, claim: str):
    """A claim by id or by a unique id prefix (as printed by ``factcheck claims --ids``)."""
    matches = p.claims_with_prefix(claim)
    if len(matches) != 1:
        if not matches:
            raise KnownError(N_("There is no claim with an id starting {prefix}; see `factcheck claims PROJECT --ids`.",
                                prefix=repr(claim)))
        raise KnownError(N_("There is {n} claims with an id starting {prefix}; see `factcheck claims PROJECT --ids`.",
                            n=len(matches), prefix=repr(claim)))
    return matches[0]


@cli.command()
@_project_argument
@click.argument("claim", required=False)
def history(project: str, claim: str | None) -> None:
    """Print the history of PROJECT, or of one CLAIM: who did what, when, before -> after."""
    from factcheck.core import timeline

    with _open_project(project, read_only=True) as p, p.store.snapshot():
        scale = p.scale
        shown = 0
        # Printed as read, 500 events at a time: a year's history is not held in memory. A claim's is short, and
        # holds the merges that decided something about it.
        claim_id = _find_claim(p, claim).id if claim else None
        for batch in p.event_batches() if claim_id is None else [p.claim_history(claim_id)]:
            lines = []
            for e in batch:
                lines.append(f"{e.at}  {e.actor}  {timeline.describe(e, scale)}")
                lines += [f"    {line}" for line in timeline.changes(e, scale, claim_id)]
            click.echo("\n".join(lines))
            shown += len(batch)
        if not shown:
            click.echo("No events.")


@cli.command()
@_project_argument
def verify(project: str) -> None:
    """Check PROJECT's history has not been tampered with (exit status 1 if it has)."""
    from factcheck.core import verified

    with _open_project(project, read_only=True) as p:
        verdict = verified.check(p, full=True).verdict  # always in full; the app's next open starts from here
    click.echo(str(verdict))
    if not verdict.ok:
        sys.exit(EXIT_ERROR)


@cli.command()
@_project_argument
@click.option("--article", "article_ids", multiple=True, metavar="ARTICLE",
              help="Only these articles, by id or the start of it (repeatable).")
@click.option("--status", "statuses", multiple=True, help="Statuses to check (repeatable; default: in_review, approved, published).")
@click.option("--include-confidential", is_flag=True, help="Check as for an internal export that includes confidential sources.")
def check(project: str, article_ids: tuple[str, ...], statuses: tuple[str, ...], include_confidential: bool) -> None:
    """Run the pre-publication checks on PROJECT (exit status 1 if any blocking check fails)."""
    from factcheck.core import checks, model

    for s in statuses:
        if s not in model.STATUSES:
            raise KnownError(N_("{status} is not a review status; use one of: {statuses}.", status=repr(s),
                                statuses=", ".join(model.STATUSES)))
    blocking = warnings = 0
    with _open_project(project, read_only=True) as p, p.store.snapshot():
        ids = tuple(_find_article(p, a).id for a in article_ids) or None
        statuses = statuses or checks.DEFAULT_STATUSES
        total = checks.count_project(p, article_ids=ids, statuses=statuses) if _Progress.wanted() else 0
        with _Progress(N_("Checking claims"), total) as bar:
            # Findings are printed as each batch of claims is checked, at once (a write a line was a fifth of
            # the time of checking 100,000 claims).
            lines: list[str] = []

            def checked(done: int, of: int) -> bool:
                if lines:
                    bar.echo("\n".join(lines))
                    lines.clear()
                return bar.update(done, of)

            try:
                for claim, found in checks.iter_project(p, article_ids=ids, statuses=statuses,
                                                        include_confidential=include_confidential, progress=checked):
                    if not found:
                        continue
                    quote = " ".join(claim.exact.split())
                    lines.append(f"“{quote[:70]}{'…' if len(quote) > 70 else ''}” ({claim.id[:8]})")
                    lines += [f"    {'BLOCKING' if f.blocking else 'warning '}  {f.message}" for f in found]
                    n = sum(1 for f in found if f.blocking)
                    blocking, warnings = blocking + n, warnings + len(found) - n
            finally:  # stopped within a batch (an error, Ctrl+C): what was checked is still said
                if lines:
                    bar.echo("\n".join(lines))
    click.echo(f"{blocking} blocking, {warnings} warnings.")
    if blocking:
        sys.exit(EXIT_ERROR)


@cli.command()
@_project_argument
@click.argument("claim")
@click.argument("action", type=click.Choice(["submit", "approve", "request-changes", "publish"]))
@click.option("--comment", default="", help="Why changes are requested (required for request-changes).")
@_user_option
def review(project: str, claim: str, action: str, comment: str, user: str) -> None:
    """Move CLAIM through review: submit, approve, request-changes or publish."""
    from factcheck.core import model

    with _open_project(project, user) as p:
        target = _find_claim(p, claim)
        p.review(target.id, action.replace("-", "_"), comment=comment)
        click.echo(f"{model.STATUS_LABELS[p.claim(target.id).status]}: {target.exact}")


@cli.command("claim")
@_project_argument
@click.argument("claim")
@click.option("--rating", default=None, help="Rating (see `factcheck scales`).")
@click.option("--summary", "verdict_summary", default=None, help="One-sentence verdict summary.")
@click.option("--statement", default=None, help="The claim as a checkable statement.")
@click.option("--claimant", default=None, help="Who made the claim.")
@click.option("--reason", default="", help="Why an approved or published verdict changes (it goes back to review).")
@_user_option
def claim_cmd(project: str, claim: str, rating, verdict_summary, statement, claimant, reason: str, user: str) -> None:
    """Set CLAIM's rating, verdict summary, statement or claimant (for scripts)."""
    values = {k: v for k, v in (("rating", rating), ("verdict_summary", verdict_summary), ("statement", statement),
                                ("claimant", claimant)) if v is not None}
    if not values:
        raise click.UsageError("Give at least one of --rating, --summary, --statement, --claimant.")
    with _open_project(project, user) as p:
        target = _find_claim(p, claim)
        changes = p.update_claim(target.id, reason=reason, **values)
        click.echo(("Saved: " if changes.event_seq is not None else "Unchanged: ") + target.exact)


@cli.command("claim-new")
@_project_argument
@click.option("--article", "article", required=True, metavar="ARTICLE", help="Article id (or a unique prefix).")
@click.option("--quote", required=True, help="The exact words of the claim, as they stand in the article's text.")
@_user_option
def claim_new_cmd(project: str, article: str, quote: str, user: str) -> None:
    """Make a claim of the first place QUOTE stands in ARTICLE's current version; prints its id."""
    with _open_project(project, user) as p:
        version = p.current_version(_find_article(p, article).id)
        start = version.text.find(quote) if quote.strip() else -1
        if start < 0:
            raise KnownError(N_("Those words are not in the article's current text: {quote}", quote=quote))
        click.echo(p.create_claim(version.id, start, start + len(quote)).created)


@cli.command("merge")
@_project_argument
@click.argument("other", type=_ProjectPath())
@click.option("--dry-run", is_flag=True, help="Only say what would come in and list the conflicts.")
@click.option("--ours", "prefer", flag_value="ours", default=None, help="Settle every conflict with this copy's value.")
@click.option("--theirs", "prefer", flag_value="theirs", help="Settle every conflict with OTHER's value.")
@_user_option
def merge_cmd(project: str, other: str, dry_run: bool, prefer: str | None, user: str) -> None:
    """Bring into PROJECT what OTHER did since they parted (one step, one transaction).

    OTHER is a copy of PROJECT or a hand-off file (.factcheck-changes, see `factcheck handoff`).
    """
    from factcheck.core import merge

    with _open_project(project, user) as p:
        plan = merge.plan(p, other)
        click.echo(str(plan.summary()))
        for conflict in plan.conflicts:
            click.echo(f"  conflict: {conflict.sentence}")
        if dry_run or plan.nothing:
            return
        if plan.conflicts and prefer is None:
            raise KnownError(N_("Nothing was merged: {n} conflicts need a choice; run again with --ours or --theirs "
                                "(or merge in the app and pick field by field).", n=len(plan.conflicts)))
        merge.apply(p, plan, {c.key: prefer for c in plan.conflicts})
        click.echo(f"Merged {other} into {project}: {len(plan.incoming)} events came in.")


@cli.command("handoff")
@_project_argument
@click.option("--output", "-o", default=None, type=click.Path(), metavar="FILE",
              help="Write the hand-off file here (.factcheck-changes is added if missing; never over a project).")
@click.option("--since", "since", default=None, metavar="MARK",
              help="Leave out what the receiver already has: a partner's name (what was last exchanged with "
                   "them), an event id or its start (as `factcheck history` shows), or 'start' for everything.")
@click.option("--to", "to", default="", metavar="NAME",
              help="Who the file is for; remembered, so the next hand-off to NAME holds only what came after. "
                   "Without --since, the hand-off starts from what NAME was last sent or sent us.")
@click.option("--list", "list_partners", is_flag=True, help="List the partners this copy exchanged with, and stop.")
@_user_option
def handoff_cmd(project: str, output: str | None, since: str | None, to: str, list_partners: bool, user: str) -> None:
    """Write the changes another copy lacks to a small file; merge it there with `factcheck merge`."""
    from factcheck.core import handoff

    with _open_project(project, user) as p:
        if list_partners:
            for partner in handoff.partners(p):
                click.echo(f"{partner.name}\tsent {partner.sent_at or '-'}\treceived {partner.received_at or '-'}"
                           f"\tlacks {partner.lacks} changes")
            return
        if not output:
            raise KnownError(N_("Say where to write the hand-off file: --output FILE."))
        path = pathlib.Path(output)
        if path.suffix != handoff.SUFFIX:
            path = path.with_name(path.name + handoff.SUFFIX)
        if path.exists() and not handoff.is_handoff(path):
            raise KnownError(N_("{name} exists and is not a hand-off file; choose another name.", name=path.name))
        written = handoff.write(p, path, since=since, to=to)
        click.echo(f"Wrote {written.events} changes ({written.size:,} bytes) to {written.path}")


def _sync_connection(dsn: str):
    """A connection for the CLI: libpq's own password sources, then the keyring, then a prompt."""
    from factcheck.sync import client, credentials

    try:
        return client.connect(dsn, credentials.get(client.without_password(dsn)))
    except client.Offline as exc:
        if not credentials.needs_password(exc) or not sys.stdin.isatty():
            raise
    password = click.prompt("Password for the sync server", hide_input=True, err=True)
    conn = client.connect(dsn, password)
    credentials.keep(client.without_password(dsn), password)
    return conn


@cli.command("sync")
@_project_argument
@click.option("--connect", "dsn", default=None, metavar="DSN",
              help="Link PROJECT to this PostgreSQL (a connection string such as 'host=db.desk user=ana "
                   "dbname=factcheck', a URI, or 'service=NAME'); its password is never stored in the project.")
@click.option("--status", "show_status", is_flag=True, help="Only say where PROJECT syncs and what is pending.")
@click.option("--ours", "prefer", flag_value="ours", default=None, help="Settle every conflict with this copy's value.")
@click.option("--theirs", "prefer", flag_value="theirs", help="Settle every conflict with the server's value.")
@_user_option
def sync_cmd(project: str, dsn: str | None, show_status: bool, prefer: str | None, user: str) -> None:
    """Pull what others pushed, merge it, and push this copy's changes (the desk's PostgreSQL)."""
    from factcheck.sync import client

    with _open_project(project, user) as p:
        if dsn:
            click.echo(f"Linked {project} to {client.link(p, dsn)}")
        linked = client.linked_dsn(p)
        if not linked:
            raise KnownError(N_("{name} is not linked to a sync server: run factcheck sync PROJECT --connect DSN.",
                                name=pathlib.Path(project).name))
        if show_status:
            st = client.state(p)
            click.echo(f"Server:  {linked}\nPulled:  up to {st.get('cursor', '0')}\nPending: {client.pending(p)} "
                       "changes to push")
            if st.get("held"):  # the last push stopped at a change the server refused
                click.echo(f"Held:    from change {st['held'][:12]}, which the server refused; "
                           "run factcheck sync to see why and what to do")
            return
        with _sync_connection(dsn or linked) as conn:
            outcome = client.sync(conn, p, server_name=_server_name(linked), prefer=prefer, progress=_show_sending,
                                  pulling=_show_receiving)
        if outcome.conflicts is not None:
            for conflict in outcome.conflicts.conflicts:
                click.echo(f"  conflict: {conflict.sentence}")
            raise KnownError(N_("Nothing was synced: {n} conflicts need a choice; run again with --ours or --theirs "
                                "(or sync in the app and pick field by field).", n=len(outcome.conflicts.conflicts)))
        click.echo(f"Synced: {outcome.pulled} changes came in, {outcome.pushed} went up.")
        for lapse in outcome.lapsed:
            click.echo(f"  {lapse['reason']}")


def _show_sending(sent: int, total: int) -> None:
    """A push of more than one batch, as it goes (on stderr): a line rewritten on a terminal, else a line a batch."""
    from factcheck.sync import client

    if total <= client.BATCH:
        return
    line = f"Sending changes: {sent:,} of {total:,}"
    if sys.stderr.isatty():
        click.echo("\r" + line, nl=sent >= total, err=True)
    else:
        click.echo(line, err=True)


def _show_receiving(stage: str, done: int, total: int) -> None:
    """A pull of more than one page, as it goes (on stderr): received, then taken in, as ``_show_sending`` shows."""
    from factcheck.sync import pull

    line = f"{'Taking in' if stage == pull.TAKING_IN else 'Receiving'} changes: {done:,} of {total:,}"
    if sys.stderr.isatty():
        click.echo("\r" + line, nl=done >= total, err=True)
    else:
        click.echo(line, err=True)


def _server_name(dsn: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(dsn)
    return parts.get("service") or f"{parts.get('dbname') or parts.get('user') or 'factcheck'}@" \
        f"{parts.get('host') or 'localhost'}"


@cli.group("server")
def server_group() -> None:
    """Set up the desk's PostgreSQL for sync (run as an administrator role)."""


@server_group.command("init")
@click.argument("dsn")
def server_init(dsn: str) -> None:
    """Create or upgrade factcheck's schema, roles and functions in the database DSN names."""
    from factcheck.sync import server

    with _sync_connection(dsn) as conn:
        version = server.init(conn)
    click.echo(f"The factcheck store is ready (schema version {version}).")


@server_group.command("add-user")
@click.argument("dsn")
@click.argument("name")
@click.option("--password", "ask_password", is_flag=True, help="Ask for a password to set (else only the role).")
def server_add_user(dsn: str, name: str, ask_password: bool) -> None:
    """Make a login for NAME that may use factcheck's store (a role in factcheck_client)."""
    from factcheck.sync import server

    password = click.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True, err=True) \
        if ask_password else None
    with _sync_connection(dsn) as conn:
        server.add_user(conn, name, password)
    click.echo(f"{name} may now sync; give them a project with factcheck server grant.")


@server_group.command("grant")
@click.argument("dsn")
@click.argument("project", type=_ProjectPath())
@click.argument("name")
@click.argument("role", type=click.Choice(["checker", "editor"]))
def server_grant(dsn: str, project: str, name: str, role: str) -> None:
    """Let NAME work on PROJECT (the file, or its id) as a checker or an editor."""
    from factcheck.core import events
    from factcheck.sync import server

    path = pathlib.Path(project)
    if path.exists():
        with _open_project(project) as p:  # writable: an older file is upgraded as any command does
            project_id, label = events.project_id(p.store), path.stem
    else:
        project_id, label = project, ""
    with _sync_connection(dsn) as conn:
        server.grant(conn, project_id, name, role, label)
    click.echo(f"{name} is {'an editor' if role == 'editor' else 'a checker'} on {label or project_id}.")


@cli.command("backup")
@_project_argument
@click.option("--output", "-o", default=None, type=click.Path(), metavar="FILE",
              help="Write the copy to FILE (never over an existing file) instead of the backup folder.")
def backup_cmd(project: str, output: str | None) -> None:
    """Back up PROJECT now (SQLite's backup API, then checked) and print where the copy went."""
    from factcheck.core import backup

    with _open_project(project, read_only=True) as p:
        path = backup.copy_to(p, _with_suffix(output)) if output else backup.make(p, backup.MANUAL).path
    click.echo(f"Backed up {pathlib.Path(project).name} to {path} ({backup.size_text(path.stat().st_size)}, checked)")


@cli.command("backups")
@_project_argument
def backups_cmd(project: str) -> None:
    """List PROJECT's backups, newest first, numbered for `factcheck restore PROJECT --from N`."""
    from factcheck.core import backup

    with _open_project(project, read_only=True) as p:
        where = backup.folder(p)
        found = backup.backups_of(p)
    name = pathlib.Path(project).name
    if not found:
        click.echo(f"No backups of {name} yet; they will go to {where}")
        return
    click.echo(f"Backups of {name} in {where}")
    rows = [[str(i), b.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), b.label, backup.size_text(b.size), b.path.name]
            for i, b in enumerate(found, 1)]
    click.echo(_table(["#", "made (local time)", "reason", "size", "file"], rows, wide=4))


@cli.command("restore")
@click.argument("source", type=_ProjectPath())
@click.option("--from", "number", default=None, type=click.IntRange(min=1), metavar="N",
              help="Restore SOURCE's backup number N as listed by `factcheck backups` (1 = the newest).")
@click.option("--output", "-o", required=True, type=click.Path(), metavar="NEWFILE",
              help="The new project file to write; an existing file is never overwritten.")
def restore_cmd(source: str, number: int | None, output: str) -> None:
    """Restore a backup to NEWFILE: SOURCE is a backup file, or a project with --from N.

    The project and its backups stay as they are; the copy is checked before it is kept.
    """
    from factcheck.core import backup

    chosen = pathlib.Path(source)
    if number is not None:
        with _open_project(source, read_only=True) as p:
            found = backup.backups_of(p)
        if number > len(found):
            if not found:
                raise KnownError(N_("{name} has no backups; list them with `factcheck backups {source}`.",
                                    name=chosen.name, source=source))
            if len(found) == 1:
                raise KnownError(N_("{name} has only 1 backup; list them with `factcheck backups {source}`.",
                                    name=chosen.name, source=source))
            raise KnownError(N_("{name} has only {n} backups; list them with `factcheck backups {source}`.",
                                name=chosen.name, n=len(found), source=source))
        chosen = found[number - 1].path
    target = backup.restore(chosen, _with_suffix(output))
    claims = backup.claim_count(target)
    click.echo(f"Restored {chosen.name} to {target} ({claims} claim{'s' if claims != 1 else ''}). "
               f"Open it: factcheck {target}")


class _Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal; ``echo`` prints a line above it.

    ``update(done, total)`` is a ``progress`` callback for core and the exporters (it returns True: go on).
    """

    #: Seconds between two drawings of the bar.
    EVERY = 0.1

    def __init__(self, label: str, total: int = 0):
        self.label, self.total = label, total
        self.enabled = self.wanted()
        self.drawn = False
        self._last = 0.0

    @staticmethod
    def wanted() -> bool:
        return sys.stderr.isatty() and not os.environ.get("FACTCHECK_NO_PROGRESS")

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.clear()

    def update(self, done: int, total: int = 0) -> bool:
        total = total or self.total
        if not self.enabled or not total:
            return True
        counts = f"{min(done, total):,}/{total:,}"
        self._draw(self.label, done, total, f" {100 * min(done, total) // total:3d}% {counts}", widest=40)
        return True

    def _draw(self, before: str, done: float, total: int, after: str = "", *, widest: int) -> None:
        """``before [####----]after`` over the last line drawn, at most every ``EVERY`` seconds (the last one always)."""
        now = time.monotonic()
        if self.drawn and now - self._last < self.EVERY and done < total:
            return
        self._last = now
        columns = shutil.get_terminal_size((80, 24)).columns
        width = max(10, min(widest, columns - len(before) - len(after) - 4))
        filled = round(width * min(done, total) / total)
        sys.stderr.write("\r\x1b[K" + f"{before} [{'#' * filled}{'-' * (width - filled)}]{after}"[: columns - 1])
        sys.stderr.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False

    def echo(self, text: str) -> None:
        """Print ``text`` on stdout; the bar, if drawn, is cleared first and drawn again at the next update."""
        self.clear()
        click.echo(text)


class _Upgrading(_Progress):
    """An upgrade's steps on stderr: on a terminal, the step and a bar (a step's part done when known, as the
    copy's); else, once it has run ``QUIET_S`` seconds, a line a step."""

    QUIET_S = 2.0

    def __init__(self, name: str):
        super().__init__(f"Upgrading {name} for this version of factcheck")
        self._start = time.monotonic()
        self._said = -1  # the last step given a line

    def update(self, done: float, total: int = 0) -> bool:
        step = f"{self.label}: step {min(int(done) + 1, total):,} of {total:,}"
        if not self.enabled:
            if self._said < int(done) < total and time.monotonic() - self._start >= self.QUIET_S:
                self._said = int(done)
                click.echo(step, err=True)
            return True
        self._draw(step, done, total, widest=30)
        return True


class _Columns:
    """A plain-text table written row by row from widths known up front; on a terminal it is fitted to the
    width, ``wide`` column first, and cells are cut with "…"; piped, every character is kept."""

    def __init__(self, headers: list[str], widths: list[int], wide: int = 0, tty: bool | None = None):
        self.tty = sys.stdout.isatty() if tty is None else tty
        widths = [max(len(h), w) for h, w in zip(headers, widths)]
        if self.tty:
            budget = shutil.get_terminal_size((120, 24)).columns - 2 * (len(headers) - 1)
            limits = [60 if i != wide else 10_000 for i in range(len(headers))]
            widths = [min(w, lim) for w, lim in zip(widths, limits)]
            overflow = sum(widths) - budget
            if overflow > 0:
                widths[wide] = max(20, widths[wide] - overflow)
        self.headers, self.widths = headers, widths

    def head(self) -> list[str]:
        return ["  ".join(h.ljust(w) for h, w in zip(self.headers, self.widths)).rstrip(),
                "  ".join("-" * w for w in self.widths)]

    def line(self, row: list) -> str:
        cells = [" ".join(str(cell).split()) for cell in row]
        if self.tty:
            cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(cells, self.widths)]
        return "  ".join(c.ljust(w) for c, w in zip(cells, self.widths)).rstrip()


def _with_suffix(path: str) -> str:
    return path if pathlib.Path(path).suffix else path + ".factcheck"


def _table(headers: list[str], rows: list[list[str]], wide: int = 0) -> str:
    """A plain-text table; on a terminal it is fitted to the width, ``wide`` column first."""
    rows = [[" ".join(str(cell).split()) for cell in row] for row in rows]
    columns = _Columns(headers, [max((len(r[i]) for r in rows), default=0) for i in range(len(headers))], wide)
    return "\n".join(columns.head() + [columns.line(r) for r in rows])


# --- the verdict library ("Have we checked this before?") -----------------------------


def _library_option(f):
    return click.option("--library", "library_path", default=None, type=click.Path(dir_okay=False), metavar="PATH",
                        help="The library file (default: library.sqlite in factcheck's data folder).")(f)


def _open_library(library_path: str | None, *, read_only: bool = False):
    from factcheck.core import library

    lib = library.Library.open(library_path, read_only=read_only)
    for notice in lib.notices:
        click.echo(f"Note: {notice}", err=True)
    return lib


@cli.group("library")
def library_group() -> None:
    """The verdict library: earlier claims of your projects and published fact-checks (ClaimReview)."""


@library_group.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_library_option
def library_add(paths: tuple[str, ...], library_path: str | None) -> None:
    """Add projects, ClaimReview JSON-LD files or folders of them (a project again: brought up to date)."""
    failed = 0
    with _open_library(library_path) as lib:
        for path in paths:
            try:
                results = lib.add(path)
            except KnownError as exc:
                click.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            for r in results:
                name = pathlib.Path(r.path).name
                if r.kind == "project":
                    click.echo(f"{name}: unchanged, {r.entries} claims" if r.unchanged else f"{name}: {r.entries} claims")
                else:
                    extra = f"; {r.dropped_urls} URLs that were not http(s) dropped" if r.dropped_urls else ""
                    extra += f"; {r.skipped} items without a claim skipped" if r.skipped else ""
                    click.echo(f"{name}: {r.entries} fact-checks (ClaimReview){extra}")
    if failed:
        sys.exit(EXIT_ERROR)


@library_group.command("info")
@_library_option
def library_info(library_path: str | None) -> None:
    """What the library holds: claims by source, projects whose file is gone, where the file is."""
    from factcheck.core import library

    with _open_library(library_path) as lib:
        info = lib.info()
    click.echo(f"Library: {info.path}{' (read-only now)' if info.read_only else ''}")
    click.echo(f"Projects: {info.files(library.PROJECT)} ({info.count(library.PROJECT)} claims)")
    click.echo(f"ClaimReview files: {info.files(library.CLAIMREVIEW)} ({info.count(library.CLAIMREVIEW)} fact-checks)")
    for s in info.sources:
        mark = "  [missing: the file is gone; its claims are kept]" if s.missing else ""
        click.echo(f"  {s.kind:<11} {s.entries:>7}  {s.path}{mark}")


@library_group.command("remove")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--missing", is_flag=True, help="Forget every project whose file is gone.")
@_library_option
def library_remove(paths: tuple[str, ...], missing: bool, library_path: str | None) -> None:
    """Forget projects or ClaimReview files (their files are not touched)."""
    if not paths and not missing:
        raise click.UsageError("Name a project or ClaimReview file, or give --missing.")
    with _open_library(library_path) as lib:
        if missing:
            click.echo(f"Forgot {lib.remove(missing=True)} missing projects.")
        for path in paths:
            lib.remove(path)
            click.echo(f"Forgot {pathlib.Path(path).name}.")


def _read_queries(file: str):
    """(id, text) per line of FILE: a JSON object with id and text, or the line itself (id: its number)."""
    import json

    handle = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115 - closed below
    with handle:
        for number, raw in enumerate(handle, 1):
            try:  # line by line, so the error can say which
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                name = "standard input" if file == "-" else pathlib.Path(file).name
                raise click.ClickException(f"{name} is not UTF-8 text (line {number}); save it as UTF-8 and try "
                                           "again.") from None
            if not line.strip():
                continue
            if line.lstrip().startswith("{"):
                try:
                    item = json.loads(line)
                except ValueError:
                    item = None
                if isinstance(item, dict) and "text" in item:
                    yield item.get("id", number), str(item.get("text") or "")
                    continue
            yield number, line


@cli.command("match")
@click.argument("text", required=False)
@click.option("--queries", "queries_file", default=None, type=click.Path(dir_okay=False, allow_dash=True),
              metavar="FILE", help="One query per line, or JSON lines with id and text; writes one JSON line each.")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 100), help="How many matches per query.")
@_library_option
def match_cmd(text: str | None, queries_file: str | None, top: int, library_path: str | None) -> None:
    """Earlier verdicts closest to TEXT, from the library (or one JSON line per query of --queries)."""
    import json

    from factcheck.core import model

    if (text is None) == (queries_file is None):
        raise click.UsageError("Give the claim as TEXT, or a file of claims with --queries FILE.")
    with _open_library(library_path, read_only=True) as lib:
        if queries_file is None:
            found = lib.match(text, top=top)
            if not found:
                click.echo("No earlier verdict matches.")
            for i, m in enumerate(found, 1):
                where = m.url or m.source_path
                who = ", ".join(x for x in (m.author, m.date) if x)
                # A project's verdict says its review status: one not approved yet can't be reused.
                status = f" ({model.STATUS_LABELS[m.status]})" if m.kind == "project" and m.status in model.STATUSES \
                    else ""
                click.echo(f"{i}. [{m.score:.3f}] {m.rating or 'not rated'}{status}: {_one_line(m.label, 160)}")
                if m.summary:
                    click.echo(f"   {_one_line(m.summary, 160)}")
                click.echo(f"   {who + ' · ' if who else ''}{where}{' (missing)' if m.missing else ''}")
            return
        for query_id, query in _read_queries(queries_file):
            found = lib.match(query, top=top)
            click.echo(json.dumps({"id": query_id, "matches": [
                {"url": m.url, "claim": m.label, "rating": m.rating, "score": m.score,
                 **({"project": m.source_path, "claim_id": m.claim_id, "status": m.status}
                    if m.kind == "project" else {})}
                for m in found]}, ensure_ascii=False))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command, turning every error into one line on stderr."""
    try:
        cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KnownError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        click.echo(f"Error: {exc.strerror or exc}{where}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        import traceback

        from factcheck import paths

        # BugError and anything unforeseen: ours to fix, so logged with the traceback.
        click.echo(f"Error: {paths.log_bug(exc)}", err=True)
        if os.environ.get("FACTCHECK_DEBUG"):
            click.echo(traceback.format_exc(), err=True)
        sys.exit(EXIT_ERROR)
