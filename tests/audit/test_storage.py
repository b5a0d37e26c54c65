"""One storage interface, two backends: the same behaviour on SQLite and PostgreSQL, the
schema from the Alembic migrations, and concurrent writers on PostgreSQL."""

import multiprocessing as mp

import psycopg
import pytest

from rempart.audit import AuditLog
from rempart.audit.checkpoint import generate_key, verify_checkpoint
from rempart.audit.tree import MerkleTree
from rempart.errors import StorageError
from rempart.storage.base import is_postgres_url
from rempart.storage.migrate import HEAD


def _fill(log, n, start=0):
    return log.append_many([("decision", {"i": i, "note": "é ✓"}) for i in range(start, start + n)])


def _raw(url):
    """Someone with direct database access."""
    if is_postgres_url(url):
        return psycopg.connect(url, autocommit=True)
    import sqlite3

    return sqlite3.connect(url, isolation_level=None)


def _drop_triggers(conn, url):
    if is_postgres_url(url):
        for name, table in conn.execute("SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c "
                                        "ON c.oid = t.tgrelid WHERE NOT t.tgisinternal").fetchall():
            conn.execute(f"DROP TRIGGER {name} ON {table}")
    else:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")


def test_same_behaviour_on_both_backends(store_url):
    with AuditLog(store_url) as log:
        assert log.head()[0] == 0
        assert _fill(log, 25) == list(range(1, 26))
        assert log.get(3)["payload"] == {"i": 2, "note": "é ✓"}
        tree = MerkleTree(log)
        assert tree.sync() == 25
        key = generate_key("test.example")
        cp = verify_checkpoint(tree.checkpoint("test.example/audit", key), key.verifier_key)
        assert log.redact([2, 3, 4], "retention") == 3
        _fill(log, 10, 25)
        assert tree.sync() == 36
        assert tree.verify(cp).ok and log.verify().ok
        tree.prove(3).verify()
        tree.consistency_proof(25).verify()
        assert tree.root(25) == cp.root
        assert [r["seq"] for r in log.iter_records(2, 4)] == [2, 3, 4]
        assert all(r["payload"] is None and len(r["leaf_hash"]) == 64 for r in log.iter_records(2, 4))


def test_schema_comes_from_the_migrations(store_url):
    AuditLog(store_url).close()
    conn = _raw(store_url)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    conn.close()
    with AuditLog(store_url) as log:  # reopening an up-to-date database changes nothing
        assert log.verify().ok


def test_append_only_on_both_backends(store_url):
    with AuditLog(store_url) as log:
        _fill(log, 5)
        MerkleTree(log).sync()
    conn = _raw(store_url)
    for sql in ["UPDATE audit_records SET payload = '{}' WHERE seq = 2",
                "UPDATE audit_records SET ts = 'x' WHERE seq = 2",
                "UPDATE audit_records SET redacted = 1, payload = '' WHERE seq = 2",  # no leaf hash, no tag
                "DELETE FROM audit_records WHERE seq = 2",
                "DELETE FROM merkle_leaves",
                "UPDATE merkle_nodes SET hash = hash"]:
        with pytest.raises(Exception, match="append-only"):
            conn.execute(sql)
    conn.close()
    with AuditLog(store_url) as log:
        assert log.verify().ok and MerkleTree(log).verify().ok


def test_postgres_truncate_refused(pg_url):
    with AuditLog(pg_url) as log:
        _fill(log, 3)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for table in ("audit_records", "merkle_leaves", "merkle_nodes"):
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute(f"TRUNCATE {table} CASCADE")


def test_tampering_named_on_both_backends(store_url):
    with AuditLog(store_url) as log:
        _fill(log, 20)
        MerkleTree(log).sync()
    conn = _raw(store_url)
    _drop_triggers(conn, store_url)
    conn.execute("UPDATE audit_records SET payload = replace(payload, '\"i\":7', '\"i\":8') WHERE seq = 8")
    conn.close()
    with AuditLog(store_url) as log:
        chain, tree = log.verify(), MerkleTree(log).verify()
    assert {(p.seq, p.kind_of_problem) for p in chain.problems} == {(8, "modified"), (0, "triggers_missing")}
    assert {(p.seq, p.kind_of_problem) for p in tree.problems} == {(8, "modified")}


def test_altered_postgres_trigger_function_is_reported(pg_url):
    with AuditLog(pg_url) as log:
        _fill(log, 3)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE OR REPLACE FUNCTION rempart_audit_no_update() RETURNS trigger LANGUAGE plpgsql "
                     "AS $$ BEGIN RETURN NEW; END $$")
    with AuditLog(pg_url) as log:
        assert [p.kind_of_problem for p in log.verify().problems] == ["triggers_missing"]
    with psycopg.connect(pg_url, autocommit=True) as conn:  # restored on open
        with pytest.raises(psycopg.Error, match="append-only"):
            conn.execute("UPDATE audit_records SET ts = 'x' WHERE seq = 1")


def test_unreachable_postgres_is_a_storage_error():
    with pytest.raises(StorageError, match="cannot connect") as e:
        AuditLog("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(e.value)


# --------------------------------------------------------------------------- several processes

def _appender(url, worker, n, queue):
    try:
        log = AuditLog(url)
        tree = MerkleTree(log)
        seqs = []
        for i in range(n):
            seqs.append(log.append("decision", {"worker": worker, "i": i}))
            if i % 50 == 49:
                tree.sync()  # tree syncs race with the other processes' appends and syncs
        log.close()
        queue.put((worker, seqs))
    except Exception as e:  # noqa: BLE001 - sent to the parent, which fails the test
        queue.put((worker, repr(e)))


def test_concurrent_processes_append_to_postgres(pg_url):
    AuditLog(pg_url).close()  # schema first, so the workers race on appends, not on migrations
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    workers, n = 4, 200
    procs = [ctx.Process(target=_appender, args=(pg_url, w, n, queue)) for w in range(workers)]
    for p in procs:
        p.start()
    results = dict(queue.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
    assert all(isinstance(v, list) for v in results.values()), results
    acked = sorted(s for seqs in results.values() for s in seqs)
    assert acked == list(range(1, workers * n + 1))  # gapless, no seq given twice
    with AuditLog(pg_url) as log:
        rep = log.verify()
        assert rep.ok and rep.checked == workers * n
        for w, seqs in results.items():  # each worker's records are where it was told they are
            assert [log.get(s)["payload"] for s in seqs[:3]] == [{"worker": w, "i": i} for i in range(3)]
        tree = MerkleTree(log)
        assert tree.sync() == workers * n
        assert tree.verify().ok
