"""The HTML report: one self-contained file (inline CSS, no script, nothing fetched).

The article's text with each claim highlighted in its rating's colour and numbered, a
card per claim (statement, claimant and date, rating, verdict summary, rationale, cited
sources with stance and quoted passage, who checked it, reviewer and approval date), the
corrections, the organisation's name and methodology, and the ClaimReview JSON-LD embedded
for search engines. Rendered by Jinja2 with autoescaping from ``resources/templates/``;
user text is always text, never markup.

``context`` builds what both templates read: ``report.html.j2`` (browsers, with print
CSS) and ``report_print.html.j2`` (the subset of HTML that ``QTextDocument`` lays out,
used for the PDF).

Both are written in the project's report language. The templates hold no words: they
get ``labels`` (templates such as "Claim {number}", translated by ``T_`` calls in
``labels``, filled in by the ``fill`` filter, which escapes the values) and whole
sentences made here; ``<html lang>`` is the report language.
"""

from __future__ import annotations

import codecs
import collections.abc
import dataclasses
import functools
import itertools
import operator
import re
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

import jinja2
from markupsafe import Markup, escape

from factcheck import __version__
from factcheck.core import fields, resources, segments
from factcheck.exporters import claimreview
from factcheck.exporters._data import Anchor, ArticleData, ClaimData, CorrectionData, Report, checkers
from factcheck.exporters._words import ENGLISH, Words

TEMPLATE = "report.html.j2"
PRINT_TEMPLATE = "report_print.html.j2"
#: Opacity of a claim's colour behind its words (the article view uses 70/255), deeper
#: where claims overlap.
TINT = 0.27
DEEP_TINT = 0.5


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["http_url"] = http_url
    env.filters["fill"] = fill
    env.filters["bdi"] = bdi
    env.filters["code"] = code
    return env


class Label(str):
    """A translated template ("Afirmación {number}") that remembers its English source."""

    english: str


def label_maker(words: Words):
    """``T_`` for ``labels``: the translated template itself, placeholders unfilled."""

    def T_(template: str) -> Label:  # noqa: N802 - the marker lupdate is told about
        made = Label(words.T_(template))
        made.english = template
        return made

    return T_


def labels(words: Words = ENGLISH) -> dict[str, Label]:
    """Every fixed word of the HTML and print templates, in the language of ``words``."""
    T_ = label_maker(words)
    return {
        "internal": T_("Internal report: it names confidential sources. Do not publish or share it outside "
                       "the newsroom."),
        "ratings": T_("Ratings"),
        "by": T_("By {author}"),
        "published": T_("Published {date}"),
        "version": T_("Version {number}, text SHA-256 {sha}"),
        "article": T_("The article"),
        "claims_checked": T_("Claims checked"),
        "claim": T_("Claim {number}"),
        "claims": T_("Claims {numbers}"),
        "not_rated": T_("Not rated"),
        "in_text": T_("↑ in the text"),
        "claimed_by": T_("Claimed by {claimant}"),
        "page": T_("p. {page}"),
        "pages": T_("pp. {page}"),
        "fuzzy": T_("The article’s wording here changed after this claim was checked."),
        "orphan": T_("These words are no longer in the current version of the article."),
        "verdict": T_("Verdict"),
        "why": T_("Why"),
        "topics": T_("Topics: {tags}"),
        "sources": T_("Sources"),
        "confidential_source": T_("Confidential source"),
        "confidential": T_("(confidential)"),
        "evidence": T_("Evidence kept"),
        # One evidence file under its source: "interview.mp3, SHA-256 9f86d0…".
        "evidence_file": T_("Evidence: {name}, SHA-256 {sha}"),
        # Before the review's sentence: "Checked by Ana. Reviewed by Eve, approved …" (``_data.checker``).
        "checked": T_("Checked by {checker}."),
        "reviewed": T_("Reviewed by {reviewer}."),
        "reviewed_approved": T_("Reviewed by {reviewer}, approved {approved}."),
        "reviewed_published": T_("Reviewed by {reviewer}, published {published}."),
        "reviewed_approved_published": T_("Reviewed by {reviewer}, approved {approved}, published {published}."),
        "not_approved": T_("Not yet approved by a reviewer ({status})."),
        "corrections": T_("Corrections"),
        # "<b>24 Oct, verdict retracted</b> on the claim “…”": the bold part is {retracted}.
        "retracted": T_("{date}, verdict retracted"),
        "retracted_on": T_("{retracted} on the claim {quote}"),
        "withdrawn": T_("Withdrawn verdict"),
        # "<b>24 Oct, claim 2</b>" or "<b>24 Oct, the claim “…”</b>": {claim} is one of the next two.
        "fix": T_("{date}, {claim}"),
        "fix_claim": T_("claim {number}"),
        "fix_quote": T_("the claim {quote}"),
        "before": T_("Before"),
        "after": T_("After"),
        "no_corrections": T_("No corrections have been made to these verdicts."),
        "how": T_("How we check"),
    }


