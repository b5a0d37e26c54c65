"""Retention with redaction: payloads past their period are deleted unless an active hold covers
them, proofs still verify afterwards, and every unclear case keeps the data."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from rempart.audit.checkpoint import generate_key, verify_checkpoint
from rempart.audit.holds import HoldRegistry, HoldScope, iso
from rempart.audit.log import AuditLog
from rempart.audit.retention import RetentionConfigError, RetentionPolicy, RetentionRun
from rempart.audit.tree import MerkleTree
from rempart.errors import AuditIntegrityError

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


class Clock:
    """The log's clock (record ts) and the 'real' now that retention checks --now against."""

    def __init__(self, t: datetime) -> None:
        self.t = t

    def log_ts(self) -> str:
        return self.t.isoformat(timespec="microseconds")

    def now(self) -> datetime:
        return self.t


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def log(tmp_path, clock):
    with AuditLog(tmp_path / "audit.db", clock=clock.log_ts) as log:
        yield log


def decisions(log, clock, day, accounts):
    clock.t = T0 + timedelta(days=day)
    return log.append_many([("decision", {"account_id": a, "mode": "edit", "decision": "block", "tier": "free"})
                            for a in accounts])


def run(log, clock, day, policy=None, **kw):
    clock.t = T0 + timedelta(days=day)
    job = RetentionRun(log, policy or RetentionPolicy.default_policy(), clock=clock.now)
    return job.run(**kw)


def payload_present(log, seq):
    return not log.get(seq)["redacted"]


# --------------------------------------------------------------------------- policy


def test_default_policy():
    p = RetentionPolicy.default_policy()
    assert p.period("decision") == timedelta(days=180)
    assert p.period("hold.create") is None and p.period("audit.redaction") is None
    assert p.period("something.new") is None  # unknown kinds are kept


def test_policy_exact_prefix_and_default():
    p = RetentionPolicy.from_yaml("version: 1\nkinds:\n  decision: 30\n  'report.*': 90\n  report.daily: never\n"
                                  "default: 365\n")
    assert p.period("decision") == timedelta(days=30)
    assert p.period("report.weekly") == timedelta(days=90)
    assert p.period("report.daily") is None
    assert p.period("sor.statement") == timedelta(days=365)
    assert p.period("hold.release") is None and p.period("audit.redaction") is None  # default never reaches them


@pytest.mark.parametrize("text, words", [
    ("version: 1\nkinds:\n  'hold.*': 30\n", "always kept"),
    ("version: 1\nkinds:\n  audit.redaction: 30\n", "always kept"),
    ("version: 1\nkinds:\n  hold: 30\n", "always kept"),
    ("version: 1\nkinds:\n  decision: 0\n", "whole number of days"),
    ("version: 1\nkinds:\n  decision: '30'\n", "whole number of days"),
    ("version: 1\nkinds:\n  decision: true\n", "whole number of days"),
    ("version: 1\nkinds:\n  'dec*ion': 3\n", "trailing"),
    ("version: 2\n", "version: 1"),
    ("version: 1\nkind: {}\n", "unknown key"),
    ("version: 1\nkinds: [1]\n", "'kinds' must map"),
    ("version: [1\n", "not valid YAML"),
])
def test_bad_policies_are_refused(text, words):
    with pytest.raises(RetentionConfigError, match=words):
        RetentionPolicy.from_yaml(text)


def test_policy_file_errors_are_config_errors(tmp_path):
    with pytest.raises(RetentionConfigError, match="cannot read"):
        RetentionPolicy.from_file(tmp_path / "missing.yaml")


# --------------------------------------------------------------------------- runs


def test_redacts_only_what_is_past_retention(log, clock):
    old = decisions(log, clock, 0, ["u-1", "u-2"])
    new = decisions(log, clock, 100, ["u-3"])
    s = run(log, clock, 181)
    assert s.redacted == 2 and s.within_retention == 1 and s.redaction_records == 1
    assert not payload_present(log, old[0]) and not payload_present(log, old[1])
    assert payload_present(log, new[0])
    red = [r for r in log.iter_records() if r["kind"] == "audit.redaction"]
    assert len(red) == 1 and "decision records are kept 180 days" in red[0]["payload"]["reason"]
    assert log.verify().ok
    again = run(log, clock, 182)  # idempotent
    assert again.redacted == 0 and again.already_redacted == 2


def test_a_hold_created_after_the_records_protects_them(log, clock):
    u1 = decisions(log, clock, 0, ["u-1", "u-1"])
    u2 = decisions(log, clock, 1, ["u-2"])
    clock.t = T0 + timedelta(days=170)  # the order comes months later, just before deletion
    hold = HoldRegistry(log).create(HoldScope(accounts=("u-1",)), authority="EC", reference="C(2026) 1",
                                    reason="investigation", until="2027-12-31", now=clock.t)
    s = run(log, clock, 200)
    assert all(payload_present(log, q) for q in u1)
    assert not payload_present(log, u2[0])
    assert s.held == 2 and s.held_by_hold == {hold.hold_id: 2} and s.redacted == 1
    assert s.holds_active == [hold.hold_id]
    assert payload_present(log, hold.created_seq)  # hold records are never redacted


