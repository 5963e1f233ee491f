"""What this installation has verified of each project, and the check at open that starts from there.

Checking a project's whole history (every event's id and hash, the state rebuilt from
the events, every evidence file) costs time in proportion to the project: seconds for a
year of a desk's work. Opening needs less. After a check passes, this installation writes
down, in its own data folder (``verified.json``, beside the backups; never in the project,
so a tampered file cannot vouch for itself), per project id and file: the newest
event checked (``seq``, ``id``, chain ``hash``), a fingerprint of every event row up to it
(``digest``), and when the whole project was last checked in full (``full_at``).

The next open (``check``) then:

1. finds that row again with the same id and hash (an event removed, rewritten or put in
   another order below it changes that row's chain hash), and recomputes the fingerprint
   of the rows up to it, so an old row edited in place (hash left alone) is caught too.
   The fingerprint is SQLite's ``group_concat`` of each column, hashed by ``hashlib``:
   both run without holding Python's lock, a few µs an event (0.8 s for 280,000), so the
   window's thread keeps painting;
2. walks only the events after it (``events.verify_chain(after=...)``): ids, hashes,
   parents, and that every article, claim and source has the event that made it.

A full check (the chain from the first event, the state replayed from every event
(``replay.verify``), every evidence file re-hashed) runs instead when there is nothing
to start from: the first open on this installation (another computer's record does not
count), a file moved or copied (the record is per path), a history whose row no longer
matches (a restored older copy, an undone merge, a rewrite), or when the last full check
is more than ``FULL_EVERY`` old. The replay is what cannot be incremental: the tables can
be edited without an event, and only rebuilding them from every event shows it, so it
runs with the full check, on a worker thread, and the app shows its verdict when done.
``factcheck verify`` always checks in full.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import pathlib

from factcheck.core import events, model
from factcheck.core.errors import Cancelled
from factcheck.core.text import N_

RECORD_NAME = "verified.json"
#: The longest a project goes, on one installation, without its state and files being checked in full.
FULL_EVERY = datetime.timedelta(days=1)
#: Event rows fingerprinted per statement: a few MB at a time, whatever the history's length.
CHUNK = 4096
#: Why a check was a full one (``Outcome.reason``).
FIRST, CHANGED, DUE, ASKED = "first", "changed", "due", "asked"

_COLUMNS = ("seq", "at", "actor", "action", "entity", "entity_id", "data", "prev_hash", "hash", "id", "parents")
#: Every column of a range of rows, each joined with a separator byte no event text holds, as bytes.
_FINGERPRINT = ("SELECT max(seq), " + ", ".join(
    f"CAST(group_concat(ifnull(CAST({c} AS BLOB), x'00'), x'1f') AS BLOB)" for c in _COLUMNS)
    + ", CAST(group_concat(length(CAST(data AS BLOB)), x'1f') AS BLOB) FROM events WHERE seq > ? AND seq <= ?")


@dataclasses.dataclass(frozen=True)
class Mark:
    """What this installation verified of one project file."""

    seq: int
    id: str
    hash: str
    digest: str  # the fingerprint of every event row up to ``seq``
    checked_at: str  # ISO UTC
    full_at: str  # ISO UTC: when the whole project was last checked in full here


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One check: its verdict, whether it was full (and why), and how many events it walked."""

    verdict: events.Verdict
    full: bool
    reason: str = ""  # FIRST, CHANGED, DUE, ASKED for a full check
    walked: int = 0  # event rows whose ids and hashes were computed (the new ones, when incremental)


# --- the record --------------------------------------------------------------------------------------


def record_file() -> pathlib.Path:
    """The file holding this installation's marks (in the user's data folder, never in a project)."""
    from factcheck import paths

    return paths.home()[1] / RECORD_NAME


def _key(project_id: str, path: os.PathLike | str) -> str:
    return f"{project_id} {pathlib.Path(path).resolve()}"


