"""NudeNet 320n body-part detector: faces, exposed and covered intimate parts.

Runs the ONNX model bundled in the `nudenet` package with our own pre/post-processing
(the package's module imports cv2 and builds its own session per instance). The model is a
YOLOv8-style detector: input 1x3x320x320 RGB in [0, 1], output (1, 22, N): cx, cy, w, h and
18 class scores per anchor. Pre-processing follows NudeNet: pad bottom/right to a square,
resize to 320 (bilinear), /255, NCHW.

Every view of a DecodedImage is screened (frames, alpha layers). The detector never decides.
"""

from __future__ import annotations

import collections
import importlib.util
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import cv2
import numpy as np

from rempart.errors import DetectorError
from rempart.request.images import DecodedImage, ImageView
from rempart.signals import kinds
from rempart.signals.base import ImageBox, Signal

# Output class order of 320n.onnx (from nudenet/nudenet.py).
LABELS: tuple[str, ...] = (
    "FEMALE_GENITALIA_COVERED",
    "FACE_FEMALE",
    "BUTTOCKS_EXPOSED",
    "FEMALE_BREAST_EXPOSED",
    "FEMALE_GENITALIA_EXPOSED",
    "MALE_BREAST_EXPOSED",
    "ANUS_EXPOSED",
    "FEET_EXPOSED",
    "BELLY_COVERED",
    "FEET_COVERED",
    "ARMPITS_COVERED",
    "ARMPITS_EXPOSED",
    "FACE_MALE",
    "BELLY_EXPOSED",
    "MALE_GENITALIA_EXPOSED",
    "ANUS_COVERED",
    "FEMALE_BREAST_COVERED",
    "BUTTOCKS_COVERED",
)

FACE_LABELS = frozenset({"FACE_FEMALE", "FACE_MALE"})
EXPOSED_LABELS = frozenset(
    {"FEMALE_BREAST_EXPOSED", "FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED", "BUTTOCKS_EXPOSED", "ANUS_EXPOSED"}
)
COVERED_INTIMATE_LABELS = frozenset(
    {"FEMALE_BREAST_COVERED", "FEMALE_GENITALIA_COVERED", "BUTTOCKS_COVERED", "ANUS_COVERED"}
)
# Not signalled on their own; kept (in signal detail) for the before/after comparison.
CONTEXT_LABELS = frozenset(LABELS) - FACE_LABELS - EXPOSED_LABELS - COVERED_INTIMATE_LABELS

KIND_LABELS: dict[str, frozenset[str]] = {
    kinds.IMAGE_FACE: FACE_LABELS,
    kinds.IMAGE_EXPOSED: EXPOSED_LABELS,
    kinds.IMAGE_COVERED_INTIMATE: COVERED_INTIMATE_LABELS,
}

INPUT_SIZE = 320
SCORE_FLOOR = 0.25  # as NudeNet: boxes under this are dropped before NMS
NMS_IOU = 0.45
DETECTOR_NAME = "nudenet_320n"


def default_model_path() -> str:
    """The 320n.onnx file shipped inside the nudenet package, found without importing it."""
    spec = importlib.util.find_spec("nudenet")
    if spec is None or not spec.submodule_search_locations:
        raise DetectorError("The nudenet package is not installed: its 320n.onnx model is needed.")
    return os.path.join(list(spec.submodule_search_locations)[0], "320n.onnx")


# --- one ONNX session per (model, threads) per process ----------------------------------------

_SESSIONS: dict[tuple[str, int], Any] = {}
_SESSIONS_LOCK = threading.Lock()


def get_session(model_path: str, threads: int = 1) -> Any:
    """Load the model once per process; InferenceSession.run is thread-safe."""
    key = (os.path.realpath(model_path), int(threads))
    with _SESSIONS_LOCK:
        sess = _SESSIONS.get(key)
        if sess is None:
            import onnxruntime as ort

            if not os.path.isfile(key[0]):
                raise DetectorError(f"NudeNet model file not found: {model_path}")
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = int(threads)
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            opts.log_severity_level = 3  # errors only
            try:
                sess = ort.InferenceSession(key[0], sess_options=opts, providers=["CPUExecutionProvider"])
            except Exception as e:  # noqa: BLE001 - surface as a detector failure
                raise DetectorError(f"Cannot load NudeNet model {model_path}: {e}") from e
            _SESSIONS[key] = sess
        return sess


