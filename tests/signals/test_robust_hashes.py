"""Crop-, pad- and rotation-robust PDQ variants (rempart.signals.hashes.robust)."""

from __future__ import annotations

import hashlib
import io
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rempart.request.images import decode_image
from rempart.signals.hashes.compute import DIHEDRAL_NAMES, PDQ_MIN_QUALITY, hamming_hex, md5_hex, pdq_dihedral, pdq_hash
from rempart.signals.hashes.robust import VariantHash, bank_hashes, content_box, query_hashes

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rempart" / "demo" / "samples"
NAMES = ("astronaut", "camera", "chelsea", "coffee", "rocket")
THRESHOLD = 31  # the banks' default PDQ threshold


def sample(name: str) -> np.ndarray:
    return np.asarray(Image.open(SAMPLES / f"{name}.jpg").convert("RGB"))


def jpeg(px: np.ndarray, quality: int = 40) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))


def best_match(bank: list[VariantHash], query: list[VariantHash]) -> tuple[int, str, str]:
    """(distance, bank variant, query variant) of the closest usable pair."""
    return min(
        (hamming_hex(b.pdq, q.pdq), b.variant, q.variant) for b in bank if b.usable for q in query if q.usable
    )


@pytest.fixture(scope="module")
def banked() -> dict[str, list[VariantHash]]:
    return {n: bank_hashes(sample(n)) for n in NAMES}


def test_all_three_input_types_give_the_same_variants():
    px = sample("coffee")
    data = (SAMPLES / "coffee.jpg").read_bytes()
    as_array, as_pil, as_decoded = px, Image.open(io.BytesIO(data)), decode_image(data)
    for fn in (bank_hashes, query_hashes):
        results = [fn(x) for x in (as_array, as_pil, as_decoded)]
        assert results[0] == results[1] == results[2]
        assert results[0][0].variant == "original"
        assert all(len(v.pdq) == 64 and int(v.pdq, 16) >= 0 for v in results[0])


def test_original_variant_is_plain_pdq_so_imported_hash_lists_still_match():
    px = sample("chelsea")
    h, q = pdq_hash(px)
    assert bank_hashes(px)[0] == VariantHash("original", h, q)
    assert query_hashes(px)[0] == VariantHash("original", h, q)


def test_bank_side_stores_a_few_crops_and_query_side_the_eight_dihedral_hashes():
    px = sample("astronaut")
    bank = [v.variant for v in bank_hashes(px)]
    assert bank[0] == "original" and "crop:center90" in bank and len(bank) <= 4
    query = [v.variant for v in query_hashes(px)]
    assert query == ["original"] + [f"dihedral:{n}" for n in DIHEDRAL_NAMES[1:]]


@pytest.mark.parametrize("name", ["astronaut", "chelsea", "rocket"])
def test_letterboxed_copy_matches_through_its_unpadded_hash(banked, name):
    px = sample(name)
    p = round(px.shape[0] * 0.2)
    padded = jpeg(np.pad(px, ((p, p), (0, 0), (0, 0))), quality=40)  # 20% black bars, re-encoded
    assert hamming_hex(pdq_hash(padded)[0], pdq_hash(px)[0]) > THRESHOLD  # plain PDQ misses it
    d, _, via = best_match(banked[name], query_hashes(padded))
    assert d <= THRESHOLD and via.startswith("unpadded")


def test_pillarboxed_copy_in_white_matches(banked):
    px = sample("coffee")
    p = round(px.shape[1] * 0.15)
    padded = np.pad(px, ((0, 0), (p, p), (0, 0)), constant_values=255)
    d, _, via = best_match(banked["coffee"], query_hashes(padded))
    assert d <= THRESHOLD and via == "unpadded"


@pytest.mark.parametrize("name", NAMES)
def test_five_percent_crop_matches_the_banked_central_crop(banked, name):
    px = sample(name)
    h, w = px.shape[:2]
    dy, dx = round(h * 0.05), round(w * 0.05)
    cropped = jpeg(px[dy : h - dy, dx : w - dx], quality=50)
    d, via, _ = best_match(banked[name], query_hashes(cropped))
    assert d <= THRESHOLD and via.startswith("crop:")


