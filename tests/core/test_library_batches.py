"""The verdict library indexes a project a batch at a time: the same library as in one go, a pass cut
short goes on where it stopped, a later pass writes only what changed."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3

import pytest

from factcheck.core import library, matching
from factcheck.core.library import Library
from factcheck.core.project import Project
from tests.conftest import imported

from . import _plans

SUBJECTS = ["The minister", "The mayor of Quito", "Senator Rojas", "The central bank", "A viral post"]
VERBS = ["said inflation reached", "claimed unemployment fell to", "stated exports grew by", "wrote crime rose by"]
QUERIES = ["inflation reached 12", "unemployment fell in Quito", "Senator Rojas exports", "crime rose viral post",
           "the central bank said inflation"]


def sentences(article: int, n: int) -> list[str]:
    return [f"{SUBJECTS[(article + i) % 5]} {VERBS[(article * 3 + i) % 4]} {article * 10 + i}% in {2000 + i}."
            for i in range(n)]


def make_project(path) -> dict[str, list[str]]:
    """Three articles of 7, 4 and 6 claims (a reading order that is not the ids' order); claim ids by article id."""
    out = {}
    with Project.create(path, user="ana") as p:
        for a, n in enumerate((7, 4, 6)):
            texts = sentences(a, n)
            body = " ".join(texts)
            article_id = p.import_article(imported(body, title=f"Article {a}")).created
            version = p.current_version(article_id)
            ids = []
            for i, text in reversed(list(enumerate(texts))):  # created last to first: rowids against position
                start = body.index(text)
                claim_id = p.create_claim(version.id, start, start + len(text)).created
                p.update_claim(claim_id, statement=text, rating=("false", "true", "mixed")[i % 3],
                               verdict_summary=f"Figures of {2000 + i} say otherwise.")
                ids.append(claim_id)
            out[article_id] = ids
    return out


def change(path, claims: dict[str, list[str]]) -> None:
    """One claim deleted, one edited, one added, and a whole article deleted."""
    first, second, third = claims
    with Project.open(path, user="ana") as p:
        p.delete_claim(claims[first][2])
        p.update_claim(claims[first][4], statement="The minister said inflation reached 99% in 2099.")
        p.delete_article(second)
        version = p.current_version(third)
        p.create_claim(version.id, 0, 10, statement="A new claim about the harbour")


def snapshot(lib: Library) -> tuple:
    """Everything a search sees: every entry as stored (ids too), the FTS5 vocabulary, and matches."""
    entries = lib.conn.execute("SELECT * FROM entries ORDER BY id").fetchall()
    vocabulary = lib.conn.execute("SELECT term, col, doc, cnt FROM entries_vocab ORDER BY term, col").fetchall()
    sources = lib.conn.execute("SELECT kind, path, project_id, head, missing FROM sources ORDER BY id").fetchall()
    found = [[(m.claim_id, m.score) for m in lib.match(q)] for q in QUERIES]
    return entries, vocabulary, sources, found


def index(tmp_path, name: str, project, batch: int, monkeypatch) -> Library:
    monkeypatch.setattr(library, "BATCH", batch)
    lib = Library.open(tmp_path / name)
    lib.add_project(project)
    return lib


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.factcheck"
    return path, make_project(path)


def test_batches_of_two_make_the_library_one_batch_makes(tmp_path, project, monkeypatch):
    path, claims = project
    sizes = []
    changed = Library._changed
    monkeypatch.setattr(Library, "_changed", lambda self, source, rows: sizes.append(len(rows)) or
                        changed(self, source, rows))
    with index(tmp_path, "whole.sqlite", path, 10_000, monkeypatch) as whole, \
            index(tmp_path, "batched.sqlite", path, 2, monkeypatch) as batched:
        assert sizes == [17] + [2] * 8 + [1]
        assert snapshot(batched) == snapshot(whole)
        assert len(snapshot(whole)[0]) == 17 and all(snapshot(whole)[3])
        change(path, claims)
        monkeypatch.setattr(library, "BATCH", 10_000)
        whole.add_project(path)
        monkeypatch.setattr(library, "BATCH", 2)
        batched.add_project(path)
        assert snapshot(batched) == snapshot(whole)
        keys = {r[0] for r in batched.conn.execute("SELECT key FROM entries")}
        assert len(keys) == 7 - 1 + 6 + 1 and claims[list(claims)[0]][2] not in keys
        assert not keys & set(claims[list(claims)[1]])  # the deleted article's claims are gone


def test_a_pass_cut_short_goes_on_where_it_stopped(tmp_path, project, monkeypatch):
    path, _claims = project
    with index(tmp_path, "whole.sqlite", path, 10_000, monkeypatch) as whole:
        expected = snapshot(whole)
    monkeypatch.setattr(library, "BATCH", 3)
    analysed = []
    index_entry = library._index

    def interrupted(*args):
        if len(analysed) == 7:
            raise KeyboardInterrupt  # the app closed mid-pass
        analysed.append(args[0])
        return index_entry(*args)

    monkeypatch.setattr(library, "_index", interrupted)
    lib = Library.open(tmp_path / "batched.sqlite")
    with pytest.raises(KeyboardInterrupt):
        lib.add_project(path)
    assert lib.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 6  # two whole batches
    lib.close()
    monkeypatch.setattr(library, "_index", lambda *args: analysed.append(args[0]) or index_entry(*args))
    compared = []
    digest = library._digest
    monkeypatch.setattr(library, "_digest", lambda row: compared.append(row["key"]) or digest(row))
    with Library.open(tmp_path / "batched.sqlite") as lib:
        result = lib.add_project(path)
        assert not result.unchanged and result.entries == 17
        assert len(analysed) == 7 + 11  # the seventh, rolled back with its batch, and the rest
        assert len(compared) == 11  # the two batches written are not read again
        assert snapshot(lib) == expected
        assert lib.conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'indexing:%'").fetchone()[0] == 0
        assert lib.add_project(path).unchanged


def test_a_pass_cut_short_starts_over_when_the_project_moved_meanwhile(tmp_path, project, monkeypatch):
    path, claims = project
    monkeypatch.setattr(library, "BATCH", 2)
    changed = Library._changed
    batches = []

    def interrupted(self, source, rows):
        if len(batches) == 3:
            raise KeyboardInterrupt
        batches.append(rows)
        return changed(self, source, rows)

    monkeypatch.setattr(Library, "_changed", interrupted)
    with Library.open(tmp_path / "batched.sqlite") as lib, pytest.raises(KeyboardInterrupt):
        lib.add_project(path)
    monkeypatch.setattr(Library, "_changed", changed)
    change(path, claims)
    with Library.open(tmp_path / "batched.sqlite") as lib, \
            index(tmp_path, "whole.sqlite", path, 10_000, monkeypatch) as whole:
        monkeypatch.setattr(library, "BATCH", 2)
        lib.add_project(path)
        mine, theirs = snapshot(lib), snapshot(whole)
    assert {e[2]: e[3:] for e in mine[0]} == {e[2]: e[3:] for e in theirs[0]}  # ids aside: the first pass's stay
    assert mine[1:3] == theirs[1:3]


def test_a_later_pass_analyses_only_the_claims_that_changed(tmp_path, project, monkeypatch):
    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 4, monkeypatch)
    analysed = []
    index_entry = library._index
    monkeypatch.setattr(library, "_index", lambda *args: analysed.append(args[0]) or index_entry(*args))
    first = list(claims)[0]
    with Project.open(path, user="ana") as p:
        p.update_claim(claims[first][1], statement="The harbour of Valparaíso closed in 2024.")
    assert lib.add_project(path).entries == 17
    assert analysed == ["The harbour of Valparaíso closed in 2024."]
    assert lib.match("harbour Valparaíso closed")[0].claim_id == claims[first][1]
    lib.close()


