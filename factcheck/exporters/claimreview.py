"""schema.org ClaimReview JSON-LD, one per claim, as search engines and fact-check databases read it.

Follows schema.org and Google's ClaimReview guidance: ``url`` is the page where the
fact-check is published, on the publisher's own site: the article's *fact-check URL*
with a ``#claim-<id>`` fragment, else the project's fact-check URL pattern filled in;
never the checked article, which is the claim's ``appearance``,
``datePublished`` the date the verdict was published (else approved; else today),
``author`` the organisation, ``itemReviewed`` a ``Claim`` whose author is the claimant
and whose ``appearance``/``firstAppearance`` is the article, and ``reviewRating`` a
``Rating`` whose ``alternateName`` is the rating's label, with ``ratingValue`` /
``bestRating`` / ``worstRating`` only when the scale gives the rating a number.

The file is a JSON array of ClaimReview objects, each with its own ``@context``, so any
one of them can be pasted into a page as is.

``inLanguage`` is the project's report language (the language the published fact-check is
written in), and so is the one word factcheck writes itself (the stand-in name of an
unnamed organisation). ``report_warnings`` are ``N_`` sentences the app shows in its own
language.
"""

from __future__ import annotations

import functools
import io
import json
import re
import urllib.parse
from collections.abc import Iterator
from typing import TextIO

from factcheck.core import fields, settings
from factcheck.core.text import N_, Text
from factcheck.exporters._data import ArticleData, ClaimData, Report
from factcheck.exporters._words import Words

CONTEXT = "https://schema.org"
#: Google shows at most this many characters of ``claimReviewed``.
MAX_CLAIM_REVIEWED = 75

#: Words that mark a claimant as an organisation rather than a person.
_ORGANISATION_WORDS = re.compile(
    r"\b(agency|association|bank|board|bureau|campaign|center|centre|church|club|commission|committee|company|"
    r"corp|corporation|council|court|department|federation|foundation|fund|government|group|inc|institute|"
    r"ltd|ministry|network|news|office|organi[sz]ation|party|press|presidency|reuters|service|society|"
    r"team|times|treasury|tribune|union|university|white house)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,9}$")
#: Core's http(s)-only rule, cached: every claim of an article asks it about the same few URLs.
_safe_url = functools.lru_cache(maxsize=1024)(fields.safe_url)


@functools.lru_cache(maxsize=4096)
def _claimant_type(name: str) -> str:
    """"Organization" for names that look like one (AFP, Associated Press), else "Person".

    Person names often carry an organisation in their title ("Scott Bessent, US
    Treasury Secretary"): only the part before the first comma is judged.
    """
    head = name.split(",")[0].strip()
    if _ACRONYM.match(head) or _ORGANISATION_WORDS.search(head):
        return "Organization"
    return "Person"


def _organisation(report: Report) -> dict:
    T_ = Words(report.report_language).T_
    org: dict = {"@type": "Organization", "name": report.organisation_name or T_("Unnamed organisation")}
    url = _safe_url(report.organisation_url)
    if url:
        org["url"] = url
    return org


def _appearance(article: ArticleData) -> dict | None:
    """Where the claims of an article appeared: the article, as a CreativeWork."""
    a = article.article
    appearance: dict = {"@type": "CreativeWork"}
    url = _safe_url(a.url)
    if url:
        appearance["url"] = url
    if a.title:
        appearance["headline"] = a.title
    if a.published_at:
        appearance["datePublished"] = a.published_at
    if a.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": a.outlet}
    return appearance if len(appearance) > 1 else None


def claim_url(report: Report, article: ArticleData, claim: ClaimData) -> str:
    """Where the review of one claim is published: the article's fact-check URL, else the pattern.

    Only http(s) URLs count: a ``javascript:`` or ``data:`` URL kept in an old file is
    never written where a search engine or a page would follow it.
    """
    base = _safe_url(article.article.factcheck_url)
    if base:
        return base.split("#", 1)[0] + f"#claim-{claim.id}"
    template = _url_template(report.factcheck_url_pattern, article.article.id)
    if template is not None and _PLAIN_ID.match(claim.claim.id):
        return template.replace(_CLAIM, claim.claim.id)
    return _safe_url(settings.fill_url_pattern(report.factcheck_url_pattern, article.article.id, claim.claim.id))


