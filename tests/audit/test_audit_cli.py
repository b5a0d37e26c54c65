"""`rempart audit verify|prove|consistency|checkpoint|keygen`."""

import http.server
import json
import os
import sqlite3
import stat
import threading

import pytest

from rempart.audit import AuditLog, GENESIS_HASH, record_hash
from rempart.audit.merkle import leaf_hash, verify_consistency, verify_inclusion
from rempart.audit.tree import MerkleTree, leaf_data
from rempart.cli.main import main

N = 30


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "audit.db")
    with AuditLog(path) as log:
        log.append_many([("decision", {"i": i, "verdict": "allow"}) for i in range(1, N + 1)])
    return path


@pytest.fixture
def key(tmp_path, capsys):
    path = str(tmp_path / "audit.key")
    code, out, _ = run(capsys, "audit", "keygen", "--out", path, "--name", "test.example")
    assert code == 0 and out.startswith("test.example+")
    return path


def _attacker(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    return conn


def test_keygen_writes_a_private_key_and_refuses_to_overwrite(key, capsys):
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert open(key + ".pub").read().startswith("test.example+")
    code, _, err = run(capsys, "audit", "keygen", "--out", key)
    assert code == 5 and "refusing to overwrite" in err


def test_verify_ok_and_names_a_changed_record(db, capsys):
    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 0 and f"{N} records" in out
    conn = _attacker(db)
    conn.execute("UPDATE audit_records SET payload = replace(payload, 'allow', 'block') WHERE seq = 12")
    conn.close()
    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 6 and "record 12" in out
    code, out, _ = run(capsys, "audit", "verify", "--db", db, "--json")
    rep = json.loads(out)
    assert code == 6 and not rep["ok"] and {p["seq"] for p in rep["problems"]} >= {12}


def test_missing_database_is_a_config_error(tmp_path, capsys):
    code, _, err = run(capsys, "audit", "verify", "--db", str(tmp_path / "none.db"))
    assert code == 5 and "no audit database" in err


def _checkpoint(capsys, db, key, out):
    code, _, err = run(capsys, "audit", "checkpoint", "--db", db, "--key-file", key, "--out", out,
                       "--origin", "test.example/audit")
    assert code == 0, err
    return open(out).read()


def test_checkpoint_then_verify_against_it(db, key, tmp_path, capsys):
    cp = str(tmp_path / "cp.txt")
    note = _checkpoint(capsys, db, key, cp)
    assert note.startswith(f"test.example/audit\n{N}\n")
    with AuditLog(db) as log:  # later appends keep the log consistent with the old checkpoint
        log.append("decision", {"i": "later"})
        log.redact([3], "retention")
    for k in (key, key + ".pub"):  # the signer key file or the verifier key
        code, out, _ = run(capsys, "audit", "verify", "--db", db, "--from-checkpoint", cp, "--key", k, "--json")
        rep = json.loads(out)
        assert code == 0 and rep["ok"] and rep["checkpoint"]["size"] == N and rep["checkpoint"]["consistent"]


def test_verify_against_checkpoint_catches_truncated_tail(db, key, tmp_path, capsys):
    cp = str(tmp_path / "cp.txt")
    _checkpoint(capsys, db, key, cp)
    conn = _attacker(db)  # delete the tail, and the tree so that it is rebuilt: both look fine alone
    conn.execute(f"DELETE FROM audit_records WHERE seq > {N - 4}")
    conn.execute("DELETE FROM merkle_leaves")
    conn.execute("DELETE FROM merkle_nodes")
    conn.close()
    code, out, _ = run(capsys, "audit", "verify", "--db", db, "--from-checkpoint", cp, "--key", key + ".pub")
    assert code == 6 and f"record {N - 3}" in out and "truncated" in out


def test_verify_against_checkpoint_catches_a_rewritten_history(db, key, tmp_path, capsys):
    cp = str(tmp_path / "cp.txt")
    _checkpoint(capsys, db, key, cp)
    conn = _attacker(db)  # rewrite record 5 and re-chain everything after it; rebuild the tree
    rows = conn.execute("SELECT seq, ts, kind, payload FROM audit_records ORDER BY seq").fetchall()
    prev = GENESIS_HASH
    for seq, ts, kind, payload in rows:
        if seq == 5:
            payload = payload.replace("allow", "block")
        h = record_hash(prev, seq, ts, kind, payload)
        conn.execute("UPDATE audit_records SET payload=?, prev_hash=?, record_hash=? WHERE seq=?",
                     (payload, prev, h, seq))
        prev = h
    conn.execute("DELETE FROM merkle_leaves")
    conn.execute("DELETE FROM merkle_nodes")
    conn.close()
    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 6 and "triggers_missing" in out  # without a checkpoint only the dropped triggers show
    code, out, _ = run(capsys, "audit", "verify", "--db", db, "--from-checkpoint", cp, "--key", key + ".pub",
                       "--json")
    assert code == 6 and "root_mismatch" in {p["kind_of_problem"] for p in json.loads(out)["problems"]}


def test_altered_checkpoint_file_is_refused(db, key, tmp_path, capsys):
    cp = tmp_path / "cp.txt"
    note = _checkpoint(capsys, db, key, str(cp))
    cp.write_text(note.replace(f"\n{N}\n", f"\n{N - 1}\n"))
    code, _, err = run(capsys, "audit", "verify", "--db", db, "--from-checkpoint", str(cp), "--key", key + ".pub")
    assert code == 6 and "does not verify" in err
    code, _, err = run(capsys, "audit", "verify", "--db", db, "--from-checkpoint", str(cp))
    assert code == 2 and "--key" in err


def test_prove_json_verifies_offline(db, capsys):
    code, out, _ = run(capsys, "audit", "prove", "17", "--db", db, "--json")
    assert code == 0
    p = json.loads(out)
    r = p["record"]  # recompute the leaf from the record alone, then fold the proof: no rempart state
    leaf = leaf_hash(leaf_data(r["seq"], r["ts"], r["kind"], r["payload"]))
    assert leaf.hex() == p["leaf_hash"]
    verify_inclusion(p["leaf_index"], p["tree_size"], leaf, [bytes.fromhex(h) for h in p["proof"]],
                     bytes.fromhex(p["root"]))
    code, out, _ = run(capsys, "audit", "prove", "17", "--size", "20", "--db", db, "--json")
    assert code == 0 and json.loads(out)["tree_size"] == 20
    code, _, err = run(capsys, "audit", "prove", str(N + 1), "--db", db)
    assert code == 2 and "not in the tree" in err


def test_consistency_json_verifies_offline(db, capsys):
    code, out, _ = run(capsys, "audit", "consistency", "7", str(N), "--db", db, "--json")
    assert code == 0
    c = json.loads(out)
    verify_consistency(c["old_size"], c["new_size"], bytes.fromhex(c["old_root"]), bytes.fromhex(c["new_root"]),
                       [bytes.fromhex(h) for h in c["proof"]])
    with AuditLog(db) as log:
        assert bytes.fromhex(c["old_root"]) == MerkleTree(log).root(7)
    code, _, _ = run(capsys, "audit", "consistency", "9", "3", "--db", db)
    assert code == 2


class _Witness(http.server.BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.headers["Content-Type"], body.decode()))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *a):
        pass


