"""`rempart sor export|validate|submit` and `rempart report transparency`, in process, plus
one run through the real gate (the rule text detector, a stand-in face detector)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PIL import Image

from rempart.audit.log import AuditLog
from rempart.cli.main import main
from rempart.records.sor import validate_statement

from .fake_tdb import FakeTdb
from .helpers import ACCOUNT, Clock, decision_payload, reason

SECRET_ENV = {"REMPART_SOR_SECRET": "cli-test-secret-0123456789"}


@pytest.fixture()
def db(tmp_path, monkeypatch):
    for k, v in SECRET_ENV.items():
        monkeypatch.setenv(k, v)
    path = tmp_path / "r.sqlite"
    clock = Clock("2026-03-10T12:00:00")
    with AuditLog(str(path), clock=clock) as log:
        log.append_many([("decision", decision_payload([reason("REAL_PERSON_SEXUALIZED_EDIT")]))] * 120)
        log.append("decision", decision_payload([reason("DETECTOR_FAILURE")]))
        clock.set("2026-04-20T12:00:00")
        log.append("decision", decision_payload([reason("MINOR_SEXUALIZED")]))
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_validate_submit(db, tmp_path, capsys, monkeypatch):
    out = tmp_path / "sor.jsonl"
    code, stdout, _ = run(capsys, "sor", "export", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31",
                          "--out", str(out), "--no-progress")
    assert code == 0 and "120 statement(s)" in stdout and "skipped 1: technical" in stdout
    lines = out.read_text().splitlines()
    assert len(lines) == 120 and ACCOUNT not in out.read_text()

    assert run(capsys, "sor", "validate", str(out))[0] == 0

    server = FakeTdb()
    try:
        monkeypatch.setenv("TDB_TOKEN", server.token)
        code, stdout, _ = run(capsys, "sor", "submit", str(out), "--url", server.base_url, "--token-env", "TDB_TOKEN",
                              "--no-progress")
        assert code == 0 and "created 120" in stdout
        assert server.create_calls == [100, 20] and len(server.store) == 120
        # Submitting the same file again creates nothing new: the puids are already there.
        code, stdout, _ = run(capsys, "sor", "submit", str(out), "--url", server.base_url, "--token-env", "TDB_TOKEN",
                              "--no-progress")
        assert code == 0 and "created 0, already present 120" in stdout
        assert len(server.store) == 120 and server.duplicate_rejections >= 1
    finally:
        server.close()


def test_validate_names_bad_lines(tmp_path, db, capsys):
    out = tmp_path / "sor.jsonl"
    assert run(capsys, "sor", "export", "--db", db, "--out", str(out), "--no-progress")[0] == 0
    lines = out.read_text().splitlines()
    bad = json.loads(lines[1])
    bad["automated_decision"] = "Yes"
    lines[1] = json.dumps(bad)
    lines.append(lines[0])  # a repeated puid
    lines.append("{not json")
    out.write_text("\n".join(lines) + "\n")
    code, stdout, _ = run(capsys, "sor", "validate", str(out))
    assert code == 5 and ":2: automated_decision" in stdout and "puid repeats line 1" in stdout
    assert "not JSON" in stdout and "3 of 123 statement(s) invalid" in stdout


def test_submit_refuses_an_invalid_file_and_a_missing_token(tmp_path, capsys, monkeypatch):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"puid": "x"}\n')
    monkeypatch.setenv("TDB_TOKEN", "t")
    code, _, err = run(capsys, "sor", "submit", str(f), "--url", "http://127.0.0.1:9", "--token-env", "TDB_TOKEN")
    assert code == 5 and "nothing sent" in err
    monkeypatch.delenv("TDB_TOKEN")
    code, _, err = run(capsys, "sor", "submit", str(f), "--url", "http://127.0.0.1:9", "--token-env", "TDB_TOKEN")
    assert code == 5 and "TDB_TOKEN" in err


def test_export_without_a_secret_is_a_config_error(db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("REMPART_SOR_SECRET")
    code, _, err = run(capsys, "sor", "export", "--db", db, "--out", str(tmp_path / "x.jsonl"))
    assert code == 5 and "REMPART_SOR_SECRET" in err and not (tmp_path / "x.jsonl").exists()


def test_report_transparency_writes_csv_and_html(db, tmp_path, capsys):
    code, stdout, _ = run(capsys, "report", "transparency", "--db", db, "--from", "2026-03-01", "--to",
                          "2026-03-31", "--out-dir", str(tmp_path / "rep"), "--no-progress")
    assert code == 0 and "own-initiative actions 120" in stdout
    rows = list(csv.DictReader(io.StringIO((tmp_path / "rep" / "transparency-2026-03-01_2026-03-31.csv").read_text())))
    total = [r for r in rows if r["metric"] == "own_initiative_actions" and r["breakdown"] == "total"]
    assert total[0]["value"] == "120" and total[0]["template_section"] == "1.4"
    assert "<svg" in (tmp_path / "rep" / "transparency-2026-03-01_2026-03-31.html").read_text()
    assert run(capsys, "report", "transparency", "--db", db, "--from", "2026-03-31", "--to", "2026-03-01")[0] == 2


class FakeFaceDetector:
    """Stands in for the image detectors: says every input shows a face (no model, no pixels read)."""

    name = "fake_face"

    def detect(self, image, *, role, image_index):
        from rempart.signals import kinds
        from rempart.signals.base import Signal

        return [Signal(kinds.IMAGE_FACE, 0.95, self.name, (), {"role": role})] if role == "input" else []


def test_a_real_gate_decision_becomes_a_valid_statement(tmp_path, capsys, monkeypatch):
    from rempart.decision.gate import Gate, GateConfig
    from rempart.request.model import ScreenRequest
    from rempart.signals.text.intent import RuleIntentDetector

    monkeypatch.setenv("REMPART_SOR_SECRET", SECRET_ENV["REMPART_SOR_SECRET"])
    db = str(tmp_path / "gate.sqlite")
    buf = io.BytesIO()
    Image.new("RGB", (96, 96), (120, 160, 200)).save(buf, "PNG")
    prompt = "remove her clothes please zq-unique-phrase"
    with Gate(config=GateConfig(db_path=db, second_opinion=None), text_detectors=[RuleIntentDetector()],
              image_detectors=[FakeFaceDetector()]) as gate:
        d = gate.screen_request(ScreenRequest(prompt=prompt, mode="edit", images=[buf.getvalue()],
                                              account_id="victim-uploader-991"))
    assert "REAL_PERSON_SEXUALIZED_EDIT" in [r.code for r in d.reasons], d.reasons
    out = tmp_path / "g.jsonl"
    assert run(capsys, "sor", "export", "--db", db, "--out", str(out), "--no-progress")[0] == 0
    text = out.read_text()
    st = json.loads(text)
    assert validate_statement(st) == [] and st["category"] == "STATEMENT_CATEGORY_CYBER_VIOLENCE"
    for private in ("victim-uploader-991", "zq-unique-phrase", d.request_id):
        assert private not in text
