"""Figures about a project for the statistics view: claims by rating, status, checker and article,
the time from draft to published, and the review requests still open. Counted by SQL."""

from __future__ import annotations

import dataclasses
import statistics

from factcheck.core import model


@dataclasses.dataclass(frozen=True)
class Stats:
    claims: int
    by_rating: list[tuple[str | None, int]]  # rating key (None: not rated), count; in the scale's order
    by_status: list[tuple[str, int]]  # in workflow order
    by_checker: list[tuple[str, int]]  # most claims first
    by_article: list[tuple[str, str, int]]  # article id, title, count; most claims first
    published: int
    days_to_publish_median: float | None  # from the claim's creation to its publication
    days_to_publish_max: float | None
    open_requests: int  # claims waiting for changes an editor asked for
    open_comments: int  # review comments not resolved

    def rows(self) -> list[tuple[str, str, str]]:
        """Every figure as (section, name, value) rows, for a CSV file."""
        out = [("total", "claims", str(self.claims))]
        out += [("rating", key or "not rated", str(n)) for key, n in self.by_rating]
        out += [("status", key, str(n)) for key, n in self.by_status]
        out += [("checker", name, str(n)) for name, n in self.by_checker]
        out += [("article", title, str(n)) for _, title, n in self.by_article]
        out += [
            ("review", "published", str(self.published)),
            ("review", "median days from draft to published",
             "" if self.days_to_publish_median is None else f"{self.days_to_publish_median:.1f}"),
            ("review", "longest days from draft to published",
             "" if self.days_to_publish_max is None else f"{self.days_to_publish_max:.1f}"),
            ("review", "claims waiting for requested changes", str(self.open_requests)),
            ("review", "unresolved review comments", str(self.open_comments)),
        ]
        return out


_LIVE = "c.deleted_at IS NULL AND c.article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)"


def compute(project) -> Stats:
    """The project's figures, from a handful of aggregate queries (each one pass over the claims)."""
    read = project.store.read
    ratings = dict(read(f"SELECT c.rating, count(*) FROM claims c WHERE {_LIVE} GROUP BY c.rating"))
    order = [r.key for r in project.scale.ratings]
    by_rating = [(key, ratings[key]) for key in order if key in ratings]
    by_rating += [(key, n) for key, n in ratings.items() if key not in order and key is not None]
    if None in ratings:
        by_rating.append((None, ratings[None]))
    statuses = dict(read(f"SELECT c.status, count(*) FROM claims c WHERE {_LIVE} GROUP BY c.status"))
    by_status = [(s, statuses.get(s, 0)) for s in model.STATUSES]
    by_checker = read(
        f"SELECT COALESCE(c.submitted_by, c.created_by) AS who, count(*) FROM claims c WHERE {_LIVE} "
        "GROUP BY who ORDER BY count(*) DESC, who")
    # Counted per article first, then joined: a join on the claims would build a temporary index each time.
    by_article = read(
        "SELECT a.id, a.title, COALESCE(n.claims, 0) FROM articles a LEFT JOIN "
        "(SELECT article_id, count(*) AS claims FROM claims WHERE deleted_at IS NULL GROUP BY article_id) n "
        "ON n.article_id = a.id WHERE a.deleted_at IS NULL ORDER BY COALESCE(n.claims, 0) DESC, a.title")
    # Days in SQL (julianday reads the trailing Z); a malformed time gives NULL and is left out.
    spans = [max(d, 0.0) for (d,) in read(
        "SELECT julianday(c.published_at) - julianday(c.created_at) AS days FROM claims c "
        f"WHERE {_LIVE} AND c.published_at IS NOT NULL AND days IS NOT NULL")]
    open_comments = read(
        "SELECT count(*) FROM comments m JOIN claims c ON c.id = m.claim_id "
        f"WHERE m.kind = 'review' AND m.resolved_at IS NULL AND {_LIVE}")[0][0]
    return Stats(
        claims=sum(statuses.values()), by_rating=by_rating, by_status=by_status,
        by_checker=[tuple(r) for r in by_checker], by_article=[tuple(r) for r in by_article],
        published=statuses.get(model.PUBLISHED, 0),
        days_to_publish_median=statistics.median(spans) if spans else None,
        days_to_publish_max=max(spans) if spans else None,
        open_requests=statuses.get(model.CHANGES_REQUESTED, 0), open_comments=open_comments,
    )
