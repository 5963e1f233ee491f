"""The app's start imports what its first window needs, and nothing it only needs later."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from factcheck import demo

#: Loaded when their feature is first used, never to show the first window.
LATER = (
    "psycopg",  # sync: only a linked project connects
    "pypdfium2",  # a PDF's original page
    "rapidfuzz",  # re-anchoring and comparing versions
    "jinja2",  # reports
    "trafilatura", "readability", "lxml", "docx", "warcio",  # importers of other formats
    "factcheck.importers.pdf",
    "factcheck.exporters",
    "factcheck.core.merge", "factcheck.core.handoff",  # merging, hand-offs and syncs
    "xml.etree",  # the command line's reading of the catalogue
    "sqlite_utils",  # migrations of an older file
)

CHILD = textwrap.dedent(
    """
    import sys
    sys.argv = ["factcheck", "open", {project!r}]
    from factcheck import cli
    try:
        cli.main()
    except SystemExit:
        pass
    print("MODULES", " ".join(sorted(sys.modules)))
    print("SWITCH", sys.getswitchinterval())
    """
)


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> dict[str, list[str]]:
    """The app started on the demo until its window showed: what its process printed, by first word."""
    tmp_path = tmp_path_factory.mktemp("cold")
    project = tmp_path / "demo.factcheck"
    with demo.build(project):
        pass
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACTCHECK_HOME=str(tmp_path / "home"),
               FACTCHECK_QUIT_WHEN_SHOWN="1", FACTCHECK_ONE_APP="0", FACTCHECK_USER="ana")
    result = subprocess.run([sys.executable, "-c", CHILD.format(project=str(project))], env=env,
                            capture_output=True, text=True, timeout=120)
    assert "factcheck: window shown" in result.stdout, result.stderr[-2000:]
    return {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}


def test_the_first_window_loads_no_module_it_does_not_need(started):
    loaded = set(started["MODULES"])
    assert "factcheck.ui.main_window" in loaded  # the window did open
    early = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in LATER))
    assert early == []


def test_the_window_thread_waits_little_for_python_while_workers_compute(started):
    from factcheck.ui import app

    assert float(started["SWITCH"][0]) == app.SWITCH_INTERVAL_S < 0.005  # Python's own: 5 ms