def _read_all() -> dict:
    try:
        data = json.loads(record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # missing or damaged: nothing verified yet, so the next opens check in full
    return data if isinstance(data, dict) else {}


def load(project_id: str, path: os.PathLike | str) -> Mark | None:
    """The mark this installation keeps for this project at this path, or None."""
    entry = _read_all().get(_key(project_id, path))
    if not isinstance(entry, dict):
        return None
    try:
        mark = Mark(**{f.name: entry[f.name] for f in dataclasses.fields(Mark)})
    except (KeyError, TypeError):
        return None
    if not (isinstance(mark.seq, int) and all(isinstance(v, str) for v in dataclasses.astuple(mark)[1:])):
        return None
    return mark


def save(project_id: str, path: os.PathLike | str, mark: Mark | None) -> None:
    """Keep (or, with None, forget) the mark of this project at this path; a failure to write is not an error.

    Another window or the command line may write at the same time: the file is replaced
    whole, so the worst a race does is lose one mark, and that project is checked in full
    at its next open.
    """
    target = record_file()
    data = _read_all()
    key = _key(project_id, path)
    if mark is None:
        if data.pop(key, None) is None:
            return
    else:
        data[key] = dataclasses.asdict(mark)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


# --- the fingerprint ----------------------------------------------------------------------------------


class _Fingerprint:
    """A running hash of event rows, taken in order, ``CHUNK`` rows per statement.

    One hash per column (each value followed by a separator), so the result is the same
    however the rows were cut into statements: a check can go on from where the last
    one stopped.
    """

    def __init__(self):
        self._hashes = [hashlib.sha256() for _ in range(len(_COLUMNS) + 1)]
        self.seq = 0

    def feed(self, store, upto: int, progress=None) -> None:
        """Take in the rows after the last one taken, up to ``upto``; ``progress(row, upto)`` after each statement."""
        while self.seq < upto:
            end = min(self.seq + CHUNK, upto)
            row = store.execute(_FINGERPRINT, (self.seq, end)).fetchone()
            if row[0] is not None:
                for h, value in zip(self._hashes, row[1:]):
                    h.update(value)
                    h.update(b"\x1f")
            self.seq = end
            if progress is not None and progress(end, upto) is False:
                raise Cancelled(N_("The check of the history was cancelled."))

    def hexdigest(self) -> str:
        return hashlib.sha256("".join(h.hexdigest() for h in self._hashes).encode()).hexdigest()


# --- the check ---------------------------------------------------------------------------------------


def _head(store) -> tuple[int, str, str] | None:
    return store.execute(f"SELECT seq, id, hash FROM events {events.NEWEST}").fetchone()


def _due(mark: Mark, now: datetime.datetime) -> bool:
    try:
        then = datetime.datetime.strptime(mark.full_at, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        return True
    return not datetime.timedelta(0) <= now - then < FULL_EVERY


class _Stages:
    """A check's ``progress`` as one count for the whole check, whichever stage reports it.

    A check runs in stages (the fingerprint up to the mark, the walk, the fingerprint of
    the rows after it), each counting rows of its own; ``stage(offset)`` adds ``offset`` to
    a stage's count, out of ``total`` rows for the whole check. The count passed on never
    goes back, even when a check turns out to need the full walk after all.
    """

    def __init__(self, progress):
        self._progress = progress
        self.total = 1
        self._shown = 0

    def stage(self, offset: int):
        if self._progress is None:
            return None

        def progress(done: int, _of: int):
            self._shown = max(self._shown, min(offset + done, self.total))
            return self._progress(self._shown, self.total)

        return progress


def check(project, *, full: bool = False, files: bool = True, progress=None, record: bool = True) -> Outcome:
    """Check ``project``'s history from where this installation last verified it, or in full.

    Read in one snapshot of the file. A passing check moves the mark forward (``record``);
    a failing one leaves it, so the next open names the same fault. ``files``: a full
    check also re-hashes every stored evidence file. ``progress(done, total)`` is called
    as rows go by, counting the whole check (fingerprints and walk) in rows; returning
    False stops the check (``Cancelled``).
    """
    store = project.store
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    with store.snapshot():
        project_id = events.project_id(store)
        head = _head(store)
        last = head[0] if head is not None else 0
        mark = load(project_id, project.path) if project_id and not full else None
        reason = ASKED if full else FIRST if mark is None else ""
        fingerprint, stages = _Fingerprint(), _Stages(progress)
        if mark is not None:
            row = store.execute("SELECT id, hash FROM events WHERE seq = ?", (mark.seq,)).fetchone()
            if row is None or tuple(row) != (mark.id, mark.hash) or head is None:
                reason = CHANGED
            elif _due(mark, now):
                reason = DUE
            else:
                stages.total = max(2 * last - mark.seq, 1)  # rows up to the mark; the new ones, walked and fingerprinted
                fingerprint.feed(store, mark.seq, stages.stage(0))
                if fingerprint.hexdigest() != mark.digest:
                    reason, fingerprint = CHANGED, _Fingerprint()  # a row below the mark changed in place
        if reason:
            from factcheck.core import replay

            stages.total = max(2 * last, 1)  # every row walked (with the replay), then fingerprinted
            verdict = replay.verify(store, progress=stages.stage(0))
            if verdict.ok and files:
                verdict = project.managers.attachments.verify(verdict)
            walked, full_at = verdict.events, model.now()
            tail = stages.stage(last)
        else:
            verdict = events.verify_chain(store, after=events.Checked(mark.seq, mark.hash, mark.id),
                                          progress=stages.stage(0))
            walked, full_at = verdict.events - mark.seq, mark.full_at
            tail = stages.stage(last - mark.seq)
        if verdict.ok and record and project_id and head is not None:
            fingerprint.feed(store, last, tail)
            save(project_id, project.path, Mark(last, head[1], head[2], fingerprint.hexdigest(), model.now(), full_at))
    return Outcome(verdict, bool(reason), reason, walked)


def forget(project) -> None:
    """Drop this installation's mark of ``project`` (its next open checks in full)."""
    project_id = events.project_id(project.store)
    if project_id:
        save(project_id, project.path, None)
