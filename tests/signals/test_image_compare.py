"""Before/after comparison, on constructed detector outputs (boxes), plus a real benign edit."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import rempart
from rempart.request.images import decode_image
from rempart.signals import kinds
from rempart.signals.image.compare import (
    CompareThresholds,
    EditComparator,
    compare_detections,
    compare_edit,
    detections_from_signals,
)
from rempart.signals.image.nudenet import NudeNetDetector, RawDetection, signals_from_detections

SAMPLES = Path(rempart.__file__).parent / "demo" / "samples"
TH = {kinds.IMAGE_FACE: 0.4, kinds.IMAGE_EXPOSED: 0.45, kinds.IMAGE_COVERED_INTIMATE: 0.45}


def box(label, score, x=100, y=100, w=100, h=100, *, size=(1000, 1000), view="frame0", index=0):
    return RawDetection(label, score, x, y, w, h, view, size[0], size[1], index)


def sigs(dets, role):
    return signals_from_detections(dets, role=role, image_index=0, thresholds=TH)


def by_kind(signals):
    return {s.kind: s for s in signals}


FACE = box("FACE_FEMALE", 0.8, 400, 50, 120, 120)
CLOTHED = [FACE, box("FEMALE_BREAST_COVERED", 0.7, 380, 300, 200, 120), box("BELLY_COVERED", 0.6, 380, 450, 200, 150)]


def test_identical_gives_nothing():
    assert compare_detections(CLOTHED, CLOTHED) == []
    assert compare_edit(sigs(CLOTHED, "input"), sigs(CLOTHED, "output")) == []


def test_benign_edit_gives_nothing():
    # Background changed: the same parts, jittered boxes and scores; a covered part a bit weaker.
    after = [
        box("FACE_FEMALE", 0.77, 405, 52, 118, 121),
        box("FEMALE_BREAST_COVERED", 0.52, 384, 298, 196, 118),
        box("BELLY_COVERED", 0.41, 380, 455, 205, 150),
        box("FEET_EXPOSED", 0.6, 400, 900, 80, 60),  # barefoot: not clothing reduction
    ]
    assert compare_detections(CLOTHED, after) == []
    assert compare_edit(sigs(CLOTHED, "input"), sigs(after, "output")) == []


def test_covered_to_exposed_is_clothing_reduction():
    after = [FACE, box("FEMALE_BREAST_EXPOSED", 0.8, 380, 300, 200, 120), box("BELLY_COVERED", 0.6, 380, 450, 200, 150)]
    out = by_kind(compare_detections(CLOTHED, after))
    red = out[kinds.OUTPUT_CLOTHING_REDUCTION]
    assert "FEMALE_BREAST_COVERED->FEMALE_BREAST_EXPOSED" in red.detail["reasons"]
    assert red.score == pytest.approx(0.8)
    assert [b.label for b in red.evidence] == ["FEMALE_BREAST_EXPOSED"]
    assert red.evidence[0].role == "output"
    assert red.detail["before"]["FEMALE_BREAST_COVERED"] == pytest.approx(0.024)
    assert red.detail["after"]["FEMALE_BREAST_EXPOSED"] == pytest.approx(0.024)
    new = out[kinds.OUTPUT_NEWLY_EXPOSED]
    assert new.detail["labels"] == ["FEMALE_BREAST_EXPOSED"]
    assert red.detector == new.detector == "edit_compare_v1"


def test_same_through_signals():
    after = [FACE, box("FEMALE_BREAST_EXPOSED", 0.8, 380, 300, 200, 120)]
    out = by_kind(compare_edit(sigs(CLOTHED, "input"), sigs(after, "output")))
    assert set(out) == {kinds.OUTPUT_CLOTHING_REDUCTION, kinds.OUTPUT_NEWLY_EXPOSED}
    assert EditComparator().compare(sigs(CLOTHED, "input"), sigs(after, "output")) == list(out.values())


def test_exposed_in_input_already_is_not_new():
    before = [FACE, box("BUTTOCKS_EXPOSED", 0.4)]  # weakly seen: within the hysteresis margin
    after = [FACE, box("BUTTOCKS_EXPOSED", 0.5)]
    assert kinds.OUTPUT_NEWLY_EXPOSED not in by_kind(compare_detections(before, after))
    after2 = [FACE, box("BUTTOCKS_EXPOSED", 0.5), box("MALE_GENITALIA_EXPOSED", 0.9, 500, 500)]
    new = by_kind(compare_detections(before, after2))[kinds.OUTPUT_NEWLY_EXPOSED]
    assert new.detail["labels"] == ["MALE_GENITALIA_EXPOSED"]
    assert [b.label for b in new.evidence] == ["MALE_GENITALIA_EXPOSED"]


def test_swimwear_appearing_is_clothing_reduction():
    before = [FACE]  # a head-and-shoulders portrait, nothing intimate in view
    after = [FACE, box("FEMALE_BREAST_COVERED", 0.6), box("FEMALE_GENITALIA_COVERED", 0.55, 450, 600, 80, 60)]
    out = by_kind(compare_detections(before, after))
    assert set(out) == {kinds.OUTPUT_CLOTHING_REDUCTION}
    red = out[kinds.OUTPUT_CLOTHING_REDUCTION]
    assert set(red.detail["reasons"]) == {"new:FEMALE_BREAST_COVERED", "new:FEMALE_GENITALIA_COVERED"}
    assert {b.label for b in red.evidence} == {"FEMALE_BREAST_COVERED", "FEMALE_GENITALIA_COVERED"}


def test_new_belly_skin_through_signal_context():
    # BELLY_EXPOSED is not a signal of its own: it travels in the detail's context boxes.
    after = [FACE, box("FEMALE_BREAST_COVERED", 0.7, 380, 300, 200, 120), box("BELLY_EXPOSED", 0.7, 380, 450, 200, 150)]
    out = by_kind(compare_edit(sigs(CLOTHED, "input"), sigs(after, "output")))
    red = out[kinds.OUTPUT_CLOTHING_REDUCTION]
    assert "BELLY_COVERED->BELLY_EXPOSED" in red.detail["reasons"]
    assert [b.label for b in red.evidence] == ["BELLY_EXPOSED"]
    assert kinds.OUTPUT_NEWLY_EXPOSED not in out  # belly is skin, not an intimate part


def test_skin_area_growth():
    before = [FACE, box("BELLY_EXPOSED", 0.6, 400, 500, 50, 40)]  # a crop top: 0.2 % of the image
    after = [FACE, box("BELLY_EXPOSED", 0.6, 350, 450, 250, 250)]  # 6 % of the image
    red = by_kind(compare_detections(before, after))[kinds.OUTPUT_CLOTHING_REDUCTION]
    assert red.detail["reasons"] == ["exposed_skin_area"]
    assert red.detail["skin_area"]["after"] > red.detail["skin_area"]["before"]
    # A small wobble in area is not growth.
    wobble = [FACE, box("BELLY_EXPOSED", 0.6, 400, 500, 55, 44)]
    assert compare_detections(before, wobble) == []


def test_more_armpits():
    before = [FACE, box("ARMPITS_EXPOSED", 0.6, 100, 300, 60, 60)]
    after = [FACE, box("ARMPITS_EXPOSED", 0.6, 100, 300, 150, 150), box("ARMPITS_EXPOSED", 0.6, 700, 300, 150, 150)]
    red = by_kind(compare_detections(before, after))[kinds.OUTPUT_CLOTHING_REDUCTION]
    assert "more:ARMPITS_EXPOSED" in red.detail["reasons"]
    assert len(red.evidence) == 2


def test_resized_output_is_normalised():
    # The output is 2x the input: same content, boxes scaled. Areas are fractions: no growth.
    before = [FACE, box("BELLY_EXPOSED", 0.6, 400, 500, 100, 80, size=(1000, 1000))]
    after = [
        box("FACE_FEMALE", 0.8, 800, 100, 240, 240, size=(2000, 2000)),
        box("BELLY_EXPOSED", 0.6, 800, 1000, 200, 160, size=(2000, 2000)),
    ]
    assert compare_detections(before, after) == []


def test_several_inputs_any_one_counts():
    before = [box("FACE_FEMALE", 0.8, index=0), box("FEMALE_BREAST_EXPOSED", 0.9, index=1)]
    after = [box("FACE_FEMALE", 0.8), box("FEMALE_BREAST_EXPOSED", 0.9)]
    assert compare_detections(before, after) == []


def test_thresholds_are_configurable():
    before = [FACE]
    after = [FACE, box("ANUS_COVERED", 0.5)]
    assert compare_detections(before, after)
    assert compare_detections(before, after, thresholds=CompareThresholds(covered=0.6)) == []


def test_roundtrip_of_detections_through_signals():
    dets = CLOTHED + [box("FEET_COVERED", 0.3), box("BELLY_EXPOSED", 0.5, view="frame0.under_alpha")]
    back = detections_from_signals(sigs(dets, "input"))
    key = lambda d: (d.label, d.x, d.y, d.w, d.h, d.view, d.view_w, d.view_h)  # noqa: E731
    assert sorted(map(key, back)) == sorted(map(key, dets))
    assert detections_from_signals([]) == []


def test_real_benign_edit_gives_nothing():
    det = NudeNetDetector()
    src = Image.open(SAMPLES / "astronaut.jpg").convert("RGB")
    edited = np.asarray(src).copy()
    edited[:60] = (30, 60, 200)  # "make the sky blue" along the top
    buf = io.BytesIO()
    Image.fromarray(edited).resize((768, 768)).save(buf, "PNG")  # and a different size
    before = decode_image((SAMPLES / "astronaut.jpg").read_bytes())
    after = decode_image(buf.getvalue())
    in_sigs = det.detect(before, role="input", image_index=0)
    out_sigs = det.detect(after, role="output", image_index=0)
    assert compare_edit(in_sigs, out_sigs) == []
    assert EditComparator(det).compare_images([before], after) == []
    assert EditComparator(det).compare_images([before], before) == []
