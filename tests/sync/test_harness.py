"""The throwaway PostgreSQL of conftest.py does what the sync tests rely on."""

import psycopg
import pytest
from psycopg import errors

from tests.sync.conftest import PgDatabase, _create_database, _names


def test_a_role_logs_in_over_tcp_with_its_password(pg_db):
    ana = pg_db.make_role("ana", "s3cret")
    with psycopg.connect(ana.dsn) as conn:
        user, address, port = conn.execute(
            "SELECT current_user, host(inet_server_addr()), inet_server_port()").fetchone()
    assert ana.name == f"{pg_db.prefix}_ana"
    assert (user, address, port) == (ana.name, "127.0.0.1", pg_db.server.port)
    with pg_db.connect() as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (ana.name,)).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$")


def test_a_wrong_or_missing_password_is_refused(pg_db):
    ana = pg_db.make_role("ana", "s3cret")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_db.dsn(ana.name, "guess"))
    with pytest.raises(psycopg.OperationalError, match="no password supplied"):
        psycopg.connect(pg_db.dsn(ana.name))
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_db.dsn("nobody_here", "s3cret"))


def test_roles_are_different_identities_with_different_rights(pg_db):
    ana = pg_db.make_role("ana")
    ben = pg_db.make_role("ben")
    admin = pg_db.make_role("admin", createrole=True)
    with pg_db.connect() as conn:
        conn.execute("CREATE TABLE verdicts (claim text, approved_by text DEFAULT current_user)")
        conn.execute(f"GRANT SELECT ON verdicts TO {ana.name}")
        conn.execute(f"GRANT SELECT, INSERT ON verdicts TO {ben.name}")
    with pg_db.connect(ben.name, ben.password) as conn:
        conn.execute("INSERT INTO verdicts (claim) VALUES ('petro')")
    with pg_db.connect(ana.name, ana.password) as conn:
        assert conn.execute("SELECT claim, approved_by FROM verdicts").fetchall() == [("petro", ben.name)]
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("INSERT INTO verdicts (claim) VALUES ('forged')")
    with pg_db.connect(admin.name, admin.password) as conn:
        conn.execute(f"CREATE ROLE {pg_db.prefix}_carla LOGIN PASSWORD 'x'")  # dropped afterwards too


def test_the_server_stops_and_starts_again_on_the_same_port(pg_db):
    server = pg_db.server
    port = server.port
    conn = pg_db.connect()
    conn.execute("CREATE TABLE events (id int)")
    conn.execute("INSERT INTO events VALUES (1)")

    server.stop()
    assert not server.running
    with pytest.raises(psycopg.OperationalError):
        conn.execute("SELECT 1")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg_db.superuser_dsn())

    server.start()
    assert server.running and server.port == port
    with pg_db.connect() as again:
        assert again.execute("SELECT id FROM events").fetchall() == [(1,)]


def test_two_databases_are_isolated(pg_db):
    other = pg_db.make_database()
    with pg_db.connect() as conn:
        conn.execute("CREATE TABLE events (id int)")
    with pg_db.connect(dbname=other) as conn:
        with pytest.raises(errors.UndefinedTable):
            conn.execute("SELECT * FROM events")


def test_listen_notify_reaches_another_connection(pg_db):
    ana = pg_db.make_role("ana")
    ben = pg_db.make_role("ben")
    listener = pg_db.connect(ana.name, ana.password)
    listener.execute("LISTEN project_changed")
    with pg_db.connect(ben.name, ben.password) as talker:
        talker.execute("SELECT pg_notify('project_changed', 'seq=42')")
    received = list(listener.notifies(timeout=5, stop_after=1))
    assert [(n.channel, n.payload) for n in received] == [("project_changed", "seq=42")]


def test_what_a_test_made_is_gone_afterwards_even_with_the_server_stopped(pg_server):
    with pg_server.connect() as conn:
        roles = _names(conn, "SELECT rolname FROM pg_roles")
        databases = _names(conn, "SELECT datname FROM pg_database")
    db = PgDatabase(pg_server, 9999)
    _create_database(pg_server, db.name)
    ana = db.make_role("ana")
    db.make_database()
    with db.connect() as conn:
        # As `factcheck server init` may: a role without the prefix, with rights on a table.
        conn.execute("CREATE ROLE factcheck_test_client NOLOGIN")
        conn.execute("CREATE TABLE events (id int)")
        conn.execute("GRANT SELECT ON events TO factcheck_test_client")
    busy = db.connect(ana.name, ana.password, autocommit=False)
    busy.execute("SELECT 1")  # left in an open transaction
    pg_server.stop()

    db.cleanup(roles, databases)

    assert pg_server.running
    with pg_server.connect() as conn:
        assert _names(conn, "SELECT rolname FROM pg_roles") == roles
        assert _names(conn, "SELECT datname FROM pg_database") == databases
