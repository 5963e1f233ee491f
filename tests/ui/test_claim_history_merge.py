"""The inspector's History tab holds the merges that decided something about the claim."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings

from factcheck.core import merge
from factcheck.core.project import Project
from factcheck.ui.main_window import MainWindow

from ..conftest import imported

TEXT = "The minister said unemployment fell by 4% last year. The opposition said it rose by 2% instead."


def test_the_history_tab_shows_the_value_a_merge_kept(qtbot, tmp_path):
    a, b = tmp_path / "carla.factcheck", tmp_path / "eddie.factcheck"
    with Project.create(a, user="Carla") as p:
        version = p.current_version(p.import_article(imported(TEXT)).created)
        claim_id = p.create_claim(version.id, 4, 30).created
    shutil.copy(a, b)
    with Project.open(b, user="Eddie") as p:
        p.update_claim(claim_id, rating="mostly-true")
    with Project.open(a, user="Carla") as p:
        p.update_claim(claim_id, rating="true")
        merge.merge(p, b, prefer=merge.OURS)
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), "Carla")
    qtbot.add_widget(window)
    assert window.open_project(a)
    window.open_claim(claim_id)
    inspector = window.panel.inspector
    inspector.tabs.setCurrentWidget(inspector.history_view)
    newest = inspector.history.text_at(0).splitlines()
    assert newest[0].startswith("Merged eddie.factcheck") and newest[1].strip() == "rating: changed in both copies; kept True"
    assert "Mostly true" in inspector.history.text_at(1)  # Eddie's edit, which the merge did not keep, below it