@functools.lru_cache(maxsize=1024)
def _escaped(text: str) -> str:
    return str(escape(text))


def fill(template: str, **values) -> Markup:
    """A label with its values: the label's text is escaped, and so is every value that is not ``Markup``.

    (``Markup.format`` does the same through a Python formatter; this is several times quicker,
    which a report of 100,000 cards notices.)
    """
    escaped = {key: escape(value) for key, value in values.items()}
    try:
        return Markup(_escaped(template).format_map(escaped))
    except (KeyError, IndexError, ValueError, AttributeError):
        # A broken translation must never hide the words: the English template instead.
        return Markup(_escaped(getattr(template, "english", template)).format_map(escaped))


def bdi(text: str) -> Markup:
    """User text isolated for bidirectional layout (a name in Arabic inside a Spanish sentence)."""
    return Markup("<bdi>" + str(escape(text)) + "</bdi>")


def code(text: str) -> Markup:
    """A hash or identifier set in code type (escaped)."""
    return Markup("<code>" + str(escape(text)) + "</code>")


def http_url(url: str) -> str:
    """``url`` when it is a plain http(s) link, else "" (never ``javascript:`` or ``data:``): core's rule."""
    return _safe_url((url or "").strip())


#: Core's rule, cached: a report's cards cite the same few sources again and again.
_safe_url = functools.lru_cache(maxsize=1024)(fields.safe_url)


def _blend(color: str, alpha: float) -> str:
    """``color`` at ``alpha`` over white, as an opaque ``#rrggbb`` (prints and works in Qt)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * alpha) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _foreground(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.55 else "#ffffff"


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclasses.dataclass(frozen=True)
class RatingStyle:
    cls: str
    label: str
    description: str
    color: str
    tint: str
    deep: str
    fg: str


def rating_styles(report: Report, words: Words | None = None) -> dict[str, RatingStyle]:
    """CSS class and colours of each rating of the scale, plus ``""`` for unrated claims."""
    from factcheck.exporters._data import UNRATED_COLOR

    T_ = (words or Words(report.report_language)).T_
    out = {}
    for i, r in enumerate(report.scale.ratings):
        color = r.color if _HEX.match(r.color) else UNRATED_COLOR
        out[r.key] = RatingStyle(f"r{i}", r.label, r.description, color, _blend(color, TINT), _blend(color, DEEP_TINT),
                                 _foreground(color))
    out[""] = RatingStyle("rn", T_("Not rated"), "", UNRATED_COLOR, _blend(UNRATED_COLOR, TINT),
                          _blend(UNRATED_COLOR, DEEP_TINT), _foreground(UNRATED_COLOR))
    return out


@dataclasses.dataclass(slots=True)
class Piece:
    """A run of article text: plain (``cls`` empty) or covered by claims."""

    text: str
    cls: str = ""
    color: str = ""  # the tint behind the words (print template)
    overlap: bool = False
    title: str = ""  # "Claim 3" / "Claims 2, 3", in the report's language
    starts: tuple[Anchor, ...] = ()  # claims whose words begin here (their number goes first)


def pieces(article: ArticleData, styles: dict[str, RatingStyle], words: Words = ENGLISH) -> list[Piece]:
    """The current text cut into plain and highlighted runs (overlaps flattened)."""
    T_ = words.T_
    text = article.text
    anchored = list(article.anchored())
    by_id = {c.id: c for c in anchored}
    spans = {c.id: (c.start, c.end) for c in anchored}
    starts: dict[int, list[Anchor]] = {}
    for c in anchored:
        starts.setdefault(c.start, []).append(c)
    out: list[Piece] = []
    at = 0
    for seg in segments.segments((c.id, c.start, c.end) for c in anchored):
        if seg.start > at:
            out.append(Piece(text[at : seg.start]))
        overlap = len(seg.claim_ids) > 1
        if overlap:
            ids = segments.smallest_first(seg.claim_ids, spans)
            numbers = ", ".join(map(str, sorted(by_id[i].number for i in ids)))
            title = T_("Claims {numbers}", numbers=numbers)
            first = by_id[ids[0]]
        else:  # most words are under one claim: nothing to sort
            (only,) = seg.claim_ids
            first = by_id[only]
            title = T_("Claim {number}", number=first.number)
        style = styles[first.rating.key] if first.rating else styles[""]
        begun = starts.pop(seg.start, ())
        begin = tuple(sorted(begun, key=lambda c: c.number)) if len(begun) > 1 else tuple(begun)
        out.append(Piece(text[seg.start : seg.end], style.cls, style.deep if overlap else style.tint, overlap, title, begin))
        at = seg.end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out


def paragraphs(runs: list[Piece]) -> list[list[Piece]]:
    """Runs cut at line ends: one list of runs per paragraph (a claim may span several)."""
    out: list[list[Piece]] = [[]]
    for run in runs:
        lines = run.text.split("\n")
        for i, line in enumerate(lines):
            if i:
                out.append([])
            if line:
                out[-1].append(run if len(lines) == 1 else dataclasses.replace(run, text=line, starts=run.starts if i == 0 else ()))
    return out


class ArticleView:
    """What the templates read of one article: its text in runs and its corrections are made when first
    read, and go with the view (``ArticleViews`` makes a new one for each walk)."""

    def __init__(self, data: ArticleData, styles: dict[str, RatingStyle], words: Words, report: Report | None = None,
                 writer: _Writer | None = None, index: int = 0):
        self.data, self._styles, self._words, self._report, self._writer = data, styles, words, report, writer
        self.index = index  # its place in the report

    @property
    def text_html(self) -> Iterator[Markup]:
        """The article's text as the HTML report's paragraphs, a few at a time (``_Writer.paragraphs``)."""
        return self._writer.paragraphs(self.data)

    @property
    def cards(self) -> Iterator[Markup]:
        """The HTML report's cards of the claims, a batch at a time, each counted as written."""
        return self._writer.cards(self.index, self.data, self._report)

    @functools.cached_property
    def paragraphs(self) -> list[list[Piece]]:
        return paragraphs(pieces(self.data, self._styles, self._words))

    @functools.cached_property
    def corrections(self) -> list[CorrectionData]:
        return self.data.corrections

    @property
    def article(self):
        return self.data.article

    @property
    def claims(self) -> Iterator[ClaimData]:
        """The claims for the cards, each counted as written (``Report.progress``)."""
        for claim in self.data.claims:
            yield claim
            if self._report is not None:
                self._report.progress(1)