@pytest.mark.parametrize(
    "turn, expected",
    [
        (lambda a: np.rot90(a, 1), "dihedral:rot270"),  # turned left: turning it right again matches
        (lambda a: np.rot90(a, 2), "dihedral:rot180"),
        (lambda a: np.rot90(a, 3), "dihedral:rot90"),
        (lambda a: a[:, ::-1], "dihedral:fliph"),
        (lambda a: a[::-1], "dihedral:flipv"),
    ],
)
def test_rotated_and_flipped_copies_match_through_dihedral_hashes(banked, turn, expected):
    px = sample("chelsea")
    copy = np.ascontiguousarray(turn(px))
    assert hamming_hex(pdq_hash(copy)[0], pdq_hash(px)[0]) > THRESHOLD
    d, via, by = best_match(banked["chelsea"], query_hashes(copy))
    assert d <= THRESHOLD and via == "original" and by == expected


def test_distinct_samples_do_not_match(banked):
    for a, b in combinations(NAMES, 2):
        for bank_name, query_name in ((a, b), (b, a)):
            d, _, _ = best_match(banked[bank_name], query_hashes(sample(query_name)))
            assert d > THRESHOLD + 20, (bank_name, query_name, d)  # wide margin, not a near miss


@pytest.mark.parametrize(
    "blank",
    [
        np.zeros((300, 400, 3), np.uint8),
        np.full((300, 400, 3), 255, np.uint8),
        np.full((64, 64, 3), (30, 120, 200), np.uint8),
        np.zeros((3, 3, 3), np.uint8),  # too small for PDQ
    ],
)
def test_uniform_pictures_are_weak_and_flagged(blank):
    for fn in (bank_hashes, query_hashes):
        variants = fn(blank)
        assert variants[0].variant == "original"
        assert variants[0].quality < PDQ_MIN_QUALITY and not variants[0].usable
        assert len(variants) == 1  # no weak derived variants to add false matches
    assert content_box(blank) is None


def test_a_strong_picture_is_usable():
    assert all(v.usable for v in bank_hashes(sample("rocket")))


def test_content_box_finds_a_letterbox_and_ignores_pictures_without_one():
    px = sample("chelsea")
    h, w = px.shape[:2]
    assert content_box(px) is None
    boxed = np.pad(px, ((40, 60), (10, 0), (0, 0)))
    top, bottom, left, right = content_box(boxed)
    assert abs(top - 40) <= 1 and abs(bottom - (40 + h)) <= 1 and abs(left - 10) <= 1 and right == w + 10
    # After JPEG the bars are only nearly uniform; the box is still found within a couple of pixels.
    top, bottom, _, _ = content_box(jpeg(np.pad(px, ((60, 60), (0, 0), (0, 0))), quality=30))
    assert abs(top - 60) <= 3 and abs(bottom - (60 + h)) <= 3


def test_a_thin_border_is_not_worth_a_variant():
    px = np.pad(sample("chelsea"), ((2, 2), (0, 0), (0, 0)))
    assert content_box(px) is None


def test_bad_inputs_are_refused():
    with pytest.raises(TypeError):
        bank_hashes(b"not pixels")
    with pytest.raises(ValueError):
        query_hashes(np.zeros((10, 10), np.uint8))
    with pytest.raises(ValueError):
        query_hashes(np.zeros((10, 10, 3), np.float32))


def test_pil_images_in_other_modes_are_converted():
    grey = Image.open(SAMPLES / "camera.jpg").convert("L")
    rgba = Image.open(SAMPLES / "coffee.jpg").convert("RGBA")
    assert bank_hashes(grey)[0].usable and query_hashes(rgba)[0].usable


def test_pdq_dihedral_order_and_md5():
    px = sample("coffee")
    hashes, quality = pdq_dihedral(px)
    assert len(hashes) == len(DIHEDRAL_NAMES) == 8
    assert (hashes[0], quality) == pdq_hash(px)
    # Each named hash is the one closest to the plain hash of the picture turned that way.
    turned = {
        "rot90": np.rot90(px, 1), "rot180": np.rot90(px, 2), "rot270": np.rot90(px, 3), "flipv": px[::-1],
        "fliph": px[:, ::-1], "transpose": px.transpose(1, 0, 2), "antitranspose": np.rot90(px, 2).transpose(1, 0, 2),
    }
    for name, arr in turned.items():
        plain = pdq_hash(np.ascontiguousarray(arr))[0]
        distances = [hamming_hex(h, plain) for h in hashes]
        assert int(np.argmin(distances)) == DIHEDRAL_NAMES.index(name) and min(distances) <= THRESHOLD
    assert md5_hex(b"abc") == hashlib.md5(b"abc").hexdigest() == "900150983cd24fb0d6963f7d28e17f72"
