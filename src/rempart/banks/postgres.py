"""PostgreSQL backend of the bank store: `BankStore("postgresql://user@host/db")`.

Same tables and change log as the SQLite backend (see `rempart.banks.store`), created and
upgraded by the banks' Alembic revisions (`rempart.banks.schema`). Two PostgreSQL points:

* Change-log versions come from an identity sequence, and sequence values do not commit in
  order: a reader could see version 11 committed before 10 and then never read 10. So the
  logging trigger first takes a transaction-scoped advisory lock: writers of the banks commit
  one after another and versions become visible in order.
* The schema is upgraded under that same lock, so several service processes starting at once
  against an empty database do not race.
"""

from __future__ import annotations

import threading
from typing import Callable, Sequence

from rempart.errors import StorageError

_LOCK_KEY = 0x52454D5042414E4B  # "REMPBANK": advisory lock serialising bank writers (see the 0001 revision)

_BANK_COLS = "b.name, b.source, b.kind, b.threshold, b.min_quality, b.enabled, b.created_at"
_COUNTS = (
    ", COUNT(e.id), COUNT(e.id) FILTER (WHERE e.signal_type='pdq'), COUNT(e.id) FILTER (WHERE e.signal_type='md5'), "
    "COUNT(e.id) FILTER (WHERE e.signal_type='sha256') FROM banks b LEFT JOIN bank_entries e ON e.bank = b.name "
)
_VERSION_SQL = (
    "SELECT GREATEST((SELECT COALESCE(MAX(version), 0) FROM bank_changes), "
    "(SELECT value FROM bank_meta WHERE key='pruned_through'))"
)


