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
from collections.abc import Iterable, Iterator
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


def iter_reviews(report: Report) -> Iterator[dict]:
    """The ClaimReview of each claim, made as it is asked for (a review needs no citation: brief claims do)."""
    shared: dict = {}
    for article, claim in report.brief_claims():
        yield review(report, article, claim, _shared=shared)


def reviews(report: Report) -> list[dict]:
    return list(iter_reviews(report))


def write(report: Report, out: TextIO) -> None:
    """The file into ``out``, one ClaimReview at a time."""
    # One ClaimReview per line: readable, diffable, and json's fast (C) encoder serializes
    # each (an indented dump goes through the pure-Python encoder, several times slower).
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[\n")
    for i, r in enumerate(iter_reviews(report)):
        out.write(",\n" + encode(r) if i else encode(r))
        report.progress(1)
    out.write("\n]\n")


def render(report: Report) -> bytes:
    buffer = io.StringIO()
    write(report, buffer)
    return buffer.getvalue().encode("utf-8")


def _script_safe(text: str) -> str:
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def script_json(data: object) -> str:
    """JSON safe to put between ``<script type="application/ld+json">`` tags.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc. (still the same JSON strings), so
    user text such as ``</script>`` or ``<!--`` cannot end or confuse the element.
    """
    return _script_safe(json.dumps(data, ensure_ascii=False))


def script_json_items(items: Iterable[object], progress=None) -> Iterator[str]:
    """``script_json`` of a list, in pieces as its items are made: the same text, never all of it at once.

    ``progress(1)`` is called after each item.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps' own separators: ", " between items
    yield "["
    for i, item in enumerate(items):
        yield (", " if i else "") + _script_safe(encode(item))
        if progress is not None:
            progress(1)
    yield "]"


def _rating_word_pattern(label: str) -> re.Pattern:
    words = [re.escape(w) for w in label.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def report_warnings(report: Report) -> list[Text]:
    """Sentences for claims whose ClaimReview search engines may show badly (``Text``: the app translates them)."""
    return list(iter_warnings(report))


def iter_warnings(report: Report) -> Iterator[Text]:
    """``report_warnings`` one by one: the articles' first, then each claim's in order."""
    missing = [a.article.title for a in report.articles
               if not _safe_url(a.article.factcheck_url) and not report.factcheck_url_pattern]
    if missing:
        if len(missing) == 1:
            yield N_("The ClaimReviews of “{title}” have no url (search engines require the page where the "
                     "fact-check is published): set the fact-check URL in Article > Properties, or a "
                     "fact-check URL pattern in File > Project settings.", title=missing[0])
        else:
            yield N_("The ClaimReviews of {n} articles have no url (search engines require the page where the "
                     "fact-check is published): set the fact-check URL in Article > Properties, or a "
                     "fact-check URL pattern in File > Project settings.", n=len(missing))
    patterns = [(r.label, _rating_word_pattern(r.label)) for r in report.scale.ratings if r.label.strip()]
    # Each pattern starts with its label's first word: in ASCII text without any of those words
    # (most statements) no pattern can match, and looking for words is quicker than running them.
    firsts = {label.split()[0].lower() for label, _ in patterns}
    quick = all(word.isascii() for word in firsts)
    many = len(report.articles) > 1
    for article, claim in report.brief_claims():
        reviewed = claim.claim_reviewed
        long = len(reviewed) > MAX_CLAIM_REVIEWED
        lowered = reviewed.lower() if quick and reviewed.isascii() else None
        if lowered is not None and not any(word in lowered for word in firsts):
            found = []
        else:
            found = [label for label, pattern in patterns if pattern.search(reviewed)]
        if not (long or found or claim.rating is None):
            continue
        if many:
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
