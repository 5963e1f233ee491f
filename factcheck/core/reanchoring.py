"""The review after a new version of an article: its claims grouped by how re-anchoring left them.

``review(project, article_id)`` reads the article's live claims as they are now:
*accepted* (exact or moved: their words are intact in the current version), *fuzzy*
(the words under them changed: a person confirms them or selects the right ones) and
*orphaned* (their words are gone: they keep their quote and wait under Unanchored). It
is built from the claims' states, so it is the same right after an update and when
opened again later, and a confirmed claim simply moves to the accepted group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from factcheck.core import anchoring, model

#: Characters of context shown on either side of a claim's words.
CONTEXT = anchoring.CONTEXT


@dataclasses.dataclass(frozen=True)
class Item:
    """One claim in the review: the words that were checked beside the words now under it."""

    claim: model.Claim
    #: The quote that was checked, with the context it was stored with.
    old_words: str
    old_prefix: str
    old_suffix: str
    #: The words under the claim in its version now, with their context ('' when orphaned).
    new_words: str
    new_prefix: str
    new_suffix: str
    #: The number of the version the claim sits on (an orphaned claim stays on an old one).
    version_number: int

    @property
    def claim_id(self) -> str:
        return self.claim.id

    @property
    def state(self) -> str:
        return self.claim.anchor_state


@dataclasses.dataclass(frozen=True)
class Review:
    article_id: str
    version_id: str  # the current version
    version_number: int
    previous_version_id: str | None  # the one before it (None: the article has one version)
    accepted: tuple[Item, ...]  # exact or moved, in reading order
    fuzzy: tuple[Item, ...]
    orphaned: tuple[Item, ...]

    @property
    def exact(self) -> int:
        return sum(1 for item in self.accepted if item.state == anchoring.EXACT)

    @property
    def moved(self) -> int:
        return len(self.accepted) - self.exact

    @property
    def pending(self) -> int:
        """Claims that still need a person: fuzzy ones to confirm, orphaned ones to re-anchor."""
        return len(self.fuzzy) + len(self.orphaned)


def review(project, article_id: str, claim_ids: Collection[str] | None = None) -> Review:
    """The article's live claims (or just ``claim_ids`` of them) grouped for the re-anchor review.

    Raises ``NotFound`` for an article that does not exist or was deleted.
    """
    project.article(article_id)
    versions = project.versions(article_id)
    numbers = {v.id: v.number for v in versions}
    current = versions[-1]
    texts: dict[str, str] = {}
    groups: dict[str, list[Item]] = {"accepted": [], "fuzzy": [], "orphaned": []}
    wanted = None if claim_ids is None else set(claim_ids)
    for claim in project.claims(article_id):
        if wanted is not None and claim.id not in wanted:
            continue
        state = claim.anchor_state
        if state == anchoring.ORPHANED:
            new = ("", "", "")
        else:
            text = texts.get(claim.version_id)
            if text is None:
                text = texts[claim.version_id] = project.text(claim.version_id)
            start, end = claim.start, claim.end
            new = (text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])
        item = Item(claim, claim.exact, claim.prefix, claim.suffix, *new, numbers.get(claim.version_id, 0))
        group = "orphaned" if state == anchoring.ORPHANED else "fuzzy" if state == anchoring.FUZZY else "accepted"
        groups[group].append(item)
    return Review(
        article_id=article_id, version_id=current.id, version_number=current.number,
        previous_version_id=versions[-2].id if len(versions) > 1 else None,
        accepted=tuple(groups["accepted"]), fuzzy=tuple(groups["fuzzy"]), orphaned=tuple(groups["orphaned"]),
    )


def waiting(project, article_id: str) -> set[str]:
    """The ids of the article's live claims that wait for a person (fuzzy or orphaned): one query."""
    return project.managers.claims.unsettled(article_id)
