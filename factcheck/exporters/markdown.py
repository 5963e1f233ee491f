"""Markdown: the article's text with each claim as a footnote (GitHub / Pandoc footnotes).

A footnote reference follows each claim's words; the footnote holds the rating, verdict
summary, quote, claimant, rationale, sources, who checked it and who reviewed it. All text
from the project is escaped (CommonMark backslash escapes, and line starts that would make
headings, lists, quotes or code), so user text such as ``<script>`` or ``{{ }}`` stays text
in any renderer and in templating site generators.

Written in the project's report language: every fixed word is a ``T_`` call
(``translation.report_text``), the same sentences as the HTML report's where they match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TextIO

from factcheck import __version__
from factcheck.exporters._data import ArticleData, ClaimData, Report
from factcheck.exporters._words import ENGLISH, Words
from factcheck.exporters.html_report import http_url

_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~!{}]")
_ORDERED = re.compile(r"^(\d+)([.)])")
_SAFE_AUTOLINK = re.compile(r"^[^\s<>`\\]+$")


def _backslash(match: re.Match) -> str:
    return "\\" + match.group(1)


def _inline(text: str) -> str:
    """Backslash-escape inline Markdown syntax.

    Braces become character references instead: a backslash would still leave "{{" or
    "{%" for the template engines of static site generators (Liquid, Hugo) to run.
    """
    if not _SPECIAL.search(text):
        return text
    text = _INLINE.sub(_backslash, text)
    if "{" in text or "}" in text:
        text = text.replace("{", "&#123;").replace("}", "&#125;")
    return text


def _line_start(line: str) -> str:
    """Escape what would make a heading, quote, list, setext underline or code block."""
    line = line.lstrip()
    if line and line[0] in "#>+=-":
        return "\\" + line
    if line[:1].isdigit():
        return _ORDERED.sub(r"\1\\\2", line)
    return line


@functools.lru_cache(maxsize=4096)
def escape(text: str) -> str:
    """Markdown-escape one line or paragraph of user text (newlines become spaces)."""
    return escape_block(" ".join((text or "").split("\n")))


def escape_block(text: str) -> str:
    """Markdown-escape text that may hold several lines; each line keeps its own escaping."""
    return "\n".join(_line_start(_inline(line.strip())) for line in (text or "").split("\n"))


def link(url: str) -> str:
    """An http(s) URL as an autolink; anything else as escaped text."""
    if http_url(url) and _SAFE_AUTOLINK.match(url.strip()):
        return f"<{url.strip()}>"
    return escape(url)


def _label(index: int) -> str:
    return f"[^{index}]"


def _article_text(article: ArticleData, first: int) -> str:
    """Paragraphs of the current text with a footnote reference after each claim's words.

    ``first``: the label of the article's claim 1 (footnotes are numbered across the report).
    """
    text = article.text
    refs: dict[int, list[int]] = {}
    for claim in article.anchored():
        refs.setdefault(claim.end, []).append(claim.number)
    pieces: list[str] = []
    at = 0
    for end in sorted(refs):
        pieces.append(_escape_runs(text[at:end], at == 0 or text[at - 1] == "\n"))
        pieces.append("".join(_label(first - 1 + number) for number in sorted(refs[end])))
        at = end
    pieces.append(_escape_runs(text[at:], at == 0 or text[at - 1] == "\n"))
    joined = "".join(pieces)
    paragraphs = [p for p in joined.split("\n") if p.strip()]
    return "\n\n".join(paragraphs)


def _escape_runs(text: str, line_start: bool) -> str:
    """Escape a run of article text; line starts are escaped only where a line starts."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        escaped = _inline(line)
        if i > 0 or line_start:  # a paragraph starts here
            escaped = _line_start(escaped)
        out.append(escaped)
    return "\n".join(out)


def _indent(block: str) -> str:
    """Continuation lines of a footnote: indented four spaces, blank lines kept blank."""
    return "\n".join(("    " + line) if line.strip() else "" for line in block.split("\n"))


