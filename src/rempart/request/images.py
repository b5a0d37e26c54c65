"""Safe image decoding. Everything the detectors see passes through `decode_image`.

CONTRACT (other modules rely on it):
    decode_image(data: bytes, *, limits: ImageLimits = DEFAULT_LIMITS) -> DecodedImage
    raises rempart.errors.InputError(code=...) with a clear message on any bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int = 25 * 1024 * 1024
    max_pixels: int = 40_000_000  # per frame; larger is treated as a decompression bomb
    max_frames: int = 64  # animated GIF/WebP and multi-page TIFF: every frame is screened
    max_side: int = 16_384


DEFAULT_LIMITS = ImageLimits()


@dataclass(frozen=True)
class ImageView:
    """One RGB picture to screen: an animation frame, or a hidden layer such as the colour under alpha."""

    name: str  # "frame0", "frame3", "frame0.under_alpha", ...
    pixels: np.ndarray  # H x W x 3, uint8, RGB, EXIF orientation applied


@dataclass(frozen=True)
class DecodedImage:
    views: tuple[ImageView, ...]
    width: int
    height: int
    format: str  # "PNG", "JPEG", ...
    source_mode: str  # PIL mode before conversion: "RGBA", "CMYK", "I;16", "P", ...
    n_frames: int
    sha256: str  # of the encoded bytes
    n_bytes: int
    notes: tuple[str, ...] = field(default=())  # e.g. "alpha channel hides content: screened both layers"

    @property
    def primary(self) -> np.ndarray:
        return self.views[0].pixels
