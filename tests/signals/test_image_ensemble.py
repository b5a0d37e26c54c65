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


# ------------------------------------------------------------------ open_nsfw cascade


class FakeEvidence:
    """What the cascade may ask about a view, as given numbers (no pixels, no models)."""

    def __init__(self, *, skin=0.0, content=True, trusted=True, faces=0, face_skin=0.0, rest=0.0):
        self.faces = faces
        self._skin, self._content, self._trusted, self._split = skin, content, trusted, (face_skin, rest)

    def skin(self):
        return self._skin

    def has_content(self):
        return self._content

    def colour_trusted(self):
        return self._trusted

    def face_skin_and_rest(self):
        return self._split


def decide(body=False, body_hint=0.0, **evidence):
    from rempart.signals.image.ensemble import open_nsfw_decision

    return open_nsfw_decision(body=body, body_hint=body_hint, evidence=FakeEvidence(**evidence))


def test_cascade_runs_open_nsfw_on_any_body_part_whatever_the_colours():
    assert decide(body=True) == (True, "body_part")
    assert decide(body=True, trusted=False, content=False) == (True, "body_part")
    assert decide(body=True, skin=0.0, content=False) == (True, "body_part")


def test_cascade_never_trusts_a_low_skin_reading_in_a_picture_the_skin_model_cannot_see():
    # Greyscale, washed-out or dark: bare skin would not read as skin, so no skip on "little skin".
    assert decide(skin=0.0, trusted=False) == (True, "colour_untrusted")
    assert decide(skin=0.0, trusted=False, faces=1, face_skin=0.0, rest=0.0) == (True, "colour_untrusted")
    # ... but one flat colour has nothing to hide; a flat skin-coloured one still goes by skin.
    assert decide(skin=0.0, trusted=False, content=False) == (False, "little_skin")
    assert decide(skin=1.0, trusted=False, content=False) == (True, "skin")


def test_cascade_skips_a_colour_picture_with_little_skin():
    assert decide(skin=0.19) == (False, "little_skin")
    assert decide(skin=0.2) == (True, "skin")


def test_portrait_shortcut_only_when_the_skin_is_the_face():
    portrait = dict(skin=0.35, faces=1, face_skin=0.9, rest=0.12)
    assert decide(**portrait) == (False, "face_only_skin")
    # Each missing condition sends the view to open_nsfw:
    assert decide(**{**portrait, "rest": 0.2}) == (True, "skin")  # skin elsewhere: the face-less bound
    assert decide(**{**portrait, "faces": 0}) == (True, "skin")  # no face to explain the skin
    assert decide(**{**portrait, "face_skin": 0.3}) == (True, "skin")  # the face does not read as skin
    assert decide(**portrait, body_hint=0.1) == (True, "skin")  # a weak body-part box, even under the floor
    assert decide(**{**portrait, "trusted": False}) == (True, "colour_untrusted")


def _png(px: np.ndarray) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "PNG")
    return buf.getvalue()


def test_flat_and_low_contrast_grey_pictures():
    from rempart.signals.image.ensemble import _SkinEvidence

    assert not _SkinEvidence(np.full((300, 300, 3), 128, np.uint8), []).has_content()
    faint = np.full((300, 300, 3), 120, np.uint8)
    faint[100:200, 100:200] = 140  # a faint grey square: something is drawn, in grey
    assert _SkinEvidence(faint, []).has_content()
    an = NudityEnsembleDetector(cache_size=0).analysis(decode_image(_png(faint)))
    assert an.nsfw_cascade["frame0"] == "colour_untrusted" and len(an.nsfw) == 1


def test_greyscale_portrait_gets_open_nsfw_and_colour_portrait_records_why():
    ens = NudityEnsembleDetector(cache_size=0)
    grey = decode_image((SAMPLES / "camera.jpg").read_bytes())  # a greyscale photo of a man
    an = ens.analysis(grey)
    assert an.nsfw_cascade["frame0"] == "colour_untrusted" and len(an.nsfw) == 1
    colour = ens.analysis(decode_image((SAMPLES / "astronaut.jpg").read_bytes()))
    # The beige wall and hair read as skin outside her face: open_nsfw still runs.
    assert colour.nsfw_cascade["frame0"] == "skin" and len(colour.nsfw) == 1


def test_colour_trust_and_lit_skin_shares_on_drawn_pictures():
    from rempart.signals.image.skin import colour_trust, lit_skin_shares

    rng = np.random.default_rng(3)
    noise = rng.integers(60, 200, (300, 300, 1), dtype=np.uint8)
    assert not colour_trust(np.repeat(noise, 3, axis=2))["trusted"]  # greyscale
    assert not colour_trust(np.full((300, 300, 3), (20, 15, 10), np.uint8))["trusted"]  # all dark
    px = np.zeros((400, 400, 3), np.uint8)
    px[:] = (30, 60, 200)  # sky
    px[100:200, 100:200] = (224, 172, 140)  # a skin-coloured square
    assert colour_trust(px)["trusted"]
    whole, inside, rest = lit_skin_shares(px, [(100, 100, 100, 100)])
    assert whole == pytest.approx(1 / 16) and inside == pytest.approx(1.0) and rest == 0.0
    px = px.copy()  # a new picture (measures are kept per pixel array)
    px[300:400, 0:400] = (224, 172, 140)  # more skin below the box
    _, _, rest = lit_skin_shares(px, [(100, 100, 100, 100)])
    assert rest == pytest.approx(40000 / (160000 - 10000), abs=0.02)
    night = px.copy()
    night[:300] = (5, 5, 10)  # the same skin below, the rest of the picture dark
    whole, _, _ = lit_skin_shares(night)
    assert whole == pytest.approx(1.0)  # skin is all that is lit: not diluted by the dark