def test_a_reanalysis_cut_short_goes_on_where_it_stopped(tmp_path, project, monkeypatch):
    path, _claims = project
    with index(tmp_path, "library.sqlite", path, 5, monkeypatch) as lib:
        expected = snapshot(lib)
        lib.conn.execute("UPDATE entries SET terms = 'zzz', bigrams = '', prefixes = ''")
    monkeypatch.setattr(matching, "ANALYZER_VERSION", matching.ANALYZER_VERSION + 1)
    analysed = []
    index_entry = library._index

    def interrupted(*args):
        if len(analysed) == 12:
            raise KeyboardInterrupt
        analysed.append(args[0])
        return index_entry(*args)

    monkeypatch.setattr(library, "_index", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Library.open(tmp_path / "library.sqlite")
    monkeypatch.setattr(library, "_index", lambda *args: analysed.append(args[0]) or index_entry(*args))
    with Library.open(tmp_path / "library.sqlite") as lib:
        assert len(analysed) == 12 + 7  # two batches kept, the third done again with the rest
        assert snapshot(lib) == expected
    with Library.open(tmp_path / "library.sqlite"):
        assert len(analysed) == 19  # done: not again


def test_a_feed_keeps_the_first_of_two_reviews_with_one_url(tmp_path):
    item = {"@type": "ClaimReview", "url": "https://checks.example.org/1", "claimReviewed": "Bananas cure malaria",
            "reviewRating": {"@type": "Rating", "alternateName": "False"}}
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([item, {**item, "reviewRating": {"@type": "Rating", "alternateName": "True"}}]),
                    encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite") as lib:
        (result,) = lib.add(feed)
        assert result.entries == 1
        assert [m.rating for m in lib.match("bananas malaria")] == ["False"]


def test_no_step_reads_a_whole_table_of_the_project_or_the_library(tmp_path, project, monkeypatch):
    """Indexing (first, again after changes), the app's changes, matching and removing reach claims and entries
    through indexes: nothing is read whole but the library's count of entries (kept until it changes)."""
    path, claims = project
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("ANALYZE")
    _plans.scale_statistics(path)
    in_project, in_library = _plans.Tracer(), _plans.Tracer()
    read_project = library._read_project

    @contextlib.contextmanager
    def traced(where):
        with read_project(where) as opened, in_project.watching(opened.store.conn):
            yield opened

    monkeypatch.setattr(library, "_read_project", traced)
    monkeypatch.setattr(library, "BATCH", 3)
    with Library.open(tmp_path / "library.sqlite") as lib:
        with in_library.watching(lib.conn):
            lib.add_project(path)
            change(path, claims)
            lib.add_project(path)
            with Project.open(path, user="ana", read_only=True) as p:
                claim = p.claim(claims[list(claims)[2]][0])
                lib.put_claims(path, None, None, library.project_rows(p, [claim]), gone=[claims[list(claims)[0]][0]])
            for query in QUERIES:
                lib.match(query)
            lib.info()
            lib.remove(path)
        with contextlib.closing(sqlite3.connect(path)) as conn:
            assert _plans.offending(conn, in_project, {}) == []
        assert len(in_project.statements) >= 4  # the claims by keyset, the live ones among keys, the head
        monkeypatch.setattr(_plans, "BIG_TABLES", frozenset({"entries"}))
        counted = "SELECT count(*) FROM entries"
        assert _plans.offending(lib.conn, in_library, {"^" + re.escape(counted) + "$": "the documents of IDF"}) == []
        assert counted in in_library.statements


def _passes(monkeypatch) -> list[str]:
    """The kind of each pass ``add_project`` makes from now on: "whole" or the number of claims read again."""
    made = []
    whole, touched = Library._index_project, Library._index_touched
    monkeypatch.setattr(Library, "_index_project", lambda self, *a: made.append("whole") or whole(self, *a))

    def counted(self, source, project, head, claim_ids, article_ids, *written):
        made.append((len(claim_ids), len(article_ids)))
        return touched(self, source, project, head, claim_ids, article_ids, *written)

    monkeypatch.setattr(Library, "_index_touched", counted)
    return made


def test_a_later_pass_reads_only_the_claims_the_events_since_touched(tmp_path, project, monkeypatch):
    """An edit, a deletion, a new claim and a deleted article: the library ends as a whole pass makes it, from
    the claims named by the events since the last pass (and the deleted article's), not every claim."""
    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 3, monkeypatch)
    made = _passes(monkeypatch)
    change(path, claims)
    lib.add_project(path)
    assert made == [(3, 1)]  # the deleted, the edited and the new claim; the deleted article
    with index(tmp_path, "whole.sqlite", path, 3, monkeypatch) as whole:
        assert {e[2]: e[3:] for e in snapshot(lib)[0]} == {e[2]: e[3:] for e in snapshot(whole)[0]}
        assert snapshot(lib)[1:] == snapshot(whole)[1:]
    lib.close()