# --- pure pre/post-processing ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawDetection:
    """One NudeNet box above SCORE_FLOOR, in the view's pixel coordinates."""

    label: str
    score: float
    x: int
    y: int
    w: int
    h: int
    view: str = "frame0"
    view_w: int = 0  # size of the view the box lies in, to normalise areas
    view_h: int = 0
    image_index: int = 0

    @property
    def area(self) -> int:
        return max(0, self.w) * max(0, self.h)

    @property
    def area_fraction(self) -> float:
        full = self.view_w * self.view_h
        return self.area / full if full > 0 else 0.0

    def to_box(self, *, role: str, image_index: int | None = None) -> ImageBox:
        return ImageBox(
            x=self.x,
            y=self.y,
            w=self.w,
            h=self.h,
            label=self.label,
            score=round(float(self.score), 4),
            role=role,
            image_index=self.image_index if image_index is None else image_index,
            view=self.view,
        )


def preprocess(pixels: np.ndarray, size: int = INPUT_SIZE, *, bgr: bool = False) -> np.ndarray:
    """H x W x 3 uint8 RGB -> 1 x 3 x size x size float32: pad bottom/right to square, resize.

    bgr=True feeds the channels reversed, as nudenet 3.4's own reader ends up doing.
    """
    if pixels.ndim != 3 or pixels.shape[2] != 3:
        raise ValueError(f"expected H x W x 3 RGB pixels, got shape {pixels.shape}")
    h, w = pixels.shape[:2]
    side = max(h, w)
    if h != w:
        square = np.zeros((side, side, 3), np.uint8)
        square[:h, :w] = pixels
    else:
        square = np.ascontiguousarray(pixels)
    resized = cv2.resize(square, (size, size), interpolation=cv2.INTER_LINEAR)
    if bgr:
        resized = resized[..., ::-1]
    return (resized.astype(np.float32) * (1.0 / 255.0)).transpose(2, 0, 1)[None]


def _nms(boxes: np.ndarray, scores: np.ndarray, iou: float) -> list[int]:
    """Greedy NMS on x, y, w, h boxes; returns kept indices, best first."""
    x1, y1 = boxes[:, 0], boxes[:, 1]
    x2, y2 = x1 + boxes[:, 2], y1 + boxes[:, 3]
    areas = np.maximum(boxes[:, 2], 0) * np.maximum(boxes[:, 3], 0)
    order = np.argsort(-scores, kind="stable")
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        iw = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        ih = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = iw * ih
        union = areas[i] + areas[rest] - inter
        ratio = np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)
        order = rest[ratio <= iou]
    return keep


# NMS group per class id: faces share one group, every other class is its own.
_NMS_GROUP = np.array([-1 if lab in FACE_LABELS else i for i, lab in enumerate(LABELS)])


