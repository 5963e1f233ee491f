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

``stream`` makes the same report as a ``Stream``: up front only counts per article; each
article's claims are read from SQL in batches of ``BATCH`` every time a writer walks them,
with the citations, sources, files and pages of that batch only (``_Reader``), so an export
of 100,000 claims holds one batch and one article's text. Read it inside
``project.store.snapshot()``. Both give writers the same claims, numbered the same way.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import pathlib
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from factcheck.core import anchoring, model, ratings, reuse, review
from factcheck.core.errors import Cancelled, KnownError
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


# A report makes a ClaimData for every claim it walks, each walk: named tuples, not frozen dataclasses,
# whose ``__init__`` sets each field through ``object.__setattr__`` (several times slower to make).


class CitationData(NamedTuple):
    stance: str
    quote: str
    locator: str
    source: SourceData
    attachments: tuple[AttachmentData, ...] = ()  # files attached to this citation (none when redacted)

    @property
    def stance_label(self) -> str:
        return STANCE_LABELS.get(self.stance, self.stance)


class CorrectionData(NamedTuple):
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


class ClaimData(NamedTuple):
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
    def checked_by(self) -> str:
        """Who checked the claim ("" for no one): see ``checker``."""
        return checker(self.claim)

    @property
    def approved_date(self) -> str:
        return (self.claim.approved_at or "")[:10]

    @property
    def published_date(self) -> str:
        return (getattr(self.claim, "published_at", None) or "")[:10]


def checker(claim: model.Claim | ReportClaim) -> str:
    """Who checked a claim, as reports credit it ("Checked by …", the CSV's ``checked_by``); "" for no one.

    The review queue's checker: who submitted it for review, else who made it, i.e.
    ``COALESCE(submitted_by, created_by)`` (``Claims.review_queue_rows``, the ``claims_checker``
    index). Not whoever last edited the verdict: a reviewer's edits do not make them its checker.
    """
    return checkers((claim,))[0]


def checkers(claims: Iterable[model.Claim | ReportClaim]) -> list[str]:
    """``checker`` of each of a batch of claims, where its rule is written (a comprehension: a CSV column of
    100,000 claims in 12 ms rather than the 30 ms of a call for each)."""
    return [(c.created_by if c.submitted_by is None else c.submitted_by) or "" for c in claims]


class ReportClaim(NamedTuple):
    """A claim as the reports read it (HTML, PDF, Markdown, CSV, ClaimReview): the fields of ``model.Claim`` they
    use, by the same names. A stream made with ``report_claims`` reads these 21 columns rather than all 32 and
    makes each row a tuple, in C, rather than a ``Claim`` (the Web Annotation file needs whole claims)."""

    id: str
    article_id: str
    version_id: str
    start: int
    end: int
    exact: str
    anchor_state: str
    statement: str
    claimant: str
    claim_date: str
    checkworthiness: int | None
    rating: str | None
    verdict_summary: str
    rationale: str
    status: str
    approved_at: str | None
    approved_by: str | None
    published_at: str | None
    created_by: str  # with ``submitted_by``: who checked it (``checker``)
    submitted_by: str | None
    tags: tuple[str, ...]  # last: read as the JSON stored, decoded in its place


def _report_claims(rows: list[tuple]) -> list[ReportClaim]:
    """Rows of ``ReportClaim``'s fields as ``ReportClaim``s (``tuple.__new__``: a named tuple's own ``__new__``
    is a Python function, several times slower; tags decoded only where there are some)."""
    new, none = tuple.__new__, ((),)
    return [new(ReportClaim, row[:-1] + none if row[-1] == "[]" or not row[-1]
                else row[:-1] + (tuple(json.loads(row[-1])),)) for row in rows]


