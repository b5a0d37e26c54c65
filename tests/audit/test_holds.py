"""Legal holds: the scope query language, scope matching, and holds kept as audit records."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from rempart.audit.holds import (
    HOLD_CHANGE,
    HOLD_CREATE,
    HOLD_RELEASE,
    HoldError,
    HoldFold,
    HoldRegistry,
    HoldScope,
    UnknownHoldError,
    parse_instant,
)
from rempart.audit.log import AuditLog
from rempart.audit.query import QuerySyntaxError, RecordQuery
from rempart.errors import AuditIntegrityError

NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)


def rec(seq=1, ts="2026-01-10T12:00:00+00:00", kind="decision", redacted=False, **payload):
    return {"seq": seq, "ts": ts, "kind": kind, "payload": None if redacted else payload, "redacted": redacted}


BLOCK_FREE = rec(decision="block", tier="free", mode="edit", account_id="u-1",
                 reasons=[{"code": "REAL_PERSON_SEXUALIZED_EDIT"}, {"code": "MINOR_SEXUAL"}],
                 client={"app": "web", "version": 3})


# --------------------------------------------------------------------------- query language


@pytest.mark.parametrize("query, expected", [
    ("kind=decision and payload.decision=block and payload.tier in (free,anonymous)", True),
    ("kind=decision and payload.decision=block and payload.tier in (subscriber, verified_adult)", False),
    ("payload.decision = allow or payload.mode = edit", True),
    ("not payload.decision = block", False),
    ("payload.decision != block", False),
    ("payload.decision != allow", True),
    ("payload.reasons.code = MINOR_SEXUAL", True),  # looks into every list element
    ("payload.reasons.code = EXPLICIT", False),
    ("payload.client.app = 'web' and payload.client.version >= 3", True),
    ("payload.client.version > 3", False),
    ("payload.client.version = 3.0", True),  # numbers compare as numbers
    ('payload.account_id = "u-1"', True),
    ("payload.missing = x", False),
    ("payload.missing != x", True),  # exactly `not (payload.missing = x)`
    ("payload.missing exists", False),
    ("payload.client exists", True),
    ("ts >= 2026-01-10 and ts < '2026-01-11T00:00:00Z'", True),  # instants, not text
    ("ts > 2026-01-10T12:00:00+01:00", True),  # 11:00 UTC
    ("seq = 1 and redacted = false", True),
    ("(payload.tier = free or payload.tier = anonymous) and not (payload.mode = generate)", True),
    ("KIND = decision AND payload.tier IN (free)", None),  # field names are case-sensitive
])
def test_query_evaluates(query, expected):
    if expected is None:
        with pytest.raises(QuerySyntaxError):
            RecordQuery(query)
        return
    assert RecordQuery(query).matches(BLOCK_FREE) is expected


def test_keywords_are_case_insensitive():
    assert RecordQuery("kind = decision AND payload.tier IN (free) OR NOT seq = 1").matches(BLOCK_FREE)


@pytest.mark.parametrize("query, column, words", [
    ("kind=decision and", 18, "expected a field name"),
    ("kind=", 6, "expected a value"),
    ("kind decision", 6, "expected an operator"),
    ("payload.tier in free", 17, "expected '('"),
    ("payload.tier in (free anonymous)", 23, "expected ',' or ')'"),
    ("(kind=decision", 15, "expected ')'"),
    ("kind=decision)", 14, "expected 'and', 'or'"),
    ("kind='decision", 6, "unterminated string"),
    ("kind=decision; drop table", 14, "unexpected character"),
    ("__import__('os').system('x')", 17, "unexpected character"),
    ("__import__ = 1", 1, "unknown field"),
    ("account = u1", 1, "unknown field"),
    ("", 1, "empty"),
])
def test_bad_syntax_names_the_column(query, column, words):
    with pytest.raises(QuerySyntaxError) as e:
        RecordQuery(query)
    assert e.value.position == column, e.value.message
    assert words in e.value.message and f"column {column}" in e.value.message
    assert e.value.code == "QUERY_INVALID"


def test_hostile_nesting_is_refused_not_a_crash():
    with pytest.raises(QuerySyntaxError, match="nests deeper"):
        RecordQuery("(" * 500 + "kind=x" + ")" * 500)
    with pytest.raises(QuerySyntaxError, match="nests deeper"):
        RecordQuery("not " * 500 + "kind=x")


def test_redacted_record_has_no_payload_fields_but_keeps_ts_and_kind():
    r = rec(redacted=True)
    assert not RecordQuery("payload.decision = block").matches(r)
    assert RecordQuery("kind = decision and redacted = true and ts < 2026-02-01").matches(r)


# --------------------------------------------------------------------------- scope


def test_scope_criteria_all_hold_and_repeated_values_are_alternatives():
    scope = HoldScope(accounts=("u-1", "u-2"), ts_from="2026-01-01", ts_to="2026-01-31",
                      features=(("mode", "edit"), ("tier", "free"), ("tier", "anonymous")))
    assert scope.matches(BLOCK_FREE)
    assert scope.matches(rec(account_id="u-2", mode="edit", tier="anonymous"))
    assert not scope.matches(rec(account_id="u-3", mode="edit", tier="free"))  # account
    assert not scope.matches(rec(account_id="u-1", mode="generate", tier="free"))  # feature
    assert not scope.matches(rec(account_id="u-1", mode="edit", tier="subscriber"))  # other feature
    assert not scope.matches(rec(ts="2026-02-01T00:00:00+00:00", account_id="u-1", mode="edit", tier="free"))
    # --to as a date includes the whole day
    assert scope.matches(rec(ts="2026-01-31T23:59:59+00:00", account_id="u-1", mode="edit", tier="free"))
    assert not scope.matches(rec(ts="2025-12-31T23:59:59+00:00", account_id="u-1", mode="edit", tier="free"))


def test_scope_with_a_query_and_a_nested_feature():
    scope = HoldScope(features=(("client.app", "web"),), query="payload.decision = block")
    assert scope.matches(BLOCK_FREE)
    assert not scope.matches(rec(decision="allow", client={"app": "web"}))
    assert not scope.matches(rec(decision="block", client={"app": "ios"}))


def test_account_scope_does_not_match_missing_or_null_accounts():
    scope = HoldScope(accounts=("None",))
    assert not scope.matches(rec(account_id=None))
    assert not scope.matches(rec(redacted=True))


def test_time_scope_matches_a_redacted_record_by_its_ts():
    assert HoldScope(ts_from="2026-01-01", ts_to="2026-01-31").matches(rec(redacted=True))


@pytest.mark.parametrize("kwargs, words", [
    ({}, "needs a scope"),
    ({"ts_from": "2026-02-01", "ts_to": "2026-01-01"}, "time range is empty"),
    ({"ts_from": "yesterday"}, "not an ISO 8601 date"),
    ({"features": (("mode; x", "edit"),)}, "not a payload field name"),
])
def test_bad_scopes_are_refused(kwargs, words):
    with pytest.raises(HoldError, match=words):
        HoldScope(**kwargs)


def test_bad_query_in_a_scope_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        HoldScope(query="kind = ")


def test_scope_round_trips_through_its_record_form():
    scope = HoldScope(accounts=("a",), ts_from="2026-01-01", ts_to="2026-02-01T10:00:00+02:00",
                      features=(("mode", "edit"),), query="payload.tier in (free)")
    again = HoldScope.from_dict(scope.to_dict())
    assert again == scope or again.to_dict() == scope.to_dict()
    assert again.to_dict()["to"] == "2026-02-01T08:00:00+00:00"
    assert HoldScope.from_dict({"everything": True}).matches(rec(redacted=True))


def test_parse_instant():
    assert parse_instant("2026-03-31", end_of_day=True) == datetime(2026, 4, 1, tzinfo=timezone.utc)
    assert parse_instant("2026-03-31T10:00:00Z") == datetime(2026, 3, 31, 10, tzinfo=timezone.utc)
    assert parse_instant("2026-03-31T10:00:00") == datetime(2026, 3, 31, 10, tzinfo=timezone.utc)


# --------------------------------------------------------------------------- holds as records


@pytest.fixture
def log(tmp_path):
    with AuditLog(tmp_path / "audit.db") as log:
        yield log


def test_create_change_release_are_audit_records_and_the_state_is_their_fold(log):
    log.append_many([("decision", {"account_id": "u-1"}), ("decision", {"account_id": "u-2"})])
    reg = HoldRegistry(log)
    hold = reg.create(HoldScope(accounts=("u-1",)), authority="European Commission", reference="C(2026) 1",
                      reason="preserve AI records", until="2026-12-31", now=NOW)
    assert hold.is_active(NOW) and hold.until == datetime(2027, 1, 1, tzinfo=timezone.utc)
    assert hold.covers(log.get(1)) and not hold.covers(log.get(2))
    changed = reg.change(hold.hold_id, until="2027-06-30", reason="extended by the order of 2 March")
    assert changed.until == datetime(2027, 7, 1, tzinfo=timezone.utc)
    released = reg.release(hold.hold_id, reason="case closed")
    assert released.status(NOW) == "released" and not released.is_active(NOW)
    assert released.release_reason == "case closed"

    kinds = [r["kind"] for r in log.iter_records()]
    assert kinds == ["decision", "decision", HOLD_CREATE, HOLD_CHANGE, HOLD_RELEASE]
    assert released.history == [3, 4, 5]
    change = log.get(4)["payload"]
    assert change["previous_until"] == "2027-01-01T00:00:00+00:00" and change["until"] == "2027-07-01T00:00:00+00:00"
    assert log.verify().ok  # holds are chained like every record

    # A fresh registry on the same log sees the same state: nothing lives outside the log.
    again = HoldRegistry(log).get(hold.hold_id)
    assert again.to_dict(NOW) == released.to_dict(NOW)


def test_expired_hold_is_not_active(log):
    reg = HoldRegistry(log)
    hold = reg.create(HoldScope(everything=True), authority="A", reference="R", reason="r", until="2026-07-01",
                      now=NOW)
    assert hold.status(NOW) == "active"
    assert hold.status(datetime(2026, 7, 2, tzinfo=timezone.utc)) == "expired"
    assert HoldRegistry(log).fold().active(datetime(2026, 7, 2, tzinfo=timezone.utc)) == []


def test_hold_requests_are_validated(log):
    reg = HoldRegistry(log)
    with pytest.raises(HoldError, match="not in the future"):
        reg.create(HoldScope(everything=True), authority="A", reference="R", reason="r", until="2020-01-01")
    with pytest.raises(HoldError, match="non-empty authority"):
        reg.create(HoldScope(everything=True), authority=" ", reference="R", reason="r", until="2099-01-01")
    with pytest.raises(UnknownHoldError):
        reg.release("hold-nope", reason="x")
    hold = reg.create(HoldScope(everything=True), authority="A", reference="R", reason="r", until="2099-01-01")
    reg.release(hold.hold_id, reason="done")
    with pytest.raises(HoldError, match="already released"):
        reg.release(hold.hold_id, reason="again")
    with pytest.raises(HoldError, match="was released"):
        reg.change(hold.hold_id, until="2100-01-01")
    assert log.head()[0] == 2  # refused requests appended nothing


def test_a_redacted_hold_record_makes_the_hold_state_unknowable(log):
    reg = HoldRegistry(log)
    reg.create(HoldScope(everything=True), authority="A", reference="R", reason="r", until="2099-01-01")
    records = list(log.iter_records())
    records[0] = dict(records[0], payload=None, redacted=True)
    with pytest.raises(AuditIntegrityError, match="seq 1"):
        HoldFold().feed(records)


def test_fold_rejects_a_change_of_a_hold_never_created():
    with pytest.raises(AuditIntegrityError, match="never created"):
        HoldFold().feed([rec(seq=5, kind=HOLD_RELEASE, hold_id="hold-x", reason="r")])
