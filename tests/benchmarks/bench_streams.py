"""Streams at a desk's scale: exports, ``claims`` and ``check`` of a project of 100,000 claims.

The project (100 articles of 1,000 claims, from ``_scale.build_project``, cached) is read by
``factcheck`` commands in processes of their own, so each figure is the command as a user runs
it: wall time, CPU time (user and system: what a machine shared with other work still shows
of the command itself), and peak memory (the child's peak RSS, ``getrusage(RUSAGE_CHILDREN)``, taken in
a small process started for each command, so one command's peak is not another's). Exports
take every claim (all four statuses in use); the PDF only at 100,000 claims (``FACTCHECK_BENCH_PDF=1``
for 1,000,000 too: Qt lays out about a millisecond a claim). ``claims``' first row is timed from the
start of the process, piped and on a terminal (both print the first batch with widths from it), with the
process's CPU time then (from ``/proc``, on Linux); ``factcheck --version`` gives the interpreter's and
click's own start for comparison.

``FACTCHECK_BENCH_MILLION=1`` adds the project of 1,000,000 claims (1,000 articles): its first
build takes several minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import _installed
import _scale

SIZES = [(100_000, 100)] + ([(1_000_000, 1_000)] if os.environ.get("FACTCHECK_BENCH_MILLION") else [])
EVERY_STATUS = ["--status", "draft", "--status", "in_review", "--status", "approved", "--status", "published"]

#: Runs one command as a child and prints what it cost (as JSON): the child is measured alone.
_MEASURE = r"""
import json, os, pty, resource, subprocess, sys, time
mode, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
first = first_cpu = None

def cpu_so_far(pid):
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
if mode == "tty":
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    seen = 0
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk.count(b"\n")
        if first is None and seen >= 3:
            first, first_cpu = time.perf_counter() - t0, cpu_so_far(proc.pid)
    os.close(leader)
else:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for n, _ in enumerate(proc.stdout, 1):
        if n == 3 and first is None:
            first, first_cpu = time.perf_counter() - t0, cpu_so_far(proc.pid)
proc.wait()
total = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = usage.ru_maxrss / 1024  # kB on Linux
print(json.dumps({"rc": proc.returncode, "total": total, "first": first, "first_cpu": first_cpu, "peak_mb": peak,
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


def measure(args: list[str], mode: str = "pipe") -> dict:
    env = _installed.env(QT_QPA_PLATFORM="offscreen", FACTCHECK_NO_PROGRESS="1")
    done = subprocess.run([sys.executable, "-c", _MEASURE, mode, sys.executable, "-m", "factcheck", *args],
                          capture_output=True, text=True, env=env, timeout=3600)
    return json.loads(done.stdout)


def _first(got: dict) -> str:
    """When the first rows came, and the process's CPU time then (where ``/proc`` tells it)."""
    cpu = f" ({got['first_cpu']:.2f} s CPU)" if got.get("first_cpu") is not None else ""
    return f"{got['first']:.3f} s{cpu}"


def run() -> list[tuple[str, str, str]]:
    rows = []
    start = measure(["--version"])
    rows.append(("interpreter start (factcheck --version)", f"{start['total']:.2f} s ({start['cpu']:.2f} s CPU)", ""))
    with tempfile.TemporaryDirectory() as tmp:
        for n_claims, n_articles in SIZES:
            path = str(_scale.build_project(n_claims, n_articles))
            size = f"{n_claims:,} claims"
            per = n_claims / 100_000
            formats = [("csv", f"<= {per:g} s"), ("html", f"<= {3 * per:g} s"), ("markdown", ""), ("claimreview", ""),
                       ("webannotation", "")]
            if n_claims <= 100_000 or os.environ.get("FACTCHECK_BENCH_PDF"):  # Qt lays out about 1 ms a claim
                formats.append(("pdf", ""))
            for fmt, target in formats:
                out = os.path.join(tmp, f"out.{fmt}")
                got = measure(["export", path, "-f", fmt, "-o", out, *EVERY_STATUS])
                written = os.path.getsize(out) / 1e6 if got["rc"] == 0 else 0
                rows.append((f"{fmt} export, {size} ({written:.0f} MB written)",
                             f"{got['total']:.2f} s ({got['cpu']:.2f} s CPU)", target))
                rows.append(("  peak memory", f"{got['peak_mb']:.0f} MB", "<= 150 MB"))
            for label, args, target in (
                ("claims", ["claims", path], ""),
                ("check (default statuses)", ["check", path], f"<= {per:g} s"),
                ("check --status draft", ["check", path, "--status", "draft"], f"<= {per:g} s"),
                ("history", ["history", path], ""),
            ):
                got = measure(args)
                rows.append((f"{label}, {size}", f"{got['total']:.2f} s ({got['cpu']:.2f} s CPU)", target))
                rows.append(("  peak memory", f"{got['peak_mb']:.0f} MB", "<= 150 MB"))
                if label == "claims":
                    rows.append(("  first row, piped (from process start)", _first(got), "<= 0.1 s after start-up"))
                    tty = measure(args, "tty")
                    rows.append(("  first row, on a terminal (from process start)", _first(tty),
                                 "<= 0.1 s after start-up"))
    return rows


if __name__ == "__main__":
    for row in run():
        print("  ".join(row))
