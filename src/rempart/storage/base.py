"""The storage interface of the audit log and its Merkle tree.

`AuditLog` and `MerkleTree` hold the hashing and verification logic; a backend holds all SQL.
Two backends implement this: SQLite (`rempart.storage.sqlite`) and PostgreSQL
(`rempart.storage.postgres`). `open_audit_store(path_or_url)` picks one: a `postgresql://`
(or `postgres://`) URL selects PostgreSQL, anything else is an SQLite path (or ":memory:").

Rows of `audit_records`, in the order every method uses:

    text rows  (seq, ts, kind, payload, prev_hash, record_hash, redacted, leaf_hash)
    raw rows   (seq, ts, kind, payload, prev_hash, record_hash, redacted, leaf_hash, redaction_tag)

In raw rows every text column is the stored bytes (UTF-8), so verification hashes exactly what
is kept; `leaf_hash` and `redaction_tag` are set only on redacted rows (payload '').

Schemas of both backends are created and upgraded by the Alembic migrations in
`rempart/storage/migrations`, run when a store is opened (see `rempart.storage.migrate`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol


class RacedError(Exception):
    """Another writer extended the Merkle tree meanwhile; the caller starts again."""


class WriteTx(Protocol):
    """One serialised write transaction: appenders of every process queue on it, so the chain
    and the tree cannot fork. Committed when the `with` block ends, rolled back on error."""

    def head(self) -> tuple[int, str] | None: ...

    def insert(self, rows: Sequence[tuple]) -> None:
        """rows of (seq, ts, kind, payload, prev_hash, record_hash)."""

    def fetch_for_redaction(self, seqs: Sequence[int]) -> list[tuple]:
        """raw (seq, ts, kind, payload, prev_hash, record_hash, redacted) of those seqs that exist."""

    def redact(self, updates: Sequence[tuple[bytes, bytes, int]]) -> None:
        """(leaf_hash, redaction_tag, seq): drop the payload, set the marker. The only UPDATE the
        append-only triggers let through."""


class AuditStore(Protocol):
    path: str  # what error messages show: the file path, or the URL without its password
    triggers_were_missing: bool  # append-only triggers were absent (or altered) when opened

    def close(self) -> None: ...

    def write(self) -> AbstractContextManager[WriteTx]: ...

    def head(self) -> tuple[int, str] | None: ...

    def get(self, seq: int) -> tuple | None: ...

    def pages(self, start: int, end: int | None, raw: bool) -> Iterator[list[tuple]]: ...

    def rows_of_kind(self, kind: str) -> list[tuple[int, bytes]]:
        """(seq, raw payload) of every record of `kind` (used for audit.redaction records)."""

    def triggers_present(self) -> bool: ...

    # -- Merkle tree tables ----------------------------------------------------------
    def tree_size(self) -> int: ...

    def tree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes | None]:
        """Stored hash of each complete subtree (level, index); level 0 reads merkle_leaves."""

    def tree_append(self, leaves: Sequence[tuple[int, bytes]], nodes: Sequence[tuple[int, int, bytes]]) -> None:
        """Insert, in one transaction, if the tree still ends right before leaves[0]; else RacedError."""

    def tree_leaf_pages(self, after: int) -> Iterator[list[tuple[int, bytes]]]: ...

    def tree_nodes(self, level: int, lo: int, hi: int) -> dict[int, bytes]: ...


PAGE_ROWS = 5000  # rows per read; bounds memory and lock hold time


class TreeReads:
    """Merkle-tree reads shared by the SQL backends. `_P` is the driver's placeholder; the
    backend provides `_query(sql, args) -> list[tuple]`."""

    _P = "?"

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        raise NotImplementedError

    def tree_leaf_pages(self, after: int) -> Iterator[list[tuple[int, bytes]]]:
        p, nxt = self._P, after
        while True:
            rows = self._query(f"SELECT seq, leaf_hash FROM merkle_leaves WHERE seq > {p} ORDER BY seq LIMIT {p}",
                               (nxt, PAGE_ROWS))
            if not rows:
                return
            yield rows
            nxt = rows[-1][0]

    def tree_nodes(self, level: int, lo: int, hi: int) -> dict[int, bytes]:
        p = self._P
        return dict(self._query(f"SELECT idx, hash FROM merkle_nodes WHERE level = {p} AND idx BETWEEN {p} AND {p}",
                                (level, lo, hi)))


class AppendOnlyGuard:
    """Restores the append-only triggers at open, shared by the SQL backends. The backend
    provides `_conn`, `path`, `_wrong_triggers()` (names missing or altered) and
    `_recreate_triggers(names)`."""

    def _restore_triggers(self) -> bool:
        """Recreate dropped or altered append-only triggers; True if any was (evidence of tampering
        when the log holds records)."""
        wrong = self._wrong_triggers()
        if not wrong:
            return False
        nonempty = self._conn.execute("SELECT EXISTS(SELECT 1 FROM audit_records)").fetchone()[0]
        if nonempty:
            logging.getLogger(type(self).__module__).warning(
                "audit log %s: append-only triggers %s were missing or altered; restored them",
                self.path, ", ".join(wrong))
        self._recreate_triggers(wrong)
        return bool(nonempty)

    def _wrong_triggers(self) -> list[str]:
        raise NotImplementedError

    def _recreate_triggers(self, names: list[str]) -> None:
        raise NotImplementedError


def is_postgres_url(path_or_url: object) -> bool:
    return isinstance(path_or_url, str) and path_or_url.startswith(("postgresql://", "postgres://",
                                                                     "postgresql+psycopg://"))


def open_audit_store(path_or_url: object) -> AuditStore:
    if is_postgres_url(path_or_url):
        from rempart.storage.postgres import PostgresAuditStore

        return PostgresAuditStore(str(path_or_url))
    from rempart.storage.sqlite import SqliteAuditStore

    return SqliteAuditStore(path_or_url)  # type: ignore[arg-type]
