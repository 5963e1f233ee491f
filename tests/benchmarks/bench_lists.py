"""Scrolling the app's long lists at 100,000 claims: the longest frame while rows load (issue 14).

``python tests/benchmarks/bench_lists.py [claims articles]`` (default 100,000 over 100,
the cached project of ``_scale.build_project``, copied first). Each list is shown in its
widget as the window shows it (offscreen, 1400 × 900): the article list, the claim list of
the largest article, the source library, the review queue as it opens (claims in review; then
each of its counts on its own), and under "All statuses" in each of its sorts, ascending and
descending. The view is then scrolled a screen at a time
(its scroll bar's page step) over ``ROWS`` rows or to the end; a frame is one step: the
scroll and the events it sets off (``fetchMore`` reading the next page, when the view
asks, and the repaint of the viewport). Printed per list: the time to open it (its count
and first page), the rows read, the frames that loaded rows with the longest of them and
the longest time a frame spent reading rows, and the longest and median frame of all (the
paint alone: the offscreen platform paints in software). Figures are printed, never asserted; the machine may
be shared, so run it a few times and read the medians.

``python tests/benchmarks/bench_lists.py --frames [claims articles]`` times the frames of the
claim list (the largest article's) and the review queue (in review, then all by quote) in CPU
time instead (``time.process_time`` of the window's process: on a shared machine wall time
counts the waits for a core too), over ``STEPS`` page-downs each: the median and worst frame,
those that read a page apart, and the model's ``data()`` and ``multiData()`` calls per frame (counted by
``cProfile`` in a second pass over the same rows, which also prints the costliest functions of
the worst frame with ``--profile``), and last the same cells in a table that is Qt alone (``qt_alone``:
no Python in a frame), the floor of a frame on the machine. It opens the cached project read-only, without a copy.
"""

from __future__ import annotations

import os
import pathlib
import statistics
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _scale  # noqa: E402

#: How far each list is scrolled (rows), at most.
ROWS = 3_000
#: Page-downs per list with ``--frames``.
STEPS = 50


def frames(app, view) -> dict:
    """Scroll ``view`` a screen at a time: every step's time, and the time its ``fetchMore`` took reading rows."""
    bar = view.verticalScrollBar()
    model = view.model()
    reading = []
    fetch = model.fetchMore

    def timed(*args):
        t0 = time.perf_counter()
        fetch(*args)
        reading.append(time.perf_counter() - t0)

    model.fetchMore = timed  # the view calls it through Python: the override is seen
    out = []
    try:
        while model.rowCount() < ROWS:
            before, at_end = model.rowCount(), bar.value() >= bar.maximum()
            reading.clear()
            t0 = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()  # the scroll's events: the next page read if the view asks, and the repaint
            out.append((time.perf_counter() - t0, model.rowCount() > before, sum(reading)))
            if at_end and model.rowCount() == before:
                break  # the end of the list
    finally:
        del model.fetchMore
    loading = [(t, r) for t, loaded, r in out if loaded] or [(0.0, 0.0)]
    every = [t for t, _, _ in out] or [0.0]
    return {"rows": model.rowCount(), "frames": len(out), "loads": len(loading) if out else 0,
            "longest_load": max(t for t, _ in loading), "longest_read": max(r for _, r in loading),
            "longest": max(every), "median": statistics.median(every)}


def cpu_frames(app, view, steps: int = STEPS) -> dict:
    """Page down ``steps`` times: each step's CPU time (the scroll, the page read if the view asks, the repaint),
    then the same steps again from the top counting the model's ``data()``/``multiData()`` calls (rows read: no reading)."""
    import cProfile
    import pstats

    bar, model = view.verticalScrollBar(), view.model()
    cpu, loaded = [], []
    for _ in range(steps):
        before = model.rowCount()
        t0 = time.process_time()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        cpu.append(time.process_time() - t0)
        loaded.append(model.rowCount() > before)
    bar.setValue(0)
    app.processEvents()
    calls, worst = [], None
    for _ in range(steps):
        profile = cProfile.Profile()
        profile.enable()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        profile.disable()
        stats = pstats.Stats(profile)
        calls.append(sum(n for (_, _, name), (_, n, *_) in stats.stats.items() if name in ("data", "multiData")))
        worst = worst if worst is not None and worst.total_tt >= stats.total_tt else stats
    steady = [t for t, read in zip(cpu, loaded, strict=True) if not read] or [0.0]
    return {"rows": model.rowCount(), "median": statistics.median(cpu), "worst": max(cpu),
            "steady_median": statistics.median(steady), "steady_worst": max(steady), "loads": sum(loaded),
            "calls": statistics.median(calls), "profile": worst}


