"""The bank schema under Alembic: its own version table beside the audit log's, and stores
written before Alembic (the ad-hoc `bank_schema` v2 table) upgraded in place, SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from rempart.audit import AuditLog
from rempart.banks import BankStore
from rempart.banks.matcher import BankMatcher
from rempart.banks.schema import HEAD, VERSION_TABLE
from rempart.errors import StorageError
from rempart.storage.migrate import HEAD as AUDIT_HEAD

P1, P2 = "a" * 64, "b" * 64

# Bank schema v2 as the code before Alembic wrote it (store.py's _SCHEMA, PostgreSQL's _DDL).
OLD_SQLITE_V2 = """
CREATE TABLE bank_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
CREATE TABLE banks (name TEXT PRIMARY KEY, source TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'block' CHECK (kind IN ('block', 'allow')), threshold INTEGER NOT NULL,
    min_quality INTEGER NOT NULL DEFAULT 50, enabled INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE bank_entries (id INTEGER PRIMARY KEY AUTOINCREMENT,
    bank TEXT NOT NULL REFERENCES banks(name) ON DELETE CASCADE,
    signal_type TEXT NOT NULL CHECK (signal_type IN ('pdq', 'md5', 'sha256')), value TEXT NOT NULL,
    quality INTEGER, note TEXT, tags TEXT NOT NULL DEFAULT '[]', added_at TEXT NOT NULL,
    UNIQUE (bank, signal_type, value));
CREATE INDEX bank_entries_by_value ON bank_entries(value);
CREATE TABLE bank_changes (version INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL, bank TEXT NOT NULL,
    entry_id INTEGER, signal_type TEXT, value TEXT);
CREATE TABLE bank_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO bank_meta(key, value) VALUES ('pruned_through', 0);
CREATE TRIGGER bank_entries_insert_logged AFTER INSERT ON bank_entries BEGIN
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('add', NEW.bank, NEW.id, NEW.signal_type, NEW.value);
END;
CREATE TRIGGER bank_entries_delete_logged AFTER DELETE ON bank_entries BEGIN
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('remove', OLD.bank, OLD.id, OLD.signal_type, OLD.value);
END;
CREATE TRIGGER banks_insert_logged AFTER INSERT ON banks BEGIN INSERT INTO bank_changes(op, bank) VALUES ('bank', NEW.name); END;
CREATE TRIGGER banks_update_logged AFTER UPDATE ON banks BEGIN INSERT INTO bank_changes(op, bank) VALUES ('bank', NEW.name); END;
CREATE TRIGGER banks_delete_logged AFTER DELETE ON banks BEGIN INSERT INTO bank_changes(op, bank) VALUES ('bank', OLD.name); END;
INSERT INTO bank_schema VALUES (1, 2);
INSERT INTO banks VALUES ('reports', 'victim', 'block', 20, 60, 1, '2026-01-01T00:00:00+00:00');
INSERT INTO banks VALUES ('fp', 'platform_takedown', 'allow', 31, 50, 0, '2026-01-01T00:00:00+00:00');
INSERT INTO bank_entries(bank, signal_type, value, quality, note, tags, added_at)
    VALUES ('reports', 'pdq', '""" + P1 + """', 90, 'n', '["t"]', '2026-01-01');
INSERT INTO bank_entries(bank, signal_type, value, quality, note, tags, added_at)
    VALUES ('reports', 'md5', '""" + "c" * 32 + """', NULL, NULL, '[]', '2026-01-01');
DELETE FROM bank_entries WHERE signal_type = 'md5';
"""


def tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_new_store_gets_its_own_version_table(tmp_path):
    path = tmp_path / "banks.sqlite"
    BankStore(path).close()
    with sqlite3.connect(path) as c:
        assert c.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]
        assert "alembic_version" not in tables(c) and "bank_schema" not in tables(c)


@pytest.mark.parametrize("audit_first", [True, False])
def test_audit_log_and_banks_share_a_file_and_version_independently(tmp_path, audit_first):
    path = tmp_path / "rempart.sqlite"
    opened = [AuditLog, BankStore] if audit_first else [BankStore, AuditLog]
    for cls in opened + opened:  # the second round finds both at their heads
        cls(path).close()
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchall() == [(AUDIT_HEAD,)]
        assert c.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]
    with BankStore(path) as store:
        store.create_bank("reports", source="victim")
        assert store.add_hashes("reports", [("pdq", P1, 90)]) == 1
    log = AuditLog(path)
    try:
        log.append("decision", {"n": 1})
        assert log.verify().ok  # the bank tables and their triggers do not disturb the audit chain
    finally:
        log.close()


def test_pre_alembic_v2_sqlite_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as c:
        c.executescript(OLD_SQLITE_V2)
        old_version = c.execute("SELECT MAX(version) FROM bank_changes").fetchone()[0]
    store = BankStore(path)
    with sqlite3.connect(path) as c:
        assert "bank_schema" not in tables(c)
        assert c.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]
        # the update trigger the old schema lacked is there now
        assert c.execute("SELECT 1 FROM sqlite_master WHERE name='bank_entries_update_logged'").fetchone()
    reports, fp = store.get_bank("reports"), store.get_bank("fp")
    assert (reports.threshold, reports.min_quality, reports.entries, fp.kind, fp.enabled) == (20, 60, 1, "allow", False)
    [e] = store.all_entries(bank="reports")
    assert (e.id, e.value, e.quality, e.note, e.tags) == (1, P1, 90, "n", ("t",))
    assert store.version() == old_version  # the change log carries on: matchers need not rebuild
    matcher = BankMatcher(store, refresh_ms=0)
    assert [h.entry_id for h in matcher.match_pdq(P1)] == [1]
    store.add_hashes("reports", [("pdq", P2, 90)])
    assert store.all_entries(bank="reports")[-1].id == 3  # AUTOINCREMENT: id 2 (deleted) is never reused
    assert [h.entry_id for h in matcher.match_pdq(P2)] == [3] and matcher.rebuilds == 1
    store.close()
    assert BankStore(path).get_bank("reports").entries == 2  # reopening does not migrate again


def test_store_from_a_newer_rempart_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    BankStore(path).close()
    with sqlite3.connect(path) as c:
        c.execute(f"UPDATE {VERSION_TABLE} SET version_num = '0099_banks_future'")
    with pytest.raises(StorageError, match="newer Rempart"):
        BankStore(path)
    old = tmp_path / "weird.sqlite"
    with sqlite3.connect(old) as c:
        c.executescript("CREATE TABLE bank_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);"
                        "INSERT INTO bank_schema VALUES (1, 7);")
    with pytest.raises(StorageError, match="bank schema version 7"):
        BankStore(old)
    with sqlite3.connect(old) as c:  # the failed upgrade changed nothing
        assert tables(c) == {"bank_schema"}


def test_pre_alembic_v2_postgres_store_is_upgraded_in_place(pg_dsn):
    import importlib

    rev = importlib.import_module("rempart.storage.migrations.banks.versions.0001_banks_v2")
    with psycopg.connect(pg_dsn, autocommit=True) as c:
        c.execute("CREATE TABLE bank_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
        for sql in rev.POSTGRES:  # the same DDL the pre-Alembic backend ran
            c.execute(sql)
        c.execute("INSERT INTO bank_schema VALUES (1, 2)")
        c.execute("INSERT INTO banks VALUES ('reports', 'victim', 'block', 20, 50, TRUE, '2026-01-01')")
        c.execute("INSERT INTO bank_entries(bank, signal_type, value, quality, added_at) "
                  "VALUES ('reports', 'pdq', %s, 90, '2026-01-01')", (P1,))
    for _ in range(2):  # the second open finds it at HEAD
        with BankStore(pg_dsn) as store:
            assert store.get_bank("reports").pdq_entries == 1
            assert [h.bank for h in BankMatcher(store).match_pdq(P1)] == ["reports"]
    with psycopg.connect(pg_dsn) as c:
        assert c.execute("SELECT to_regclass('bank_schema')").fetchone()[0] is None
        assert c.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]


def test_fresh_postgres_store_beside_the_audit_log(pg_dsn):
    AuditLog(pg_dsn).close()
    BankStore(pg_dsn).close()
    with psycopg.connect(pg_dsn) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchall() == [(AUDIT_HEAD,)]
        assert c.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [(HEAD,)]
