"""Evidence bundles: export a hold's records with proofs and a signed checkpoint; verify offline;
every tampered file, record, proof or checkpoint is detected and named."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from rempart.audit.checkpoint import generate_key, sign_note, parse_checkpoint
from rempart.audit.evidence import (
    CHECKPOINT,
    FILES,
    MANIFEST,
    META,
    PROOFS,
    PUBKEY,
    RECORDS,
    EvidenceError,
    export_bundle,
    verify_bundle,
)
from rempart.audit.holds import HoldRegistry, HoldScope
from rempart.audit.log import AuditLog
from rempart.audit.retention import RetentionPolicy, RetentionRun
from rempart.errors import AuditIntegrityError

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
ORIGIN = "rempart.test/audit"


@pytest.fixture(scope="module")
def key():
    return generate_key("rempart.test")


class Env:
    def __init__(self, tmp: Path, key) -> None:
        self.t = T0
        self.path = tmp / "audit.db"
        self.log = AuditLog(self.path, clock=lambda: self.t.isoformat(timespec="microseconds"))
        self.key = key
        log = self.log
        # day 0: three decisions (past retention at day 200), day 100: two more
        log.append_many([("decision", {"account_id": a, "mode": "edit", "decision": "block", "prompt_sha256": "ab" * 32})
                         for a in ("u-1", "u-1", "u-2")])
        self.t = T0 + timedelta(days=100)
        log.append_many([("decision", {"account_id": a, "mode": "generate", "decision": "allow"})
                         for a in ("u-1", "u-3")])
        self.t = T0 + timedelta(days=200)
        RetentionRun(log, RetentionPolicy.default_policy(), clock=lambda: self.t).run()  # seqs 1-3 redacted
        reg = HoldRegistry(log)
        # an order about January: the redacted records are in its time range and still prove
        self.range_hold = reg.create(HoldScope(ts_from="2026-01-01", ts_to="2026-01-31", query="kind = decision"),
                                     authority="European Commission", reference="C(2026) 42",
                                     reason="preserve records of the AI assistant", until="2026-12-31", now=self.t)
        self.account_hold = reg.create(HoldScope(accounts=("u-1",)), authority="Court of Paris",
                                       reference="RG 26/001", reason="complaint", until="2026-10-01", now=self.t)
        reg.change(self.account_hold.hold_id, until="2026-11-30", reason="extended")
        log.append("decision", {"account_id": "u-1", "mode": "edit", "decision": "review"})

    def export(self, out: Path, hold=None) -> Path:
        export_bundle(self.log, (hold or self.account_hold).hold_id, out, self.key, origin=ORIGIN, now=self.t)
        return out


@pytest.fixture
def env(tmp_path, key):
    e = Env(tmp_path, key)
    yield e
    e.log.close()


@pytest.fixture
def bundle(env, tmp_path):
    return env.export(tmp_path / "bundle")


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()]


def write_lines(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n" for r in rows), "utf-8")


def fix_manifest(bundle: Path) -> None:
    """What a careful forger does: recompute the sums, so only the deeper checks can catch it."""
    (bundle / MANIFEST).write_text("".join(f"{hashlib.sha256((bundle / f).read_bytes()).hexdigest()}  {f}\n"
                                           for f in FILES), "utf-8")


def problems(report) -> list[str]:
    return [str(p) for p in report.problems]


# --------------------------------------------------------------------------- export and verify


def test_account_hold_bundle_verifies(env, bundle):
    assert sorted(p.name for p in bundle.iterdir()) == sorted([*FILES, MANIFEST])
    recs = lines(bundle / RECORDS)
    # u-1's live decisions (seqs 4, 10) and the hold's own create/change records; seqs 1-2 were
    # redacted before the hold, so their account is unknowable and they are not in its scope
    assert [r["seq"] for r in recs] == [4, 8, 9, 10]
    assert [r["kind"] for r in recs] == ["decision", "hold.create", "hold.change", "decision"]
    assert set(recs[0]) == {"seq", "ts", "kind", "payload", "redacted", "prev_hash", "record_hash", "leaf_hash"}
    assert recs[0]["payload"]["account_id"] == "u-1" and recs[0]["redacted"] is False
    report = verify_bundle(bundle)
    assert report.ok, problems(report)
    assert report.records == 4 and report.proofs_checked == 4 and report.tree_size == 10
    assert report.hold["hold_id"] == env.account_hold.hold_id and report.hold["authority"] == "Court of Paris"
    assert report.hold["until"] == "2026-12-01T00:00:00+00:00"  # as changed
    assert verify_bundle(bundle, env.key.verifier_key).ok  # pinned to the operator's key
    # the manifest is plain sha256sum format
    for line in (bundle / MANIFEST).read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest


def test_redacted_records_in_scope_are_exported_redacted_and_still_prove(env, tmp_path):
    bundle = env.export(tmp_path / "jan", env.range_hold)
    recs = lines(bundle / RECORDS)
    # seq 6 is the audit.redaction record that says when and why their payloads went
    assert [(r["seq"], r["kind"], r["redacted"]) for r in recs] == [
        (1, "decision", True), (2, "decision", True), (3, "decision", True), (6, "audit.redaction", False),
        (7, "hold.create", False)]
    assert all(r["payload"] is None and len(r["leaf_hash"]) == 64 for r in recs[:3])
    assert recs[3]["payload"]["seqs"] == [[1, 3]] and "retention" in recs[3]["payload"]["reason"]
    report = verify_bundle(bundle)
    assert report.ok, problems(report)
    assert report.redacted == 3 and report.proofs_checked == 5
    assert any("redacted" in n for n in report.notes)


def test_zip_bundle_verifies_and_detects_a_change_inside(env, tmp_path):
    out = env.export(tmp_path / "ev.zip")
    assert zipfile.is_zipfile(out)
    assert verify_bundle(out).ok
    with zipfile.ZipFile(out) as z:
        files = {n: z.read(n) for n in z.namelist()}
    z_before = files[RECORDS]
    files[RECORDS] = files[RECORDS].replace(b'"decision":"allow"', b'"decision":"block"', 1)
    assert files[RECORDS] != z_before
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as z:
        for n, data in files.items():
            z.writestr(n, data)
    assert any(p.startswith(RECORDS) and "changed" in p for p in problems(verify_bundle(bad)))


def test_export_refuses_an_existing_output_and_an_unknown_hold(env, bundle, tmp_path):
    with pytest.raises(EvidenceError, match="already exists"):
        env.export(bundle)
    from rempart.audit.holds import UnknownHoldError
    with pytest.raises(UnknownHoldError):
        export_bundle(env.log, "hold-nope", tmp_path / "x", env.key, origin=ORIGIN)
    assert not (tmp_path / "x").exists()


def test_export_refuses_a_record_tampered_in_the_database(env, tmp_path):
    from rempart.audit.tree import MerkleTree

    MerkleTree(env.log).sync()  # the tree commits to the record as logged
    conn = sqlite3.connect(env.path)
    conn.execute("DROP TRIGGER audit_records_no_update")
    conn.execute("UPDATE audit_records SET payload = replace(payload, 'review', 'allow') WHERE seq = 10")
    conn.commit()
    conn.close()
    with pytest.raises(AuditIntegrityError, match="seq 10"):
        env.export(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_not_a_bundle(tmp_path):
    (tmp_path / "f.txt").write_text("hello")
    with pytest.raises(EvidenceError):
        verify_bundle(tmp_path / "f.txt")


# --------------------------------------------------------------------------- tampering


def _edit_record(bundle, target, **changes):
    rows = lines(bundle / RECORDS)
    for r in rows:
        if r["seq"] == target:
            r.update(changes)
    write_lines(bundle / RECORDS, rows)


def _edit_payload(bundle, seq, **changes):
    rows = lines(bundle / RECORDS)
    for r in rows:
        if r["seq"] == seq:
            r["payload"].update(changes)
    write_lines(bundle / RECORDS, rows)


def test_changed_file_without_fixing_the_manifest_is_named(bundle):
    _edit_payload(bundle, 4, decision="block")
    ps = problems(verify_bundle(bundle))
    assert any(p.startswith(f"{RECORDS}: changed: its SHA-256") for p in ps)
    assert any("(seq 4)" in p and "do not hash to the record's leaf hash" in p for p in ps)


@pytest.mark.parametrize("seq, changes, words", [
    (4, {"ts": "2026-01-01T00:00:01.000000+00:00"}, "do not hash to the record's leaf hash"),
    (4, {"kind": "note"}, "do not hash to the record's leaf hash"),
    (4, {"seq": 5}, "do not hash to the record's leaf hash"),
    (4, {"record_hash": "0" * 64}, "record_hash changed"),
    (4, {"prev_hash": "1" * 64}, "record_hash changed"),
    (4, {"payload": None}, "not marked redacted"),
    (4, {"redacted": True}, "marked redacted but carries a payload"),
    (4, {"leaf_hash": "ab" * 32}, "do not hash to the record's leaf hash"),
    (4, {"extra": 1}, "malformed record"),
])
def test_tampered_record_is_named_even_with_a_fixed_manifest(bundle, seq, changes, words):
    _edit_record(bundle, seq, **changes)
    fix_manifest(bundle)
    report = verify_bundle(bundle)
    assert not report.ok
    assert any(words in p for p in problems(report)), problems(report)
    if "extra" not in changes:
        assert seq in report.bad_seqs or changes.get("seq") in report.bad_seqs


def test_tampered_payload_is_named(bundle):
    _edit_payload(bundle, 10, decision="allow")
    fix_manifest(bundle)
    report = verify_bundle(bundle)
    assert report.bad_seqs == [10]
    assert "records.jsonl line 4 (seq 10): changed" in problems(report)[0]


def test_changed_leaf_hash_of_a_redacted_record_is_caught_by_its_proof(env, tmp_path):
    bundle = env.export(tmp_path / "jan", env.range_hold)
    _edit_record(bundle, 2, leaf_hash="cd" * 32)
    fix_manifest(bundle)
    assert any("(seq 2)" in p and "another leaf hash" in p for p in problems(verify_bundle(bundle)))
    # the forger changes the proof's leaf too: the inclusion check fails
    rows = lines(bundle / PROOFS)
    rows[1]["leaf_hash"] = "cd" * 32
    write_lines(bundle / PROOFS, rows)
    fix_manifest(bundle)
    report = verify_bundle(bundle)
    assert report.bad_seqs == [2]
    assert any("does not prove seq 2" in p for p in problems(report))


@pytest.mark.parametrize("mutate, words", [
    (lambda p: p["proof"].__setitem__(0, "00" * 32), "does not prove seq 8"),
    (lambda p: p["proof"].pop(), "does not prove seq 8"),
    (lambda p: p.__setitem__("tree_size", 9), "tree size 9"),
    (lambda p: p.__setitem__("leaf_index", 3), "malformed proof"),
])
def test_tampered_proof_is_named(bundle, mutate, words):
    rows = lines(bundle / PROOFS)
    mutate(rows[1])
    write_lines(bundle / PROOFS, rows)
    fix_manifest(bundle)
    ps = problems(verify_bundle(bundle))
    assert any(p.startswith(f"{PROOFS} line 2") and words in p for p in ps), ps


def test_removed_record_and_removed_proof_are_named(bundle):
    rows = lines(bundle / RECORDS)
    write_lines(bundle / RECORDS, rows[:-1])
    fix_manifest(bundle)
    ps = problems(verify_bundle(bundle))
    assert any("proof for seq 10, which is not in records.jsonl" in p for p in ps)
    assert any(p.startswith(META) and "says 4 records" in p for p in ps)

    write_lines(bundle / RECORDS, rows)
    write_lines(bundle / PROOFS, lines(bundle / PROOFS)[:-1])
    fix_manifest(bundle)
    assert any("(seq 10): has no inclusion proof" in p for p in problems(verify_bundle(bundle)))


def test_tampered_checkpoint_is_named(bundle):
    note = (bundle / CHECKPOINT).read_text()
    cp = parse_checkpoint(note)
    forged = note.replace(f"\n{cp.size}\n", f"\n{cp.size + 1}\n", 1)
    (bundle / CHECKPOINT).write_text(forged)
    fix_manifest(bundle)
    ps = problems(verify_bundle(bundle))
    assert any(p.startswith(f"{CHECKPOINT}: signature does not verify") for p in ps), ps


def test_a_forger_key_passes_only_unpinned_and_is_named_when_pinned(env, bundle):
    forger = generate_key("rempart.test")  # same name, another key: re-sign the checkpoint
    text = (bundle / CHECKPOINT).read_text().split("\n\n")[0] + "\n"
    (bundle / CHECKPOINT).write_text(sign_note(text, forger))
    (bundle / PUBKEY).write_text(forger.verifier_key + "\n")
    fix_manifest(bundle)
    assert verify_bundle(bundle).ok  # self-consistent: that is why the operator's key must be pinned
    ps = problems(verify_bundle(bundle, env.key.verifier_key))
    assert any(p.startswith(f"{PUBKEY}: is not the expected key") for p in ps)
    assert any(p.startswith(f"{CHECKPOINT}: signature does not verify") for p in ps)


def test_replaced_public_key_is_named(bundle):
    (bundle / PUBKEY).write_text(generate_key("rempart.test").verifier_key + "\n")
    fix_manifest(bundle)
    assert any(p.startswith(f"{CHECKPOINT}: signature does not verify") for p in problems(verify_bundle(bundle)))


def test_tampered_hold_description_is_named(bundle):
    meta = json.loads((bundle / META).read_text())
    meta["hold"]["authority"] = "Someone else"
    (bundle / META).write_text(json.dumps(meta))
    fix_manifest(bundle)
    assert problems(verify_bundle(bundle)) == [f"{META}: hold authority differs from what the hold's own records say"]


def test_missing_extra_and_unlisted_files_are_named(bundle):
    (bundle / "notes.txt").write_text("added later")
    (bundle / PUBKEY).unlink()
    ps = problems(verify_bundle(bundle))
    assert "notes.txt: an extra file that is not part of the bundle" in ps
    assert f"{PUBKEY}: missing from the bundle" in ps
    (bundle / MANIFEST).unlink()
    assert f"{MANIFEST}: missing: the bundle has no manifest" in problems(verify_bundle(bundle))


def test_tampered_manifest_is_named(bundle):
    text = (bundle / MANIFEST).read_text()
    (bundle / MANIFEST).write_text(text.replace(text[:8], "00000000", 1))
    ps = problems(verify_bundle(bundle))
    assert len(ps) == 1 and "changed: its SHA-256" in ps[0]


def test_bundle_copied_elsewhere_still_verifies(bundle, tmp_path):
    copy = tmp_path / "elsewhere" / "b"
    shutil.copytree(bundle, copy)
    assert verify_bundle(copy).ok


def test_export_and_verify_on_postgresql(pg_dsn, key, tmp_path):
    with AuditLog(pg_dsn) as log:
        log.append_many([("decision", {"account_id": a, "decision": "block"}) for a in ("u-1", "u-2", "u-1")])
        log.redact([3], "test redaction")
        hold = HoldRegistry(log).create(HoldScope(query="kind = decision"), authority="A", reference="R",
                                        reason="r", until="2099-01-01")
        s = export_bundle(log, hold.hold_id, tmp_path / "pg", key, origin=ORIGIN)
    assert s.records == 5 and s.redacted == 1  # 3 decisions, the audit.redaction record, the hold
    report = verify_bundle(tmp_path / "pg", key.verifier_key)
    assert report.ok, problems(report)
    assert report.proofs_checked == 5 and report.redacted == 1


def test_oversized_or_odd_entries_are_findings_not_crashes(bundle):
    (bundle / CHECKPOINT).write_bytes(b"x" * (2 << 20))
    (bundle / "sub").mkdir()
    ps = problems(verify_bundle(bundle))
    assert any(p.startswith(f"{CHECKPOINT}: unreadable") for p in ps), ps
    assert any(p.startswith(f"{CHECKPOINT}: changed") for p in ps)
    assert "sub: an extra entry (directory or link) that is not part of the bundle" in ps
    (bundle / RECORDS).write_bytes(b"\xff\xfe not json\n")
    assert any(p.startswith(f"{RECORDS} line 1: malformed record") for p in problems(verify_bundle(bundle)))
