"""Nudity ensemble: calibration and signal logic on synthetic detector outputs (never pictures
of nudity); the real models only on the benign samples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import rempart
from rempart.request.images import decode_image
from rempart.signals import kinds
from rempart.signals.image.ensemble import (
    DEFAULT_CALIBRATION,
    Curve,
    EnsembleAnalysis,
    NsfwScore,
    NudityEnsembleDetector,
    calibrate_signals,
)
from rempart.signals.image.nudenet import ImageAnalysis, RawDetection, signals_from_detections
from rempart.signals.image.opennsfw import OpenNsfwClassifier, preprocess

SAMPLES = Path(rempart.__file__).parent / "demo" / "samples"
FLOOR_TH = {kinds.IMAGE_FACE: 0.4, kinds.IMAGE_EXPOSED: 0.25, kinds.IMAGE_COVERED_INTIMATE: 0.25}
CAL = DEFAULT_CALIBRATION


def det(label, score, x=100, y=100, w=80, h=80):
    return RawDetection(label, score, x, y, w, h, "frame0", 1000, 1000, 0)


def run(dets, nsfw=None, ring=None):
    an = EnsembleAnalysis(
        nudenet=ImageAnalysis(tuple(dets), {"frame0": ["full"]}, {}),
        nsfw=(NsfwScore("frame0", "full", nsfw),) if nsfw is not None else (),
        ring_skin=ring or {},
    )
    base = signals_from_detections(dets, role="output", image_index=0, thresholds=FLOOR_TH)
    return {s.kind: s for s in calibrate_signals(base, an, CAL, role="output", image_index=0)}


def test_curve_is_monotone_and_inverts():
    c = Curve(((0.0, 0.0), (0.45, 0.5), (1.0, 1.0)))
    xs = np.linspace(0, 1, 101)
    ys = [c(x) for x in xs]
    assert all(b >= a for a, b in zip(ys, ys[1:]))
    assert c(0.45) == pytest.approx(0.5) and c(2.0) == 1.0 and c(-1) == 0.0
    assert c.threshold(0.5) == pytest.approx(0.45)
    assert CAL.exposed_box.threshold() == pytest.approx(0.45)


def test_confident_exposed_box_is_explicit():
    out = run([det("FACE_FEMALE", 0.8), det("FEMALE_BREAST_EXPOSED", 0.7)], nsfw=0.1)
    assert out[kinds.IMAGE_EXPOSED].score >= 0.75
    assert out[kinds.IMAGE_EXPOSED].detail["how"] == "nudenet_box"
    assert kinds.IMAGE_FACE in out


def test_weak_box_needs_open_nsfw_to_agree():
    weak = [det("BUTTOCKS_EXPOSED", 0.35)]
    alone = run(weak, nsfw=0.05)
    assert alone[kinds.IMAGE_EXPOSED].score < 0.5
    agreed = run(weak, nsfw=0.95)
    assert agreed[kinds.IMAGE_EXPOSED].score >= 0.5
    assert agreed[kinds.IMAGE_EXPOSED].detail["how"] == "nudenet_box+open_nsfw"


def test_open_nsfw_alone_is_explicit_only_at_its_top():
    assert run([], nsfw=0.85).get(kinds.IMAGE_EXPOSED) is None or run([], nsfw=0.85)[kinds.IMAGE_EXPOSED].score < 0.5
    top = run([], nsfw=0.98)[kinds.IMAGE_EXPOSED]
    assert top.score >= 0.5 and top.detail["how"] == "open_nsfw"


def test_suggestive_band():
    assert kinds.IMAGE_SUGGESTIVE not in run([], nsfw=0.05)
    mid = run([], nsfw=0.6)
    assert mid[kinds.IMAGE_SUGGESTIVE].score >= 0.5
    assert mid.get(kinds.IMAGE_EXPOSED) is None or mid[kinds.IMAGE_EXPOSED].score < 0.5


def test_swimwear_raised_by_bare_skin_context():
    box = det("FEMALE_BREAST_COVERED", 0.47)
    plain = run([box], nsfw=0.1)[kinds.IMAGE_COVERED_INTIMATE]
    assert plain.score < 0.5  # a covered chest alone, weakly seen: a shirt, maybe
    ring = {("frame0", box.x, box.y, box.w, box.h): 0.6}
    bare = run([box], nsfw=0.1, ring=ring)[kinds.IMAGE_COVERED_INTIMATE]
    assert bare.score >= 0.5 and "bare_skin_around" in bare.detail["context"]
    belly = run([box, det("BELLY_EXPOSED", 0.6, y=200)], nsfw=0.1)[kinds.IMAGE_COVERED_INTIMATE]
    assert "exposed_belly_or_armpits" in belly.detail["context"] and belly.score >= 0.5
    both = run([box, det("BELLY_EXPOSED", 0.6, y=200)], nsfw=0.4)
    assert both[kinds.IMAGE_SUGGESTIVE].score >= 0.5  # swimwear that open_nsfw finds racy


def test_signals_keep_boxes_for_the_comparison():
    out = run([det("FACE_FEMALE", 0.8), det("FEMALE_BREAST_EXPOSED", 0.7), det("BELLY_EXPOSED", 0.5, y=300)])
    exp = out[kinds.IMAGE_EXPOSED]
    assert exp.evidence[0].label == "FEMALE_BREAST_EXPOSED"
    assert exp.detail["raw_box"] == pytest.approx(0.7)
    assert any(r[0] == "BELLY_EXPOSED" for r in exp.detail["context_boxes"])


# --- real models, benign samples ---------------------------------------------------------


def test_open_nsfw_preprocess_and_benign_scores():
    px = np.zeros((300, 500, 3), np.uint8)
    px[..., 0] = 255
    arr = preprocess(px, jpeg_roundtrip=False)
    assert arr.shape == (224, 224, 3) and arr[0, 0, 2] == pytest.approx(255 - 123)  # BGR, minus mean
    clf = OpenNsfwClassifier()
    scores = clf.scores([np.asarray(decode_image((SAMPLES / n).read_bytes()).primary) for n in ("astronaut.jpg", "rocket.jpg")])
    assert all(0.0 <= s < 0.2 for s in scores)


@pytest.mark.parametrize("name", ["astronaut.jpg", "camera.jpg", "chelsea.jpg", "coffee.jpg", "rocket.jpg"])
def test_benign_samples_have_no_calibrated_nudity(name):
    ens = NudityEnsembleDetector()
    sigs = ens.detect(decode_image((SAMPLES / name).read_bytes()), role="output", image_index=0)
    for s in sigs:
        if s.kind in (kinds.IMAGE_EXPOSED, kinds.IMAGE_COVERED_INTIMATE, kinds.IMAGE_SUGGESTIVE):
            assert s.score < 0.5, (s.kind, s.score)
    if name in ("astronaut.jpg", "camera.jpg"):
        assert any(s.kind == kinds.IMAGE_FACE for s in sigs)


def test_cascade_skips_open_nsfw_without_body_or_skin():
    ens = NudityEnsembleDetector(cache_size=0)
    grey = np.full((400, 400, 3), 90, np.uint8)
    from PIL import Image
    import io

    buf = io.BytesIO()
    Image.fromarray(grey).save(buf, "PNG")
    an = ens.analysis(decode_image(buf.getvalue()))
    assert an.nsfw == ()
    always = NudityEnsembleDetector(open_nsfw="always", cache_size=0).analysis(decode_image(buf.getvalue()))
    assert len(always.nsfw) == 1
