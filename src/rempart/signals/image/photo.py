"""Photograph, or drawing/render?

A real person's photo is what the scandal's edits abused; a drawing or flat render of an
invented character is a different case for the policy. Three measurements, computed on a
256 px copy (made from the 512 px working copy shared with the other detectors), separate camera images from
drawn or rendered ones:
  * flatness: the share of pixels whose neighbourhood is perfectly flat (drawings have large
    areas of one colour; a camera's sensor noise makes exactly flat areas rare);
  * palette: distinct colours per pixel, on a 5-bit-per-channel palette (drawings use few);
  * noise: the median absolute high-pass residual in smooth areas (sensor noise and JPEG
    texture; near zero in renders).
They are combined by a fixed logistic function whose weights were set by hand on the bundled
sample photos and drawn test pictures (tests/signals/test_image_person.py) and checked on the
benign wallpaper benchmark. It is a heuristic: a photorealistic AI render reads as a photo,
which is the safe direction (the real-person rules stay on). This detector never lowers a
block by itself; it adds evidence.
"""

from __future__ import annotations

import math

import numpy as np

from rempart.request.images import DecodedImage
from rempart.signals import kinds
from rempart.signals.base import Note, Signal
from rempart.signals import workcopy

RENDER_THRESHOLD = 0.5
WORK_SIDE = 256
TYPICAL_PHOTO_PALETTE = 0.03  # distinct 15-bit colours per pixel in the sample photos


def render_features(pixels: np.ndarray) -> dict[str, float]:
    # From the shared 512 px working copy; the last step keeps Pillow's bilinear filter,
    # which the weights were set with (the noise measure depends on the filter).
    half = workcopy.shrunk(pixels, 2 * WORK_SIDE)[0]
    size = thumbnail_size(half.shape[1], half.shape[0], WORK_SIDE)
    # Image.thumbnail's result (the copy is at most 2x larger, so its reducing_gap never
    # applies), shared with open_nsfw, which shrinks the same copy to 256 x 256.
    small = half if size is None else workcopy.pil_bilinear(half, size)
    rgb = small.astype(np.int16)
    # The mean of three bytes, as float32: their exact sum divided by 3 (numpy's mean over a
    # length-3 axis gives the same floats, several times slower).
    grey = small.sum(axis=2, dtype=np.uint16).astype(np.float32) / np.float32(3.0)
    dx = np.abs(np.diff(grey, axis=1))[:-1, :]
    dy = np.abs(np.diff(grey, axis=0))[:, :-1]
    grad = dx + dy
    flat = float((grad == 0).mean())
    if int(np.abs(rgb - rgb[..., :1]).max()) <= 3:
        palette = TYPICAL_PHOTO_PALETTE  # a greyscale picture: colour count says nothing
    else:
        q = (small >> 3).astype(np.int32)
        codes = (q[..., 0] * 1024 + q[..., 1] * 32 + q[..., 2]).ravel()
        palette = float(np.count_nonzero(np.bincount(codes, minlength=32768)) / codes.size)
    smooth = grad < 8
    # Laplacian residual: what is left after removing the local mean (texture and noise).
    lap = np.abs(4 * grey[1:-1, 1:-1] - grey[:-2, 1:-1] - grey[2:, 1:-1] - grey[1:-1, :-2] - grey[1:-1, 2:])
    noise = float(np.median(lap[smooth[:-1, :-1][: lap.shape[0], : lap.shape[1]]])) if smooth.any() else 0.0
    return {"flat": flat, "palette": palette, "noise": noise}


def thumbnail_size(width: int, height: int, side: int) -> tuple[int, int] | None:
    """The size Pillow's Image.thumbnail((side, side)) gives a width x height picture, or None
    when it leaves it as it is (Pillow's own aspect rounding, reproduced)."""
    if side >= width and side >= height:
        return None
    aspect = width / height

    def round_aspect(number: float, key) -> int:
        return max(min(math.floor(number), math.ceil(number), key=key), 1)

    x, y = side, side
    if x / y >= aspect:
        x = round_aspect(y * aspect, key=lambda n: abs(aspect - n / y))
    else:
        y = round_aspect(x / aspect, key=lambda n: 0 if n == 0 else abs(aspect - x / n))
    return None if (x, y) == (width, height) else (x, y)


def render_score(features: dict[str, float]) -> float:
    """0..1: how much the picture looks drawn or rendered rather than photographed."""
    z = 6.0 * features["flat"] - 20.0 * features["palette"] - 0.8 * features["noise"] + 1.0
    return float(1.0 / (1.0 + np.exp(-z)))


class PhotoVsRenderDetector:
    """Emits image.rendered when the picture looks drawn or rendered."""

    name = "photo_vs_render"

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        feats = render_features(image.primary)
        score = render_score(feats)
        if score < RENDER_THRESHOLD:
            return []
        detail = {k: round(v, 4) for k, v in feats.items()} | {"role": role, "image_index": image_index}
        return [Signal(kinds.IMAGE_RENDERED, score, self.name, (Note("flat colour areas, small palette, no sensor noise"),), detail)]
