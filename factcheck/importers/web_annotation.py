"""W3C Web Annotation JSON-LD into a project: parse, then plan, then one undoable command.

Reads what ``exporters/web_annotation.py`` writes (or any Web Annotation collection,
page, list or single annotation with a ``TextQuoteSelector``) in three steps:

1. ``parse``: the file's bytes -> the annotations it holds, with the words they quote and
   the values of their bodies. Pure: no project, no writes; a file that is not JSON or not
   Web Annotation is refused here with one sentence.
2. ``plan``: parsed annotations + reads of the project -> what the import will make: each
   claim with its version, anchor and fields (validated by ``core.fields`` like anything a
   person types; a bad date or a non-web URL is dropped with a note), the sources to
   create or reuse, the citations, and every annotation left out with its reason. Each
   annotation's article is found by URL, then by text SHA-256, then by where its quote
   occurs; its words are re-anchored with ``anchoring.locate``. Nothing is written.
3. ``history.ImportAnnotations(plan)``: the whole plan as one transaction (killed at any
   moment, the file holds all of it or none of it) and one undo step. The writing is
   core's; ``import_annotations`` runs the three steps in a row for the CLI and tests.

Whether an annotation is already in the project is decided from committed claims only, so
running an import again after a crash imports everything the crash lost.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata

from factcheck.core import anchoring, claims, fields, history, model, sources
from factcheck.core.errors import InvalidInput, KnownError, ProjectReadOnly
from factcheck.core.text import N_, Text
from factcheck.exporters._data import CONFIDENTIAL_LABEL
from factcheck.exporters.web_annotation import (
    CONFIDENTIAL,
    LABEL_CHECKWORTHINESS,
    LABEL_CLAIM_DATE,
    LABEL_CLAIMANT,
    LABEL_RATIONALE,
    LABEL_STATEMENT,
    LABEL_SUMMARY,
)

#: Largest annotation file read (about 100,000 annotations).
MAX_IMPORT_BYTES = 200 * 1024 * 1024

#: Body labels (lower case) -> claim field.
_LABELLED_FIELDS = {
    LABEL_SUMMARY.lower(): "verdict_summary",
    LABEL_RATIONALE.lower(): "rationale",
    LABEL_STATEMENT.lower(): "statement",
    LABEL_CLAIMANT.lower(): "claimant",
    LABEL_CLAIM_DATE.lower(): "claim_date",
    LABEL_CHECKWORTHINESS.lower(): "checkworthiness",
}
#: Claim and source fields as a report names them.
_FIELD_NAMES = {
    "verdict_summary": N_("verdict summary"), "rationale": N_("rationale"), "statement": N_("statement"),
    "claimant": N_("claimant"), "claim_date": N_("claim date"), "checkworthiness": N_("check-worthiness"),
    "notes": N_("notes"), "title": N_("source title"), "url": N_("source URL"), "publisher": N_("source publisher"),
    "author": N_("source author"), "published_at": N_("source date"), "quote": N_("cited passage"),
    "locator": N_("citation locator"),
}


# --- the report -------------------------------------------------------------------------


@dataclasses.dataclass
class ImportReport:
    """What an import did.

    Attributes:
        imported: ids of the claims created.
        skipped: ``(annotation id or "#<index>", reason)`` for each annotation left out.
        fuzzy: ``(annotation id or "#<index>", claim id)`` for claims whose words were found
            only approximately: a person should confirm them.
        notes: other things worth knowing (a rating not on this scale, a date or URL left
            out, withheld sources...).
        sources_created: how many sources were added to the library.
        total: how many annotations the file holds.
    """

    imported: list[str] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    fuzzy: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    sources_created: int = 0
    total: int = 0

    def lines(self) -> list[Text]:
        """The report as sentences for a person (each a ``Text``: the app shows it translated)."""
        n, total, added = len(self.imported), self.total, self.sources_created
        annotations = N_("1 annotation") if total == 1 else N_("{n} annotations", n=total)
        if added:
            sources = N_("1 source") if added == 1 else N_("{n} sources", n=added)
            first = (N_("Imported 1 claim from {annotations}; {sources} added to the library.",
                        annotations=annotations, sources=sources) if n == 1 else
                     N_("Imported {n} claims from {annotations}; {sources} added to the library.",
                        n=n, annotations=annotations, sources=sources))
        else:
            first = (N_("Imported 1 claim from {annotations}.", annotations=annotations) if n == 1 else
                     N_("Imported {n} claims from {annotations}.", n=n, annotations=annotations))
        out = [first]
        if self.fuzzy:
            out.append(N_("1 claim was anchored approximately (the article's words differ a little): check them.")
                       if len(self.fuzzy) == 1 else
                       N_("{n} claims were anchored approximately (the article's words differ a little): check them.",
                          n=len(self.fuzzy)))
        if self.skipped:
            out.append(N_("Skipped {n}:", n=len(self.skipped)))
            out += [N_("  {ref}: {reason}", ref=ref, reason=reason) for ref, reason in self.skipped]
        out += self.notes
        return out


# --- 1. parse ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ParsedCitation:
    """A ``linking`` body: a cited source as the file describes it (not yet validated)."""

    stance: str
    quote: str
    locator: str
    key: str  # identifies the source within the file
    source: dict  # title, url, publisher, author, published_at, kind, confidential


@dataclasses.dataclass(frozen=True)
class Annotation:
    """One annotation as the file has it: quoted words, where, and its bodies' values."""

    ref: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    source: str  # the target's source (the article's URL, or urn:sha256:...)
    shas: tuple[str, ...]  # text SHA-256s the target names
    rating: tuple[str, str] | None  # (scale key, label) of an ``assessing`` body
    values: dict  # claim field -> text as found (tags: a list)
    citations: tuple[ParsedCitation, ...]
    notes: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Parsed:
    """What a file holds: how many annotations, those that can be read, and those that cannot."""

    total: int
    annotations: list[Annotation]
    skipped: list[tuple[str, str]]


