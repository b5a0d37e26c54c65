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
import dataclasses
import hashlib
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
from rempart.signals.cache import ResultCache
from rempart.signals.base import ImageBox, Note, Signal
from rempart.signals.image import tiling as tiling_mod
from rempart.signals import workcopy
from rempart.signals.image.skin import skin_fraction
from rempart.signals.image.tiling import Unscreenable, Window, box_to_view, merge_boxes, touches_inner_edge

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

TILE_MAX_BOX = 0.5  # share of a grid / strip / zoom window above which a box is dropped
TILE_SCORE_TOLL = 0.1  # subtracted from scores found in those windows
_TILE_KINDS = frozenset({"grid", "strip", "zoom"})
ROTATE_MIN_SKIN = 0.25  # skin share that, with weak evidence of a body, earns a look at the rotations
HINT_FLOOR = 0.1  # boxes this weak are never evidence, only hints that a rotated person may be there
ROTATE_HINT = 0.1  # a face or body hint at least this strong (and under the floor) is such a hint
BATCH = 8
PROBE_SIDE = INPUT_SIZE // 2  # each rotation's side in the one-run rotation probe (a 2 x 2 mosaic)


@dataclass(frozen=True)
class ImageAnalysis:
    """Every box found in every view of one image, and how they were found."""

    detections: tuple[RawDetection, ...]
    windows: dict[str, list[str]]  # view name -> windows run (see tiling.Window.name)
    skin: dict[str, float]  # view name -> skin-coloured fraction (part of the trigger for rotations)
    unscreenable: tuple[tuple[str, str, str], ...] = ()  # (view, code, message)
    duplicates: dict[str, str] = dataclasses.field(default_factory=dict)  # view -> identical earlier view
    hints: dict[str, dict[str, float]] = dataclasses.field(default_factory=dict)  # view -> best weak face/body score

    @property
    def runs(self) -> int:
        return sum(len(v) for v in self.windows.values())


