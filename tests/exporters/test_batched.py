"""Exports read in batches and written without templates' loops give the bytes the whole report gave.

On a project with a bit of everything (``rich.py``): the file ``export_to_file`` streams (claims
read a few at a time) is the one the gathered report renders; the HTML cards and highlighted text
``html_report`` writes in Python are what the templates' loops wrote (``reference_loops.html.j2``);
each ClaimReview's JSON text is what json's encoder makes of its dictionary; CSV lines are the
csv module's; the PDF laid out in pieces has the same words on the same pages as in one piece.
"""

from __future__ import annotations

import csv as csv_module
import io
import itertools
import json
import random
import uuid

import jinja2
import markupsafe
import pypdf
import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.core.errors import Cancelled
from factcheck.exporters import _data, claimreview, csv, html_report, markdown, pdf, web_annotation
from factcheck.exporters._words import Words

from . import rich
from .conftest import HERE, HOSTILE

TEXT_FORMATS = {"csv": csv, "markdown": markdown, "html": html_report, "claimreview": claimreview,
                "webannotation": web_annotation}
SELECTIONS = {
    "default": exporters.Selection(),
    "every": exporters.Selection(statuses=model.STATUSES),
    "internal": exporters.Selection(statuses=model.STATUSES, include_confidential=True),
}


@pytest.fixture
def frozen(monkeypatch):
    """The same time and the same random ids in every rendering."""
    monkeypatch.setattr(model, "now", lambda: "2025-11-01T12:00:00.000Z")
    counter = itertools.count()
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))

    def again():
        nonlocal counter
        counter = itertools.count()

    return again


@pytest.fixture
def project(tmp_path):
    p = rich.build(tmp_path / "rich.factcheck", tmp_path)
    yield p
    p.close()


def test_the_project_has_what_the_comparisons_need(project):
    claims = project.claims(include_deleted=True)
    assert {c.status for c in claims} >= {model.DRAFT, model.IN_REVIEW, model.APPROVED, model.PUBLISHED}
    assert {c.anchor_state for c in claims} >= {"exact", "fuzzy", "orphaned"}
    assert any(c.deleted_at for c in claims)
    assert project.store.read_one("SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL")[0] == 1
    assert {fix.kind for fix in project.corrections()} == {"correction", "retraction"}
    assert project.attachments() and project.comments() and project.logo()
    with project.store.snapshot():
        report = _data.stream(project, SELECTIONS["internal"])
        assert any(c.page for _, c in report.claims) and any(c.based_on for _, c in report.claims)


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_a_batched_export_is_the_unbatched_report(monkeypatch, frozen, project, tmp_path, fmt, selection):
    monkeypatch.setattr(_data, "BATCH", 7)  # batches end in the middle of articles
    chosen = SELECTIONS[selection]
    frozen()
    whole = TEXT_FORMATS[fmt].render(_data.gather(project, chosen))
    frozen()
    done = exporters.export_to_file(project, fmt, chosen, tmp_path / f"out.{fmt}")
    assert (tmp_path / f"out.{fmt}").read_bytes() == whole
    if fmt in ("html", "claimreview"):  # the warnings are found as the ClaimReviews are written
        assert list(done.warnings) == claimreview.report_warnings(_data.gather(project, chosen))


def _reference(report: _data.Report):
    """The old loops as macros, with the context the report's template gets."""
    env = html_report.environment()
    with open(HERE / "reference_loops.html.j2", encoding="utf-8") as f:
        source = f.read()
    loops = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                               lstrip_blocks=True, keep_trailing_newline=True)
    loops.filters.update(env.filters)
    context = html_report.context(report)
    return context, loops.from_string(source).make_module(context)


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
def test_cards_and_text_are_what_the_template_loops_wrote(project, selection):
    with project.store.snapshot():
        report = _data.stream(project, SELECTIONS[selection])
        context, loops = _reference(report)
        try:
            for view in context["articles"]:
                assert "".join(view.cards) == str(loops.cards(view))
                assert "".join(view.text_html) == str(loops.text(view))
        finally:
            context["jsonld"].close()