def parse(data: bytes | str) -> Parsed:
    """The annotations of a Web Annotation file; ``KnownError`` when it is not one."""
    items = annotations_of(load(data))
    parsed, skipped = [], []
    for index, item in enumerate(items):
        outcome = _annotation(item, index)
        if isinstance(outcome, tuple):
            skipped.append(outcome)
        else:
            parsed.append(outcome)
    return Parsed(len(items), parsed, skipped)


def load(data: bytes | str) -> object:
    """Parse the file's JSON; ``KnownError`` with a sentence when it is not JSON."""
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise KnownError(N_("The annotation file is too large ({size} MB); factcheck reads files up to {limit} MB.",
                                size=len(data) // (1024 * 1024), limit=MAX_IMPORT_BYTES // (1024 * 1024)))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise KnownError(N_(
                "The annotation file is not UTF-8 text, so it is not a Web Annotation JSON-LD file."
            )) from None
    if not data.strip():
        raise KnownError(N_("The annotation file is empty."))
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise KnownError(N_(
            "The annotation file is not valid JSON ({problem} at line {line}, column {column}).",
            problem=exc.msg, line=exc.lineno, column=exc.colno,
        )) from None
    except RecursionError:
        raise KnownError(N_("The annotation file is nested too deeply to be a Web Annotation file.")) from None