class NudeNetDetector:
    """ImageDetector for faces and (un)covered intimate body parts, on every view.

    Each view is run whole and, when its shape calls for it, through extra windows
    (content crop, strips, grid, zooms on small people, rotations): see `tiling`.
    """

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
        tiling: bool = True,
        rotations: str = "auto",
        max_windows: int = tiling_mod.DEFAULT_MAX_WINDOWS,
    ) -> None:
        """channel_order: "rgb" (YOLOv8 training convention, default) or "bgr" (what nudenet
        3.4's own NudeDetector feeds after its cv2 conversions; scores then match it exactly).
        rotations: "auto" (when no face is found upright and something suggests a person:
        see `_rotations_for`), "always" or "never"."""
        if channel_order not in ("rgb", "bgr"):
            raise ValueError("channel_order must be 'rgb' or 'bgr'")
        if rotations not in ("auto", "always", "never"):
            raise ValueError("rotations must be 'auto', 'always' or 'never'")
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
        self.tiling = bool(tiling)
        self.rotations = rotations
        self.max_windows = int(max_windows)
        # Recent analyses by image sha256, so a comparison after detect() does not re-run the model.
        self._cache: ResultCache[ImageAnalysis] = ResultCache(cache_size)

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
        """All boxes >= SCORE_FLOOR in one picture (RGB uint8), every class, no windows."""
        if isinstance(view, ImageView):
            pixels, name = view.pixels, view.name
        else:
            pixels, name = view, "frame0"
        name = view_name or name
        out = self._run(preprocess(pixels, bgr=self.bgr))
        return postprocess(out[0], pixels.shape[1], pixels.shape[0], view=name)

    def _run_windows(
        self,
        jobs: list[tuple[ImageView, Window]],
        cut_ids: set[int],
        hints: dict[str, dict[str, float]] | None = None,
    ) -> dict[int, list[RawDetection]]:
        """Run the model on every (view, window), batched; boxes come back in view coordinates.
        The ids of boxes cut by a window edge are added to `cut_ids`. With `hints`, the best
        face and body scores per view down to HINT_FLOOR are recorded there (whole-view and
        content windows only): weak boxes are no evidence, but they tell where a second look
        at the rotations is worth its cost."""
        found: dict[int, list[RawDetection]] = {}
        for start in range(0, len(jobs), BATCH):
            chunk = jobs[start : start + BATCH]
            cuts = [win.cut(v.pixels) for v, win in chunk]
            out = self._run(np.concatenate([preprocess(c, bgr=self.bgr) for c in cuts], axis=0))
            for k, ((v, win), cut, o) in enumerate(zip(chunk, cuts, out)):
                vh, vw = v.pixels.shape[:2]
                dets = []
                floor = HINT_FLOOR if hints is not None and win.kind in _HINT_KINDS else SCORE_FLOOR
                for d in postprocess(o, cut.shape[1], cut.shape[0], view=v.name, score_floor=floor):
                    if floor < SCORE_FLOOR:
                        group = "face" if d.label in FACE_LABELS else "body" if d.label not in _NOT_PERSON else ""
                        if group:
                            h_ = hints.setdefault(v.name, {"face": 0.0, "body": 0.0})
                            h_[group] = max(h_[group], float(d.score))
                        if d.score < SCORE_FLOOR:
                            continue
                    if win.kind in _TILE_KINDS:
                        # Tiles are there to find small things: a box filling most of a tile is
                        # texture seen too close (measured on benign wallpapers), and every
                        # extra look is an extra chance of a false find, so tile scores pay a toll.
                        if d.w * d.h > TILE_MAX_BOX * cut.shape[0] * cut.shape[1]:
                            continue
                        d = dataclasses.replace(d, score=d.score - TILE_SCORE_TOLL)
                        if d.score < SCORE_FLOOR:
                            continue
                    x, y, w, h = box_to_view(d.x, d.y, d.w, d.h, win)
                    x0, y0 = max(0, int(x)), max(0, int(y))
                    x1, y1 = min(vw, int(round(x + w))), min(vh, int(round(y + h)))
                    if x1 - x0 >= 1 and y1 - y0 >= 1:
                        dets.append(RawDetection(d.label, d.score, x0, y0, x1 - x0, y1 - y0, v.name, vw, vh))
                        if touches_inner_edge(x, y, w, h, win, vw, vh):
                            cut_ids.add(id(dets[-1]))
                found[start + k] = dets
        return found

    def _rotation_probe(self, v: ImageView) -> list[int]:
        """Which rotations (np.rot90 k) show a face or body part, from ONE model run on a 2 x 2
        mosaic of the view turned 90, 180 and 270 degrees at half the model's side. A cheap
        first look: only the rotations it flags are then run at full size."""
        small, _ = workcopy.shrunk(v.pixels, 512)  # the shared working copy: plenty for 160 px
        mosaic = np.zeros((INPUT_SIZE, INPUT_SIZE, 3), np.uint8)
        for k, (qx, qy) in zip((1, 2, 3), ((0, 0), (PROBE_SIDE, 0), (0, PROBE_SIDE))):
            rot = np.rot90(small, k)
            h, w = rot.shape[:2]
            f = PROBE_SIDE / max(h, w)
            size = (max(1, round(w * f)), max(1, round(h * f)))
            mosaic[qy : qy + size[1], qx : qx + size[0]] = cv2.resize(
                np.ascontiguousarray(rot), size, interpolation=cv2.INTER_AREA
            )
        out = self._run(preprocess(mosaic, bgr=self.bgr))
        hits: set[int] = set()
        for d in postprocess(out[0], INPUT_SIZE, INPUT_SIZE, view=v.name):
            if d.label in _NOT_PERSON:
                continue
            cx, cy = d.x + d.w / 2, d.y + d.h / 2
            quadrant = (cx >= PROBE_SIDE) + 2 * (cy >= PROBE_SIDE)
            if quadrant < 3:
                hits.add(quadrant + 1)
        return sorted(hits)

    def analysis(self, image: DecodedImage, *, rotation_gate: Any = None) -> ImageAnalysis:
        """All boxes in every view of the image, with how they were found (cached by hash).

        rotation_gate(view, window_names) -> bool, when given, is asked before a view that
        shows skin but no person hint at all gets the rotation probe (the ensemble asks
        open_nsfw); without it, skin alone is enough."""
        hit = self._cache.get(image.sha256)
        if hit is None:
            hit = self._analyse_uncached(image, rotation_gate)
            self._cache.put(image.sha256, hit)
        return hit

    def _analyse_uncached(self, image: DecodedImage, rotation_gate: Any = None) -> ImageAnalysis:
        views, duplicates = _distinct_views(image.views)
        unscreenable: list[tuple[str, str, str]] = []
        jobs: list[tuple[ImageView, Window]] = []
        for v in views:
            h, w = v.pixels.shape[:2]
            try:
                plan = tiling_mod.plan_windows(v.pixels, max_windows=self.max_windows) if self.tiling else [
                    Window(0, 0, w, h, "full")
                ]
            except Unscreenable as e:
                unscreenable.append((v.name, e.code, str(e)))
                plan = [Window(0, 0, w, h, "full")]  # still look: its boxes are evidence
            jobs += [(v, win) for win in plan]
        cut: set[int] = set()
        hints: dict[str, dict[str, float]] = {}
        found = self._run_windows(jobs, cut, hints)
        per_view: dict[str, list[RawDetection]] = collections.defaultdict(list)
        ran: dict[str, list[Window]] = collections.defaultdict(list)
        for i, (v, win) in enumerate(jobs):
            per_view[v.name] += found[i]
            ran[v.name].append(win)

        # Second pass: zoom on small people; rotate when nobody is upright.
        skin: dict[str, float] = {}
        extra: list[tuple[ImageView, Window]] = []
        face_thr = self.thresholds[kinds.IMAGE_FACE]
        for v in views:
            h, w = v.pixels.shape[:2]
            dets = per_view[v.name]
            budget = self.max_windows - len(ran[v.name])
            more: list[Window] = []
            if self.tiling:
                people = [(d.x, d.y, d.w, d.h) for d in dets if d.label not in _NOT_PERSON]
                more += tiling_mod.zoom_windows(people, w, h, ran[v.name])
            if self.rotations == "always":
                more += tiling_mod.rotation_windows(w, h)
            elif self.rotations == "auto" and not any(d.label in FACE_LABELS and d.score >= face_thr for d in dets):
                more += self._rotations_for(v, dets, hints.get(v.name, {}), skin, ran, rotation_gate)
            extra += [(v, win) for win in more[: max(0, budget)]]
        if extra:
            found2 = self._run_windows(extra, cut)
            for i, (v, win) in enumerate(extra):
                per_view[v.name] += found2[i]
                ran[v.name].append(win)

        dets_all: list[RawDetection] = []
        for v in views:
            dets = per_view[v.name]
            if len(ran[v.name]) > 1:
                items = [(d.label, d.score, d.x, d.y, d.w, d.h) for d in dets]
                flags = [id(d) in cut for d in dets]
                dets = [dets[i] for i in merge_boxes(items, cut=flags, iou=NMS_IOU)]
            dets_all += dets
        # Identical frames share the detections of the first one, under their own names.
        for dup, orig in duplicates.items():
            dets_all += [dataclasses.replace(d, view=dup) for d in per_view.get(orig, []) if d in dets_all]
        dets_all.sort(key=lambda d: -d.score)
        return ImageAnalysis(
            detections=tuple(dets_all),
            windows={k: [wn.name for wn in ws] for k, ws in ran.items()},
            skin=skin,
            unscreenable=tuple(unscreenable),
            duplicates=duplicates,
            hints=hints,
        )

    def _rotations_for(
        self,
        v: ImageView,
        dets: list[RawDetection],
        hint: dict[str, float],
        skin: dict[str, float],
        ran: dict[str, list[Window]],
        rotation_gate: Any,
    ) -> list[Window]:
        """Rotated windows for a view with no upright face, by the strength of the evidence.

        Three full rotated runs cost three times the upright one, and raw skin colour (sand,
        wood, warm light) calls for them on ~1 in 5 benign photos. So: a body-part box
        (>= SCORE_FLOOR) -> all three rotations; weaker evidence (a face or, with skin, a body
        hint under the floor; or skin plus the rotation gate's say) -> the one-run probe,
        then only the rotations it flags; nothing -> no rotation."""
        h, w = v.pixels.shape[:2]
        skin[v.name] = round(skin_fraction(v.pixels), 4)
        if any(d.label not in FACE_LABELS and d.label not in _NOT_PERSON for d in dets):
            return tiling_mod.rotation_windows(w, h)
        skinny = skin[v.name] >= ROTATE_MIN_SKIN
        weak = hint.get("face", 0.0) >= ROTATE_HINT or (skinny and hint.get("body", 0.0) >= ROTATE_HINT)
        if not weak and skinny:
            weak = rotation_gate is None or bool(rotation_gate(v, [wn.name for wn in ran[v.name]]))
        if not weak:
            return []
        ran[v.name].append(Window(0, 0, w, h, "rotprobe"))
        return [Window(0, 0, w, h, "rot", rot=k) for k in self._rotation_probe(v)]

    def analyse(self, image: DecodedImage) -> list[RawDetection]:
        """All boxes in every view of the image (cached by content hash)."""
        return list(self.analysis(image).detections)

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        analysis = self.analysis(image)
        dets = [_with_index(d, image_index) for d in analysis.detections]
        sigs = signals_from_detections(dets, role=role, image_index=image_index, thresholds=self.thresholds)
        return sigs + unscreenable_signals(analysis, role=role, image_index=image_index, detector=self.name)