def test_the_apps_changes_keep_the_last_head_so_the_next_open_reads_only_what_moved(tmp_path, project, monkeypatch):
    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 3, monkeypatch)
    made = _passes(monkeypatch)
    first = list(claims)[0]
    with Project.open(path, user="ana") as p:
        p.update_claim(claims[first][1], statement="The harbour of Valparaíso closed in 2024.")
        lib.put_claims(path, None, None, library.project_rows(p, [p.claim(claims[first][1])]))  # as the app does
    lib.add_project(path)
    assert made == [(1, 0)]
    assert lib.match("harbour Valparaíso closed")[0].claim_id == claims[first][1]
    lib.close()


def test_an_older_copy_put_back_over_the_file_takes_back_what_the_app_wrote(tmp_path, project, monkeypatch):
    """The app's change is in the library ahead of any pass; the file copied back from before it (a sync folder,
    a hand copy) has the very head the library last indexed, and the claim is read again all the same."""
    import shutil

    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 3, monkeypatch)
    before = tmp_path / "before.factcheck"
    shutil.copy(path, before)
    claim_id = claims[list(claims)[0]][1]
    with Project.open(path, user="ana") as p:
        p.update_claim(claim_id, statement="Zebras invaded the parliament in 2031.")
        lib.put_claims(path, None, None, library.project_rows(p, [p.claim(claim_id)]))  # as the app does
    assert lib.match("zebras invaded parliament")[0].claim_id == claim_id
    shutil.copy(before, path)
    made = _passes(monkeypatch)
    assert not lib.add_project(path).unchanged
    assert made == [(1, 0)] and not [m for m in lib.match("zebras invaded parliament") if m.claim_id == claim_id]
    assert lib.add_project(path).unchanged  # read once: forgotten
    lib.close()


