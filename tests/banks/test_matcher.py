"""BankMatcher and the v2 bank model: per-bank thresholds against brute force, change-log deltas
(no rebuild), withdraw, allow-lists, robust variants, MD5, another process seeing changes."""

from __future__ import annotations

import io
import multiprocessing
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rempart.banks import BankError, BankStore
from rempart.banks.matcher import BankMatcher
from rempart.policy.engine import Policy
from rempart.request.images import decode_image
from rempart.signals.hashes.compute import md5_hex, pdq_hash
from rempart.signals.hashes.detector import HashBankDetector
from rempart.signals.kinds import HASH_ALLOWLISTED, HASH_MATCH

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rempart" / "demo" / "samples"


def rand_hex(rng, n):
    return [rng.bytes(32).hex() for _ in range(n)]


def flip_bits(hex_value: str, k: int, rng) -> str:
    v = int(hex_value, 16)
    for b in rng.choice(256, size=k, replace=False):
        v ^= 1 << int(b)
    return format(v, "064x")


def dist(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def jpeg(px: np.ndarray, **kw) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=90, **kw)
    return buf.getvalue()


def photo(name="astronaut.jpg") -> np.ndarray:
    return np.asarray(Image.open(SAMPLES / name).convert("RGB"))


# --------------------------------------------------------------------------- exactness


def test_matches_equal_brute_force_with_per_bank_thresholds():
    rng = np.random.default_rng(7)
    store = BankStore(":memory:")
    thresholds = {"tight": 8, "default": 31, "loose": 52}  # 52: beyond multi-index probing, scanned
    bases = rand_hex(rng, 20)
    content = {}
    for name, t in thresholds.items():
        store.create_bank(name, threshold=t)
        values = rand_hex(rng, 1500) + [flip_bits(b, k, rng) for b in bases for k in (0, 5, 9, 20, 30, 32, 45, 53)]
        content[name] = sorted(set(values))
        store.add_hashes(name, [("pdq", v) for v in content[name]])
    store.create_bank("off", threshold=96, enabled=False)
    store.add_hashes("off", [("pdq", b) for b in bases])
    ids = {(e.bank, e.value): e.id for e in store.all_entries(enabled_only=False)}
    m = BankMatcher(store)
    queries = bases + [flip_bits(b, 3, rng) for b in bases] + rand_hex(rng, 10)
    n_hits = 0
    for q in queries:
        got = sorted((h.bank, h.entry_id, h.distance) for h in m.match_pdq(q))
        want = sorted((bank, ids[(bank, v)], dist(q, v)) for bank, vals in content.items() for v in vals
                      if dist(q, v) <= thresholds[bank])
        assert got == want
        n_hits += len(got)
        # naming a disabled bank sweeps it anyway
        assert [h.distance for h in m.match_pdq(q, banks=["off"])] == sorted(
            dist(q, b) for b in bases if dist(q, b) <= 96)
    assert n_hits > 100


def test_changes_apply_as_deltas_without_rebuild():
    store = BankStore(":memory:")
    store.create_bank("a", threshold=10)
    m = BankMatcher(store, refresh_ms=0)
    h = "ab" * 32
    near = flip_bits(h, 12, np.random.default_rng(0))
    assert m.match_pdq(h) == [] and m.rebuilds == 1
    store.add_hashes("a", [("pdq", h, 90), ("md5", "cd" * 16), ("sha256", "ef" * 32)])
    assert [x.distance for x in m.match_pdq(h)] == [0]
    assert m.match_exact("md5", "CD" * 16)[0].bank == "a"
    assert m.match_pdq(near) == []
    store.set_threshold("a", 12)
    assert [x.distance for x in m.match_pdq(near)] == [12]
    store.set_enabled("a", False)
    assert m.match_pdq(h) == [] and m.match_exact("sha256", "ef" * 32) == []
    store.set_enabled("a", True)
    store.create_bank("b")
    store.add_hashes("b", [("pdq", h)])
    assert sorted(x.bank for x in m.match_pdq(h)) == ["a", "b"]
    assert store.withdraw(h.upper()) == [("a", "pdq"), ("b", "pdq")]
    assert m.match_pdq(h) == []
    assert store.withdraw("cd" * 16) == [("a", "md5")] and m.match_exact("md5", "cd" * 16) == []
    store.delete_bank("a")
    assert m.match_exact("sha256", "ef" * 32) == []
    assert m.rebuilds == 1 and m.version == store.version()


def test_matcher_rebuilds_when_the_change_log_was_pruned(monkeypatch):
    import rempart.banks.store as store_mod

    monkeypatch.setattr(store_mod, "CHANGES_KEPT", 3)
    store = BankStore(":memory:")
    store.create_bank("a")
    m = BankMatcher(store, refresh_ms=0)
    m.refresh()
    values = rand_hex(np.random.default_rng(1), 10)
    store.add_hashes("a", [("pdq", v) for v in values])  # 10 log rows, 3 kept
    assert store.changes_since(m.version) is None
    assert len(m.match_pdq(values[0])) == 1 and m.rebuilds == 2