@pytest.fixture
def witness():
    _Witness.received, _Witness.status = [], 200
    server = http.server.HTTPServer(("127.0.0.1", 0), _Witness)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/add-checkpoint", _Witness
    server.shutdown()
    server.server_close()


def test_checkpoint_posted_to_a_witness(db, key, tmp_path, capsys, witness):
    url, handler = witness
    code, out, err = run(capsys, "audit", "checkpoint", "--db", db, "--key-file", key, "--post", url)
    assert code == 0, err
    assert handler.received == [("text/plain; charset=utf-8", out)]
    handler.status = 409
    code, _, err = run(capsys, "audit", "checkpoint", "--db", db, "--key-file", key, "--post", url)
    assert code == 5 and "HTTP 409" in err


def test_unreachable_witness_is_an_error(db, key, capsys):
    code, _, err = run(capsys, "audit", "checkpoint", "--db", db, "--key-file", key, "--post",
                       "http://127.0.0.1:9/witness", "--timeout", "2")
    assert code == 5 and "cannot reach the witness" in err


def test_cli_on_postgres(pg_url, key, tmp_path, capsys):
    with AuditLog(pg_url) as log:
        log.append_many([("decision", {"i": i}) for i in range(10)])
    cp = str(tmp_path / "cp.txt")
    _checkpoint(capsys, pg_url, key, cp)
    code, out, _ = run(capsys, "audit", "verify", "--db", pg_url, "--from-checkpoint", cp, "--key", key)
    assert code == 0 and "10 records" in out
    code, out, _ = run(capsys, "audit", "prove", "4", "--db", pg_url, "--json")
    assert code == 0 and json.loads(out)["tree_size"] == 10
