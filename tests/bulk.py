"""Projects with many claims, made quickly for the tests of streams: articles through core, claims,
citations and statuses by direct SQL (no events: these projects are read, never verified)."""

from __future__ import annotations

import random
import uuid

from factcheck.core import anchoring, model
from factcheck.core.project import Project

from .conftest import imported

WORDS = ("the minister said inflation fell to three percent in May while exports rose and the central bank "
         "kept rates steady según el ministro la inflación bajó café naïve 👍🏽").split()
RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "misleading")
STATUSES = (model.DRAFT, model.IN_REVIEW, model.APPROVED, model.PUBLISHED)


def article_text(rng: random.Random, sentences: int) -> str:
    paragraphs, sentence = [], []
    for i in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        sentence.append(" ".join(words).capitalize() + ".")
        if i % 5 == 4:
            paragraphs.append(" ".join(sentence))
            sentence = []
    paragraphs.append(" ".join(sentence) or "The end.")
    return "\n\n".join(paragraphs)


def add_articles(project: Project, n_articles: int, per_article: int, *, seed: int = 7,
                 statuses: tuple[str, ...] = (model.APPROVED,)) -> list[str]:
    """Add ``n_articles`` articles of ``per_article`` claims each (one a sentence, half cited); their ids."""
    rng = random.Random(seed)
    conn = project.store.conn
    sources = [project.create_source(title=f"Source {i}", url=f"https://example.org/{i}", publisher="Pub").created
               for i in range(5)]
    ids = []
    for a in range(n_articles):
        text = article_text(rng, per_article)
        article_id = project.import_article(imported(text, title=f"Article {a}")).created
        version = project.current_version(article_id)
        ids.append(article_id)
        spans, at = [], 0
        while len(spans) < per_article:
            end = text.index(".", at) + 1
            start = at + (len(text[at:end]) - len(text[at:end].lstrip()))
            spans.append((start, end))
            at = end
        claims, citations = [], []
        for k, (start, end) in enumerate(spans):
            sel = anchoring.describe(text, start, end)
            claim_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            status = statuses[k % len(statuses)]
            claims.append((claim_id, article_id, version.id, start, end, sel.quote.exact, sel.quote.prefix,
                           sel.quote.suffix, "exact", f"Statement {k} of article {a}", "A. Minister", "2025-10-24",
                           rng.choice(RATINGS), f"Verdict {k}.", "Because the figures say otherwise. " * 2, status,
                           "2025-10-24T09:00:00.000Z", "ana", "2025-10-24T09:00:00.000Z", "ana",
                           "2025-10-26T09:00:00.000Z" if status in (model.APPROVED, model.PUBLISHED) else None,
                           "eve" if status in (model.APPROVED, model.PUBLISHED) else None))
            if k % 2 == 0:
                citations.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), claim_id, rng.choice(sources),
                                  "contradicts", "a passage", "2025-10-24T09:00:00.000Z", "ana"))
        conn.execute("BEGIN")
        conn.executemany(
            'INSERT INTO claims (id, article_id, version_id, start, "end", exact, prefix, suffix, anchor_state, '
            "statement, claimant, claim_date, rating, verdict_summary, rationale, status, created_at, created_by, "
            "updated_at, updated_by, approved_at, approved_by) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
        conn.executemany("INSERT INTO citations (id, claim_id, source_id, stance, quote, locator, note, created_at, "
                         "created_by) VALUES (?, ?, ?, ?, ?, '', '', ?, ?)", citations)
        conn.execute("COMMIT")
    return ids