def report_cpu(name: str, figures: dict, profile: bool) -> None:
    print(f"{name:<36} rows {figures['rows']:>5}  CPU per frame: median {figures['median'] * 1000:5.1f} ms, "
          f"worst {figures['worst'] * 1000:5.1f} ms ({figures['loads']} reading a page; the others: median "
          f"{figures['steady_median'] * 1000:5.1f}, worst {figures['steady_worst'] * 1000:5.1f})  "
          f"data()/multiData() calls per frame {figures['calls']:.0f}", flush=True)
    if profile:
        figures["profile"].sort_stats("tottime").print_stats(12)


def main_frames(n_claims: int, n_articles: int, profile: bool) -> None:
    """The claim list's and the review queue's frames in CPU time, with their ``data()`` calls."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from factcheck.core.project import Project
    from factcheck.ui.claim_panel import ClaimPanel
    from factcheck.ui.review_panel import STATUS_FILTERS, ReviewPanel
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    path = _scale.build_project(n_claims, n_articles)
    with tempfile.TemporaryDirectory(prefix="bench-frames-") as tmp:
        os.environ["FACTCHECK_HOME"] = str(pathlib.Path(tmp) / "home")
        project = Project.open(path, read_only=True)  # nothing is written: the cached file itself
        session = Session(project)
        print(f"{path.name}: {n_claims:,} claims; {STEPS} page-downs per list, CPU time (process_time; "
              f"the machine may be shared)")
        biggest = max(project.articles(), key=lambda a: a.claim_count)
        panel = ClaimPanel(session)
        panel.set_article(biggest.id)
        panel.resize(1400, 900)
        panel.show()
        app.processEvents()
        report_cpu(f"claim list ({biggest.claim_count:,} claims)", cpu_frames(app, panel.list), profile)
        panel.close()

        queue = ReviewPanel(session)
        queue.resize(1400, 900)
        queue.show()
        app.processEvents()
        report_cpu("review queue, in review", cpu_frames(app, queue.table), profile)
        every = next(i for i, (_, statuses) in enumerate(STATUS_FILTERS) if statuses is None)
        queue.status_filter.setCurrentIndex(every)
        queue.table.sortByColumn(queue.model.QUOTE, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        report_cpu("review queue, all, by quote", cpu_frames(app, queue.table), profile)
        report_cpu("the same cells, Qt alone", cpu_frames(app, qt_alone(queue.table)), False)
        queue.close()
        session.stop()
        project.close()


def qt_alone(table):
    """A table of the rows ``table`` has read, as Qt shows them with no Python in a frame: the same cells' text and
    swatches in a ``QStandardItemModel`` (C++), the same size, header and settings. Its frames are the floor of what
    the view costs on this machine: Qt painting the text in software."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    source = table.model()
    rows, columns = source.rowCount(), source.columnCount()
    model = QStandardItemModel(rows, columns)
    for column in range(columns):
        model.setHorizontalHeaderItem(column, QStandardItem(str(source.headerData(column, Qt.Orientation.Horizontal))))
    for row in range(rows):
        for column in range(columns):
            index = source.index(row, column)
            item = QStandardItem(str(source.data(index) or ""))
            icon = source.data(index, Qt.ItemDataRole.DecorationRole)
            if icon is not None:
                item.setIcon(icon)
            model.setItem(row, column, item)
    view = QTableView()
    view.setModel(model)
    view.model_ = model  # kept alive with the view
    view.setWordWrap(table.wordWrap())
    view.verticalHeader().setVisible(table.verticalHeader().isVisible())
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    for column in range(columns):
        view.horizontalHeader().setSectionResizeMode(column, table.horizontalHeader().sectionResizeMode(column))
        view.setColumnWidth(column, table.columnWidth(column))
    view.resize(table.size())
    view.show()
    return view


def report(name: str, opened: float, figures: dict) -> None:
    print(f"{name:<36} open {opened * 1000:6.1f} ms  rows {figures['rows']:>5}  frames {figures['frames']:>4}  "
          f"loading {figures['loads']:>3}: longest frame {figures['longest_load'] * 1000:6.1f} ms, "
          f"reading rows {figures['longest_read'] * 1000:5.1f} ms  |  every frame: longest "
          f"{figures['longest'] * 1000:6.1f} ms, median {figures['median'] * 1000:5.1f} ms", flush=True)


