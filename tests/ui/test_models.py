"""Every item model over core passes qtmodeltester, empty and filled."""

from PySide6.QtCore import Qt

from factcheck.core import history
from factcheck.ui import models


def fill(session):
    p, v = session.project, session.version
    a = session.do(history.CreateClaim(v.id, 0, 40, claimant="A", rating="false")).created
    b = session.do(history.CreateClaim(v.id, 50, 90)).created
    s = session.do(history.CreateSource(title="AP", confidential=True)).created
    session.do(history.Cite(a, s, "contradicts", quote="passage"))
    return a, b, s


def test_article_list_model(session, qtmodeltester):
    m = models.ArticleListModel()
    qtmodeltester.check(m)
    fill(session)
    m.set_project(session.project)
    qtmodeltester.check(m)
    assert m.rowCount() == 1
    assert "2 claims" in m.data(m.index(0, 0))
    assert m.row_of(session.article_id) == 0


def test_claim_table_model(session, qtmodeltester):
    m = models.ClaimTableModel(session.project.scale)
    qtmodeltester.check(m)
    a, b, _ = fill(session)
    m.set_article(session.project, session.article_id)
    qtmodeltester.check(m)
    assert m.data(m.index(0, 1)) == "A"
    assert m.data(m.index(0, 2)) == "False"
    assert m.data(m.index(1, 2)) == "Not rated"
    assert m.data(m.index(0, 3)) == "Draft"
    assert m.data(m.index(0, 2), Qt.ItemDataRole.DecorationRole) is not None


def test_claim_table_updates_rows_in_place(session, qtbot):
    m = models.ClaimTableModel(session.project.scale)
    a, b, _ = fill(session)
    m.set_article(session.project, session.article_id)
    session.do(history.UpdateClaim(a, rating="true"))
    with qtbot.wait_signal(m.dataChanged):
        m.apply([a])
    assert m.data(m.index(0, 2)) == "True"
    session.do(history.DeleteClaim(b))
    with qtbot.wait_signal(m.rowsRemoved):
        m.apply([b], {b: session.project.claim(b)})  # a row read already: judged, not read again
    assert m.rowCount() == m.count() == 1


def test_citation_table_model(session, qtmodeltester):
    m = models.CitationTableModel()
    qtmodeltester.check(m)
    a, _, s = fill(session)
    source = session.project.source(s)
    m.set_citations([(c, source) for c in session.project.citations(a)])
    qtmodeltester.check(m)
    assert m.data(m.index(0, 0)) == "AP (confidential)"
    assert m.data(m.index(0, 1)) == "contradicts"


def test_session_notices_changes_made_by_another_window(session):
    from factcheck.core.project import Project

    claim_id = session.do(history.CreateClaim(session.version.id, 0, 40)).created
    assert not session.check_external_changes()  # our own commit is not "external"
    seen = []
    session.sig_changed.connect(seen.append)
    with Project.open(session.project.path, user="ben") as other:
        other.update_claim(claim_id, rating="true")
    assert session.check_external_changes()
    assert claim_id in seen[-1].claims and seen[-1].settings
    assert session.project.claim(claim_id).rating == "true"
