"""Run Alembic migrations when a store opens: the audit log's tree and the hash banks' tree.

Each store has its own Alembic tree and version table (`MigrationTree`), so the two evolve
independently even inside one SQLite file. Opening an up-to-date store costs one query;
Alembic and SQLAlchemy are imported only when there is something to create or upgrade.
Upgrades are serialised between processes (SQLite: the write lock, BEGIN IMMEDIATE;
PostgreSQL: an advisory lock) and run every revision in that one transaction, so a crash or a
failure mid-upgrade leaves the previous schema intact.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rempart.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class _Lent:
    """A store's sqlite3 connection, lent to SQLAlchemy, which must not close it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def close(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _first_line(e: Exception) -> str:
    return f"{e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}"


@dataclass(frozen=True)
class MigrationTree:
    """One store's Alembic tree: where its revisions live, its head, its version table."""

    label: str  # for errors: "audit log", "bank store"
    directory: Path
    head: str
    version_table: str
    pg_lock_key: int

    @functools.cached_property
    def _script(self) -> Any:
        from alembic.script import ScriptDirectory

        return ScriptDirectory(str(self.directory))

    def _run(self, sa_conn: Any) -> None:
        """Upgrade to head inside the caller's transaction."""
        from alembic.operations import Operations
        from alembic.runtime.migration import MigrationContext
        from alembic.util import CommandError

        script = self._script
        ctx = MigrationContext.configure(sa_conn, opts={
            "version_table": self.version_table, "fn": lambda rev, _ctx: script._upgrade_revs(self.head, rev)})
        try:
            with Operations.context(ctx):
                ctx.run_migrations()
        except CommandError as e:  # e.g. a revision written by a newer Rempart
            raise StorageError(f"{self.label} schema: {e} (written by a newer Rempart?)") from None
        except RuntimeError as e:  # a legacy store a revision cannot read
            raise StorageError(f"{self.label} schema: {e}") from None

    # SQLite ------------------------------------------------------------------------------

    def current_sqlite(self, conn: sqlite3.Connection) -> str | None:
        try:
            row = conn.execute(f"SELECT version_num FROM {self.version_table}").fetchone()
        except sqlite3.OperationalError:
            return None  # no version table: a new file, or a store from before Alembic
        return row[0] if row else None

    def upgrade_sqlite(self, conn: sqlite3.Connection) -> None:
        if self.current_sqlite(conn) == self.head:
            return
        import sqlalchemy
        from sqlalchemy.pool import StaticPool

        engine = sqlalchemy.create_engine("sqlite://", creator=lambda: _Lent(conn), poolclass=StaticPool)
        try:
            # SQLAlchemy resets a connection when it first takes it (a rollback): connect first,
            # then take the write lock, so the check and every revision share one transaction.
            with engine.connect() as sa_conn:
                conn.execute("BEGIN IMMEDIATE")  # another process may be upgrading: queue behind it
                if self.current_sqlite(conn) != self.head:
                    with sa_conn.begin():  # Alembic commits nothing itself inside it
                        self._run(sa_conn)
                if conn.in_transaction:
                    conn.execute("COMMIT")
        except sqlalchemy.exc.SQLAlchemyError as e:
            raise StorageError(f"{self.label}: upgrading the SQLite schema failed: {_first_line(e)}") from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            engine.dispose()

    # PostgreSQL --------------------------------------------------------------------------

    def current_postgres(self, cur: Any) -> str | None:
        cur.execute(f"SELECT to_regclass('{self.version_table}') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute(f"SELECT version_num FROM {self.version_table}")
        row = cur.fetchone()
        return row[0] if row else None

    def upgrade_postgres(self, dsn: str, current: str | None) -> None:
        """Upgrade over a connection of its own (a postgresql:// URL or libpq keywords)."""
        if current == self.head:
            return
        import psycopg
        import sqlalchemy
        from sqlalchemy.pool import NullPool

        engine = sqlalchemy.create_engine("postgresql+psycopg://", poolclass=NullPool,
                                          creator=lambda: psycopg.connect(dsn, connect_timeout=10))
        try:
            with engine.begin() as sa_conn:
                sa_conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({self.pg_lock_key})")
                self._run(sa_conn)  # a no-op when another process upgraded while we waited
        except sqlalchemy.exc.SQLAlchemyError as e:
            raise StorageError(f"{self.label}: upgrading the PostgreSQL schema failed: {_first_line(e)}") from None
        finally:
            engine.dispose()


AUDIT = MigrationTree("audit log", MIGRATIONS, "0002_audit_v2", "alembic_version", 0x72656D70_6D6967)
BANKS = MigrationTree("bank store", MIGRATIONS / "banks", "0001_banks_v2", "bank_alembic_version", 0x52454D5042414E4B)

# The audit log's tree, under the names its stores use.
HEAD = AUDIT.head


def current_revision_sqlite(conn: sqlite3.Connection) -> str | None:
    return AUDIT.current_sqlite(conn)


def upgrade_sqlite(conn: sqlite3.Connection, path: str = "") -> None:
    AUDIT.upgrade_sqlite(conn)


def upgrade_postgres(url: str, current: str | None) -> None:
    AUDIT.upgrade_postgres(url, current)
