"""Run every benchmark and print a table of figures: ``python tests/benchmarks/run.py [name ...]``.

Figures are printed, never asserted: timings belong here, behaviour belongs in tests.
"""

from __future__ import annotations

import importlib
import os
import pathlib
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))


def main(names: list[str]) -> None:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if any(n in m for n in names)]
    rows: list[tuple[str, str, str]] = []
    # Opening a project for writing makes its daily backup: keep those out of the real home.
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-home-") as home:
        os.environ["FACTCHECK_HOME"] = home
        for name in modules:
            t0 = time.perf_counter()
            rows.append((f"[{name}]", "", ""))
            rows.extend(importlib.import_module(name).run())
            print(f"{name}: done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'figure'.ljust(width)}  {'measured'.ljust(vwidth)}  target")
    print(f"{'-' * width}  {'-' * vwidth}  ------")
    for label, value, target in rows:
        print(f"{label.ljust(width)}  {value.ljust(vwidth)}  {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
