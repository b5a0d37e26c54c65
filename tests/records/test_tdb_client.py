"""The submission client against a local server implementing the documented endpoints."""

from __future__ import annotations

import pytest

from rempart.audit.log import AuditLog
from rempart.records.sor import SorBuilder, SorConfig
from rempart.records.tdb_client import TdbAuthError, TdbClient

from .fake_tdb import FakeTdb
from .helpers import Clock, decision_payload, reason


@pytest.fixture(scope="module")
def statements() -> list[dict]:
    builder = SorBuilder(SorConfig(secret=b"client-test-secret-0123"))
    codes = ["REAL_PERSON_SEXUALIZED_EDIT", "MINOR_SEXUALIZED", "EXPLICIT_CONTENT", "CLOTHING_REDUCTION"]
    with AuditLog(":memory:", clock=Clock()) as log:
        seqs = log.append_many([("decision", decision_payload([reason(codes[i % 4])])) for i in range(250)])
        return [builder.build(log.get(s)).statement for s in seqs]


@pytest.fixture()
def server():
    s = FakeTdb()
    yield s
    s.close()


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(server: FakeTdb, **kw) -> TdbClient:
    kw.setdefault("sleep", Sleeps())
    return TdbClient(server.base_url, server.token, **kw)


def test_250_statements_go_in_three_calls_of_at_most_100(server, statements):
    report = client(server).submit(statements)
    assert server.create_calls == [100, 100, 50]
    assert report.ok and len(report.created) == 250 and report.create_calls == 3
    assert set(server.store) == {s["puid"] for s in statements}


def test_a_single_statement_uses_the_single_endpoint(server, statements):
    report = client(server).submit(statements[:1])
    assert report.ok and report.created == [statements[0]["puid"]] and server.create_calls == [1]


def test_5xx_and_429_are_retried_with_backoff(server, statements):
    server.plan = [("status", 503), ("status", 429)]
    server.retry_after = "7"
    sleeps = Sleeps()
    report = client(server, sleep=sleeps).submit(statements[:100])
    assert report.ok and len(report.created) == 100
    assert server.create_calls == [100, 100, 100]
    assert len(sleeps) == 2 and max(sleeps) >= 7  # Retry-After honoured
    assert len(server.store) == 100


def test_failure_after_commit_mid_run_creates_no_duplicates(server, statements):
    # Batch 2 is stored, but the answer is lost (502): the client must look the puids up, not re-send.
    server.plan = [None, ("commit_then", 502)]
    report = client(server).submit(statements)
    assert report.ok
    assert server.duplicate_rejections == 0 and len(server.store) == 250
    assert len(report.created) == 150 and len(report.already_present) == 100
    assert set(report.created) | set(report.already_present) == {s["puid"] for s in statements}
    assert server.create_calls == [100, 100, 50] and server.lookups == 100


def test_partial_commit_resends_only_the_missing_part(server, statements):
    server.plan = [("commit_first", 40, 500)]
    report = client(server).submit(statements[:100])
    assert report.ok and len(server.store) == 100 and server.duplicate_rejections == 0
    assert server.create_calls == [100, 60]
    assert len(report.already_present) == 40 and len(report.created) == 60


def test_when_lookups_lag_duplicates_are_resolved_one_by_one(server, statements):
    # The lookup may not show a statement for a day: the batch re-send then hits the puid check,
    # and the client falls back to single statements, whose 422 names the existing one.
    server.lookup_lag = True
    server.plan = [("commit_first", 3, 502)]
    report = client(server).submit(statements[:10])
    assert report.ok and len(server.store) == 10
    assert sorted(report.already_present) == sorted(s["puid"] for s in statements[:3])
    assert len(report.created) == 7


def test_a_timeout_after_the_server_stored_the_batch_is_idempotent(server, statements):
    server.plan = [("slow", 0.6)]
    report = client(server, timeout_s=0.2).submit(statements[:5])
    assert report.ok and len(server.store) == 5 and server.duplicate_rejections == 0
    assert len(report.already_present) == 5


def test_per_item_errors_reject_those_items_and_send_the_rest(server, statements):
    batch = [dict(s) for s in statements[:20]]
    batch[3]["category"] = "STATEMENT_CATEGORY_NOT_A_CATEGORY"
    batch[11]["puid"] = "bad puid with spaces"
    report = client(server).submit(batch)
    assert not report.ok
    assert set(report.rejected) == {batch[3]["puid"], batch[11]["puid"]}
    assert "category" in report.rejected[batch[3]["puid"]]
    assert len(report.created) == 18 and len(server.store) == 18 and server.create_calls == [20, 18]


def test_retries_run_out_and_are_reported(server, statements):
    server.plan = [("status", 500)] * 10
    report = client(server, max_attempts=3).submit(statements[:4])
    assert not report.ok and len(report.failed) == 4 and "3 attempts" in next(iter(report.failed.values()))
    assert server.create_calls == [4, 4, 4] and not server.store


def test_a_bad_token_stops_at_once(server, statements):
    with pytest.raises(TdbAuthError):
        TdbClient(server.base_url, "X|wrong", sleep=Sleeps()).submit(statements[:3])
    assert not server.store


def test_lookup_endpoint(server, statements):
    c = client(server)
    assert c.exists(statements[0]["puid"]) is False
    c.submit(statements[:1])
    assert c.exists(statements[0]["puid"]) is True
