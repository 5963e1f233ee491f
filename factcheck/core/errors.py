"""Errors split by whose fault they are.

``KnownError`` is the user's world (a locked file, a corrupt project, a file that is not
an article): its message is one sentence a checker understands, shown as is.
``BugError`` is ours: something the code did not expect; it is logged with a traceback.
"""


class Error(Exception):
    """Base of every error factcheck raises on purpose."""


class KnownError(Error):
    """A problem in the user's world, described in one plain sentence."""


class ProjectError(KnownError):
    """A project file cannot be opened or written."""


class ProjectLocked(ProjectError):
    """Another program holds the project's write lock."""


class ProjectReadOnly(ProjectError):
    """The project was opened read-only and a change was attempted."""


class UpgradeNeeded(ProjectReadOnly):
    """A project an older factcheck made was opened read-only: its upgrade needs to write."""


class ProjectTooNew(ProjectError):
    """The project was written by a newer version of factcheck."""


class NotAProject(ProjectError):
    """The file is not a factcheck project (not SQLite, or another program's SQLite)."""


class ImportRefused(KnownError):
    """A file or text cannot be imported as an article."""


class PasswordRequired(ImportRefused):
    """An encrypted document needs a password (none was given, or the one given is wrong).

    ``wrong`` is True when a password was given and did not open it.
    """

    def __init__(self, text, *, wrong: bool = False):
        super().__init__(text)
        self.wrong = wrong


class Cancelled(KnownError):
    """The user cancelled long work (an export, a check, an import); nothing was written."""


class ImportCancelled(Cancelled):
    """The user cancelled a long import; nothing was stored."""


class InvalidInput(KnownError):
    """A value given to a change is not acceptable (empty quote, unknown rating, ...)."""


class NotFound(KnownError):
    """An article, claim or source id does not exist in the project."""


class Conflict(KnownError):
    """The thing being changed was changed elsewhere first (another window or process)."""


class BugError(Error):
    """An unexpected state: a bug in factcheck, never the user's fault."""


def sentence(exc: BaseException) -> str:
    """The sentence an error carries, as it was raised (a translatable ``Text`` when core wrote one).

    ``str(exc)`` is the same sentence in English only: pass this on where a person may read it.
    """
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
