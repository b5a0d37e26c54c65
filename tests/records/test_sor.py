"""Statements of reasons: valid against the Transparency Database schema for every reason code,
no personal data, stable and unique puids, and the schema's own rules."""

from __future__ import annotations

import copy
import io
import json

import pytest

from rempart.audit.log import AuditLog
from rempart.records import sor
from rempart.records.sor import (
    SorBuilder, SorConfig, SorConfigError, SorError, TECHNICAL_CODES, export_statements, make_puid,
    parse_territory, validate_statement,
)

from .helpers import (
    ACCOUNT, IMAGE_MD5, IMAGE_PDQ, IMAGE_SHA, PROMPT_SHA, REQUEST, Clock, decision_payload, default_rules, reason,
)

SECRET = b"operator-secret-0123456789"


@pytest.fixture()
def builder() -> SorBuilder:
    return SorBuilder(SorConfig(secret=SECRET, bank_sources={"reports": "victim", "csam": "ncmec",
                                                             "flagged": "trusted_flagger"}))


@pytest.fixture()
def log():
    with AuditLog(":memory:", clock=Clock()) as log:
        yield log


def build(builder, log, payload):
    return builder.build(log.get(log.append("decision", payload)))


def test_every_content_reason_code_of_the_default_policy_yields_a_valid_statement(builder, log):
    rules = default_rules()
    assert len(rules) >= 10
    seen = set()
    for rule in rules:
        for stage in ("request", "output"):
            payload = decision_payload([reason(rule["code"], rule["id"], message=rule["message"])], stage=stage,
                                       banks=("reports",) if rule["code"] == "KNOWN_ABUSIVE_IMAGE" else ())
            result = build(builder, log, payload)
            if rule["code"] in TECHNICAL_CODES:
                assert result.statement is None and "technical" in result.skipped
                continue
            st = result.statement
            assert st is not None, rule
            assert validate_statement(st) == []
            assert st["automated_detection"] == "Yes" and st["automated_decision"] == "AUTOMATED_DECISION_FULLY"
            assert rule["id"] in st["incompatible_content_ground"]
            seen.add(rule["code"])
    assert {"MINOR_SEXUALIZED", "REAL_PERSON_SEXUALIZED_EDIT", "KNOWN_ABUSIVE_IMAGE"} <= seen


