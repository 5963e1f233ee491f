"""Two copies diverge by hundreds of random actions through the core API, then merge (a hypothesis state machine).

Every acknowledged change is in the merged project or listed as a conflict; merging again
changes nothing; ``verify`` passes; claims stay on their article's current version; the
other copy, merging back, ends with the same content (versions numbered alike, the same logo).
A hand-off file of the other copy's changes plans exactly the merge the copy itself would,
and undoing a merge gives back the project as it was, row for row.
"""

from __future__ import annotations

import pathlib
import shutil
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from factcheck.core import handoff, merge, model
from factcheck.core.errors import KnownError
from factcheck.core.project import Project

from ..conftest import imported

TEXT = " ".join(f"Sentence {i} says the figure was {i * 7} percent last year." for i in range(40))
SIDES = st.sampled_from(["a", "b"])
VALUES = st.sampled_from(["", "alpha", "beta", "gamma", "Día", "delta"])
RATINGS = st.sampled_from([None, "true", "false", "mostly-false", "misleading"])
FIELDS = st.sampled_from(["statement", "claimant", "notes", "verdict_summary"])
PNG = b"\x89PNG\r\n\x1a\n"  # what the logo check reads


def edited(text: str, n: int) -> str:
    """A new version of an article's text: a sentence added, dropped or changed."""
    sentences = text.split(". ")
    at = n % len(sentences)
    if n % 3 == 0:
        sentences.insert(at, f"Update {n} came in")
    elif n % 3 == 1 and len(sentences) > 5:
        del sentences[at]
    else:
        sentences[at] = sentences[at].replace("percent", "per cent")
    return ". ".join(sentences)


