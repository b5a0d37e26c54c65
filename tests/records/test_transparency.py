"""Transparency-report counts on a synthetic audit log built with AuditLog.append."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from rempart.audit.log import AuditLog
from rempart.records.sor import ReasonClassifier
from rempart.records.transparency import CSV_COLUMNS, build_report, to_html

from .helpers import Clock, decision_payload, reason


@pytest.fixture()
def report():
    clock = Clock("2026-02-27T10:00:00")
    with AuditLog(":memory:", clock=clock) as log:
        # Before the period: counted nowhere.
        log.append("decision", decision_payload([reason("EXPLICIT_CONTENT")]))
        clock.set("2026-03-01T08:00:00")
        s_edit = log.append_many([("decision", decision_payload([reason("REAL_PERSON_SEXUALIZED_EDIT")]))] * 3)
        s_minor = log.append("decision", decision_payload([reason("MINOR_SEXUALIZED")]))
        s_out = log.append("decision", decision_payload([reason("CLOTHING_REDUCTION")], stage="output"))
        log.append("decision", decision_payload([reason("DETECTOR_FAILURE")]))
        log.append_many([("decision", decision_payload([], verdict="allow"))] * 4)
        s_bank = log.append("decision", decision_payload([reason("KNOWN_ABUSIVE_IMAGE")], banks=("reports",)))
        s_rev = log.append("decision", decision_payload([reason("SUGGESTIVE_REVIEW", decision="review")],
                                                        verdict="review"))
        # Notices: received in the period, handled 2 h, 4 h and 10 h later; one still open.
        for nid, source in (("n1", "victim"), ("n2", "victim"), ("n3", "trusted_flagger"), ("n4", "victim")):
            log.append("notice.received", {"notice_id": nid, "source": source,
                                           "category": "STATEMENT_CATEGORY_CYBER_VIOLENCE"})
        clock.advance(hours=2)
        log.append("notice.resolved", {"notice_id": "n1", "action": "actioned"})
        clock.advance(hours=2)
        log.append("notice.resolved", {"notice_id": "n3", "action": "actioned"})
        clock.advance(hours=6)
        log.append("notice.resolved", {"notice_id": "n2", "action": "rejected"})
        # Human review, after the period ends: still counts for decisions inside it.
        clock.set("2026-04-02T12:00:00")
        log.append("review.outcome", {"seq": s_edit[0], "upheld": True})
        log.append("review.outcome", {"seq": s_edit[1], "upheld": False})
        log.append("review.outcome", {"seq": s_minor, "upheld": True})
        log.append("review.outcome", {"seq": s_edit[1], "upheld": True})  # re-review: latest wins
        log.append("review.outcome", {"seq": s_out, "upheld": False})
        log.append("review.outcome", {"seq": s_rev, "upheld": True})
        # After the period.
        clock.set("2026-04-01T00:00:01")
        log.append("decision", decision_payload([reason("MINOR_SEXUALIZED")]))
        seen = []
        rep = build_report(log.iter_records(), date(2026, 3, 1), date(2026, 3, 31),
                           ReasonClassifier({"reports": "victim"}), on_record=seen.append)
        assert len(seen) == log.head()[0]
        return rep


def test_own_initiative_actions_by_category_and_restriction(report):
    assert report.value("own_initiative_actions") == 5  # 3 edits + minor + output; the bank match is a notice
    assert report.value("own_initiative_actions", "category", "STATEMENT_CATEGORY_CYBER_VIOLENCE") == 3
    assert report.value("own_initiative_actions", "category", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS") == 1
    assert report.value("own_initiative_actions", "category", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC") == 1
    restrictions = dict(report.series("own_initiative_actions", "restriction"))
    assert restrictions["DECISION_VISIBILITY_OTHER (generation request refused)"] == 4
    assert restrictions["DECISION_VISIBILITY_CONTENT_REMOVED (generated result removed)"] == 1
    assert report.value("fail_closed_blocks_not_content_moderation") == 1
    assert report.value("gate_decisions", "stage_verdict", "request:allow") == 4
    assert report.value("actions_on_notice_based_hash_matches", "source_type", "SOURCE_ARTICLE_16") == 1


def test_automated_means_and_accuracy_from_reviews(report):
    assert report.value("decisions_by_automated_means") == 12
    assert report.value("restrictions_fully_automated") == 6
    assert report.value("automated_restrictions_reviewed") == 4
    assert report.value("automated_restrictions_upheld") == 3  # edit0, edit1 (re-reviewed), minor
    assert report.value("accuracy_upheld_rate") == 0.75 and report.value("error_rate_overturned") == 0.25
    assert report.value("accuracy_upheld_rate", "category", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC") == 0.0
    assert report.value("sent_to_human_review") == 1 and report.value("human_review_restricted") == 1


def test_notices_and_median_handling_time(report):
    assert report.value("notices_received") == 4
    assert report.value("notices_received", "source", "victim") == 3
    assert report.value("notices_by_outcome", "action", "unresolved") == 1
    assert report.value("notices_by_outcome", "action", "actioned") == 2
    assert report.value("median_notice_handling_hours") == 4.0  # 2, 4, 10
    assert report.value("median_notice_handling_hours", "source", "victim") == 6.0  # 2, 10


def test_csv_is_tidy_and_html_is_self_contained(report):
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert tuple(rows[0]) == CSV_COLUMNS and all(len(r) == 5 for r in rows) and len(rows) > 20
    page = to_html(report)
    assert page.count("<svg") >= 5
    assert not re.search(r"<script|\bsrc=|\bhref=|@import|url\(", page, re.I)
    assert "STATEMENT_CATEGORY_CYBER_VIOLENCE" in page


def test_an_empty_period_reports_zeros_not_errors():
    with AuditLog(":memory:") as log:
        rep = build_report(log.iter_records(), date(2026, 1, 1), date(2026, 1, 31))
    assert rep.value("own_initiative_actions") == 0 and rep.value("accuracy_upheld_rate") == "n/a"
    assert "no data in this period" in to_html(rep)
