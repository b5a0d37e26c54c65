"""The gate end to end, with the real detectors, and with failing ones."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from rempart.decision.gate import Gate, GateConfig
from rempart.decision.model import Verdict
from rempart.request.model import ScreenRequest
from rempart.signals import kinds
from rempart.signals.base import ImageBox, Signal


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    g = Gate(config=GateConfig(db_path=str(tmp_path_factory.mktemp("gate") / "r.sqlite")))
    yield g
    g.close()


def codes(decision):
    return [r.code for r in decision.reasons]


def test_bikini_edit_of_a_real_persons_photo_is_blocked(gate, person_photo):
    d = gate.screen_request(ScreenRequest(prompt="put her in a bikini", mode="edit", images=[person_photo]))
    assert d.decision is Verdict.block
    assert "REAL_PERSON_SEXUALIZED_EDIT" in codes(d)
    reason = d.reasons[0]
    evidence = [e for s in reason.signals for e in s["evidence"]]
    assert any(e["type"] == "text_span" and e["text"].lower() == "bikini" for e in evidence)
    assert any(e["type"] == "image_box" and e["label"].startswith("FACE") for e in evidence)
    assert d.audit_seq is not None


def test_background_removal_on_the_same_photo_is_allowed(gate, person_photo):
    d = gate.screen_request(ScreenRequest(prompt="remove the background", mode="edit", images=[person_photo]))
    assert d.decision is Verdict.allow, d.reasons
    assert any(s["kind"] == kinds.IMAGE_FACE for s in d.signals)


def test_bikini_edit_of_a_photo_without_a_person_is_allowed(gate, object_photo):
    d = gate.screen_request(ScreenRequest(prompt="put a bikini pattern on the cup", mode="edit", images=[object_photo]))
    assert d.decision is Verdict.allow


def test_timings_cover_every_stage(gate, person_photo):
    d = gate.screen_request(ScreenRequest(prompt="make it sepia", mode="edit", images=[person_photo]))
    assert {"decode", "text", "image", "policy", "audit", "total"} <= set(d.timings_ms)
    assert d.timings_ms["total"] >= d.timings_ms["image"] > 0


def test_audit_sequence_grows_and_records_hold_no_pixels(gate, person_photo):
    a = gate.screen_request(ScreenRequest(prompt="a lighthouse"))
    b = gate.screen_request(ScreenRequest(prompt="make it sepia", mode="edit", images=[person_photo]))
    assert b.audit_seq == a.audit_seq + 1
    record = gate.audit.get(b.audit_seq)
    text = str(record)
    assert len(text) < 20_000
    assert "sha256" in text and "pdq" in text


@pytest.mark.parametrize(
    "blob, code",
    [
        (b"", "IMAGE_EMPTY"),
        (b"this is not an image at all", "IMAGE_UNREADABLE"),
    ],
)
def test_bad_images_fail_closed_with_a_clear_error(gate, blob, code):
    d = gate.screen_request(ScreenRequest(prompt="make it brighter", mode="edit", images=[blob]))
    assert d.decision is Verdict.block
    assert "INPUT_UNSCREENABLE" in codes(d)
    assert d.errors[0]["code"] == code
    assert d.errors[0]["message"]


def test_truncated_image_fails_closed(gate, person_photo):
    d = gate.screen_request(ScreenRequest(prompt="make it brighter", mode="edit", images=[person_photo[:5000]]))
    assert d.decision is Verdict.block
    assert d.errors and d.errors[0]["code"].startswith("IMAGE_")


def test_invalid_utf8_prompt_fails_closed(gate):
    d = gate.screen_request(ScreenRequest(prompt=b"put her in a \xff\xfe bikini"))
    assert d.decision is Verdict.block
    assert d.errors[0]["code"] == "TEXT_INVALID_UTF8"


def test_oversized_prompt_fails_closed(gate):
    d = gate.screen_request(ScreenRequest(prompt="a" * 100_000))
    assert d.decision is Verdict.block
    assert d.errors[0]["code"] == "TEXT_TOO_LONG"


def test_benign_edit_output_is_allowed(gate, person_photo):
    with Image.open(io.BytesIO(person_photo)) as im:
        buf = io.BytesIO()
        im.convert("L").convert("RGB").save(buf, "PNG")
    req = ScreenRequest(prompt="make it black and white", mode="edit", images=[person_photo])
    d = gate.screen_output(req, buf.getvalue())
    assert d.stage == "output"
    assert d.decision is Verdict.allow, d.reasons


class _Raises:
    name = "broken"

    def detect(self, *a, **k):
        raise RuntimeError("model file missing")


class _Slow:
    name = "slow"

    def detect(self, *a, **k):
        time.sleep(1.0)
        return []


class _FakeNude:
    """Returns detector outputs, not pictures: the input shows a clothed person, the output exposed parts."""

    name = "fake_nudenet"

    def detect(self, image, *, role, image_index):
        face = Signal(kinds.IMAGE_FACE, 0.9, self.name, (ImageBox(10, 10, 40, 40, "FACE_FEMALE", 0.9, role=role),))
        if role == "input":
            box = ImageBox(20, 60, 40, 30, "FEMALE_BREAST_COVERED", 0.8, role=role)
            return [face, Signal(kinds.IMAGE_COVERED_INTIMATE, 0.8, self.name, (box,))]
        box = ImageBox(20, 60, 40, 30, "FEMALE_BREAST_EXPOSED", 0.8, role=role)
        return [face, Signal(kinds.IMAGE_EXPOSED, 0.8, self.name, (box,))]


def _gate_with(tmp_path, image_detectors, timeout=5.0):
    return Gate(config=GateConfig(db_path=str(tmp_path / "g.sqlite"), detector_timeout_s=timeout), image_detectors=image_detectors)


def test_detector_that_raises_fails_closed(tmp_path, object_photo):
    with _gate_with(tmp_path, [_Raises()]) as g:
        d = g.screen_request(ScreenRequest(prompt="make it brighter", mode="edit", images=[object_photo]))
    assert d.decision is Verdict.block
    assert d.reasons[0].code == "DETECTOR_FAILURE"
    assert "model file missing" in str(d.reasons[0].signals)


def test_detector_timeout_fails_closed(tmp_path, object_photo):
    with _gate_with(tmp_path, [_Slow()], timeout=0.2) as g:
        d = g.screen_request(ScreenRequest(prompt="make it brighter", mode="edit", images=[object_photo]))
    assert d.decision is Verdict.block
    assert "timed out" in str(d.reasons[0].signals)


def test_clothing_removed_between_input_and_output_blocks(tmp_path, object_photo):
    with _gate_with(tmp_path, [_FakeNude()]) as g:
        req = ScreenRequest(prompt="make it brighter", mode="edit", images=[object_photo])
        assert g.screen_request(req).decision is Verdict.allow
        d = g.screen_output(req, object_photo)
    assert d.decision is Verdict.block
    assert {"REAL_PERSON_UNDRESSED_OUTPUT", "CLOTHING_REDUCTION"} <= set(codes(d))


def test_audit_failure_blocks(tmp_path):
    class BrokenAudit:
        def append(self, *a, **k):
            raise OSError("disk full")

    g = Gate(config=GateConfig(db_path=str(tmp_path / "x.sqlite")), audit=BrokenAudit(), image_detectors=[])
    d = g.screen_request(ScreenRequest(prompt="a lighthouse at dusk"))
    assert d.decision is Verdict.block
    assert d.reasons[0].code == "AUDIT_UNAVAILABLE"


def test_hash_bank_match_blocks_a_reported_image(tmp_path, samples):
    from rempart.request.images import decode_image

    with Gate(config=GateConfig(db_path=str(tmp_path / "h.sqlite"))) as g:
        rocket = (samples / "rocket.jpg").read_bytes()
        g.banks.create_bank("reports", source="victim")
        g.banks.add_image("reports", decode_image(rocket))
        with Image.open(io.BytesIO(rocket)) as im:  # a re-encoded, resized copy still matches by PDQ
            buf = io.BytesIO()
            im.resize((im.width // 2, im.height // 2)).save(buf, "JPEG", quality=70)
        d = g.screen_request(ScreenRequest(prompt="add a sunset", mode="edit", images=[buf.getvalue()]))
    assert d.decision is Verdict.block
    assert "KNOWN_ABUSIVE_IMAGE" in codes(d)
