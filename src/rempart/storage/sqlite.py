"""One way to open SQLite for Rempart's stores (audit log, hash banks): WAL, durable
commits, a busy timeout for several processes, and failures as StorageError."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rempart.errors import StorageError


def open_sqlite(path: str | Path, what: str, *, foreign_keys: bool = False) -> sqlite3.Connection:
    path = str(path)
    try:
        # Autocommit mode: stores issue BEGIN IMMEDIATE themselves so multi-process writers serialise.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA journal_mode=WAL")  # readers do not block writers
        conn.execute("PRAGMA synchronous=FULL")  # a committed record survives power loss
        if foreign_keys:
            conn.execute("PRAGMA foreign_keys=ON")
        return conn
    except sqlite3.DatabaseError as e:
        raise StorageError(f"{what} {path!r} cannot be opened as an SQLite database: {e}") from None