def test_hostile_cards_are_what_the_template_loops_wrote(hostile_project):
    report = _data.gather(hostile_project)
    context, loops = _reference(report)
    (view,) = context["articles"]
    try:
        assert "".join(view.cards) == str(loops.cards(view))
        assert "".join(view.text_html) == str(loops.text(view))
    finally:
        context["jsonld"].close()


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
def test_each_claimreview_text_is_its_dictionary_encoded(project, selection):
    report = _data.gather(project, SELECTIONS[selection])
    texts = claimreview.Texts(report)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    pairs = list(report.brief_claims())
    assert pairs
    for article, claim in pairs:
        assert texts.text(article, claim) == encode(claimreview.review(report, article, claim))


CELLS = [
    ["plain", "", None, 0, -3, 2.5, True, "a,b", 'say "yes"', "two\nlines", "cr\rhere", "=1+1", "+1", "-1",
     "@sum", "\tx", "\rx", " lead", "trail ", "é ñ 👍🏽", "'quoted'"],
    HOSTILE,
    ["", ""],
]


@pytest.mark.parametrize("values", CELLS)
def test_a_csv_line_is_what_the_csv_module_writes(values):
    buffer = io.StringIO(newline="")
    csv_module.writer(buffer, dialect="excel", quoting=csv_module.QUOTE_MINIMAL).writerow([csv.cell(v) for v in values])
    assert csv.line(values) == buffer.getvalue()


@pytest.mark.parametrize("column", [
    *CELLS, ["a", "b", "c"], ["a,b", "c", "d, e"], ["x", "=1", "y", "-2", "@z", "\tq"], ["=lead", "plain"],
    ["nul\0=inside", "plain", "also\0,"], ["\0", "=\0", ""], ["one, two", "=three, four"], [1, 2, 3], [None, None],
    ["text", None, "more"], [],
])
def test_a_column_of_csv_cells_is_each_cell_as_a_line_writes_it(column):
    """``_texts`` looks at a whole column at once; every cell must come out as ``line`` writes it alone."""
    assert csv._texts(list(column)) == [csv.line([v])[:-2] for v in column]


def _csv_rows(report: _data.Report) -> list[list]:
    """The CSV's values of each claim, as the writer made them row by row before it worked by columns."""
    rows = []
    for article, claim in report.claims:
        c, rating = claim.claim, claim.rating
        rows.append([
            article.article.title, article.article.url, claim.number, c.id, c.exact, c.statement, c.claimant,
            c.claim_date, c.checkworthiness, ", ".join(c.tags), rating.label if rating else "",
            rating.value if rating else None, c.verdict_summary, c.rationale,
            csv._sources(claim) if claim.citations else "", c.status, c.approved_at, c.approved_by, c.anchor_state,
            c.start, c.end, claim.page, c.created_by if c.submitted_by is None else c.submitted_by,
        ])
    return rows


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
def test_the_csv_file_is_what_the_csv_module_writes(monkeypatch, project, hostile_project, selection):
    monkeypatch.setattr(csv, "ROWS", 5)  # chunks end in the middle of articles
    for p in (project, hostile_project):
        report = _data.gather(p, SELECTIONS[selection])
        buffer = io.StringIO(newline="")
        buffer.write("\ufeff")
        writer = csv_module.writer(buffer, dialect="excel", quoting=csv_module.QUOTE_MINIMAL)
        writer.writerow(csv.COLUMNS)
        writer.writerows([[csv.cell(v) for v in row] for row in _csv_rows(report)])
        assert csv.render(report) == buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("values", [*CELLS[1:], ["a\0b", "<c>", "\0&\0"], ["", "\0"], []])
def test_text_escaped_at_once_is_each_value_escaped(values):
    assert html_report._e_all(list(values)) == [html_report._e(v) for v in values]
    assert [html_report._e(v) for v in values] == [str(markupsafe.escape(v)) for v in values]


