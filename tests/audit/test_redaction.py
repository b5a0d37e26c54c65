"""Retention redaction: payloads go, proofs stay, and tampering with a redacted row is named."""

import hashlib
import json
import sqlite3

import pytest

from rempart.audit import AuditLog
from rempart.audit.log import REDACTION_KIND, redaction_tag
from rempart.audit.merkle import verify_consistency
from rempart.audit.tree import MerkleTree
from rempart.errors import AuditIntegrityError

N = 30


def _payload(i):
    return {"i": i, "account": f"acct-{i % 4}", "sha256": hashlib.sha256(b"%d" % i).hexdigest()}


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "audit.db"
    with AuditLog(p) as log:
        log.append_many([("decision", _payload(i)) for i in range(1, N + 1)])
    return p


def _attacker(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    return conn


def _findings(path):
    """(seq, kind) of every record-level problem, chain and tree; triggers aside."""
    with AuditLog(path) as log:
        chain = log.verify()
        tree = MerkleTree(log).verify()
    return ({(p.seq, p.kind_of_problem) for p in chain.problems if p.kind_of_problem != "triggers_missing"},
            {(p.seq, p.kind_of_problem) for p in tree.problems})


def test_redact_keeps_hashes_and_appends_one_record(path):
    with AuditLog(path) as log:
        before = {r["seq"]: r for r in log.iter_records()}
        assert log.redact([3, 4, 5, 9], "retention: decision records kept 30 days") == 4
        recs = {r["seq"]: r for r in log.iter_records()}
        for s in (3, 4, 5, 9):
            r = recs[s]
            assert r["redacted"] is True and r["payload"] is None
            for k in ("ts", "kind", "prev_hash", "record_hash", "leaf_hash"):
                assert r[k] == before[s][k]
        assert recs[6]["redacted"] is False and recs[6]["payload"] == _payload(6)
        last = recs[N + 1]
        assert last["kind"] == REDACTION_KIND
        assert last["payload"]["seqs"] == [[3, 5], [9, 9]]
        assert last["payload"]["count"] == 4 and last["payload"]["reason"].startswith("retention")
        assert log.head()[0] == N + 1
        assert log.verify().ok


def test_already_redacted_and_redaction_records_are_skipped(path):
    with AuditLog(path) as log:
        assert log.redact([2, 3], "r1") == 2
        assert log.redact([2, 3], "r1 again") == 0
        assert log.head()[0] == N + 1  # nothing appended when nothing was redacted
        assert log.redact([3, 4, N + 1], "r2") == 1  # 3 done, N+1 is the redaction record
        assert log.get(N + 2)["payload"]["seqs"] == [[4, 4]]
        assert log.verify().ok


def test_bad_arguments(path):
    with AuditLog(path) as log:
        with pytest.raises(KeyError):
            log.redact([N + 5], "gone")
        with pytest.raises(KeyError):
            log.redact([0], "gone")
        with pytest.raises(ValueError):
            log.redact([1], "  ")
        with pytest.raises(TypeError):
            log.redact([True], "bool is not a seq")
        assert log.head()[0] == N and log.verify().ok


def test_iter_records_range(path):
    with AuditLog(path) as log:
        assert [r["seq"] for r in log.iter_records(5, 8)] == [5, 6, 7, 8]
        assert [r["seq"] for r in log.iter_records(N - 1)] == [N - 1, N]
        assert list(log.iter_records(N + 1)) == []


@pytest.mark.parametrize("sync_before", [True, False])
def test_proofs_survive_redaction(path, sync_before):
    with AuditLog(path) as log:
        tree = MerkleTree(log)
        if sync_before:
            tree.sync()
            root_before = tree.root()
        log.redact(range(1, 11), "retention")
        tree.sync()
        if sync_before:
            assert tree.root(N) == root_before
        assert tree.verify().ok
        for s in (1, 5, 10, 11):
            tree.prove(s).verify()
            tree.check_record(s, tree.size, tree.root())
        c = tree.consistency_proof(N, tree.size)
        verify_consistency(c.old_size, c.new_size, c.old_root, c.new_root, c.proof)
        assert log.verify().ok


def test_triggers_allow_only_the_redaction_update(path):
    with AuditLog(path) as log:
        log.redact([7], "retention")
    conn = sqlite3.connect(path, isolation_level=None)
    tag = leaf = b"\x01" * 32
    refused = [
        "UPDATE audit_records SET payload='{}' WHERE seq=8",
        "UPDATE audit_records SET ts='2020-01-01' WHERE seq=7",
        "UPDATE audit_records SET redacted=0 WHERE seq=7",
        "UPDATE audit_records SET payload='{\"i\":7}' WHERE seq=7",
        ("UPDATE audit_records SET payload='', redacted=1, leaf_hash=?, redaction_tag=?, ts='x' WHERE seq=8",
         (leaf, tag)),
        (f"UPDATE audit_records SET payload='', redacted=1, leaf_hash=?, redaction_tag=? WHERE seq={N + 1}",
         (leaf, tag)),
        "DELETE FROM audit_records WHERE seq=7",
    ]
    for item in refused:
        sql, args = item if isinstance(item, tuple) else (item, ())
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql, args)
    conn.close()
    assert _findings(path) == (set(), set())


