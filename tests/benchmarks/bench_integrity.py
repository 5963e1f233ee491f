"""``factcheck verify`` on a history of 100,000 events."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from factcheck.core import events
from factcheck.core.project import Project


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.factcheck"
        with Project.create(path, user="bench") as p:
            # Realistic rows (an edit with before/after), written through the real logger.
            with p.batch():
                for i in range(99_999):
                    events.append(p.store, p.user, "claim.update", "claim", f"claim-{i % 5000}",
                           {"before": {"claimant": f"Person {i}"}, "after": {"claimant": f"Person {i + 1}"}})
        with Project.open(path) as p:
            t0 = time.perf_counter()
            verdict = p.verify()
            elapsed = time.perf_counter() - t0
    return [
        ("verify 100,000 events", f"{elapsed:.2f} s", "<= 2 s"),
        ("  verdict", "intact" if verdict.ok else str(verdict), ""),
    ]
