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
# When the skin model can be trusted to see skin at all (see `colour_trust`).
CHROMA_MIN = 6.0  # distance from neutral grey (Cr, Cb) that makes a pixel "coloured"
TRUST_MIN_COLOURED = 0.5  # at least this share of the lit pixels visibly coloured


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
    return _mask_of(cv2.cvtColor(np.ascontiguousarray(pixels), cv2.COLOR_RGB2YCrCb))


def _mask_of(ycc: np.ndarray) -> np.ndarray:
    y, cr, cb = ycc[..., 0], ycc[..., 1], ycc[..., 2]
    return (
        (cr >= CR_RANGE[0]) & (cr <= CR_RANGE[1]) & (cb >= CB_RANGE[0]) & (cb <= CB_RANGE[1]) & (y >= MIN_LUMA)
    )


def _frozen(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)  # shared through workcopy: nobody may change it in place
    return a


def _working_ycc(pixels: np.ndarray) -> np.ndarray:
    """YCrCb of the shared 256 px working copy, made once per view."""
    small, _ = workcopy.shrunk(pixels, WORK_SIDE)
    return workcopy.memo(pixels, "ycc256", lambda: _frozen(cv2.cvtColor(np.ascontiguousarray(small), cv2.COLOR_RGB2YCrCb)))


def working_mask(pixels: np.ndarray) -> tuple[np.ndarray, float]:
    """Skin mask of the shared 256 px working copy (read-only, made once per view) and the
    scale from the view to it."""
    _, scale = workcopy.shrunk(pixels, WORK_SIDE)
    return workcopy.memo(pixels, "skin_mask", lambda: _frozen(_mask_of(_working_ycc(pixels)))), scale


def _working_lit(pixels: np.ndarray) -> np.ndarray:
    """Pixels of the working copy bright enough to carry chroma (the only ones the box tests)."""
    return workcopy.memo(pixels, "lit256", lambda: _frozen(_working_ycc(pixels)[..., 0] >= MIN_LUMA))


def skin_fraction(pixels: np.ndarray, box: tuple[int, int, int, int] | None = None) -> float:
    """Fraction of skin-coloured pixels in the picture, or in box (x, y, w, h, picture pixels)."""
    if box is None:  # the whole view: from the shared working copy, once per view
        return workcopy.memo(pixels, "skin_fraction", lambda: float(working_mask(pixels)[0].mean()))
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


def colour_trust(pixels: np.ndarray) -> dict[str, float | bool]:
    """Whether the skin model can see skin in this picture at all, with the measures behind it.

    The model is a chroma box: in a greyscale or washed-out picture bare skin falls outside it,
    and the skin fraction reads low whatever the picture shows. Such a picture is "untrusted":
    a low skin fraction then says nothing and must not be used to skip a check. (Darkness is
    handled by measuring skin over the lit pixels only: see `lit_skin_shares`.) Measured on the
    shared 256 px working copy (once per view):
      lit       share of pixels with luma >= MIN_LUMA (the only ones the box looks at);
      coloured  share of lit pixels at least CHROMA_MIN from neutral grey;
      cast      length of the mean (Cr, Cb) offset from neutral over lit pixels (reported only:
                saturated scenes, sunsets and most wallpapers reach a tint's cast, so it cannot
                tell a tinted photo apart; the portrait shortcut in the ensemble guards against
                tints with the face's own colour instead).
    A picture with no lit pixel at all is untrusted.
    """

    def make() -> dict[str, float | bool]:
        ycc = _working_ycc(pixels)
        lit = _working_lit(pixels)
        n_lit = int(np.count_nonzero(lit))
        if n_lit == 0:
            return {"lit": 0.0, "coloured": 0.0, "cast": 0.0, "trusted": False}
        cr = ycc[..., 1][lit].astype(np.float32) - 128.0
        cb = ycc[..., 2][lit].astype(np.float32) - 128.0
        coloured = float(np.count_nonzero(cr * cr + cb * cb >= CHROMA_MIN**2) / n_lit)
        cast = float(np.hypot(cr.mean(), cb.mean()))
        return {
            "lit": round(n_lit / float(lit.size), 4),
            "coloured": round(coloured, 4),
            "cast": round(cast, 2),
            "trusted": coloured >= TRUST_MIN_COLOURED,
        }

    return workcopy.memo(pixels, "colour_trust", make)


def lit_skin_shares(pixels: np.ndarray, boxes: list[tuple[int, int, int, int]] = ()) -> tuple[float, float, float]:
    """Skin share of the lit pixels (luma >= MIN_LUMA) of (the whole view, inside the boxes,
    the rest of the view); boxes (x, y, w, h) in view pixels, on the shared working copy.

    Over lit pixels, because dark pixels can never read as skin: in a mostly dark photo a lit
    body would otherwise be diluted by the darkness. A mask pixel only partly covered by a box
    counts as outside it, so the rest of the view never loses a pixel. An empty region: 0."""
    mask, scale = working_mask(pixels)
    lit = _working_lit(pixels)
    inside = np.zeros(mask.shape, bool)
    for x, y, w, h in boxes:
        x0, y0 = max(0, int(np.ceil(x * scale))), max(0, int(np.ceil(y * scale)))
        x1, y1 = min(mask.shape[1], int((x + w) * scale)), min(mask.shape[0], int((y + h) * scale))
        inside[y0:y1, x0:x1] = True

    def share(region: np.ndarray) -> float:
        n = int(np.count_nonzero(lit & region))
        return float(np.count_nonzero(mask & region) / n) if n else 0.0

    return share(np.ones(mask.shape, bool)), share(inside), share(~inside)
