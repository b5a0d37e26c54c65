"""A simple skin-colour model (YCrCb box, after Chai & Ngan 1999) and skin-area measures.

It is a cue, not a detector: sand, wood and warm light also fall inside the box. It is used
(1) inside person regions, where the before/after *difference* matters more than the
absolute value, and (2) as a cheap trigger for the more expensive checks (open_nsfw,
rotated views). Everything runs on a downscaled copy: a few hundred microseconds.
"""

from __future__ import annotations

import cv2
import numpy as np

from rempart.signals import workcopy

CR_RANGE = (133, 173)
CB_RANGE = (77, 127)
MIN_LUMA = 40  # very dark pixels carry no reliable chroma
WORK_SIDE = 256  # measures are computed on a copy whose long side is at most this


def downscale(pixels: np.ndarray, side: int = WORK_SIDE) -> tuple[np.ndarray, float]:
    """A copy with long side <= side, and the factor from original to copy coordinates."""
    h, w = pixels.shape[:2]
    f = min(1.0, side / float(max(h, w)))
    if f >= 1.0:
        return pixels, 1.0
    small = cv2.resize(pixels, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    return small, f


def skin_mask(pixels: np.ndarray) -> np.ndarray:
    """Boolean H x W mask of skin-coloured pixels of an RGB uint8 picture."""
    ycc = cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_RGB2YCrCb)
    y, cr, cb = ycc[..., 0], ycc[..., 1], ycc[..., 2]
    return (
        (cr >= CR_RANGE[0]) & (cr <= CR_RANGE[1]) & (cb >= CB_RANGE[0]) & (cb <= CB_RANGE[1]) & (y >= MIN_LUMA)
    )


def skin_fraction(pixels: np.ndarray, box: tuple[int, int, int, int] | None = None) -> float:
    """Fraction of skin-coloured pixels in the picture, or in box (x, y, w, h, picture pixels)."""
    if box is None:  # the whole view: from the shared working copy, once per view
        return workcopy.memo(pixels, "skin_fraction", lambda: _fraction(workcopy.shrunk(pixels, WORK_SIDE)[0]))
    x, y, w, h = (int(v) for v in box)
    H, W = pixels.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    return _fraction(downscale(pixels[y0:y1, x0:x1])[0])


def _fraction(small: np.ndarray) -> float:
    if small.size == 0:
        return 0.0
    return float(skin_mask(small).mean())