class _Spans:
    """An article as ``pieces`` reads it: a text and its claims' anchors."""

    def __init__(self, text: str, anchors: list[_data.Anchor]):
        self.text, self._anchors = text, anchors

    def anchored(self) -> list[_data.Anchor]:
        return self._anchors


def test_marked_text_is_what_the_template_loops_wrote_for_any_spans(project):
    """Spans overlapping, nested, equal, adjacent, empty, in any order, over text with line breaks and markup:
    the writer's sweep gives what ``pieces`` and the template's loop gave."""
    rng = random.Random(42)
    with project.store.snapshot():
        report = _data.stream(project, SELECTIONS["every"])
        context, loops = _reference(report)
        try:
            words = Words(report.report_language)
            writer = html_report._Writer(context["styles"], words, context["labels"])
            ratings = [*report.scale.ratings, None]
            for _ in range(300):
                text = "".join(rng.choice("ab <&>'\"\n") for _ in range(rng.randint(0, 40)))
                anchors = []
                for number in range(1, rng.randint(0, 9) + 1):
                    start = rng.randint(0, len(text))
                    end = rng.choice([start, start + rng.randint(1, 12), rng.randint(0, len(text))])
                    anchors.append(_data.Anchor(f"c{rng.randint(0, 10**6)}-{number}", number, start,
                                                min(end, len(text)), rng.choice(ratings)))
                rng.shuffle(anchors)
                article = _Spans(text, anchors)
                view = html_report.ArticleView(article, context["styles"], words)
                assert "".join(writer.paragraphs(article)) == str(loops.text(view)), (text, anchors)
        finally:
            context["jsonld"].close()


def _words_per_page(data: bytes) -> list[list[str]]:
    return [sorted(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_the_pdf_laid_out_in_pieces_is_the_pdf_laid_out_at_once(monkeypatch, project, qapp):
    """A piece starting at each card: the same words on the same pages, pages numbered once."""
    report = _data.gather(project, SELECTIONS["every"])
    whole = pdf.render(report)
    laid: list[int] = []
    real = pdf._Pages.add

    def add(self, html, *, new_page):
        laid.append(len(html))
        return real(self, html, new_page=new_page)

    monkeypatch.setattr(pdf._Pages, "add", add)
    monkeypatch.setattr(pdf, "PIECE", 1)
    pieces = pdf.render(report)
    assert len(laid) > report.claim_count  # a piece for every card, and for each article's text
    assert _words_per_page(pieces) == _words_per_page(whole)


def test_a_pdf_piece_holds_about_piece_characters(monkeypatch, project, tmp_path, qapp):
    """What Qt lays out at once does not grow with the report: pieces of ``PIECE`` characters and a card."""
    sizes: list[int] = []
    real = pdf._Pages.add
    monkeypatch.setattr(pdf._Pages, "add", lambda self, html, *, new_page: (sizes.append(len(html)),
                                                                           real(self, html, new_page=new_page)))
    monkeypatch.setattr(pdf, "PIECE", 20_000)
    exporters.export_to_file(project, "pdf", SELECTIONS["every"], tmp_path / "report.pdf")
    assert len(sizes) > 5
    assert max(sizes) < 20_000 + 30_000  # a piece, the page's head, and the card or text that ended it
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("after", [0, 30])
def test_a_cancelled_pdf_leaves_nothing(monkeypatch, project, tmp_path, qapp, after):
    monkeypatch.setattr(_data.Progress, "EVERY", 1)
    monkeypatch.setattr(pdf, "PIECE", 5_000)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"yesterday's")
    calls = []
    with pytest.raises(Cancelled):
        exporters.export_to_file(project, "pdf", SELECTIONS["every"], target,
                                 progress=lambda done, total: calls.append(done) or done < after)
    assert target.read_bytes() == b"yesterday's"
    assert sorted(x.name for x in tmp_path.iterdir() if x.name.startswith("report")) == ["report.pdf"]
    assert calls and max(calls) <= max(after, 1) + 1
