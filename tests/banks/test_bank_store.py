import hashlib
import io
import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rempart.audit import AuditLog
from rempart.banks import BankError, BankStore, UnknownBankError
from rempart.errors import InputError, StorageError
from rempart.request.images import DecodedImage, ImageView
from rempart.signals.hashes.compute import hamming_hex, pdq_hash, sha256_hex

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rempart" / "demo" / "samples"


def make_image(data: bytes) -> DecodedImage:
    # Built directly (not via decode_image) so these tests do not depend on the decoder.
    with Image.open(io.BytesIO(data)) as im:
        fmt = im.format
        px = np.asarray(im.convert("RGB"))
    return DecodedImage(views=(ImageView("frame0", px),), width=px.shape[1], height=px.shape[0], format=fmt,
                        source_mode="RGB", n_frames=1, sha256=hashlib.sha256(data).hexdigest(), n_bytes=len(data))


def encode(px: np.ndarray, fmt="PNG") -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, fmt)
    return buf.getvalue()


H1, H2, H3 = "a" * 64, "b" * 64, "0123456789abcdef" * 4


@pytest.fixture
def store():
    s = BankStore(":memory:")
    yield s
    s.close()


# --------------------------------------------------------------------------- compute


def test_hash_helpers():
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert hamming_hex("00" * 32, "00" * 32) == 0
    assert hamming_hex("ff" * 32, "00" * 32) == 256
    assert hamming_hex("0f", "01") == 3
    with pytest.raises(ValueError):
        hamming_hex("00", "0000")
    px = np.asarray(Image.open(SAMPLES / "astronaut.jpg").convert("RGB"))
    h, q = pdq_hash(px)
    assert len(h) == 64 and int(h, 16) and q >= 50
    with pytest.raises(ValueError):
        pdq_hash(px.astype(np.float32))
    assert pdq_hash(px[:3, :3].copy())[1] == 0  # too small to hash


def test_pdq_hex_is_threatexchange_order():
    # ThreatExchange prints 16-bit words 15..0; pdqhash's bit vector is bit 255 first.
    import pdqhash

    px = np.asarray(Image.open(SAMPLES / "coffee.jpg").convert("RGB").resize((256, 170)))
    bits, _ = pdqhash.compute(px)
    expected = format(sum(int(b) << (255 - i) for i, b in enumerate(bits)), "064x")
    assert pdq_hash(px)[0] == expected


# --------------------------------------------------------------------------- banks


def test_create_and_list_banks(store):
    info = store.create_bank("ncmec-test", source="ncmec", threshold=20)
    assert (info.name, info.source, info.threshold, info.enabled, info.entries) == ("ncmec-test", "ncmec", 20,
                                                                                      True, 0)
    store.create_bank("platform", enabled=False)
    assert [b.name for b in store.list_banks()] == ["ncmec-test", "platform"]
    store.add_hashes("platform", [("pdq", H1, 90, "x"), ("sha256", H2)])
    b = store.get_bank("platform")
    assert b.__dict__["entries"] == 2  # the CLI reads BankInfo via __dict__
    assert (b.entries, b.pdq_entries, b.sha256_entries, b.enabled, b.threshold) == (2, 1, 1, False, 31)


@pytest.mark.parametrize("name", ["", "abc\n", "Upper", "-lead", "has space", "x" * 65, "semi;colon", "é", None])
def test_bad_bank_names(store, name):
    with pytest.raises(BankError, match="invalid bank name") as e:
        store.create_bank(name)
    assert e.value.code == "BANK_NAME_INVALID"


def test_bank_errors(store):
    store.create_bank("a")
    with pytest.raises(BankError, match="already exists"):
        store.create_bank("a")
    with pytest.raises(BankError):
        store.create_bank("b", threshold=300)
    with pytest.raises(BankError):
        store.create_bank("b", threshold=True)
    with pytest.raises(UnknownBankError, match="unknown bank 'nope'.*known: a") as e:
        store.add_hashes("nope", [("pdq", H1, 90)])
    assert e.value.code == "BANK_UNKNOWN"
    for call in (lambda: store.remove("nope", "pdq", H1), lambda: store.get_bank("nope"),
                 lambda: store.set_enabled("nope", False), lambda: store.all_entries(bank="nope")):
        with pytest.raises(UnknownBankError):
            call()


def test_add_hashes_is_idempotent_and_normalises(store):
    store.create_bank("a")
    assert store.add_hashes("a", [("pdq", H1, 100, "first"), ("sha256", H2, None, None)]) == 2
    assert store.add_hashes("a", [("pdq", H1.upper(), 100), ("sha256", " " + H2 + " "), ("pdq", H3)]) == 1
    entries = store.all_entries()
    assert sorted((e.algorithm, e.value) for e in entries) == sorted([("pdq", H1), ("sha256", H2), ("pdq", H3)])
    assert {e.note for e in entries if e.value == H1} == {"first"}
    # the same hash may live in two banks
    store.create_bank("b")
    assert store.add_hashes("b", [("pdq", H1)]) == 1


@pytest.mark.parametrize(
    "row",
    [("md5", H1), ("pdq", "abc"), ("pdq", "g" * 64), ("pdq", H1, 101), ("pdq", H1, "high"), ("pdq",),
     ("pdq", H1, 90, 5), "pdq"],
)
def test_add_hashes_rejects_bad_rows(store, row):
    store.create_bank("a")
    with pytest.raises(BankError) as e:
        store.add_hashes("a", [("sha256", H2), row])
    assert e.value.code == "HASH_INVALID"
    assert store.get_bank("a").entries == 0  # all or nothing


