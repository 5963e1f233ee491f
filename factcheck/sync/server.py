"""Setting up the newsroom's PostgreSQL as a desk's shared store: schema, users, who works on which project.

``init`` creates or upgrades the ``factcheck`` schema (``schema.sql``: tables, the
append-only trigger, the functions clients call) as the role that runs it, which then
owns everything; clients get only ``factcheck_client``: EXECUTE on those functions, no
table. ``add_user`` makes a login role in ``factcheck_client``; ``grant`` gives it the
checker or editor role on one project (creating the project's entry if new). Run them
as an administrator role that may create roles (``CREATEROLE``), never as a client.
"""

from __future__ import annotations

import importlib.resources
import re

from factcheck.core.errors import InvalidInput
from factcheck.core.text import N_

SCHEMA_VERSION = 4
ROLES = ("checker", "editor")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


def schema_sql() -> str:
    return importlib.resources.files("factcheck.sync").joinpath("schema.sql").read_text(encoding="utf-8")


def init(conn) -> int:
    """Create or upgrade the schema in the connected database (one transaction); its version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(4604316849)")  # two inits at once wait for each other
        conn.execute(schema_sql())
    return SCHEMA_VERSION


def _check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise InvalidInput(N_("{name} cannot be a user name on the server: use letters, digits and _ . @ - "
                              "(at most 63), starting with a letter.", name=name))
    return name


def add_user(conn, name: str, password: str | None) -> None:
    """A login role for one person, member of ``factcheck_client`` (a role that exists is given the membership)."""
    from psycopg import sql

    _check_name(name)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
        if password:
            # The password travels as a literal in DDL (PostgreSQL takes no parameters there);
            # it is quoted by psycopg and hashed by the server with its password_encryption.
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT factcheck_client TO {}").format(sql.Identifier(name)))


def grant(conn, project_id: str, name: str, role: str, project_name: str = "") -> None:
    """Give ``name`` the ``role`` (checker or editor) on a project; the project's entry is made if new."""
    if role not in ROLES:
        raise InvalidInput(N_("{role} is not a role: use checker or editor.", role=role))
    _check_name(name)
    with conn.transaction():
        conn.execute("INSERT INTO factcheck.projects (id, name) VALUES (%s, %s) ON CONFLICT (id) DO NOTHING",
                     (project_id, project_name))
        conn.execute("INSERT INTO factcheck.members (project, username, role) VALUES (%s, %s, %s) "
                     "ON CONFLICT (project, username) DO UPDATE SET role = excluded.role", (project_id, name, role))


def revoke(conn, project_id: str, name: str) -> None:
    with conn.transaction():
        conn.execute("DELETE FROM factcheck.members WHERE project = %s AND username = %s", (project_id, name))
