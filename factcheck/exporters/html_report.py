"""The HTML report: one self-contained file (inline CSS, no script, nothing fetched).

The article's text with each claim highlighted in its rating's colour and numbered, a
card per claim (statement, claimant and date, rating, verdict summary, rationale, cited
sources with stance and quoted passage, reviewer and approval date), the corrections,
the organisation's name and methodology, and the ClaimReview JSON-LD embedded for
search engines. Rendered by Jinja2 with autoescaping from ``resources/templates/``;
user text is always text, never markup.

``context`` builds what both templates read: ``report.html.j2`` (browsers, with print
CSS) and ``report_print.html.j2`` (the subset of HTML that ``QTextDocument`` lays out,
used for the PDF).
"""

from __future__ import annotations

import dataclasses
import functools
import re

import jinja2
from markupsafe import Markup

from factcheck import __version__
from factcheck.core import fields, resources, segments
from factcheck.exporters import claimreview
from factcheck.exporters._data import ArticleData, ClaimData, CorrectionData, Report

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
    return env


def http_url(url: str) -> str:
    """``url`` when it is a plain http(s) link, else "" (never ``javascript:`` or ``data:``): core's rule."""
    return fields.safe_url((url or "").strip())


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


def rating_styles(report: Report) -> dict[str, RatingStyle]:
    """CSS class and colours of each rating of the scale, plus ``""`` for unrated claims."""
    from factcheck.exporters._data import UNRATED_COLOR

    out = {}
    for i, r in enumerate(report.scale.ratings):
        color = r.color if _HEX.match(r.color) else UNRATED_COLOR
        out[r.key] = RatingStyle(f"r{i}", r.label, r.description, color, _blend(color, TINT), _blend(color, DEEP_TINT),
                                 _foreground(color))
    out[""] = RatingStyle("rn", "Not rated", "", UNRATED_COLOR, _blend(UNRATED_COLOR, TINT),
                          _blend(UNRATED_COLOR, DEEP_TINT), _foreground(UNRATED_COLOR))
    return out


@dataclasses.dataclass(slots=True)
class Piece:
    """A run of article text: plain (``cls`` empty) or covered by claims."""

    text: str
    cls: str = ""
    color: str = ""  # the tint behind the words (print template)
    overlap: bool = False
    title: str = ""  # "Claim 3" / "Claims 2, 3"
    starts: tuple[ClaimData, ...] = ()  # claims whose words begin here (their number goes first)


def pieces(article: ArticleData, styles: dict[str, RatingStyle]) -> list[Piece]:
    """The current text cut into plain and highlighted runs (overlaps flattened)."""
    text = article.text
    anchored = [c for c in article.claims if c.in_text]
    by_id = {c.id: c for c in anchored}
    spans = {c.id: (c.claim.start, c.claim.end) for c in anchored}
    starts: dict[int, list[ClaimData]] = {}
    for c in anchored:
        starts.setdefault(c.claim.start, []).append(c)
    out: list[Piece] = []
    at = 0
    for seg in segments.segments((c.id, c.claim.start, c.claim.end) for c in anchored):
        if seg.start > at:
            out.append(Piece(text[at : seg.start]))
        ids = segments.smallest_first(seg.claim_ids, spans)
        first = by_id[ids[0]]
        style = styles[first.rating.key] if first.rating else styles[""]
        numbers = sorted(by_id[i].number for i in ids)
        title = ("Claim " if len(numbers) == 1 else "Claims ") + ", ".join(map(str, numbers))
        begin = tuple(sorted(starts.pop(seg.start, ()), key=lambda c: c.number))
        overlap = len(ids) > 1
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


@dataclasses.dataclass(frozen=True)
class ArticleView:
    data: ArticleData
    paragraphs: list[list[Piece]]
    corrections: list[CorrectionData]

    @property
    def article(self):
        return self.data.article

    @property
    def claims(self):
        return self.data.claims


def context(report: Report) -> dict:
    styles = rating_styles(report)
    articles = [ArticleView(a, paragraphs(pieces(a, styles)), a.corrections) for a in report.articles]
    used = {c.claim.rating or "" for _, c in report.claims}
    legend = [s for key, s in styles.items() if key in used]
    if len(report.articles) == 1:
        title = f"Fact-check: {report.articles[0].article.title}"
    else:
        title = f"Fact-check report: {len(report.articles)} articles"
    return {
        "report": report,
        "title": title,
        "articles": articles,
        "styles": styles,
        "legend": legend,
        "jsonld": Markup(claimreview.script_json(claimreview.reviews(report))),
        "generator": f"factcheck {__version__}",
        "style": lambda claim: styles[claim.rating.key] if claim.rating else styles[""],
        "internal": report.selection.include_confidential,
        "print_logo": None,  # the PDF fills it in: the logo as an image resource of its document
    }


def render_text(report: Report, template: str = TEMPLATE) -> str:
    return environment().get_template(template).render(context(report))


def render(report: Report) -> bytes:
    return render_text(report).encode("utf-8")
