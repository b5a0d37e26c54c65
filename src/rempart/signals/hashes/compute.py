"""Image hashes: SHA-256 of the encoded bytes (exact copies) and PDQ (perceptual, near copies).

PDQ hex follows ThreatExchange's format (16-bit word 15 first), so hashes imported from
industry hash lists compare directly with ours.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pdqhash
from PIL import Image

PDQ_MIN_QUALITY = 50  # ThreatExchange guidance: hashes below this are too weak to match on
PDQ_MAX_SIDE = 512  # downscale larger pictures first: the reference downsampler is slow (seconds at 6k px)
_MIN_SIDE = 5  # PDQ is undefined below this; such pictures get quality 0
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def pdq_hash(pixels: np.ndarray) -> tuple[str, int]:
    """PDQ of an H x W x 3 uint8 RGB array -> (64-char hex, quality 0..100)."""
    if not isinstance(pixels, np.ndarray) or pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
        shape = getattr(pixels, "shape", None)
        raise ValueError(f"pdq_hash needs an H x W x 3 uint8 RGB array, got {type(pixels).__name__} {shape}")
    h, w = pixels.shape[:2]
    if min(h, w) < _MIN_SIDE:
        return "0" * 64, 0
    if max(h, w) > PDQ_MAX_SIDE:
        scale = PDQ_MAX_SIDE / max(h, w)
        size = (max(_MIN_SIDE, round(w * scale)), max(_MIN_SIDE, round(h * scale)))
        # BOX = area average, close to the tent filter PDQ itself uses to downsample.
        pixels = np.asarray(Image.fromarray(pixels, "RGB").resize(size, Image.Resampling.BOX))
    bits, quality = pdqhash.compute(np.ascontiguousarray(pixels))
    # pdqhash returns bits most significant first (bit 255 .. bit 0): packbits gives TE's hex.
    return np.packbits(bits.astype(np.uint8)).tobytes().hex(), int(quality)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hamming_hex(a: str, b: str) -> int:
    """Number of differing bits between two equal-length hex digests."""
    if len(a) != len(b):
        raise ValueError(f"hashes of different lengths: {len(a)} and {len(b)} hex digits")
    return (int.from_bytes(bytes.fromhex(a), "big") ^ int.from_bytes(bytes.fromhex(b), "big")).bit_count()


def normalize_hex256(value: str, what: str = "hash") -> str:
    """Lower-case a 256-bit hex digest and check its form (PDQ and SHA-256 are both 64 hex)."""
    v = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(v, str) or not _HEX64.fullmatch(v):
        raise ValueError(f"{what} must be 64 hex digits, got {value!r:.80}")
    return v