class Diverge(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="factcheck-merge-random-"))
        base = self.dir / "a.factcheck"
        with Project.create(base, user="ana") as p:
            article_id = self.article = p.import_article(imported(TEXT)).created
            self.version = p.current_version(article_id).id
            self.claims = [p.create_claim(self.version, i * 60, i * 60 + 20).created for i in range(5)]
            self.sources = [p.create_source(title=f"Source {i}").created for i in range(3)]
        shutil.copy(base, self.dir / "b.factcheck")
        self.p = {"a": Project.open(base, user="ana"), "b": Project.open(self.dir / "b.factcheck", user="ben")}
        self.made = {"a": ([], []), "b": ([], [])}  # claims and sources each side made
        self.last: dict[str, dict[tuple, object]] = {"a": {}, "b": {}}  # unit -> the value a side last saved

    def _claims(self, side):
        return self.claims + self.made[side][0]

    def _sources(self, side):
        return self.sources + self.made[side][1]

    def _saved(self, side, changes, unit, value):
        if changes.event_seq is not None:
            self.last[side][unit] = value

    @rule(side=SIDES, n=st.integers(0, 99), field=FIELDS, value=VALUES)
    def edit_claim(self, side, n, field, value):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        try:
            changes = self.p[side].update_claim(claim_id, reason="r", **{field: value})
        except KnownError:
            return
        self._saved(side, changes, ("claims", claim_id, field), value)

    @rule(side=SIDES, n=st.integers(0, 99), rating=RATINGS)
    def rate_claim(self, side, n, rating):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        try:
            changes = self.p[side].update_claim(claim_id, rating=rating, reason="r")
        except KnownError:
            return
        self._saved(side, changes, ("claims", claim_id, "rating"), rating)

    @rule(side=SIDES, n=st.integers(0, 99), deleted=st.booleans())
    def delete_or_restore_claim(self, side, n, deleted):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        p = self.p[side]
        try:
            changes = p.delete_claim(claim_id) if deleted else p.restore_claim(claim_id)
        except KnownError:
            return
        self._saved(side, changes, ("claims", claim_id, "deleted"), deleted)

    @rule(side=SIDES, n=st.integers(0, len(TEXT) - 30))
    def new_claim(self, side, n):
        version = self.p[side].current_version(self.article)
        n %= len(version.text) - 20
        try:
            claim_id = self.p[side].create_claim(version.id, n, n + 15).created
        except KnownError:
            return
        self.made[side][0].append(claim_id)
        self.last[side][("claims", claim_id, "deleted")] = False

    @rule(side=SIDES, n=st.integers(0, 99))
    def new_version(self, side, n):
        p = self.p[side]
        try:
            p.add_version(self.article, imported(edited(p.current_version(self.article).text, n), name=f"v{n}.txt"))
        except KnownError:
            return  # a deleted article takes no new versions

    @rule(side=SIDES, deleted=st.booleans())
    def delete_or_restore_article(self, side, deleted):
        p = self.p[side]
        changes = p.delete_article(self.article) if deleted else p.restore_article(self.article)
        self._saved(side, changes, ("articles", self.article, "deleted"), deleted)

    @rule(side=SIDES, n=st.integers(0, 99), deleted=st.booleans())
    def delete_or_restore_source(self, side, n, deleted):
        source_id = self._sources(side)[n % len(self._sources(side))]
        p = self.p[side]
        changes = p.delete_source(source_id) if deleted else p.restore_source(source_id)
        self._saved(side, changes, ("sources", source_id, "deleted"), deleted)

    @rule(side=SIDES, n=st.integers(0, 3))
    def set_logo(self, side, n):
        changes = self.p[side].set_logo(PNG + f"logo {n}".encode() if n else None, f"logo{n}.png")
        value = self.p[side].setting("organisation_logo")
        self._saved(side, changes, ("settings", "organisation_logo", "value"), value)

    @rule(side=SIDES, title=VALUES)
    def new_source(self, side, title):
        source_id = self.p[side].create_source(title=title or "Untitled").created
        self.made[side][1].append(source_id)

    @rule(side=SIDES, n=st.integers(0, 99), title=VALUES)
    def edit_source(self, side, n, title):
        source_id = self._sources(side)[n % len(self._sources(side))]
        try:
            changes = self.p[side].update_source(source_id, title=title)
        except KnownError:
            return
        self._saved(side, changes, ("sources", source_id, "title"), title)

    @rule(side=SIDES, n=st.integers(0, 99), m=st.integers(0, 99))
    def cite(self, side, n, m):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        source_id = self._sources(side)[m % len(self._sources(side))]
        try:
            self.p[side].cite(claim_id, source_id, "supports")
        except KnownError:
            return

    @rule(side=SIDES, n=st.integers(0, 99))
    def comment(self, side, n):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        self.p[side].add_comment(claim_id, f"Comment by {side}.")

    @rule(side=SIDES, n=st.integers(0, 99), action=st.sampled_from(["submit", "approve", "request_changes", "publish"]))
    def review(self, side, n, action):
        claim_id = self._claims(side)[n % len(self._claims(side))]
        try:
            self.p[side].review(claim_id, action, comment="Why.")
        except KnownError:
            return

    def _merge_and_check(self, into: str, other: str, via_handoff: bool = False) -> None:
        """Merge ``other`` into ``into`` (conflicts settled with the other's values) and check every saved change."""
        a, b = self.p[into], self.p[other]
        plan = merge.plan(a, b.path)
        if via_handoff:  # what the other copy sends, since what it knows ``into`` holds, plans the same merge
            written = handoff.write(b, self.dir / f"to-{into}.factcheck-changes", to=a.user)
            sent = merge.plan(a, written.path)
            assert same_plan(sent, plan)
            plan = sent
        conflicts = {c.key for c in plan.conflicts}
        merge.apply(a, plan, {k: merge.THEIRS for k in conflicts})
        verdict = a.verify()
        assert verdict.ok, verdict
        for unit in set(self.last[into]) | set(self.last[other]):
            table, row_id, field = unit
            value = merge.unit_value(table, field, merge.read_row(a.store, table, row_id))
            mine = [self.last[s][unit] for s in (into, other) if unit in self.last[s]]
            if unit in conflicts:  # settled with the other copy's value
                assert value == merge.unit_value(table, field, merge.read_row(b.store, table, row_id)), unit
            elif (table, row_id, "deleted") in conflicts:
                continue  # kept or deleted as the conflict was settled
            elif len(mine) == 1:
                assert value == mine[0], (unit, value, mine)
            else:
                assert value in mine, (unit, value, mine)
        assert merge.plan(a, b.path).nothing  # merge twice = merge once
        if a.setting("organisation_logo"):
            assert a.logo() is not None  # the logo's image came with it
        # Every claim that moves with new versions is on its article's current version (or orphaned).
        current = a.current_version(self.article).id
        assert [(c.id, c.version_id) for c in a.claims(include_deleted=True) if c.anchor_state != "orphaned"
                and c.version_id != current] == []
        # The other copy's saves are now history both hold. This copy's are not in the other yet: they stay
        # changes to look for (with the value this copy now holds) until they are merged there.
        self.last[other] = {}
        self.last[into] = {unit: merge.unit_value(unit[0], unit[2], merge.read_row(a.store, unit[0], unit[1]))
                           for unit in self.last[into]}
        self.made[into] = (self._claims(into)[len(self.claims):] + self.made[other][0],
                           self._sources(into)[len(self.sources):] + self.made[other][1])

    @rule(into=SIDES)
    def merge_now(self, into):
        self._merge_and_check(into, "b" if into == "a" else "a")

    @rule(into=SIDES)
    def handoff_now(self, into):
        self._merge_and_check(into, "b" if into == "a" else "a", via_handoff=True)

    @rule(into=SIDES)
    def merge_and_undo(self, into):
        a, b = self.p[into], self.p["b" if into == "a" else "a"]
        before = dump(a)
        plan = merge.plan(a, b.path)
        merge.apply(a, plan, {c.key: merge.OURS for c in plan.conflicts})
        if plan.journal is None:
            return
        merge.undo(a, plan.journal)
        assert dump(a) == before
        assert a.verify().ok

    def teardown(self):
        if not hasattr(self, "p"):
            return
        a, b = self.p["a"], self.p["b"]
        try:
            self._merge_and_check("a", "b")
            back = merge.plan(b, a.path)
            assert (back.nothing or back.fast_forward) and not back.conflicts
            merge.apply(b, back)
            assert b.verify().ok
            assert merge.plan(a, b.path).nothing and merge.plan(b, a.path).nothing

            def content(p):
                return (sorted((c.id, c.statement, c.claimant, c.rating, c.verdict_summary, c.status,
                                c.deleted_at is None, c.version_id, c.start, c.end, c.anchor_state)
                               for c in p.claims(include_deleted=True)),
                        sorted((s.id, s.title, s.deleted_at is None) for s in p.sources(include_deleted=True)),
                        sorted(c.id for c in p.citations()), len(p.comments()),
                        [(v.id, v.number) for v in p.versions(self.article)],
                        [a.id for a in p.articles()], p.setting("organisation_logo"))

            assert content(a) == content(b)
        finally:
            a.close()
            b.close()
            shutil.rmtree(self.dir, ignore_errors=True)


