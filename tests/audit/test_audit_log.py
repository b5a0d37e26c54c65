import hashlib
import json
import sqlite3
import threading

import pytest

from rempart.audit import GENESIS_HASH, AuditLog, canonical_json, record_hash
from rempart.errors import AuditIntegrityError, StorageError

N = 40
MID = 20


def _payload(i):
    return {"i": i, "verdict": "allow" if i % 2 else "block", "sha256": hashlib.sha256(str(i).encode()).hexdigest(),
            "note": "é ✓"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "audit.db"
    log = AuditLog(path)
    log.append_many([("decision", _payload(i)) for i in range(1, N + 1)])
    head = log.head()
    log.close()
    return path, head


def _attacker(path):
    """Raw access, as someone with the file would have: drop the append-only triggers."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_records_no_update")
    conn.execute("DROP TRIGGER audit_records_no_delete")
    return conn


def _verify(path, **kw):
    with AuditLog(path) as log:
        return log.verify(**kw)


def _record_problems(report):
    return {p.seq for p in report.problems if p.kind_of_problem != "triggers_missing"}


# --------------------------------------------------------------------------- basics


def test_append_get_and_chain():
    log = AuditLog(":memory:", clock=lambda: "2025-01-01T00:00:00.000000+00:00")
    assert log.head() == (0, GENESIS_HASH)
    assert log.append("decision", {"b": 2, "a": [1, "x"]}) == 1
    assert log.append("decision", {"c": None}) == 2
    r1, r2 = log.get(1), log.get(2)
    assert r1["payload"] == {"a": [1, "x"], "b": 2}
    assert r1["prev_hash"] == GENESIS_HASH
    assert r2["prev_hash"] == r1["record_hash"]
    assert r1["record_hash"] == record_hash(GENESIS_HASH, 1, r1["ts"], "decision", canonical_json(r1["payload"]))
    assert log.head() == (2, r2["record_hash"])
    assert [r["seq"] for r in log.iter_records()] == [1, 2]
    assert [r["seq"] for r in log.iter_records(start=2)] == [2]
    with pytest.raises(KeyError):
        log.get(3)
    rep = log.verify()
    assert rep.ok and rep.checked == 2 and rep.problems == [] and rep.head == log.head()


def test_payload_is_stored_as_canonical_json(tmp_path):
    log = AuditLog(tmp_path / "a.db")
    log.append("decision", {"z": 1, "a": "é"})
    raw = sqlite3.connect(tmp_path / "a.db").execute("SELECT payload FROM audit_records").fetchone()[0]
    assert raw == '{"a":"é","z":1}'


def test_append_many_is_one_transaction_and_returns_seqs():
    log = AuditLog()
    assert log.append_many([("a", {"i": 1}), ("b", {"i": 2})]) == [1, 2]
    with pytest.raises(TypeError):
        log.append_many([("a", {"i": 3}), ("b", {"img": b"\x89PNG"})])
    assert log.head()[0] == 2  # nothing of the failed batch was written
    assert log.append_many([]) == []
    assert log.verify().ok


def test_intact_log_verifies(db):
    path, head = db
    rep = _verify(path, expected_head=head)
    assert rep.ok, rep.problems
    assert rep.checked == N


def test_paging_crosses_page_boundaries(monkeypatch):
    import rempart.storage.sqlite as mod

    monkeypatch.setattr(mod, "_PAGE", 7)
    log = AuditLog()
    log.append_many([("d", {"i": i}) for i in range(50)])
    assert [r["payload"]["i"] for r in log.iter_records()] == list(range(50))
    assert log.verify().ok and log.verify().checked == 50


# --------------------------------------------------------------------------- append-only


def test_triggers_block_update_and_delete(db):
    path, _ = db
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_records SET payload='{}' WHERE seq=1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_records WHERE seq=1")
    conn.rollback()
    assert _verify(path).ok


def test_triggers_dropped_while_open_are_reported(tmp_path):
    log = AuditLog(tmp_path / "a.db")
    log.append("decision", {"i": 1})
    _attacker(tmp_path / "a.db").close()
    rep = log.verify()
    assert [p.kind_of_problem for p in rep.problems] == ["triggers_missing"]


def test_dropped_triggers_are_reported_and_restored(db):
    path, _ = db
    _attacker(path).close()
    log = AuditLog(path)
    rep = log.verify()
    assert not rep.ok
    assert [p.kind_of_problem for p in rep.problems] == ["triggers_missing"]
    with pytest.raises(sqlite3.DatabaseError):  # protection is back
        sqlite3.connect(path).execute("DELETE FROM audit_records")


# --------------------------------------------------------------------------- tampering


def _flip_one_byte(value: str) -> str:
    i = len(value) // 2  # one character in the middle; "0"/"1" keeps hex fields hex
    return value[:i] + ("1" if value[i] == "0" else "0") + value[i + 1:]


@pytest.mark.parametrize("column", ["ts", "kind", "payload", "prev_hash", "record_hash"])
def test_single_byte_change_in_any_field_is_named(db, column):
    path, _ = db
    conn = _attacker(path)
    old = conn.execute(f"SELECT {column} FROM audit_records WHERE seq=?", (MID,)).fetchone()[0]
    new = _flip_one_byte(old)
    assert new != old and len(new) == len(old)
    conn.execute(f"UPDATE audit_records SET {column}=? WHERE seq=?", (new, MID))
    conn.close()
    rep = _verify(path)
    assert not rep.ok
    assert _record_problems(rep) == {MID}, rep.problems
    if column == "record_hash":
        assert "record_hash_modified" in {p.kind_of_problem for p in rep.problems}


def test_raw_byte_flip_even_invalid_utf8_is_named(db):
    path, _ = db
    conn = _attacker(path)
    blob = bytearray(conn.execute("SELECT CAST(payload AS BLOB) FROM audit_records WHERE seq=?", (MID,)).fetchone()[0])
    blob[3] ^= 0x80  # no longer valid UTF-8
    conn.execute("UPDATE audit_records SET payload=CAST(? AS TEXT) WHERE seq=?", (bytes(blob), MID))
    conn.close()
    rep = _verify(path)
    assert _record_problems(rep) == {MID}


def test_deleted_middle_record_is_named(db):
    path, _ = db
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq=?", (MID,))
    conn.close()
    rep = _verify(path)
    assert not rep.ok
    assert _record_problems(rep) == {MID}
    assert "missing" in {p.kind_of_problem for p in rep.problems}


def test_deleted_first_record_is_named(db):
    path, _ = db
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq=1")
    conn.close()
    rep = _verify(path)
    assert not rep.ok and (1, "bad_genesis") in [(p.seq, p.kind_of_problem) for p in rep.problems]
    assert _record_problems(rep) == {1}


def test_swapped_payloads_are_named(db):
    path, _ = db
    conn = _attacker(path)
    a = conn.execute("SELECT payload FROM audit_records WHERE seq=10").fetchone()[0]
    b = conn.execute("SELECT payload FROM audit_records WHERE seq=30").fetchone()[0]
    conn.execute("UPDATE audit_records SET payload=? WHERE seq=10", (b,))
    conn.execute("UPDATE audit_records SET payload=? WHERE seq=30", (a,))
    conn.close()
    rep = _verify(path)
    assert _record_problems(rep) == {10, 30}


def test_reordered_records_are_named(db):
    path, _ = db
    conn = _attacker(path)
    cols = "ts, kind, payload, prev_hash, record_hash"
    r10 = conn.execute(f"SELECT {cols} FROM audit_records WHERE seq=10").fetchone()
    r11 = conn.execute(f"SELECT {cols} FROM audit_records WHERE seq=11").fetchone()
    sets = ", ".join(f"{c}=?" for c in cols.split(", "))
    conn.execute(f"UPDATE audit_records SET {sets} WHERE seq=10", r11)
    conn.execute(f"UPDATE audit_records SET {sets} WHERE seq=11", r10)
    conn.close()
    rep = _verify(path)
    named = _record_problems(rep)
    assert {10, 11} <= named and named <= {10, 11, 12}, rep.problems
    assert "reordered" in {p.kind_of_problem for p in rep.problems}


def test_rewritten_chain_is_caught_only_by_expected_head(db):
    # An attacker who edits a record and recomputes every later hash leaves a valid chain:
    # only a head kept outside the database exposes it.
    path, head = db
    conn = _attacker(path)
    rows = conn.execute("SELECT seq, ts, kind, payload, prev_hash FROM audit_records WHERE seq>=? ORDER BY seq",
                        (MID,)).fetchall()
    prev = rows[0][4]
    for seq, ts, kind, payload, _ in rows:
        if seq == MID:
            payload = payload.replace('"block"', '"allow"')
        h = record_hash(prev, seq, ts, kind, payload)
        conn.execute("UPDATE audit_records SET payload=?, prev_hash=?, record_hash=? WHERE seq=?",
                     (payload, prev, h, seq))
        prev = h
    conn.close()
    assert _record_problems(_verify(path)) == set()
    rep = _verify(path, expected_head=head)
    assert not rep.ok and {p.kind_of_problem for p in rep.problems} >= {"head_mismatch"}


def test_tail_truncation_needs_expected_head(db):
    path, head = db
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq > ?", (N - 3,))
    conn.close()
    assert _record_problems(_verify(path)) == set()  # a chain alone cannot see it (documented)
    rep = _verify(path, expected_head=head)
    assert not rep.ok
    trunc = [p for p in rep.problems if p.kind_of_problem == "truncated"]
    assert trunc and trunc[0].seq == N - 2 and str(N) in trunc[0].message


def test_expected_head_allows_later_appends(db):
    path, head = db
    log = AuditLog(path)
    log.append("decision", {"later": True})
    assert log.verify(expected_head=head).ok


def test_report_raise_if_failed(db):
    path, _ = db
    conn = _attacker(path)
    conn.execute("DELETE FROM audit_records WHERE seq=5")
    conn.close()
    rep = _verify(path)
    json.dumps([p.__dict__ for p in rep.problems])  # the CLI's --json output
    with pytest.raises(AuditIntegrityError, match="seq 5"):
        rep.raise_if_failed()


def test_max_problems_caps_the_report(db):
    path, _ = db
    conn = _attacker(path)
    conn.execute("UPDATE audit_records SET ts='x'")
    conn.close()
    rep = _verify(path, max_problems=5)
    assert not rep.ok and len(rep.problems) == 5 and rep.problems_truncated


# --------------------------------------------------------------------------- concurrency


def test_concurrent_appends_keep_the_chain_valid(tmp_path):
    log = AuditLog(tmp_path / "a.db")
    seqs: list[int] = []
    lock = threading.Lock()

    def worker(t):
        mine = [log.append("decision", {"thread": t, "i": i}) for i in range(100)]
        mine += log.append_many([("decision", {"thread": t, "batch": i}) for i in range(20)])
        with lock:
            seqs.extend(mine)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(seqs) == list(range(1, 8 * 120 + 1))
    rep = log.verify()
    assert rep.ok and rep.checked == 960


def test_two_connections_to_one_file_do_not_fork_the_chain(tmp_path):
    a, b = AuditLog(tmp_path / "a.db"), AuditLog(tmp_path / "a.db")

    def run(log, n):
        for i in range(n):
            log.append("decision", {"i": i})

    ts = [threading.Thread(target=run, args=(log, 100)) for log in (a, b)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    rep = a.verify()
    assert rep.ok and rep.checked == 200


# --------------------------------------------------------------------------- payload guard


@pytest.mark.parametrize(
    "payload",
    [
        {"image": b"\x89PNG\r\n"},
        {"nested": {"list": [1, bytearray(b"abc")]}},
        {"view": memoryview(b"xyz")},
        {"uri": "data:image/png;base64,iVBORw0KGgo="},
    ],
)
def test_image_bytes_are_refused(payload):
    log = AuditLog()
    with pytest.raises(TypeError, match="never stor"):
        log.append("decision", payload)
    assert log.head()[0] == 0


def test_bad_payloads_are_refused():
    np = pytest.importorskip("numpy")
    log = AuditLog()
    with pytest.raises(TypeError, match="array"):
        log.append("decision", {"pixels": np.zeros((2, 2, 3), np.uint8)})
    with pytest.raises(TypeError):
        log.append("decision", ["not", "a", "dict"])
    with pytest.raises(TypeError):
        log.append("decision", {"x": float("nan")})
    with pytest.raises(TypeError):
        log.append("decision", {1: "non-string key"})
    with pytest.raises(ValueError):
        log.append("Bad Kind!", {})
    with pytest.raises(ValueError, match="limit"):
        log.append("decision", {"s": "x" * 300_000})
    # numpy scalars are plain numbers
    log.append("decision", {"q": np.int64(7), "s": np.float32(0.5)})
    assert log.get(1)["payload"] == {"q": 7, "s": 0.5}


# --------------------------------------------------------------------------- broken files


def test_not_a_database_gives_storage_error(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not an sqlite file at all" * 200)
    with pytest.raises(StorageError, match="junk.db"):
        AuditLog(p)


def test_corrupt_pages_give_integrity_error(tmp_path):
    p = tmp_path / "a.db"
    log = AuditLog(p)
    log.append_many([("decision", {"pad": "x" * 500, "i": i}) for i in range(2000)])
    log.close()
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(p.read_bytes())
    page = 4096
    for off in range(page * 3, min(len(data), page * 40), page):  # smash b-tree pages, keep the header
        data[off:off + 64] = b"\xff" * 64
    p.write_bytes(bytes(data))
    with pytest.raises((AuditIntegrityError, StorageError)) as exc:
        AuditLog(p).verify()
    assert "a.db" in str(exc.value)
