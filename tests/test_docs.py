"""The README stays true to the code."""

import pathlib
import re

from factcheck import cli

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    for name in cli.cli.commands:
        assert re.search(rf"factcheck {re.escape(name)}\b", README), f"`factcheck {name}` is not in the README"


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    test_commands = [line for b in blocks for line in b.splitlines() if "pytest" in line]
    assert len(test_commands) == 1, test_commands
    assert test_commands[0].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_names_the_html_extractor_and_why():
    assert "trafilatura" in README


ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_architecture_names_every_core_module_and_only_real_ones():
    modules = {p.name for p in (ROOT / "factcheck" / "core").glob("*.py") if p.name != "__init__.py"}
    named = set(re.findall(r"`(\w+\.py)`", ARCHITECTURE.split("## Core", 1)[1].split("## The life", 1)[0]))
    assert modules - named == set(), "core modules missing from docs/architecture.md"
    assert named - modules == set(), "docs/architecture.md names core modules that do not exist"


def test_readme_links_the_architecture():
    assert "docs/architecture.md" in README
