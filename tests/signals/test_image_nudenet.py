"""NudeNet detector: real model on the benign samples; everything about nudity is tested on
synthetic model OUTPUTS (arrays, boxes), never on pictures."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import rempart
from rempart.request.images import DecodedImage, ImageView, decode_image
from rempart.signals import kinds
from rempart.signals.base import ImageBox
from rempart.signals.image import nudenet as nn
from rempart.signals.image.nudenet import (
    LABELS,
    NudeNetDetector,
    RawDetection,
    default_model_path,
    get_session,
    postprocess,
    preprocess,
    signals_from_detections,
)

SAMPLES = Path(rempart.__file__).parent / "demo" / "samples"
ALL_SAMPLES = ["astronaut.jpg", "camera.jpg", "chelsea.jpg", "coffee.jpg", "rocket.jpg"]
N_ANCHORS = 2100


@pytest.fixture(scope="module")
def detector() -> NudeNetDetector:
    return NudeNetDetector()


def decoded(name: str) -> DecodedImage:
    return decode_image((SAMPLES / name).read_bytes())


def synthetic_output(rows: list[tuple[float, float, float, float, str, float]]) -> np.ndarray:
    """A (1, 22, 2100) model output: each row is cx, cy, w, h (model pixels), label, score."""
    out = np.zeros((1, 4 + len(LABELS), N_ANCHORS), np.float32)
    for i, (cx, cy, w, h, label, score) in enumerate(rows):
        out[0, :4, i] = (cx, cy, w, h)
        out[0, 4 + LABELS.index(label), i] = score
    return out


# --- real model, benign photos --------------------------------------------------------------


def test_model_file_is_found():
    path = default_model_path()
    assert path.endswith("320n.onnx") and Path(path).is_file()


@pytest.mark.parametrize("name,label", [("astronaut.jpg", "FACE_FEMALE"), ("camera.jpg", "FACE_MALE")])
def test_real_model_finds_face(detector, name, label):
    sigs = detector.detect(decoded(name), role="input", image_index=0)
    faces = [s for s in sigs if s.kind == kinds.IMAGE_FACE]
    assert len(faces) == 1
    face = faces[0]
    assert face.detector == "nudenet_320n" and face.score >= 0.4
    box = face.evidence[0]
    assert isinstance(box, ImageBox) and box.label == label
    assert box.role == "input" and box.view == "frame0" and box.image_index == 0
    # The face lies in the upper half of these 512 x 512 portraits.
    assert 100 <= box.x + box.w / 2 <= 400 and 50 <= box.y + box.h / 2 <= 260
    assert 40 <= box.w <= 200
    assert face.detail["view_sizes"]["frame0"] == [512, 512]


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_no_exposure_on_any_sample(detector, name):
    sigs = detector.detect(decoded(name), role="output", image_index=0)
    got = {s.kind for s in sigs}
    assert kinds.IMAGE_EXPOSED not in got
    assert kinds.IMAGE_COVERED_INTIMATE not in got
    for s in sigs:
        s.to_dict()  # JSON-ready


@pytest.mark.parametrize("name", ["chelsea.jpg", "coffee.jpg", "rocket.jpg"])
def test_no_face_on_photos_without_people(detector, name):
    kinds_seen = {s.kind for s in detector.detect(decoded(name), role="input", image_index=0)}
    assert kinds.IMAGE_FACE not in kinds_seen


def test_face_hidden_under_alpha_is_found(detector):
    # The portrait stored in the colour channels of a fully transparent PNG: a viewer sees a
    # blank image; the under_alpha view must still be screened.
    rgb = np.asarray(Image.open(SAMPLES / "astronaut.jpg").convert("RGB"))
    rgba = np.dstack([rgb, np.zeros(rgb.shape[:2], np.uint8)])
    buf = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buf, "PNG")
    img = decode_image(buf.getvalue())
    sigs = detector.detect(img, role="input", image_index=2)
    faces = [s for s in sigs if s.kind == kinds.IMAGE_FACE]
    assert faces, "face under alpha was missed"
    views = {b.view for b in faces[0].evidence}
    assert views == {"frame0.under_alpha"}
    assert all(b.image_index == 2 for b in faces[0].evidence)


def test_detections_api_and_cache(detector):
    img = decoded("astronaut.jpg")
    raw = detector.detections(img.views[0])
    assert any(d.label == "FACE_FEMALE" for d in raw)
    assert all(isinstance(d, RawDetection) and d.view_w == 512 for d in raw)
    first = detector.analyse(img)
    assert detector.analyse(img) == first  # served from the cache
    assert [(d.label, d.x) for d in first] == [(d.label, d.x) for d in raw]


def test_session_loaded_once_per_process():
    a, b = NudeNetDetector(), NudeNetDetector()
    a.warm_up()
    b.warm_up()
    assert get_session(a.model_path, 1) is get_session(b.model_path, 1)
    key_count = len(nn._SESSIONS)
    NudeNetDetector().warm_up()
    assert len(nn._SESSIONS) == key_count
    sess = get_session(a.model_path, 1)
    assert sess.get_session_options().intra_op_num_threads == 1


def test_bgr_mode_matches_upstream_package():
    # nudenet 3.4's own reader ends up feeding BGR; our option reproduces its scores.
    det = NudeNetDetector(channel_order="bgr")
    raw = det.detections(decoded("astronaut.jpg").views[0])
    face = max((d for d in raw if d.label == "FACE_FEMALE"), key=lambda d: d.score)
    assert face.score == pytest.approx(0.7307, abs=2e-3)
    assert (face.x, face.y) == pytest.approx((172, 82), abs=1.5)


# --- pre-processing --------------------------------------------------------------------------


def test_preprocess_pads_bottom_right():
    px = np.full((240, 640, 3), 255, np.uint8)  # wide: padded at the bottom
    blob = preprocess(px)
    assert blob.shape == (1, 3, 320, 320) and blob.dtype == np.float32
    assert blob[0, :, :110].min() == pytest.approx(1.0)
    assert blob[0, :, 130:].max() == 0.0
    px = np.zeros((300, 100, 3), np.uint8)
    px[..., 0] = 255  # red: channel 0 stays red (RGB order)
    blob = preprocess(px)
    assert blob[0, 0, 10, 10] == pytest.approx(1.0) and blob[0, 2, 10, 10] == 0.0
    assert blob[0, :, :, 120:].max() == 0.0  # padded on the right


# --- post-processing on a synthetic output array ----------------------------------------------


def test_postprocess_synthetic_array():
    out = synthetic_output(
        [
            (160, 80, 40, 40, "FACE_FEMALE", 0.9),
            (162, 82, 40, 40, "FACE_FEMALE", 0.6),  # duplicate: suppressed by NMS
            (161, 81, 40, 40, "FACE_MALE", 0.5),  # same face, other class: suppressed too
            (100, 200, 60, 40, "BELLY_EXPOSED", 0.5),
            (102, 200, 60, 40, "BELLY_COVERED", 0.4),  # other class, same place: kept
            (300, 100, 80, 80, "FEET_EXPOSED", 0.1),  # under the floor
            (310, 20, 40, 40, "ARMPITS_EXPOSED", 0.3),  # runs past the right edge: clipped
            (100, 300, 20, 20, "BUTTOCKS_EXPOSED", 0.8),  # in the bottom padding: dropped
        ]
    )
    # The view was 640 x 480: padded to 640 x 640, so model pixels x 2.
    dets = postprocess(out, 640, 480, view="frame1")
    by = {d.label: d for d in dets}
    assert set(by) == {"FACE_FEMALE", "BELLY_EXPOSED", "BELLY_COVERED", "ARMPITS_EXPOSED"}
    f = by["FACE_FEMALE"]
    assert (f.x, f.y, f.w, f.h) == (280, 120, 80, 80)
    assert f.score == pytest.approx(0.9) and f.view == "frame1" and (f.view_w, f.view_h) == (640, 480)
    assert f.area_fraction == pytest.approx(6400 / (640 * 480))
    a = by["ARMPITS_EXPOSED"]
    assert a.x == 580 and a.x + a.w == 640  # clipped to the picture
    assert [d.score for d in dets] == sorted((d.score for d in dets), reverse=True)
    # (22, N) without the batch axis is accepted too
    assert postprocess(out[0], 640, 480, view="frame1") == dets
    assert postprocess(np.zeros((1, 22, N_ANCHORS), np.float32), 100, 100) == []
    with pytest.raises(ValueError):
        postprocess(np.zeros((1, 20, 10)), 100, 100)


def test_signals_from_detections_thresholds_and_detail():
    def d(label, score, x=10, view="frame0"):
        return RawDetection(label, score, x, 10, 50, 50, view, 200, 100, 1)

    dets = [
        d("FACE_FEMALE", 0.8),
        d("FACE_MALE", 0.3, x=120),  # under the face threshold: context only
        d("FEMALE_BREAST_EXPOSED", 0.7, view="frame0.under_alpha"),
        d("BUTTOCKS_EXPOSED", 0.5, x=100),
        d("FEMALE_BREAST_COVERED", 0.44),  # just under the covered threshold
        d("BELLY_EXPOSED", 0.6),
    ]
    thresholds = {kinds.IMAGE_FACE: 0.4, kinds.IMAGE_EXPOSED: 0.45, kinds.IMAGE_COVERED_INTIMATE: 0.45}
    sigs = {s.kind: s for s in signals_from_detections(dets, role="output", image_index=1, thresholds=thresholds)}
    assert set(sigs) == {kinds.IMAGE_FACE, kinds.IMAGE_EXPOSED}
    exp = sigs[kinds.IMAGE_EXPOSED]
    assert exp.score == pytest.approx(0.7)
    assert {b.label for b in exp.evidence} == {"FEMALE_BREAST_EXPOSED", "BUTTOCKS_EXPOSED"}
    assert all(b.role == "output" and b.image_index == 1 for b in exp.evidence)
    assert {b.view for b in exp.evidence} == {"frame0", "frame0.under_alpha"}
    assert exp.detail["labels"] == {"BUTTOCKS_EXPOSED": 1, "FEMALE_BREAST_EXPOSED": 1}
    ctx = {row[0] for row in exp.detail["context_boxes"]}
    assert ctx == {"FACE_MALE", "FEMALE_BREAST_COVERED", "BELLY_EXPOSED"}
    assert exp.detail["body"]["BELLY_EXPOSED"]["area"] == pytest.approx(2500 / 20000)
    assert exp.detail["view_sizes"] == {"frame0": [200, 100], "frame0.under_alpha": [200, 100]}
    assert sigs[kinds.IMAGE_FACE].evidence[0].label == "FACE_FEMALE"
    assert signals_from_detections(dets[1:2], role="input", image_index=0, thresholds=thresholds) == []


def test_detect_with_fake_session_output(monkeypatch):
    """The whole detect() path, with the model replaced by a fixed synthetic output."""
    det = NudeNetDetector(exposed_threshold=0.6)
    out = synthetic_output(
        [
            (160, 160, 50, 50, "MALE_GENITALIA_EXPOSED", 0.55),  # under this detector's 0.6
            (60, 60, 30, 30, "ANUS_COVERED", 0.7),
            (200, 100, 30, 30, "FACE_MALE", 0.9),
        ]
    )
    monkeypatch.setattr(det, "_run", lambda batch: np.repeat(out, batch.shape[0], axis=0))
    img = DecodedImage(
        views=(ImageView("frame0", np.zeros((320, 320, 3), np.uint8)), ImageView("frame1", np.zeros((160, 320, 3), np.uint8))),
        width=320,
        height=320,
        format="GIF",
        source_mode="P",
        n_frames=2,
        sha256="",  # no hash: not cached
        n_bytes=1,
    )
    sigs = {s.kind: s for s in det.detect(img, role="input", image_index=0)}
    assert set(sigs) == {kinds.IMAGE_FACE, kinds.IMAGE_COVERED_INTIMATE}
    cov = sigs[kinds.IMAGE_COVERED_INTIMATE]
    assert {b.view for b in cov.evidence} == {"frame0", "frame1"}
    assert any(r[0] == "MALE_GENITALIA_EXPOSED" for r in cov.detail["context_boxes"])
    monkeypatch.setattr(det, "thresholds", {**det.thresholds, kinds.IMAGE_EXPOSED: 0.5})
    sigs = {s.kind: s for s in det.detect(img, role="input", image_index=0)}
    assert sigs[kinds.IMAGE_EXPOSED].score == pytest.approx(0.55)


def test_bad_thresholds_rejected():
    with pytest.raises(ValueError):
        NudeNetDetector(face_threshold=1.5)
    with pytest.raises(ValueError):
        NudeNetDetector(channel_order="hsv")
