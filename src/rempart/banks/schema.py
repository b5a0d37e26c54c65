"""The bank store's schema: its own Alembic tree (rempart/storage/migrations/banks, branch
label "banks", version table `bank_alembic_version`), run when a store opens, on SQLite and
PostgreSQL. Revision 0001 also upgrades stores written before Alembic (the ad-hoc
`bank_schema` v2 table, and SQLite v1 files). How upgrades run: rempart.storage.migrate.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from rempart.storage.migrate import BANKS

HEAD = BANKS.head
VERSION_TABLE = BANKS.version_table


def upgrade_sqlite(conn: sqlite3.Connection) -> None:
    BANKS.upgrade_sqlite(conn)


def current_postgres(cur: Any) -> str | None:
    return BANKS.current_postgres(cur)


def upgrade_postgres(dsn: str, current: str | None, where: str = "") -> None:
    BANKS.upgrade_postgres(dsn, current)