@pytest.mark.parametrize("code, category, keyword", [
    ("MINOR_SEXUALIZED", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE"),
    ("REAL_PERSON_SEXUALIZED_EDIT", "STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"),
    ("REAL_PERSON_UNDRESSED_OUTPUT", "STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"),
    ("EXPLICIT_CONTENT", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_ADULT_SEXUAL_MATERIAL"),
])
def test_categories_and_keywords(builder, log, code, category, keyword):
    st = build(builder, log, decision_payload([reason(code)])).statement
    assert st["category"] == category
    assert st["category_specification"] == [keyword]
    assert st["source_type"] == "SOURCE_VOLUNTARY" and "source_identity" not in st


def test_minor_reason_wins_and_drops_keywords_that_exclude_minors(builder, log):
    st = build(builder, log, decision_payload([reason("REAL_PERSON_SEXUALIZED_EDIT"),
                                               reason("MINOR_SEXUALIZED")])).statement
    assert st["category"] == "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"
    assert st["category_addition"] == ["STATEMENT_CATEGORY_CYBER_VIOLENCE"]
    assert st["category_specification"] == ["KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE"]
    assert st["incompatible_content_illegal"] == "Yes"


def test_restriction_type_and_content_type_follow_the_stage(builder, log):
    req = build(builder, log, decision_payload([reason("EXPLICIT_CONTENT")], mode="generate")).statement
    assert req["decision_visibility"] == ["DECISION_VISIBILITY_OTHER"] and req["decision_visibility_other"]
    assert req["content_type"] == ["CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT"]
    edit = build(builder, log, decision_payload([reason("EXPLICIT_CONTENT")], mode="edit")).statement
    assert "CONTENT_TYPE_IMAGE" in edit["content_type"]
    out = build(builder, log, decision_payload([reason("CLOTHING_REDUCTION")], stage="output")).statement
    assert out["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
    assert "decision_visibility_other" not in out


@pytest.mark.parametrize("bank, source_type, category", [
    ("reports", "SOURCE_ARTICLE_16", "STATEMENT_CATEGORY_CYBER_VIOLENCE"),
    ("csam", "SOURCE_TYPE_OTHER_NOTIFICATION", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"),
    ("flagged", "SOURCE_TRUSTED_FLAGGER", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"),
    ("unknown-bank", "SOURCE_VOLUNTARY", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"),
])
def test_hash_bank_matches_name_the_notice_source(builder, log, bank, source_type, category):
    st = build(builder, log, decision_payload([reason("KNOWN_ABUSIVE_IMAGE", "known-abusive-image")],
                                              banks=(bank,))).statement
    assert st["source_type"] == source_type and st["category"] == category
    if "KEYWORD_OTHER" in st["category_specification"]:
        assert st["category_specification_other"]
    assert validate_statement(st) == []


def test_no_personal_data_reaches_the_statement(builder, log):
    for code in ("REAL_PERSON_SEXUALIZED_EDIT", "KNOWN_ABUSIVE_IMAGE", "MINOR_SEXUALIZED"):
        payload = decision_payload([reason(code, signal_kinds=("text.undress", "image.face"))], banks=("reports",))
        text = json.dumps(build(builder, log, payload).statement)
        for secret in (ACCOUNT, REQUEST, PROMPT_SHA, IMAGE_SHA, IMAGE_MD5, IMAGE_PDQ, "sess-42-abc",
                       "secret-prompt-words"):
            assert secret not in text
        assert "a face in an image" in text  # the signal kind is described, its evidence is not


def test_the_guard_refuses_a_statement_that_would_leak(builder, log):
    # A custom policy message that quotes the account id must not slip into a public database.
    payload = decision_payload([reason("EXPLICIT_CONTENT", message=f"Blocked for {ACCOUNT}.")])
    with pytest.raises(SorError, match="personal data"):
        build(builder, log, payload)


def test_puids_are_unique_stable_and_keyed(log):
    a = SorBuilder(SorConfig(secret=SECRET))
    seqs = [log.append("decision", decision_payload([reason("EXPLICIT_CONTENT")])) for _ in range(50)]
    puids = [a.build(log.get(s)).statement["puid"] for s in seqs]
    assert len(set(puids)) == 50
    again = SorBuilder(SorConfig(secret=SECRET))
    assert [again.build(log.get(s)).statement["puid"] for s in seqs] == puids  # re-export: same puids
    other = SorBuilder(SorConfig(secret=b"another-secret-abcdefgh"))
    assert other.build(log.get(seqs[0])).statement["puid"] != puids[0]
    assert make_puid(SECRET, "ns-a", 1) != make_puid(SECRET, "ns-b", 1)
    for p in puids:
        assert len(p) <= 500 and all(c.isalnum() or c in "-_" for c in p)


def test_non_blocks_and_technical_blocks_are_skipped(builder, log):
    assert build(builder, log, decision_payload([reason("SUGGESTIVE_REVIEW", decision="review")],
                                                verdict="review")).skipped.startswith("verdict")
    assert build(builder, log, decision_payload([], verdict="allow")).statement is None
    r = build(builder, log, decision_payload([reason("DETECTOR_FAILURE")]))
    assert r.statement is None and "technical" in r.skipped
    seq = log.append("review.outcome", {"seq": 1, "upheld": True})
    assert builder.build(log.get(seq)).skipped == "not a decision record"


def test_illegal_ground_when_the_operator_assessed_it(log):
    b = SorBuilder(SorConfig(secret=SECRET, legal_grounds={
        "MINOR_SEXUALIZED": ("Directive 2011/93/EU, Art. 5", "Sexualised depiction of a minor.")}))
    st = b.build(log.get(log.append("decision", decision_payload([reason("MINOR_SEXUALIZED")])))).statement
    assert st["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert st["illegal_content_legal_ground"].startswith("Directive")
    assert "incompatible_content_ground" not in st and validate_statement(st) == []


def test_dates_are_the_decision_day_in_utc():
    clock = Clock("2026-05-31T23:30:00")
    with AuditLog(":memory:", clock=clock) as log:
        st = SorBuilder(SorConfig(secret=SECRET)).build(
            log.get(log.append("decision", decision_payload([reason("EXPLICIT_CONTENT")])))).statement
    assert st["content_date"] == st["application_date"] == "2026-05-31"


# ---------------------------------------------------------------- the schema's own rules


@pytest.fixture()
def valid(builder, log) -> dict:
    return build(builder, log, decision_payload([reason("REAL_PERSON_SEXUALIZED_EDIT")])).statement


@pytest.mark.parametrize("mutate, field", [
    (lambda s: s.pop("decision_visibility_other"), "decision_visibility_other"),  # required with OTHER
    (lambda s: s.update(category="STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT"), "category"),  # v1 only
    (lambda s: s.update(category_specification=["KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE"]), "category_specification"),
    (lambda s: s.update(automated_decision="Yes"), "automated_decision"),
    (lambda s: s.update(automated_detection=True), "automated_detection"),
    (lambda s: s.update(puid="has space"), "puid"),
    (lambda s: s.update(puid="x" * 501), "puid"),
    (lambda s: s.update(territorial_scope=["US"]), "territorial_scope"),
    (lambda s: s.update(content_date="2026-13-01"), "content_date"),
    (lambda s: s.update(application_date="2019-12-31"), "application_date"),
    (lambda s: s.update(content_date="1999-12-31"), "content_date"),
    (lambda s: s.pop("incompatible_content_explanation"), "incompatible_content_explanation"),
    (lambda s: s.update(decision_ground="DECISION_GROUND_ILLEGAL_CONTENT"), "illegal_content_legal_ground"),
    (lambda s: s.update(content_type=["CONTENT_TYPE_OTHER"]), "content_type_other"),
    (lambda s: s.update(decision_facts="x" * 5001), "decision_facts"),
    (lambda s: s.update(account_id="u-1"), "account_id"),  # nothing outside the documented fields
    (lambda s: s.update(source_type="SOURCE_VICTIM"), "source_type"),
    (lambda s: s.update(end_date_visibility_restriction="2020-01-01"), "end_date_visibility_restriction"),
    (lambda s: [s.pop("decision_visibility"), s.pop("decision_visibility_other")], "<statement>"),
])
def test_schema_rejects(valid, mutate, field):
    st = copy.deepcopy(valid)
    mutate(st)
    errors = validate_statement(st)
    assert errors and any(field in e for e in errors), errors


def test_schema_accepts_the_other_restriction_types(valid):
    st = copy.deepcopy(valid)
    del st["decision_visibility"], st["decision_visibility_other"]
    st["decision_account"] = "DECISION_ACCOUNT_SUSPENDED"
    st["end_date_account_restriction"] = "2030-01-01"
    assert validate_statement(st) == []


def test_the_schema_enumerations_match_the_documented_v2_lists():
    assert len(sor.schema_enum("category")) == 16
    assert "STATEMENT_CATEGORY_CYBER_VIOLENCE" in sor.schema_enum("category")
    assert "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE" in sor.schema_enum("category_specification")
    assert set(sor.schema_enum("automated_decision")) == {
        "AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"}
    assert set(sor.schema_enum("source_type")) == {
        "SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"}
    for m in list(sor.REASON_MAPPINGS.values()) + [p.mapping for p in sor.BANK_PROFILES.values()]:
        assert m.category in sor.schema_enum("category")
        assert set(m.keywords) <= set(sor.schema_enum("category_specification"))


def test_config_checks():
    with pytest.raises(SorConfigError):
        SorConfig(secret=b"short")
    with pytest.raises(SorConfigError):
        parse_territory("EU,US")
    assert parse_territory("eea")[-1] == "NO" and parse_territory("de, fr") == ("DE", "FR")


def test_export_writes_valid_lines_and_counts_skips(builder, log):
    for code in ("EXPLICIT_CONTENT", "DETECTOR_FAILURE", "MINOR_SEXUALIZED"):
        log.append("decision", decision_payload([reason(code)]))
    log.append("decision", decision_payload([reason("EXPLICIT_CONTENT", message=f"about {ACCOUNT}")]))
    out = io.StringIO()
    summary = export_statements(log.iter_records(), builder, out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert summary.written == len(lines) == 2 and all(validate_statement(x) == [] for x in lines)
    assert sum(summary.skipped.values()) == 1 and list(summary.refused) == [4]
