"""Which pictures the 320-pixel detector should see for one view, and how to map back.

NudeNet pads a view to a square and shrinks it to 320 x 320: a 4000 x 3000 photo is shrunk
12.5 times, a 4000 x 400 strip leaves a 32-pixel band of content, and a small photo pasted
into a big empty canvas shrinks to a few pixels. So besides the full view we plan extra
crops ("windows"), each run at 320 and mapped back to view coordinates:

- content:  the bounding box of what differs from a uniform border (letterbox, a small
            picture in a big canvas);
- strip:    square windows along the long side of an elongated picture (aspect > 2);
- grid:     overlapping windows over a large picture (long side > LARGE_SIDE);
- zoom:     a window around a person box that came out small at model scale (second pass);
- rot90/180/270: the whole view rotated, when no face was found upright and there is
            evidence of a person (second pass; see NudeNetDetector._rotations_for: a body
            box earns all three, weaker evidence a one-run probe of all three at half size).

The number of windows is bounded (`max_windows`); a view that would need more is reported
as unscreenable, which the gate turns into a block: an image is never allowed unscreened.
All functions here are pure; the detector runs the model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

import cv2
import numpy as np

from rempart.signals import workcopy

MODEL_SIDE = 320
LARGE_SIDE = 1600  # above this long side, a grid is added (each window shrunk <= ~4x)
GRID_TARGET = 1600
STRIP_ASPECT = 2.0  # beyond this aspect ratio, windows run along the long side
WINDOW_OVERLAP = 0.3
CONTENT_MAX_FRACTION = 0.5  # crop to content when it covers less than this of the view
BORDER_TOLERANCE = 16  # colour distance that still counts as "border"
SMALL_AT_MODEL = 28  # a person box smaller than this (model pixels) earns a zoom window
ZOOM_CONTEXT = 6.0  # zoom window side = this x the box's long side
MAX_ZOOMS = 4
DEFAULT_MAX_WINDOWS = 24


@dataclass(frozen=True, slots=True)
class Window:
    """A region of a view (view pixels) to run the model on, possibly rotated (k x 90° CCW)."""

    x: int
    y: int
    w: int
    h: int
    kind: str  # "full", "content", "strip", "grid", "zoom", "rot"
    rot: int = 0  # np.rot90 k: 1 = 90° counter-clockwise, 2 = 180°, 3 = 90° clockwise

    def cut(self, pixels: np.ndarray) -> np.ndarray:
        px = pixels[self.y : self.y + self.h, self.x : self.x + self.w]
        return np.ascontiguousarray(np.rot90(px, self.rot)) if self.rot else px

    @property
    def name(self) -> str:
        base = f"{self.kind}@{self.x},{self.y},{self.w}x{self.h}"
        return f"{base}/rot{self.rot * 90}" if self.rot else base


class Unscreenable(Exception):
    """The view would need more windows than allowed."""

    def __init__(self, message: str, code: str = "IMAGE_UNSCREENABLE") -> None:
        super().__init__(message)
        self.code = code


# --- geometry ------------------------------------------------------------------------------


def box_to_view(x: float, y: float, w: float, h: float, win: Window) -> tuple[float, float, float, float]:
    """A box found in the (rotated) window picture -> the same box in view coordinates."""
    W, H = win.w, win.h  # the window's size before rotation
    k = win.rot % 4
    if k == 0:
        bx, by, bw, bh = x, y, w, h
    elif k == 1:  # rotated CCW: x = W - y', y = x'
        bx, by, bw, bh = W - (y + h), x, h, w
    elif k == 2:
        bx, by, bw, bh = W - (x + w), H - (y + h), w, h
    else:  # CW: x = y', y = H - x'
        bx, by, bw, bh = y, H - (x + w), h, w
    return bx + win.x, by + win.y, bw, bh


def _axis_starts(length: int, side: int, overlap: float) -> list[int]:
    if length <= side:
        return [0]
    step = max(1, int(side * (1.0 - overlap)))
    n = math.ceil((length - side) / step) + 1
    starts = [min(i * step, length - side) for i in range(n)]
    return sorted(set(starts))


def content_box(pixels: np.ndarray, tolerance: int = BORDER_TOLERANCE) -> tuple[int, int, int, int] | None:
    """Bounding box (x, y, w, h) of what differs from the border colour, or None if nothing does.

    The border colour is the median of the outermost rows and columns; a pixel is content
    when any channel differs by more than `tolerance` (JPEG ringing stays under it).
    Computed once per view array (the window planner and the face detector both ask).
    """
    return workcopy.memo(pixels, f"content_box{int(tolerance)}", lambda: _content_box(pixels, tolerance))


def _content_box(pixels: np.ndarray, tolerance: int) -> tuple[int, int, int, int] | None:
    h, w = pixels.shape[:2]
    if h < 3 or w < 3:
        return (0, 0, w, h)
    step = max(1, max(h, w) // 512)  # coarse scan; refined by one step below
    small = _every_nth_pixel(pixels, step)
    edge = np.concatenate([small[0], small[-1], small[:, 0], small[:, -1]], axis=0)
    border = np.median(edge, axis=0)
    # |v - border| > tolerance on any channel  <=>  v outside [border - tol, border + tol]:
    # one uint8 range test instead of float arithmetic on the whole picture.
    lo = np.clip(np.ceil(border - tolerance), 0, 255)
    hi = np.clip(np.floor(border + tolerance), 0, 255)
    inside = cv2.inRange(small, tuple(float(v) for v in lo), tuple(float(v) for v in hi))
    diff = inside == 0
    rows, cols = np.nonzero(diff.any(axis=1))[0], np.nonzero(diff.any(axis=0))[0]
    if rows.size == 0:
        return None
    y0, y1 = max(0, (rows[0] - 1) * step), min(h, (rows[-1] + 2) * step)
    x0, x1 = max(0, (cols[0] - 1) * step), min(w, (cols[-1] + 2) * step)
    return (int(x0), int(y0), int(x1 - x0), int(y1 - y0))


def _every_nth_pixel(pixels: np.ndarray, step: int) -> np.ndarray:
    """pixels[::step, ::step] as a contiguous array. When the sides divide by `step`, OpenCV's
    nearest-neighbour shrink picks exactly those pixels (source index = step x target index)
    about four times faster than numpy's strided copy of 3-byte pixels."""
    h, w = pixels.shape[:2]
    if step == 1:
        return np.ascontiguousarray(pixels)
    if h % step == 0 and w % step == 0 and pixels.dtype == np.uint8 and pixels.flags.c_contiguous:
        return cv2.resize(pixels, (w // step, h // step), interpolation=cv2.INTER_NEAREST)
    return np.ascontiguousarray(pixels[::step, ::step])


# --- planning ------------------------------------------------------------------------------


def _strip_windows(x: int, y: int, w: int, h: int, kind: str) -> list[Window]:
    side = min(w, h)
    return [
        Window(x + sx, y + sy, side, side, kind)
        for sy in _axis_starts(h, side, WINDOW_OVERLAP)
        for sx in _axis_starts(w, side, WINDOW_OVERLAP)
    ]


def _grid_windows(x: int, y: int, w: int, h: int) -> list[Window]:
    nx, ny = math.ceil(w / GRID_TARGET), math.ceil(h / GRID_TARGET)
    side = max(MODEL_SIDE, int(max(w / nx, h / ny) * (1.0 + WINDOW_OVERLAP)))
    side = min(side, w, h)
    return [
        Window(x + sx, y + sy, side, side, "grid")
        for sy in _axis_starts(h, side, WINDOW_OVERLAP)
        for sx in _axis_starts(w, side, WINDOW_OVERLAP)
    ]


def _region_windows(x: int, y: int, w: int, h: int, kind_if_small: str | None) -> list[Window]:
    """Windows that see region (x, y, w, h) at a useful scale (not counting a plain full view)."""
    long_, short = max(w, h), min(w, h)
    out: list[Window] = []
    if kind_if_small is not None:
        out.append(Window(x, y, w, h, kind_if_small))
    if short > 0 and long_ / short > STRIP_ASPECT:
        out += _strip_windows(x, y, w, h, "strip")
        if short > LARGE_SIDE:
            out += _grid_windows(x, y, w, h)
    elif long_ > LARGE_SIDE:
        out += _grid_windows(x, y, w, h)
    return out


def plan_windows(pixels: np.ndarray, *, max_windows: int = DEFAULT_MAX_WINDOWS) -> list[Window]:
    """First-pass windows for one view: always the full view, plus content / strip / grid."""
    h, w = pixels.shape[:2]
    windows = [Window(0, 0, w, h, "full")]
    cb = content_box(pixels)
    if cb is not None and cb[2] * cb[3] < CONTENT_MAX_FRACTION * w * h:
        windows += _region_windows(*cb, kind_if_small="content")
    else:
        windows += _region_windows(0, 0, w, h, kind_if_small=None)
    windows = _dedupe(windows)
    if len(windows) > max_windows:
        raise Unscreenable(
            f"a {w}x{h} view would need {len(windows)} detector windows (limit {max_windows}); "
            "the aspect ratio or size is too extreme to screen",
            code="IMAGE_UNSCREENABLE_SHAPE",
        )
    return windows


def zoom_windows(
    boxes: Iterable[tuple[float, float, float, float]], view_w: int, view_h: int, seen: Sequence[Window]
) -> list[Window]:
    """Second pass: square windows around person boxes that were small in every window run."""
    out: list[Window] = []
    for bx, by, bw, bh in sorted(boxes, key=lambda b: -(b[2] * b[3])):
        long_box = max(bw, bh, 1.0)
        # Model-pixel size of the box in the best window that contains it.
        best = max(
            (long_box * MODEL_SIDE / max(wn.w, wn.h) for wn in seen if _contains(wn, bx, by, bw, bh)),
            default=0.0,
        )
        if best >= SMALL_AT_MODEL:
            continue
        side = int(min(max(view_w, view_h), max(MODEL_SIDE, long_box * ZOOM_CONTEXT)))
        side = min(side, max(view_w, view_h))
        cx, cy = bx + bw / 2, by + bh / 2
        x0 = int(min(max(0, cx - side / 2), max(0, view_w - side)))
        y0 = int(min(max(0, cy - side / 2), max(0, view_h - side)))
        win = Window(x0, y0, min(side, view_w), min(side, view_h), "zoom")
        if any(_contains(z, bx, by, bw, bh) for z in out):
            continue
        out.append(win)
        if len(out) >= MAX_ZOOMS:
            break
    return out


def rotation_windows(view_w: int, view_h: int) -> list[Window]:
    return [Window(0, 0, view_w, view_h, "rot", rot=k) for k in (1, 2, 3)]


def _contains(win: Window, bx: float, by: float, bw: float, bh: float) -> bool:
    return win.rot == 0 and bx >= win.x - 1 and by >= win.y - 1 and bx + bw <= win.x + win.w + 1 and by + bh <= win.y + win.h + 1


def _dedupe(windows: list[Window]) -> list[Window]:
    seen: set[tuple[int, int, int, int, int]] = set()
    out = []
    for wn in windows:
        key = (wn.x, wn.y, wn.w, wn.h, wn.rot)
        if key not in seen:
            seen.add(key)
            out.append(wn)
    return out


# --- merging -------------------------------------------------------------------------------


def touches_inner_edge(x: float, y: float, w: float, h: float, win: Window, view_w: int, view_h: int) -> bool:
    """Whether a box (view coordinates) was cut by the window's edge inside the view."""
    if win.kind == "full":
        return False
    m = 2.0 * max(win.w, win.h) / MODEL_SIDE  # two model pixels
    return (
        (win.x > 0 and x <= win.x + m)
        or (win.y > 0 and y <= win.y + m)
        or (win.x + win.w < view_w and x + w >= win.x + win.w - m)
        or (win.y + win.h < view_h and y + h >= win.y + win.h - m)
    )


def merge_boxes(
    items: Sequence[tuple[str, float, float, float, float, float]],
    *,
    cut: Sequence[bool] = (),
    iou: float = 0.45,
    contain: float = 0.7,
    cut_contain: float = 0.3,
) -> list[int]:
    """Indices of (label, score, x, y, w, h) to keep after cross-window suppression, per label.

    A box is dropped when a better box of the same label overlaps it by IoU >= iou, or covers
    >= `contain` of it. Boxes cut by a window edge (`cut`) come last and are dropped when any
    kept box covers `cut_contain` of them: a part cut in half by a window is the same part.
    """
    cut = list(cut) or [False] * len(items)
    order = sorted(range(len(items)), key=lambda i: (cut[i], -items[i][1]))
    kept: list[int] = []
    for i in order:
        lab, _, x, y, w, h = items[i]
        a = max(w, 0) * max(h, 0)
        need = cut_contain if cut[i] else contain
        drop = False
        for j in kept:
            lj, _, xj, yj, wj, hj = items[j]
            if lj != lab and not (lab.startswith("FACE") and lj.startswith("FACE")):
                continue
            iw = max(0.0, min(x + w, xj + wj) - max(x, xj))
            ih = max(0.0, min(y + h, yj + hj) - max(y, yj))
            inter = iw * ih
            aj = max(wj, 0) * max(hj, 0)
            union = a + aj - inter
            if (union > 0 and inter / union >= iou) or (a > 0 and inter / a >= need):
                drop = True
                break
        if not drop:
            kept.append(i)
    return kept
