"""Safe image decoding. Everything the detectors see passes through `decode_image`.

CONTRACT (other modules rely on it):
    decode_image(data: bytes, *, limits: ImageLimits = DEFAULT_LIMITS) -> DecodedImage
    raises rempart.errors.InputError(code=...) with a clear message on any bad input.

Error codes (stable): IMAGE_EMPTY, IMAGE_TOO_LARGE, IMAGE_UNREADABLE, IMAGE_TRUNCATED,
IMAGE_CORRUPT, IMAGE_TOO_MANY_PIXELS, IMAGE_TOO_MANY_FRAMES, IMAGE_BAD_DIMENSIONS,
IMAGE_NOT_FOUND (load_image_file only).

Views: every frame is screened ("frame0", "frame1", ...). When a frame has any transparency,
three views are screened: the composite over white under the frame's own name (what a viewer
sees), "frameN.over_black", and "frameN.under_alpha" (the colour channels with alpha ignored,
which reveals content hidden under transparent pixels). Identical views are dropped.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from rempart.errors import InputError, RempartError


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int = 25 * 1024 * 1024
    max_pixels: int = 40_000_000  # per frame; larger is treated as a decompression bomb
    max_frames: int = 64  # animated GIF/WebP and multi-page TIFF: every frame is screened
    max_side: int = 16_384
    # All views together (frames x alpha layers): bounds memory at ~3 bytes per pixel.
    max_total_pixels: int = 120_000_000


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
    # The encoded bytes, for detectors that read metadata (C2PA, XMP). Never stored or logged.
    source: bytes = field(default=b"", repr=False, compare=False)

    @property
    def primary(self) -> np.ndarray:
        return self.views[0].pixels


# Only well-understood raster formats: Pillow's other plugins widen the attack surface
# (EPS runs Ghostscript, for one).
Image.init()
ALLOWED_FORMATS: tuple[str, ...] = tuple(
    f for f in ("PNG", "JPEG", "GIF", "WEBP", "TIFF", "BMP", "AVIF") if f in Image.OPEN
)

_ALPHA_MODES = frozenset({"RGBA", "LA", "La", "RGBa", "PA"})


def _err(code: str, message: str) -> InputError:
    return InputError(message, code=code)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def load_image_file(path: str | os.PathLike[str], *, limits: ImageLimits = DEFAULT_LIMITS) -> bytes:
    """Read an image file's bytes, refusing missing, empty or oversized files."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise _err("IMAGE_NOT_FOUND", f"Image file not found: {p}") from None
    except OSError as e:
        raise _err("IMAGE_UNREADABLE", f"Cannot read image file {p}: {e.strerror or e}") from None
    if p.is_dir():
        raise _err("IMAGE_NOT_FOUND", f"Expected an image file but found a directory: {p}")
    if st.st_size > limits.max_bytes:
        raise _err(
            "IMAGE_TOO_LARGE",
            f"Image file {p.name} is {_mb(st.st_size)}; the limit is {_mb(limits.max_bytes)}.",
        )
    try:
        with p.open("rb") as f:
            data = f.read(limits.max_bytes + 1)  # +1: the file may have grown, or be a pipe
    except OSError as e:
        raise _err("IMAGE_UNREADABLE", f"Cannot read image file {p}: {e.strerror or e}") from None
    if len(data) > limits.max_bytes:
        raise _err("IMAGE_TOO_LARGE", f"Image file {p.name} is larger than {_mb(limits.max_bytes)}.")
    if not data:
        raise _err("IMAGE_EMPTY", f"Image file {p.name} is empty (0 bytes).")
    return data


