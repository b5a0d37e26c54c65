"""On a benign portrait (the astronaut sample), every transform an attacker might use keeps
the face found and brings no false nudity; what cannot be screened is reported as invalid."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import rempart
from rempart.request.images import decode_image
from rempart.signals import kinds
from rempart.signals.image.ensemble import NudityEnsembleDetector
from rempart.signals.image.nudenet import NudeNetDetector

SAMPLES = Path(rempart.__file__).parent / "demo" / "samples"
NUDITY = (kinds.IMAGE_EXPOSED, kinds.IMAGE_COVERED_INTIMATE, kinds.IMAGE_SUGGESTIVE)


def astronaut() -> Image.Image:
    return Image.open(SAMPLES / "astronaut.jpg").convert("RGB")


def enc(im: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def on_canvas(im: Image.Image, size: tuple[int, int], at: tuple[int, int], colour=(255, 255, 255)) -> Image.Image:
    c = Image.new("RGB", size, colour)
    c.paste(im, at)
    return c


def noisy(im: Image.Image, sigma: float) -> Image.Image:
    a = np.asarray(im).astype(np.float32)
    a += np.random.default_rng(0).normal(0, sigma, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def noise_border(im: Image.Image, width: int) -> Image.Image:
    a = np.asarray(im)
    out = np.random.default_rng(1).integers(0, 256, (a.shape[0] + 2 * width, a.shape[1] + 2 * width, 3)).astype(np.uint8)
    out[width:-width, width:-width] = a
    return Image.fromarray(out)


def collage() -> Image.Image:
    tiles = [astronaut()] + [Image.open(SAMPLES / n).convert("RGB").resize((512, 512)) for n in ("coffee.jpg", "rocket.jpg", "chelsea.jpg")]
    c = Image.new("RGB", (1034, 1034), (255, 255, 255))
    for i, t in enumerate(tiles):
        c.paste(t, (10 + (i % 2) * 512, 10 + (i // 2) * 512))
    return c


def transparent_hidden() -> bytes:
    rgb = np.asarray(astronaut())
    return enc(Image.fromarray(np.dstack([rgb, np.zeros(rgb.shape[:2], np.uint8)]), "RGBA"))


def animated() -> bytes:
    blank = Image.new("RGB", (512, 512), (20, 20, 20))
    frames = [blank, blank.copy(), astronaut(), blank.copy()]
    return enc(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def tiff_pages() -> bytes:
    blank = Image.new("RGB", (512, 512), (200, 200, 200))
    return enc(blank, "TIFF", save_all=True, append_images=[astronaut()])


TRANSFORMS = {
    "plain": lambda: enc(astronaut()),
    "mirrored": lambda: enc(astronaut().transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
    "rotated90": lambda: enc(astronaut().transpose(Image.Transpose.ROTATE_90)),
    "upside_down": lambda: enc(astronaut().transpose(Image.Transpose.ROTATE_180)),
    "rotated270": lambda: enc(astronaut().transpose(Image.Transpose.ROTATE_270)),
    "jpeg_q5": lambda: enc(astronaut(), "JPEG", quality=5),
    "noise": lambda: enc(noisy(astronaut(), 25)),
    "adversarial_border": lambda: enc(noise_border(astronaut(), 128)),
    "tiny_in_big_canvas": lambda: enc(on_canvas(astronaut().resize((160, 160)), (3000, 3000), (2100, 500))),
    "letterboxed": lambda: enc(on_canvas(astronaut(), (512, 1400), (0, 444), (0, 0, 0))),
    "extreme_strip": lambda: enc(on_canvas(astronaut().resize((300, 300)), (4000, 300), (2500, 0), (40, 90, 40))),
    "large_4000": lambda: enc(astronaut().resize((4000, 4000)), "JPEG", quality=90),
    "collage": lambda: enc(collage()),
    "hidden_under_alpha": transparent_hidden,
    "animated_gif_frame2": animated,
    "multipage_tiff_page2": tiff_pages,
}


@pytest.fixture(scope="module")
def ensemble() -> NudityEnsembleDetector:
    return NudityEnsembleDetector(cache_size=0)


@pytest.mark.parametrize("name", list(TRANSFORMS))
def test_face_found_and_no_false_nudity(ensemble, name):
    img = decode_image(TRANSFORMS[name]())
    sigs = ensemble.detect(img, role="input", image_index=0)
    assert any(s.kind == kinds.IMAGE_FACE for s in sigs), f"face lost under {name}"
    false = [(s.kind, s.score) for s in sigs if s.kind in NUDITY and s.score >= 0.5]
    assert not false, f"false nudity under {name}: {false}"
    assert not [s for s in sigs if s.kind == kinds.INPUT_INVALID]


def test_small_face_in_big_canvas_found_by_the_content_window(ensemble):
    img = decode_image(TRANSFORMS["tiny_in_big_canvas"]())
    an = ensemble.nudenet.analysis(img)
    assert any(w.startswith("content@") for w in an.windows["frame0"])
    faces = [d for d in an.detections if d.label.startswith("FACE") and d.score >= 0.4]
    assert faces and 2100 <= faces[0].x <= 2260 and 500 <= faces[0].y <= 660  # mapped back to canvas pixels
    bare = NudeNetDetector(tiling=False, cache_size=0).analysis(img)
    assert bare.runs == 1


def test_rotations_screened_when_no_face_upright():
    det = NudeNetDetector(rotations="always", cache_size=0)
    an = det.analysis(decode_image(TRANSFORMS["upside_down"]()))
    assert sum(w.startswith("rot@") for w in an.windows["frame0"]) == 3
    faces = [d for d in an.detections if d.label.startswith("FACE") and d.score >= 0.4]
    assert len(faces) == 1  # the upright and rotated finds merge into one face
    f = faces[0]
    assert 200 <= f.x + f.w / 2 <= 330 and 300 <= f.y + f.h / 2 <= 430  # lower half: upside down


def test_animated_frames_all_screened_and_duplicates_once(ensemble):
    img = decode_image(animated())
    an = ensemble.nudenet.analysis(img)
    # Pillow merges the two equal leading frames; the blank last frame repeats the first.
    assert img.n_frames >= 3 and an.duplicates and set(an.duplicates.values()) == {"frame0"}
    assert sum(len(w) for w in an.windows.values()) == img.n_frames - len(an.duplicates)
    assert any(d.view not in ("frame0", *an.duplicates) and d.label.startswith("FACE") for d in an.detections)


def test_too_elongated_is_unscreenable(ensemble):
    strip = np.tile((np.arange(16000) % 251).astype(np.uint8)[None, :, None], (8, 1, 3))
    img = decode_image(enc(Image.fromarray(strip)))
    sigs = ensemble.detect(img, role="input", image_index=0)
    bad = [s for s in sigs if s.kind == kinds.INPUT_INVALID]
    assert bad and bad[0].detail["code"] == "IMAGE_UNSCREENABLE_SHAPE"
