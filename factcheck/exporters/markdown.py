"""Markdown: the article's text with each claim as a footnote (GitHub / Pandoc footnotes).

A footnote reference follows each claim's words; the footnote holds the rating, verdict
summary, quote, claimant, rationale and sources. All text from the project is escaped
(CommonMark backslash escapes, and line starts that would make headings, lists, quotes or
code), so user text such as ``<script>`` or ``{{ }}`` stays text in any renderer and in
templating site generators.
"""

from __future__ import annotations

import functools
import re

from factcheck import __version__
from factcheck.exporters._data import ArticleData, ClaimData, Report
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


def _article_text(article: ArticleData, labels: dict[str, int]) -> str:
    """Paragraphs of the current text with a footnote reference after each claim's words."""
    text = article.text
    refs: dict[int, list[ClaimData]] = {}
    for claim in article.claims:
        if claim.in_text:
            refs.setdefault(claim.claim.end, []).append(claim)
    pieces: list[str] = []
    at = 0
    for end in sorted(refs):
        pieces.append(_escape_runs(text[at:end], at == 0 or text[at - 1] == "\n"))
        pieces.append("".join(_label(labels[c.id]) for c in sorted(refs[end], key=lambda c: c.number)))
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


def _footnote(label: int, article: ArticleData, claim: ClaimData) -> str:
    c = claim.claim
    head = f"**Claim {claim.number}: {escape(claim.rating_label or 'Not rated')}.**"
    if c.verdict_summary:
        head += " " + escape(c.verdict_summary)
    body: list[str] = [f"> “{escape(c.exact)}”"]
    facts = []
    if c.statement:
        facts.append(f"Statement: {escape(c.statement)}")
    who = ", ".join(x for x in (escape(c.claimant), c.claim_date and escape(c.claim_date)) if x)
    if who:
        facts.append(f"Claimed by: {who}")
    if c.anchor_state == "fuzzy":
        facts.append("*The article’s wording here changed after this claim was checked.*")
    elif not claim.in_text:
        facts.append("*These words are no longer in the current version of the article.*")
    if facts:
        body.append("  \n".join(facts))
    if c.rationale.strip():
        rationale = escape_block(c.rationale)
        body.append("**Why:** " + "\n\n".join(p for p in re.split(r"\n\s*\n", rationale) if p.strip()))
    if c.tags:
        body.append("Topics: " + ", ".join(escape(t) for t in c.tags))
    if claim.citations:
        items = []
        for cite in claim.citations:
            s = cite.source
            if s.redacted:
                items.append(f"- {cite.stance_label}: *Confidential source*")
                continue
            item = f"- {cite.stance_label}: {escape(s.label)}"
            if s.publisher:
                item += f", {escape(s.publisher)}"
            if s.published_at:
                item += f" ({escape(s.published_at)})"
            if s.confidential:
                item += " **(confidential)**"
            if s.url and s.url != s.label:
                item += f", {link(s.url)}"
            elif s.url:
                item = f"- {cite.stance_label}: {link(s.url)}"
            if cite.locator:
                item += f", {escape(cite.locator)}"
            if cite.quote:
                item += f": “{escape(cite.quote)}”"
            items.append(item)
        body.append("Sources:\n\n" + "\n".join(items))
    if c.approved_by:
        review = (f"Reviewed by {escape(c.approved_by)}" + (f", approved {claim.approved_date}" if claim.approved_date else "")
                  + (f", published {claim.published_date}" if claim.published_date else "") + ".")
    else:
        review = f"Not yet approved by a reviewer ({c.status.replace('_', ' ')})."
    body.append(review)
    return f"[^{label}]: {head}\n\n" + "\n\n".join(_indent(b) for b in body)


def render_text(report: Report) -> str:
    labels: dict[str, int] = {}
    for i, (_, claim) in enumerate(report.claims, start=1):
        labels[claim.id] = i
    many = len(report.articles) > 1
    title = report.articles[0].article.title if not many else f"{len(report.articles)} articles"
    out = [f"# Fact-check: {escape(title)}", ""]
    meta = []
    if report.organisation_name:
        meta.append(f"**{escape(report.organisation_name)}**")
    meta += [f"{report.claim_count} claim{'s' if report.claim_count != 1 else ''} checked",
             f"rating scale: {escape(report.scale.name)}", f"report made {report.today}"]
    out += [" · ".join(meta), ""]
    if report.selection.include_confidential:
        out += ["**Internal report: it names confidential sources. Do not publish or share it outside the newsroom.**", ""]
    for article in report.articles:
        a = article.article
        if many:
            out += [f"## {escape(a.title)}", ""]
        details = [escape(x) for x in (a.outlet, a.author and f"By {a.author}", a.published_at and f"Published {a.published_at}") if x]
        if a.url:
            details.append(link(a.url))
        details.append(f"version {article.version.number}, text SHA-256 {article.version.sha256[:12]}")
        out += [" · ".join(details), "", "---", ""]
        out += [_article_text(article, labels), ""]
        gone = [c for c in article.claims if not c.in_text]
        if gone:
            out += ["Claims whose words are no longer in this version: "
                    + " ".join(_label(labels[c.id]) for c in gone), ""]
        out += ["---", "", "### Corrections", ""]
        if article.corrections:
            for fix in article.corrections:
                if fix.retracted:
                    line = f"- **{fix.at[:10]}, verdict retracted** on the claim “{escape(fix.quote)}”"
                elif fix.claim_number:
                    line = f"- **{fix.at[:10]}, claim {fix.claim_number}**"
                else:
                    line = f"- **{fix.at[:10]}, the claim “{escape(fix.quote)}”**"
                if fix.reason:
                    line += f": {escape(fix.reason)}"
                if fix.retracted:
                    out.append(line + f"  \n  Withdrawn verdict: {escape(fix.before)}")
                else:
                    out.append(line + f"  \n  Before: {escape(fix.before)}  \n  After: {escape(fix.after)}")
            out.append("")
        else:
            out += ["No corrections have been made to these verdicts.", ""]
    if report.methodology.strip():
        out += ["### How we check", "", escape_block(report.methodology), ""]
    out += [f"*Made with factcheck {__version__} on {report.generated_at[:16].replace('T', ' ')} UTC.*", ""]
    for article, claim in report.claims:
        out += [_footnote(labels[claim.id], article, claim), ""]
    return "\n".join(out)


def render(report: Report) -> bytes:
    return render_text(report).encode("utf-8")
