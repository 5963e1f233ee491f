"""W3C Web Annotation JSON-LD: every claim as an ``assessing`` annotation.

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

Only http(s) addresses are written (``fields.safe_url``): a ``javascript:``, ``data:``
or other script URL that an old file may hold never reaches ``schema:url``, the
organisation's ``homepage`` or the target's ``source``.

``importers/web_annotation.py`` reads such files back into a project.

The file is data, not a report: its keys, body labels ("Verdict summary"...) and the
collection's label stay English whatever the report language (the importer recognises
bodies by their English labels).
"""

from __future__ import annotations

import io
import json
import uuid
from typing import TextIO

from factcheck import __version__
from factcheck.core import fields
from factcheck.exporters._data import CONFIDENTIAL_LABEL, ArticleData, ClaimData, Report

CONTEXT = "http://www.w3.org/ns/anno.jsonld"

LABEL_SUMMARY = "Verdict summary"
LABEL_RATIONALE = "Rationale"
LABEL_STATEMENT = "Statement"
LABEL_CLAIMANT = "Claimant"
LABEL_CLAIM_DATE = "Claim date"
LABEL_CHECKWORTHINESS = "Check-worthiness"
CONFIDENTIAL = "confidential"


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
    for key, value in (("schema:name", s.title), ("schema:url", fields.safe_url(s.url)), ("schema:publisher", s.publisher),
                       ("schema:author", s.author), ("schema:datePublished", s.published_at), ("schema:genre", s.kind)):
        if value:
            node[key] = value
    if s.confidential:
        node["schema:conditionsOfAccess"] = CONFIDENTIAL
    return node


def target_source(article: ArticleData, claim: ClaimData) -> str:
    """The article's web address, or its text's SHA-256 when it has none (or only a non-web one)."""
    return fields.safe_url(article.article.url) or f"urn:sha256:{claim.version_sha256}"


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
    """The whole collection as one dict (``write`` makes the same file without holding its items)."""
    doc = _head(report)
    doc["first"]["items"] = [annotation(report, a, c) for a, c in report.claims]
    return doc


def _head(report: Report) -> dict:
    """The collection with an empty ``items`` list: ``total`` comes from the count, not from the items."""
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
        homepage = fields.safe_url(report.organisation_url)
        if homepage:
            org["homepage"] = homepage
        out["creator"] = org
    out.update({
        "generator": {"type": "Software", "name": f"factcheck {__version__}"},
        "generated": report.generated_at,
        "total": report.claim_count,
        "first": {"id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage", "startIndex": 0, "items": []},
    })
    return out


#: Passes over the report's claims a file takes (what progress counts to).
PASSES = 1


def write(report: Report, out: TextIO) -> None:
    """The collection into ``out``, pretty-printed around one annotation per line, written as each is made.

    Each annotation is serialized by json's fast (C) encoder on its own line; an indented
    dump of 5,000 would go through the pure-Python encoder, several times slower.
    """
    head = json.dumps(_head(report), ensure_ascii=False, indent=1)
    marker = '"items": []'  # JSON escapes the quotes of any such text inside a value: this is the key
    if not report.claim_count:
        out.write(head + "\n")
        return
    before, after = head.split(marker, 1)
    out.write(before + '"items": [\n')
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for i, (article, claim) in enumerate(report.claims):
        out.write((",\n   " if i else "   ") + encode(annotation(report, article, claim)))
        report.progress(1)
    out.write("\n  ]" + after + "\n")


def render(report: Report) -> bytes:
    buffer = io.StringIO()
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")
