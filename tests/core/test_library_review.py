"""The verdict library against real material: the same fact-check in two feeds, copies of a
project, feeds whose fields have the wrong types, and hostile HTML."""

from __future__ import annotations

import json
import shutil

import pytest

from factcheck.core import claimreview_feed, library
from factcheck.core.library import Library
from tests.core.test_library import make_project, review_item


@pytest.fixture
def lib(tmp_path):
    opened = Library.open(tmp_path / "library.sqlite")
    yield opened
    opened.close()


def write_feed(path, items) -> None:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")


def test_the_same_fact_check_in_two_feeds_is_suggested_once(tmp_path, lib):
    """Feeds overlap (a network's feed and the outlet's own): one fact-check, one suggestion."""
    items = [review_item(i) for i in range(3)]
    write_feed(tmp_path / "network.json", items)
    write_feed(tmp_path / "outlet.json", items[:1])
    lib.add(tmp_path / "network.json")
    lib.add(tmp_path / "outlet.json")
    urls = [m.url for m in lib.match("Claim number 0 about the harbour of Valparaíso", top=5)]
    assert urls.count("https://checks.example.org/0") == 1


def test_the_same_fact_check_without_a_url_in_two_feeds_is_suggested_once(tmp_path, lib):
    item = review_item(0)
    del item["url"]
    write_feed(tmp_path / "a.json", [item])
    write_feed(tmp_path / "b.json", [item])
    lib.add(tmp_path / "a.json")
    lib.add(tmp_path / "b.json")
    assert len(lib.match("Claim number 0 about the harbour of Valparaíso", top=5)) == 1


def test_the_claim_being_written_is_not_suggested_from_a_copy_of_its_project(tmp_path, lib):
    """A backup or a colleague's copy holds the same claim (same project, same claim id):
    it is the claim itself, whichever file it is read from."""
    ids = make_project(tmp_path / "a.factcheck")
    shutil.copy(tmp_path / "a.factcheck", tmp_path / "a copy.factcheck")
    lib.add(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a copy.factcheck")
    claim_id = ids["Vaccines cause autism"]
    found = lib.match("Vaccines cause autism", exclude=(str(tmp_path / "a.factcheck"), claim_id))
    assert all(m.claim_id != claim_id for m in found)


def test_a_rating_given_as_plain_text_is_kept():
    """Some feeds write the rating as a word instead of a Rating object."""
    found = claimreview_feed.review(review_item(1, reviewRating="Falso"))
    assert found.rating == "Falso"
    found = claimreview_feed.review(review_item(1, reviewRating=["Engañoso"]))
    assert found.rating == "Engañoso"


def test_wrong_types_are_tolerated():
    item = review_item(2, url=12, author=["Example Checks"], datePublished=20251024, inLanguage={"name": "es"},
                       claimReviewed=["<p>El puerto</p>", "x"], itemReviewed="not an object",
                       reviewRating={"ratingValue": "2", "bestRating": "5", "worstRating": "1", "name": None})
    found = claimreview_feed.review(item)
    assert (found.statement, found.url, found.author, found.date) == ("El puerto", "", "Example Checks", "")
    assert found.rating_value == 0.25 and found.rating == ""


def test_a_less_than_sign_before_a_tag_keeps_the_words_between():
    """"< 5% <b>" is not one tag: the words after a lone "<" stay (and stripping stays linear:
    the old pattern rescanned to the next ">" from every "<", minutes on a field of "<<<...")."""
    found = claimreview_feed.review(review_item(3, claimReviewed="Unemployment < 5% <b>in Lima</b> & falling"))
    assert found.statement == "Unemployment < 5% in Lima & falling"


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("content", [b"name,claim\nana,Vaccines cause autism\n", b'[{"@type": "ClaimReview"}]',
                                     b"\x00" * 4096])
def test_a_file_that_never_was_a_library_is_refused_untouched(tmp_path, read_only, content):
    """`--library notes.csv` (or a feed, mistaken for it) is not a damaged library: it must not be
    renamed to .damaged with a new library written in its place."""
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    with pytest.raises(library.LibraryError, match="not a factcheck library"):
        Library.open(path, read_only=read_only)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.csv"]


def test_a_library_damaged_from_its_first_byte_is_still_rebuilt_where_the_app_keeps_it(tmp_path):
    """The data folder's library.sqlite is ours whatever its bytes say; so is one whose pages
    are gone but whose header still names it."""
    path = library.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00" * 8192)
    with Library.open() as lib:
        assert lib.notices and "rebuilt" in lib.notices[0]
    elsewhere = tmp_path / "mine.sqlite"
    Library.open(elsewhere).close()
    data = bytearray(elsewhere.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xff" * (len(data) - page)
    elsewhere.write_bytes(bytes(data))
    (tmp_path / "mine-sources.json").unlink(missing_ok=True)
    with Library.open(elsewhere) as lib:
        assert lib.notices and "rebuilt" in lib.notices[0]


def test_a_moved_project_is_suggested_from_where_it_is_now(tmp_path, lib):
    """Moved to another folder, a project is in the library twice (the old path marked missing):
    the suggestion must come from the file that is there, which Open can show."""
    ids = make_project(tmp_path / "a.factcheck")
    lib.add(tmp_path / "a.factcheck")
    (tmp_path / "moved").mkdir()
    (tmp_path / "a.factcheck").rename(tmp_path / "moved" / "a.factcheck")
    lib.add(tmp_path / "moved" / "a.factcheck")
    lib.mark_missing()
    (found,) = [m for m in lib.match("Vaccines cause autism") if m.claim_id == ids["Vaccines cause autism"]]
    assert not found.missing and found.source_path == str((tmp_path / "moved" / "a.factcheck").resolve())


def test_the_verdict_sentence_of_a_rating_explanation_is_the_summary():
    """Google's fact-check markup, and factcheck's own ClaimReview export, put the verdict's sentence in the
    rating's ratingExplanation: a suggestion read from such a feed showed no summary, and Use this verdict took none."""
    rating = {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False",
              "ratingExplanation": "No record shows the harbour was sold."}
    assert claimreview_feed.review(review_item(4, reviewRating=rating)).summary == "No record shows the harbour was sold."
    assert claimreview_feed.review(review_item(4, reviewRating=rating, reviewBody="A body.")).summary == "A body."


def test_a_project_exported_as_claimreview_comes_back_with_its_summaries(tmp_path, lib):
    from factcheck import exporters
    from factcheck.core import model
    from factcheck.core.project import Project

    ids = make_project(tmp_path / "a.factcheck")
    with Project.open(tmp_path / "a.factcheck", read_only=True) as p:
        data = exporters.export(p, "claimreview", exporters.Selection(statuses=model.STATUSES))
        wanted = {c.statement: c.verdict_summary for c in p.claims()}
    (tmp_path / "feed.json").write_bytes(data)
    lib.add(tmp_path / "feed.json")
    quote = next(iter(ids))
    (found, *_) = lib.match(quote, top=1)
    assert found.statement == quote and found.summary == wanted[quote] != ""