_NOT_PERSON = frozenset({"FEET_EXPOSED", "FEET_COVERED"})  # shoes alone do not make a person
_HINT_KINDS = frozenset({"full", "content"})  # windows whose weak boxes count as rotation hints


def unscreenable_signals(analysis: ImageAnalysis, *, role: str, image_index: int, detector: str) -> list[Signal]:
    """A view that could not be screened in full is an invalid input: the policy blocks it."""
    return [
        Signal(
            kinds.INPUT_INVALID,
            1.0,
            detector,
            (Note(f"{role} image {image_index}, view {view}: {msg}"),),
            {"code": code, "view": view},
        )
        for view, code, msg in analysis.unscreenable
    ]


def _distinct_views(views: Sequence[ImageView]) -> tuple[list[ImageView], dict[str, str]]:
    """Views with identical pixels are screened once (still animations, repeated frames)."""
    if len(views) < 2:
        return list(views), {}
    seen: dict[tuple[tuple[int, ...], bytes], str] = {}
    out: list[ImageView] = []
    dup: dict[str, str] = {}
    for v in views:
        key = (v.pixels.shape, hashlib.blake2b(np.ascontiguousarray(v.pixels).data, digest_size=16).digest())
        if key in seen:
            dup[v.name] = seen[key]
        else:
            seen[key] = v.name
            out.append(v)
    return out, dup


def _with_index(d: RawDetection, image_index: int) -> RawDetection:
    return d if d.image_index == image_index else dataclasses.replace(d, image_index=image_index)