_CLAIM = "{claim}"
_PLAIN_ID = re.compile(r"[0-9A-Za-z-]+\Z")


@functools.lru_cache(maxsize=256)
def _url_template(pattern: str, article_id: str) -> str | None:
    """``claim_url`` for an article's claims with ``{claim}`` left in, checked once rather than per claim.

    Only when the claim's id lands in the path, query or fragment: an id of letters, digits
    and dashes there cannot make a safe URL unsafe, nor an unsafe one safe. None: check each.
    """
    filled = settings.fill_url_pattern(pattern, article_id, _CLAIM)
    try:
        parts = urllib.parse.urlsplit(filled)
    except ValueError:
        return None
    if not filled or _CLAIM in parts.scheme or _CLAIM in parts.netloc:
        return None
    return fields.safe_url(filled)


def review(report: Report, article: ArticleData, claim: ClaimData, *, _shared: dict | None = None) -> dict:
    """The ClaimReview of one claim, as a JSON-ready dict.

    ``_shared`` lets ``reviews`` build the organisation and the article's appearance once.
    """
    shared = _shared if _shared is not None else {}
    if "author" not in shared:
        shared["author"] = _organisation(report)
        shared["language"] = Words(report.report_language).language
    if shared.get("article") is not article:
        shared["article"], shared["appearance"] = article, _appearance(article)
    c = claim.claim
    item: dict = {"@type": "Claim"}
    if c.claimant:
        item["author"] = {"@type": _claimant_type(c.claimant), "name": c.claimant}
    if c.claim_date:
        item["datePublished"] = c.claim_date
    if shared["appearance"] is not None:
        item["appearance"] = item["firstAppearance"] = shared["appearance"]
    out: dict = {"@context": CONTEXT, "@type": "ClaimReview"}
    url = claim_url(report, article, claim)
    if url:
        out["url"] = url
    out["claimReviewed"] = claim.claim_reviewed
    out["author"] = shared["author"]
    out["datePublished"] = claim.published_date or claim.approved_date or report.today
    out["inLanguage"] = shared["language"]
    out["itemReviewed"] = item
    rating = claim.rating
    if rating is not None:
        value: dict = {"@type": "Rating", "alternateName": rating.label}
        if rating.value is not None:
            value.update(ratingValue=rating.value, bestRating=report.scale.best, worstRating=report.scale.worst)
        if c.verdict_summary:
            value["ratingExplanation"] = c.verdict_summary
        out["reviewRating"] = value
    return out


#: Passes over the report's claims a file takes (what progress counts to).
PASSES = 1
#: A stream reads its claims as ``_data.ReportClaim``s: it uses no other field of a claim.
REPORT_CLAIMS = True


def iter_reviews(report: Report) -> Iterator[dict]:
    """The ClaimReview of each claim, made as it is asked for (a review needs no citation: brief claims do)."""
    shared: dict = {}
    for article, claim in report.brief_claims():
        yield review(report, article, claim, _shared=shared)


def reviews(report: Report) -> list[dict]:
    return list(iter_reviews(report))


#: JSON as the files hold it: json.dumps' separators, text as it is (not \u-escaped).
_encode = json.JSONEncoder(ensure_ascii=False).encode
#: ``_encode`` of a string (the encoder's own function for one, without the call through ``encode``).
_string = json.encoder.encode_basestring


