"""The inspector names the page of a claim on a PDF ("p. 12") and nothing for other articles."""

from __future__ import annotations

import dataclasses

from factcheck.ui.claim_panel import ClaimInspector

from ..conftest import imported

TEXT = "Página once: el ministro habló.\n\nPágina doce: la producción cayó un 30 % en 2020 y siguió en la trece."
STARTS = (0, TEXT.index("Página doce"), TEXT.index("trece"))


def test_the_inspector_shows_the_page_of_a_claim_on_a_pdf(qtbot, session):
    project = session.project
    paged = dataclasses.replace(imported(TEXT, name="informe.pdf"), source_format="pdf", pages=STARTS,
                                page_labels=("11", "12", "13"))
    version = project.current_version(project.import_article(paged).created)
    on_page = project.create_claim(version.id, TEXT.index("la producción"), TEXT.index(" en 2020")).created
    across = project.create_claim(version.id, TEXT.index("siguió"), len(TEXT) - 1).created
    unpaged = project.create_claim(session.version.id, 0, 20).created
    inspector = ClaimInspector(session)
    qtbot.add_widget(inspector)
    inspector.show()
    inspector.show_claim(on_page)
    assert inspector.page_label.text() == "p. 12" and inspector.page_label.isVisibleTo(inspector)
    inspector.show_claim(across)
    assert inspector.page_label.text() == "pp. 12–13"
    inspector.show_claim(unpaged)
    assert not inspector.page_label.isVisibleTo(inspector)