class ArticleViews(collections.abc.Sequence):
    """The report's articles as views, one made as the template reaches it: only that one's text is held."""

    def __init__(self, report: Report, styles: dict[str, RatingStyle], words: Words, writer: _Writer | None = None):
        self._report, self._styles, self._words, self._writer = report, styles, words, writer

    def _view(self, index: int) -> ArticleView:
        return ArticleView(self._report.articles[index], self._styles, self._words, self._report, self._writer, index)

    def __len__(self) -> int:
        return len(self._report.articles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._view(i) for i in range(len(self))[index]]
        return self._view(range(len(self))[index])

    def __iter__(self) -> Iterator[ArticleView]:
        for index in range(len(self)):
            yield self._view(index)


class _Reviews:
    """The ClaimReview JSON-LD of the report's claims, as the template writes it at the end of the page.

    The cards' walk makes each card's ClaimReview too (``add``) and keeps it in a temporary file, so
    the JSON-LD is copied from there rather than made in a second walk of every claim; an article
    whose cards were not made first (a template that wrote the JSON-LD before them) is walked here.
    """

    def __init__(self, report: Report):
        self.report = report
        self.texts = claimreview.Texts(report)
        self.spool: tempfile.TemporaryFile | None = None
        self.spooled: dict[int, tuple[int, int, int]] = {}  # article index -> (offset, bytes, claims)
        self._at: tuple[int, int, int] | None = None  # the article being spooled: (index, offset, claims)

    def begin(self, index: int) -> bool:
        """The cards of the ``index``-th article are about to be made: whether to keep their ClaimReviews."""
        if index in self.spooled:
            self._at = None
            return False
        if self.spool is None:
            self.spool = tempfile.TemporaryFile()
        self.spool.seek(0, 2)
        self._at = (index, self.spool.tell(), 0)
        return True

    def add(self, article: ArticleData, claims: list[ClaimData]) -> None:
        """The ClaimReviews of some of the article's claims, next in the spool (one write for them all)."""
        index, offset, count = self._at
        seen, text = self.report.on_review, self.texts.text
        made = []
        for claim in claims:
            if seen is not None:
                seen(article, claim)
            made.append(text(article, claim))
        self.spool.write(((", " if count else "") + claimreview.script_safe(", ".join(made))).encode("utf-8"))
        self._at = (index, offset, count + len(claims))

    def end(self) -> None:
        if self._at is not None:
            index, offset, count = self._at
            self.spooled[index] = (offset, self.spool.tell() - offset, count)
            self._at = None

    def __iter__(self) -> Iterator[Markup]:
        yield Markup("[")
        first = True
        for index, article in enumerate(self.report.articles):
            if index in self.spooled:
                offset, size, count = self.spooled[index]
                if count:
                    yield Markup("" if first else ", ")
                    yield from self._read(offset, size)
                    first = False
                self.report.progress(count)
                continue
            for claim in article.brief_claims():
                if self.report.on_review is not None:
                    self.report.on_review(article, claim)
                yield Markup(("" if first else ", ") + claimreview.script_safe(self.texts.text(article, claim)))
                first = False
                self.report.progress(1)
        yield Markup("]")

    def close(self) -> None:
        """Remove the temporary file (the report is written, or given up)."""
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    def _read(self, offset: int, size: int) -> Iterator[Markup]:
        decode = codecs.getincrementaldecoder("utf-8")().decode
        self.spool.seek(offset)
        while size > 0:
            chunk = self.spool.read(min(size, 1 << 16))
            size -= len(chunk)
            yield Markup(decode(chunk, final=size <= 0))

    def __str__(self) -> str:
        return "".join(self)

    __html__ = __str__