class Anchor(NamedTuple):
    """Where a claim's words are in its article's current text: what a report needs to mark them."""

    id: str
    number: int
    start: int
    end: int
    rating: ratings.Rating | None


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

    # What writers that stream ask (``Stream``'s articles answer from SQL, in batches):

    def brief_claims(self) -> Iterable[ClaimData]:
        """The claims, perhaps without citations, corrections, page and ``based_on`` (cheaper to read)."""
        return self.claims

    def anchored(self) -> Iterable[Anchor]:
        """Where the claims whose words are highlighted in the current text are, in reading order."""
        return [Anchor(c.id, c.number, c.claim.start, c.claim.end, c.rating) for c in self.claims if c.in_text]

    @property
    def in_text_count(self) -> int:
        return sum(1 for c in self.claims if c.in_text)


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
    #: Whether the reports say who checked each claim ("Checked by …"; the project's ``credit_checkers``).
    credit_checkers: bool = True
    #: Called with each (article, claim) a ClaimReview is made of, as it is made (``claimreview.Warnings.see``).
    on_review: Callable[[ArticleData, ClaimData], None] | None = dataclasses.field(default=None, compare=False)

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

    def rating_keys(self) -> set[str]:
        """The ratings the report's claims have ("" for unrated ones)."""
        return {c.claim.rating or "" for a in self.articles for c in a.brief_claims()}

    def brief_claims(self) -> Iterable[tuple[ArticleData, ClaimData]]:
        """``claims`` perhaps without citations, corrections, page and ``based_on`` (see ``ArticleData``)."""
        for article in self.articles:
            for claim in article.brief_claims():
                yield article, claim

    def progress(self, claims: int) -> None:
        """A writer wrote this many more claims (a ``Stream`` reports them, and may be cancelled)."""

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
    chosen = _chosen(project, selection)
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
        raise _nothing(selection, chosen)
    return Report(articles=tuple(articles), **_heading(project, settings, selection))


def _chosen(project, selection: Selection) -> list[model.Article]:
    """The selection's articles, in its order (once each); ``NothingToExport`` when there are none."""
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
    return chosen


def _nothing(selection: Selection, chosen: list) -> NothingToExport:
    """Why the chosen articles gave no claim, as an error to raise."""
    where = N_("in this project") if selection.article_ids is None else (
        N_("in the chosen article") if len(chosen) == 1 else N_("in the {n} chosen articles", n=len(chosen)))
    return NothingToExport(N_(
        "Nothing to export: no claims {where} have the status {statuses}.",
        where=where, statuses=describe_statuses(selection.statuses),
    ))


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


def _heading(project, settings: dict, selection: Selection) -> dict:
    """What a report says besides its articles (who made it, its scale and language, when): ``Report``'s fields."""
    return dict(
        organisation_name=str(settings.get("organisation_name") or ""),
        organisation_url=str(settings.get("organisation_url") or ""),
        methodology=str(settings.get("methodology") or ""),
        scale=project.scale,
        selection=selection,
        generated_at=model.now(),
        factcheck_url_pattern=str(settings.get("factcheck_url_pattern") or ""),
        report_language=str(settings.get("report_language") or "en"),
        logo=_logo(project),
        credit_checkers=settings.get("credit_checkers") is not False,
    )


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


# --- streams: the same report, its claims read from the project in batches as writers ask --------

#: Claims read at a time by a stream: queries naming their ids stay short, memory stays flat.
BATCH = 500
#: Sources a stream keeps between batches (a report cites the same few again and again).
SOURCE_CACHE = 2_000


