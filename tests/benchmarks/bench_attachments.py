"""The evidence vault with a 500 MB recording: attach it, read it back, verify, export the zip; time and memory.

Memory is the growth of the peak while attaching: Python's allocations (tracemalloc) and
the whole process's resident peak (``ru_maxrss``, which counts SQLite's page cache too).
"""

from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from factcheck.core.project import Project
from factcheck.exporters import Selection, export_to_file

SIZE = 500 * 1000 * 1000


def _rss_peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, KiB elsewhere


def make_recording(path: Path) -> None:
    """500 MB of deterministic bytes after an Ogg header, written 1 MB at a time."""
    rng = random.Random(42)
    with open(path, "wb") as f:
        f.write(b"OggS")
        left = SIZE - 4
        while left:
            piece = rng.randbytes(min(left, 1 << 20))
            f.write(piece)
            left -= len(piece)


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ.setdefault("FACTCHECK_HOME", str(tmp / "home"))  # never the real home (run.py sets one)
        recording = tmp / "interview.ogg"
        make_recording(recording)
        path = tmp / "vault.factcheck"
        with Project.create(path, user="bench") as p:
            source_id = p.create_source(title="Interview with the port authority").created
            rss_before = _rss_peak_mb()
            tracemalloc.start()
            t0 = time.perf_counter()
            p.attach(recording, source_id=source_id)
            attach_s = time.perf_counter() - t0
            _, py_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rss_growth = _rss_peak_mb() - rss_before
            (made,) = p.attachments()
            t0 = time.perf_counter()
            again = p.attach(recording, source_id=p.create_source(title="Second source").created)
            dedupe_s = time.perf_counter() - t0
            assert again.created
            t0 = time.perf_counter()
            copy = p.export_to_temp(made.sha256, made.name)
            read_s = time.perf_counter() - t0
            copy.chmod(0o600)
            copy.unlink()
            t0 = time.perf_counter()
            verdict = p.verify()
            verify_s = time.perf_counter() - t0
            assert verdict.ok, verdict
            t0 = time.perf_counter()
            export_to_file(p, "evidence", Selection(), tmp / "evidence.zip")
            export_s = time.perf_counter() - t0
        project_mb = path.stat().st_size / 1e6
    mb_s = SIZE / 1e6 / attach_s
    return [
        ("attach a 500 MB file (stream, hash, store)", f"{attach_s:.1f} s ({mb_s:.0f} MB/s)", "-"),
        ("  peak memory growth, Python (tracemalloc)", f"{py_peak / 1e6:.1f} MB", "<= 50 MB"),
        ("  peak memory growth, process (ru_maxrss)", f"{rss_growth:.1f} MB", "<= 50 MB"),
        ("  project file afterwards", f"{project_mb:.0f} MB", "-"),
        ("attach the same 500 MB again (hashed, stored once)", f"{dedupe_s:.1f} s", "-"),
        ("read it back to a temporary copy (checked)", f"{read_s:.1f} s", "-"),
        ("verify (history, state, every stored file's hash)", f"{verify_s:.1f} s", "-"),
        ("export the evidence zip (SHA256SUMS, streamed)", f"{export_s:.1f} s", "-"),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