def context(report: Report) -> dict:
    words = Words(report.report_language)
    T_ = words.T_
    styles = rating_styles(report, words)
    words_of = labels(words)
    reviews = _Reviews(report)
    articles = ArticleViews(report, styles, words, _Writer(styles, words, words_of, reviews,
                                                                credit=report.credit_checkers))
    used = report.rating_keys()
    legend = [s for key, s in styles.items() if key in used]
    if len(report.articles) == 1:
        title = T_("Fact-check: {title}", title=report.articles[0].article.title)
    else:
        title = T_("Fact-check report: {n} articles", n=len(report.articles))
    n = report.claim_count
    generator = f"factcheck {__version__}"

    def reviewed(claim: ClaimData, reviewer: str) -> Markup:
        return _reviewed(words, words_of, claim, reviewer)

    return {
        "report": report,
        "lang": words.language,
        "labels": words_of,
        "title": title,
        "logo_alt": (T_("{name} logo", name=report.organisation_name) if report.organisation_name
                     else T_("Organisation logo")),
        "claims_line": T_("1 claim checked") if n == 1 else T_("{n} claims checked", n=n),
        "scale_line": T_("Rating scale: {name}", name=report.scale.name),
        "made_line": T_("Report made {date}", date=words.date(report.today)),
        "made_with": T_("Made with {generator} on {date} {time} UTC.", generator=generator,
                        date=words.date(report.generated_at[:10]), time=report.generated_at[11:16]),
        "date": words.date,
        "status": words.status,
        "stance": words.stance,
        "source_label": words.source_label,
        "reviewed": reviewed,
        "articles": articles,
        "styles": styles,
        "legend": legend,
        "jsonld": reviews,  # iterated: {% for part in jsonld %}
        "generator": generator,
        "style": lambda claim: styles[claim.rating.key] if claim.rating else styles[""],
        "internal": report.selection.include_confidential,
        "print_logo": None,  # the PDF fills it in: the logo as an image resource of its document
        "cut": "", "page": "",  # the PDF fills them in: where the print template may be laid out in pieces
    }


def _reviewed(words: Words, words_of: dict[str, Label], claim: ClaimData, reviewer: str) -> Markup:
    """"Reviewed by X, approved <date>, published <date>." with whichever dates the claim has."""
    approved, published = words.date(claim.approved_date), words.date(claim.published_date)
    if approved and published:
        key = "reviewed_approved_published"
    else:
        key = "reviewed_approved" if approved else "reviewed_published" if published else "reviewed"
    return fill(words_of[key], reviewer=reviewer, approved=approved, published=published)


def _e(value: object) -> str:
    """``value`` escaped as Jinja2's autoescape writes it (markupsafe's entities; ``Markup`` as it is).

    A plain string is escaped by ``str.replace`` here: ``markupsafe.escape`` makes a ``Markup``
    of every value, several times slower on the short strings of a card. Each ``replace`` is
    asked only when its character is there: ``in`` finds a character with ``memchr``, while
    ``replace`` counts it a character at a time (twenty times slower on text that has none).
    """
    kind = value.__class__
    if kind is str:
        if "&" in value:
            value = value.replace("&", "&amp;")
        if "<" in value:
            value = value.replace("<", "&lt;")
        if ">" in value:
            value = value.replace(">", "&gt;")
        if "'" in value:
            value = value.replace("'", "&#39;")
        if '"' in value:
            value = value.replace('"', "&#34;")
        return value
    if kind is int or kind is Markup:
        return str(value)
    return str(escape(value))


def _e_all(values: list[str]) -> list[str]:
    """``_e`` of each of these strings, escaped at once: joined by NUL, escaped, cut again.

    Five ``replace`` calls over a batch's text instead of five for each of its thousands of
    values (a NUL inside a value, never in a claim typed in the app, makes them go one by one).
    """
    try:
        parts = _e("\0".join(values)).split("\0")
    except TypeError:  # something other than text
        return [_e(v) for v in values]
    return parts if len(parts) == len(values) else [_e(v) for v in values]