class Progress:
    """How many claims writers have written of ``total``; asks ``callback(done, total)``, which returns
    False to cancel (``Cancelled``, from the next claim written or batch read)."""

    #: Claims between two calls of the callback.
    EVERY = 100

    def __init__(self, callback=None, total: int = 0):
        self.callback, self.total, self.done = callback, total, 0
        self._next = 0

    def add(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self._next:
            self._next = self.done + self.EVERY
            self.check()

    def check(self) -> None:
        if self.callback is not None and self.callback(min(self.done, self.total), self.total) is False:
            raise Cancelled(N_("The export was cancelled; nothing was written."))


@dataclasses.dataclass(frozen=True)
class Stream(Report):
    """A ``Report`` whose articles read their claims from the project in batches of ``BATCH`` each time a
    writer walks them: what a report holds at once is one batch and one article's text, not every claim.

    Made by ``stream``; read it inside ``project.store.snapshot()`` so every walk sees the same project.
    """

    ratings_used: frozenset[str] = frozenset()
    ticker: Progress = dataclasses.field(default_factory=Progress, compare=False, repr=False)

    def rating_keys(self) -> set[str]:
        return set(self.ratings_used)

    def progress(self, claims: int) -> None:
        self.ticker.add(claims)


class _Claims:
    """An article's claims in a ``Stream``: re-read from SQL, batch by batch, each time they are walked."""

    def __init__(self, reader: _Reader, article_id: str, version_id: str, total: int, in_text: int):
        self.reader, self.article_id, self.version_id = reader, article_id, version_id
        self.total, self.in_text = total, in_text

    def __len__(self) -> int:
        return self.total

    def __bool__(self) -> bool:
        return self.total > 0

    def __iter__(self) -> Iterator[ClaimData]:
        return self.walk(full=True)

    def anchors(self) -> Iterator[Anchor]:
        """``Anchor``s of the claims in the text (numbered as ``walk`` numbers them: they come first)."""
        if not self.in_text:
            return
        rating_of, new, first = self.reader.rating_of, tuple.__new__, 1  # (see _report_claims)
        for batch in self.reader.project.managers.claims.anchors_in_reading_order(
                self.article_id, self.version_id, self.reader.statuses, size=BATCH):
            self.reader.ticker.check()
            yield from [new(Anchor, (claim_id, number, start, end, rating_of.get(rating)))
                        for number, (claim_id, start, end, rating) in enumerate(batch, start=first)]
            first += len(batch)

    def walk(self, *, full: bool) -> Iterator[ClaimData]:
        number = 0
        for in_text in (True, False):
            if not (self.in_text if in_text else self.total - self.in_text):
                continue  # counted up front: no query that would walk the article's rows for nothing
            for batch in self.reader.claims(self.article_id, self.version_id, in_text):
                self.reader.ticker.check()
                made = self.reader.claim_data(batch, number + 1, in_text, full=full)
                number += len(batch)
                yield from made


@dataclasses.dataclass(frozen=True)
class _StreamedArticle(ArticleData):
    """An article of a ``Stream``: its text is read when asked for (and not kept), its claims are ``_Claims``."""

    reader: _Reader | None = dataclasses.field(default=None, compare=False, repr=False)
    corrected: bool = False  # some of its claims have public corrections

    @property
    def text(self) -> str:
        return self.reader.project.managers.articles.text(self.version.id, keep=False)

    @property
    def corrections(self) -> list[CorrectionData]:
        out = list(self.retractions)
        if self.corrected:
            out += [fix for claim in self.claims.walk(full=False) for fix in self.reader.corrections_of(claim)]
        return sorted(out, key=lambda c: (c.at, c.claim_number))

    def brief_claims(self) -> Iterable[ClaimData]:
        return self.claims.walk(full=False)

    def anchored(self) -> Iterable[Anchor]:
        return self.claims.anchors()

    @property
    def in_text_count(self) -> int:
        return self.claims.in_text


class _Reader:
    """What a stream's batches are made with: the project, the selection, and the little kept between batches."""

    def __init__(self, project, selection: Selection, scale: ratings.Scale, words: Words, ticker: Progress,
                 report_claims: bool = False):
        self.project, self.selection, self.scale, self.words, self.ticker = project, selection, scale, words, ticker
        self.report_claims = report_claims
        self.statuses = tuple(dict.fromkeys(selection.statuses))
        self.rating_of = {r.key: r for r in scale.ratings}
        self.fixes: dict[str, list[tuple]] = _corrections(project, scale, words)  # the public log: rare rows
        self.based_on = reuse.based_on(project)  # copied verdicts only
        self.sources: dict[str, SourceData] = {}
        self.versions: dict[str, model.Version] = {}  # the versions of the article being read
        self.has_evidence = bool(project.managers.attachments.counts())

    def claims(self, article_id: str, version_id: str, in_text: bool) -> Iterator[list[model.Claim | ReportClaim]]:
        """``Claims.in_reading_order``'s batches: ``ReportClaim``s when the stream was made with ``report_claims``."""
        claims = self.project.managers.claims
        if not self.report_claims:
            yield from claims.in_reading_order(article_id, version_id, self.statuses, in_text=in_text, size=BATCH)
            return
        for rows in claims.rows_in_reading_order(article_id, version_id, self.statuses, ReportClaim._fields,
                                                 in_text=in_text, size=BATCH):
            yield _report_claims(rows)

    def claim_data(self, batch: list[model.Claim | ReportClaim], first: int, in_text: bool, *,
                   full: bool) -> list[ClaimData]:
        """The batch's claims numbered from ``first``; ``full``: with their citations, corrections, page and
        ``based_on``, each read for the whole batch at once. (Made with ``tuple.__new__``: see ``_report_claims``.)"""
        if batch and batch[0].version_id not in self.versions:
            self.versions = {v.id: v for v in self.project.versions(batch[0].article_id)}
        versions, rating_of, new = self.versions, self.rating_of, tuple.__new__
        used = {claim.version_id for claim in batch}
        held = {}  # what a ClaimData takes from its claim's version, for each version of the batch
        for version_id in used:
            if version_id not in versions:
                versions[version_id] = self.project.version(version_id)
            v = versions[version_id]
            held[version_id] = (v.sha256, v.number, v.imported_at, in_text)
        if not full:
            return [new(ClaimData, (claim, number, rating_of.get(claim.rating), (), ()) + held[claim.version_id]
                                   + ("", ""))
                    for number, claim in enumerate(batch, start=first)]
        cites = self._citations(batch)
        paged = {version_id: page_map for version_id in used if (page_map := self.project.page_map(version_id))}
        fixes, based_on = self.fixes, self.based_on
        return [new(ClaimData, (
            claim, number, rating_of.get(claim.rating), cites.get(claim.id, ()),
            tuple(CorrectionData(claim.id, number, *row) for row in fixes[claim.id]) if claim.id in fixes else (),
        ) + held[claim.version_id] + (
            paged[claim.version_id].span(claim.start, claim.end) if paged and claim.version_id in paged else "",
            _based_on(based_on[claim.id], self.words) if claim.id in based_on else "",
        )) for number, claim in enumerate(batch, start=first)]

    def _citations(self, batch: list[model.Claim]) -> dict[str, tuple[CitationData, ...]]:
        """Claim id -> its citations as a report shows them (redacted where they must be), for a batch at once."""
        found: dict[str, list[model.Citation]] = {}
        for c in self.project.managers.sources.citations_of([claim.id for claim in batch]):
            found.setdefault(c.claim_id, []).append(c)
        if not found:
            return {}
        self._load_sources({c.source_id for cites in found.values() for c in cites})
        sources = self.sources
        files: dict[str, list[AttachmentData]] = {}
        if self.has_evidence:
            shown = [c.id for cites in found.values() for c in cites
                     if c.source_id in sources and not sources[c.source_id].redacted]
            for a in self.project.managers.attachments.of_owners((), shown):
                files.setdefault(a.citation_id, []).append(AttachmentData(a.name, a.sha256, a.size, a.mime))
        out, new = {}, tuple.__new__  # (see _report_claims)
        for claim_id, cites in found.items():
            made = []
            for c in cites:
                s = sources.get(c.source_id)
                if s is None:
                    continue
                if s.redacted:
                    made.append(new(CitationData, (c.stance, "", "", s, ())))
                else:
                    made.append(new(CitationData, (c.stance, c.quote, c.locator, s, tuple(files.get(c.id, ())))))
            out[claim_id] = tuple(made)
        return out

    def corrections_of(self, claim: ClaimData) -> list[CorrectionData]:
        return [CorrectionData(claim.id, claim.number, *row) for row in self.fixes.get(claim.id, ())]

    def _load_sources(self, source_ids: set[str]) -> None:
        missing = [i for i in source_ids if i not in self.sources]
        if not missing:
            return
        if len(self.sources) + len(missing) > SOURCE_CACHE:
            self.sources.clear()
            missing = list(source_ids)
        found = self.project.managers.sources.sources_by_id(missing)
        evidence: dict[str, list[AttachmentData]] = {}
        if self.has_evidence:
            shown = [i for i, s in found.items() if not s.confidential or self.selection.include_confidential]
            for a in self.project.managers.attachments.of_owners(shown, ()):
                evidence.setdefault(a.source_id, []).append(AttachmentData(a.name, a.sha256, a.size, a.mime))
        for source_id, s in found.items():
            if s.confidential and not self.selection.include_confidential:
                self.sources[source_id] = SourceData(s.id, CONFIDENTIAL_LABEL, "", "", "", "", "", True, True)
            else:
                self.sources[source_id] = SourceData(s.id, s.title, s.url, s.publisher, s.author, s.published_at,
                                                     s.kind, bool(s.confidential), False,
                                                     tuple(evidence.get(source_id, ())))


def stream(project, selection: Selection = Selection(), progress=None, *, report_claims: bool = False) -> Stream:
    """``gather``'s report, as a ``Stream``: what it reads up front is a few counts per article.

    ``progress(done, total)`` is asked as writers report the claims they wrote (``Report.progress``);
    its ``total`` is set by whoever knows how many passes a format makes (``Stream.ticker.total``).
    ``report_claims``: each ``ClaimData.claim`` is a ``ReportClaim`` (what the reports read), not a whole
    ``model.Claim``. Raises ``NothingToExport`` for an empty selection, with ``gather``'s sentences.
    """
    check_selection(selection)
    settings = project.settings()
    scale = project.scale
    chosen = _chosen(project, selection)
    statuses = set(selection.statuses)
    language = str(settings.get("report_language") or "en")
    ticker = Progress(progress)
    reader = _Reader(project, selection, scale, Words(language), ticker, report_claims)
    current = {}
    for article in chosen:
        version = project.versions(article.id)[-1]  # without its text
        current[article.id] = version
    counts = project.managers.claims.reading_counts({a: v.id for a, v in current.items()}, selection.statuses,
                                                    only=selection.article_ids is not None)
    # Retracted verdicts (their claims are deleted) and corrected claims, by article: both are rare.
    retracted: dict[str, list[CorrectionData]] = {}
    corrected: set[str] = set()
    for claim_id in reader.fixes:
        claim = project.claim(claim_id)
        if claim.status not in statuses:
            continue
        if claim.deleted_at:
            if any(row[5] == review.RETRACTION for row in reader.fixes[claim_id]):
                retracted.setdefault(claim.article_id, []).extend(
                    CorrectionData(claim.id, 0, *row, quote=claim.exact) for row in reader.fixes[claim_id])
        else:
            corrected.add(claim.article_id)
    articles = []
    used: set[str] = set()
    for article in chosen:
        total, in_text, keys = counts.get(article.id, (0, 0, set()))
        gone = tuple(retracted.get(article.id, ()))
        if total or gone:
            used |= keys
            articles.append(_StreamedArticle(
                article, current[article.id], _Claims(reader, article.id, current[article.id].id, total, in_text),
                gone, reader=reader, corrected=article.id in corrected))
    if not articles:
        raise _nothing(selection, chosen)
    return Stream(
        articles=tuple(articles), **_heading(project, settings, selection),
        ratings_used=frozenset(used),
        ticker=ticker,
    )
