"""The audit log's PostgreSQL backend (psycopg 3); see rempart.storage.base for the interface.

Several processes may append at once: every write transaction first takes a transaction-level
advisory lock, so heads are read and rows inserted one writer at a time and the chain (and the
Merkle tree, under its own lock) cannot fork. Commits are durable (synchronous_commit as the
server sets it, `on` by default): an acknowledged append survives a crash of the writer.

Append-only is enforced by triggers (UPDATE, DELETE and TRUNCATE), created by the Alembic
migration 0002; as on SQLite, a dropped or altered trigger is restored when a store opens and
reported by that store's verify().
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rempart.errors import AuditIntegrityError, StorageError
from rempart.storage.base import PAGE_ROWS as _PAGE, AppendOnlyGuard, RacedError, TreeReads

APPEND_LOCK = 0x72656D70_6C6F67  # advisory lock keys: "remp" "log", "remp" "tre"
TREE_LOCK = 0x72656D70_747265

# Kept identical to migration 0002, which creates them; restored from here if tampered with.
FUNCTIONS = {
    "rempart_audit_no_update": """
BEGIN
  IF OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.payload = ''
     AND NEW.seq = OLD.seq AND NEW.ts = OLD.ts AND NEW.kind = OLD.kind
     AND NEW.prev_hash = OLD.prev_hash AND NEW.record_hash = OLD.record_hash
     AND OLD.leaf_hash IS NULL AND OLD.redaction_tag IS NULL
     AND octet_length(NEW.leaf_hash) = 32 AND octet_length(NEW.redaction_tag) = 32
     AND OLD.kind <> 'audit.redaction' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'rempart audit log is append-only: UPDATE refused';
END
""",
    "rempart_append_only": """
BEGIN
  RAISE EXCEPTION 'rempart % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
