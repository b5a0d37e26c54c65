import pytest

from rempart.decision.model import Verdict
from rempart.errors import PolicyError
from rempart.policy.engine import Policy
from rempart.signals import kinds
from rempart.signals.base import ImageBox, Signal, TextSpan

FACE_IN = Signal(kinds.IMAGE_FACE, 0.8, "nudenet", (ImageBox(10, 10, 50, 50, "FACE_FEMALE", 0.8, role="input"),))
FACE_OUT = Signal(kinds.IMAGE_FACE, 0.8, "nudenet", (ImageBox(10, 10, 50, 50, "FACE_FEMALE", 0.8, role="output"),))


def text(kind, score=0.9, span="x"):
    return Signal(kind, score, "text", (TextSpan(0, len(span), span),))


def decide(signals, mode="generate", tier="anonymous", stage="request", policy=None):
    return (policy or Policy.default()).evaluate(signals, mode=mode, tier=tier, stage=stage)


@pytest.mark.parametrize("kind", [kinds.TEXT_UNDRESS, kinds.TEXT_SWIMWEAR, kinds.TEXT_UNDERWEAR, kinds.TEXT_NUDITY, kinds.TEXT_SEXUAL])
def test_real_person_edit_with_any_sexualizing_intent_blocks(kind):
    ev = decide([FACE_IN, text(kind)], mode="edit")
    assert ev.verdict is Verdict.block
    assert "REAL_PERSON_SEXUALIZED_EDIT" in [r.code for r in ev.reasons]
    reason = next(r for r in ev.reasons if r.code == "REAL_PERSON_SEXUALIZED_EDIT")
    assert {s["kind"] for s in reason.signals} == {kinds.IMAGE_FACE, kind}


def test_bikini_on_fictional_generation_is_allowed_but_edit_of_real_person_is_not():
    assert decide([text(kinds.TEXT_SWIMWEAR)], mode="generate").verdict is Verdict.allow
    assert decide([text(kinds.TEXT_SWIMWEAR)], mode="edit").verdict is Verdict.allow  # no person in the photo
    assert decide([FACE_IN, text(kinds.TEXT_SWIMWEAR)], mode="edit").verdict is Verdict.block


def test_face_only_in_output_does_not_count_as_real_person_input():
    assert decide([FACE_OUT, text(kinds.TEXT_SWIMWEAR)], mode="edit").verdict is Verdict.allow


@pytest.mark.parametrize("minor_kind", [kinds.TEXT_MINOR, kinds.IMAGE_MINOR])
@pytest.mark.parametrize("sexual_kind", [kinds.TEXT_NUDITY, kinds.TEXT_UNDERWEAR, kinds.IMAGE_EXPOSED, kinds.OUTPUT_CLOTHING_REDUCTION])
def test_minor_with_any_sexual_signal_blocks_even_for_verified_adults(minor_kind, sexual_kind):
    pol = Policy.default_with({"explicit_for_verified_adults": True})
    ev = decide([text(minor_kind), text(sexual_kind)], tier="verified_adult", policy=pol)
    assert ev.verdict is Verdict.block
    assert ev.reasons[0].code == "MINOR_SEXUALIZED"


def test_minor_alone_is_allowed():
    assert decide([text(kinds.TEXT_MINOR)]).verdict is Verdict.allow


def test_named_real_person_sexual_depiction_blocks():
    ev = decide([text(kinds.TEXT_REAL_PERSON, span="Jane Doe"), text(kinds.TEXT_UNDERWEAR)])
    assert ev.verdict is Verdict.block
    assert "REAL_PERSON_SEXUAL_DEPICTION" in [r.code for r in ev.reasons]


@pytest.mark.parametrize("tier", ["anonymous", "verified_adult"])
def test_a_lone_given_name_in_a_revealing_request_goes_to_review(tier):
    ev = decide([text(kinds.TEXT_NAMED_INDIVIDUAL, 0.6, "Anna"), text(kinds.TEXT_SWIMWEAR)], tier=tier)
    assert ev.verdict is Verdict.review
    assert [r.code for r in ev.reasons] == ["NAMED_INDIVIDUAL_REVIEW"]
    # the name alone, or swimwear alone, is an ordinary request
    assert decide([text(kinds.TEXT_NAMED_INDIVIDUAL, 0.6, "Anna")], tier=tier).verdict is Verdict.allow
    assert decide([text(kinds.TEXT_SWIMWEAR)], tier=tier).verdict is Verdict.allow