def _filler(template: str, *keys: str) -> str:
    """The escaped template that ``fill(template, **values)`` fills when given these keys, found once: the
    translation, or the English template where the translation does not take them (``fill``'s rule).
    Fill it with ``format`` and values escaped already (``Markup`` ones as they are)."""
    try:
        _escaped(template).format_map(dict.fromkeys(keys, ""))
    except (KeyError, IndexError, ValueError, AttributeError):
        return _escaped(getattr(template, "english", template))
    return _escaped(template)


#: Cards made into one piece of the report at once (their text escaped together, their ClaimReviews written
#: to the spool together, progress told once).
CARDS_AT_ONCE = 100
#: Numbers and dates a writer keeps made (a report numbers each article's claims from 1 again).
_KEPT = 4096


class _Writer:
    """The parts of the HTML report made once per claim (the cards) or per run of text (the highlights),
    written in Python: Jinja2 spends about 100 µs on each card, a report of 100,000 claims 10 s.

    The markup is exactly what ``report.html.j2`` wrote with loops before (``tests/exporters``
    compare the bytes); the template places what these make. Every value from the project
    is escaped (``_e``, ``_e_all``), and labels filled as ``fill`` fills them, as the template's
    autoescape did.
    """

    def __init__(self, styles: dict[str, RatingStyle], words: Words, words_of: dict[str, Label],
                 reviews: _Reviews | None = None, *, credit: bool = True):
        self.styles, self.words, self.labels, self.reviews = styles, words, words_of, reviews
        self.credit = credit  # "Checked by …" on each card (the project's credit_checkers)
        self.not_rated = _e(words_of["not_rated"])
        self.in_text = _e(words_of["in_text"])
        self.fuzzy = f'<p class="note">{_e(words_of["fuzzy"])}</p>\n'
        self.orphan = f'<p class="note">{_e(words_of["orphan"])}</p>\n'
        self.verdict = _e(words_of["verdict"])
        self.why = f'<div class="label">{_e(words_of["why"])}</div>\n'
        self.sources = f'<div class="label">{_e(words_of["sources"])}</div>\n<ul class="sources">\n'
        self.confidential_source = f'<em>{_e(words_of["confidential_source"])}</em>\n'
        self.confidential = f' <strong>{_e(words_of["confidential"])}</strong>'
        self.evidence = f'<ul class="evidence" aria-label="{_e(words_of["evidence"])}">\n'
        self.fillers = {key: _filler(words_of[key], *keys) for key, keys in (
            ("claim", ("number",)), ("claimed_by", ("claimant",)), ("page", ("page",)), ("pages", ("page",)),
            ("topics", ("tags",)), ("evidence_file", ("name", "sha")), ("not_approved", ("status",)),
            ("checked", ("checker",)),
            *((key, ("reviewer", "approved", "published")) for key in (
                "reviewed", "reviewed_approved", "reviewed_published", "reviewed_approved_published")),
        )}
        # "Claims {numbers}", translated and escaped, a NUL where the numbers go (what T_ makes of any numbers).
        translated = words.T_  # the templates' markers are in ``labels`` (lupdate reads only ``T_(...)`` calls)
        self.claims_title = _e(translated("Claims {numbers}", numbers="\0"))
        self._heads: dict[str | None, tuple[str, str]] = {}
        self._numbers: dict[int, str] = {}
        self._titles: dict[int, str] = {}
        self._stances: dict[str, str] = {}
        self._statuses: dict[str, str] = {}
        self._dates: dict[str, str] = {}
        self._sources: dict[str, str] = {}
        self._checkers: dict[str, str] = {}  # a checker's name -> "Checked by … . ", escaped

    def _date(self, value: str) -> str:
        """``date(value)``, escaped (a report repeats the same few dates)."""
        done = self._dates.get(value)
        if done is None:
            if len(self._dates) > _KEPT:
                self._dates.clear()
            done = self._dates[value] = _e(self.words.date(value))
        return done

    def _status(self, status: str) -> str:
        done = self._statuses.get(status)
        if done is None:
            done = self._statuses[status] = self.words.status(status)
        return done

    def _stance(self, stance: str) -> str:
        done = self._stances.get(stance)
        if done is None:
            done = self._stances[stance] = (f'<li><span class="stance stance-{_e(stance)}">'
                                            f"{_e(self.words.stance(stance))}:</span>\n")
        return done

    def _number(self, number: int) -> str:
        """"Claim 3", filled and escaped, as a card's head says it."""
        done = self._numbers.get(number)
        if done is None:
            if len(self._numbers) > _KEPT:
                self._numbers.clear()
            done = self._numbers[number] = self.fillers["claim"].format(number=_e(number))
        return done

    def _title(self, number: int) -> str:
        """"Claim 3" as the title of the words of one claim (``pieces``' title), escaped."""
        done = self._titles.get(number)
        if done is None:
            if len(self._titles) > _KEPT:
                self._titles.clear()
            translated = self.words.T_  # its marker is in ``labels``
            done = self._titles[number] = _e(translated("Claim {number}", number=number))
        return done

    def _head(self, rating) -> tuple[str, str]:
        """A card's opening tag up to its id, and its badge, for a claim of this rating (None: unrated)."""
        key = rating.key if rating else None
        done = self._heads.get(key)
        if done is None:
            style = self.styles[key] if rating else self.styles[""]
            done = self._heads[key] = (f'<article class="card {style.cls}" id="claim-',
                                       _e(rating.label) if rating and rating.label else self.not_rated)
        return done

    def cards(self, index: int, article: ArticleData, report: Report | None) -> Iterator[Markup]:
        """The cards of the report's ``index``-th article; their ClaimReviews go to ``reviews`` as they are made."""
        keep = self.reviews is not None and self.reviews.begin(index)
        claims = iter(article.claims)
        while chunk := list(itertools.islice(claims, CARDS_AT_ONCE)):
            made = self.cards_of(chunk)
            if keep:
                self.reviews.add(article, chunk)
            if report is not None:
                report.progress(len(chunk))
            yield Markup(made)
        if keep:
            self.reviews.end()

    def cards_of(self, claims: list[ClaimData]) -> str:
        """The cards of these claims, made part by part for all of them (a list comprehension a part: quicker
        than a loop over the claims), their text escaped at once."""
        cs = [c.claim for c in claims]
        ids = _e_all([claim.id for claim in cs])
        fillers, in_text, numbers, dates = self.fillers, self.in_text, self._numbers, self._dates
        heads = [self._heads.get(c.rating.key if c.rating else None) or self._head(c.rating) for c in claims]
        parts = [
            [f'{head}{claim_id}">\n<div class="card-head"><span class="num">'
             f'{numbers.get(c.number) or self._number(c.number)}</span><span class="badge">{badge}</span>\n'
             + (f'<a class="back" href="#ref-{claim_id}">{in_text}</a></div>\n' if c.in_text else "</div>\n")
             for c, claim_id, (head, badge) in zip(claims, ids, heads)],
            [f'<p class="statement" dir="auto">{text}</p>\n' if text else ""
             for text in _e_all([claim.statement for claim in cs])],
            [f'<blockquote class="quote" dir="auto">“{text}”</blockquote>\n<p class="meta">'
             for text in _e_all([claim.exact for claim in cs])],
            [f'<span>{fillers["claimed_by"].format(claimant=f"<bdi>{text}</bdi>")}</span>' if text else ""
             for text in _e_all([claim.claimant for claim in cs])],
            [f"<span>{dates.get(day) or self._date(day)}</span>" if (day := claim.claim_date) else "" for claim in cs],
            [self._page(c.page) + "</p>\n" if c.page else "</p>\n" for c in claims],
            [self.fuzzy if claim.anchor_state == "fuzzy" else "" if c.in_text else self.orphan
             for c, claim in zip(claims, cs)],
            [f'<p class="summary" dir="auto"><strong>{self.verdict}</strong> {text}</p>\n' if text else ""
             for text in _e_all([claim.verdict_summary for claim in cs])],
            [f'<p class="note based-on" dir="auto">{_e(c.based_on)}</p>' if c.based_on else "" for c in claims],
            [f'{self.why}<div class="rationale" dir="auto">{text}</div>\n' if text else ""
             for text in _e_all([claim.rationale for claim in cs])],
            [self._tags(claim.tags) if claim.tags else "" for claim in cs],
            [self._citations(c.citations) if c.citations else "" for c in claims],
            [f'<p class="review">{checked}{self._review(claim, reviewer)}</p>\n</article>\n'
             for claim, reviewer, checked in zip(cs, _e_all([claim.approved_by or "" for claim in cs]),
                                                 self._checked(checkers(cs)) if self.credit else [""] * len(cs))],
        ]
        return "".join(["".join(card) for card in zip(*parts)])

    def _page(self, page: str) -> str:
        filler = self.fillers["pages"] if "–" in page else self.fillers["page"]
        return f'<span class="page">{filler.format(page=_e(page))}</span>'

    def _tags(self, tags: tuple[str, ...]) -> str:
        joined = ", ".join(f"<bdi>{_e(t)}</bdi>" for t in tags)
        return f'<p class="tags">{self.fillers["topics"].format(tags=joined)}</p>\n'

    def _citations(self, citations) -> str:
        return self.sources + "".join([self.citation(cite) for cite in citations]) + "</ul>\n"

    def _checked(self, names: list[str]) -> list[str]:
        """"Checked by … . " before each review sentence (``names``: the checkers); "" for a claim nobody checked.
        A newsroom has a few checkers: each one's sentence is made once."""
        done = self._checkers
        return [done[who] if who in done else self._checker(who) for who in names]

    def _checker(self, name: str) -> str:
        if len(self._checkers) > _KEPT:
            self._checkers.clear()
        filled = self.fillers["checked"].format(checker=f"<bdi>{_e(name)}</bdi>") + " " if name else ""
        self._checkers[name] = filled
        return filled

    def _review(self, claim, reviewer: str) -> str:
        """"Reviewed by … , approved …" (``reviewer``: who approved it, escaped), or why it is not yet approved."""
        if not reviewer:
            return self.fillers["not_approved"].format(status=_e(self._status(claim.status)))
        approved = self._date((claim.approved_at or "")[:10])
        published = self._date((claim.published_at or "")[:10])
        if approved and published:
            key = "reviewed_approved_published"
        else:
            key = "reviewed_approved" if approved else "reviewed_published" if published else "reviewed"
        return self.fillers[key].format(reviewer=f"<bdi>{reviewer}</bdi>", approved=approved, published=published)

    def citation(self, cite) -> str:
        """One cited source of a card, as an item of its list."""
        source = cite.source
        if source.redacted:
            return f"{self._stance(cite.stance)}{self.confidential_source}</li>\n"
        out = [self._stance(cite.stance), self._source(source)]
        if cite.locator:
            out.append(f", {_e(cite.locator)}")
        if cite.quote:
            out.append(f'<blockquote dir="auto">“{_e(cite.quote)}”</blockquote>\n')
        files = source.attachments + cite.attachments
        if files:
            out.append(self.evidence)
            for f in files:
                out.append(f'<li>{self.fillers["evidence_file"].format(name=bdi(f.name), sha=code(f.sha256))}</li>\n')
            out.append("</ul>\n")
        out.append("</li>\n")
        return "".join(out)

    def _source(self, source) -> str:
        """What a citation says of its (not redacted) source, up to the locator: the same for every citation of it."""
        done = self._sources.get(source.id)
        if done is None:
            if len(self._sources) > _KEPT:
                self._sources.clear()
            label = _e(self.words.source_label(source))
            url = http_url(source.url)
            out = [f'<a href="{_e(url)}" rel="noopener noreferrer nofollow"><bdi>{label}</bdi></a>' if url
                   else f"<bdi>{label}</bdi>"]
            if source.publisher:
                out.append(f", <bdi>{_e(source.publisher)}</bdi>")
            if source.author:
                out.append(f", <bdi>{_e(source.author)}</bdi>")
            if source.published_at:
                out.append(f" ({self._date(source.published_at)})")
            if source.confidential:
                out.append(self.confidential)
            if source.url and not url:
                out.append(f". <bdi>{_e(source.url)}</bdi>")
            done = self._sources[source.id] = "".join(out)
        return done

    def paragraphs(self, article: ArticleData) -> Iterator[Markup]:
        """The article's text as ``<p>`` paragraphs (one a line, as ``paragraphs`` cuts the runs), its claims'
        words marked and numbered."""
        styles = self.styles
        runs = self._runs(article)
        out = ['<p dir="auto">']
        for escaped, (_, cls, overlap, title, starts) in zip(_e_all([run[0] for run in runs]), runs):
            lines = escaped.split("\n") if "\n" in escaped else (escaped,)
            for i, line in enumerate(lines):
                if i:
                    out.append('</p>\n<p dir="auto">')
                    if len(out) >= 1024:
                        yield Markup("".join(out))
                        out.clear()
                if not line:
                    continue
                if not cls:
                    out.append(line)
                    continue
                out.append(f'<mark class="{cls}{" o" if overlap else ""}" title="{title}">')
                for c in starts if i == 0 else ():
                    style = styles[c.rating.key] if c.rating else styles[""]
                    claim_id = _e(c.id)
                    out.append(f'<a class="n {style.cls}" id="ref-{claim_id}" href="#claim-{claim_id}">{c.number}</a>')
                out.append(f"{line}</mark>")
        out.append("</p>\n")
        yield Markup("".join(out))

    def _runs(self, article: ArticleData) -> list[tuple[str, str, bool, str, tuple[Anchor, ...]]]:
        """``pieces``' runs as ``(text, cls, overlap, title escaped, starts)``, made in one walk over the anchors.

        ``pieces`` goes through ``segments.segments`` (a ``Segment`` and a frozen set for every run) and
        translates each title: most of the time of an HTML report's text. Here a claim whose words touch
        no other claim's (most) makes its run directly, and only the claims of a cluster that overlap
        are swept point by point. Claims' ids are unique, so no two neighbouring runs have the same
        claims, which ``segments`` would merge.
        """
        text = article.text
        every = sorted(article.anchored(), key=_START)  # claims of no words still lend their number
        spans = [c for c in every if c.end > c.start]
        every.append(_LAST)  # a sentinel: the walk below stops at it without counting
        styles, titles = self.styles, self._titles
        runs: list[tuple[str, str, bool, str, tuple[Anchor, ...]]] = []
        add = runs.append
        begun = at = i = 0
        while i < len(spans):
            c, j = spans[i], i + 1
            reach = c.end
            while j < len(spans) and spans[j].start < reach:
                reach = max(reach, spans[j].end)
                j += 1
            if j > i + 1:  # overlapping claims
                begun, at = self._sweep(text, spans[i:j], every, begun, at, add)
                i = j
                continue
            i, point = j, c.start
            if point > at:
                add((text[at:point], "", False, "", ()))
            begun, starts = _starting(every, begun, point)
            style = styles[c.rating.key] if c.rating else styles[""]
            add((text[point:reach], style.cls, False, titles.get(c.number) or self._title(c.number), starts))
            at = reach
        if at < len(text):
            add((text[at:], "", False, "", ()))
        return runs

    def _sweep(self, text: str, spans: list[Anchor], every: list[Anchor], begun: int, at: int,
               add) -> tuple[int, int]:
        """The runs of a cluster of overlapping claims (``spans``, by start), point by point as ``segments`` cuts
        them; ``every``: all the anchors by start, from ``begun`` on those not placed yet. Returns the new
        ``begun`` and where the text is written up to."""
        ends = sorted(spans, key=_END)
        points = sorted({c.start for c in spans}.union([c.end for c in spans]))
        spans, ends = [*spans, _LAST], [*ends, _LAST]
        styles = self.styles
        active: dict[str, Anchor] = {}
        opened = closed = 0
        for point, after in zip(points, points[1:]):
            while ends[closed].end == point:
                del active[ends[closed].id]
                closed += 1
            while spans[opened].start == point:
                active[spans[opened].id] = spans[opened]
                opened += 1
            if not active:
                continue
            if point > at:
                add((text[at:point], "", False, "", ()))
            if len(active) == 1:
                (first,) = active.values()
                title = self._titles.get(first.number) or self._title(first.number)
            else:  # smallest first, as segments.smallest_first orders them
                first = min(active.values(), key=_SMALLEST)
                numbers = ", ".join(map(str, sorted([c.number for c in active.values()])))
                title = self.claims_title.replace("\0", numbers)
            begun, starts = _starting(every, begun, point)
            style = styles[first.rating.key] if first.rating else styles[""]
            add((text[point:after], style.cls, len(active) > 1, title, starts))
            at = after
        return begun, at


