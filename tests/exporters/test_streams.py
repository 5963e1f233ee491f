"""Exports as streams: the same bytes as the whole report rendered at once, progress asked as claims
are written, nothing left behind by a cancel or an error, and memory that does not grow with the
number of claims."""

from __future__ import annotations

import itertools
import tracemalloc
import uuid

import pytest

from factcheck import exporters
from factcheck.core import model
from factcheck.core.errors import Cancelled, ImportCancelled, KnownError
from factcheck.core.project import Project
from factcheck.exporters import _data, claimreview, csv, html_report, markdown, web_annotation

from ..bulk import STATUSES, add_articles

TEXT_FORMATS = {"csv": csv, "markdown": markdown, "html": html_report, "claimreview": claimreview,
                "webannotation": web_annotation}
EVERY_STATUS = exporters.Selection(statuses=model.STATUSES, include_confidential=True)


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
def big(tmp_path):
    """Three articles of 30 claims in every status, read in batches of 7 (so batches end mid-article)."""
    p = Project.create(tmp_path / "big.factcheck", user="ana")
    add_articles(p, 3, 30, statuses=STATUSES)
    yield p
    p.close()


def files(tmp_path):
    return sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith("big.factcheck"))


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
@pytest.mark.parametrize("selection", [exporters.Selection(), EVERY_STATUS], ids=["default", "every"])
def test_a_streamed_file_is_the_whole_report_rendered_at_once(monkeypatch, frozen, big, demo_project, tmp_path, fmt,
                                                               selection):
    monkeypatch.setattr(_data, "BATCH", 7)
    for project in (big, demo_project):
        frozen()
        whole = TEXT_FORMATS[fmt].render(_data.gather(project, selection))
        frozen()
        done = exporters.export_to_file(project, fmt, selection, tmp_path / f"out.{fmt}")
        assert (tmp_path / f"out.{fmt}").read_bytes() == whole
        assert done.claim_count == _data.gather(project, selection).claim_count


def test_stream_gives_gather_s_claims_with_everything_in_them(monkeypatch, big, demo_project):
    monkeypatch.setattr(_data, "BATCH", 4)
    for project in (big, demo_project):
        with project.store.snapshot():
            streamed = _data.stream(project, EVERY_STATUS)
            assert [c for _, c in streamed.claims] == [c for _, c in _data.gather(project, EVERY_STATUS).claims]


def test_the_print_template_reads_a_stream_as_it_reads_the_whole_report(frozen, demo_project):
    whole = html_report.render_text(_data.gather(demo_project, EVERY_STATUS), html_report.PRINT_TEMPLATE)
    with demo_project.store.snapshot():
        streamed = html_report.render_text(_data.stream(demo_project, EVERY_STATUS), html_report.PRINT_TEMPLATE)
    assert streamed == whole


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_progress_counts_every_claim_written_up_to_the_total(monkeypatch, big, tmp_path, fmt):
    monkeypatch.setattr(_data, "BATCH", 7)
    monkeypatch.setattr(csv, "ROWS", 7)  # the CSV and the HTML cards count a chunk of claims at a time
    monkeypatch.setattr(html_report, "CARDS_AT_ONCE", 7)
    monkeypatch.setattr(_data.Progress, "EVERY", 1)
    calls = []
    done = exporters.export_to_file(big, fmt, EVERY_STATUS, tmp_path / "out", progress=lambda d, t: calls.append((d, t)))
    passes = TEXT_FORMATS[fmt].PASSES
    assert done.claim_count == 90
    assert {t for _, t in calls} == {90 * passes}
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[0][0] == 0 and calls[-1] == (90 * passes, 90 * passes)
    assert len(calls) > 90 // 7  # asked as claims are written, not only at the start and the end


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
@pytest.mark.parametrize("after", [0, 40])
def test_a_cancel_leaves_no_file_and_the_old_file_as_it_was(monkeypatch, big, tmp_path, fmt, after):
    monkeypatch.setattr(_data, "BATCH", 7)
    monkeypatch.setattr(_data.Progress, "EVERY", 1)
    target = tmp_path / "report.out"
    target.write_bytes(b"the report of yesterday")
    with pytest.raises(Cancelled) as caught:
        exporters.export_to_file(big, fmt, EVERY_STATUS, target, progress=lambda done, total: done < after)
    assert str(caught.value) == "The export was cancelled; nothing was written."
    assert not isinstance(caught.value, ImportCancelled) and isinstance(caught.value, KnownError)
    assert target.read_bytes() == b"the report of yesterday"
    assert files(tmp_path) == ["report.out"]


