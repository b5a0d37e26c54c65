"""Per-person before/after comparison on DRAWN figures (a skin-tone head and arms, a blue shirt)
with fake detector boxes; nothing here is a photograph of a person."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from rempart.request.images import decode_image
from rempart.signals import kinds
from rempart.signals.base import Signal
from rempart.signals.image.compare import align, compare_images_per_person, compare_people, face_similarity
from rempart.signals.image.nudenet import RawDetection, signals_from_detections

SKIN = (224, 172, 140)
SHIRT = (40, 60, 170)
FACE_BOX = (170, 50, 60, 70)


def figure(shirt=SHIRT, background=(110, 140, 110), size=(400, 600)) -> np.ndarray:
    im = Image.new("RGB", size, background)
    d = ImageDraw.Draw(im)
    fx, fy, fw, fh = FACE_BOX
    d.ellipse((fx, fy, fx + fw, fy + fh), fill=SKIN)
    d.ellipse((fx + 14, fy + 22, fx + 22, fy + 30), fill=(30, 30, 30))  # eyes, mouth: a face pattern
    d.ellipse((fx + 38, fy + 22, fx + 46, fy + 30), fill=(30, 30, 30))
    d.rectangle((fx + 18, fy + 50, fx + 42, fy + 55), fill=(120, 40, 40))
    d.rectangle((140, 130, 260, 420), fill=shirt)  # torso
    d.rectangle((110, 130, 138, 350), fill=SKIN)  # arms
    d.rectangle((262, 130, 290, 350), fill=SKIN)
    d.rectangle((150, 420, 250, 580), fill=(50, 50, 50))  # trousers
    return np.asarray(im)


def face(scale=1.0, score=0.8):
    x, y, w, h = FACE_BOX
    return RawDetection("FACE_FEMALE", score, int(x * scale), int(y * scale), int(w * scale), int(h * scale), "frame0",
                        int(400 * scale), int(600 * scale))


def part(label, score, box=(150, 150, 100, 80)):
    return RawDetection(label, score, *box, "frame0", 400, 600)


def test_shirt_turned_to_skin_is_clothing_reduction_with_same_face():
    before, after = figure(), figure(shirt=SKIN)
    sigs = compare_people(before, [face()], after, [face()])
    assert len(sigs) == 1
    s = sigs[0]
    assert s.kind == kinds.OUTPUT_CLOTHING_REDUCTION and s.score >= 0.5
    p = s.detail["persons"][0]
    assert "skin_area_grew" in p["reasons"] and "same_face_body_changed" in p["reasons"]
    assert p["skin_after"] - p["skin_before"] > 0.2
    assert s.evidence[0].label == "PERSON_REGION" and s.evidence[0].role == "output"
    assert s.detail["alignment"] == "scale"


def test_benign_edits_give_nothing():
    before = figure()
    assert compare_people(before, [face()], before, [face()]) == []
    # "make the background blue"
    assert compare_people(before, [face()], figure(background=(60, 90, 200)), [face()]) == []
    # "make the shirt red": a colour change that is not skin
    assert compare_people(before, [face()], figure(shirt=(170, 30, 30)), [face()]) == []
    # "make it warmer": a global tint reaching skin colours in the background too
    warm = figure(background=(215, 165, 135))
    out = compare_people(before, [face()], warm, [face()])
    assert out == [] or out[0].score < 0.5


def test_resized_output_is_aligned_by_scale():
    before = figure()
    after = np.asarray(Image.fromarray(figure(shirt=SKIN)).resize((800, 1200)))
    sigs = compare_people(before, [face()], after, [face(scale=2.0)])
    assert sigs and sigs[0].detail["persons"][0]["output_box"][2] > 300


def test_covered_to_exposed_inside_a_person():
    before = [face(), part("FEMALE_BREAST_COVERED", 0.7)]
    after = [face(), part("FEMALE_BREAST_EXPOSED", 0.8)]
    px = figure()
    s = compare_people(px, before, px, after)[0]
    reasons = s.detail["persons"][0]["reasons"]
    assert "FEMALE_BREAST_COVERED->FEMALE_BREAST_EXPOSED" in reasons
    assert any(b.label == "FEMALE_BREAST_EXPOSED" for b in s.evidence)
    assert s.score >= 0.8


def test_no_person_no_signal_and_alignment_methods():
    px = figure()
    assert compare_people(px, [], figure(shirt=SKIN), []) == []
    assert align(px, px).method == "scale"
    assert align(px, np.zeros((600, 900, 3), np.uint8)).method in ("orb_affine", "stretch")
    assert face_similarity(px, FACE_BOX, px, FACE_BOX) == pytest.approx(1.0)
    assert face_similarity(px, FACE_BOX, figure(), (0, 0, 60, 70)) < 0.6


def png(px: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "PNG")
    return buf.getvalue()


class FakeFaceDetector:
    """Stands in for the nudity detector: a face at FACE_BOX on every image, nothing else."""

    name = "fake_faces"

    def analyse(self, image):
        return [face()]

    def detect(self, image, *, role, image_index):
        return signals_from_detections([face()], role=role, image_index=image_index,
                                       thresholds={kinds.IMAGE_FACE: 0.4, kinds.IMAGE_EXPOSED: 0.45,
                                                   kinds.IMAGE_COVERED_INTIMATE: 0.45})


def test_compare_images_per_person_and_gate_blocks(tmp_path):
    before, after = decode_image(png(figure())), decode_image(png(figure(shirt=SKIN)))
    assert compare_images_per_person(FakeFaceDetector(), [before], after)
    from rempart.decision.gate import Gate, GateConfig
    from rempart.request.model import ScreenRequest

    gate = Gate(config=GateConfig(db_path=str(tmp_path / "g.sqlite")), text_detectors=[],
                image_detectors=[FakeFaceDetector()])
    try:
        req = ScreenRequest(prompt="change the colour of the shirt", mode="edit", images=[png(figure())])
        ok = gate.screen_output(req, png(figure(shirt=(170, 30, 30))))
        assert ok.decision.value == "allow"
        bad = gate.screen_output(req, png(figure(shirt=SKIN)))
        assert bad.decision.value == "block"
        assert {"CLOTHING_REDUCTION", "REAL_PERSON_UNDRESSED_OUTPUT"} <= {r.code for r in bad.reasons}
    finally:
        gate.close()