def _starting(every: list[Anchor], begun: int, point: int) -> tuple[int, tuple[Anchor, ...]]:
    """The claims of ``every`` (by start, ``_LAST`` at the end) that start at ``point``, by number, as ``pieces``
    places their numbers at the run beginning there; the ones before it (of no words, or placed) are passed."""
    while every[begun].start < point:
        begun += 1
    starts = []
    while every[begun].start == point:
        starts.append(every[begun])
        begun += 1
    return begun, tuple(sorted(starts, key=_NUMBER)) if len(starts) > 1 else tuple(starts)


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")
_NUMBER = operator.attrgetter("number")
#: Past every anchor's start and end: where ``_Writer._runs``' walks stop.
_LAST = Anchor("", 0, sys.maxsize, sys.maxsize, None)


def _SMALLEST(anchor: Anchor) -> tuple[int, int, str]:  # noqa: N802 - a sort key, as the constants beside it
    return anchor.end - anchor.start, anchor.start, anchor.id


#: Passes over the report's claims a file takes (what progress counts to): the cards, then the JSON-LD.
PASSES = 2
#: A stream reads its claims as ``_data.ReportClaim``s: it uses no other field of a claim.
REPORT_CLAIMS = True


def write(report: Report, out: TextIO, template: str = TEMPLATE) -> None:
    """The report into ``out``, written as Jinja2 makes it (``generate``): article by article, card by card."""
    made = context(report)
    pending: list[str] = []
    size = 0
    try:
        for chunk in environment().get_template(template).generate(made):
            pending.append(chunk)
            size += len(chunk)
            if size >= 65_536:  # Jinja2 yields every piece of text: write them in bunches of 64 K characters
                out.write("".join(pending))
                pending.clear()
                size = 0
        out.write("".join(pending))
    finally:
        made["jsonld"].close()


def render_text(report: Report, template: str = TEMPLATE) -> str:
    made = context(report)
    try:
        return environment().get_template(template).render(made)
    finally:
        made["jsonld"].close()


def render(report: Report) -> bytes:
    return render_text(report).encode("utf-8")