def _review(claim: ClaimData, words: Words, credit: bool = True) -> str:
    """"Checked by X." (``_data.checker``; none if nobody did, or ``credit`` is off), then the review's sentence."""
    T_, checked = words.T_, claim.checked_by if credit else ""
    sentence = _reviewed(claim, words)
    return T_("Checked by {checker}.", checker=escape(checked)) + " " + sentence if checked else sentence


def _reviewed(claim: ClaimData, words: Words) -> str:
    """"Reviewed by X, approved <date>, published <date>." with the dates the claim has."""
    T_, c = words.T_, claim.claim
    if not c.approved_by:
        return T_("Not yet approved by a reviewer ({status}).", status=words.status(c.status))
    reviewer = escape(c.approved_by)
    approved, published = words.date(claim.approved_date), words.date(claim.published_date)
    if approved and published:
        return T_("Reviewed by {reviewer}, approved {approved}, published {published}.",
                  reviewer=reviewer, approved=approved, published=published)
    if approved:
        return T_("Reviewed by {reviewer}, approved {approved}.", reviewer=reviewer, approved=approved)
    if published:
        return T_("Reviewed by {reviewer}, published {published}.", reviewer=reviewer, published=published)
    return T_("Reviewed by {reviewer}.", reviewer=reviewer)


def _footnote(label: int, article: ArticleData, claim: ClaimData, words: Words = ENGLISH, credit: bool = True) -> str:
    T_ = words.T_
    c = claim.claim
    head = "**" + T_("Claim {number}: {rating}.", number=claim.number,
                     rating=escape(claim.rating_label or T_("Not rated"))) + "**"
    if c.verdict_summary:
        head += " " + escape(c.verdict_summary)
    if claim.based_on:
        head += " " + escape(claim.based_on) + "."
    body: list[str] = [f"> “{escape(c.exact)}”"]
    facts = []
    if c.statement:
        facts.append(T_("Statement: {statement}", statement=escape(c.statement)))
    who = ", ".join(x for x in (escape(c.claimant), c.claim_date and escape(words.date(c.claim_date))) if x)
    if who:
        facts.append(T_("Claimed by: {claimant}", claimant=who))
    if claim.page:
        facts.append(T_("pp. {page}", page=escape(claim.page)) if "–" in claim.page
                     else T_("p. {page}", page=escape(claim.page)))
    if c.anchor_state == "fuzzy":
        facts.append("*" + T_("The article’s wording here changed after this claim was checked.") + "*")
    elif not claim.in_text:
        facts.append("*" + T_("These words are no longer in the current version of the article.") + "*")
    if facts:
        body.append("  \n".join(facts))
    if c.rationale.strip():
        rationale = escape_block(c.rationale)
        body.append(f"**{T_('Why')}:** " + "\n\n".join(p for p in re.split(r"\n\s*\n", rationale) if p.strip()))
    if c.tags:
        body.append(T_("Topics: {tags}", tags=", ".join(escape(t) for t in c.tags)))
    if claim.citations:
        items = []
        for cite in claim.citations:
            s = cite.source
            stance = words.stance(cite.stance)
            if s.redacted:
                items.append(f"- {stance}: *{words.source_label(s)}*")
                continue
            item = f"- {stance}: {escape(words.source_label(s))}"
            if s.publisher:
                item += f", {escape(s.publisher)}"
            if s.published_at:
                item += f" ({escape(words.date(s.published_at))})"
            if s.confidential:
                item += f" **{T_('(confidential)')}**"
            if s.url and s.url != s.label:
                item += f", {link(s.url)}"
            elif s.url:
                item = f"- {stance}: {link(s.url)}"
            if cite.locator:
                item += f", {escape(cite.locator)}"
            if cite.quote:
                item += f": “{escape(cite.quote)}”"
            for f in (*s.attachments, *cite.attachments):
                item += "\n  - " + T_("Evidence: {name}, SHA-256 {sha}", name=escape(f.name), sha=f"`{f.sha256}`")
            items.append(item)
        body.append(f"{T_('Sources')}:\n\n" + "\n".join(items))
    body.append(_review(claim, words, credit))
    return f"[^{label}]: {head}\n\n" + "\n\n".join(_indent(b) for b in body)


