"""SQLite for Rempart's stores: `open_sqlite` (WAL, durable commits, a busy timeout for several
processes, failures as StorageError), used by the hash banks and by `SqliteAuditStore`, the
audit log's SQLite backend (see rempart.storage.base)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rempart.errors import AuditIntegrityError, StorageError
from rempart.storage.base import PAGE_ROWS as _PAGE, AppendOnlyGuard, RacedError, TreeReads


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


# --------------------------------------------------------------------------- audit log store

_IN_CHUNK = 500  # seqs per IN (...) list

# The only UPDATE allowed: redaction (payload -> '', marker set, leaf hash and tag written once),
# never of a redaction record itself; every other column must stay as it was.
REDACTION_ONLY = (
    "OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.payload = '' AND NEW.seq = OLD.seq "
    "AND NEW.ts IS OLD.ts AND NEW.kind IS OLD.kind AND NEW.prev_hash IS OLD.prev_hash "
    "AND NEW.record_hash IS OLD.record_hash AND OLD.leaf_hash IS NULL AND OLD.redaction_tag IS NULL "
    "AND typeof(NEW.leaf_hash) = 'blob' AND length(NEW.leaf_hash) = 32 "
    "AND typeof(NEW.redaction_tag) = 'blob' AND length(NEW.redaction_tag) = 32 "
    "AND OLD.kind <> 'audit.redaction'"
)
AUDIT_TRIGGERS = {
    "audit_records_no_update": "CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records "
    f"WHEN NOT ({REDACTION_ONLY}) "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END",
    "audit_records_no_delete": "CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: DELETE refused'); END",
}
TREE_TRIGGERS = {
    f"{t}_no_{op.lower()}": f"CREATE TRIGGER {t}_no_{op.lower()} BEFORE {op} ON {t} "
    f"BEGIN SELECT RAISE(ABORT, 'rempart Merkle tree is append-only: {op} refused'); END"
    for t in ("merkle_leaves", "merkle_nodes")
    for op in ("UPDATE", "DELETE")
}
ALL_TRIGGERS = {**AUDIT_TRIGGERS, **TREE_TRIGGERS}
# The tree is a cache derived from the log: tables someone dropped are recreated (and rebuilt by
# sync); their triggers are then reported missing. Same DDL as migration 0002.
TREE_TABLES = [
    "CREATE TABLE IF NOT EXISTS merkle_leaves (seq INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL)",
    ("CREATE TABLE IF NOT EXISTS merkle_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, "
     "PRIMARY KEY (level, idx)) WITHOUT ROWID"),
]


class SqliteAuditStore(TreeReads, AppendOnlyGuard):
    """All SQL of the audit log and its Merkle tree on SQLite (see rempart.storage.base)."""

    def __init__(self, path: str | Path) -> None:
        from rempart.storage.migrate import upgrade_sqlite

        self.path = str(path)
        self._conn = open_sqlite(self.path, "audit log")
        self._lock = threading.RLock()
        try:
            with self._lock:
                upgrade_sqlite(self._conn, self.path)
                for ddl in TREE_TABLES:
                    self._conn.execute(ddl)
                self.triggers_were_missing = self._restore_triggers()
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StorageError(f"audit log {self.path!r} is not a usable database: {e}") from None

    def _trigger_sql(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall())

    def _wrong_triggers(self) -> list[str]:
        present = self._trigger_sql()
        return [n for n, sql in ALL_TRIGGERS.items() if present.get(n) != sql]

    def _recreate_triggers(self, names: list[str]) -> None:
        for n in names:
            self._conn.execute(f"DROP TRIGGER IF EXISTS {n}")
            self._conn.execute(ALL_TRIGGERS[n])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def triggers_present(self) -> bool:
        with self._lock:
            try:
                present = self._trigger_sql()
            except sqlite3.DatabaseError as e:
                raise AuditIntegrityError(f"audit log {self.path!r}: cannot read the schema: {e}") from None
        return all(present.get(n) == sql for n, sql in ALL_TRIGGERS.items())

    def _fail(self, action: str, e: sqlite3.Error) -> StorageError:
        return StorageError(f"audit log {self.path!r}: {action} failed: {e}")

    # -- writing ---------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator["_SqliteTx"]:
        """BEGIN IMMEDIATE takes the write lock before the head is read, so two processes
        appending to the same file cannot fork the chain."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise self._fail("write", e) from None
            try:
                yield _SqliteTx(self._conn)
                self._conn.execute("COMMIT")
            except sqlite3.Error as e:
                self._rollback()
                raise self._fail("write", e) from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # already rolled back by SQLite (e.g. after a disk error)

    # -- reading ---------------------------------------------------------------------

    def head(self) -> tuple[int, str] | None:
        with self._lock:
            try:
                return _head(self._conn)
            except sqlite3.Error as e:
                raise self._fail("reading head", e) from None

    def get(self, seq: int) -> tuple | None:
        with self._lock:
            try:
                return self._conn.execute(
                    "SELECT seq, ts, kind, payload, prev_hash, record_hash, redacted, leaf_hash "
                    "FROM audit_records WHERE seq=?", (seq,)).fetchone()
            except sqlite3.Error as e:
                raise self._fail(f"reading seq {seq}", e) from None

    def rows_of_kind(self, kind: str) -> list[tuple[int, bytes]]:
        with self._lock:
            try:
                return self._conn.execute("SELECT seq, CAST(payload AS BLOB) FROM audit_records WHERE kind=? "
                                          "ORDER BY seq", (kind,)).fetchall()
            except sqlite3.DatabaseError as e:
                raise AuditIntegrityError(f"audit log {self.path!r}: unreadable ({e})") from None

    def pages(self, start: int, end: int | None, raw: bool) -> Iterator[list[tuple]]:
        """Keyset-paginated scan by seq. raw=True returns every text column as bytes (seq as int)
        so that verify hashes exactly the stored bytes, even invalid UTF-8."""
        cols = (
            "seq, CAST(ts AS BLOB), CAST(kind AS BLOB), CAST(payload AS BLOB), CAST(prev_hash AS BLOB), "
            "CAST(record_hash AS BLOB), redacted, leaf_hash, redaction_tag"
            if raw
            else "seq, ts, kind, payload, prev_hash, record_hash, redacted, leaf_hash"
        )
        bound = "" if end is None else f" AND seq <= {int(end)}"
        sql = f"SELECT {cols} FROM audit_records WHERE seq >= ?{bound} ORDER BY seq LIMIT {_PAGE}"
        nxt = start
        while True:
            with self._lock:  # held per page only, so appends interleave with a long verify
                try:
                    rows = self._conn.execute(sql, (nxt,)).fetchall()
                except sqlite3.ProgrammingError as e:  # e.g. the log was closed: a bug, not corruption
                    raise StorageError(f"audit log {self.path!r}: {e}") from None
                except sqlite3.DatabaseError as e:
                    raise AuditIntegrityError(
                        f"audit log {self.path!r} is unreadable from seq {nxt} on (corrupt database file?): {e}"
                    ) from None
            if not rows:
                return
            yield rows
            last = rows[-1][0]
            if not isinstance(last, int):
                raise AuditIntegrityError(f"audit log {self.path!r}: non-integer seq {last!r} after seq {nxt}")
            if len(rows) < _PAGE:
                return
            nxt = last + 1

    # -- Merkle tree tables --------------------------------------------------------------

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as e:
                raise StorageError(f"audit Merkle tree in {self.path!r}: query failed: {e}") from None

    def tree_size(self) -> int:
        return self._query("SELECT COALESCE(MAX(seq), 0) FROM merkle_leaves")[0][0]

    def tree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes | None]:
        out: list[bytes | None] = []
        with self._lock:
            ex = self._conn.execute
            try:
                for level, idx in coords:
                    row = (ex("SELECT leaf_hash FROM merkle_leaves WHERE seq=?", (idx + 1,)).fetchone() if level == 0
                           else ex("SELECT hash FROM merkle_nodes WHERE level=? AND idx=?", (level, idx)).fetchone())
                    out.append(None if row is None else row[0])
            except sqlite3.Error as e:
                raise StorageError(f"audit Merkle tree in {self.path!r}: read failed: {e}") from None
        return out

    def tree_append(self, leaves: Sequence[tuple[int, bytes]], nodes: Sequence[tuple[int, int, bytes]]) -> None:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    cur = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM merkle_leaves").fetchone()[0]
                    if cur != leaves[0][0] - 1:
                        raise RacedError()
                    self._conn.executemany("INSERT INTO merkle_leaves(seq, leaf_hash) VALUES (?,?)", leaves)
                    self._conn.executemany("INSERT INTO merkle_nodes(level, idx, hash) VALUES (?,?,?)", nodes)
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
            except sqlite3.Error as e:
                raise StorageError(f"audit Merkle tree in {self.path!r}: sync failed: {e}") from None

def _head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT seq, record_hash FROM audit_records ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1])


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def head(self) -> tuple[int, str] | None:
        return _head(self._conn)

    def insert(self, rows: Sequence[tuple]) -> None:
        self._conn.executemany(
            "INSERT INTO audit_records(seq, ts, kind, payload, prev_hash, record_hash) VALUES (?,?,?,?,?,?)", rows)

    def fetch_for_redaction(self, seqs: Sequence[int]) -> list[tuple]:
        out: list[tuple] = []
        for i in range(0, len(seqs), _IN_CHUNK):
            chunk = seqs[i:i + _IN_CHUNK]
            out += self._conn.execute(
                "SELECT seq, CAST(ts AS BLOB), CAST(kind AS BLOB), CAST(payload AS BLOB), CAST(prev_hash AS BLOB), "
                f"CAST(record_hash AS BLOB), redacted FROM audit_records WHERE seq IN ({','.join('?' * len(chunk))}) "
                "ORDER BY seq", chunk).fetchall()
        return out

    def redact(self, updates: Sequence[tuple[bytes, bytes, int]]) -> None:
        self._conn.executemany(
            "UPDATE audit_records SET payload='', redacted=1, leaf_hash=?, redaction_tag=? WHERE seq=?", updates)
