"""The verdict library: projects and ClaimReview in, earlier verdicts out, and the files it must survive."""

from __future__ import annotations

import json
import sqlite3

import pytest

from factcheck.core import library, matching
from factcheck.core.library import FeedRefused, Library, LibraryLocked, LibraryTooNew
from factcheck.core.project import Project
from tests.conftest import imported

TEXT = (
    "Petro allowed the cartels to flourish in Colombia. Inflation reached 12% in Bogotá last year. "
    "Vaccines cause autism, he said. Unemployment fell to 8% in Lima in 2023."
)
CLAIMS = [
    ("Petro allowed the cartels to flourish in Colombia", "false", "Seizures and arrests rose."),
    ("Inflation reached 12% in Bogotá last year", "true", "The statistics office says 12.1%."),
    ("Vaccines cause autism", "false", "No study supports it."),
]


def make_project(path, claims=CLAIMS, text=TEXT) -> dict[str, str]:
    """A project whose claims have a rating and summary; returns their ids by quote."""
    ids = {}
    with Project.create(path, user="ana") as p:
        article_id = p.import_article(imported(text)).created
        version = p.current_version(article_id)
        for quote, rating, summary in claims:
            start = text.index(quote)
            claim_id = p.create_claim(version.id, start, start + len(quote)).created
            p.update_claim(claim_id, statement=quote, rating=rating, verdict_summary=summary)
            ids[quote] = claim_id
    return ids