class PostgresBankBackend:
    """All SQL of the PostgreSQL bank store. One connection, serialised by a lock."""

    def __init__(self, dsn: str) -> None:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        self._psycopg = psycopg
        try:
            params = conninfo_to_dict(dsn)
        except psycopg.Error as e:
            raise StorageError(f"bank store: invalid PostgreSQL DSN: {e}") from None
        # Shown in messages: never the password.
        self.path = f"postgresql://{params.get('user', '')}@{params.get('host', '')}/{params.get('dbname', '')}"
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(dsn, connect_timeout=10)
        except psycopg.Error as e:
            raise StorageError(f"bank store {self.path}: cannot connect: {str(e).strip()}") from None
        try:
            self._create(dsn)
        except BaseException:
            self._conn.close()
            raise

    def _create(self, dsn: str) -> None:
        from rempart.banks.schema import current_postgres, upgrade_postgres

        upgrade_postgres(dsn, self._tx(current_postgres, write=False), self.path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self, fn, *, write: bool):
        from rempart.banks.store import CHANGES_KEPT

        with self._lock:
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    out = fn(cur)
                    if write:
                        cur.execute("SELECT COALESCE(MAX(version), 0) FROM bank_changes")
                        cut = cur.fetchone()[0] - CHANGES_KEPT
                        cur.execute("UPDATE bank_meta SET value=%s WHERE key='pruned_through' AND value < %s "
                                    "RETURNING 1", (cut, cut))
                        if cur.fetchone():
                            cur.execute("DELETE FROM bank_changes WHERE version <= %s", (cut,))
                    return out
            except self._psycopg.Error as e:
                raise StorageError(f"bank store {self.path}: {str(e).strip()}") from None

    def insert_bank(self, row: tuple) -> bool:
        def fn(cur):
            cur.execute("INSERT INTO banks(name, source, kind, threshold, min_quality, enabled, created_at) "
                        "VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING", row)
            return cur.rowcount == 1

        return self._tx(fn, write=True)

    def update_bank(self, name: str, **fields) -> bool:
        cols = ", ".join(f"{k}=%s" for k in fields)  # keys come from BankStore, never from users

        def fn(cur):
            cur.execute(f"UPDATE banks SET {cols} WHERE name=%s", (*fields.values(), name))
            return cur.rowcount == 1

        return self._tx(fn, write=True)

    def delete_bank(self, name: str) -> bool:
        def fn(cur):
            cur.execute("DELETE FROM banks WHERE name=%s", (name,))
            return cur.rowcount == 1

        return self._tx(fn, write=True)

    def banks(self, name: str | None = None, counts: bool = True) -> list[tuple]:
        where, args = ("WHERE b.name=%s ", (name,)) if name is not None else ("", ())
        sql = ("SELECT " + _BANK_COLS + _COUNTS + where + "GROUP BY b.name ORDER BY b.name") if counts else (
            "SELECT " + _BANK_COLS + " FROM banks b " + where + "ORDER BY b.name")

        def fn(cur):
            cur.execute(sql, args)
            return cur.fetchall()

        return self._tx(fn, write=False)

    def insert_entries(self, bank: str, rows: Sequence[tuple], added_at: str) -> int:
        def fn(cur):
            cur.execute("SELECT 1 FROM banks WHERE name=%s FOR SHARE", (bank,))
            if cur.fetchone() is None:
                raise LookupError(bank)
            new = 0
            for start in range(0, len(rows), 5000):
                chunk = rows[start : start + 5000]
                values = ",".join(["(%s,%s,%s,%s,%s,%s,%s)"] * len(chunk))
                cur.execute(
                    "INSERT INTO bank_entries(bank, signal_type, value, quality, note, tags, added_at) "
                    f"VALUES {values} ON CONFLICT DO NOTHING",
                    [x for r in chunk for x in (bank, *r, added_at)],
                )
                new += cur.rowcount
            return new

        return self._tx(fn, write=True)

    def delete_entry(self, bank: str, signal_type: str, value: str) -> bool:
        def fn(cur):
            cur.execute("DELETE FROM bank_entries WHERE bank=%s AND signal_type=%s AND value=%s",
                        (bank, signal_type, value))
            return cur.rowcount == 1

        return self._tx(fn, write=True)

    def delete_value(self, value: str, signal_type: str | None) -> list[tuple[str, str]]:
        sql, args = "DELETE FROM bank_entries WHERE value=%s", [value]
        if signal_type is not None:
            sql, args = sql + " AND signal_type=%s", [value, signal_type]

        def fn(cur):
            cur.execute(sql + " RETURNING bank, signal_type", args)
            return [tuple(r) for r in cur.fetchall()]

        return self._tx(fn, write=True)

    def entries(self, enabled_only: bool, bank: str | None) -> list[tuple]:
        sql = ("SELECT e.id, e.bank, e.signal_type, e.value, e.quality, e.note, e.tags, e.added_at "
               "FROM bank_entries e JOIN banks b ON b.name = e.bank WHERE TRUE")
        args: list = []
        if enabled_only:
            sql += " AND b.enabled"
        if bank is not None:
            sql += " AND e.bank = %s"
            args.append(bank)

        def fn(cur):
            cur.execute(sql + " ORDER BY e.id", args)
            return cur.fetchall()

        return self._tx(fn, write=False)

    def version(self) -> int:
        def fn(cur):
            cur.execute(_VERSION_SQL)
            return int(cur.fetchone()[0])

        return self._tx(fn, write=False)

    def changes_since(self, version: int, limit: int) -> list[tuple] | None:
        def fn(cur):
            cur.execute("SELECT value FROM bank_meta WHERE key='pruned_through'")
            if version < cur.fetchone()[0]:
                return None
            cur.execute("SELECT version, op, bank, entry_id, signal_type, value FROM bank_changes "
                        "WHERE version > %s ORDER BY version LIMIT %s", (version, limit + 1))
            rows = cur.fetchall()
            return None if len(rows) > limit else rows

        return self._tx(fn, write=False)

    def scan(self, on_page: Callable[[list[tuple]], None], page: int) -> tuple[int, list[tuple]]:
        def fn(cur):
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot for all reads
            cur.execute(_VERSION_SQL)
            version = int(cur.fetchone()[0])
            cur.execute("SELECT " + _BANK_COLS + " FROM banks b ORDER BY b.name")
            banks = cur.fetchall()
            with self._conn.cursor(name="rempart_bank_scan") as server_side:  # streams, not 10M rows at once
                server_side.itersize = page
                server_side.execute("SELECT id, bank, signal_type, value, quality FROM bank_entries ORDER BY id")
                while rows := server_side.fetchmany(page):
                    on_page(rows)
            return version, banks

        return self._tx(fn, write=False)
