"""Fixtures for the exporters: the demo project with its claims approved, a project full of
hostile text, parsers for every output, and an offline JSON-LD document loader.

The review workflow is not ours to call here: claims are approved with a direct SQL update
in these fixtures only.

``contexts/`` holds the JSON-LD contexts the loader serves instead of fetching them:
``anno.jsonld`` repeats the term definitions of the W3C Web Annotation context
(http://www.w3.org/ns/anno.jsonld) for every term factcheck writes, ``schema.org.jsonld``
schema.org's ``@vocab``. A term missing from them is dropped by expansion, so the tests
also check that the output uses only terms those contexts define.
"""

from __future__ import annotations

import json
import pathlib

import html5lib
import pytest

from factcheck import demo
from factcheck.core.project import Project

from ..conftest import SAMPLE, imported

HERE = pathlib.Path(__file__).resolve().parent
ROOT_DIR = HERE.parents[1]
CONTEXTS = {
    "http://www.w3.org/ns/anno.jsonld": HERE / "contexts" / "anno.jsonld",
    "https://www.w3.org/ns/anno.jsonld": HERE / "contexts" / "anno.jsonld",
    "https://schema.org": HERE / "contexts" / "schema.org.jsonld",
    "https://schema.org/": HERE / "contexts" / "schema.org.jsonld",
    "http://schema.org": HERE / "contexts" / "schema.org.jsonld",
    "http://schema.org/": HERE / "contexts" / "schema.org.jsonld",
}
APPROVED_AT = "2025-10-26T09:30:00.000Z"
REVIEWER = "Eve Editor"
ARTICLE_URL = "https://news.example.org/2025/10/25/petro-sanctions"
FACTCHECK_URL = "https://checkers.example.org/checks/petro-sanctions"

# --- hostile text: every format must keep these as text -------------------------------------
SCRIPT = '<script>alert("pwned")</script>'
TEXTAREA = "</textarea><b>bold</b><img src=x onerror=alert(1)>"
QUOTES = "He said \"yes\" and 'no' & `maybe`"
TEMPLATE = "{{ 7*7 }} {% raw %} ${7*7}"
COMMENT = "--> <!-- hidden"
FORMULA = "=cmd|' /C calc'!A0"
LONG_WORD = "Supercalifragilistic" * 150  # 3,000 characters, no space
EMOJI = "Claims 👍🏽 about 👨‍👩‍👧 families"
RTL = "قال الوزير إن העולם"
HOSTILE = [SCRIPT, TEXTAREA, QUOTES, TEMPLATE, COMMENT, FORMULA, LONG_WORD, EMOJI, RTL]
#: The article of the hostile project: each hostile string is a line of it, quoted by a claim.
HOSTILE_ARTICLE = "An article about hostile text.\n" + "\n".join(
    f"Line {i}: {text} ends here." for i, text in enumerate(HOSTILE)
) + "\nThe end.\n"


def approve(project: Project, claim_ids=None, *, status: str = "approved", at: str = APPROVED_AT, by: str = REVIEWER) -> None:
    """Mark claims approved (or published) the way the review workflow would, by SQL (tests only).

    Published claims get ``published_at`` = ``at`` too; approved ones have none.
    """
    if claim_ids is None:
        claim_ids = [c.id for c in project.claims()]
    published = (at, by) if status == "published" else (None, None)
    project.store.conn.executemany(
        "UPDATE claims SET status = ?, approved_at = ?, approved_by = ?, published_at = ?, published_by = ? WHERE id = ?",
        [(status, at, by, *published, claim_id) for claim_id in claim_ids],
    )


@pytest.fixture
def demo_project(tmp_path):
    """The demo project, its claims approved, with an article URL and an organisation URL."""
    p = demo.build(tmp_path / "demo.factcheck")
    approve(p)
    p.update_article(p.articles()[0].id, url=ARTICLE_URL, factcheck_url=FACTCHECK_URL)
    p.set_setting("organisation_url", "https://checkers.example.org/")
    yield p
    p.close()


#: Who checked a claim, with every character HTML and Markdown treat specially.
CHECKER = 'Bo <b>"Smith" & Jones</b> [x]_*'
#: Who made the demo's claims (and, unless a test says otherwise, submitted them).
MAKER = "Ana (checker)"