def review_item(i: int, **extra) -> dict:
    item = {"@type": "ClaimReview", "url": f"https://checks.example.org/{i}",
            "claimReviewed": f"Claim number {i} about the harbour of Valparaíso",
            "author": {"@type": "Organization", "name": "Example Checks"}, "datePublished": "2025-10-24",
            "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                             "alternateName": "False"}}
    item.update(extra)
    return item


@pytest.fixture
def lib(tmp_path):
    opened = Library.open(tmp_path / "library.sqlite")
    yield opened
    opened.close()


def test_a_project_is_indexed_and_found_from_spanish(tmp_path, lib):
    ids = make_project(tmp_path / "a.factcheck")
    (result,) = lib.add(tmp_path / "a.factcheck")
    assert result.entries == 3
    found = lib.match("Petro permitió que los carteles florecieran en Colombia")
    assert found[0].claim_id == ids["Petro allowed the cartels to flourish in Colombia"]
    assert (found[0].rating, found[0].rating_key, found[0].summary) == ("False", "false", "Seizures and arrests rose.")
    assert found[0].rating_value is not None and found[0].source_path == str((tmp_path / "a.factcheck").resolve())
    assert lib.match("la inflación en Bogotá llegó al 12 %")[0].claim_id == ids["Inflation reached 12% in Bogotá last year"]


def test_a_project_added_twice_is_indexed_once_and_not_read_again(tmp_path, lib):
    make_project(tmp_path / "a.factcheck")
    first = lib.add(tmp_path / "a.factcheck")[0]
    second = lib.add(tmp_path / "a.factcheck")[0]
    assert second.unchanged and second.entries == first.entries == 3
    assert lib.info().count(library.PROJECT) == 3
    assert len(lib.match("Vaccines cause autism")) == 1


def test_a_changed_project_is_read_again_and_deleted_claims_leave(tmp_path, lib):
    ids = make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    with Project.open(tmp_path / "a.factcheck", user="ana") as p:
        p.delete_claim(ids["Vaccines cause autism"])
        p.update_claim(ids["Inflation reached 12% in Bogotá last year"], verdict_summary="Revised: 11.9%.")
    result = lib.add(tmp_path / "a.factcheck")[0]
    assert not result.unchanged and result.entries == 2
    assert lib.match("Vaccines cause autism") == [] or lib.match("Vaccines cause autism")[0].claim_id != \
        ids["Vaccines cause autism"]
    assert lib.match("inflation Bogotá 12%")[0].summary == "Revised: 11.9%."


def test_put_claims_brings_changed_claims_up_to_date(tmp_path, lib):
    ids = make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    with Project.open(tmp_path / "a.factcheck", user="ana") as p:
        claim_id = ids["Vaccines cause autism"]
        p.update_claim(claim_id, statement="Measles vaccines cause autism in children")
        rows = library.project_rows(p, [p.claim(claim_id)])
        lib.put_claims(p.path, None, None, rows)
        assert lib.match("measles children autism")[0].statement == "Measles vaccines cause autism in children"
        lib.put_claims(p.path, None, None, [], gone=[claim_id])
    assert all(m.claim_id != claim_id for m in lib.match("measles children autism"))


def test_the_claim_itself_is_excluded(tmp_path, lib):
    ids = make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    own = ids["Vaccines cause autism"]
    assert lib.match("Vaccines cause autism")[0].claim_id == own
    assert all(m.claim_id != own for m in lib.match("Vaccines cause autism", exclude=(tmp_path / "a.factcheck", own)))


def test_a_project_that_is_gone_is_marked_missing_not_dropped(tmp_path, lib):
    make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    (tmp_path / "a.factcheck").rename(tmp_path / "moved.factcheck")
    lib.refresh()
    info = lib.info()
    assert [s.missing for s in info.sources] == [True] and info.count(library.PROJECT) == 3
    found = lib.match("Vaccines cause autism")[0]
    assert found.missing and found.rating == "False"
    assert lib.remove(missing=True) == 1 and lib.match("Vaccines cause autism") == []


def test_claimreview_forms_all_come_in(tmp_path, lib):
    item = review_item(1)
    forms = {
        "single.json": item,
        "array.json": [review_item(2), review_item(3)],
        "graph.jsonld": {"@context": "https://schema.org", "@graph": [review_item(4), {"@type": "WebPage"}]},
        "feed.json": {"@context": "https://schema.org", "@type": "DataFeed",
                      "dataFeedElement": [{"@type": "DataFeedItem", "item": [review_item(5), review_item(6)]}]},
    }
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name, data in forms.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    results = lib.add(folder)
    assert sorted(r.entries for r in results) == [1, 1, 2, 2]
    found = lib.match("the harbour of Valparaíso claim number 5")[0]
    assert (found.url, found.author, found.date, found.rating, found.rating_value) == (
        "https://checks.example.org/5", "Example Checks", "2025-10-24", "False", 0.0)


def test_claimreview_with_missing_fields_html_and_bad_urls(tmp_path, lib):
    items = [
        {"@type": "ClaimReview", "claimReviewed": "<p>The <b>moon</b> landing&nbsp;was <i>staged</i></p>"},
        {"@type": "ClaimReview", "url": "javascript:alert(1)", "claimReviewed": "Tap water in Quito is radioactive"},
        {"@type": "ClaimReview", "url": "ftp://files.example.org/x", "claimReviewed": "Bananas cure malaria"},
        {"@type": "ClaimReview"},  # names no claim at all
        {"@type": "ClaimReview", "claimReviewed": None, "reviewRating": "odd", "author": [], "itemReviewed": 3},
    ]
    (tmp_path / "odd.json").write_text(json.dumps(items), encoding="utf-8")
    (result,) = lib.add(tmp_path / "odd.json")
    assert (result.entries, result.dropped_urls, result.skipped) == (3, 2, 2)
    moon = lib.match("moon landing staged")[0]
    assert moon.statement == "The moon landing was staged" and moon.url == "" and moon.rating == ""
    water = lib.match("radioactive tap water Quito")[0]
    assert water.url == "" and "javascript" not in json.dumps(water.__dict__)


def test_a_file_that_is_not_json_is_refused_whole_and_leaves_what_was_there(tmp_path, lib):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([review_item(1), review_item(2)]), encoding="utf-8")
    lib.add(feed)
    good = json.dumps([review_item(i) for i in range(3, 500)])
    feed.write_text(good[:-50], encoding="utf-8")  # cut short: valid for 400-odd items, then broken
    with pytest.raises(FeedRefused, match="not valid JSON"):
        lib.add(feed)
    assert lib.info().count(library.CLAIMREVIEW) == 2  # the earlier reading stands; nothing half-added
    (tmp_path / "notes.json").write_bytes(b"This is a text file, not JSON.")
    with pytest.raises(FeedRefused, match="notes.json is not a ClaimReview JSON file"):
        lib.add(tmp_path / "notes.json")
    (tmp_path / "latin1.json").write_bytes('["Bogot\xe1"]'.encode("latin-1"))
    with pytest.raises(FeedRefused, match="UTF-8"):
        lib.add(tmp_path / "latin1.json")
    assert [s.path for s in lib.info().sources] == [str(feed.resolve())]


def test_a_feed_of_100000_items_comes_in_whole(tmp_path, lib):
    feed = tmp_path / "big.json"
    with feed.open("w", encoding="utf-8") as f:
        f.write('{"@context": "https://schema.org", "dataFeedElement": [')
        for i in range(100_000):
            f.write(("," if i else "") + json.dumps({"item": [review_item(i)]}))
        f.write("]}")
    (result,) = lib.add(feed)
    assert result.entries == 100_000
    assert lib.match("claim number 99999 harbour")[0].url == "https://checks.example.org/99999"


@pytest.mark.parametrize("query", [
    "x" * 10_000, "Vaccines cause autism " * 500, "!!! ??? ... ;;; ---", '"', '"unbalanced', "*", "vacc*",
    "NEAR(vaccines autism)", "vaccines NEAR autism", "-autism", "vaccines -autism", "AND OR NOT", "terms : x",
    "{terms}: vaccines", "^vaccines", "\x00\x01", "\ud800", "",
])
def test_any_query_is_only_words(tmp_path, lib, query):
    make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    found = lib.match(query)
    assert isinstance(found, list) and len(found) <= 5
    if "Vaccines cause autism " in query:
        assert found[0].statement == "Vaccines cause autism"