def test_explicit_content_needs_verified_adult_and_operator_opt_in():
    nude = [text(kinds.TEXT_NUDITY)]
    assert decide(nude, tier="verified_adult").verdict is Verdict.block  # operator has not opted in
    opted = Policy.default_with({"explicit_for_verified_adults": True})
    assert decide(nude, tier="verified_adult", policy=opted).verdict is Verdict.allow
    assert decide(nude, tier="subscriber", policy=opted).verdict is Verdict.block


def test_verified_adult_opt_in_never_covers_real_person_edits():
    opted = Policy.default_with({"explicit_for_verified_adults": True})
    ev = decide([FACE_IN, text(kinds.TEXT_NUDITY)], mode="edit", tier="verified_adult", policy=opted)
    assert ev.verdict is Verdict.block


def test_output_clothing_reduction_blocks():
    red = Signal(kinds.OUTPUT_CLOTHING_REDUCTION, 0.9, "compare")
    ev = decide([FACE_IN, red], mode="edit", stage="output")
    assert ev.verdict is Verdict.block
    assert {"REAL_PERSON_UNDRESSED_OUTPUT", "CLOTHING_REDUCTION"} <= {r.code for r in ev.reasons}


def test_detector_error_fails_closed_with_a_reason():
    err = Signal(kinds.DETECTOR_ERROR, 1.0, "nudenet")
    ev = decide([err])
    assert ev.verdict is Verdict.block
    assert ev.reasons[0].code == "DETECTOR_FAILURE"


def test_engine_fails_closed_even_when_the_policy_forgets_errors(tmp_path):
    lax = Policy.from_yaml("name: lax\nrules:\n  - {id: r, code: NOPE, decision: review, when: {signal: text.nudity}}\n")
    ev = lax.evaluate([Signal(kinds.INPUT_INVALID, 1.0, "gate")], mode="generate", tier="free", stage="request")
    assert ev.verdict is Verdict.block
    assert ev.reasons[-1].code == "FAIL_CLOSED"


def test_strictest_decision_wins_and_block_reasons_come_first():
    ev = decide([text(kinds.TEXT_UNDERWEAR), text(kinds.TEXT_NUDITY)])
    assert ev.verdict is Verdict.block
    assert [r.decision for r in ev.reasons] == sorted((r.decision for r in ev.reasons), key=lambda v: -v.severity)


def test_underwear_generation_goes_to_review():
    assert decide([text(kinds.TEXT_UNDERWEAR)]).verdict is Verdict.review


def test_min_score_threshold_is_respected():
    weak_face = Signal(kinds.IMAGE_FACE, 0.2, "nudenet", (ImageBox(1, 1, 5, 5, "FACE_MALE", 0.2, role="input"),))
    assert decide([weak_face, text(kinds.TEXT_SWIMWEAR)], mode="edit").verdict is Verdict.allow


@pytest.mark.parametrize(
    "doc, where",
    [
        ("- just a list", "<top>"),
        ("name: x\nrules: []", "rules"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: maybe, when: {mode: edit}}", "rules[0].decision"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: block, when: {signal: text.nudez}}", "rules[0].when.signal"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: block, when: {all: [{mode: edit}, {tier: king}]}}", "rules[0].when.all[1].tier"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: block, when: {option: nope}}", "rules[0].when.option"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: block, when: {signal: text.nudity, min_score: 3}}", "rules[0].when.min_score"),
        ("name: x\nrules:\n  - {id: a, code: A, decision: block, when: {mode: edit}}\n  - {id: a, code: B, decision: block, when: {mode: edit}}", "rules[1].id"),
        ("name: x\nrules:\n  - {id: a, decision: block, when: {mode: edit}}", "rules[0]"),
        ("name: x\nbogus: 1\nrules:\n  - {id: a, code: A, decision: block, when: {mode: edit}}", "<top>"),
        ("name: x\nrules: [\n", "not valid YAML"),
    ],
)
def test_invalid_policies_are_clear_errors_naming_the_place(doc, where):
    with pytest.raises(PolicyError) as exc:
        Policy.from_yaml(doc, source="p.yaml")
    assert where in str(exc.value)
    assert "p.yaml" in str(exc.value)


def test_unknown_option_override_is_rejected():
    with pytest.raises(PolicyError, match="unknown option"):
        Policy.default_with({"let_everything_through": True})


def test_missing_policy_file_is_a_policy_error(tmp_path):
    with pytest.raises(PolicyError, match="not found"):
        Policy.from_file(tmp_path / "nope.yaml")


def test_operator_policy_from_file(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\nrules:\n  - {id: no-hats, code: NO_HATS, decision: review, when: {signal: text.swimwear}}\n")
    pol = Policy.from_file(f)
    assert pol.label.startswith("mine@")
    assert pol.evaluate([text(kinds.TEXT_SWIMWEAR)], mode="generate", tier="free", stage="request").verdict is Verdict.review