def test_refresh_is_throttled_by_clock():
    now = [0.0]
    store = BankStore(":memory:")
    store.create_bank("a")
    m = BankMatcher(store, refresh_ms=200, clock=lambda: now[0])
    m.refresh()
    store.add_hashes("a", [("sha256", "aa" * 32)])
    now[0] = 0.1
    assert m.match_exact("sha256", "aa" * 32) == []  # checked 100 ms ago: not yet
    now[0] = 0.2
    assert len(m.match_exact("sha256", "aa" * 32)) == 1


# --------------------------------------------------------------------------- bank model


def test_bank_sources_kinds_and_hash_lengths():
    store = BankStore(":memory:")
    for source in ("victim", "trusted_flagger", "ncmec", "stopncii", "platform_takedown"):
        assert store.create_bank(source.replace("_", "-"), source=source).source == source
    with pytest.raises(BankError, match="source must be one of") as e:
        store.create_bank("x", source="random-forum")
    assert e.value.code == "BANK_SOURCE_INVALID"
    with pytest.raises(BankError, match="'block' or 'allow'"):
        store.create_bank("x", kind="maybe")
    assert store.create_bank("fp", kind="allow").kind == "allow"
    with pytest.raises(BankError, match="md5 must be 32 hex"):
        store.add_hashes("fp", [("md5", "ab" * 32)])
    assert store.add_hashes("fp", [("md5", "AB" * 16, None, "n", ("case-1", "src:x"))]) == 1
    e = store.all_entries(bank="fp")[0]
    assert (e.signal_type, e.value, e.note, e.tags) == ("md5", "ab" * 16, "n", ("case-1", "src:x"))
    assert store.get_bank("fp").md5_entries == 1
    with pytest.raises(BankError, match="32 or 64 hex"):
        store.withdraw("abc")


def test_v1_database_is_migrated(tmp_path):
    path = tmp_path / "v1.sqlite"
    c = sqlite3.connect(path)
    c.executescript("""
        CREATE TABLE banks (name TEXT PRIMARY KEY, source TEXT NOT NULL, threshold INTEGER NOT NULL,
                            enabled INTEGER NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE bank_entries (id INTEGER PRIMARY KEY, bank TEXT NOT NULL REFERENCES banks(name)
            ON DELETE CASCADE, algorithm TEXT NOT NULL CHECK (algorithm IN ('pdq', 'sha256')), value TEXT NOT NULL,
            quality INTEGER, note TEXT, added_at TEXT NOT NULL, UNIQUE (bank, algorithm, value));
        CREATE TABLE banks_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO banks_version VALUES (1, 5);
        CREATE TRIGGER banks_insert_bumps_version AFTER INSERT ON banks BEGIN
            UPDATE banks_version SET version = version + 1 WHERE id = 1; END;
        INSERT INTO banks VALUES ('old', 'victim', 20, 1, '2025-01-01T00:00:00+00:00');
        INSERT INTO bank_entries VALUES (7, 'old', 'pdq', '""" + "a" * 64 + """', 90, 'kept', '2025-01-01');
    """)
    c.commit()
    c.close()
    store = BankStore(path)
    b = store.get_bank("old")
    assert (b.threshold, b.kind, b.min_quality, b.pdq_entries) == (20, "block", 50, 1)
    e = store.all_entries()[0]
    assert (e.id, e.signal_type, e.value, e.note) == (7, "pdq", "a" * 64, "kept")
    store.add_hashes("old", [("md5", "b" * 32)])
    assert [h.entry_id for h in BankMatcher(store).match_pdq("a" * 64)] == [7]
    store.close()
    assert BankStore(path).get_bank("old").entries == 2  # reopening does not migrate twice


# --------------------------------------------------------------------------- detector


