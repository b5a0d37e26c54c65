"""Retroactive sweep over the gate's audit records, and the `rempart bank` CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rempart.audit import AuditLog
from rempart.banks import BankStore
from rempart.banks.sweep import format_result, parse_since, sweep
from rempart.decision.gate import Gate, GateConfig
from rempart.request.model import ScreenRequest
from rempart.signals.hashes.compute import md5_hex

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rempart" / "demo" / "samples"


def jpeg(px: np.ndarray, quality=90) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def photo(name: str) -> np.ndarray:
    return np.asarray(Image.open(SAMPLES / name).convert("RGB"))


@pytest.fixture
def history(tmp_path):
    """An audit log written by the real gate (hashes only): three accounts, inputs and outputs."""
    db = tmp_path / "rempart.sqlite"
    rocket, coffee = jpeg(photo("rocket.jpg")), jpeg(photo("coffee.jpg"))
    rocket_small = jpeg(np.asarray(Image.fromarray(photo("rocket.jpg")).resize((256, 171))), quality=60)
    with Gate(config=GateConfig(db_path=str(db)), text_detectors=[], image_detectors=[]) as g:
        r1 = ScreenRequest(prompt="add a sunset", mode="edit", images=[coffee, rocket_small], account_id="=acct-1")
        g.screen_request(r1)
        r2 = ScreenRequest(prompt="make it blue", mode="edit", images=[coffee], account_id="acct-2")
        g.screen_request(r2)
        g.screen_output(r2, rocket)  # the generator produced the reported picture
        g.screen_request(ScreenRequest(prompt="a cat", account_id="acct-3"))
    return db, rocket, r1, r2


def test_sweep_finds_past_inputs_and_outputs(history):
    db, rocket, r1, r2 = history
    store = BankStore(db)
    store.create_bank("reports", source="victim")
    store.add_hashes("reports", [("md5", md5_hex(rocket))])
    store.create_bank("other", source="ncmec")
    from rempart.request.images import decode_image

    store.add_image("other", decode_image(rocket))
    log = AuditLog(db)
    result = sweep(store, log, banks=["reports"])
    assert result.records_scanned == 4
    assert [(r.request_id, r.stage, r.signal_type, r.distance) for r in result.rows] == [(r2.request_id, "output", "md5", 0)]

    class Counter:
        n = 0

        def update(self, outcome):
            self.n += 1

    progress = Counter()
    result = sweep(store, log, progress=progress)  # every enabled block bank
    assert progress.n == 4
    found = {(r.account_id, r.stage, r.image_index, r.bank, r.signal_type) for r in result.rows}
    assert ("=acct-1", "input", 1, "other", "pdq") in found  # a resized, recompressed copy
    assert ("acct-2", "output", 0, "other", "sha256") in found and ("acct-2", "output", 0, "reports", "md5") in found
    assert not any(r.account_id == "acct-3" or r.image_index == 0 and r.stage == "input" for r in result.rows)
    assert result.accounts == ["=acct-1", "acct-2"]

    doc = json.loads(format_result(result, "json"))
    assert doc["accounts"] == ["=acct-1", "acct-2"] and len(doc["matches"]) == len(result.rows)
    assert {"audit_seq", "request_id", "stage", "account_id", "hash", "bank", "distance", "ts"} <= set(doc["matches"][0])
    rows = list(csv.DictReader(io.StringIO(format_result(result, "csv"))))
    assert len(rows) == len(result.rows)
    assert {r["account_id"] for r in rows} == {"'=acct-1", "acct-2"}  # never a spreadsheet formula

    # an allow-list match takes the image off the list; --since cuts older records
    store.create_bank("fp", source="platform_takedown", kind="allow")
    store.add_hashes("fp", [("md5", md5_hex(rocket))])
    assert {r.stage for r in sweep(store, log).rows} == {"input"}
    assert sweep(store, log, since=parse_since("2999-01-01")).records_scanned == 0


class _Run:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def rempart(capsys):
    """Run the CLI in this process (a subprocess per call would cost ~1 s each)."""
    from rempart.cli.main import main

    def run(*args):
        capsys.readouterr()
        try:
            rc = main(list(args))
        except SystemExit as e:  # argparse usage errors
            rc = e.code
        out, err = capsys.readouterr()
        return _Run(rc, out, err)

    return run


def test_cli_bank_commands(history, tmp_path, rempart):
    db, rocket, r1, r2 = history
    rocket_file = tmp_path / "rocket.jpg"
    rocket_file.write_bytes(rocket)
    d = ["--db", str(db)]
    assert rempart("bank", "create", "reports", "--source", "victim", "--threshold", "28", *d).returncode == 0
    p = rempart("bank", "create", "x", "--source", "somewhere", *d)
    assert p.returncode == 2 and "invalid choice" in p.stderr
    assert rempart("bank", "create", "fp", "--source", "platform_takedown", "--allow-list", *d).returncode == 0
    p = rempart("bank", "add", "reports", str(rocket_file), *d)
    assert p.returncode == 0, p.stderr
    banks = {b["name"]: b for b in json.loads(rempart("bank", "list", "--json", *d).stdout)}
    assert banks["reports"]["threshold"] == 28 and banks["reports"]["md5_entries"] == 1
    assert banks["fp"]["kind"] == "allow"

    out = tmp_path / "takedown.csv"
    p = rempart("bank", "sweep", "--bank", "reports", "--format", "csv", "--out", str(out), *d)
    assert p.returncode == 0, p.stderr
    assert "sweeping" in p.stderr and "2 accounts" in p.stderr
    rows = list(csv.DictReader(out.open()))
    assert {(r["account_id"], r["stage"]) for r in rows} >= {("'=acct-1", "input"), ("acct-2", "output")}
    p = rempart("bank", "sweep", "--since", "yesterday", *d)
    assert p.returncode == 2 and "--since expects a date" in p.stderr
    p = rempart("bank", "sweep", "--bank", "nope", *d)
    assert p.returncode == 5 and "unknown bank 'nope'" in p.stderr and "Traceback" not in p.stderr

    assert rempart("bank", "disable", "reports", *d).returncode == 0
    assert json.loads(rempart("bank", "sweep", *d).stdout)["matches"] == []
    assert rempart("bank", "enable", "reports", *d).returncode == 0
    md5 = md5_hex(rocket)
    p = rempart("bank", "withdraw", md5, *d)
    assert p.returncode == 0 and "withdrawn from reports (md5)" in p.stdout
    assert "not found" in rempart("bank", "withdraw", md5, *d).stdout


def test_cli_import_is_all_or_nothing_and_export_round_trips(tmp_path, rempart):
    d = ["--db", str(tmp_path / "b.sqlite")]
    assert rempart("bank", "create", "partner", "--source", "trusted_flagger", *d).returncode == 0
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps({"signal_type": "pdq", "value": f"{i:064x}", "quality": 90}) + "\n"
                            for i in range(1, 4)))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text() + '{"signal_type": "pdq", "value": "zz"}\n')
    p = rempart("bank", "import", "partner", str(bad), *d)
    assert p.returncode == 5 and "line 4" in p.stderr and "Traceback" not in p.stderr
    assert json.loads(rempart("bank", "list", "--json", *d).stdout)[0]["entries"] == 0  # untouched
    p = rempart("bank", "import", "partner", str(good), *d)
    assert p.returncode == 0 and "3 new" in p.stdout
    out = tmp_path / "out.csv"
    assert rempart("bank", "export", "partner", str(out), *d).returncode == 0
    from rempart.banks.formats import read_hash_file

    assert sorted(r.value for r in read_hash_file(out)) == [f"{i:064x}" for i in range(1, 4)]