def decode_image(data: bytes, *, limits: ImageLimits = DEFAULT_LIMITS) -> DecodedImage:
    """Decode untrusted image bytes into RGB views to screen. Raises InputError on bad input."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _err("IMAGE_UNREADABLE", f"Image must be bytes, got {type(data).__name__}.")
    data = bytes(data)
    if len(data) == 0:
        raise _err("IMAGE_EMPTY", "The image is empty (0 bytes).")
    if len(data) > limits.max_bytes:
        raise _err("IMAGE_TOO_LARGE", f"The image is {_mb(len(data))}; the limit is {_mb(limits.max_bytes)}.")
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Someone in this process relaxed Pillow; truncated uploads would pass half-decoded.
        raise RempartError(
            "Pillow's ImageFile.LOAD_TRUNCATED_IMAGES is True in this process; refusing to decode.",
            code="IMAGE_DECODER_MISCONFIGURED",
        )
    digest = hashlib.sha256(data).hexdigest()
    try:
        return _decode(data, digest, limits)
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise _err("IMAGE_TOO_MANY_PIXELS", f"The image has too many pixels (decompression bomb): {e}") from None
    except MemoryError:
        raise _err("IMAGE_TOO_MANY_PIXELS", "The image is too large to decode in memory.") from None
    except EOFError:
        raise _err("IMAGE_TRUNCATED", "The image file is truncated (it ends too early).") from None
    except Exception as e:  # any decoder failure is the input's fault; never leak a traceback
        msg = str(e) or type(e).__name__
        if "truncat" in msg.lower():
            raise _err("IMAGE_TRUNCATED", f"The image file is truncated: {msg}") from None
        raise _err("IMAGE_CORRUPT", f"The image data is corrupt and cannot be decoded: {msg}") from None


def _decode(data: bytes, digest: str, limits: ImageLimits) -> DecodedImage:
    try:
        im = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except UnidentifiedImageError:
        kind = _sniff(data)
        if kind:
            raise _err(
                "IMAGE_CORRUPT", f"The data starts like a {kind} file but its header is damaged or cut short."
            ) from None
        raise _err(
            "IMAGE_UNREADABLE",
            "The data is not an image in a supported format (" + ", ".join(ALLOWED_FORMATS) + ").",
        ) from None
    with im:
        fmt = im.format or "UNKNOWN"
        source_mode = im.mode
        _check_size(im.size, limits, "The image")  # header only: before any pixel is decoded
        if fmt == "PNG":
            _verify_png(data)
        n_frames = int(getattr(im, "n_frames", 1) or 1)  # header walk, no decoding
        if n_frames > limits.max_frames:
            raise _err(
                "IMAGE_TOO_MANY_FRAMES",
                f"The image has {n_frames} frames; at most {limits.max_frames} can be screened.",
            )
        views: list[ImageView] = []
        notes: list[str] = []
        total = 0
        for i in range(n_frames):
            if i:
                im.seek(i)
            _check_size(im.size, limits, f"Frame {i}")
            total += im.size[0] * im.size[1]
            if total > limits.max_total_pixels:
                raise _err(
                    "IMAGE_TOO_MANY_PIXELS",
                    f"The image's frames hold more than {limits.max_total_pixels:,} pixels in all.",
                )
            im.load()  # forces the lazy decoder: truncation and corruption surface here
            frame_views, frame_notes = _frame_views(im, f"frame{i}")
            extra = sum(v.pixels.shape[0] * v.pixels.shape[1] for v in frame_views[1:])
            total += extra
            if total > limits.max_total_pixels:
                raise _err(
                    "IMAGE_TOO_MANY_PIXELS",
                    f"The image's frames and hidden layers hold more than {limits.max_total_pixels:,} pixels.",
                )
            views.extend(frame_views)
            notes.extend(frame_notes)
        if n_frames > 1:
            notes.insert(0, f"{n_frames} frames: every frame screened")
    first = views[0].pixels
    return DecodedImage(
        views=tuple(views),
        width=int(first.shape[1]),
        height=int(first.shape[0]),
        format=fmt,
        source_mode=source_mode,
        n_frames=n_frames,
        sha256=digest,
        n_bytes=len(data),
        notes=tuple(notes),
        source=data,
    )


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def _sniff(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def _verify_png(data: bytes) -> None:
    """Check every chunk's CRC up to IEND (cheap, no decoding): Pillow's load() does not, and
    it accepts a file cut inside its last chunk."""
    with Image.open(io.BytesIO(data), formats=["PNG"]) as v:
        try:
            v.verify()
        except EOFError:
            raise _err("IMAGE_TRUNCATED", "The PNG file is truncated (it ends before its last chunk).") from None
        except (SyntaxError, OSError, ValueError) as e:
            msg = str(e) or type(e).__name__
            code = "IMAGE_TRUNCATED" if "truncat" in msg.lower() or "end" in msg.lower() else "IMAGE_CORRUPT"
            raise _err(code, f"The PNG file fails its integrity check: {msg}") from None


def _check_size(size: tuple[int, int], limits: ImageLimits, what: str) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise _err("IMAGE_BAD_DIMENSIONS", f"{what} has invalid dimensions {w}x{h}.")
    if w > limits.max_side or h > limits.max_side:
        raise _err(
            "IMAGE_BAD_DIMENSIONS",
            f"{what} is {w}x{h} pixels; sides longer than {limits.max_side} are not accepted.",
        )
    if w * h > limits.max_pixels:
        raise _err(
            "IMAGE_TOO_MANY_PIXELS",
            f"{what} is {w}x{h} = {w * h:,} pixels; the limit is {limits.max_pixels:,} "
            "(possible decompression bomb).",
        )


def _orient(im: Image.Image, name: str, notes: list[str]) -> Image.Image:
    try:
        out = ImageOps.exif_transpose(im)
    except Exception:  # malformed EXIF must not block screening; pixels are still checked
        notes.append(f"{name}: EXIF orientation unreadable, screened as stored")
        return im
    return out if out is not None else im


def _frame_views(im: Image.Image, name: str) -> tuple[list[ImageView], list[str]]:
    notes: list[str] = []
    frame = _orient(im, name, notes)
    rgb, alpha = _to_rgb_alpha(frame)
    if alpha is None or alpha.min() == 255:
        return [ImageView(name, rgb)], notes
    a = alpha.astype(np.float32)[..., None] / 255.0
    fg = rgb.astype(np.float32) * a
    over_white = np.clip(fg + 255.0 * (1.0 - a) + 0.5, 0, 255).astype(np.uint8)
    over_black = np.clip(fg + 0.5, 0, 255).astype(np.uint8)
    views = [ImageView(name, over_white)]
    for suffix, px in ((".over_black", over_black), (".under_alpha", rgb)):
        if not any(np.array_equal(px, v.pixels) for v in views):  # skip duplicate work
            views.append(ImageView(name + suffix, px))
    notes.append(
        f"{name}: alpha channel has transparency: screened "
        + ", ".join(v.name for v in views)
        + " (content under transparency revealed)"
    )
    return views, notes


def _to_rgb_alpha(im: Image.Image) -> tuple[np.ndarray, np.ndarray | None]:
    """RGB uint8 pixels and the alpha channel (or None), for any Pillow mode."""
    mode = im.mode
    if mode == "P" or mode == "PA":
        has_alpha = mode == "PA" or "transparency" in im.info
        im = im.convert("RGBA" if has_alpha else "RGB")
        mode = im.mode
    if mode.startswith("I") or mode.startswith("F"):
        grey = _high_depth_to_u8(np.asarray(im), mode)
        return np.ascontiguousarray(np.repeat(grey[..., None], 3, axis=2)), None
    if mode in _ALPHA_MODES:
        arr = np.asarray(im.convert("RGBA"))  # also un-premultiplies La/RGBa
        return np.ascontiguousarray(arr[..., :3]), np.ascontiguousarray(arr[..., 3])
    if mode == "L" and "transparency" in im.info:  # grey PNG with a tRNS colour key
        arr = np.asarray(im.convert("RGBA"))
        return np.ascontiguousarray(arr[..., :3]), np.ascontiguousarray(arr[..., 3])
    if mode == "RGB" and "transparency" in im.info:
        arr = np.asarray(im.convert("RGBA"))
        return np.ascontiguousarray(arr[..., :3]), np.ascontiguousarray(arr[..., 3])
    if mode != "RGB":
        im = im.convert("RGB")  # L, 1, CMYK, YCbCr, LAB, HSV
    return np.array(im, dtype=np.uint8), None


def _high_depth_to_u8(arr: np.ndarray, mode: str) -> np.ndarray:
    """Scale 16/32-bit or float greyscale to 8 bits over its full range (Pillow would clip)."""
    a = arr.astype(np.float64)
    if a.ndim == 3:  # defensive: some TIFF variants come with a trailing channel
        a = a[..., 0]
    lo, hi = (float(a.min()), float(a.max())) if a.size else (0.0, 0.0)
    if mode.startswith("I;16") and not mode.startswith("I;16S"):
        scaled = a / 257.0  # 0..65535 -> 0..255
    elif mode.startswith("F"):
        if lo >= 0.0 and hi <= 1.0:
            scaled = a * 255.0
        elif lo >= 0.0 and hi <= 255.0:
            scaled = a
        else:
            scaled = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(a)
    elif lo >= 0.0 and hi <= 65535.0:  # "I": 16-bit data in a 32-bit container
        scaled = a / 257.0 if hi > 255.0 else a
    else:
        scaled = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(a)
    return np.clip(np.rint(np.nan_to_num(scaled)), 0, 255).astype(np.uint8)