def test_add_hashes_refuses_low_quality_pdq(store):
    store.create_bank("a")
    with pytest.raises(InputError) as e:
        store.add_hashes("a", [("pdq", H1, 10)])
    assert e.value.code == "HASH_LOW_QUALITY"
    assert store.add_hashes("a", [("pdq", H1, 10)], min_pdq_quality=0) == 1
    assert store.add_hashes("a", [("pdq", H2, None)]) == 1  # unknown quality: accepted


def test_remove(store):
    store.create_bank("a")
    store.add_hashes("a", [("pdq", H1), ("sha256", H2)])
    assert store.remove("a", "pdq", H1.upper()) is True
    assert store.remove("a", "pdq", H1) is False
    assert [(e.algorithm, e.value) for e in store.all_entries()] == [("sha256", H2)]
    with pytest.raises(BankError):
        store.remove("a", "md5", H1)


def test_all_entries_enabled_only_and_toggles(store):
    store.create_bank("on")
    store.create_bank("off", enabled=False)
    store.add_hashes("on", [("pdq", H1)])
    store.add_hashes("off", [("pdq", H2)])
    assert {e.bank for e in store.all_entries()} == {"on"}
    assert {e.bank for e in store.all_entries(enabled_only=False)} == {"on", "off"}
    store.set_enabled("off", True)
    store.set_threshold("on", 10)
    assert {e.bank for e in store.all_entries()} == {"on", "off"}
    assert store.get_bank("on").threshold == 10
    store.delete_bank("off")
    assert [b.name for b in store.list_banks()] == ["on"]
    assert {e.bank for e in store.all_entries(enabled_only=False)} == {"on"}


def test_version_changes_on_every_write_even_raw_sql(tmp_path):
    path = tmp_path / "banks.db"
    s = BankStore(path)
    v0 = s.version()
    s.create_bank("a")
    v1 = s.version()
    s.add_hashes("a", [("pdq", H1)])
    v2 = s.version()
    s.add_hashes("a", [("pdq", H1)])  # no-op
    assert s.version() == v2
    s.set_enabled("a", False)
    v3 = s.version()
    assert v0 < v1 < v2 < v3
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM bank_entries")
    conn.commit()
    assert s.version() > v3


# --------------------------------------------------------------------------- images


def test_add_image_stores_exact_hashes_and_robust_pdq_variants(store):
    store.create_bank("a")
    data = (SAMPLES / "astronaut.jpg").read_bytes()
    out = store.add_image("a", make_image(data), note="case 1", encoded=data)
    assert out["sha256"] == sha256_hex(data) and out["pdq_quality"] >= 50
    entries = store.all_entries()
    by_type = {}
    for e in entries:
        by_type.setdefault(e.signal_type, []).append(e)
    assert [e.value for e in by_type["sha256"]] == [sha256_hex(data)]
    assert [e.value for e in by_type["md5"]] == [hashlib.md5(data).hexdigest()]
    plain = [e for e in by_type["pdq"] if e.tags == ("variant:original",)]
    assert [e.value for e in plain] == [out["pdq"]] and plain[0].quality == out["pdq_quality"]
    assert all(e.note == "case 1" for e in entries)
    # the robust hasher adds central crops on the bank side (bank_hashes)
    assert {"original", "crop:center90"} <= set(out["variants"])
    assert len(by_type["pdq"]) == len(out["variants"]) and out["added"] == len(entries)
    assert store.add_image("a", make_image(data), encoded=data)["added"] == 0  # idempotent


def test_add_image_flat_picture_keeps_only_exact_hashes(store):
    store.create_bank("a")
    data = encode(np.full((128, 128, 3), 128, np.uint8))
    with pytest.raises(InputError, match="only its exact hashes") as e:
        store.add_image("a", make_image(data))
    assert e.value.code == "HASH_LOW_QUALITY"
    assert [(x.signal_type, x.value) for x in store.all_entries()] == [("sha256", sha256_hex(data))]


def test_bank_minimum_quality_is_per_bank(store):
    store.create_bank("strict", min_quality=90)
    with pytest.raises(InputError, match="below the bank's minimum 90") as e:
        store.add_hashes("strict", [("pdq", H1, 80)])
    assert e.value.code == "HASH_LOW_QUALITY" and store.get_bank("strict").entries == 0
    assert store.add_hashes("strict", [("pdq", H1, 95)]) == 1


# --------------------------------------------------------------------------- storage


def test_store_shares_a_file_with_the_audit_log(tmp_path):
    path = tmp_path / "rempart.db"
    log = AuditLog(path)
    s = BankStore(path)
    s.create_bank("a")
    s.add_hashes("a", [("pdq", H1)])
    log.append("bank.added", {"bank": "a", "pdq": H1})
    v = s.version()
    log.append("decision", {"x": 1})
    assert s.version() == v  # audit writes do not make the detector reload
    assert log.verify().ok and s.get_bank("a").entries == 1


def test_persistence_and_concurrent_writers(tmp_path):
    path = tmp_path / "banks.db"
    s = BankStore(path)
    s.create_bank("a")

    def add(t):
        s.add_hashes("a", [("sha256", hashlib.sha256(f"{t}-{i}".encode()).hexdigest()) for i in range(50)])

    ts = [threading.Thread(target=add, args=(t,)) for t in range(6)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    s.close()
    assert BankStore(path).get_bank("a").entries == 300


def test_not_a_database_gives_storage_error(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"definitely not sqlite" * 300)
    with pytest.raises(StorageError, match="junk.db"):
        BankStore(p)