class Texts:
    """Each claim's ClaimReview as JSON text, the same characters as ``_encode(review(...))``.

    Written from pieces made once per report (the author), per article (the appearance) and per
    rating, with only the claim's own values encoded for each: encoding every nested dictionary
    again took most of the time of a ClaimReview file or an HTML report's JSON-LD of 100,000 claims.
    """

    def __init__(self, report: Report):
        self.report = report
        self.head = f'{{"@context": {_encode(CONTEXT)}, "@type": "ClaimReview", '
        self.tail = (f', "author": {_encode(_organisation(report))}, "datePublished": ', ', "inLanguage": '
                     f'{_encode(Words(report.report_language).language)}, "itemReviewed": ')
        self._article: ArticleData | None = None
        self._appearance = ""
        self._url: tuple[str, str | None] = ("", None)  # the article's: see ``_url_of``
        self._ratings: dict[str, str] = {}

    def _rating(self, rating) -> str:
        """The reviewRating of a rating, up to its explanation."""
        done = self._ratings.get(rating.key)
        if done is None:
            value: dict = {"@type": "Rating", "alternateName": rating.label}
            if rating.value is not None:
                value.update(ratingValue=rating.value, bestRating=self.report.scale.best,
                             worstRating=self.report.scale.worst)
            done = self._ratings[rating.key] = _encode(value)[:-1]
        return done

    def _url_of(self, article: ArticleData, claim: ClaimData) -> str:
        """``claim_url``, from what it needs of the article found once: its fact-check URL up to the claim's id,
        or the pattern's URL with ``{claim}`` left in."""
        base, template = self._url
        if base:
            return base + claim.id
        if template is not None and _PLAIN_ID.match(claim.id):
            return template.replace(_CLAIM, claim.id)
        return claim_url(self.report, article, claim)

    def text(self, article: ArticleData, claim: ClaimData) -> str:
        """The ClaimReview of one claim of ``article`` (claims of one article come one after another)."""
        if article is not self._article:
            appearance = _appearance(article)
            self._article = article
            self._appearance = "" if appearance is None else \
                f', "appearance": {(done := _encode(appearance))}, "firstAppearance": {done}'
            base = _safe_url(article.article.factcheck_url)
            self._url = (base.split("#", 1)[0] + "#claim-", None) if base else \
                ("", _url_template(self.report.factcheck_url_pattern, article.article.id))
        c = claim.claim
        url = self._url_of(article, claim)
        claimant, rating = c.claimant, claim.rating
        if rating is None:
            verdict = ""
        else:
            explanation = f', "ratingExplanation": {_string(c.verdict_summary)}' if c.verdict_summary else ""
            verdict = f', "reviewRating": {self._rating(rating)}{explanation}}}'
        return "".join((
            self.head, f'"url": {_string(url)}, ' if url else "",
            '"claimReviewed": ', _string(claim.claim_reviewed), self.tail[0],
            _string(claim.published_date or claim.approved_date or self.report.today), self.tail[1],
            '{"@type": "Claim"',
            f', "author": {{"@type": {_string(_claimant_type(claimant))}, "name": {_string(claimant)}}}'
            if claimant else "",
            f', "datePublished": {_string(c.claim_date)}' if c.claim_date else "",
            self._appearance, "}", verdict, "}",
        ))


def iter_texts(report: Report) -> Iterator[str]:
    """``iter_reviews`` as JSON text, one ClaimReview at a time (``report.on_review`` sees each claim first)."""
    texts = Texts(report)
    seen = report.on_review
    for article, claim in report.brief_claims():
        if seen is not None:
            seen(article, claim)
        yield texts.text(article, claim)


def write(report: Report, out: TextIO) -> None:
    """The file into ``out``, one ClaimReview a line (readable, diffable)."""
    out.write("[\n")
    for i, text in enumerate(iter_texts(report)):
        out.write(",\n" + text if i else text)
        report.progress(1)
    out.write("\n]\n")


def render(report: Report) -> bytes:
    buffer = io.StringIO()
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")


def script_safe(text: str) -> str:
    """JSON text safe to put between ``<script type="application/ld+json">`` tags.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc. (still the same JSON strings), so
    user text such as ``</script>`` or ``<!--`` cannot end or confuse the element.
    """
    for char, code in _SCRIPT_UNSAFE:
        if char in text:  # (``in`` is quicker than a ``replace`` that finds nothing: see ``html_report._e``)
            text = text.replace(char, code)
    return text


