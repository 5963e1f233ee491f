"""Web Annotation import of 5,000 annotations on a 1 MB article: parse, plan, and the one transaction."""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import article, claim_spans

from factcheck.core import anchoring, history
from factcheck.core.project import Project
from factcheck.importers import ImportedArticle
from factcheck.importers import web_annotation

N = 5000
SOURCES = 50
URL = "https://news.example.org/bench"


def annotation_file(text: str) -> bytes:
    """A claim on each of 5,000 spans, each citing 1-3 of 50 sources, as the exporter writes them."""
    rng = random.Random(42)
    items = []
    for i, (start, end) in enumerate(claim_spans(text, N)):
        quote = anchoring.describe(text, start, end).quote
        body = [
            {"type": "TextualBody", "purpose": "assessing", "value": "False", "schema:identifier": "false"},
            {"type": "TextualBody", "purpose": "commenting", "label": "Verdict summary", "value": f"Verdict {i}."},
            {"type": "TextualBody", "purpose": "describing", "label": "Claim date", "value": "2025-10-24"},
        ]
        for k in rng.sample(range(SOURCES), rng.randint(1, 3)):
            body.append({"type": "SpecificResource", "purpose": "linking", "label": "contradicts",
                         "source": {"id": f"urn:uuid:source-{k}", "type": "Text", "schema:name": f"Source {k}",
                                    "schema:url": f"https://example.org/{k}"},
                         "selector": {"type": "TextQuoteSelector", "exact": "a passage"}})
        items.append({"id": f"urn:x:{i}", "type": "Annotation", "motivation": "assessing", "body": body,
                      "target": {"type": "SpecificResource", "source": URL, "selector": [
                          {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
                          {"type": "TextPositionSelector", "start": start, "end": end}]}})
    return json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
                       "first": {"type": "AnnotationPage", "items": items}}).encode()


def _project(path: Path, text: str) -> Project:
    p = Project.create(path, user="bench")
    p.import_article(ImportedArticle(text=text, title="Benchmark", source_format="text", source_name="bench.txt",
                                     original=text.encode(), mime="text/plain"), url=URL)
    return p


def _transactions(p: Project, action) -> int:
    """How many transactions ``action`` opened (the trace slows it down: not timed)."""
    statements: list[str] = []
    p.store.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        p.store.conn.set_trace_callback(None)
    return sum(s.upper().startswith("BEGIN") for s in statements)


def run() -> list[tuple[str, str, str]]:
    text = article()
    data = annotation_file(text)
    parses, plans, runs, undos, imported = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(3):
            with _project(Path(tmp) / f"import{attempt}.factcheck", text) as p:
                t0 = time.perf_counter()
                parsed = web_annotation.parse(data)
                t1 = time.perf_counter()
                plan = web_annotation.plan(p, parsed)
                t2 = time.perf_counter()
                command = history.ImportAnnotations(plan)
                command.do(p)
                t3 = time.perf_counter()
                command.undo(p)
                t4 = time.perf_counter()
                imported.append(len(command.claim_ids))
                parses.append(t1 - t0)
                plans.append(t2 - t1)
                runs.append(t3 - t2)
                undos.append(t4 - t3)
        with _project(Path(tmp) / "traced.factcheck", text) as p:
            command = history.ImportAnnotations(web_annotation.plan(p, web_annotation.parse(data)))
            begins = _transactions(p, lambda: command.do(p))
            undo_begins = _transactions(p, lambda: command.undo(p))
    total = statistics.median(a + b + c for a, b, c in zip(parses, plans, runs))
    return [
        ("Web Annotation import, 5,000 annotations on a 1 MB article", f"{total:.3f} s", ""),
        ("  claims imported", f"{min(imported):,}", "5,000"),
        (f"  parse the file ({len(data) / 1e6:.1f} MB of JSON)", f"{statistics.median(parses):.3f} s", ""),
        ("  plan: find and re-anchor every annotation", f"{statistics.median(plans):.3f} s", ""),
        ("  write: 5,000 claims, 50 sources, ~10,000 citations", f"{statistics.median(runs):.3f} s", ""),
        ("  transactions the import took", f"{begins}", "1"),
        ("  undo of the whole import", f"{statistics.median(undos):.3f} s", ""),
        ("  transactions the undo took", f"{undo_begins}", "1"),
    ]