#: Passes over the report's claims a file takes (what progress counts to).
PASSES = 1
#: A stream reads its claims as ``_data.ReportClaim``s: it uses no other field of a claim.
REPORT_CLAIMS = True


def write(report: Report, out: TextIO) -> None:
    """The file into ``out``, written as it is made."""
    for i, part in enumerate(_parts(report)):
        out.write("\n" + part if i else part)


def render_text(report: Report) -> str:
    return "\n".join(_parts(report))


def _parts(report: Report) -> Iterator[str]:
    """The file's lines and blocks, to be joined by line ends."""
    words = Words(report.report_language)
    T_ = words.T_
    firsts: list[int] = []  # the footnote label of each article's first claim
    label = 1
    for article in report.articles:
        firsts.append(label)
        label += len(article.claims)
    many = len(report.articles) > 1
    if many:
        title = T_("Fact-check: {n} articles", n=len(report.articles))
    else:
        title = T_("Fact-check: {title}", title=escape(report.articles[0].article.title))
    yield from (f"# {title}", "")
    meta = []
    if report.organisation_name:
        meta.append(f"**{escape(report.organisation_name)}**")
    n = report.claim_count
    meta += [T_("1 claim checked") if n == 1 else T_("{n} claims checked", n=n),
             T_("rating scale: {name}", name=escape(report.scale.name)),
             T_("report made {date}", date=words.date(report.today))]
    yield from (" · ".join(meta), "")
    if report.selection.include_confidential:
        yield from ("**" + T_("Internal report: it names confidential sources. Do not publish or share it outside "
                              "the newsroom.") + "**", "")
    for article, first in zip(report.articles, firsts):
        a = article.article
        if many:
            yield from (f"## {escape(a.title)}", "")
        details = [escape(x) for x in (a.outlet, a.author and T_("By {author}", author=a.author),
                                       a.published_at and T_("Published {date}", date=words.date(a.published_at))) if x]
        if a.url:
            details.append(link(a.url))
        details.append(T_("version {number}, text SHA-256 {sha}", number=article.version.number,
                          sha=article.version.sha256[:12]))
        yield from (" · ".join(details), "", "---", "")
        yield from (_article_text(article, first), "")
        gone = range(first + article.in_text_count, first + len(article.claims))  # their labels
        if gone:
            yield from (T_("Claims whose words are no longer in this version: {claims}",
                           claims=" ".join(_label(label) for label in gone)), "")
        yield from ("---", "", "### " + T_("Corrections"), "")
        corrections = article.corrections
        if corrections:
            for fix in corrections:
                when = words.date(fix.at[:10])
                if fix.retracted:
                    line = "- " + T_("{retracted} on the claim {quote}",
                                     retracted="**" + T_("{date}, verdict retracted", date=when) + "**",
                                     quote=f"“{escape(fix.quote)}”")
                elif fix.claim_number:
                    line = "- **" + T_("{date}, {claim}", date=when,
                                       claim=T_("claim {number}", number=fix.claim_number)) + "**"
                else:
                    line = "- **" + T_("{date}, {claim}", date=when,
                                       claim=T_("the claim {quote}", quote=f"“{escape(fix.quote)}”")) + "**"
                if fix.reason:
                    line += f": {escape(fix.reason)}"
                if fix.retracted:
                    yield line + f"  \n  {T_('Withdrawn verdict')}: {escape(fix.before)}"
                else:
                    yield (line + f"  \n  {T_('Before')}: {escape(fix.before)}"
                           f"  \n  {T_('After')}: {escape(fix.after)}")
            yield ""
        else:
            yield from (T_("No corrections have been made to these verdicts."), "")
    if report.methodology.strip():
        yield from ("### " + T_("How we check"), "", escape_block(report.methodology), "")
    made = T_("Made with {generator} on {date} {time} UTC.", generator=f"factcheck {__version__}",
              date=words.date(report.generated_at[:10]), time=report.generated_at[11:16])
    yield from (f"*{made}*", "")
    for article, first in zip(report.articles, firsts):
        for claim in article.claims:
            yield from (_footnote(first - 1 + claim.number, article, claim, words, report.credit_checkers), "")
            report.progress(1)


def render(report: Report) -> bytes:
    return render_text(report).encode("utf-8")
