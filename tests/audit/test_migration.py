"""Audit v1 files (hash chain, no version table) open under the current code: migrated by
Alembic in place, no record lost or re-hashed, and tampering done before the upgrade still named."""

import sqlite3

import pytest

from rempart.audit import GENESIS_HASH, AuditLog, canonical_json, record_hash
from rempart.audit.merkle import leaf_hash, root_from_leaf_hashes
from rempart.audit.tree import MerkleTree, leaf_data
from rempart.storage.migrate import HEAD

# The schema audit v1 created (rempart.audit.log before the storage layer), kept verbatim.
V1_UPDATE_TRIGGER = ("CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records "
                     "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END")
V1_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit_records (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL
);
{V1_UPDATE_TRIGGER};
CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: DELETE refused'); END;
"""
N = 25


def make_v1_file(path, n=N, *, drop_update_trigger=False, tamper_seq=None):
    """An audit v1 file as the v1 code wrote it: WAL, the v1 table and triggers, a valid chain."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(V1_SCHEMA)
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        ts = f"2025-06-01T10:00:{seq:02d}.000000+00:00"
        payload = canonical_json({"verdict": "block" if seq % 3 == 0 else "allow", "seq": seq, "note": "é"})
        h = record_hash(prev, seq, ts, "decision", payload)
        conn.execute("INSERT INTO audit_records VALUES (?,?,?,?,?,?)", (seq, ts, "decision", payload, prev, h))
        prev = h
    if drop_update_trigger:
        conn.execute("DROP TRIGGER audit_records_no_update")
    if tamper_seq is not None:
        conn.execute("DROP TRIGGER IF EXISTS audit_records_no_update")
        conn.execute("UPDATE audit_records SET payload = replace(payload, 'allow', 'block') WHERE seq = ?",
                     (tamper_seq,))
        conn.execute(V1_UPDATE_TRIGGER)  # the v1 trigger back, as a careful attacker would
    rows = conn.execute("SELECT * FROM audit_records ORDER BY seq").fetchall()
    conn.close()
    return rows


def test_v1_file_is_migrated_without_rehashing(tmp_path):
    path = tmp_path / "v1.db"
    before = make_v1_file(path)
    with AuditLog(path) as log:
        rep = log.verify()
        assert rep.ok and rep.checked == N
        after = [(r["seq"], r["ts"], r["kind"], canonical_json(r["payload"]), r["prev_hash"], r["record_hash"])
                 for r in log.iter_records()]
        assert after == before  # every record, byte for byte, same hashes
        tree = MerkleTree(log)
        assert tree.sync() == N
        expected = root_from_leaf_hashes([leaf_hash(leaf_data(*r[:4])) for r in before])
        assert tree.root() == expected
        # v2 features work on the migrated file
        assert log.redact([2, 3], "retention") == 2
        assert log.append("decision", {"after": "migration"}) == N + 2
        assert log.verify().ok and tree.sync() == N + 2 and tree.verify().ok
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_records SET payload = '{}' WHERE seq = 5")
    conn.close()


def test_v1_file_with_dropped_trigger_still_reported_after_migration(tmp_path):
    path = tmp_path / "v1.db"
    make_v1_file(path, drop_update_trigger=True)
    with AuditLog(path) as log:
        assert [p.kind_of_problem for p in log.verify().problems] == ["triggers_missing"]


def test_v1_file_tampered_before_migration_is_named(tmp_path):
    path = tmp_path / "v1.db"
    make_v1_file(path, tamper_seq=7)
    with AuditLog(path) as log:
        assert [(p.seq, p.kind_of_problem) for p in log.verify().problems] == [(7, "modified")]


def test_two_processes_opening_a_v1_file_migrate_it_once(tmp_path):
    path = tmp_path / "v1.db"
    before = make_v1_file(path)
    a, b = AuditLog(path), AuditLog(path)  # the second finds it at HEAD
    assert a.verify().ok and b.verify().ok
    assert [r["record_hash"] for r in b.iter_records()] == [r[5] for r in before]
    a.close()
    b.close()
