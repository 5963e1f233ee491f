"""One gathering step shared by every export format: what a report shows, read once.

``gather`` reads the chosen articles, their current text, the claims that pass the
status filter (in reading order, numbered per article), each claim's citations with
their sources, ratings, the public corrections and the organisation's settings.
Confidential sources are replaced by a redacted stand-in here, before any format sees
them, unless the selection explicitly includes them for internal use.

Corrections come from ``Project.corrections()``; their before/after values (JSON of the
changed verdict fields) are turned into text here, rating keys into the scale's labels.
A retracted verdict's claim is deleted, so it is not among a report's claims; its
article's corrections still list the retraction, with the quote and the reason.

A report's data is in its language: the before/after text of corrections is written in
the project's report language (``Report.report_language``); everything else here is the
project's own text. Errors are ``N_`` sentences, shown in the app's language.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import pathlib
from collections.abc import Iterable

from factcheck.core import anchoring, model, ratings, reuse, review
from factcheck.core.errors import KnownError
from factcheck.core.settings import LOGO_TYPES
from factcheck.core.text import N_, Text
from factcheck.exporters._words import CONFIDENTIAL_LABEL, ENGLISH, STANCE_LABELS, STATUS_WORDS, UNTITLED_SOURCE, Words

#: Statuses exported when the user does not choose: verdicts an editor has signed off.
DEFAULT_STATUSES = (model.APPROVED, model.PUBLISHED)
UNRATED_COLOR = "#78909c"  # the article view's colour for a claim without a rating


@dataclasses.dataclass(frozen=True)
class Selection:
    """Which claims an export holds.

    Attributes:
        article_ids: the articles to export, in the order given; ``None`` means all.
        statuses: review statuses to include (default: approved and published).
        include_confidential: export confidential sources with their details (internal
            reports only); by default they appear as "Confidential source".
    """

    article_ids: tuple[str, ...] | None = None
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    include_confidential: bool = False

    def __post_init__(self) -> None:
        # Accept any iterable (a list from click or the dialog) but store tuples.
        if self.article_ids is not None and not isinstance(self.article_ids, tuple):
            object.__setattr__(self, "article_ids", tuple(self.article_ids))
        if not isinstance(self.statuses, tuple):
            object.__setattr__(self, "statuses", tuple(self.statuses))


class NothingToExport(KnownError):
    """The selection holds no claim: nothing is written."""


@dataclasses.dataclass(frozen=True)
class AttachmentData:
    """A file of the evidence vault as a report lists it: its name and the SHA-256 that proves it unchanged."""

    name: str
    sha256: str
    size: int
    mime: str


@dataclasses.dataclass(frozen=True)
class SourceData:
    id: str
    title: str
    url: str
    publisher: str
    author: str
    published_at: str
    kind: str
    confidential: bool
    redacted: bool  # True: a confidential source whose details are withheld
    attachments: tuple[AttachmentData, ...] = ()  # the source's own evidence files (none when redacted)

    @property
    def label(self) -> str:
        return self.title or self.url or UNTITLED_SOURCE


@dataclasses.dataclass(frozen=True)
class CitationData:
    stance: str
    quote: str
    locator: str
    source: SourceData
    attachments: tuple[AttachmentData, ...] = ()  # files attached to this citation (none when redacted)

    @property
    def stance_label(self) -> str:
        return STANCE_LABELS.get(self.stance, self.stance)


@dataclasses.dataclass(frozen=True)
class CorrectionData:
    claim_id: str
    claim_number: int  # 0: the claim is not in the report (its verdict was retracted)
    at: str
    by: str
    before: str
    after: str
    reason: str
    kind: str = "correction"  # or "retraction"
    quote: str = ""  # the claim's words, for a retracted claim (it has no number to point at)

    @property
    def retracted(self) -> bool:
        return self.kind == review.RETRACTION


@dataclasses.dataclass(frozen=True)
class ClaimData:
    claim: model.Claim
    number: int  # 1.. in reading order within its article
    rating: ratings.Rating | None
    citations: tuple[CitationData, ...]
    corrections: tuple[CorrectionData, ...]
    version_sha256: str  # of the version the claim's offsets refer to
    version_number: int
    version_imported_at: str
    in_text: bool  # its words are highlighted in the current text (not orphaned)
    #: The page(s) of the original its words are on ("12", "12–13"), "" when the version has no pages.
    page: str = ""
    #: "Based on the check of 24 October 2025 (…)": the verdict was copied from an earlier check (core/reuse.py).
    based_on: str = ""

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def quote(self) -> str:
        return self.claim.exact

    @property
    def claim_reviewed(self) -> str:
        """What a ClaimReview calls the claim: the statement as checked, else the quote."""
        return self.claim.statement.strip() or self.claim.exact

    @property
    def color(self) -> str:
        return self.rating.color if self.rating else UNRATED_COLOR

    @property
    def rating_label(self) -> str:
        return self.rating.label if self.rating else ""

    @property
    def approved_date(self) -> str:
        return (self.claim.approved_at or "")[:10]

    @property
    def published_date(self) -> str:
        return (getattr(self.claim, "published_at", None) or "")[:10]


@dataclasses.dataclass(frozen=True)
class ArticleData:
    article: model.Article
    version: model.Version  # the current version (its text is what a report shows)
    claims: tuple[ClaimData, ...]
    #: Corrections of claims whose signed-off verdict was retracted (and so are not in ``claims``).
    retractions: tuple[CorrectionData, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.version.text

    @property
    def corrections(self) -> list[CorrectionData]:
        out = [c for claim in self.claims for c in claim.corrections] + list(self.retractions)
        return sorted(out, key=lambda c: (c.at, c.claim_number))


@dataclasses.dataclass(frozen=True)
class Report:
    organisation_name: str
    organisation_url: str
    methodology: str
    scale: ratings.Scale
    articles: tuple[ArticleData, ...]
    selection: Selection
    generated_at: str
    factcheck_url_pattern: str = ""
    report_language: str = "en"
    #: The organisation's logo as (bytes, MIME type), or None; the type is one of core's ``LOGO_TYPES``.
    logo: tuple[bytes, str] | None = None

    @property
    def logo_data_uri(self) -> str:
        """The logo as a ``data:`` URI for an ``<img>`` ("" without a logo)."""
        if self.logo is None:
            return ""
        data, mime = self.logo
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    @property
    def claim_count(self) -> int:
        return sum(len(a.claims) for a in self.articles)

    @property
    def claims(self) -> Iterable[tuple[ArticleData, ClaimData]]:
        for article in self.articles:
            for claim in article.claims:
                yield article, claim

    @property
    def today(self) -> str:
        return self.generated_at[:10]


def check_selection(selection: Selection) -> None:
    unknown = [s for s in selection.statuses if s not in model.STATUSES]
    if unknown:
        raise KnownError(N_(
            "{status} is not a review status; use one of: {statuses}.",
            status=repr(unknown[0]), statuses=", ".join(model.STATUSES),
        ))


def describe_statuses(statuses: Iterable[str]) -> Text | str:
    """``("approved", "published")`` -> "approved or published" (a ``Text``, each word translatable)."""
    words = [STATUS_WORDS.get(s) or s.replace("_", " ") for s in statuses]
    if not words:
        return N_("of any chosen status")
    if len(words) == 1:
        return words[0]
    out = N_("{first} or {last}", first=words[-2], last=words[-1])
    for word in reversed(words[:-2]):
        out = N_("{first}, {rest}", first=word, rest=out)
    return out


def gather(project, selection: Selection = Selection()) -> Report:
    """Read everything an export needs; raises ``NothingToExport`` for an empty selection."""
    check_selection(selection)
    settings = project.settings()
    scale = project.scale
    all_articles = project.articles()
    if selection.article_ids is None:
        chosen = all_articles
    else:
        by_id = {a.id: a for a in all_articles}
        chosen = []
        for article_id in selection.article_ids:
            if article_id not in by_id:
                raise KnownError(N_("There is no article with id {id} in this project.", id=repr(article_id)))
            if by_id[article_id] not in chosen:
                chosen.append(by_id[article_id])
    if not chosen:
        raise NothingToExport(N_("Nothing to export: no articles were chosen.") if selection.article_ids is not None
                              else N_("Nothing to export: the project has no articles."))

    statuses = set(selection.statuses)
    rating_of = {r.key: r for r in scale.ratings}
    sources = {s.id: s for s in project.sources(include_deleted=True)}
    citations_by_claim: dict[str, list[model.Citation]] = {}
    for citation in project.citations():
        citations_by_claim.setdefault(citation.claim_id, []).append(citation)
    language = str(settings.get("report_language") or "en")
    corrections = _corrections(project, scale, Words(language))
    retracted = _retracted(project, corrections, statuses)
    based_on = reuse.based_on(project)
    redacted: dict[str, SourceData] = {}
    source_cache: dict[str, SourceData] = {}
    evidence: dict[str, list[AttachmentData]] = {}  # source id or citation id -> its files
    for a in project.attachments():
        evidence.setdefault(a.citation_id or a.source_id, []).append(AttachmentData(a.name, a.sha256, a.size, a.mime))

    def source_data(source_id: str) -> SourceData:
        if source_id in source_cache:
            return source_cache[source_id]
        s = sources[source_id]
        if s.confidential and not selection.include_confidential:
            data = SourceData(s.id, CONFIDENTIAL_LABEL, "", "", "", "", "", True, True)
            redacted[s.id] = data
        else:
            data = SourceData(s.id, s.title, s.url, s.publisher, s.author, s.published_at, s.kind,
                              bool(s.confidential), False, tuple(evidence.get(s.id, ())))
        source_cache[source_id] = data
        return data

    versions: dict[str, model.Version] = {}

    def version_meta(version_id: str) -> model.Version:
        if version_id not in versions:
            versions[version_id] = project.version(version_id)
        return versions[version_id]

    def page_of(claim: model.Claim) -> str:
        page_map = project.page_map(claim.version_id)
        return page_map.span(claim.start, claim.end) if page_map else ""

    articles = []
    for article in chosen:
        current = project.current_version(article.id)
        versions[current.id] = current
        picked = [c for c in project.claims(article.id) if c.status in statuses]
        # Reading order: words in the current text first, then claims whose words are gone.
        in_text = [c for c in picked if c.version_id == current.id and c.anchor_state != anchoring.ORPHANED]
        anchored = {c.id for c in in_text}
        elsewhere = [c for c in picked if c.id not in anchored]
        claims = []
        for number, claim in enumerate(in_text + elsewhere, start=1):
            version = version_meta(claim.version_id)
            cites = tuple(
                CitationData(
                    c.stance,
                    "" if source_data(c.source_id).redacted else c.quote,
                    "" if source_data(c.source_id).redacted else c.locator,
                    source_data(c.source_id),
                    () if source_data(c.source_id).redacted else tuple(evidence.get(c.id, ())),
                )
                for c in citations_by_claim.get(claim.id, ())
                if c.source_id in sources
            )
            fixes = tuple(
                CorrectionData(claim.id, number, *row) for row in corrections.get(claim.id, ())
            )
            claims.append(ClaimData(
                claim=claim, number=number, rating=rating_of.get(claim.rating), citations=cites, corrections=fixes,
                version_sha256=version.sha256, version_number=version.number,
                version_imported_at=version.imported_at, in_text=number <= len(in_text), page=page_of(claim),
                based_on=_based_on(based_on[claim.id], Words(language)) if claim.id in based_on else "",
            ))
        gone = tuple(
            CorrectionData(claim.id, 0, *row, quote=claim.exact)
            for claim in retracted.get(article.id, ()) for row in corrections[claim.id]
        )
        if claims or gone:
            articles.append(ArticleData(article, current, tuple(claims), gone))

    if not articles:
        where = N_("in this project") if selection.article_ids is None else (
            N_("in the chosen article") if len(chosen) == 1 else N_("in the {n} chosen articles", n=len(chosen)))
        raise NothingToExport(N_(
            "Nothing to export: no claims {where} have the status {statuses}.",
            where=where, statuses=describe_statuses(selection.statuses),
        ))
    return Report(
        organisation_name=str(settings.get("organisation_name") or ""),
        organisation_url=str(settings.get("organisation_url") or ""),
        methodology=str(settings.get("methodology") or ""),
        scale=scale,
        articles=tuple(articles),
        selection=selection,
        generated_at=model.now(),
        factcheck_url_pattern=str(settings.get("factcheck_url_pattern") or ""),
        report_language=language,
        logo=_logo(project),
    )


def _based_on(value: dict, words: Words) -> str:
    """Where a copied verdict came from, as a report sentence in its language (``timeline.based_on``'s words)."""
    T_ = words.T_
    where = str(value.get("url") or "") or pathlib.PurePath(str(value.get("project") or "")).name \
        or str(value.get("by") or "")
    date = words.date(str(value.get("date") or ""))
    if date and where:
        text = T_("based on the check of {date} ({where})", date=date, where=where)
    elif date:
        text = T_("based on the check of {date}", date=date)
    else:
        text = T_("based on an earlier check ({where})", where=where) if where else T_("based on an earlier check")
    return text[:1].upper() + text[1:]


def _logo(project) -> tuple[bytes, str] | None:
    """The organisation's logo when it is a picture of a known type (a file edited by hand may say otherwise)."""
    logo = project.logo()
    if logo is None or not logo[0]:
        return None
    data, mime = logo
    mime = str(mime or "").strip().lower()
    return (bytes(data), mime) if mime in LOGO_TYPES else None


def _corrections(
    project, scale: ratings.Scale, words: Words = ENGLISH,
) -> dict[str, list[tuple[str, str, str, str, str, str]]]:
    """The public corrections log by claim id: ``(at, by, before, after, reason, kind)`` rows.

    Before/after values name their fields in the language of ``words`` (the report's).
    """
    out: dict[str, list[tuple[str, str, str, str, str, str]]] = {}
    for fix in project.corrections():
        out.setdefault(fix.claim_id, []).append(
            (fix.at, fix.by, readable(fix.before, scale, words), readable(fix.after, scale, words), fix.reason,
             fix.kind)
        )
    return out


def _retracted(project, corrections: dict[str, list[tuple]], statuses: set[str]) -> dict[str, list[model.Claim]]:
    """Claims whose verdict was retracted, by article id: those a report of ``statuses`` had shown."""
    out: dict[str, list[model.Claim]] = {}
    for claim_id, rows in corrections.items():
        if not any(row[5] == review.RETRACTION for row in rows):
            continue
        claim = project.claim(claim_id)
        if claim.deleted_at and claim.status in statuses:
            out.setdefault(claim.article_id, []).append(claim)
    return out




def readable(value: str, scale: ratings.Scale | None = None, words: Words = ENGLISH) -> str:
    """A correction's before/after value as text: ``{"rating": "false"}`` -> "rating: False".

    Field names are in the language of ``words`` (the report's); the values are the project's.
    """
    value = value or ""
    if value[:1] not in "{[":
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    if isinstance(data, dict):
        parts = []
        for key, item in data.items():
            if key == "rating" and scale is not None:
                rating = scale.get(item)
                item = rating.label if rating else (item or words.no_rating())
            parts.append(f"{words.field(key)}: {item}")
        return "; ".join(parts)
    if isinstance(data, list):
        return ", ".join(map(str, data))
    return value
