"""Safe decoding: bad inputs give clear InputError codes; tricky encodings are screened fully.

Fixtures are only the benign demo samples and pictures drawn with numpy/PIL.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

import rempart
from rempart.errors import InputError, RempartError
from rempart.request.images import (
    DEFAULT_LIMITS,
    DecodedImage,
    ImageLimits,
    decode_image,
    load_image_file,
)

SAMPLES = Path(rempart.__file__).parent / "demo" / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def code_of(data: bytes, **kw) -> str:
    with pytest.raises(InputError) as ei:
        decode_image(data, **kw)
    err = ei.value
    assert err.message and "Traceback" not in err.message
    assert err.to_dict()["code"] == err.code
    return err.code


def png_chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height (greyscale, 8-bit), with a valid small IDAT."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


# --- the normal path ----------------------------------------------------------------------


def test_decodes_sample_jpeg():
    data = sample("astronaut.jpg")
    img = decode_image(data)
    assert isinstance(img, DecodedImage)
    assert (img.width, img.height) == (512, 512)
    assert img.format == "JPEG" and img.source_mode == "RGB"
    assert img.n_frames == 1 and [v.name for v in img.views] == ["frame0"]
    assert img.primary.shape == (512, 512, 3) and img.primary.dtype == np.uint8
    assert img.sha256 == hashlib.sha256(data).hexdigest()
    assert img.n_bytes == len(data)
    assert img.notes == ()


@pytest.mark.parametrize("name", ["astronaut.jpg", "camera.jpg", "chelsea.jpg", "coffee.jpg", "rocket.jpg"])
def test_all_samples_decode(name):
    img = decode_image(sample(name))
    assert img.primary.ndim == 3 and img.primary.shape[2] == 3


def test_greyscale_png_becomes_rgb():
    im = Image.fromarray(np.arange(256, dtype=np.uint8).reshape(16, 16), "L")
    img = decode_image(encode(im, "PNG"))
    assert img.source_mode == "L"
    assert img.primary.shape == (16, 16, 3)
    assert img.primary[15, 15].tolist() == [255, 255, 255]


# --- bad inputs ---------------------------------------------------------------------------


def test_zero_bytes():
    assert code_of(b"") == "IMAGE_EMPTY"


def test_too_many_bytes():
    assert code_of(sample("coffee.jpg"), limits=ImageLimits(max_bytes=1000)) == "IMAGE_TOO_LARGE"


def test_not_bytes():
    assert code_of("astronaut.jpg") == "IMAGE_UNREADABLE"  # type: ignore[arg-type]


def test_random_bytes():
    rng = np.random.default_rng(0)
    assert code_of(rng.integers(0, 256, 4096, dtype=np.uint8).tobytes()) == "IMAGE_UNREADABLE"


def test_text_file():
    assert code_of(b"Hello, this is a text file, not a picture.\n" * 20) == "IMAGE_UNREADABLE"


def test_unsupported_format_is_refused():
    # EPS would make Pillow run Ghostscript: such formats are not on the allow-list.
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    assert code_of(eps) == "IMAGE_UNREADABLE"


def test_truncated_jpeg():
    data = sample("camera.jpg")
    assert code_of(data[: len(data) // 2]) == "IMAGE_TRUNCATED"
    assert code_of(data[:-2]) == "IMAGE_TRUNCATED"  # only the end-of-image marker missing


def test_truncated_png():
    data = encode(Image.open(SAMPLES / "coffee.jpg"), "PNG")
    assert code_of(data[: len(data) // 2]) == "IMAGE_TRUNCATED"
    assert code_of(data[:-12]) == "IMAGE_TRUNCATED"  # IEND missing
    assert code_of(data[:-20]) == "IMAGE_TRUNCATED"  # cut inside the last IDAT's checksum


def test_png_cut_inside_header():
    data = encode(Image.open(SAMPLES / "coffee.jpg"), "PNG")
    assert code_of(data[:40]) in ("IMAGE_CORRUPT", "IMAGE_TRUNCATED")


def test_corrupt_png_checksum():
    data = bytearray(encode(Image.open(SAMPLES / "coffee.jpg"), "PNG"))
    data[len(data) // 2] ^= 0xFF
    assert code_of(bytes(data)) == "IMAGE_CORRUPT"


def test_load_truncated_images_stays_off():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        with pytest.raises(RempartError) as ei:
            decode_image(sample("camera.jpg"))
        assert ei.value.code == "IMAGE_DECODER_MISCONFIGURED"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_bomb_header_rejected_before_decoding():
    # 10_000 x 10_000 = 100 M pixels > 40 M: refused from the header alone.
    data = png_claiming(10_000, 10_000)
    assert len(data) < 200
    assert code_of(data) == "IMAGE_TOO_MANY_PIXELS"


def test_bomb_beyond_pillows_own_limit():
    # Pillow itself raises DecompressionBombError at open for this one: still a clean code.
    data = png_claiming(16_000, 16_000)
    assert code_of(data, limits=ImageLimits(max_pixels=10**9)) == "IMAGE_TOO_MANY_PIXELS"


def test_real_cheap_image_with_lowered_limit():
    data = encode(Image.new("L", (2000, 2000)), "PNG")
    assert len(data) < 50_000
    assert code_of(data, limits=ImageLimits(max_pixels=1_000_000)) == "IMAGE_TOO_MANY_PIXELS"


def test_extreme_side():
    assert code_of(png_claiming(20_000, 1)) == "IMAGE_BAD_DIMENSIONS"
    data = encode(Image.new("L", (300, 2)), "PNG")
    assert code_of(data, limits=ImageLimits(max_side=256)) == "IMAGE_BAD_DIMENSIONS"


def test_too_many_frames():
    frames = [Image.new("RGB", (8, 8), (i * 20, 0, 0)) for i in range(5)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50)
    assert code_of(data, limits=ImageLimits(max_frames=4)) == "IMAGE_TOO_MANY_FRAMES"


def test_total_pixel_budget():
    frames = [Image.new("RGB", (100, 100), (i * 40, 0, 0)) for i in range(4)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50)
    assert code_of(data, limits=ImageLimits(max_total_pixels=25_000)) == "IMAGE_TOO_MANY_PIXELS"


# --- colour modes -------------------------------------------------------------------------


def test_cmyk_jpeg():
    rgb = Image.open(SAMPLES / "coffee.jpg").convert("RGB")
    data = encode(rgb.convert("CMYK"), "JPEG", quality=95)
    img = decode_image(data)
    assert img.source_mode == "CMYK"
    assert img.primary.shape == (400, 600, 3)
    diff = np.abs(img.primary.astype(int) - np.asarray(rgb, dtype=int)).mean()
    assert diff < 12  # colours survive the round trip (no inversion)


def test_16bit_png_scaled_not_clipped():
    ramp = (np.arange(64 * 64, dtype=np.uint32) * 16).reshape(64, 64).astype(np.uint16)  # 0 .. 65520
    im = Image.fromarray(ramp)
    data = encode(im, "PNG")
    img = decode_image(data)
    assert img.source_mode.startswith("I")
    px = img.primary[..., 0].astype(int)
    assert img.primary.dtype == np.uint8
    assert px.min() == 0 and px.max() >= 254
    # a clipping conversion would leave > 99 % of this ramp at 255
    assert (px == 255).mean() < 0.01
    assert np.all(np.diff(px.ravel()) >= 0)  # monotonic ramp kept
    assert abs(int(px[32, 0]) - int(ramp[32, 0]) // 257) <= 1


def test_float_tiff_scaled():
    arr = np.linspace(0.0, 1.0, 32 * 32, dtype=np.float32).reshape(32, 32)
    img = decode_image(encode(Image.fromarray(arr, "F"), "TIFF"))
    assert img.source_mode == "F"
    assert img.primary.min() == 0 and img.primary.max() == 255


def test_palette_png_with_transparency():
    im = Image.new("P", (20, 20), 0)
    im.putpalette([255, 0, 0, 0, 0, 255] + [0] * (254 * 3))
    im.paste(1, (10, 0, 20, 20))
    data = encode(im, "PNG", transparency=1)
    img = decode_image(data)
    assert img.source_mode == "P"
    views = {v.name: v.pixels for v in img.views}
    assert views["frame0"][0, 0].tolist() == [255, 0, 0]
    assert views["frame0"][0, 15].tolist() == [255, 255, 255]  # transparent: white, as a viewer shows it
    assert views["frame0.under_alpha"][0, 15].tolist() == [0, 0, 255]  # the colour under it
    assert any("alpha" in n for n in img.notes)


def test_rgba_hidden_content_revealed():
    # A visible plain picture, with a drawn disc hidden in the colour channels under alpha = 0.
    h = w = 64
    rgba = np.zeros((h, w, 4), np.uint8)
    rgba[..., :3] = 200
    rgba[..., 3] = 255
    yy, xx = np.mgrid[:h, :w]
    disc = (yy - 32) ** 2 + (xx - 32) ** 2 < 15**2
    rgba[disc, :3] = (10, 160, 30)
    rgba[disc, 3] = 0
    img = decode_image(encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    views = {v.name: v.pixels for v in img.views}
    assert set(views) == {"frame0", "frame0.over_black", "frame0.under_alpha"}
    assert views["frame0"][32, 32].tolist() == [255, 255, 255]  # viewer sees a white hole
    assert views["frame0.over_black"][32, 32].tolist() == [0, 0, 0]
    assert views["frame0.under_alpha"][32, 32].tolist() == [10, 160, 30]  # the hidden disc
    assert views["frame0.under_alpha"][0, 0].tolist() == [200, 200, 200]
    assert img.source_mode == "RGBA"
    assert any("under_alpha" in n for n in img.notes)


def test_opaque_rgba_gives_one_view():
    rgba = np.full((8, 8, 4), 255, np.uint8)
    img = decode_image(encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    assert [v.name for v in img.views] == ["frame0"]
    assert img.notes == ()


def test_la_partial_alpha():
    la = np.zeros((8, 8, 2), np.uint8)
    la[..., 0] = 100
    la[..., 1] = 1  # almost invisible, but present
    img = decode_image(encode(Image.fromarray(la, "LA"), "PNG"))
    views = {v.name: v.pixels for v in img.views}
    assert views["frame0"][0, 0].tolist() == [254, 254, 254]  # 100 * 1/255 + 255 * 254/255
    assert views["frame0.under_alpha"][0, 0].tolist() == [100, 100, 100]


# --- frames, orientation --------------------------------------------------------------------


def test_animated_gif_every_frame():
    base = np.zeros((32, 32, 3), np.uint8)
    base[:, :16] = (255, 0, 0)
    odd = base.copy()
    odd[8:24, 8:24] = (0, 0, 255)  # only frame 1 ("frame 2" counting from 1) differs
    frames = [Image.fromarray(a) for a in (base, odd, base)]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0, disposal=1)
    img = decode_image(data)
    assert img.format == "GIF" and img.n_frames == 3
    names = [v.name for v in img.views]
    assert names == ["frame0", "frame1", "frame2"]
    px = [v.pixels for v in img.views]
    for i in (0, 2):
        assert px[i][16, 4].tolist() == [255, 0, 0] and px[i][16, 16].tolist() == [0, 0, 0]
    assert px[1][16, 16].tolist() == [0, 0, 255] and px[1][16, 4].tolist() == [255, 0, 0]
    assert np.array_equal(px[0], px[2])
    assert any("3 frames" in n for n in img.notes)


def test_animated_webp_every_frame():
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 255, 0))]
    data = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100, lossless=True)
    img = decode_image(data)
    assert img.format == "WEBP" and img.n_frames == 2
    assert [v.name for v in img.views] == ["frame0", "frame1"]
    assert img.views[1].pixels[8, 8].tolist() == [0, 255, 0]


def test_exif_orientation_applied():
    src = Image.open(SAMPLES / "rocket.jpg")  # 640 x 427, landscape
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display
    data = encode(src, "JPEG", exif=exif.tobytes(), quality=90)
    img = decode_image(data)
    assert (img.width, img.height) == (427, 640)
    assert img.primary.shape == (640, 427, 3)


def test_multipage_tiff_every_page():
    pages = [Image.new("RGB", (20, 10), (255, 0, 0)), Image.new("RGB", (12, 30), (0, 0, 255))]
    data = encode(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    img = decode_image(data)
    assert img.format == "TIFF" and img.n_frames == 2
    assert [v.name for v in img.views] == ["frame0", "frame1"]
    assert img.views[0].pixels.shape == (10, 20, 3)
    assert img.views[1].pixels.shape == (30, 12, 3)
    assert img.views[1].pixels[5, 5].tolist() == [0, 0, 255]


# --- load_image_file ------------------------------------------------------------------------


def test_load_image_file(tmp_path):
    assert load_image_file(SAMPLES / "chelsea.jpg") == sample("chelsea.jpg")
    with pytest.raises(InputError) as ei:
        load_image_file(tmp_path / "missing.png")
    assert ei.value.code == "IMAGE_NOT_FOUND"
    with pytest.raises(InputError) as ei:
        load_image_file(tmp_path)
    assert ei.value.code == "IMAGE_NOT_FOUND"
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as ei:
        load_image_file(empty)
    assert ei.value.code == "IMAGE_EMPTY"
    with pytest.raises(InputError) as ei:
        load_image_file(SAMPLES / "chelsea.jpg", limits=ImageLimits(max_bytes=100))
    assert ei.value.code == "IMAGE_TOO_LARGE"


def test_default_limits():
    assert DEFAULT_LIMITS.max_frames == 64 and DEFAULT_LIMITS.max_pixels == 40_000_000
