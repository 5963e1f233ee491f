"""What a web page says about itself: JSON-LD, Open Graph, meta tags, the canonical link.

Precedence, field by field (the first value found wins; html.py then falls back to what
trafilatura found, then to ``<title>``/``<h1>``):

- title: JSON-LD ``headline``, ``og:title``, ``twitter:title``.
- author: JSON-LD ``author`` names, ``<meta name=author>``, ``article:author`` (a name,
  not a profile URL).
- published_at: JSON-LD ``datePublished``, ``article:published_time``, then the
  ``date``/``pubdate``/``dc.date`` family of meta tags; kept as ``YYYY-MM-DD``.
- outlet: JSON-LD ``publisher`` name, ``og:site_name``, ``application-name``.
- url: ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``/``mainEntityOfPage``
  (http and https only). A web archive's captured URL beats all three (warc.py).
- language: ``<html lang>``, ``Content-Language``, JSON-LD ``inLanguage``, ``og:locale``.

JSON-LD comes first because a publisher writes it about this one article for search
engines (the headline without the site's name, every author, the publisher); Open Graph
is written for share previews (titles tuned for social media) and plain meta tags are
often a template's leftovers. For the address it is the other way round: the canonical
link is the publisher's own statement of where the page lives. The language the page
declares for its markup is what its text is in.

JSON-LD is untrusted input: a script that is not JSON, too large, too deeply nested or
full of values of the wrong type is skipped or read as far as it makes sense, never
raised. ``article_body`` (JSON-LD ``articleBody``) is only a claim: html.py uses it when
it agrees with the page's visible text (``_article_body.py``).
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import html as html_module
import json
import re
import urllib.parse

from factcheck.importers._normalize import collapse_spaces, normalize_text

#: JSON-LD ``@type``s read as the article (schema.org's Article and its news subtypes).
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
    "askpublicnewsarticle", "blogposting", "liveblogposting", "report", "scholarlyarticle",
    "techarticle", "satiricalarticle",
})
#: The same, in order of preference when a page describes several.
_PREFERRED = ("reportagenewsarticle", "newsarticle", "analysisnewsarticle", "opinionnewsarticle",
              "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "article")

#: Limits on JSON-LD: bigger scripts are skipped, deeper or larger structures are cut.
MAX_SCRIPTS = 50
MAX_SCRIPT_CHARS = 2_000_000
MAX_DEPTH = 12
MAX_NODES = 20_000
MAX_BODY_CHARS = 1_000_000
MAX_AUTHORS = 12
_FIELD_LIMIT = 1000

_URLISH = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_TAGS = re.compile(r"<[^<>]*>")
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


@dataclasses.dataclass(frozen=True)
class PageMetadata:
    """What a page declares about itself ('' where it declares nothing usable)."""

    title: str = ""
    author: str = ""
    published_at: str = ""
    outlet: str = ""
    url: str = ""
    language: str = ""
    description: str = ""
    #: JSON-LD ``articleBody``: a claim about the text, to be checked against the page.
    article_body: str = ""


def read(tree) -> PageMetadata:
    """The metadata of an lxml HTML tree (see the module docstring for precedence)."""
    if tree is None:
        return PageMetadata()
    meta = _meta_tags(tree)
    article = _json_ld_article(tree)

    def first(*values) -> str:
        for value in values:
            if value:
                return value
        return ""

    og_author = meta.get("article:author", "")
    if _URLISH.match(og_author):
        og_author = ""  # Facebook's article:author is often a profile link
    return PageMetadata(
        title=first(_line(article.get("headline")), _line(article.get("name")), meta.get("og:title"),
                    meta.get("twitter:title")),
        author=first(_authors(article.get("author")), meta.get("author"), og_author,
                     meta.get("dc.creator")),
        published_at=first(_date(article.get("datePublished")), _date(meta.get("article:published_time")),
                           *(_date(meta.get(name)) for name in (
                               "datepublished", "date", "pubdate", "publishdate", "publish-date",
                               "publication_date", "dc.date", "dc.date.issued", "dcterms.date",
                               "sailthru.date", "parsely-pub-date"))),
        outlet=first(_name(article.get("publisher")), meta.get("og:site_name"),
                     meta.get("application-name")),
        url=first(_canonical(tree), _http(meta.get("og:url")), _http(_line(article.get("url"))),
                  _http(_entity_id(article.get("mainEntityOfPage")))),
        language=first(_page_language(tree), _language(_line(article.get("inLanguage"))),
                       _language(meta.get("og:locale"))),
        description=first(meta.get("description"), meta.get("og:description"),
                          _line(article.get("description"))),
        article_body=_body(article.get("articleBody")),
    )


# --------------------------------------------------------------------------- meta tags


def _meta_tags(tree) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name, property or itemprop (the first one wins)."""
    found: dict[str, str] = {}
    for count, node in enumerate(tree.iter("meta")):
        if count > 2000:
            break
        content = node.get("content")
        if not content:
            continue
        content = _line(content)
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (node.get(attribute) or "").strip().lower()
            if key and content and key not in found:
                found[key] = content
    return found