def annotations_of(doc: object) -> list:
    """The annotations a document holds; ``KnownError`` when it is of another shape."""
    not_annotations = N_(
        "This is not a W3C Web Annotation file: it holds no AnnotationCollection, AnnotationPage or Annotation."
    )
    if isinstance(doc, list):
        if not doc or any(isinstance(x, dict) and "Annotation" in _types(x) for x in doc):
            return doc
        raise KnownError(not_annotations)
    if not isinstance(doc, dict):
        raise KnownError(not_annotations)
    types = _types(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types or "OrderedCollectionPage" in types:
        return _page_items(doc)
    if "AnnotationCollection" in types or "OrderedCollection" in types:
        first = doc.get("first")
        if first is None:
            if "items" in doc:
                return _page_items(doc)
            return []
        items: list = []
        page = first
        seen = 0
        while page is not None:
            if isinstance(page, str):
                raise KnownError(N_(
                    "The collection's annotations are in pages stored elsewhere; factcheck reads only files that "
                    "contain their annotations."
                ))
            if not isinstance(page, dict):
                raise KnownError(N_("The collection's page is not an AnnotationPage."))
            items += _page_items(page)
            page = page.get("next")
            seen += 1
            if seen > 100_000:
                raise KnownError(N_("The collection's pages never end."))
        return items
    raise KnownError(not_annotations)


def _page_items(page: dict) -> list:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise KnownError(N_("The annotation page's items are not a list."))
    return items


def _types(node: dict) -> set[str]:
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {str(v).split(":")[-1].split("#")[-1].split("/")[-1] for v in values if isinstance(v, str)}


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _string(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("@value", "value", "name", "schema:name", "id", "@id"):
            if isinstance(value.get(key), str):
                return value[key]
    return ""


def _selectors(target: dict) -> tuple[dict | None, dict | None]:
    quote = position = None
    pending = _as_list(target.get("selector"))
    while pending:
        sel = pending.pop(0)
        if not isinstance(sel, dict):
            continue
        types = _types(sel)
        if "TextQuoteSelector" in types and quote is None:
            quote = sel
        elif "TextPositionSelector" in types and position is None:
            position = sel
        pending += _as_list(sel.get("refinedBy"))
    return quote, position


def _sha(value: str) -> str:
    match = re.fullmatch(r"(?:urn:sha256:|urn:sha-256:)([0-9a-fA-F]{64})", value.strip())
    return match.group(1).lower() if match else ""


def _annotation(item: object, index: int) -> Annotation | tuple[str, Text]:
    """One item of the file, or ``(ref, reason)`` when it cannot be a claim."""
    ref = f"#{index + 1}"
    if not isinstance(item, dict):
        return ref, N_("it is not an annotation object.")
    if isinstance(item.get("id", item.get("@id")), str):
        ref = item.get("id", item.get("@id"))
    if "Annotation" not in _types(item):
        return ref, N_("it is not an Annotation.")
    target = quote = position = None
    for t in _as_list(item.get("target")):
        if isinstance(t, dict):
            q, p = _selectors(t)
            if q is not None:
                target, quote, position = t, q, p
                break
    if quote is None:
        return ref, N_("it has no TextQuoteSelector, so there are no quoted words to anchor.")
    exact = quote.get("exact")
    if not isinstance(exact, str) or not exact.strip():
        return ref, N_("its TextQuoteSelector quotes no words.")
    prefix, suffix = _string(quote.get("prefix")), _string(quote.get("suffix"))
    start = end = None
    if position is not None:
        s, e = position.get("start"), position.get("end")
        if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s < e:
            start, end = s, e
    source = _string(target.get("source"))
    shas = [x for x in (_sha(source),) if x]
    for state in _as_list(target.get("state")):
        if isinstance(state, dict):
            shas += [x for x in (_sha(_string(state.get("cached"))),) if x]

    values: dict = {}
    rating = None
    notes: list[str] = []
    comments: list[str] = []
    tags: list[str] = []
    citations: list[ParsedCitation] = []
    bodies = _as_list(item.get("body"))
    if isinstance(item.get("bodyValue"), str):
        bodies.append({"type": "TextualBody", "value": item["bodyValue"]})
    for body in bodies:
        if not isinstance(body, dict):
            continue
        purposes = {p.split(":")[-1] for p in _as_list(body.get("purpose")) if isinstance(p, str)}
        label = _string(body.get("label")).strip().lower()
        value = body.get("value")
        if "linking" in purposes or "SpecificResource" in _types(body):
            citation = _citation(body, ref)
            if isinstance(citation, str):
                notes.append(citation)
            elif citation is not None:
                citations.append(citation)
            continue
        if not isinstance(value, str):
            continue
        if "assessing" in purposes:
            rating = (_string(body.get("schema:identifier")), value)
        elif "tagging" in purposes:
            tags.append(value)
        elif label in _LABELLED_FIELDS:
            values[_LABELLED_FIELDS[label]] = value
        elif value.strip():
            comments.append(value)  # another tool's comment: kept in the claim's notes
    if tags:
        values["tags"] = tags
    if comments:
        values["notes"] = "\n\n".join(comments)
    return Annotation(ref, exact, prefix, suffix, start, end, source, tuple(shas), rating, values,
                      tuple(citations), tuple(notes))


def _citation(body: dict, ref: str) -> ParsedCitation | Text | None:
    source = body.get("source", body if "SpecificResource" not in _types(body) else None)
    if isinstance(source, str):
        source = {"id": source}
    if not isinstance(source, dict):
        return None
    stance = _string(body.get("label")).strip().lower()
    if stance not in model.STANCES:
        stance = "context"
    quote = ""
    for sel in _as_list(body.get("selector")):
        if isinstance(sel, dict) and "TextQuoteSelector" in _types(sel):
            quote = _string(sel.get("exact"))
            break
    locator = _string(body.get("schema:pagination"))
    node_id = _string(source.get("id", source.get("@id")))
    url = _string(source.get("schema:url"))
    if not url and re.match(r"\s*https?://", node_id, re.I):
        url = node_id
    title = _string(source.get("schema:name")) or _string(source.get("label"))
    confidential = _string(source.get("schema:conditionsOfAccess")).strip().lower() == CONFIDENTIAL
    if confidential and not node_id and not url and title in ("", CONFIDENTIAL_LABEL):
        return N_("{ref}: a confidential source was left out: the file does not name it.", ref=ref)
    kind = _string(source.get("schema:genre"))
    values = {
        "title": title, "url": url, "publisher": _string(source.get("schema:publisher")),
        "author": _string(source.get("schema:author")), "published_at": _string(source.get("schema:datePublished")),
        "kind": kind if kind in model.SOURCE_KINDS else "document", "confidential": confidential,
    }
    key = node_id or json.dumps(values, sort_keys=True)
    return ParsedCitation(stance, quote, locator, key, values)


# --- 2. plan ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PlannedCitation:
    """A citation to make: of a library source (``source_id``) or of a new one (``new_source``)."""

    stance: str
    values: dict  # quote, locator
    source_id: str = ""
    new_source: int | None = None  # index into ``Plan.sources``


@dataclasses.dataclass(frozen=True)
class PlannedClaim:
    """A claim to make: where, with which (validated) fields and citations."""

    ref: str
    version_id: str
    start: int
    end: int
    fields: dict
    citations: tuple[PlannedCitation, ...]
    notes: tuple[str, ...]
    fuzzy: bool = False
    checked_quote: anchoring.TextQuoteSelector | None = None  # kept when the words were found only approximately


@dataclasses.dataclass(frozen=True)
class Plan:
    """Everything an import will write, decided before anything is: ``history.ImportAnnotations`` runs it."""

    total: int
    claims: list[PlannedClaim]
    sources: list[dict]  # fields of the sources to add to the library
    skipped: list[tuple[str, str]]

    def report(self, claim_ids: list[str], sources_created: int) -> ImportReport:
        """The report of this plan once run, given the ids of the claims it made (in plan order)."""
        return ImportReport(
            imported=list(claim_ids),
            skipped=list(self.skipped),
            fuzzy=[(c.ref, claim_id) for c, claim_id in zip(self.claims, claim_ids) if c.fuzzy],
            notes=[note for c in self.claims[: len(claim_ids)] for note in c.notes],
            sources_created=sources_created,
            total=self.total,
        )


def plan(project, parsed: Parsed) -> Plan:
    """Find each annotation's article and words, and check its values; nothing is written."""
    if project.read_only:
        raise ProjectReadOnly(N_("{name} is open read-only; annotations cannot be imported into it.",
                                 name=project.path.name))
    skipped = list(parsed.skipped)
    places = _Places(project)
    scale = project.scale
    # (title, URL, publisher) -> a library source's id, or the index of a new source.
    library: dict[tuple, str | int] = {(s.title, s.url, s.publisher): s.id for s in project.sources()}
    new_sources: list[dict] = []
    by_key: dict[str, str | int | None] = {}  # the file's source key -> as above; None: left out
    planned: list[PlannedClaim] = []
    for a in parsed.annotations:
        notes = list(a.notes)
        values = _claim_fields(a, scale, notes)
        place = places.find(a, values.get("verdict_summary", ""))
        if isinstance(place, str):
            skipped.append((a.ref, place))
            continue
        version_id, start, end, fuzzy = place
        cites = []
        for c in a.citations:
            if c.key not in by_key:
                source_fields = _source_fields(c, a.ref, notes)
                if source_fields is not None:
                    same = (source_fields.get("title", ""), source_fields.get("url", ""),
                            source_fields.get("publisher", ""))
                    if same not in library:
                        library[same] = len(new_sources)
                        new_sources.append(source_fields)
                    by_key[c.key] = library[same]
                else:
                    by_key[c.key] = None
            source = by_key[c.key]
            if source is None:
                continue
            extra = _checked({"quote": c.quote, "locator": c.locator}, sources.clean_citation, a.ref, notes)
            cites.append(PlannedCitation(c.stance, {k: v for k, v in extra.items() if v},
                                         source_id=source if isinstance(source, str) else "",
                                         new_source=source if isinstance(source, int) else None))
        checked = anchoring.TextQuoteSelector(a.exact, a.prefix, a.suffix) if fuzzy else None
        planned.append(PlannedClaim(a.ref, version_id, start, end, values, tuple(cites), tuple(notes), fuzzy, checked))
    return Plan(parsed.total, planned, new_sources, skipped)


def _checked(values: dict, clean, ref: str, notes: list[str]) -> dict:
    """``values`` through a core cleaner one field at a time: a bad one is left out with a note."""
    out = {}
    for key, value in values.items():
        try:
            out.update(clean({key: value}))
        except InvalidInput as exc:
            notes.append(N_("{ref}: {field} left out. {reason}", ref=ref, field=_FIELD_NAMES.get(key, key),
                            reason=_reason(exc)))
    return out


def _claim_fields(a: Annotation, scale, notes: list[str]) -> dict:
    """The claim fields of an annotation as core validates them (tags as a list)."""
    values = dict(a.values)
    tags = values.pop("tags", [])
    out = _checked(values, lambda v: claims.clean(v, scale), a.ref, notes)
    kept_tags = []
    for tag in tags:
        try:
            kept_tags += fields.tags([tag])
        except InvalidInput as exc:
            notes.append(N_("{ref}: a tag left out. {reason}", ref=a.ref, reason=_reason(exc)))
    if kept_tags:
        out["tags"] = list(dict.fromkeys(kept_tags))
    if a.rating is not None:
        key, label = a.rating
        rating = scale.get(key) if key in scale else next(
            (r for r in scale.ratings if r.label.casefold() == label.strip().casefold()), None)
        if rating is None:
            notes.append(N_("{ref}: the rating “{label}” is not on this project's scale ({scale}); the claim "
                            "was imported without a rating.", ref=a.ref, label=label, scale=scale.name))
        else:
            out["rating"] = rating.key
    return out


def _source_fields(c: ParsedCitation, ref: str, notes: list[str]) -> dict | None:
    """A cited source's fields as core validates them, or None (with a note) when nothing names it."""
    kept = _checked({k: v for k, v in c.source.items() if v not in ("", None, False)}, sources.clean_source, ref, notes)
    if not kept.get("title") and not kept.get("url"):
        notes.append(N_("{ref}: a cited source with neither a title nor a web address was left out.", ref=ref))
        return None
    return kept


def _normal_url(url: str) -> str:
    url = url.strip().split("#", 1)[0]
    return url.rstrip("/").lower() if url else ""


class _Places:
    """The project's articles, read once, for finding where each annotation's words are."""

    def __init__(self, project):
        self.articles = project.articles()
        self.current = {a.id: project.current_version(a.id) for a in self.articles}
        self.titles = {a.id: a.title for a in self.articles}
        self.by_url: dict[str, list[str]] = {}
        for a in self.articles:
            if _normal_url(a.url):
                self.by_url.setdefault(_normal_url(a.url), []).append(a.id)
        self.by_sha: dict[str, str] = {}
        for a in self.articles:
            for v in project.versions(a.id):
                self.by_sha.setdefault(v.sha256, a.id)
        # What is committed: a crash before the import's commit leaves nothing here.
        self.existing = {(c.article_id, c.start, c.end, c.exact, c.verdict_summary) for c in project.claims()}

    def find(self, a: Annotation, summary: str) -> tuple[str, int, int, bool] | str:
        """``(version id, start, end, fuzzy)`` of the annotation's words, or why they are not placed."""
        selectors = anchoring.Selectors(
            anchoring.TextQuoteSelector(a.exact, a.prefix, a.suffix),
            anchoring.TextPositionSelector(a.start if a.start is not None else 0,
                                           a.end if a.end is not None else len(a.exact)),
        )
        current = self.current
        candidates = self.by_url.get(_normal_url(a.source), [])
        if not candidates:
            candidates = list(dict.fromkeys(self.by_sha[s] for s in a.shas if s in self.by_sha))
        searched_all = not candidates
        if searched_all:
            candidates = [x for x in current if a.exact in current[x].text] or list(current)
        best = None
        for article_id in candidates:
            match = anchoring.locate(current[article_id].text, selectors)
            if match is not None and (best is None or match.score > best[1].score):
                best = (article_id, match)
        if best is None:
            if not self.articles:
                return N_("this project has no articles to anchor it to: annotations mark words in an article, "
                          "so import the article first (File > Import article), then the annotations.")
            if searched_all:
                return N_("its words “{words}” are in none of this project's articles.", words=_short(a.exact))
            if len(candidates) > 1:
                return N_("its words “{words}” were not found in “{title}” or the other matching articles.",
                          words=_short(a.exact), title=self.titles[candidates[0]])
            return N_("its words “{words}” were not found in “{title}”.",
                      words=_short(a.exact), title=self.titles[candidates[0]])
        article_id, match = best
        text = current[article_id].text
        try:
            start, end = claims.trim(text, match.start, match.end, "anchor")
        except InvalidInput:
            return N_("its words “{words}” were found only as blank space.", words=_short(a.exact))
        key = (article_id, start, end, text[start:end], unicodedata.normalize("NFC", summary))
        if key in self.existing:
            return N_("the same claim is already on “{title}”.", title=self.titles[article_id])
        self.existing.add(key)
        return current[article_id].id, start, end, match.state == anchoring.FUZZY


def _reason(exc: Exception) -> Text | str:
    """Why core refused a value: its ``Text`` (translated where it is shown) or its words."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Text) else str(exc)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- 3. run -----------------------------------------------------------------------------


def run(project, the_plan: Plan) -> ImportReport:
    """Carry out a plan without an undo history (the CLI): one transaction."""
    command = history.ImportAnnotations(the_plan)
    command.do(project)
    return the_plan.report(command.claim_ids, len(command.source_ids))


def import_annotations(project, data: bytes | str) -> ImportReport:
    """Parse, plan and run: a claim for each annotation of the file whose words are found.

    Raises ``KnownError`` (and writes nothing) when the file is not JSON or not Web
    Annotation; annotations that cannot be placed are reported in ``skipped``.
    """
    return run(project, plan(project, parse(data)))