def counts(queue) -> None:
    """The review queue's counts, each on its own (median of 7, wall and CPU): the window shows its first page
    without them, and counts the filter shown once that page is painted."""
    from factcheck.core import model, review_queue

    article_id = queue.articles()[0][0]
    for name, f in (("in review (the window's first count)", review_queue.Filter()),
                    ("all statuses (the total)", review_queue.Filter(statuses=None)),
                    ("approved", review_queue.Filter(statuses=frozenset({model.APPROVED}))),
                    ("all, one rating", review_queue.Filter(statuses=None, rating=queue.scale.ratings[0].key)),
                    ("all, one article", review_queue.Filter(statuses=None, article_id=article_id))):
        walls, cpus = [], []
        for _ in range(7):
            w, c = time.perf_counter(), time.process_time()
            n = queue.count(f)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        print(f"review queue count, {name:<38} {n:>9,}  wall {statistics.median(walls) * 1000:6.2f} ms  "
              f"CPU {statistics.median(cpus) * 1000:6.2f} ms", flush=True)


def main(n_claims: int, n_articles: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QListView

    from factcheck.core.project import Project
    from factcheck.ui import models
    from factcheck.ui.claim_panel import ClaimPanel
    from factcheck.ui.dialogs.source_library import SourceLibraryDialog
    from factcheck.ui.review_panel import STATUS_FILTERS, ReviewPanel
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    cached = _scale.build_project(n_claims, n_articles)
    with tempfile.TemporaryDirectory(prefix="bench-lists-") as tmp:
        os.environ["FACTCHECK_HOME"] = str(pathlib.Path(tmp) / "home")
        path = _scale.copy_project(cached, pathlib.Path(tmp))
        project = Project.open(path, read_only=True)
        session = Session(project)
        print(f"{path.name}: {n_claims:,} claims over {n_articles:,} articles (scrolling at most {ROWS:,} rows)")

        def shown(widget, view):
            widget.resize(1400, 900)
            widget.show()
            app.processEvents()
            return view

        t0 = time.perf_counter()
        articles = models.ArticleListModel()
        articles.set_project(project)
        view = QListView()
        view.setModel(articles)
        view.setWordWrap(True)
        view.setLayoutMode(QListView.LayoutMode.Batched)
        shown(view, view)
        report("article list", time.perf_counter() - t0, frames(app, view))
        view.close()

        biggest = max(project.articles(), key=lambda a: a.claim_count)
        t0 = time.perf_counter()
        panel = ClaimPanel(session)
        panel.set_article(biggest.id)
        shown(panel, panel.list)
        report(f"claim list ({biggest.claim_count:,} claims)", time.perf_counter() - t0, frames(app, panel.list))
        panel.close()

        t0 = time.perf_counter()
        library = SourceLibraryDialog(session)
        shown(library, library.table)
        report("source library", time.perf_counter() - t0, frames(app, library.table))
        for column, name in ((5, "used by"), (1, "publisher")):
            t0 = time.perf_counter()
            library.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            report(f"source library by {name}", time.perf_counter() - t0, frames(app, library.table))
        library.close()

        t0 = time.perf_counter()
        queue = ReviewPanel(session)
        shown(queue, queue.table)
        report("review queue, in review", time.perf_counter() - t0, frames(app, queue.table))
        counts(queue.model.queue)
        every = next(i for i, (_, statuses) in enumerate(STATUS_FILTERS) if statuses is None)
        queue.status_filter.setCurrentIndex(every)
        for column, name in enumerate(queue.model.COLUMNS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                queue.table.scrollToTop()
                t0 = time.perf_counter()
                queue.table.sortByColumn(column, order)
                app.processEvents()
                opened = time.perf_counter() - t0
                arrow = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"
                report(f"review queue, all, by {name} {arrow}", opened, frames(app, queue.table))
        queue.close()
        session.stop()
        project.close()


if __name__ == "__main__":
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    numbers = [int(a) for a in sys.argv[1:] if not a.startswith("--")]
    claims_arg = numbers[0] if numbers else 100_000
    articles_arg = numbers[1] if len(numbers) > 1 else 100
    if "--frames" in flags:
        main_frames(claims_arg, articles_arg, "--profile" in flags)
    else:
        main(claims_arg, articles_arg)