_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _rating_word_pattern(label: str) -> re.Pattern:
    words = [re.escape(w) for w in label.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def report_warnings(report: Report) -> list[Text]:
    """Sentences for claims whose ClaimReview search engines may show badly (``Text``: the app translates them)."""
    return list(iter_warnings(report))


def iter_warnings(report: Report) -> Iterator[Text]:
    """``report_warnings`` one by one: the articles' first, then each claim's in order."""
    found = Warnings(report)
    yield from found.kept
    for article, claim in report.brief_claims():
        yield from found.of_claim(article, claim)


class Warnings:
    """``report_warnings`` of a report, found as its claims go by (``see``), so that a file of ClaimReviews
    is checked as it is written rather than in a walk of its own: the first ``keep`` kept, the rest counted."""

    def __init__(self, report: Report, keep: int | None = None):
        self.keep, self.more = keep, 0
        self.kept: list[Text] = []
        self.patterns = [(r.label, _rating_word_pattern(r.label)) for r in report.scale.ratings if r.label.strip()]
        # Each pattern starts with its label's first word: in ASCII text without any of those words
        # (most statements) no pattern can match, and looking for words is quicker than running them.
        firsts = {label.split()[0].lower() for label, _ in self.patterns}
        self.quick = all(word.isascii() for word in firsts)
        self.firsts = re.compile("|".join(map(re.escape, sorted(firsts))) or "(?!)")  # any of them, in one search
        self.many = len(report.articles) > 1
        if not report.organisation_name.strip():  # the author would be "Unnamed organisation"
            self._add(N_("The ClaimReviews name no author (search engines show who checked the claim): set the "
                         "organisation's name in File > Project settings."))
        missing = [a.article.title for a in report.articles
                   if not _safe_url(a.article.factcheck_url) and not report.factcheck_url_pattern]
        if len(missing) == 1:
            self._add(N_("The ClaimReviews of “{title}” have no url (search engines require the page where the "
                         "fact-check is published): set the fact-check URL in Article > Properties, or a "
                         "fact-check URL pattern in File > Project settings.", title=missing[0]))
        elif missing:
            self._add(N_("The ClaimReviews of {n} articles have no url (search engines require the page where the "
                         "fact-check is published): set the fact-check URL in Article > Properties, or a "
                         "fact-check URL pattern in File > Project settings.", n=len(missing)))

    def _add(self, warning: Text) -> None:
        if self.keep is None or len(self.kept) < self.keep:
            self.kept.append(warning)
        else:
            self.more += 1

    def see(self, article: ArticleData, claim: ClaimData) -> None:
        reviewed = claim.claim_reviewed
        if claim.rating is not None and len(reviewed) <= MAX_CLAIM_REVIEWED and self._no_rating_word(reviewed):
            return  # most claims: nothing to say, and no generator made to say it
        for warning in self.of_claim(article, claim):
            self._add(warning)

    def _no_rating_word(self, reviewed: str) -> bool:
        """Whether ``reviewed`` surely holds no rating's first word (then no pattern can match)."""
        return self.quick and reviewed.isascii() and not self.firsts.search(reviewed.lower())

    def of_claim(self, article: ArticleData, claim: ClaimData) -> Iterator[Text]:
        reviewed = claim.claim_reviewed
        long = len(reviewed) > MAX_CLAIM_REVIEWED
        if self._no_rating_word(reviewed):
            found = []
        else:
            found = [label for label, pattern in self.patterns if pattern.search(reviewed)]
        if not (long or found or claim.rating is None):
            return
        if self.many:
            name = N_("Claim {number} of “{title}”", number=claim.number, title=article.article.title)
        else:
            name = N_("Claim {number}", number=claim.number)
        if long:
            yield N_(
                "{claim}: the claim reviewed is {length} characters long; search engines show at most "
                "{limit}, so shorten its statement.", claim=name, length=len(reviewed), limit=MAX_CLAIM_REVIEWED,
            )
        if found:
            word = max(found, key=len)  # "Mostly true" rather than the "True" inside it
            yield N_(
                "{claim}: the claim reviewed contains the rating word “{word}”, which readers may take "
                "for the verdict; reword its statement.", claim=name, word=word,
            )
        if claim.rating is None:
            yield N_("{claim} has no rating: its ClaimReview has no reviewRating.", claim=name)


def warnings(project, selection=None) -> list[Text]:
    """``report_warnings`` for the selected claims of a project."""
    from factcheck.exporters._data import Selection, gather

    return report_warnings(gather(project, selection or Selection()))
