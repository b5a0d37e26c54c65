"""PDQ matching that survives rotations, flips, letterboxing and small crops.

Plain PDQ compares one hash of the banked picture with one hash of the screened picture, so
any geometric change breaks the match: Thorn's `perception` benchmark finds only ~9% of
pictures cropped by 5% and ~2% of pictures padded by 20% at 99.99% precision. We hash a few
*variants* of each picture instead, chosen so the two sides meet in the middle:

    bank side  (stored once per reported picture, 2-4 hashes)
        original        the picture as reported (equals compute.pdq_hash, so it also matches
                        plain PDQ hashes imported from StopNCII/NCMEC/ThreatExchange lists)
        unpadded        the picture with uniform borders (letterbox, pillarbox, frames) removed
        crop:center90   the central 90% of the content (what a 5%-per-side crop leaves)
        crop:center80   the central 80% (10% per side)

    query side (computed for every screened picture, 8 or 16 hashes, from 1 or 2 DCTs)
        original, dihedral:<rotN|flip|transpose>   the picture under the 8 rotations/flips
        unpadded, unpadded+dihedral:<...>          the same after removing uniform borders

A 20%-padded copy matches through its `unpadded` hash (the pad is gone, leaving the picture
itself); a 5%-cropped copy matches the banked `crop:center90`; a rotated or mirrored copy
matches through one of its dihedral hashes. pdqhash computes the 8 dihedral hashes from one
DCT, so they cost about one hash; they sit on the query side so a bank of 10M pictures stores
2-4 hashes each, not 32. Every variant is computed on the same <= 512 px array
(compute.pdq_input), so the picture is shrunk once.

Why borders are removed rather than hashed around: PDQ's 64x64 downsample squeezes a padded
picture into a different aspect ratio and mixes the pad into every DCT coefficient; after
removal the padded copy is pixel for pixel the original again (up to JPEG noise). Removal is
deterministic on both sides, so a picture whose own edges happen to be uniform (a studio
backdrop, a night sky) is trimmed the same way when banked and when screened.

Quality: "original" is always returned first, whatever its quality, so callers see and refuse
weak hashes (`VariantHash.usable`). Derived variants are only returned when usable: a weak
crop of a strong picture would only add false matches.

Callers that screen several views of one upload (animation frames, hidden alpha layers) call
these functions once per view's pixels; a DecodedImage stands for its primary view.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from rempart.request.images import DecodedImage
from rempart.signals.hashes.compute import DIHEDRAL_NAMES, PDQ_MIN_QUALITY, pdq_dihedral, pdq_hash, pdq_input

# Border removal. A line (row or column) belongs to a border when at least BORDER_FILL of its
# pixels lie within BORDER_TOL (per channel) of the outermost line's median colour: JPEG at
# quality 30 moves flat black by < 10 levels, natural texture by far more.
BORDER_TOL = 24
BORDER_FILL = 0.98
MIN_BORDER = 0.02  # borders thinner than 2% of the side change PDQ too little to need a variant
MIN_CONTENT = 0.10  # keep at least 10% of each side (and 16 px): less is a blank picture
_MIN_CONTENT_PX = 16

# Central crops stored on the bank side, as the fraction of each side kept.
CROP_SCALES = (0.90, 0.80)


@dataclass(frozen=True)
class VariantHash:
    variant: str  # "original", "unpadded", "crop:center90", "dihedral:rot90", "unpadded+dihedral:fliph", ...
    pdq: str  # 64 hex digits, ThreatExchange's PDQ format
    quality: int  # 0..100; below PDQ_MIN_QUALITY the hash must not be matched on

    @property
    def usable(self) -> bool:
        return self.quality >= PDQ_MIN_QUALITY


def bank_hashes(image) -> list[VariantHash]:
    """Hashes to store in a bank for one reported picture: original first, then the derived
    variants (unpadded, central crops) that are strong enough to match on."""
    px = pdq_input(_rgb(image))
    h, q = pdq_hash(px)
    out = [VariantHash("original", h, q)]
    box = content_box(px)
    if box is not None:
        out.append(VariantHash("unpadded", *pdq_hash(_cut(px, box))))
    for scale in CROP_SCALES:
        crop = central_crop(px, scale)
        if crop is not None:
            out.append(VariantHash(f"crop:center{round(scale * 100)}", *pdq_hash(crop)))
    return _keep(out)


def query_hashes(image) -> list[VariantHash]:
    """Hashes to look up for one screened picture: its 8 rotations/flips, and the same again
    with uniform borders removed when it has any. "original" comes first."""
    pixels = _rgb(image)
    out = _dihedral_variants(pixels, prefix="")  # the same DCT as the view's plain PDQ (memoised)
    px = pdq_input(pixels)
    box = content_box(px)
    if box is not None:
        out += _dihedral_variants(_cut(px, box), prefix="unpadded")
    return _keep(out)


def content_box(pixels: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the picture inside its uniform borders, bottom/right
    exclusive; None when there is no border worth removing or nothing would be left."""
    h, w = pixels.shape[:2]
    top = _border_depth(pixels, h // 2)
    bottom = _border_depth(pixels[::-1], h // 2)
    left = _border_depth(pixels.transpose(1, 0, 2), w // 2)
    right = _border_depth(pixels.transpose(1, 0, 2)[::-1], w // 2)
    if max(top, bottom) < max(2, MIN_BORDER * h) and max(left, right) < max(2, MIN_BORDER * w):
        return None
    ch, cw = h - top - bottom, w - left - right
    if ch < max(_MIN_CONTENT_PX, MIN_CONTENT * h) or cw < max(_MIN_CONTENT_PX, MIN_CONTENT * w):
        return None  # (nearly) uniform picture: nothing meaningful inside the "border"
    return top, h - bottom, left, w - right


def central_crop(pixels: np.ndarray, scale: float) -> np.ndarray | None:
    h, w = pixels.shape[:2]
    dy, dx = round(h * (1 - scale) / 2), round(w * (1 - scale) / 2)
    if h - 2 * dy < _MIN_CONTENT_PX or w - 2 * dx < _MIN_CONTENT_PX:
        return None
    return np.ascontiguousarray(pixels[dy : h - dy, dx : w - dx])


def _border_depth(pixels: np.ndarray, limit: int) -> int:
    """How many lines, from the first row inward (at most `limit`), form a uniform border."""
    if limit <= 0:
        return 0
    first = pixels[0].astype(np.int16)
    colour = np.median(first, axis=0).astype(np.int16)
    if not _uniform(first, colour).item():  # most pictures: no border, one line checked
        return 0
    band = pixels[:limit].astype(np.int16)
    uniform = _uniform(band, colour)
    return int(limit if uniform.all() else np.argmin(uniform))


def _uniform(lines: np.ndarray, colour: np.ndarray) -> np.ndarray:
    close = (np.abs(lines - colour).max(axis=-1) <= BORDER_TOL).mean(axis=-1)
    return np.atleast_1d(close >= BORDER_FILL)


def _cut(pixels: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    top, bottom, left, right = box
    return np.ascontiguousarray(pixels[top:bottom, left:right])


def _dihedral_variants(pixels: np.ndarray, prefix: str) -> list[VariantHash]:
    hashes, quality = pdq_dihedral(pixels)
    out = []
    for name, h in zip(DIHEDRAL_NAMES, hashes):
        if name == "original":
            variant = prefix or "original"
        else:
            variant = f"{prefix}+dihedral:{name}" if prefix else f"dihedral:{name}"
        out.append(VariantHash(variant, h, quality))
    return out


def _keep(variants: list[VariantHash]) -> list[VariantHash]:
    """The original always; derived variants only when usable and not a repeat of a kept hash."""
    seen: set[str] = set()
    out = []
    for i, v in enumerate(variants):
        if i and (not v.usable or v.pdq in seen):
            continue
        seen.add(v.pdq)
        out.append(v)
    return out


def _rgb(image) -> np.ndarray:
    """H x W x 3 uint8 RGB pixels of a DecodedImage (its primary view), a PIL image or an array."""
    if isinstance(image, DecodedImage):
        return image.primary
    if isinstance(image, Image.Image):
        return np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    if isinstance(image, np.ndarray):
        if image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8:
            return image
        raise ValueError(f"expected an H x W x 3 uint8 RGB array, got {image.dtype} {image.shape}")
    raise TypeError(f"expected a DecodedImage, PIL image or RGB numpy array, got {type(image).__name__}")
