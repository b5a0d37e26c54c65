"""`rempart review record` and `rempart notice receive|resolve` feed the transparency report."""

from __future__ import annotations

import csv
import json

from rempart.audit.log import AuditLog
from rempart.cli.main import main


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _log_with_a_decision(path) -> int:
    with AuditLog(str(path)) as log:
        seq = log.append("decision", {"decision": "block", "reasons": [{"code": "EXPLICIT_CONTENT"}], "stage": "request"})
        log.append("hold.create", {"hold_id": "h1"})
    return seq


def test_review_outcome_is_appended_and_checked(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    seq = _log_with_a_decision(db)
    code, out, _ = _run(capsys, "review", "record", str(seq), "--overturned", "--db", str(db))
    assert code == 0 and json.loads(out)["upheld"] is False
    with AuditLog(str(db)) as log:
        last = list(log.iter_records())[-1]
    assert last["kind"] == "review.outcome" and last["payload"] == {"seq": seq, "upheld": False}
    # Not a decision record, or no record at all: a usage error, nothing appended.
    assert _run(capsys, "review", "record", str(seq + 1), "--upheld", "--db", str(db))[0] == 2
    assert _run(capsys, "review", "record", "999", "--upheld", "--db", str(db))[0] == 2
    assert _run(capsys, "review", "record", "1", "--upheld", "--db", str(tmp_path / "missing.sqlite"))[0] == 5
    with AuditLog(str(db)) as log:
        assert sum(1 for r in log.iter_records() if r["kind"] == "review.outcome") == 1


def test_notice_ids_must_be_opaque(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    _log_with_a_decision(db)
    code, _, err = _run(capsys, "notice", "receive", "jane@example.org", "--source", "victim", "--db", str(db))
    assert code == 2 and "opaque" in err
    assert _run(capsys, "notice", "resolve", "never-received", "--action", "actioned", "--db", str(db))[0] == 2


def test_recorded_notices_and_reviews_reach_the_transparency_report(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    seq = _log_with_a_decision(db)
    assert _run(capsys, "notice", "receive", "n-1", "--source", "victim",
                "--category", "STATEMENT_CATEGORY_CYBER_VIOLENCE", "--db", str(db))[0] == 0
    assert _run(capsys, "notice", "resolve", "n-1", "--action", "actioned", "--db", str(db))[0] == 0
    assert _run(capsys, "review", "record", str(seq), "--upheld", "--db", str(db))[0] == 0
    out_dir = tmp_path / "report"
    code, _, err = _run(capsys, "report", "transparency", "--from", "2000-01-01", "--to", "2100-01-01",
                        "--out-dir", str(out_dir), "--db", str(db))
    assert code == 0, err
    rows = list(csv.DictReader(open(next(out_dir.glob("*.csv")), encoding="utf-8")))
    text = " ".join(" ".join(r.values()) for r in rows)
    assert "notice" in text.lower()
    received = [r for r in rows if "notice" in r["metric"].lower() and r["value"] not in ("", "0")]
    assert received, rows
    reviewed = [r for r in rows if "upheld" in (r["metric"] + r["key"]).lower() and r["value"] not in ("", "0", "0.0")]
    assert reviewed, rows