def postprocess(
    output: np.ndarray,
    width: int,
    height: int,
    *,
    view: str = "frame0",
    size: int = INPUT_SIZE,
    score_floor: float = SCORE_FLOOR,
    nms_iou: float = NMS_IOU,
) -> list[RawDetection]:
    """Model output for one image, shape (22, N) or (1, 22, N) -> boxes in view pixels.

    NMS is per class (NudeNet's is class-agnostic) so that a covered box does not hide an
    overlapping, lower-scored exposed box of the same body part; the two face classes share
    one group so one face is not counted twice.
    """
    out = np.asarray(output, dtype=np.float32)
    if out.ndim == 3:
        out = out[0]
    if out.ndim != 2 or out.shape[0] != 4 + len(LABELS):
        raise ValueError(f"unexpected NudeNet output shape {np.shape(output)}")
    rows = out.T  # N x 22
    cls_scores = rows[:, 4:]
    class_ids = np.argmax(cls_scores, axis=1)
    scores = cls_scores[np.arange(rows.shape[0]), class_ids]
    keep = scores >= score_floor
    if not np.any(keep):
        return []
    rows, class_ids, scores = rows[keep], class_ids[keep], scores[keep]
    scale = max(width, height) / float(size)  # the padded square was resized to size x size
    cx, cy, bw, bh = (rows[:, k] * scale for k in range(4))
    x1 = np.clip(cx - bw / 2, 0, width)
    y1 = np.clip(cy - bh / 2, 0, height)
    x2 = np.clip(cx + bw / 2, 0, width)
    y2 = np.clip(cy + bh / 2, 0, height)
    boxes = np.stack([x1, y1, x2 - x1, y2 - y1], axis=1)
    groups = _NMS_GROUP[class_ids]
    dets: list[RawDetection] = []
    for g in np.unique(groups):
        idx = np.nonzero(groups == g)[0]
        for k in _nms(boxes[idx], scores[idx], nms_iou):
            j = idx[k]
            cid = class_ids[j]
            x, y, w, h = boxes[j]
            if w < 1 or h < 1:
                continue  # fully outside the picture (in the padding)
            dets.append(
                RawDetection(
                    label=LABELS[int(cid)],
                    score=float(scores[j]),
                    x=int(x),
                    y=int(y),
                    w=int(round(w)),
                    h=int(round(h)),
                    view=view,
                    view_w=int(width),
                    view_h=int(height),
                )
            )
    dets.sort(key=lambda d: -d.score)
    return dets


def body_inventory(dets: Iterable[RawDetection]) -> dict[str, dict[str, float]]:
    """Per label: count, area (fraction of the view) and best score, taking the max over views."""
    per_view: dict[tuple[int, str, str], list[RawDetection]] = collections.defaultdict(list)
    for d in dets:
        per_view[(d.image_index, d.view, d.label)].append(d)
    inv: dict[str, dict[str, float]] = {}
    for (_, _, label), ds in per_view.items():
        cur = inv.setdefault(label, {"count": 0, "area": 0.0, "score": 0.0})
        cur["count"] = max(cur["count"], len(ds))
        cur["area"] = max(cur["area"], round(sum(d.area_fraction for d in ds), 5))
        cur["score"] = max(cur["score"], round(max(d.score for d in ds), 4))
    return dict(sorted(inv.items()))


def signals_from_detections(
    dets: Sequence[RawDetection],
    *,
    role: str,
    image_index: int,
    thresholds: dict[str, float],
    detector: str = DETECTOR_NAME,
) -> list[Signal]:
    """Threshold raw boxes into image.face / image.exposed / image.covered_intimate signals.

    Every signal's detail carries what the comparison step needs: the view sizes and all
    the boxes that are not evidence of a signal ("context"), e.g. BELLY_EXPOSED.
    """
    chosen: dict[str, list[RawDetection]] = {}
    used: set[int] = set()
    for kind, labels in KIND_LABELS.items():
        thr = thresholds[kind]
        hits = [d for d in dets if d.label in labels and d.score >= thr]
        if hits:
            chosen[kind] = hits
            used.update(id(d) for d in hits)
    if not chosen:
        return []
    context = [
        [d.label, d.x, d.y, d.w, d.h, round(d.score, 4), d.view] for d in dets if id(d) not in used
    ]
    view_sizes = {d.view: [d.view_w, d.view_h] for d in dets}
    inventory = body_inventory(dets)
    signals = []
    for kind, hits in chosen.items():
        counts = collections.Counter(d.label for d in hits)
        signals.append(
            Signal(
                kind=kind,
                score=round(max(d.score for d in hits), 4),
                detector=detector,
                evidence=tuple(d.to_box(role=role, image_index=image_index) for d in hits),
                detail={
                    "labels": dict(sorted(counts.items())),
                    "threshold": thresholds[kind],
                    "views": sorted({d.view for d in hits}),
                    "view_sizes": view_sizes,
                    "body": inventory,
                    "context_boxes": context,
                },
            )
        )
    return signals


