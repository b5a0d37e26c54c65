"""Second face detector: dlib's HOG frontal-face detector.

NudeNet's face classes are one opinion; a second, unrelated detector makes "a real person is
in this photo" robust to what fools one of them. dlib's HOG detector ships inside the dlib
wheel (no model file, no download) and needs no GPU.

Coverage beyond upright frontal faces:
  * small pictures: uniform borders (letterboxing, a photo pasted in a big plain canvas) are
    cropped off, and the content is scaled to the working size (up to 4x up), because dlib's
    window is 80 px. The search runs on a grey copy (HOG on luma finds the same faces as on
    colour, for ~70% of the cost) shared through `workcopy`;
  * small faces inside a large busy picture: NudeNet's tiled pass finds them, and with
    `hints` (the ensemble's cached faces) dlib looks again in a crop around each one scaled
    so the face fills its window, so those faces get a dlib box and an age estimate too;
  * rotated / upside-down photos: with `try_rotations`, when nothing is found upright, the
    90/180/270 rotations are searched at a smaller size and boxes mapped back. The gate leaves
    this off by default (GateConfig.face_rotations): NudeNet's rotated windows already cover
    rotated faces, and three more searches on every face-less photo cost ~25 ms;
  * partially hidden faces are what NudeNet's face classes add; the policy accepts either.

Boxes are in the coordinates of the decoded view (the original image size).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from rempart.request.images import DecodedImage
from rempart.signals import kinds
from rempart.signals.cache import ResultCache
from rempart.signals.base import ImageBox, Signal
from rempart.signals import workcopy
from rempart.signals.image.tiling import content_box

FACE_LABEL = "FACE"
HINT_CONTEXT = 2.4  # crop side around a hinted face, in face sizes
HINT_FACE_PX = 110  # the hinted face's size in the crop searched (dlib needs >= 80)


@dataclass(frozen=True, slots=True)
class FaceBox:
    x: int
    y: int
    w: int
    h: int
    score: float  # dlib's detection margin squashed to 0..1
    view: str
    rotation: int  # degrees the image was rotated (counter-clockwise) to find it


def _squash(margin: float) -> float:
    # dlib reports an SVM margin (≈ -0.5..3); a logistic squash gives a 0..1 score where the
    # detector's own default cut (margin 0) maps to 0.5.
    return float(1.0 / (1.0 + np.exp(-2.0 * margin)))


def _unrotate(box: tuple[int, int, int, int], rotation: int, w: int, h: int) -> tuple[int, int, int, int]:
    """Map a box found in the image rotated by `rotation` degrees CCW back to the original."""
    left, top, right, bottom = box
    if rotation == 0:
        return left, top, right, bottom
    if rotation == 180:
        return w - right, h - bottom, w - left, h - top
    if rotation == 90:  # rotated image is h wide, w tall: (x', y') = (y, w - x)
        return w - bottom, left, w - top, right
    if rotation == 270:  # (x', y') = (h - y, x)
        return top, h - right, bottom, h - left
    raise ValueError(rotation)


class DlibFaceDetector:
    """Finds faces with dlib's HOG detector; emits image.face with one box per face."""

    name = "dlib_hog_faces"

    def __init__(self, *, working_side: int = 512, rotated_side: int = 320, min_margin: float = 0.0,
                 try_rotations: bool = True, cache_size: int = 256, hints: Any = None) -> None:
        """hints: an object with `face_boxes(image) -> [(view, x, y, w, h)]` giving the other
        detector's faces when it already has them (the nudity ensemble, from its cache; it must
        never run a model for us). Each hinted face the whole-picture search missed is looked
        for again in a crop around it, scaled so the face fills dlib's 80 px window: small
        faces then get a dlib box (and so an age estimate) too."""
        import dlib  # the dlib-bin wheel; imported here so importing the module stays cheap

        self.hints = hints

        self._detector = dlib.get_frontal_face_detector()
        self._lock = threading.Lock()  # dlib's detector object is not documented as thread-safe
        self.working_side = working_side
        self.min_margin = min_margin
        self.rotated_side = rotated_side
        self._rotations = (90, 180, 270) if try_rotations else ()
        self._cache: ResultCache[list[FaceBox]] = ResultCache(cache_size)

    def _search(self, pixels: np.ndarray, upsample: int) -> list[tuple[tuple[int, int, int, int], float]]:
        with self._lock:
            rects, margins, _ = self._detector.run(np.ascontiguousarray(pixels), upsample, self.min_margin)
        return [((r.left(), r.top(), r.right(), r.bottom()), float(m)) for r, m in zip(rects, margins)]

    def faces_in(self, pixels: np.ndarray, view: str = "frame0") -> list[FaceBox]:
        """Faces in one RGB array, in its own coordinates."""
        box = content_box(pixels)  # shared with the window planner (computed once per view)
        if box is None:  # one flat colour: nothing to find
            return []
        x_off, y_off, bw, bh = box
        x_end, y_end = x_off + bw, y_off + bh
        whole = (x_off, y_off, bw, bh) == (0, 0, pixels.shape[1], pixels.shape[0])
        content = pixels if whole else pixels[y_off:y_end, x_off:x_end]
        # Upright first, at the working size; the rotations only when nothing was found, and
        # smaller, because they are the rare case and each costs a full search.
        for rotation, side in ((0, self.working_side), *((r, self.rotated_side) for r in self._rotations)):
            found, scale, (sh, sw) = self._search_scaled(content, rotation, side, shared=whole)
            if found:
                out = []
                for box, margin in found:
                    left, top, right, bottom = _unrotate(box, rotation, sw, sh)
                    x0, y0 = x_off + max(0, round(left / scale)), y_off + max(0, round(top / scale))
                    x1, y1 = x_off + min(x_end - x_off, round(right / scale)), y_off + min(y_end - y_off, round(bottom / scale))
                    if x1 > x0 and y1 > y0:
                        out.append(FaceBox(x0, y0, x1 - x0, y1 - y0, _squash(margin), view, rotation))
                return out
        return []

    def _search_scaled(self, content: np.ndarray, rotation: int, side: int, *, shared: bool = False):
        """Search a grey copy scaled to `side`. dlib's window is 80 px, so a small picture (a
        thumbnail, a photo pasted into a big canvas) is enlarged, up to 4x. Grey, because HOG
        on luma finds the same faces as on colour for ~70% of the cost; a whole view shrinks
        through the shared working copies (`workcopy`), made once per picture."""
        h, w = content.shape[:2]
        scale = min(4.0, side / max(h, w))
        if scale < 0.95 and shared:
            img, scale = workcopy.grey(content, side)
        else:
            img = cv2.cvtColor(np.ascontiguousarray(content), cv2.COLOR_RGB2GRAY)
            if abs(scale - 1.0) > 0.05:
                size = (max(1, round(w * scale)), max(1, round(h * scale)))
                img = cv2.resize(img, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
        shape = img.shape[:2]
        if rotation:
            img = np.rot90(img, k=rotation // 90)
        return self._search(img, 0), scale, shape

    def analyse(self, image: DecodedImage) -> list[FaceBox]:
        """Faces in every view of the image, cached by content hash."""
        hit = self._cache.get(image.sha256)
        if hit is not None:
            return list(hit)
        faces = [f for v in image.views for f in self.faces_in(v.pixels, v.name)]
        if self.hints is not None:
            faces += self._confirm_hints(image, faces)
        self._cache.put(image.sha256, faces)
        return list(faces)

    def _confirm_hints(self, image: DecodedImage, found: list[FaceBox]) -> list[FaceBox]:
        views = {v.name: v.pixels for v in image.views}
        out: list[FaceBox] = []
        for view, x, y, w, h in self.hints.face_boxes(image) or ():
            px = views.get(view)
            cx, cy = x + w / 2, y + h / 2
            if px is None or any(f.view == view and f.x <= cx <= f.x + f.w and f.y <= cy <= f.y + f.h for f in found + out):
                continue
            H, W = px.shape[:2]
            side = HINT_CONTEXT * max(w, h, 1)
            x0, y0 = int(max(0, cx - side / 2)), int(max(0, cy - side / 2))
            x1, y1 = int(min(W, cx + side / 2)), int(min(H, cy + side / 2))
            crop = px[y0:y1, x0:x1]
            if crop.shape[0] < 8 or crop.shape[1] < 8:
                continue
            # Scale so the hinted face is ~HINT_FACE_PX: dlib's window is 80 px.
            scale = min(4.0, HINT_FACE_PX / max(w, h, 1))
            found_here, scale, _ = self._search_scaled(crop, 0, round(max(crop.shape[:2]) * scale))
            for (left, top, right, bottom), margin in found_here:
                fx0, fy0 = x0 + max(0, round(left / scale)), y0 + max(0, round(top / scale))
                fx1, fy1 = x0 + min(x1 - x0, round(right / scale)), y0 + min(y1 - y0, round(bottom / scale))
                fcx, fcy = (fx0 + fx1) / 2, (fy0 + fy1) / 2
                if fx1 > fx0 and fy1 > fy0 and x <= fcx <= x + w and y <= fcy <= y + h:
                    out.append(FaceBox(fx0, fy0, fx1 - fx0, fy1 - fy0, _squash(margin), view, 0))
        return out

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        faces = self.analyse(image)
        if not faces:
            return []
        boxes = tuple(
            ImageBox(f.x, f.y, f.w, f.h, FACE_LABEL, round(f.score, 4), role, image_index, f.view) for f in faces
        )
        detail = {"faces": len(faces), "rotations": sorted({f.rotation for f in faces})}
        return [Signal(kinds.IMAGE_FACE, max(f.score for f in faces), self.name, boxes, detail)]