def _canonical(tree) -> str:
    for node in tree.iter("link"):
        rel = (node.get("rel") or "").lower().split()
        if "canonical" in rel:
            url = _http(_line(node.get("href")))
            if url:
                return url
    return ""


def _page_language(tree) -> str:
    lang = (tree.get("lang") or tree.get("xml:lang")
            or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    if not lang:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content") or ""
                break
    return _language(lang)


# --------------------------------------------------------------------------- JSON-LD


def _json_ld_article(tree) -> dict:
    """The page's JSON-LD article object (preferring news types, then one with a body), or {}."""
    found: list[tuple[int, int, dict]] = []
    scripts = 0
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json":
            continue
        scripts += 1
        if scripts > MAX_SCRIPTS:
            break
        text = node.text or ""
        if len(text) > MAX_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(text.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
        except (ValueError, RecursionError, MemoryError):
            continue
        for item in _objects(data):
            kinds = _types(item)
            article_kinds = [k for k in kinds if k in ARTICLE_TYPES]
            if not article_kinds:
                continue
            rank = min((_PREFERRED.index(k) if k in _PREFERRED else len(_PREFERRED))
                       for k in article_kinds)
            found.append((rank, 0 if isinstance(item.get("articleBody"), str) else 1, item))
    if not found:
        return {}
    found.sort(key=lambda entry: (entry[0], entry[1]))  # stable: page order among equals
    return found[0][2]


def _objects(data):
    """The JSON objects in a JSON-LD document, breadth first (``@graph`` and nesting too),
    within ``MAX_DEPTH`` and ``MAX_NODES``."""
    queue = collections.deque([(data, 0)])
    seen = 0
    while queue and seen < MAX_NODES:
        value, depth = queue.popleft()
        seen += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            queue.extend((item, depth + 1) for item in value[:MAX_NODES])
        elif isinstance(value, dict):
            yield value
            for key in ("@graph", "mainEntity", "itemListElement"):
                inner = value.get(key)
                if isinstance(inner, (list, dict)):
                    queue.append((inner, depth + 1))


def _types(item: dict) -> list[str]:
    kinds = item.get("@type")
    if isinstance(kinds, str):
        kinds = [kinds]
    if not isinstance(kinds, list):
        return []
    names = []
    for kind in kinds[:20]:
        if isinstance(kind, str):
            # "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle"
            names.append(re.split(r"[/:#]", kind.strip())[-1].lower())
    return names


def _line(value) -> str:
    """A JSON-LD or attribute value as one line of text ('' for anything not a string)."""
    if isinstance(value, list):  # "headline": ["A", "B"]: the first string
        value = next((v for v in value[:20] if isinstance(v, str) and v.strip()), "")
    if not isinstance(value, str):
        return ""
    value = value[:_FIELD_LIMIT * 4]
    if "<" in value or "&" in value:
        value = html_module.unescape(_TAGS.sub(" ", value))
    return collapse_spaces(normalize_text(value))[:_FIELD_LIMIT]


def _name(value) -> str:
    """The name of a person or organisation given as a string, an object or a list of them."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name")
    name = _line(value)
    return "" if _URLISH.match(name) else name


def _authors(value) -> str:
    """Every author's name, joined with ", " (in order, without repeats)."""
    if not isinstance(value, list):
        value = [value]
    names: list[str] = []
    for item in value[:MAX_AUTHORS * 4]:
        name = _name(item)
        if name and name not in names:
            names.append(name)
        if len(names) >= MAX_AUTHORS:
            break
    return ", ".join(names)


def _entity_id(value) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _line(value)


def _date(value) -> str:
    """``YYYY-MM-DD`` from an ISO-8601 date or datetime ('' if it is not one)."""
    value = _line(value)
    match = _DATE.match(value)
    if not match:
        return ""
    try:
        datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return ""
    return match.group(1)


def _http(value: str | None) -> str:
    value = (value or "").strip()
    if not re.match(r"^https?://[^\s/]+", value, re.I) or len(value) > 2000:
        return ""
    try:
        urllib.parse.urlsplit(value)  # "https://[example.org/": not an IPv6 address, and no address at all
    except ValueError:
        return ""
    return value


def _language(value: str | None) -> str:
    """A language tag as written ("en-GB"); ``og:locale``'s "en_GB" becomes "en-GB"."""
    value = collapse_spaces((value or "").split(",")[0]).replace("_", "-")
    return value[:35] if re.fullmatch(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*", value) else ""


def _body(value) -> str:
    """JSON-LD ``articleBody`` as plain text with its line breaks ('' if not a string)."""
    if isinstance(value, list):
        value = "\n\n".join(v for v in value[:1000] if isinstance(v, str))
    if not isinstance(value, str) or len(value) > MAX_BODY_CHARS:
        return ""
    if "<" in value or "&" in value:
        value = html_module.unescape(_TAGS.sub(" ", value))
    return normalize_text("\n".join(collapse_spaces(line) for line in value.splitlines()))
