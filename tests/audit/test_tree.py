"""The Merkle tree over the audit log: incremental sync, proofs from the SQLite cache, and
tampering with the log or the tree's own tables."""

import hashlib
import sqlite3
import threading

import pytest

from rempart.audit import AuditLog, canonical_json
from rempart.audit.checkpoint import generate_key, verify_checkpoint
from rempart.audit.merkle import (
    EMPTY_ROOT,
    InvalidProofError,
    TreeSizeError,
    leaf_hash,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)
from rempart.audit.tree import MerkleTree, leaf_data, record_leaf_hash
from rempart.errors import AuditIntegrityError

N = 40


def _payload(i):
    return {"i": i, "verdict": "allow" if i % 3 else "block", "sha256": hashlib.sha256(b"%d" % i).hexdigest(),
            "note": "é ✓"}


def _fill(log, start, end):
    log.append_many([("decision", _payload(i)) for i in range(start, end)])


def _ref_leaves(log):
    """Leaf hashes recomputed independently from the records the log returns."""
    out = []
    for r in log.iter_records():
        ts, kind, payload = r["ts"].encode(), r["kind"].encode(), canonical_json(r["payload"]).encode()
        data = (r["seq"].to_bytes(8, "big") + len(ts).to_bytes(4, "big") + len(kind).to_bytes(4, "big")
                + len(payload).to_bytes(4, "big") + ts + kind + payload)
        out.append(hashlib.sha256(b"\x00" + data).digest())
    return out


@pytest.fixture
def path(tmp_path):
    return tmp_path / "audit.db"


@pytest.fixture
def synced(path):
    log = AuditLog(path)
    _fill(log, 0, N)
    tree = MerkleTree(log, commit_every=7)
    tree.sync()
    yield log, tree
    tree.close()
    log.close()


