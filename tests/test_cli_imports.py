"""``factcheck claims`` loads what listing claims needs, so its first rows come before the rest of factcheck."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from factcheck import demo

#: Never loaded to list claims: other commands', the app's, or other managers' code.
NOT_FOR_CLAIMS = (
    "factcheck.exporters", "factcheck.importers", "factcheck.sync", "factcheck.ui", "factcheck.paths",
    "factcheck.core.library", "factcheck.core.search", "factcheck.core.attachments", "factcheck.core.sources",
    "factcheck.core.tasks", "factcheck.core.replay", "factcheck.core.backup", "factcheck.core.merge",
    "factcheck.core.anchoring",
    "PySide6", "sqlite_utils", "jinja2", "psycopg", "edlib", "rapidfuzz", "platformdirs", "subprocess",
)

CHILD = textwrap.dedent(
    """
    import sys
    sys.argv = ["factcheck", "claims", {project!r}]
    from factcheck import cli
    try:
        cli.main()
    except SystemExit as exc:
        assert not exc.code, exc.code
    print("MODULES", " ".join(sorted(sys.modules)))
    """
)


@pytest.fixture(scope="module")
def listed(tmp_path_factory) -> tuple[str, set[str]]:
    """``factcheck claims`` on the demo in a process of its own: (what it printed, the modules it loaded)."""
    project = tmp_path_factory.mktemp("imports") / "demo.factcheck"
    with demo.build(project):
        pass
    done = subprocess.run([sys.executable, "-c", CHILD.format(project=str(project))], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out, _, modules = done.stdout.rpartition("MODULES ")
    return out, set(modules.split())


def test_claims_lists_the_demo_without_loading_what_it_does_not_use(listed):
    out, modules = listed
    assert "drug cartels to flourish" in out  # the claims were listed
    assert {"factcheck.core.claims", "factcheck.core.settings"} <= modules
    early = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_FOR_CLAIMS))
    assert early == []


def test_a_manager_is_made_once_when_first_asked_for(tmp_path):
    from factcheck.core.claims import Claims
    from factcheck.core.project import Project

    with Project.create(tmp_path / "p.factcheck") as p:
        assert "claims" not in vars(p.managers)
        claims = p.managers.claims
        assert isinstance(claims, Claims) and claims.project is p
        assert p.managers.claims is claims