def test_right_to_left_text_is_indexed_and_found(tmp_path, lib):
    feed = tmp_path / "rtl.json"
    feed.write_text(json.dumps([review_item(1, claimReviewed="اللقاحات تسبب التوحد عند الأطفال"),
                                review_item(2, claimReviewed="החיסונים גורמים לאוטיזם")]), encoding="utf-8")
    lib.add(feed)
    assert lib.match("اللقاحات تسبب التوحد")[0].url == "https://checks.example.org/1"
    assert lib.match("\u202bהחיסונים גורמים\u202c")[0].url == "https://checks.example.org/2"


def test_a_damaged_library_is_set_aside_and_rebuilt_from_its_sources(tmp_path):
    path = tmp_path / "library.sqlite"
    make_project(tmp_path / "a.factcheck")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([review_item(1)]), encoding="utf-8")
    with Library.open(path) as lib:
        lib.add(tmp_path / "a.factcheck")
        lib.add(feed)
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with Library.open(path) as lib:
        (notice,) = lib.notices
        assert notice.startswith("The library was damaged: it was set aside as library.sqlite.damaged")
        assert "rebuilt from 1 projects and 1 ClaimReview files" in notice
        assert lib.match("Vaccines cause autism")[0].rating == "False"
        assert lib.match("harbour of Valparaíso")[0].url == "https://checks.example.org/1"
    assert (tmp_path / "library.sqlite.damaged").exists()


def test_a_damaged_page_inside_is_rebuilt_too(tmp_path):
    path = tmp_path / "library.sqlite"
    make_project(tmp_path / "a.factcheck")
    with Library.open(path) as lib:
        lib.add(tmp_path / "a.factcheck")
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(1, len(data) // page):  # every page but the header's: nothing of the schema is readable
        data[n * page:(n + 1) * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    with Library.open(path) as lib:
        assert lib.notices and "rebuilt" in lib.notices[0]
        assert lib.match("Vaccines cause autism")[0].rating == "False"


def test_a_library_from_a_newer_factcheck_is_refused_untouched(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {library.SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(LibraryTooNew, match="newer version of factcheck"):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_library_locked_by_another_instance_is_read_and_a_write_waits_then_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(library, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "library.sqlite"
    make_project(tmp_path / "a.factcheck")
    make_project(tmp_path / "b.factcheck")
    with Library.open(path) as lib:
        lib.add(tmp_path / "a.factcheck")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window is writing
    try:
        with Library.open(path) as lib:
            assert lib.match("Vaccines cause autism")[0].rating == "False"  # reading goes on
            with pytest.raises(LibraryLocked, match="another factcheck"):
                lib.add(tmp_path / "b.factcheck")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Library.open(path) as lib:
        assert lib.add(tmp_path / "b.factcheck")[0].entries == 3


def test_a_library_being_created_by_another_instance_opens_read_only(tmp_path, monkeypatch):
    monkeypatch.setattr(library, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "library.sqlite"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE t (x)")
    try:
        with pytest.raises(LibraryLocked, match="another factcheck"):
            Library.open(path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_another_programs_file_is_refused(tmp_path):
    make_project(tmp_path / "a.factcheck")
    with pytest.raises(library.LibraryError, match="not a factcheck library"):
        Library.open(tmp_path / "a.factcheck")


def test_an_older_analyzer_is_reindexed(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite"
    make_project(tmp_path / "a.factcheck")
    with Library.open(path) as lib:
        lib.add(tmp_path / "a.factcheck")
        lib.conn.execute("UPDATE entries SET terms = 'zzz', bigrams = '', prefixes = ''")
    assert Library.open(path).match("Vaccines cause autism") == []
    monkeypatch.setattr(matching, "ANALYZER_VERSION", matching.ANALYZER_VERSION + 1)
    with Library.open(path) as lib:
        assert lib.match("Vaccines cause autism")[0].rating == "False"


def test_token_counts_kept_between_queries_follow_another_windows_writes(tmp_path):
    path = tmp_path / "library.sqlite"
    make_project(tmp_path / "a.factcheck")
    make_project(tmp_path / "b.factcheck", [("Bananas cure malaria", "false", "No trial shows it.")],
                 "Bananas cure malaria, the post says.")
    with Library.open(path) as mine, Library.open(path) as other:
        mine.add(tmp_path / "a.factcheck")
        assert mine.match("bananas cure malaria") == []  # counted: in no entry
        other.add(tmp_path / "b.factcheck")
        assert [m.statement for m in mine.match("bananas cure malaria")] == ["Bananas cure malaria"]
        other.remove(tmp_path / "b.factcheck")
        assert mine.match("bananas cure malaria") == []
