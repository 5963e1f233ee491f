"""A real PostgreSQL for the sync tests: one throwaway server for all of them, a database per test.

The server lives in a folder under /tmp and is started and stopped here, however the tests
end (``pg_server``); no test needs one running already. The server refuses to run as root, so as root (CI) it runs as the
`postgres` OS user through `runuser`. Unix-socket connections are trusted; TCP connections
to 127.0.0.1 need a password (scram-sha-256), so a test can log in as a checker, an editor
or an admin and see a wrong password refused.

Roles are cluster-wide: `pg_db` drops every role and database a test created, whoever
created it (the test, `make_role`, or the sync code's own `server init`).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import pathlib
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

INSTALL_HINT = (
    "The sync tests start a PostgreSQL server of their own and need its binaries (initdb, "
    "pg_ctl, postgres), found in none of /usr/lib/postgresql/*/bin, `pg_config --bindir` or "
    "PATH. Install them: Debian/Ubuntu `apt-get install postgresql`, Fedora `dnf install "
    "postgresql-server`, macOS `brew install postgresql`. (.ci/run installs them.)"
)
SERVER_BINARIES = ("initdb", "pg_ctl", "postgres")


def find_bindir() -> pathlib.Path:
    """The folder of the newest PostgreSQL server binaries; fails the test when there is none."""

    def complete(folder: pathlib.Path) -> bool:
        return all(os.access(folder / name, os.X_OK) for name in SERVER_BINARIES)

    def version(folder: pathlib.Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name))

    for folder in sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True):
        if complete(folder):
            return folder
    if pg_config := shutil.which("pg_config"):
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out.strip() and complete(pathlib.Path(out.strip())):
            return pathlib.Path(out.strip())
    if initdb := shutil.which("initdb"):
        folder = pathlib.Path(initdb).resolve().parent
        if complete(folder):
            return folder
    pytest.fail(INSTALL_HINT, pytrace=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """A throwaway PostgreSQL cluster in a temporary folder, on 127.0.0.1 and a free port.

    `stop()` and `start()` keep the folder and the port, so a test can drop every
    connection mid-sync and bring the same server back.
    """

    host = "127.0.0.1"
    superuser = "postgres"

    def __init__(self, bindir: pathlib.Path):
        self.bindir = bindir
        # As root the server runs as another OS user, which must own its folder.
        self.os_user = None
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                pytest.fail("The sync tests run as root and need `runuser` (util-linux) to start "
                            "PostgreSQL as another user.", pytrace=False)
            self.os_user = "postgres" if _user_exists("postgres") else "nobody"
        # Under /tmp, short: a unix socket's path is limited to about 100 bytes.
        self.base = pathlib.Path(tempfile.mkdtemp(prefix="factcheck-pg-", dir="/tmp"))
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
        self.datadir = self.base / "data"
        self.socket_dir = self.base
        self.logfile = self.base / "server.log"
        self.superuser_password = "postgres-test-password"
        self.port = 0
        self.initdb_seconds = 0.0
        self.start_seconds = 0.0

    def __repr__(self) -> str:
        return f"<PgServer {self.host}:{self.port} in {self.base}>"

    def handed(self) -> dict:
        """What another process needs to use and stop this server (``PgServer.taken``)."""
        return {"bindir": str(self.bindir), "os_user": self.os_user, "base": str(self.base), "port": self.port,
                "password": self.superuser_password}

    @classmethod
    def taken(cls, handed: dict) -> PgServer:
        """The server another process started (the benchmarks run each step in a process of its own)."""
        server = cls.__new__(cls)
        server.bindir, server.os_user, server.port = pathlib.Path(handed["bindir"]), handed["os_user"], handed["port"]
        server.base = pathlib.Path(handed["base"])
        server.datadir, server.socket_dir, server.logfile = server.base / "data", server.base, server.base / "server.log"
        server.superuser_password = handed["password"]
        server.initdb_seconds = server.start_seconds = 0.0
        return server

    # Set-up and life cycle.

    def init(self) -> None:
        """initdb: password auth over TCP, trust on the socket; settings for fast tests."""
        pwfile = self.base / "superuser-password"
        pwfile.write_text(self.superuser_password + "\n")
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        began = time.perf_counter()
        self._run("initdb", "-D", self.datadir, "-U", self.superuser, f"--pwfile={pwfile}",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C",
                  "--no-sync", what="initdb")
        self.initdb_seconds = time.perf_counter() - began
        pwfile.unlink()
        self._configure(
            listen_addresses="'127.0.0.1'",
            unix_socket_directories=f"'{self.socket_dir}'",
            # PostgreSQL 13 still hashes new passwords with md5, which scram auth refuses.
            password_encryption="'scram-sha-256'",
            # Tests only: nothing is flushed to disk. synchronous_commit stays on so that an
            # immediate stop (a crash) never loses a commit the client was told about.
            fsync="off",
            full_page_writes="off",
            synchronous_commit="on",
            max_connections="100",
        )

    def first_start(self) -> None:
        """Start on a free port, trying another if one is taken in between."""
        for attempt in range(3):
            self.port = free_port()
            self._configure(port=str(self.port))
            try:
                self.start()
                return
            except StartError:
                if attempt == 2:
                    raise

    def start(self) -> None:
        """Start the server (same folder, same port) and wait until it accepts connections."""
        began = time.perf_counter()
        proc = self._run("pg_ctl", "-D", self.datadir, "-l", self.logfile, "-w", "-t", "60", "start",
                         check=False)
        if proc.returncode != 0:
            raise StartError(f"PostgreSQL did not start on port {self.port}:\n{proc.stdout}{proc.stderr}"
                             f"\n--- server log ---\n{self.log_tail()}")
        self.start_seconds = time.perf_counter() - began

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server, ending every connection: `immediate` as a crash, `fast` cleanly."""
        assert mode in ("immediate", "fast", "smart"), mode
        proc = self._run("pg_ctl", "-D", self.datadir, "-m", mode, "-w", "-t", "60", "stop", check=False)
        if proc.returncode != 0 and self.running:
            raise RuntimeError(f"PostgreSQL did not stop:\n{proc.stdout}{proc.stderr}")

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def running(self) -> bool:
        return self._run("pg_ctl", "-D", self.datadir, "status", check=False).returncode == 0

    def destroy(self) -> None:
        if self.datadir.exists() and self.running:
            self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # Connecting.

    def dsn(self, dbname: str, user: str, password: str | None = None) -> str:
        """A libpq connection string over TCP to 127.0.0.1."""
        params = dict(host=self.host, port=self.port, dbname=dbname, user=user, connect_timeout=10)
        if password is not None:
            params["password"] = password
        return make_conninfo("", **params)

    def superuser_dsn(self, dbname: str = "postgres") -> str:
        return self.dsn(dbname, self.superuser, self.superuser_password)

    def connect(self, dbname: str = "postgres", **kwargs) -> psycopg.Connection:
        """An autocommit superuser connection (close it, or use it in a `with`)."""
        return psycopg.connect(self.superuser_dsn(dbname), autocommit=True, **kwargs)

    # Helpers.

    def _configure(self, **settings: str) -> None:
        # Appended: a later line wins over the defaults initdb wrote, and over earlier ones.
        with open(self.datadir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("".join(f"{k} = {v}\n" for k, v in settings.items()))

    def watch(self) -> subprocess.Popen:
        """A process that stops the server and removes its folder once this process ends, however it ends: a
        segfault or SIGKILL runs no clean-up here. It waits for the end of its stdin, which only this process
        holds open; close it once the server is stopped (``destroy``), and it finds nothing left to do."""
        stop = self._command("pg_ctl", "-D", self.datadir, "-m", "immediate", "-w", "-t", "60", "stop")
        return subprocess.Popen([sys.executable, "-c", _WATCH, json.dumps(stop), str(self.base)],
                                stdin=subprocess.PIPE, cwd=self.base.parent, env=self._env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # Ctrl+C and timeout's signal to the group spare it

    def _command(self, program: str, *args) -> list[str]:
        cmd = [str(self.bindir / program), *map(str, args)]
        return ["runuser", "-u", self.os_user, "--", *cmd] if self.os_user else cmd

    @staticmethod
    def _env() -> dict[str, str]:
        return {**{k: v for k, v in os.environ.items() if not k.startswith("PG")}, "LC_ALL": "C"}

    def _run(self, program: str, *args, what: str = "", check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(self._command(program, *args), cwd=self.base, env=self._env(), capture_output=True,
                              text=True, timeout=120)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{what or program} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
        return proc


class StartError(RuntimeError):
    pass


#: ``PgServer.watch``'s process: argv[1] the command that stops the server (JSON), argv[2] its folder.
_WATCH = """
import json, shutil, signal, subprocess, sys
for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # it outlives the tests, and a kill of them by name
    signal.signal(sig, signal.SIG_IGN)
sys.stdin.buffer.read()
subprocess.run(json.loads(sys.argv[1]), capture_output=True, timeout=120)
shutil.rmtree(sys.argv[2], ignore_errors=True)
"""


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@dataclasses.dataclass(frozen=True)
class Role:
    """A login role a test made, with its password and a DSN for the test's database."""

    name: str
    password: str
    dsn: str

    def __str__(self) -> str:
        return self.name


class PgDatabase:
    """A fresh database for one test, and helpers to make roles and connect."""

    def __init__(self, server: PgServer, number: int):
        self.server = server
        self.name = f"test_{number}"
        self.prefix = f"t{number}"
        self._connections: list[psycopg.Connection] = []
        self._extra = itertools.count(2)

    def __repr__(self) -> str:
        return f"<PgDatabase {self.name} on {self.server!r}>"

    def dsn(self, user: str, password: str | None = None, dbname: str | None = None) -> str:
        return self.server.dsn(dbname or self.name, user, password)

    def superuser_dsn(self, dbname: str | None = None) -> str:
        return self.server.superuser_dsn(dbname or self.name)

    def connect(self, user: str | None = None, password: str | None = None, *,
                dbname: str | None = None, autocommit: bool = True) -> psycopg.Connection:
        """A connection (superuser when no user is given), closed when the test ends."""
        dsn = self.dsn(user, password, dbname) if user else self.superuser_dsn(dbname)
        conn = psycopg.connect(dsn, autocommit=autocommit)
        self._connections.append(conn)
        return conn

    def make_role(self, name: str, password: str | None = None, *, login: bool = True,
                  superuser: bool = False, createrole: bool = False, createdb: bool = False,
                  member_of: tuple[str, ...] = ()) -> Role:
        """CREATE ROLE <prefix>_<name>, e.g. `t3_ana`; dropped when the test ends."""
        role = f"{self.prefix}_{name}"
        password = password if password is not None else f"{name}-password"
        options = [sql.SQL(word if on else "NO" + word) for word, on in (
            ("LOGIN", login), ("SUPERUSER", superuser), ("CREATEROLE", createrole), ("CREATEDB", createdb))]
        query = sql.SQL("CREATE ROLE {} WITH {} PASSWORD {}").format(
            sql.Identifier(role), sql.SQL(" ").join(options), sql.Literal(password))
        with self.server.connect(self.name) as conn:
            conn.execute(query)
            for group in member_of:
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
        return Role(role, password, self.dsn(role, password))

    def make_database(self) -> str:
        """Another fresh database (test_<n>_2, ...), dropped when the test ends."""
        name = f"{self.name}_{next(self._extra)}"
        _create_database(self.server, name)
        return name

    def cleanup(self, roles_before: set[str], databases_before: set[str]) -> None:
        """Drop every database and role made since the test began, and end their sessions."""
        for conn in self._connections:
            conn.close()
        if not self.server.running:  # a test that stopped the server and failed before start()
            self.server.start()
        with self.server.connect() as conn:
            databases = _names(conn, "SELECT datname FROM pg_database") - databases_before
            roles = _names(conn, "SELECT rolname FROM pg_roles") - roles_before
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                         " WHERE pid <> pg_backend_pid() AND (datname = ANY(%s) OR usename = ANY(%s))",
                         (list(databases), list(roles)))
            for name in sorted(databases):
                conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            if roles:
                names = sql.SQL(", ").join(map(sql.Identifier, sorted(roles)))
                conn.execute(sql.SQL("DROP OWNED BY {}").format(names))
                conn.execute(sql.SQL("DROP ROLE {}").format(names))


def _names(conn: psycopg.Connection, query: str) -> set[str]:
    return {row[0] for row in conn.execute(query)}


def _create_database(server: PgServer, name: str) -> None:
    with server.connect() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@pytest.fixture(scope="package")
def pg_server():
    """The sync tests' PostgreSQL server (a `PgServer`): started once, and stopped and removed after the last of
    them (not at the end of the session, so a crash in a later test cannot leave it running), however they end:
    by Ctrl+C here, by SIGTERM, a segfault or SIGKILL (which run no clean-up) through ``PgServer.watch``."""
    server = PgServer(find_bindir())
    with pytest.MonkeyPatch.context() as mp:
        # The developer's PG* variables and ~/.pgpass must not leak into the tests' logins.
        for key in [k for k in os.environ if k.startswith("PG")]:
            mp.delenv(key)
        mp.setenv("PGPASSFILE", str(server.base / "no-pgpass"))
        watcher = server.watch()
        try:
            server.init()
            server.first_start()
            yield server
        finally:
            server.destroy()
            watcher.stdin.close()
            watcher.wait()


_database_numbers = itertools.count(1)


@pytest.fixture
def pg_db(pg_server):
    """A fresh database (a `PgDatabase`); its roles and databases are dropped afterwards."""
    if not pg_server.running:  # an earlier test stopped it and failed before start()
        pg_server.start()
    with pg_server.connect() as conn:
        roles_before = _names(conn, "SELECT rolname FROM pg_roles")
        databases_before = _names(conn, "SELECT datname FROM pg_database")
    db = PgDatabase(pg_server, next(_database_numbers))
    _create_database(pg_server, db.name)
    try:
        yield db
    finally:
        db.cleanup(roles_before, databases_before)
