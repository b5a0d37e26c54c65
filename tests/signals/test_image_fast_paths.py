"""The cheap paths that keep image screening within its time budget must keep their coverage:
shared working copies, the evidence-driven rotation trigger and probe, and dlib's second look
at the faces NudeNet found. Logic is tested on drawn pictures and fake model outputs."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from rempart.request.images import ImageView, decode_image
from rempart.signals import workcopy
from rempart.signals.image.faces import DlibFaceDetector
from rempart.signals.image.nudenet import LABELS, PROBE_SIDE, NudeNetDetector, RawDetection
from rempart.signals.image.tiling import content_box

SKIN = (224, 172, 140)  # inside the YCrCb skin box
SKY = (30, 60, 200)


def flat(colour, side=400) -> np.ndarray:
    return np.full((side, side, 3), colour, np.uint8)


# ------------------------------------------------------------------ shared working copies


def test_working_copy_is_made_once_read_only_and_scaled():
    px = np.random.default_rng(0).integers(0, 255, (1000, 800, 3), dtype=np.uint8)
    a, fa = workcopy.shrunk(px, 512)
    b, _ = workcopy.shrunk(px, 512)
    assert a is b and a.shape == (512, 410, 3) and fa == pytest.approx(410 / 800)
    assert not a.flags.writeable
    small, fs = workcopy.shrunk(px, 256)  # made from the 512 copy, same geometry
    assert max(small.shape[:2]) == 256 and fs == pytest.approx(small.shape[1] / 800)
    g, _ = workcopy.grey(px, 512)
    assert g.shape == (512, 410) and g.dtype == np.uint8
    tiny = np.zeros((100, 50, 3), np.uint8)
    assert workcopy.shrunk(tiny, 512) == (tiny, 1.0)  # small enough already: no copy


def test_pillow_copy_shared_by_open_nsfw_and_photo_measures(monkeypatch):
    from rempart.signals.image import opennsfw
    from rempart.signals.image.photo import render_features

    px = np.random.default_rng(1).integers(0, 255, (1024, 1024, 3), dtype=np.uint8)
    half, _ = workcopy.shrunk(px, 512)
    opennsfw.preprocess(half)  # open_nsfw's "full" region is the 512 px copy
    shared = workcopy.pil_bilinear(half, (256, 256))
    expected = np.asarray(Image.fromarray(np.ascontiguousarray(half)).resize((256, 256), Image.Resampling.BILINEAR))
    assert np.array_equal(shared, expected) and not shared.flags.writeable
    calls = []
    real = workcopy._memo
    monkeypatch.setattr(workcopy, "_memo", lambda pic, key, make: real(pic, key, lambda: calls.append(key) or make()))
    render_features(px)  # the 256 px copy comes from the cache: nothing Pillow-resized again
    assert not [k for k in calls if k.startswith("pil_bilinear")]


def test_content_box_computed_once_per_view_array():
    px = np.full((600, 600, 3), 255, np.uint8)
    px[100:200, 300:420] = 7
    first = content_box(px)
    px[:] = 255  # the cache is per array object: a new array is measured afresh
    assert content_box(px) == first
    assert content_box(px.copy()) is None


# ------------------------------------------------------------------ rotation trigger and probe


def _trigger(det, pixels, dets=(), hint=None, gate=None):
    v = ImageView("frame0", pixels)
    ran = {"frame0": []}
    wins = det._rotations_for(v, list(dets), hint or {}, {}, ran, gate)
    return sorted(w.rot for w in wins), [w.kind for w in ran["frame0"]]


def test_rotations_follow_the_evidence(monkeypatch):
    det = NudeNetDetector(cache_size=0)
    probed = []
    monkeypatch.setattr(det, "_rotation_probe", lambda v: probed.append(v.name) or [2])
    body = RawDetection("BELLY_EXPOSED", 0.5, 10, 10, 50, 50, "frame0", 400, 400)
    # A body-part box without an upright face: all three rotations, no probe needed.
    assert _trigger(det, flat(SKY), [body]) == ([1, 2, 3], [])
    # Nothing, or skin colour alone that the gate (open_nsfw in the ensemble) calls safe: nothing.
    assert _trigger(det, flat(SKY)) == ([], [])
    assert _trigger(det, flat(SKIN), gate=lambda v, w: False) == ([], [])
    assert not probed
    # Weak hints, or skin the gate does not clear: the one-run probe, then what it flagged.
    assert _trigger(det, flat(SKY), hint={"face": 0.15}) == ([2], ["rotprobe"])
    assert _trigger(det, flat(SKIN), hint={"body": 0.15}) == ([2], ["rotprobe"])
    assert _trigger(det, flat(SKIN), gate=lambda v, w: True) == ([2], ["rotprobe"])
    assert _trigger(det, flat(SKIN)) == ([2], ["rotprobe"])  # no gate: skin alone is enough
    # A body hint without skin colour is not enough.
    assert _trigger(det, flat(SKY), hint={"body": 0.15}) == ([], [])


def _fake_output(*boxes):
    """Model output (1, 22, N) with one anchor per (label, cx, cy) at score 0.8."""
    out = np.zeros((1, 4 + len(LABELS), len(boxes)), np.float32)
    for i, (label, cx, cy) in enumerate(boxes):
        out[0, :4, i] = (cx, cy, 30, 30)
        out[0, 4 + LABELS.index(label), i] = 0.8
    return out


def test_probe_maps_each_quadrant_to_its_rotation(monkeypatch):
    det = NudeNetDetector(cache_size=0)
    v = ImageView("frame0", flat(SKIN, 700))
    q = PROBE_SIDE
    monkeypatch.setattr(det, "_run", lambda batch: _fake_output(("FACE_FEMALE", q + 40, 40)))
    assert det._rotation_probe(v) == [2]  # top right: the 180-degree turn
    monkeypatch.setattr(det, "_run", lambda batch: _fake_output(("BELLY_EXPOSED", 40, q + 40), ("FACE_MALE", 40, 40)))
    assert det._rotation_probe(v) == [1, 3]
    # Feet alone do not make a person; the empty fourth quadrant never counts.
    monkeypatch.setattr(det, "_run", lambda batch: _fake_output(("FEET_EXPOSED", 40, 40), ("FACE_MALE", q + 40, q + 40)))
    assert det._rotation_probe(v) == []


def test_hints_recorded_below_the_floor_but_never_evidence(monkeypatch):
    det = NudeNetDetector(cache_size=0)
    out = _fake_output(("FACE_FEMALE", 100, 100))
    out[0, 4 + LABELS.index("FACE_FEMALE"), 0] = 0.15  # a weak face: a hint only
    monkeypatch.setattr(det, "_run", lambda batch: out)
    monkeypatch.setattr(det, "_rotation_probe", lambda v: [])
    img = decode_image(_png(flat(SKY, 320)))
    an = det.analysis(img)
    assert an.detections == () and an.hints["frame0"]["face"] == pytest.approx(0.15)
    assert any(w.startswith("rotprobe@") for w in an.windows["frame0"])


def _png(px: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "PNG")
    return buf.getvalue()


# ------------------------------------------------------------------ dlib's second look


class Hints:
    def __init__(self, boxes):
        self.boxes = boxes

    def face_boxes(self, image):
        return self.boxes


def test_small_face_found_by_the_other_detector_gets_a_dlib_box(person_photo):
    # A 200 px portrait in a busy 1600 x 1200 picture: its face is ~35 px, far under dlib's
    # 80 px window at the 384 px working size.
    face = Image.open(io.BytesIO(person_photo)).convert("RGB").resize((200, 200))
    canvas = np.random.default_rng(3).integers(60, 200, (1200, 1600, 3), dtype=np.uint8)
    canvas[700:900, 1100:1300] = np.asarray(face)
    img = decode_image(_png(canvas))
    alone = DlibFaceDetector(working_side=384, try_rotations=False, cache_size=0)
    assert alone.analyse(img) == []
    # The astronaut's face sits at about (179, 83, 87, 87) in the 512 px original.
    hinted = DlibFaceDetector(
        working_side=384, try_rotations=False, cache_size=0, hints=Hints([("frame0", 1170, 732, 34, 34)])
    )
    found = hinted.analyse(img)
    assert len(found) == 1 and 1150 <= found[0].x + found[0].w / 2 <= 1225 and 715 <= found[0].y + found[0].h / 2 <= 790
    # A hint on something that is not a face adds nothing, and no hint is fine too.
    assert DlibFaceDetector(working_side=384, cache_size=0, hints=Hints([("frame0", 200, 200, 40, 40)])).analyse(img) == []
    assert DlibFaceDetector(working_side=384, cache_size=0, hints=Hints(None)).analyse(img) == []


def test_ensemble_face_boxes_come_from_its_cache_only(person_photo):
    from rempart.signals.image.ensemble import NudityEnsembleDetector

    ens = NudityEnsembleDetector(cache_size=2)
    img = decode_image(person_photo)
    assert ens.face_boxes(img) is None  # never runs the models for the face detector
    ens.detect(img, role="input", image_index=0)
    boxes = ens.face_boxes(img)
    assert boxes and all(view == "frame0" for view, *_ in boxes)
