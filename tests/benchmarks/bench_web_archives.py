"""Importing large saved pages and web archives: time and peak memory (Python's allocations)."""

from __future__ import annotations

import os
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from tests.importers._web import mhtml, news_page, response, wacz, warc  # noqa: E402

from factcheck.importers import import_bytes  # noqa: E402

URL = "https://gazette.example/news/bridge-budget"


def _measure(data: bytes, name: str) -> tuple[float, float]:
    tracemalloc.start()
    t0 = time.perf_counter()
    import_bytes(data, name)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / (1024 * 1024)


def run() -> list[tuple[str, str, str]]:
    images = [os.urandom(1024 * 1024) for _ in range(100)]  # photos do not compress
    records = [response(URL, news_page().encode())]
    records += [response(f"https://cdn.example/photo{n}.jpg", image, "image/jpeg") for n, image in enumerate(images)]
    records += [response(f"https://gazette.example/other{n}", news_page().encode()) for n in range(20)]
    archive = warc(records)
    import_bytes(warc(records[:1]), "warm-up.warc.gz")  # the extractors' own import, once
    rows = []
    for data, name in ((archive, "capture.warc.gz"), (warc(records, gz=False), "capture.warc"),
                       (wacz(archive, [URL]), "capture.wacz")):
        elapsed, peak = _measure(data, name)
        rows.append((f"import a {len(data) / 2**20:.0f} MB {name.split('.', 1)[1]} (21 pages, 100 photos)",
                     f"{elapsed:.2f} s, peak +{peak:.0f} MB", ""))
    parts = [{"type": "text/html", "location": URL, "body": news_page().encode()}]
    parts += [{"type": "image/jpeg", "location": f"https://cdn.example/p{n}.jpg", "body": image}
              for n, image in enumerate(images[:50])]
    saved = mhtml(parts, snapshot=URL)
    elapsed, peak = _measure(saved, "page.mhtml")
    rows.append((f"import a {len(saved) / 2**20:.0f} MB .mhtml (50 photos)", f"{elapsed:.2f} s, peak +{peak:.0f} MB", ""))
    return rows


if __name__ == "__main__":
    for row in run():
        print(*row, sep="  ")