def test_a_cancel_of_a_new_file_leaves_nothing_at_all(big, tmp_path):
    with pytest.raises(Cancelled):
        exporters.export_to_file(big, "csv", EVERY_STATUS, tmp_path / "new.csv", progress=lambda d, t: False)
    assert files(tmp_path) == []


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_an_error_in_the_middle_leaves_nothing(monkeypatch, big, tmp_path, fmt):
    monkeypatch.setattr(_data, "BATCH", 7)
    real = _data._Reader.claim_data
    batches = itertools.count()

    def failing(self, *args, **kwargs):
        if next(batches) == 3:
            raise RuntimeError("the disk went away")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(_data._Reader, "claim_data", failing)
    with pytest.raises(RuntimeError):
        exporters.export_to_file(big, fmt, EVERY_STATUS, tmp_path / "report.out")
    assert files(tmp_path) == []


def test_a_full_disk_is_a_sentence_and_leaves_nothing(monkeypatch, big, tmp_path):
    def full(report, out):
        out.write("x" * 10)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv, "write", full)
    with pytest.raises(KnownError, match="Cannot write report.csv: no space left on device."):
        exporters.export_to_file(big, "csv", EVERY_STATUS, tmp_path / "report.csv")
    assert files(tmp_path) == []


def test_the_evidence_zip_can_be_cancelled_too(project, tmp_path):
    evidence = tmp_path / "call.txt"
    evidence.write_text("what was said")
    source = project.create_source(title="Interview").created
    project.attach(evidence, source_id=source)
    with pytest.raises(Cancelled):
        exporters.export_to_file(project, exporters.EVIDENCE, exporters.Selection(), tmp_path / "evidence.zip",
                                 progress=lambda done, total: False)
    assert not (tmp_path / "evidence.zip").exists() and not list(tmp_path.glob(".evidence.zip*"))


def test_warnings_are_kept_up_to_a_limit_and_counted_past_it(monkeypatch, tmp_path):
    p = Project.create(tmp_path / "many.factcheck", user="ana")
    add_articles(p, 2, 30)
    p.store.conn.execute("UPDATE claims SET rating = NULL")  # each claim: "has no rating"
    monkeypatch.setattr(exporters, "MAX_WARNINGS", 10)
    done = exporters.export_to_file(p, "claimreview", exporters.Selection(), tmp_path / "out.jsonld")
    found = exporters.warnings(p, "claimreview")
    assert len(found) == 62  # the missing author (organisation) and the articles' missing url, then one per claim
    assert list(done.warnings) == found[:10] and done.more_warnings == 52
    p.close()


def peak(fn) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_memory_does_not_grow_with_the_number_of_claims(monkeypatch, tmp_path, fmt):
    """The peak exporting 4 N claims is that of N: one batch and one article are held, not every claim."""
    monkeypatch.setattr(_data, "BATCH", 50)
    peaks = []
    for n_articles in (2, 8):  # 200 and 800 claims of 100 per article
        p = Project.create(tmp_path / f"p{n_articles}.factcheck", user="ana")
        add_articles(p, n_articles, 100)
        p.close()
        with Project.open(tmp_path / f"p{n_articles}.factcheck", read_only=True) as p:
            target = tmp_path / f"out{n_articles}.{fmt}"
            exporters.export_to_file(p, fmt, exporters.Selection(), target)  # warm: caches, templates, imports
            peaks.append(peak(lambda: exporters.export_to_file(p, fmt, exporters.Selection(), target)))
    small, large = peaks
    assert large < small * 1.5, f"{small:,} bytes at 200 claims, {large:,} at 800"