def _attacker(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    return conn


def _tables(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT seq, leaf_hash FROM merkle_leaves ORDER BY seq").fetchall(),
                conn.execute("SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx").fetchall())
    finally:
        conn.close()


# --------------------------------------------------------------------------- leaf definition


def test_leaf_data_is_the_chain_frame_without_prev_hash(synced):
    log, tree = synced
    for seq in (1, 2, N):
        r = log.get(seq)
        data = leaf_data(seq, r["ts"], r["kind"], canonical_json(r["payload"]))
        assert hashlib.sha256(bytes.fromhex(r["prev_hash"]) + data).hexdigest() == r["record_hash"]
        assert tree.leaf_hash(seq) == leaf_hash(data) == record_leaf_hash(r)


# --------------------------------------------------------------------------- sync


def test_sync_matches_independent_root(synced):
    log, tree = synced
    ref = _ref_leaves(log)
    assert tree.size == N
    for size in range(N + 1):
        assert tree.root(size) == root_from_leaf_hashes(ref[:size])
    assert tree.root(0) == EMPTY_ROOT


def test_incremental_sync_equals_full_rebuild(path, tmp_path):
    log = AuditLog(path)
    tree = MerkleTree(log, commit_every=3)
    assert tree.sync() == 0
    done = 0
    for chunk in (1, 1, 2, 5, 8, 1, 13, 0, 31, 4):
        _fill(log, done, done + chunk)
        done += chunk
        assert tree.sync() == done
        assert tree.root() == root_from_leaf_hashes(_ref_leaves(log))
    tree.close()
    log.close()

    # Same records, tree built in one go in a copy of the file.
    copy = tmp_path / "copy.db"
    src, dst = sqlite3.connect(path), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.executescript("DROP TABLE merkle_leaves; DROP TABLE merkle_nodes;")
    dst.close()
    with AuditLog(copy) as log2, MerkleTree(log2, commit_every=10**6) as full:
        assert full.sync() == done
    assert _tables(path) == _tables(copy)
    leaves, nodes = _tables(path)
    assert len(leaves) == done and len(nodes) == done - done.bit_count()  # every complete subtree


def test_tree_persists_and_resumes(path):
    with AuditLog(path) as log:
        _fill(log, 0, 10)
        with MerkleTree(log) as tree:
            tree.sync()
            root10 = tree.root()
        _fill(log, 10, 25)
    with AuditLog(path) as log, MerkleTree(log) as tree:
        assert tree.size == 10 and tree.root() == root10
        assert tree.sync() == 25
        tree.consistency_proof(10).verify()
        assert tree.root() == root_from_leaf_hashes(_ref_leaves(log))


def test_in_memory_log():
    log = AuditLog(":memory:")
    _fill(log, 0, 9)
    tree = MerkleTree(log)
    assert tree.sync() == 9
    assert tree.root() == root_from_leaf_hashes(_ref_leaves(log))
    tree.prove(4).verify()


def test_concurrent_syncers_agree(path):
    log = AuditLog(path)
    _fill(log, 0, 600)
    trees = [MerkleTree(log, commit_every=50) for _ in range(3)]
    errors = []

    def run(t):
        try:
            t.sync()
        except Exception as e:  # noqa: BLE001 - reported by the assert below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(t,)) for t in trees]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert {t.size for t in trees} == {600}
    assert trees[0].root() == root_from_leaf_hashes(_ref_leaves(log))
    assert trees[1].verify().ok
    for t in trees:
        t.close()
    log.close()


# --------------------------------------------------------------------------- proofs


def test_every_inclusion_proof_from_the_cache(synced):
    log, tree = synced
    ref = _ref_leaves(log)
    for size in range(1, N + 1):
        root = root_from_leaf_hashes(ref[:size])
        for seq in range(1, size + 1):
            p = tree.prove(seq, size)
            assert (p.index, p.leaf_hash, p.root) == (seq - 1, ref[seq - 1], root)
            p.verify()
            verify_inclusion(seq - 1, size, ref[seq - 1], list(p.proof), root)  # the plain verifier agrees


def test_every_consistency_proof_from_the_cache(synced):
    log, tree = synced
    ref = _ref_leaves(log)
    for new in range(N + 1):
        for old in range(new + 1):
            c = tree.consistency_proof(old, new)
            verify_consistency(old, new, root_from_leaf_hashes(ref[:old]), root_from_leaf_hashes(ref[:new]),
                               list(c.proof))


def test_proof_dicts_are_hex(synced):
    _, tree = synced
    d = tree.prove(5).to_dict()
    assert d["seq"] == 5 and d["leaf_index"] == 4 and d["tree_size"] == N
    assert all(len(h) == 64 for h in d["proof"])
    assert tree.consistency_proof(3).to_dict()["new_size"] == N


def test_sizes_out_of_range_refused(synced):
    _, tree = synced
    for seq, size in [(0, None), (N + 1, None), (5, 4), (1, N + 1)]:
        with pytest.raises(TreeSizeError):
            tree.prove(seq, size)
    with pytest.raises(TreeSizeError, match="sync"):
        tree.root(N + 1)
    with pytest.raises(TreeSizeError):
        tree.consistency_proof(N, N - 1)


def test_checkpoint_of_the_tree(synced):
    log, tree = synced
    key = generate_key("audit.example")
    cp = verify_checkpoint(tree.checkpoint("audit.example/log", key), key.verifier_key)
    assert (cp.size, cp.root) == (N, tree.root())
    tree.check_record(17, cp.size, cp.root)
    _fill(log, N, N + 5)
    tree.sync()
    cp2 = verify_checkpoint(tree.checkpoint("audit.example/log", key), key.verifier_key)
    tree.consistency_proof(cp.size, cp2.size).verify()
    verify_consistency(cp.size, cp2.size, cp.root, cp2.root, list(tree.consistency_proof(cp.size).proof))
    assert tree.verify(cp).ok and tree.verify(cp2).ok


# --------------------------------------------------------------------------- tampering


def test_changed_record_detected_and_named(synced, path):
    _log, tree = synced
    size, root = tree.size, tree.root()
    tree.check_record(17, size, root)
    conn = _attacker(path)
    conn.execute("UPDATE audit_records SET payload = replace(payload, '✓', 'x') WHERE seq = 18")
    conn.close()

    report = tree.verify((size, root))
    assert not report.ok
    assert report.bad_seqs == [18]
    kinds = {(p.seq, p.kind_of_problem) for p in report.problems}
    assert kinds == {(18, "modified"), (0, "root_mismatch")}
    assert report.root != root
    with pytest.raises(InvalidProofError, match="seq 18.*changed"):
        tree.check_record(18, size, root)
    tree.check_record(17, size, root)  # its neighbours still prove
    with pytest.raises(AuditIntegrityError, match="seq 18"):
        report.raise_if_failed()


def test_rewritten_record_and_tree_caught_by_checkpoint(synced, path):
    """An attacker who rewrites a record and rebuilds the tree tables consistently is caught only
    by a root signed earlier: the checkpoint is the trust anchor, the tables are a cache."""
    _log, tree = synced
    key = generate_key("audit.example")
    old_cp = verify_checkpoint(tree.checkpoint("audit.example/log", key), key.verifier_key)
    conn = _attacker(path)
    conn.execute("UPDATE audit_records SET payload = replace(payload, '✓', 'x') WHERE seq = 9")
    conn.execute("DELETE FROM merkle_leaves")
    conn.execute("DELETE FROM merkle_nodes")
    conn.close()
    tree.sync()

    assert tree.verify().ok  # self-consistent again...
    report = tree.verify(old_cp)  # ...but not the tree that was signed
    assert [p.kind_of_problem for p in report.problems] == ["root_mismatch"]
    with pytest.raises(InvalidProofError):
        tree.check_record(9, old_cp.size, old_cp.root)
    with pytest.raises(InvalidProofError):
        verify_consistency(old_cp.size, tree.size, old_cp.root, tree.root(), list(tree.consistency_proof(1).proof))


def test_deleted_middle_record_named(synced, path):
    _log, tree = synced
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq = 23")
    conn.close()
    report = tree.verify()
    assert [(p.seq, p.kind_of_problem) for p in report.problems] == [(23, "missing")]
    with pytest.raises(InvalidProofError, match="seq 23"):
        tree.check_record(23, tree.size, tree.root())


def test_deleted_tail_stops_sync(synced, path):
    _log, tree = synced
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq > 35")
    conn.close()
    with pytest.raises(AuditIntegrityError, match="seq 36..40 deleted"):
        tree.sync()
    assert {p.seq for p in tree.verify().problems} == {36, 37, 38, 39, 40}


def test_changed_last_synced_record_stops_sync(synced, path):
    log, tree = synced
    conn = _attacker(path)
    conn.execute(f"UPDATE audit_records SET kind = 'decision.x' WHERE seq = {N}")
    conn.close()
    _fill(log, N, N + 3)
    with pytest.raises(AuditIntegrityError, match=f"seq {N}"):
        tree.sync()
    assert tree.size == N


def test_altered_subtree_cache_detected(synced, path):
    _log, tree = synced
    root = tree.root()
    conn = _attacker(path)
    conn.execute("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 3")  # seqs 13..16
    conn.close()
    report = tree.verify((N, root))
    assert [(p.seq, p.kind_of_problem) for p in report.problems] == [(13, "node_mismatch")]
    assert "13..16" in report.problems[0].message
    assert report.root == root  # the log itself is intact
    with pytest.raises(InvalidProofError):
        tree.prove(9).verify(root)  # a proof built from the bad cache (sibling 13..16) does not verify
    tree.prove(1).verify(root)  # one that does not use it still does


def test_altered_leaf_table_detected(synced, path):
    _log, tree = synced
    conn = _attacker(path)
    conn.execute("UPDATE merkle_leaves SET leaf_hash = zeroblob(32) WHERE seq = 30")
    conn.close()
    report = tree.verify()
    assert report.bad_seqs == [30]


def test_gap_in_leaf_table_detected(synced, path):
    _, tree = synced
    conn = _attacker(path)
    conn.execute("DELETE FROM merkle_leaves WHERE seq = 12")
    conn.close()
    report = tree.verify()
    assert (12, "leaf_gap") in {(p.seq, p.kind_of_problem) for p in report.problems}


def test_expected_size_beyond_tree_reported(synced):
    _, tree = synced
    report = tree.verify((N + 5, b"\x00" * 32))
    assert [(p.seq, p.kind_of_problem) for p in report.problems] == [(N + 1, "truncated")]


def test_unsynced_records_are_not_problems(synced):
    log, tree = synced
    _fill(log, N, N + 4)
    report = tree.verify()
    assert report.ok and report.unsynced == 4 and report.checked == N


def test_tree_tables_are_append_only(synced, path):
    conn = sqlite3.connect(path, isolation_level=None)
    for sql in ["UPDATE merkle_leaves SET leaf_hash = zeroblob(32) WHERE seq = 1",
                "DELETE FROM merkle_leaves WHERE seq = 1",
                "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 1",
                "DELETE FROM merkle_nodes"]:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
