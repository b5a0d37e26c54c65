"""`rempart hold`, `rempart retention` and `rempart evidence`: exit codes, one-line errors, and an
end-to-end run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from rempart.audit.checkpoint import generate_key, save_key
from rempart.audit.log import AuditLog
from rempart.cli.main import main

YEAR_AGO = datetime.now(timezone.utc) - timedelta(days=365)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "audit.sqlite"
    with AuditLog(path, clock=lambda: YEAR_AGO.isoformat(timespec="microseconds")) as log:
        log.append_many([("decision", {"account_id": a, "mode": m, "decision": d, "tier": "free"})
                         for a, m, d in [("u-1", "edit", "block"), ("u-2", "edit", "block"),
                                         ("u-1", "generate", "allow"), ("u-3", "generate", "allow")]])
    with AuditLog(path) as log:  # a recent one, within retention
        log.append("decision", {"account_id": "u-2", "mode": "edit", "decision": "block", "tier": "free"})
    return str(path)


@pytest.fixture
def key(tmp_path):
    k = generate_key("rempart.test")
    path = tmp_path / "signer.key"
    save_key(k, path)
    return k, str(path)


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def create_hold(capsys, db, *scope):
    code, out, err = cli(capsys, "hold", "create", "--db", db, "--authority", "European Commission",
                         "--reference", "C(2026) 7", "--reason", "preserve", "--until", "2099-12-31", "--json", *scope)
    assert code == 0, err
    return json.loads(out)


def test_hold_lifecycle(capsys, db):
    hold = create_hold(capsys, db, "--account", "u-1", "--feature", "mode=edit")
    assert hold["status"] == "active" and hold["scope"] == {"accounts": ["u-1"], "features": ["mode=edit"]}
    code, out, _ = cli(capsys, "hold", "list", "--db", db)
    assert code == 0 and hold["hold_id"] in out and "European Commission" in out
    code, out, _ = cli(capsys, "hold", "change", hold["hold_id"], "--until", "2100-06-30", "--db", db)
    assert code == 0 and "2100-07-01" in out
    code, out, _ = cli(capsys, "hold", "release", hold["hold_id"], "--reason", "case closed", "--db", db)
    assert code == 0 and "released" in out
    code, out, _ = cli(capsys, "hold", "list", "--db", db, "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli(capsys, "hold", "list", "--db", db, "--json", "--all")
    [listed] = json.loads(out)
    assert listed["status"] == "released" and listed["release_reason"] == "case closed"
    assert len(listed["history"]) == 3


@pytest.mark.parametrize("args, code, words", [
    (["--query", "kind = decision and"], 2, "column 20"),
    (["--query", "payload.tier in free"], 2, "expected '('"),
    ([], 2, "needs a scope"),
    (["--feature", "mode"], 2, "FIELD=VALUE"),
    (["--everything", "--account", "u"], 2, "cannot be combined"),
    (["--account", "u", "--from", "last week"], 2, "not an ISO 8601 date"),
])
def test_hold_create_errors_are_one_line(capsys, db, args, code, words):
    got, out, err = cli(capsys, "hold", "create", "--db", db, "--authority", "A", "--reference", "R",
                        "--reason", "x", "--until", "2099-01-01", *args)
    assert got == code and words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unknown_hold_and_missing_database(capsys, db, tmp_path):
    code, _, err = cli(capsys, "hold", "release", "hold-nope", "--reason", "x", "--db", db)
    assert code == 5 and "HOLD_NOT_FOUND" in err
    code, _, err = cli(capsys, "hold", "list", "--db", str(tmp_path / "none.sqlite"))
    assert code == 5 and "no audit database" in err


def test_retention_dry_run_then_run_keeps_held_records(capsys, db):
    hold = create_hold(capsys, db, "--account", "u-1")
    code, out, err = cli(capsys, "retention", "run", "--db", db, "--dry-run", "--json")
    s = json.loads(out)
    assert code == 0 and s["would_redact"] == 2 and s["held"] == 2 and s["redacted"] == 0
    code, out, err = cli(capsys, "retention", "run", "--db", db)
    assert code == 0 and "redacted 2 payload(s)" in out and f"{hold['hold_id']} (2)" in out
    assert "retention scan" in err  # the progress bar
    with AuditLog(db) as log:
        state = {r["seq"]: r["redacted"] for r in log.iter_records() if r["kind"] == "decision"}
    assert state == {1: False, 2: True, 3: False, 4: True, 5: False}


def test_retention_errors(capsys, db, tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text("version: 1\nkinds:\n  'hold.*': 10\n")
    code, _, err = cli(capsys, "retention", "run", "--db", db, "--config", str(bad))
    assert code == 5 and "always kept" in err
    code, _, err = cli(capsys, "retention", "run", "--db", db, "--now", "2999-01-01")
    assert code == 5 and "in the future" in err
    code, out, _ = cli(capsys, "retention", "show-default")
    assert code == 0 and "decision: 180" in out


def test_evidence_export_verify_and_tamper(capsys, db, key, tmp_path):
    k, key_file = key
    hold = create_hold(capsys, db, "--query", "payload.decision = block")
    out_dir = tmp_path / "bundle"
    code, out, err = cli(capsys, "evidence", "export", "--db", db, "--hold", hold["hold_id"], "--out", str(out_dir),
                         "--key-file", key_file, "--no-progress")
    assert code == 0, err
    assert "4 record(s)" in out and k.verifier_key in out  # 3 blocks and the hold's own record
    code, out, _ = cli(capsys, "evidence", "verify", str(out_dir), "--key", k.verifier_key)
    assert code == 0 and out.startswith("bundle OK: 4 record(s)")
    code, out, _ = cli(capsys, "evidence", "verify", str(out_dir), "--json")
    assert code == 0 and json.loads(out)["proofs_checked"] == 4

    records = out_dir / "records.jsonl"
    records.write_text(records.read_text().replace('"u-2"', '"u-9"', 1))
    code, out, _ = cli(capsys, "evidence", "verify", str(out_dir))
    assert code == 6 and out.startswith("bundle TAMPERED") and "(seq 2): changed" in out


def test_evidence_errors(capsys, db, key, tmp_path):
    _, key_file = key
    code, _, err = cli(capsys, "evidence", "export", "--db", db, "--hold", "h", "--out", str(tmp_path / "o"))
    assert code == 2 and "--key-file" in err
    code, _, err = cli(capsys, "evidence", "export", "--db", db, "--hold", "hold-nope", "--out",
                       str(tmp_path / "o"), "--key-file", key_file)
    assert code == 5 and "HOLD_NOT_FOUND" in err
    code, _, err = cli(capsys, "evidence", "verify", str(tmp_path / "nothing"))
    assert code == 5 and "no bundle" in err
    code, _, err = cli(capsys, "evidence", "verify", str(tmp_path), "--key", "not-a-key")
    assert code == 2 and "--key" in err


def test_end_to_end_as_a_subprocess(db, key, tmp_path):
    k, key_file = key

    def rempart(*args):
        return subprocess.run([sys.executable, "-m", "rempart", *args], capture_output=True, text=True, timeout=120)

    p = rempart("hold", "create", "--db", db, "--authority", "EC", "--reference", "R", "--reason", "r",
                "--until", "2099-01-01", "--account", "u-2", "--json")
    assert p.returncode == 0, p.stderr
    hid = json.loads(p.stdout)["hold_id"]
    p = rempart("retention", "run", "--db", db, "--no-progress")
    assert p.returncode == 0 and "redacted 3 payload(s)" in p.stdout, p.stderr
    bundle = tmp_path / "ev.zip"
    p = rempart("evidence", "export", "--db", db, "--hold", hid, "--out", str(bundle), "--key-file", key_file)
    assert p.returncode == 0, p.stderr
    p = rempart("evidence", "verify", str(bundle), "--key", k.verifier_key)
    assert p.returncode == 0 and "bundle OK: 3 record(s)" in p.stdout, p.stdout + p.stderr