def key(value: object) -> str:
    """A unit's value spelt for comparing; a value the events do not say (a moved anchor) as such."""
    return "unknown" if value is merge.UNKNOWN else merge._key(value)


def same_plan(x: merge.MergePlan, y: merge.MergePlan) -> bool:
    """Two plans that ``apply`` carries out alike (the events' local numbers aside)."""
    assert [r[1:] for r in x.incoming] == [r[1:] for r in y.incoming]
    assert (x.ours_head, x.theirs_head, x.ours_only) == (y.ours_head, y.theirs_head, y.ours_only)
    assert x.conflicts == y.conflicts and x.touched == y.touched and x.both == y.both
    assert {k: key(v) for k, v in x.base.items()} == {k: key(v) for k, v in y.base.items()}
    assert (x.their_versions, x.their_current, x.withdrawn) == (y.their_versions, y.their_current, y.withdrawn)
    assert x.their_rows == y.their_rows
    assert {t: sorted(r["id"] for r in rows) for t, rows in x.new_rows.items()} == \
           {t: sorted(r["id"] for r in rows) for t, rows in y.new_rows.items()}
    assert {t: sorted(map(merge._key, rows), key=str) for t, rows in x.new_rows.items()} == \
           {t: sorted(map(merge._key, rows), key=str) for t, rows in y.new_rows.items()}
    assert sorted(b[0] for b in x.their_blobs) == sorted(b[0] for b in y.their_blobs)
    return True


def dump(p: Project) -> dict:
    """Every row of every table a merge writes (and the log), to compare a project before and after."""
    tables = ("articles", "versions", "claims", "sources", "citations", "comments", "corrections", "claim_tasks",
              "settings", "events", "exchanges")
    found = {t: sorted(map(repr, p.store.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    found["blobs"] = sorted(r[0] for r in p.store.execute("SELECT sha256 FROM blobs"))
    return found


Diverge.TestCase.settings = settings(max_examples=10, stateful_step_count=200, deadline=None, derandomize=True,
                                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TestDiverge = Diverge.TestCase
assert model  # statuses are read through Project