""",
}
TRIGGERS = {
    "audit_records_no_update": ("audit_records", "BEFORE UPDATE", "ROW", "rempart_audit_no_update"),
    "audit_records_no_delete": ("audit_records", "BEFORE DELETE", "ROW", "rempart_append_only"),
    "audit_records_no_truncate": ("audit_records", "BEFORE TRUNCATE", "STATEMENT", "rempart_append_only"),
    **{f"{t}_no_{o.lower()}": (t, f"BEFORE {o}", "STATEMENT" if o == "TRUNCATE" else "ROW", "rempart_append_only")
       for t in ("merkle_leaves", "merkle_nodes") for o in ("UPDATE", "DELETE", "TRUNCATE")},
}
# pg_trigger.tgtype bits: ROW 1, BEFORE 2, DELETE 8, UPDATE 16, TRUNCATE 32
_TGTYPE = {("BEFORE UPDATE", "ROW"): 19, ("BEFORE DELETE", "ROW"): 11, ("BEFORE TRUNCATE", "STATEMENT"): 34}

_RAW_COLS = ("seq, convert_to(ts, 'UTF8'), convert_to(kind, 'UTF8'), convert_to(payload, 'UTF8'), "
             "convert_to(prev_hash, 'UTF8'), convert_to(record_hash, 'UTF8'), redacted, leaf_hash, redaction_tag")
_TEXT_COLS = "seq, ts, kind, payload, prev_hash, record_hash, redacted, leaf_hash"


def _redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        d = conninfo_to_dict(url)
        return f"postgresql://{d.get('user', '')}@{d.get('host', '')}:{d.get('port', 5432)}/{d.get('dbname', '')}"
    except Exception:  # noqa: BLE001 - a malformed URL: show nothing of it
        return "postgresql://…"


class PostgresAuditStore(TreeReads, AppendOnlyGuard):
    _P = "%s"
    def __init__(self, url: str) -> None:
        import psycopg

        from rempart.storage.migrate import upgrade_postgres

        self._psycopg = psycopg
        self.url = url
        self.path = _redact_url(url)
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True,
                                         connect_timeout=10)
        except psycopg.Error as e:
            raise StorageError(f"audit log {self.path}: cannot connect to PostgreSQL: {_first_line(e)}") from None
        try:
            upgrade_postgres(url, self._revision())
            # The tree is a cache derived from the log: recreate dropped tables (same DDL as 0002).
            self._conn.execute("CREATE TABLE IF NOT EXISTS merkle_leaves (seq BIGINT PRIMARY KEY, leaf_hash BYTEA NOT NULL)")
            self._conn.execute("CREATE TABLE IF NOT EXISTS merkle_nodes (level INTEGER NOT NULL, idx BIGINT NOT NULL, "
                               "hash BYTEA NOT NULL, PRIMARY KEY (level, idx))")
            self.triggers_were_missing = self._restore_triggers()
        except psycopg.Error as e:
            self._conn.close()
            raise StorageError(f"audit log {self.path}: cannot prepare the schema: {_first_line(e)}") from None
        except BaseException:
            self._conn.close()
            raise

    def _revision(self) -> str | None:
        row = self._conn.execute("SELECT to_regclass('alembic_version') IS NOT NULL").fetchone()
        if not row[0]:
            return None
        row = self._conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None

    # -- triggers --------------------------------------------------------------------------

    def _trigger_state(self) -> dict[str, tuple]:
        rows = self._conn.execute(
            "SELECT t.tgname, c.relname, t.tgtype, t.tgenabled, p.proname, p.prosrc FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND c.relname IN ('audit_records', 'merkle_leaves', 'merkle_nodes') "
            "AND c.relnamespace = to_regnamespace(current_schema())::oid").fetchall()
        return {r[0]: tuple(r[1:]) for r in rows}

    def _wrong_triggers(self) -> list[str]:
        state = self._trigger_state()
        wrong = []
        for name, (table, when, per, fn) in TRIGGERS.items():
            if state.get(name) != (table, _TGTYPE[(when, per)], "O", fn, FUNCTIONS[fn]):
                wrong.append(name)
        return wrong

    def _recreate_triggers(self, names: list[str]) -> None:
        with self._conn.transaction():
            for fn, body in FUNCTIONS.items():
                self._conn.execute(
                    f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $body${body}$body$")
            for name in names:
                table, when, per, fn = TRIGGERS[name]
                self._conn.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                self._conn.execute(f"CREATE TRIGGER {name} {when} ON {table} FOR EACH {per} EXECUTE FUNCTION {fn}()")

    def triggers_present(self) -> bool:
        with self._lock:
            try:
                return not self._wrong_triggers()
            except self._psycopg.Error as e:
                raise AuditIntegrityError(f"audit log {self.path}: cannot read the schema: {_first_line(e)}") from None

    # -- plumbing --------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _fail(self, action: str, e: Exception) -> StorageError:
        return StorageError(f"audit log {self.path}: {action} failed: {_first_line(e)}")

    def _query(self, sql: str, args: Sequence[Any] = (), what: str = "query") -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, args).fetchall()
            except self._psycopg.Error as e:
                raise self._fail(what, e) from None

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator["_PostgresTx"]:
        with self._lock:
            try:
                with self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (APPEND_LOCK,))
                    yield _PostgresTx(self._conn)
            except self._psycopg.Error as e:
                raise self._fail("write", e) from None

    # -- reading ---------------------------------------------------------------------------

    def head(self) -> tuple[int, str] | None:
        rows = self._query("SELECT seq, record_hash FROM audit_records ORDER BY seq DESC LIMIT 1", what="reading head")
        return (rows[0][0], rows[0][1]) if rows else None

    def get(self, seq: int) -> tuple | None:
        rows = self._query(f"SELECT {_TEXT_COLS} FROM audit_records WHERE seq = %s", (seq,), f"reading seq {seq}")
        return rows[0] if rows else None

    def rows_of_kind(self, kind: str) -> list[tuple[int, bytes]]:
        return self._query("SELECT seq, convert_to(payload, 'UTF8') FROM audit_records WHERE kind = %s ORDER BY seq",
                           (kind,))

    def pages(self, start: int, end: int | None, raw: bool) -> Iterator[list[tuple]]:
        cols = _RAW_COLS if raw else _TEXT_COLS
        bound = "" if end is None else f" AND seq <= {int(end)}"
        sql = f"SELECT {cols} FROM audit_records WHERE seq >= %s{bound} ORDER BY seq LIMIT {_PAGE}"
        nxt = start
        while True:
            rows = self._query(sql, (nxt,), f"reading from seq {nxt}")
            if not rows:
                return
            yield rows
            if len(rows) < _PAGE:
                return
            nxt = rows[-1][0] + 1

    # -- Merkle tree tables ------------------------------------------------------------------

    def tree_size(self) -> int:
        return self._query("SELECT COALESCE(MAX(seq), 0) FROM merkle_leaves")[0][0]

    def tree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes | None]:
        leaves = [idx + 1 for level, idx in coords if level == 0]
        nodes = [(level, idx) for level, idx in coords if level > 0]
        found: dict[tuple[int, int], bytes] = {}
        if leaves:
            for seq, h in self._query("SELECT seq, leaf_hash FROM merkle_leaves WHERE seq = ANY(%s)", (leaves,)):
                found[(0, seq - 1)] = bytes(h)
        if nodes:
            for level, idx, h in self._query(
                    "SELECT n.level, n.idx, n.hash FROM merkle_nodes n JOIN unnest(%s::int[], %s::bigint[]) "
                    "AS w(level, idx) ON n.level = w.level AND n.idx = w.idx",
                    ([lv for lv, _ in nodes], [i for _, i in nodes])):
                found[(level, idx)] = bytes(h)
        return [found.get((level, idx)) for level, idx in coords]

    def tree_append(self, leaves: Sequence[tuple[int, bytes]], nodes: Sequence[tuple[int, int, bytes]]) -> None:
        with self._lock:
            try:
                with self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (TREE_LOCK,))
                    cur = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM merkle_leaves").fetchone()[0]
                    if cur != leaves[0][0] - 1:
                        raise RacedError()
                    with self._conn.cursor() as c:
                        c.executemany("INSERT INTO merkle_leaves(seq, leaf_hash) VALUES (%s, %s)", leaves)
                        c.executemany("INSERT INTO merkle_nodes(level, idx, hash) VALUES (%s, %s, %s)", nodes)
            except self._psycopg.Error as e:
                raise StorageError(f"audit Merkle tree in {self.path}: sync failed: {_first_line(e)}") from None

class _PostgresTx:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def head(self) -> tuple[int, str] | None:
        row = self._conn.execute("SELECT seq, record_hash FROM audit_records ORDER BY seq DESC LIMIT 1").fetchone()
        return None if row is None else (row[0], row[1])

    def insert(self, rows: Sequence[tuple]) -> None:
        with self._conn.cursor() as c:
            c.executemany("INSERT INTO audit_records(seq, ts, kind, payload, prev_hash, record_hash) "
                          "VALUES (%s, %s, %s, %s, %s, %s)", rows)

    def fetch_for_redaction(self, seqs: Sequence[int]) -> list[tuple]:
        return self._conn.execute(
            f"SELECT {_RAW_COLS.rsplit(', leaf_hash', 1)[0]} FROM audit_records WHERE seq = ANY(%s) ORDER BY seq",
            (list(seqs),)).fetchall()

    def redact(self, updates: Sequence[tuple[bytes, bytes, int]]) -> None:
        with self._conn.cursor() as c:
            c.executemany("UPDATE audit_records SET payload = '', redacted = 1, leaf_hash = %s, redaction_tag = %s "
                          "WHERE seq = %s", updates)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [e.__class__.__name__])[0]
