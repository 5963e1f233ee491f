"""Figures about a project for the statistics view: claims by rating, status, checker and article,
the time from draft to published, and the review requests still open. Counted by SQL from
indexes (migration m013), so a project of a million claims is counted in a fraction of a
second and in the memory of a few rows."""

from __future__ import annotations

import dataclasses

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


#: Days from a claim's creation to its publication, as migration m013's index claims_publish_days writes it.
_DAYS = "julianday(published_at) - julianday(created_at)"
_DEAD_ARTICLES = "SELECT id FROM articles WHERE deleted_at IS NOT NULL"


def compute(project) -> Stats:
    """The project's figures, counted by SQL from indexes: nothing per claim is held in Python.

    Each breakdown is counted over every claim not deleted, from an index alone (in the
    index's order, so grouping sorts nothing), and the claims of deleted articles, few
    and reached through their articles, are counted apart and taken off. The median time
    to publish is read from the index of those times: a walk to its middle.
    """
    read = project.store.read
    dead = read("SELECT status, rating, COALESCE(submitted_by, created_by), count(*) FROM claims "
                f"INDEXED BY claims_article_live WHERE deleted_at IS NULL AND article_id IN ({_DEAD_ARTICLES}) "
                "GROUP BY 1, 2, 3")
    statuses = _less(read("SELECT status, count(*) FROM claims INDEXED BY claims_status GROUP BY status"),
                     read("SELECT status, count(*) FROM claims INDEXED BY claims_deleted WHERE deleted_at IS NOT NULL "
                          "GROUP BY status"), [(r[0], r[3]) for r in dead])
    ratings = _less(read("SELECT rating, count(*) FROM claims INDEXED BY claims_queue_rating WHERE deleted_at IS NULL "
                         "GROUP BY status, rating"), [(r[1], r[3]) for r in dead])
    order = [r.key for r in project.scale.ratings]
    by_rating = [(key, ratings[key]) for key in order if key in ratings]
    by_rating += [(key, n) for key, n in ratings.items() if key not in order and key is not None]
    if None in ratings:
        by_rating.append((None, ratings[None]))
    by_status = [(s, statuses.get(s, 0)) for s in model.STATUSES]
    checkers = _less(read("SELECT COALESCE(submitted_by, created_by), count(*) FROM claims INDEXED BY claims_checker "
                          "WHERE deleted_at IS NULL GROUP BY COALESCE(submitted_by, created_by)"),
                     [(r[2], r[3]) for r in dead])
    by_checker = sorted(checkers.items(), key=lambda wn: (-wn[1], wn[0]))
    counts = dict(read("SELECT article_id, count(*) FROM claims INDEXED BY claims_article_live WHERE deleted_at IS NULL "
                       "GROUP BY article_id"))
    by_article = sorted(((i, title, counts.get(i, 0)) for i, title in read(
        "SELECT id, title FROM articles WHERE deleted_at IS NULL")), key=lambda a: (-a[2], a[1]))
    median, longest = _days_to_publish(read)
    open_comments = read(  # the open comments first (few), then their claims: CROSS JOIN keeps that order
        "SELECT count(*) FROM comments m INDEXED BY comments_open_review CROSS JOIN claims c ON c.id = m.claim_id "
        f"WHERE m.kind = 'review' AND m.resolved_at IS NULL AND c.deleted_at IS NULL "
        f"AND c.article_id NOT IN ({_DEAD_ARTICLES})")[0][0]
    return Stats(
        claims=sum(statuses.values()), by_rating=by_rating, by_status=by_status,
        by_checker=by_checker, by_article=by_article, published=statuses.get(model.PUBLISHED, 0),
        days_to_publish_median=median, days_to_publish_max=longest,
        open_requests=statuses.get(model.CHANGES_REQUESTED, 0), open_comments=open_comments,
    )


def _less(counted, *taken) -> dict:
    """Counts by value (summed when a value comes more than once), less the counts in ``taken``; none left out."""
    out: dict = {}
    for value, n in counted:
        out[value] = out.get(value, 0) + n
    for rows in taken:
        for value, n in rows:
            out[value] = out.get(value, 0) - n
    return {value: n for value, n in out.items() if n > 0}


def _days_to_publish(read) -> tuple[float | None, float | None]:
    """The median and the longest time from draft to published, in days (a negative one counts as 0).

    A time SQLite cannot read (julianday gives NULL) is left out.
    """
    live = (f"FROM claims INDEXED BY claims_publish_days WHERE deleted_at IS NULL AND published_at IS NOT NULL "
            f"AND ({_DAYS}) IS NOT NULL AND article_id NOT IN ({_DEAD_ARTICLES})")
    n = read(f"SELECT count(*) {live}")[0][0]
    if not n:
        return None, None
    middle = [max(d, 0.0) for (d,) in read(f"SELECT {_DAYS} {live} ORDER BY {_DAYS} LIMIT ? OFFSET ?",
                                           (2 - n % 2, (n - 1) // 2))]
    longest = read(f"SELECT {_DAYS} {live} ORDER BY {_DAYS} DESC LIMIT 1")[0][0]
    return sum(middle) / len(middle), max(longest, 0.0)