def test_an_expired_hold_returns_its_data_to_normal_retention(log, clock):
    seqs = decisions(log, clock, 0, ["u-1"])
    HoldRegistry(log).create(HoldScope(accounts=("u-1",)), authority="EC", reference="R", reason="r",
                             until=T0 + timedelta(days=250), now=clock.t)
    assert run(log, clock, 200).held == 1 and payload_present(log, seqs[0])
    s = run(log, clock, 251)
    assert s.held == 0 and s.redacted == 1 and not payload_present(log, seqs[0])


def test_a_released_hold_protects_nothing_and_a_changed_one_protects_longer(log, clock):
    a = decisions(log, clock, 0, ["u-1"])
    b = decisions(log, clock, 0, ["u-2"])
    reg = HoldRegistry(log)
    h1 = reg.create(HoldScope(accounts=("u-1",)), authority="A", reference="R1", reason="r",
                    until=T0 + timedelta(days=190), now=clock.t)
    h2 = reg.create(HoldScope(accounts=("u-2",)), authority="A", reference="R2", reason="r",
                    until="2099-01-01", now=clock.t)
    reg.change(h1.hold_id, until=T0 + timedelta(days=400))
    reg.release(h2.hold_id, reason="order withdrawn")
    s = run(log, clock, 300)
    assert payload_present(log, a[0]) and not payload_present(log, b[0])
    assert s.held_by_hold == {h1.hold_id: 1}


def test_dry_run_changes_nothing(log, clock):
    decisions(log, clock, 0, ["u-1", "u-2"])
    head = log.head()
    s = run(log, clock, 400, dry_run=True)
    assert s.would_redact == 2 and s.redacted == 0
    assert log.head() == head and all(not r["redacted"] for r in log.iter_records())


def test_proofs_and_old_checkpoints_still_verify_after_redaction(log, clock):
    decisions(log, clock, 0, [f"u-{i}" for i in range(9)])
    key = generate_key("test.example")
    tree = MerkleTree(log)
    size = tree.sync()
    note = tree.checkpoint("test.example/audit", key)
    run(log, clock, 365)
    assert tree.sync() == size + 1  # the audit.redaction record
    cp = verify_checkpoint(note, key.verifier)
    for seq in range(1, size + 1):
        assert log.get(seq)["redacted"]
        tree.check_record(seq, cp.size, cp.root)  # the redacted record still proves against the old root
    assert tree.verify(cp).ok and log.verify().ok
    tree.close()


def test_every_run_evaluates_holds_at_its_now_and_refuses_a_future_now(log, clock):
    decisions(log, clock, 0, ["u-1"])
    clock.t = T0 + timedelta(days=10)
    with pytest.raises(RetentionConfigError, match="in the future"):
        RetentionRun(log, RetentionPolicy.default_policy(), now=T0 + timedelta(days=400), clock=clock.now)
    # a --now in the past is allowed (e.g. to reproduce a run) and only ever deletes less
    clock.t = T0 + timedelta(days=400)
    s = RetentionRun(log, RetentionPolicy.default_policy(), now=iso(T0 + timedelta(days=100)),
                     clock=clock.now).run()
    assert s.redacted == 0 and s.within_retention == 1


def test_a_hold_created_during_a_run_protects_its_records(log, clock):
    decisions(log, clock, 0, ["u-1", "u-2", "u-1"])
    clock.t = T0 + timedelta(days=300)
    job = RetentionRun(log, RetentionPolicy.default_policy(), clock=clock.now, batch=2)
    created = []

    def on_scan(outcome):  # the hold lands after the holds were read, before anything is redacted
        if not created:
            created.append(HoldRegistry(log).create(HoldScope(accounts=("u-1",)), authority="A", reference="R",
                                                    reason="urgent", until="2099-01-01", now=clock.t))

    s = job.run(on_scan=on_scan)
    assert [payload_present(log, q) for q in (1, 2, 3)] == [True, False, True]
    assert s.redacted == 1 and s.held_by_hold == {created[0].hold_id: 2}


def test_unreadable_ts_and_unknown_kinds_are_kept(tmp_path, clock):
    with AuditLog(tmp_path / "x.db", clock=lambda: "not a time") as log:
        log.append("decision", {"account_id": "u"})
    with AuditLog(tmp_path / "x.db", clock=clock.log_ts) as log:
        log.append("experiment.note", {"x": 1})
        s = run(log, clock, 1000)
        assert s.unreadable_ts == 1 and s.kept_forever == 1 and s.redacted == 0


def test_a_redacted_hold_record_stops_retention(log, clock):
    decisions(log, clock, 0, ["u-1"])
    HoldRegistry(log).create(HoldScope(accounts=("u-1",)), authority="A", reference="R", reason="r",
                             until="2099-01-01", now=clock.t)
    log.redact([2], "someone redacted the hold itself")  # the library allows it; retention must not proceed
    with pytest.raises(AuditIntegrityError, match="seq 2"):
        run(log, clock, 400)
    assert payload_present(log, 1)


def test_retention_on_postgresql(pg_dsn, clock):
    with AuditLog(pg_dsn, clock=clock.log_ts) as log:
        kept = decisions(log, clock, 0, ["u-1"])
        gone = decisions(log, clock, 0, ["u-2"])
        HoldRegistry(log).create(HoldScope(features=(("account_id", "u-1"),)), authority="A", reference="R",
                                 reason="r", until="2099-01-01", now=clock.t)
        s = run(log, clock, 365)
        assert s.redacted == 1 and s.held == 1
        assert payload_present(log, kept[0]) and not payload_present(log, gone[0])
        assert log.verify().ok
