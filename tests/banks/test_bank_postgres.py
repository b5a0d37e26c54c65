"""The PostgreSQL bank backend behind the same BankStore interface (fresh database per test)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from rempart.banks import BankError, BankStore, UnknownBankError
from rempart.banks.matcher import BankMatcher
from rempart.errors import InputError, StorageError


def test_store_api_on_postgres(pg_dsn):
    store = BankStore(pg_dsn)
    assert store.path.startswith("postgresql://") and "password" not in store.path
    store.create_bank("reports", source="victim", threshold=20)
    store.create_bank("fp", source="platform_takedown", kind="allow", enabled=False)
    with pytest.raises(BankError, match="already exists"):
        store.create_bank("reports", source="victim")
    rows = [("pdq", "a" * 64, 90, "n", ("t1",)), ("md5", "b" * 32), ("sha256", "c" * 64)]
    assert store.add_hashes("reports", rows) == 3
    assert store.add_hashes("reports", rows) == 0  # idempotent
    with pytest.raises(BankError, match="hash #1"):
        store.add_hashes("reports", [("pdq", "d" * 64), ("pdq", "nothex")])
    with pytest.raises(InputError):
        store.add_hashes("reports", [("pdq", "d" * 64, 10)])
    info = store.get_bank("reports")
    assert (info.entries, info.pdq_entries, info.md5_entries, info.sha256_entries, info.threshold) == (3, 1, 1, 1, 20)
    fp = store.get_bank("fp")
    assert (fp.kind, fp.enabled) == ("allow", False)
    e = [x for x in store.all_entries() if x.signal_type == "pdq"][0]
    assert (e.value, e.quality, e.note, e.tags) == ("a" * 64, 90, "n", ("t1",))
    store.add_hashes("fp", [("pdq", "a" * 64)])
    assert store.withdraw("A" * 64) == [("fp", "pdq"), ("reports", "pdq")]
    assert store.remove("reports", "md5", "b" * 32) is True
    assert [x.signal_type for x in store.all_entries()] == ["sha256"]
    store.delete_bank("reports")
    with pytest.raises(UnknownBankError):
        store.get_bank("reports")
    store.close()


def test_second_connection_sees_changes_as_deltas(pg_dsn):
    admin = BankStore(pg_dsn)
    service = BankStore(pg_dsn)  # e.g. another service process
    admin.create_bank("reports", source="stopncii")
    m = BankMatcher(service, refresh_ms=0)
    value = "3c" * 32
    assert m.match_pdq(value) == []
    admin.add_hashes("reports", [("pdq", value, 100)])
    assert [h.distance for h in m.match_pdq(value)] == [0]
    admin.set_enabled("reports", False)
    assert m.match_pdq(value) == []
    admin.set_enabled("reports", True)
    admin.withdraw(value)
    assert m.match_pdq(value) == []
    assert m.rebuilds == 1 and m.version == admin.version()
    BankStore(pg_dsn).close()  # opening an initialised database again is a no-op


def test_concurrent_writers_commit_versions_in_order(pg_dsn):
    """Versions come from a sequence: without the writers' lock a reader could skip one."""
    stores = [BankStore(pg_dsn) for _ in range(4)]
    stores[0].create_bank("a")
    rng = np.random.default_rng(3)
    batches = [[("pdq", rng.bytes(32).hex()) for _ in range(30)] for _ in range(4)]
    m = BankMatcher(BankStore(pg_dsn), refresh_ms=0)
    m.refresh()
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            m.refresh()

    t = threading.Thread(target=poll)
    t.start()
    ws = [threading.Thread(target=s.add_hashes, args=("a", b)) for s, b in zip(stores, batches)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    stop.set()
    t.join()
    m.refresh()
    assert all(len(m.match_pdq(v, banks=["a"])) == 1 for b in batches for _, v in b)
    assert m.rebuilds == 1


def test_bad_dsn_is_a_storage_error():
    with pytest.raises(StorageError, match="cannot connect"):
        BankStore("postgresql://postgres@127.0.0.1:1/nothing?connect_timeout=2")