@pytest.mark.parametrize("moved", ["settings", "history", "much"])
def test_a_change_of_settings_or_of_history_is_read_whole(tmp_path, project, monkeypatch, moved):
    """The scale's labels are in every row; a head no longer in the history leaves nothing to count from; past
    ``TOUCHED_MOST`` events since, the claims they name would be held at once, where a whole pass holds a batch."""
    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 3, monkeypatch)
    made = _passes(monkeypatch)
    with Project.open(path, user="ana") as p:
        if moved == "settings":
            p.set_setting("organisation_name", "Desk")
        else:
            p.update_claim(claims[list(claims)[0]][1], statement="Rewritten.")
        if moved == "much":
            p.update_claim(claims[list(claims)[0]][2], statement="Rewritten too.")
            monkeypatch.setattr(library, "TOUCHED_MOST", 1)
    if moved == "history":
        lib.conn.execute("UPDATE sources SET head = 'an-event-this-copy-never-had'")
        lib.conn.commit()
    lib.add_project(path)
    assert made == ["whole"]
    lib.close()


def test_the_word_counts_outlive_a_small_write_of_the_app_but_not_a_large_one(tmp_path, project, monkeypatch):
    """Counting a word reads its whole list of entries (2 s at 1,000,000): the app's write of one claim keeps the
    counts; a word counted in none is counted again, and a write past the drift takes every count afresh."""
    path, claims = project
    lib = index(tmp_path, "library.sqlite", path, 3, monkeypatch)
    statements = []
    lib.conn.set_trace_callback(statements.append)

    def counted() -> list[str]:
        done = [s for s in statements if "entries_vocab" in s]
        statements.clear()
        return done

    lib.match("inflation reached harbour")
    assert counted()  # counted once
    lib.match("inflation reached harbour")
    assert not counted()
    claim_id = claims[list(claims)[0]][1]
    with Project.open(path, user="ana") as p:
        p.update_claim(claim_id, statement="The harbour of Valparaíso closed in 2024.")
        lib.put_claims(path, None, None, library.project_rows(p, [p.claim(claim_id)]))
    assert claim_id in [m.claim_id for m in lib.match("inflation reached harbour")]  # "harbour": in no entry before
    again = counted()
    assert again and not [s for s in again if "inflation" in s]  # "harbour" asked again; the others kept theirs
    monkeypatch.setattr(library, "DRIFT_ROWS", 0)
    with Project.open(path, user="ana") as p:
        lib.put_claims(path, None, None, library.project_rows(p, [p.claim(claim_id)]))
    lib.match("inflation reached harbour")
    assert any("inflation" in s for s in counted())  # past the drift: counted again
    lib.close()