def test_redaction_done_without_a_record_is_named(path):
    # The trigger lets the redaction UPDATE through (it cannot check hashes) but no record commits to it.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE audit_records SET payload='', redacted=1, leaf_hash=?, redaction_tag=? WHERE seq=12",
                 (b"\x02" * 32, b"\x03" * 32))
    conn.close()
    chain, _ = _findings(path)
    assert (12, "redaction_unrecorded") in chain


@pytest.fixture
def redacted(path):
    with AuditLog(path) as log:
        MerkleTree(log).sync()
        log.redact([10, 11, 12], "retention")
        MerkleTree(log).sync()
    return path


@pytest.mark.parametrize("sql", [
    "UPDATE audit_records SET ts='2001-01-01T00:00:00.000000+00:00' WHERE seq=11",
    "UPDATE audit_records SET kind='decision.other' WHERE seq=11",
    "UPDATE audit_records SET redaction_tag=zeroblob(32) WHERE seq=11",
    "UPDATE audit_records SET redacted=2 WHERE seq=11",
])
def test_altered_redacted_row_is_named(redacted, sql):
    conn = _attacker(redacted)
    conn.execute(sql)
    conn.close()
    chain, _ = _findings(redacted)
    assert (11, "redaction_modified") in chain
    assert {s for s, _ in chain} == {11}


def test_changed_record_hash_of_redacted_row_is_named(redacted):
    conn = _attacker(redacted)
    conn.execute("UPDATE audit_records SET record_hash=? WHERE seq=11", ("ab" * 32,))
    conn.close()
    chain, _ = _findings(redacted)
    assert chain and {s for s, _ in chain} == {11}


def test_changed_leaf_hash_of_redacted_row_is_named_by_both_verifiers(redacted):
    conn = _attacker(redacted)
    conn.execute("UPDATE audit_records SET leaf_hash=zeroblob(32) WHERE seq=12")
    conn.close()
    chain, tree = _findings(redacted)
    assert (12, "redaction_modified") in chain
    assert (12, "modified") in tree


def test_consistent_rewrite_of_a_redacted_row_is_caught_by_the_redaction_record(redacted):
    # The attacker changes ts and recomputes the row's tag: only the digest in the chained
    # redaction record (seq N+1) still catches it.
    conn = _attacker(redacted)
    seq, kind, rh, leaf = conn.execute("SELECT seq, kind, record_hash, leaf_hash FROM audit_records "
                                       "WHERE seq=11").fetchone()
    ts = "2001-01-01T00:00:00.000000+00:00"
    tag = redaction_tag(seq, ts.encode(), kind.encode(), rh.encode(), leaf)
    conn.execute("UPDATE audit_records SET ts=?, redaction_tag=? WHERE seq=11", (ts, tag))
    conn.close()
    chain, _ = _findings(redacted)
    assert chain == {(N + 1, "redaction_modified")}


def test_payload_put_back_is_named(redacted, path):
    conn = _attacker(redacted)
    original = json.dumps(_payload(10), sort_keys=True, separators=(",", ":"))
    conn.execute("UPDATE audit_records SET payload=? WHERE seq=10", (original,))
    conn.close()
    chain, _ = _findings(redacted)
    assert (10, "unredacted") in chain


def test_fully_restored_row_is_still_named(redacted):
    # Original payload back, marker, leaf hash and tag cleared: the row hashes fine again, but
    # the redaction record says it was redacted.
    conn = _attacker(redacted)
    original = json.dumps(_payload(10), sort_keys=True, separators=(",", ":"))
    conn.execute("UPDATE audit_records SET payload=?, redacted=0, leaf_hash=NULL, redaction_tag=NULL WHERE seq=10",
                 (original,))
    conn.close()
    chain, tree = _findings(redacted)
    assert chain == {(10, "unredacted")}
    assert tree == set()


def test_tampered_record_is_not_laundered_by_redaction(path):
    conn = _attacker(path)
    conn.execute("UPDATE audit_records SET payload=replace(payload, 'acct', 'ACCT') WHERE seq=5")
    conn.close()
    with AuditLog(path) as log:
        with pytest.raises(AuditIntegrityError, match="seq 5"):
            log.redact([4, 5], "retention")
        assert log.get(4)["redacted"] is False  # all or nothing