# --- the detector ------------------------------------------------------------------------------


class NudeNetDetector:
    """ImageDetector for faces and (un)covered intimate body parts, on every view."""

    name = DETECTOR_NAME

    def __init__(
        self,
        *,
        face_threshold: float = 0.4,
        exposed_threshold: float = 0.45,
        covered_threshold: float = 0.45,
        threads: int = 1,
        model_path: str | None = None,
        cache_size: int = 16,
        channel_order: str = "rgb",
    ) -> None:
        """channel_order: "rgb" (YOLOv8 training convention, default) or "bgr" (what nudenet
        3.4's own NudeDetector feeds after its cv2 conversions; scores then match it exactly)."""
        if channel_order not in ("rgb", "bgr"):
            raise ValueError("channel_order must be 'rgb' or 'bgr'")
        self.bgr = channel_order == "bgr"
        for t in (face_threshold, exposed_threshold, covered_threshold):
            if not (SCORE_FLOOR <= t <= 1.0):
                raise ValueError(f"thresholds must lie in [{SCORE_FLOOR}, 1], got {t}")
        self.thresholds = {
            kinds.IMAGE_FACE: float(face_threshold),
            kinds.IMAGE_EXPOSED: float(exposed_threshold),
            kinds.IMAGE_COVERED_INTIMATE: float(covered_threshold),
        }
        self.threads = max(1, int(threads))
        self.model_path = model_path or default_model_path()
        # Recent analyses by image sha256, so a comparison after detect() does not re-run the model.
        self._cache: collections.OrderedDict[str, list[RawDetection]] = collections.OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model now (start-up) rather than on the first request."""
        self._run(np.zeros((1, 3, INPUT_SIZE, INPUT_SIZE), np.float32))

    def _run(self, batch: np.ndarray) -> np.ndarray:
        sess = get_session(self.model_path, self.threads)
        name = sess.get_inputs()[0].name
        try:
            return sess.run(None, {name: batch})[0]
        except Exception as e:  # noqa: BLE001
            raise DetectorError(f"NudeNet inference failed: {e}") from e

    def detections(self, view: ImageView | np.ndarray, *, view_name: str | None = None) -> list[RawDetection]:
        """All boxes >= SCORE_FLOOR in one view (RGB uint8), every class."""
        if isinstance(view, ImageView):
            pixels, name = view.pixels, view.name
        else:
            pixels, name = view, "frame0"
        name = view_name or name
        out = self._run(preprocess(pixels, bgr=self.bgr))
        return postprocess(out[0], pixels.shape[1], pixels.shape[0], view=name)

    def analyse(self, image: DecodedImage) -> list[RawDetection]:
        """All boxes in every view of the image (cached by content hash)."""
        key = image.sha256
        if key:
            with self._cache_lock:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    return list(hit)
        dets: list[RawDetection] = []
        views = image.views
        # Views are batched by 8: one run call per batch is cheaper than one per view.
        for start in range(0, len(views), 8):
            chunk = views[start : start + 8]
            out = self._run(np.concatenate([preprocess(v.pixels, bgr=self.bgr) for v in chunk], axis=0))
            for v, o in zip(chunk, out):
                dets.extend(postprocess(o, v.pixels.shape[1], v.pixels.shape[0], view=v.name))
        if key:
            with self._cache_lock:
                self._cache[key] = dets
                self._cache.move_to_end(key)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return list(dets)

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        dets = [_with_index(d, image_index) for d in self.analyse(image)]
        return signals_from_detections(dets, role=role, image_index=image_index, thresholds=self.thresholds)


def _with_index(d: RawDetection, image_index: int) -> RawDetection:
    if d.image_index == image_index:
        return d
    return RawDetection(d.label, d.score, d.x, d.y, d.w, d.h, d.view, d.view_w, d.view_h, image_index)
