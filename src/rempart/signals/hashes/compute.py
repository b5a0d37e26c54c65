"""Image hashes: SHA-256 and MD5 of the encoded bytes (exact copies) and PDQ (perceptual, near copies).

PDQ hex follows ThreatExchange's format (16-bit word 15 first), so hashes imported from
industry hash lists compare directly with ours.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pdqhash

from rempart.signals import workcopy

PDQ_MIN_QUALITY = 50  # ThreatExchange guidance: hashes below this are too weak to match on
PDQ_MAX_SIDE = 512  # downscale larger pictures first: the reference downsampler is slow (seconds at 6k px)
_MIN_SIDE = 5  # PDQ is undefined below this; such pictures get quality 0
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def pdq_hash(pixels: np.ndarray) -> tuple[str, int]:
    """PDQ of an H x W x 3 uint8 RGB array -> (64-char hex, quality 0..100)."""
    hashes, quality = pdq_dihedral(pixels)
    return hashes[0], quality


# Order of pdqhash.compute_dihedral's hashes, named by what is done to the picture: rotations
# are counter-clockwise (numpy's rot90), flipv turns it upside down, fliph mirrors it.
DIHEDRAL_NAMES = ("original", "rot90", "rot180", "rot270", "flipv", "fliph", "transpose", "antitranspose")


def pdq_dihedral(pixels: np.ndarray) -> tuple[list[str], int]:
    """The 8 PDQ hashes of a picture's rotations and flips (DIHEDRAL_NAMES order) from one
    DCT, for about the cost of one hash, and their shared quality. [0] is pdq_hash's.

    Computed once per view (rempart.signals.workcopy): the bank detector's query variants
    and the audit record hash the same view."""
    if not isinstance(pixels, np.ndarray) or pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
        shape = getattr(pixels, "shape", None)
        raise ValueError(f"PDQ needs an H x W x 3 uint8 RGB array, got {type(pixels).__name__} {shape}")
    if min(pixels.shape[:2]) < _MIN_SIDE:
        return ["0" * 64] * 8, 0

    def compute() -> tuple[tuple[str, ...], int]:
        hashes, quality = pdqhash.compute_dihedral(pdq_input(pixels))
        return tuple(_bits_hex(b) for b in hashes), int(quality)

    hashes, quality = workcopy.memo(pixels, "pdq_dihedral", compute)
    return list(hashes), quality


def pdq_input(pixels: np.ndarray) -> np.ndarray:
    """The array PDQ actually hashes: at most PDQ_MAX_SIDE on its long side (area-averaged,
    close to the tent filter PDQ itself uses to downsample), C-contiguous. It is the shared
    512 px working copy, so the image detectors' shrink is not done twice."""
    return np.ascontiguousarray(workcopy.shrunk(pixels, PDQ_MAX_SIDE)[0])


def _bits_hex(bits: np.ndarray) -> str:
    # pdqhash returns bits most significant first (bit 255 .. bit 0): packbits gives TE's hex.
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def md5_hex(data: bytes) -> str:
    """MD5 of the encoded bytes: only for exact matching against hash lists that use it
    (NCMEC, threatexchange's "md5" signal type); never as a security hash."""
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


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