@pytest.fixture
def checked_project(demo_project):
    """The demo project and the ids of three kinds of checked claim: one submitted by ``CHECKER`` (made by
    ``MAKER``), one never submitted (its maker checked it) and back in draft, one whose maker is empty (no
    checker)."""
    p = demo_project
    claims = {c.exact: c for c in p.claims()}
    by_words = {words: next(c for exact, c in claims.items() if words in exact)
                for words in ("drug cartels to flourish", "added the country to a list", "US aid to Colombia")}
    submitted, made, nobody = by_words.values()
    assert {submitted.created_by, made.created_by, nobody.created_by} == {MAKER}
    conn = p.store.conn
    conn.execute("UPDATE claims SET submitted_by = ? WHERE id = ?", (CHECKER, submitted.id))
    conn.execute("UPDATE claims SET submitted_by = NULL, status = 'draft', approved_at = NULL, approved_by = NULL "
                 "WHERE id = ?", (made.id,))
    conn.execute("UPDATE claims SET submitted_by = NULL, created_by = '' WHERE id = ?", (nobody.id,))
    return p, {"submitted": submitted.id, "made": made.id, "nobody": nobody.id}


@pytest.fixture
def hostile_project(tmp_path):
    """One article whose lines are hostile strings; a claim on each, full of hostile text too."""
    p = Project.create(tmp_path / "hostile.factcheck", user="ana")
    p.set_setting("organisation_name", f"Org {SCRIPT}")
    p.set_setting("methodology", f"Method {TEXTAREA} {TEMPLATE}")
    article_id = p.import_article(imported(HOSTILE_ARTICLE, title=f"Title {SCRIPT}")).created
    version = p.current_version(article_id)
    bad_source = p.create_source(title=f"Source {SCRIPT}", publisher=FORMULA)
    # Core refuses script URLs now; a file written before it did may still hold them.
    p.store.conn.execute("UPDATE articles SET url = 'javascript:alert(1)' WHERE id = ?", (article_id,))
    p.store.conn.execute("UPDATE sources SET url = '\tJavaScript:alert(2)' WHERE id = ?", (bad_source.created,))
    for i, text in enumerate(HOSTILE):
        start = version.text.index(text)
        claim_id = p.create_claim(
            version.id, start, start + len(text),
            statement=text, claimant=HOSTILE[(i + 1) % len(HOSTILE)], verdict_summary=HOSTILE[(i + 2) % len(HOSTILE)],
            rationale=HOSTILE[(i + 3) % len(HOSTILE)] + "\n\n" + HOSTILE[(i + 4) % len(HOSTILE)],
            rating="false", tags=[HOSTILE[(i + 5) % len(HOSTILE)][:40]],
        ).created
        p.cite(claim_id, bad_source.created, "contradicts", quote=HOSTILE[(i + 6) % len(HOSTILE)],
               locator=HOSTILE[(i + 7) % len(HOSTILE)][:60])
    approve(p)
    yield p
    p.close()


@pytest.fixture
def sample_project(tmp_path):
    """The sample article with no claims yet, for tests that make their own."""
    p = Project.create(tmp_path / "sample.factcheck", user="ana")
    article_id = p.import_article(imported(SAMPLE.read_text(encoding="utf-8"), name=SAMPLE.name)).created
    yield p, article_id, p.current_version(article_id)
    p.close()


def parse_html(data: bytes):
    """The document as an HTML5 parser (a browser's algorithm) builds it."""
    return html5lib.parse(data, treebuilder="etree", namespaceHTMLElements=False)


def text_of(element) -> str:
    return "".join(element.itertext())


def offline_loader(url: str, options=None) -> dict:
    """pyld document loader that serves the contexts from files and refuses everything else."""
    path = CONTEXTS.get(url)
    if path is None:
        raise AssertionError(f"the JSON-LD processor tried to load {url}")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(path.read_text(encoding="utf-8"))}


def expand(doc):
    from pyld import jsonld

    return jsonld.expand(doc, {"documentLoader": offline_loader})
