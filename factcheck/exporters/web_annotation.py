"""W3C Web Annotation JSON-LD: export every claim as an ``assessing`` annotation, and import them back.

The file is an ``AnnotationCollection`` whose ``first`` page embeds all ``items``. Each
claim is one ``Annotation`` (``id`` ``urn:uuid:<claim id>``, motivation ``assessing``):

* bodies (``TextualBody`` unless said otherwise), told apart by ``purpose`` and, where
  one purpose has several, by ``label`` (``rdfs:label`` in the standard context):
  the rating (``assessing``; ``schema:identifier`` = its key on the scale,
  ``schema:ratingValue`` when numeric), ``Verdict summary`` and ``Rationale``
  (``commenting``), ``Statement``, ``Claimant``, ``Claim date`` and ``Check-worthiness``
  (``describing``), one ``tagging`` body per tag, and one ``SpecificResource`` per
  cited source (``linking``): its ``label`` is the stance, its ``selector`` a
  ``TextQuoteSelector`` of the quoted passage, ``schema:pagination`` the locator, and
  its ``source`` the source (``schema:name``, ``schema:url``, ``schema:publisher``...;
  ``schema:conditionsOfAccess`` "confidential" for a confidential one, which, unless the
  export includes confidential sources, carries no id and no details at all);
* the ``target``: ``source`` is the article's URL (``urn:sha256:<text SHA-256>`` when it
  has none), ``selector`` a ``TextQuoteSelector`` and a ``TextPositionSelector``
  (offsets in Unicode code points of the normalized text), and ``state`` a
  ``TimeState`` naming the article version the selectors were made on: ``cached`` =
  ``urn:sha256:<that version's text SHA-256>``, ``sourceDate`` = when it was imported,
  ``schema:version`` = its number.

Only terms of the standard context are used (``schema:`` is one of its prefixes), so
``@context`` stays the plain ``http://www.w3.org/ns/anno.jsonld``.

``import_annotations`` reads such a file (or any Web Annotation collection, page, list
or single annotation with a ``TextQuoteSelector``) into a project: each annotation's
article is found by URL, then by text SHA-256, then by where its quote occurs; its
words are re-anchored with ``anchoring.locate``. The whole file is read and checked
before anything is written.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
import uuid

from factcheck import __version__
from factcheck.core import anchoring, model
from factcheck.core.errors import KnownError, ProjectReadOnly
from factcheck.exporters._data import CONFIDENTIAL_LABEL, ArticleData, ClaimData, Report

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Largest annotation file read (about 100,000 annotations).
MAX_IMPORT_BYTES = 200 * 1024 * 1024

LABEL_SUMMARY = "Verdict summary"
LABEL_RATIONALE = "Rationale"
LABEL_STATEMENT = "Statement"
LABEL_CLAIMANT = "Claimant"
LABEL_CLAIM_DATE = "Claim date"
LABEL_CHECKWORTHINESS = "Check-worthiness"
CONFIDENTIAL = "confidential"


# --- export --------------------------------------------------------------------------


def _text_body(value: str, purpose: str, label: str = "") -> dict:
    body = {"type": "TextualBody", "purpose": purpose}
    if label:
        body["label"] = label
    body["value"] = value
    body["format"] = "text/plain"
    return body


def _source_node(citation) -> dict:
    s = citation.source
    if s.redacted:
        return {"type": "Text", "schema:name": CONFIDENTIAL_LABEL, "schema:conditionsOfAccess": CONFIDENTIAL}
    node: dict = {"id": f"urn:uuid:{s.id}", "type": "Text"}
    for key, value in (("schema:name", s.title), ("schema:url", s.url), ("schema:publisher", s.publisher),
                       ("schema:author", s.author), ("schema:datePublished", s.published_at), ("schema:genre", s.kind)):
        if value:
            node[key] = value
    if s.confidential:
        node["schema:conditionsOfAccess"] = CONFIDENTIAL
    return node


def target_source(article: ArticleData, claim: ClaimData) -> str:
    return article.article.url or f"urn:sha256:{claim.version_sha256}"


def annotation(report: Report, article: ArticleData, claim: ClaimData) -> dict:
    """One claim as a Web Annotation."""
    c = claim.claim
    bodies: list[dict] = []
    if claim.rating is not None:
        rating = _text_body(claim.rating.label, "assessing")
        rating["schema:identifier"] = claim.rating.key
        if claim.rating.value is not None:
            rating["schema:ratingValue"] = claim.rating.value
        bodies.append(rating)
    if c.verdict_summary:
        bodies.append(_text_body(c.verdict_summary, "commenting", LABEL_SUMMARY))
    if c.rationale:
        bodies.append(_text_body(c.rationale, "commenting", LABEL_RATIONALE))
    if c.statement:
        bodies.append(_text_body(c.statement, "describing", LABEL_STATEMENT))
    if c.claimant:
        bodies.append(_text_body(c.claimant, "describing", LABEL_CLAIMANT))
    if c.claim_date:
        bodies.append(_text_body(c.claim_date, "describing", LABEL_CLAIM_DATE))
    if c.checkworthiness is not None:
        bodies.append(_text_body(str(c.checkworthiness), "describing", LABEL_CHECKWORTHINESS))
    for tag in c.tags:
        bodies.append(_text_body(tag, "tagging"))
    for citation in claim.citations:
        link: dict = {"type": "SpecificResource", "purpose": "linking", "label": citation.stance,
                      "source": _source_node(citation)}
        if citation.quote:
            link["selector"] = {"type": "TextQuoteSelector", "exact": citation.quote}
        if citation.locator:
            link["schema:pagination"] = citation.locator
        bodies.append(link)
    target = {
        "type": "SpecificResource",
        "source": target_source(article, claim),
        "state": {
            "type": "TimeState",
            "cached": f"urn:sha256:{claim.version_sha256}",
            "sourceDate": claim.version_imported_at,
            "schema:version": claim.version_number,
        },
        "selector": [
            {"type": "TextQuoteSelector", "exact": c.exact, "prefix": c.prefix, "suffix": c.suffix},
            {"type": "TextPositionSelector", "start": c.start, "end": c.end},
        ],
    }
    out = {
        "id": f"urn:uuid:{c.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": c.created_at,
        "modified": c.updated_at,
        "creator": {"type": "Person", "name": c.created_by},
        "schema:creativeWorkStatus": c.status,
    }
    if bodies:
        out["body"] = bodies
    out["target"] = target
    return out


def collection(report: Report) -> dict:
    items = [annotation(report, a, c) for a, c in report.claims]
    many = len(report.articles) > 1
    label = f"Fact-check: {report.articles[0].article.title}" if not many else f"Fact-check of {len(report.articles)} articles"
    out: dict = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
    }
    if report.organisation_name:
        org: dict = {"type": "Organization", "name": report.organisation_name}
        if report.organisation_url:
            org["homepage"] = report.organisation_url
        out["creator"] = org
    out.update({
        "generator": {"type": "Software", "name": f"factcheck {__version__}"},
        "generated": report.generated_at,
        "total": len(items),
        "first": {"id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage", "startIndex": 0, "items": items},
    })
    return out


def render(report: Report) -> bytes:
    """The collection, pretty-printed around one annotation per line.

    Each annotation is serialized by json's fast (C) encoder on its own line; an indented
    dump of 5,000 would go through the pure-Python encoder, several times slower.
    """
    doc = collection(report)
    items = doc["first"]["items"]
    doc["first"]["items"] = []
    head = json.dumps(doc, ensure_ascii=False, indent=1)
    marker = '"items": []'
    if not items:
        return (head + "\n").encode("utf-8")
    encode = json.JSONEncoder(ensure_ascii=False).encode
    body = ",\n".join("   " + encode(item) for item in items)
    return (head.replace(marker, '"items": [\n' + body + "\n  ]", 1) + "\n").encode("utf-8")


# --- import --------------------------------------------------------------------------


@dataclasses.dataclass
class ImportReport:
    """What ``import_annotations`` did.

    Attributes:
        imported: ids of the claims created.
        skipped: ``(annotation id or "#<index>", reason)`` for each annotation left out.
        fuzzy: ``(annotation id or "#<index>", claim id)`` for claims whose words were found
            only approximately: a person should confirm them.
        notes: other things worth knowing (a rating not on this scale, withheld sources...).
        sources_created: how many sources were added to the library.
        total: how many annotations the file holds.
    """

    imported: list[str] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    fuzzy: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    sources_created: int = 0
    total: int = 0

    def lines(self) -> list[str]:
        """The report as sentences for a person."""
        n = len(self.imported)
        out = [f"Imported {n} claim{'s' if n != 1 else ''} from {self.total} annotation{'s' if self.total != 1 else ''}"
               + (f"; {self.sources_created} source{'s' if self.sources_created != 1 else ''} added to the library."
                  if self.sources_created else ".")]
        if self.fuzzy:
            out.append(f"{len(self.fuzzy)} claim{'s were' if len(self.fuzzy) != 1 else ' was'} anchored approximately "
                       "(the article's words differ a little): check them.")
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)}:")
            out += [f"  {ref}: {reason}" for ref, reason in self.skipped]
        out += self.notes
        return out


@dataclasses.dataclass
class _Citation:
    stance: str
    quote: str
    locator: str
    key: str  # identifies the source within the file
    fields: dict  # create_source fields


@dataclasses.dataclass
class _Parsed:
    ref: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    source: str
    shas: list[str]
    fields: dict
    citations: list[_Citation]
    notes: list[str]


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


def load(data: bytes | str) -> object:
    """Parse the file's JSON; ``KnownError`` with a sentence when it is not JSON."""
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise KnownError(f"The annotation file is too large ({len(data) // (1024 * 1024)} MB); factcheck reads "
                             f"files up to {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise KnownError("The annotation file is not UTF-8 text, so it is not a Web Annotation JSON-LD file.") from None
    if not data.strip():
        raise KnownError("The annotation file is empty.")
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise KnownError(
            f"The annotation file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise KnownError("The annotation file is nested too deeply to be a Web Annotation file.") from None


def annotations_of(doc: object) -> list:
    """The annotations a document holds; ``KnownError`` when it is of another shape."""
    not_annotations = (
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
                raise KnownError(
                    "The collection's annotations are in pages stored elsewhere; factcheck reads only files that "
                    "contain their annotations."
                )
            if not isinstance(page, dict):
                raise KnownError("The collection's page is not an AnnotationPage.")
            items += _page_items(page)
            page = page.get("next")
            seen += 1
            if seen > 100_000:
                raise KnownError("The collection's pages never end.")
        return items
    raise KnownError(not_annotations)


def _page_items(page: dict) -> list:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise KnownError("The annotation page's items are not a list.")
    return items


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


def _parse(item: object, index: int, scale) -> _Parsed | tuple[str, str]:
    ref = f"#{index + 1}"
    if not isinstance(item, dict):
        return ref, "it is not an annotation object."
    if isinstance(item.get("id", item.get("@id")), str):
        ref = item.get("id", item.get("@id"))
    if "Annotation" not in _types(item):
        return ref, "it is not an Annotation."
    target = quote = position = None
    for t in _as_list(item.get("target")):
        if isinstance(t, dict):
            q, p = _selectors(t)
            if q is not None:
                target, quote, position = t, q, p
                break
    if quote is None:
        return ref, "it has no TextQuoteSelector, so there are no quoted words to anchor."
    exact = quote.get("exact")
    if not isinstance(exact, str) or not exact.strip():
        return ref, "its TextQuoteSelector quotes no words."
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

    fields: dict = {}
    notes: list[str] = []
    comments: list[str] = []
    tags: list[str] = []
    citations: list[_Citation] = []
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
            key = _string(body.get("schema:identifier"))
            rating = scale.get(key) if key in scale else next(
                (r for r in scale.ratings if r.label.casefold() == value.strip().casefold()), None)
            if rating is None:
                notes.append(f"{ref}: the rating “{value}” is not on this project's scale ({scale.name}); the claim "
                             "was imported without a rating.")
            else:
                fields["rating"] = rating.key
        elif "tagging" in purposes:
            tags.append(value)
        elif label == LABEL_SUMMARY.lower():
            fields["verdict_summary"] = value
        elif label == LABEL_RATIONALE.lower():
            fields["rationale"] = value
        elif label == LABEL_STATEMENT.lower():
            fields["statement"] = value
        elif label == LABEL_CLAIMANT.lower():
            fields["claimant"] = value
        elif label == LABEL_CLAIM_DATE.lower():
            fields["claim_date"] = value
        elif label == LABEL_CHECKWORTHINESS.lower():
            if value.strip() in ("1", "2", "3", "4", "5"):
                fields["checkworthiness"] = int(value.strip())
            else:
                notes.append(f"{ref}: check-worthiness “{value}” is not a number from 1 to 5 and was left out.")
        elif value.strip():
            comments.append(value)  # another tool's comment: kept in the claim's notes
    if tags:
        fields["tags"] = tags
    if comments:
        fields["notes"] = "\n\n".join(comments)
    return _Parsed(ref, exact, prefix, suffix, start, end, source, shas, fields, citations, notes)


def _citation(body: dict, ref: str) -> _Citation | str | None:
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
    if not url and re.match(r"https?://", node_id, re.I):
        url = node_id
    title = _string(source.get("schema:name")) or _string(source.get("label"))
    confidential = _string(source.get("schema:conditionsOfAccess")).strip().lower() == CONFIDENTIAL
    if confidential and not node_id and not url and title in ("", CONFIDENTIAL_LABEL):
        return f"{ref}: a confidential source was left out: the file does not name it."
    if not title and not url:
        return f"{ref}: a cited source with neither a title nor a URL was left out."
    kind = _string(source.get("schema:genre"))
    fields = {
        "title": title, "url": url, "publisher": _string(source.get("schema:publisher")),
        "author": _string(source.get("schema:author")), "published_at": _string(source.get("schema:datePublished")),
        "kind": kind if kind in model.SOURCE_KINDS else "document", "confidential": confidential,
    }
    key = node_id or json.dumps(fields, sort_keys=True)
    return _Citation(stance, quote, locator, key, fields)


def _normal_url(url: str) -> str:
    url = url.strip().split("#", 1)[0]
    return url.rstrip("/").lower() if url else ""


@dataclasses.dataclass
class _Plan:
    parsed: _Parsed
    version_id: str
    start: int
    end: int
    fuzzy: bool


def _plan(project, parsed: list[_Parsed], result: ImportReport) -> list[_Plan]:
    """Find each annotation's article and words; nothing is written here."""
    articles = project.articles()
    current = {a.id: project.current_version(a.id) for a in articles}
    titles = {a.id: a.title for a in articles}
    by_url: dict[str, list[str]] = {}
    for a in articles:
        if _normal_url(a.url):
            by_url.setdefault(_normal_url(a.url), []).append(a.id)
    by_sha: dict[str, str] = {}
    for a in articles:
        for v in project.versions(a.id):
            by_sha.setdefault(v.sha256, a.id)
    existing: set[tuple] = set()
    for claim in project.claims():
        existing.add((claim.article_id, claim.start, claim.end, claim.exact, claim.verdict_summary))
    plans = []
    for p in parsed:
        selectors = anchoring.Selectors(
            anchoring.TextQuoteSelector(p.exact, p.prefix, p.suffix),
            anchoring.TextPositionSelector(p.start if p.start is not None else 0,
                                           p.end if p.end is not None else len(p.exact)),
        )
        candidates = by_url.get(_normal_url(p.source), [])
        if not candidates:
            candidates = list(dict.fromkeys(by_sha[s] for s in p.shas if s in by_sha))
        searched_all = not candidates
        if searched_all:
            candidates = [a for a in current if p.exact in current[a].text] or list(current)
        best = None
        for article_id in candidates:
            text = current[article_id].text
            match = anchoring.locate(text, selectors)
            if match is not None and (best is None or match.score > best[1].score):
                best = (article_id, match)
        if best is None:
            if not articles:
                reason = "this project has no articles to anchor it to."
            elif searched_all:
                reason = f"its words “{_short(p.exact)}” are in none of this project's articles."
            else:
                reason = (f"its words “{_short(p.exact)}” were not found in "
                          f"“{titles[candidates[0]]}”" + (" or the other matching articles." if len(candidates) > 1 else "."))
            result.skipped.append((p.ref, reason))
            continue
        article_id, match = best
        text = current[article_id].text
        start, end = match.start, match.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            result.skipped.append((p.ref, f"its words “{_short(p.exact)}” were found only as blank space."))
            continue
        summary = unicodedata.normalize("NFC", str(p.fields.get("verdict_summary", "")).strip())
        key = (article_id, start, end, text[start:end], summary)
        if key in existing:
            result.skipped.append((p.ref, f"the same claim is already on “{titles[article_id]}”."))
            continue
        existing.add(key)
        plans.append(_Plan(p, current[article_id].id, start, end, match.state == anchoring.FUZZY))
    return plans


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_annotations(project, data: bytes | str) -> ImportReport:
    """Create a claim for each annotation of a Web Annotation file whose words are found.

    Raises ``KnownError`` (and writes nothing) when the file is not JSON or not Web
    Annotation; annotations that cannot be placed are reported in ``skipped``.
    """
    items = annotations_of(load(data))
    result = ImportReport(total=len(items))
    if project.read_only:
        raise ProjectReadOnly(f"{project.path.name} is open read-only; annotations cannot be imported into it.")
    scale = project.scale
    parsed = []
    for index, item in enumerate(items):
        outcome = _parse(item, index, scale)
        if isinstance(outcome, tuple):
            result.skipped.append(outcome)
        else:
            parsed.append(outcome)
    plans = _plan(project, parsed, result)

    known_sources = {
        (s.title, s.url, s.publisher): s.id for s in project.sources()
    }
    made_sources: dict[str, str] = {}
    for plan in plans:
        p = plan.parsed
        try:
            checked = anchoring.TextQuoteSelector(p.exact, p.prefix, p.suffix) if plan.fuzzy else None
            claim_id = project.create_claim(plan.version_id, plan.start, plan.end, checked_quote=checked,
                                            **p.fields).created
        except KnownError as exc:
            result.skipped.append((p.ref, str(exc)))
            continue
        result.imported.append(claim_id)
        result.notes += p.notes
        if plan.fuzzy:
            result.fuzzy.append((p.ref, claim_id))
        for citation in p.citations:
            try:
                source_id = made_sources.get(citation.key)
                if source_id is None:
                    f = citation.fields
                    source_id = known_sources.get((f["title"], f["url"], f["publisher"]))
                    if source_id is None:
                        source_id = project.create_source(**{k: v for k, v in f.items() if v not in ("", None)}).created
                        result.sources_created += 1
                        known_sources[(f["title"], f["url"], f["publisher"])] = source_id
                    made_sources[citation.key] = source_id
                extra = {k: v for k, v in (("quote", citation.quote), ("locator", citation.locator)) if v}
                project.cite(claim_id, source_id, citation.stance, **extra)
            except KnownError as exc:
                result.notes.append(f"{p.ref}: a source could not be cited ({exc})")
    return result