def test_allow_list_cancels_block_matches_and_shows_as_evidence():
    store = BankStore(":memory:")
    store.create_bank("known", source="victim")
    data = jpeg(photo())
    img = decode_image(data)
    store.add_image("known", img)
    det = HashBankDetector(store, refresh_ms=0)
    policy = Policy.default()
    signals = det.detect(img, role="input", image_index=0)
    assert policy.evaluate(signals, mode="edit", tier="anonymous", stage="request").verdict.value == "block"
    store.create_bank("false-positives", source="platform_takedown", kind="allow")
    store.add_hashes("false-positives", [("pdq", *pdq_hash(img.primary))])
    [s] = det.detect(img, role="input", image_index=0)
    assert s.kind == HASH_ALLOWLISTED and s.score == 1.0 and s.detail["allowlisted"] is True
    assert s.detail["allow_banks"] == ["false-positives"] and s.detail["cancelled_banks"] == ["known"]
    # the audit shows both sides: the allow hit first, then the cancelled block hits
    assert s.evidence[0].bank == "false-positives" and s.evidence[0].bank_kind == "allow"
    assert {(e.bank, e.bank_kind) for e in s.evidence} == {("known", "block"), ("false-positives", "allow")}
    assert s.evidence[0].variant == "original" and {e.variant for e in s.evidence} >= {"file", "original"}
    assert policy.evaluate([s], mode="edit", tier="anonymous", stage="request").verdict.value == "allow"
    # a rule on hash.match with min_score 0 must not fire on an allow-listed image
    lax = Policy.from_yaml("name: lax\nversion: 1\nrules:\n  - id: any-hash\n    code: HASH\n    decision: block\n"
                           "    message: m\n    when: {signal: hash.match, min_score: 0}\n")
    assert lax.evaluate([s], mode="edit", tier="anonymous", stage="request").verdict.value == "allow"
    store.set_enabled("false-positives", False)
    [s] = det.detect(img, role="input", image_index=0)
    assert s.kind == HASH_MATCH and s.score > 0.5 and all(e.bank_kind == "block" for e in s.evidence)
    assert lax.evaluate([s], mode="edit", tier="anonymous", stage="request").verdict.value == "block"


@pytest.mark.parametrize(
    "transform, variant_prefix",
    [
        (lambda px: np.rot90(px).copy(), "dihedral:"),
        (lambda px: px[:, ::-1].copy(), "dihedral:"),
        (lambda px: np.pad(px, ((px.shape[0] // 5,) * 2, (0, 0), (0, 0))), "unpadded"),
    ],
    ids=["rot90", "mirror", "letterbox20"],
)
def test_robust_variants_match_and_are_named(transform, variant_prefix):
    store = BankStore(":memory:")
    store.create_bank("known", source="victim")
    store.add_image("known", decode_image(jpeg(photo())))
    det = HashBankDetector(store)
    altered = decode_image(jpeg(transform(photo())))
    [s] = det.detect(altered, role="output", image_index=0)
    assert s.score > 0.5 and s.detail["variants"][0].startswith(variant_prefix)
    assert det.detect(decode_image(jpeg(photo("coffee.jpg"))), role="input", image_index=0) == []


def test_crop_matches_a_banked_crop_variant():
    store = BankStore(":memory:")
    store.create_bank("known", source="victim")
    store.add_image("known", decode_image(jpeg(photo("chelsea.jpg"))))
    px = photo("chelsea.jpg")
    h, w = px.shape[:2]
    cropped = px[h // 20 : h - h // 20, w // 20 : w - w // 20]  # 5% off every side
    [s] = HashBankDetector(store).detect(decode_image(jpeg(cropped)), role="input", image_index=0)
    pdq_entries = {e.id: e.tags for e in store.all_entries() if e.signal_type == "pdq"}
    assert any(pdq_entries[e.entry_id] != ("variant:original",) for e in s.evidence)


def test_md5_bank_matches_the_exact_file():
    data = (SAMPLES / "rocket.jpg").read_bytes()
    store = BankStore(":memory:")
    store.create_bank("ncmec-md5", source="ncmec")
    store.add_hashes("ncmec-md5", [("md5", md5_hex(data))])
    [s] = HashBankDetector(store).detect(decode_image(data), role="input", image_index=1)
    assert [(e.algorithm, e.distance, e.image_index) for e in s.evidence] == [("md5", 0, 1)] and s.score == 1.0


def test_low_quality_query_variants_are_not_matched():
    store = BankStore(":memory:")
    store.create_bank("a", min_quality=0)
    grey = np.full((64, 64, 3), 90, np.uint8)
    h, q = pdq_hash(grey)
    store.add_hashes("a", [("pdq", h, q)])
    assert q < 50
    assert HashBankDetector(store).detect(decode_image(jpeg(grey)), role="input", image_index=0) == []


# --------------------------------------------------------------------------- another process


def _watch(path: str, value: str, conn) -> None:
    m = BankMatcher(BankStore(path), refresh_ms=200)
    m.refresh()
    conn.send("ready")
    while conn.recv() == "check":
        time.sleep(0.25)  # longer than refresh_ms: the next query must re-check the store
        conn.send((len(m.match_pdq(value)), m.rebuilds))


def test_another_process_sees_add_and_withdraw_at_its_next_refresh(tmp_path):
    path = str(tmp_path / "banks.sqlite")
    value = "5a" * 32
    store = BankStore(path)
    store.create_bank("reports", source="victim")
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_watch, args=(path, value, child), daemon=True)
    proc.start()
    try:
        assert parent.poll(30) and parent.recv() == "ready"

        def check():
            parent.send("check")
            assert parent.poll(30)
            return parent.recv()

        assert check() == (0, 1)
        store.add_hashes("reports", [("pdq", value, 100)])
        assert check() == (1, 1)  # seen ~250 ms after the commit, as a delta
        store.withdraw(value)
        assert check() == (0, 1)
        parent.send("stop")
    finally:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
