import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rempart.audit import AuditLog
from rempart.banks import BankStore
from rempart.errors import DetectorError
from rempart.request.images import DecodedImage, ImageView
from rempart.signals.base import HashMatch
from rempart.signals.hashes.compute import pdq_hash
from rempart.signals.hashes.detector import HashBankDetector, image_hashes
from rempart.signals.kinds import HASH_MATCH

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rempart" / "demo" / "samples"


def make_image(data: bytes, extra_views=()) -> DecodedImage:
    # Built directly (not via decode_image) so these tests do not depend on the decoder.
    with Image.open(io.BytesIO(data)) as im:
        fmt = im.format
        px = np.asarray(im.convert("RGB"))
    views = (ImageView("frame0", px), *(ImageView(f"frame{i + 1}", v) for i, v in enumerate(extra_views)))
    return DecodedImage(views=views, width=px.shape[1], height=px.shape[0], format=fmt, source_mode="RGB",
                        n_frames=len(views), sha256=hashlib.sha256(data).hexdigest(), n_bytes=len(data))


def encode(px: np.ndarray, fmt="JPEG", **kw) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, fmt, **kw)
    return buf.getvalue()


def pixels(name: str) -> np.ndarray:
    return np.asarray(Image.open(SAMPLES / name).convert("RGB"))


@pytest.fixture
def banked():
    """A store with astronaut.jpg in bank 'known' and a detector over it."""
    store = BankStore(":memory:")
    store.create_bank("known", source="victim")
    data = (SAMPLES / "astronaut.jpg").read_bytes()
    store.add_image("known", make_image(data))
    return store, HashBankDetector(store, refresh_ms=0), data


def _only_signal(signals):
    assert len(signals) == 1
    s = signals[0]
    assert s.kind == HASH_MATCH and s.detector == "hash_banks_v1"
    assert all(isinstance(e, HashMatch) for e in s.evidence)
    return s


def test_exact_copy_matches_sha256_and_pdq(banked):
    store, det, data = banked
    s = _only_signal(det.detect(make_image(data), role="input", image_index=2))
    assert s.score == 1.0
    algos = {e.algorithm: e for e in s.evidence}
    assert set(algos) == {"sha256", "pdq"}
    assert algos["sha256"].value == hashlib.sha256(data).hexdigest() and algos["sha256"].distance == 0
    assert algos["pdq"].distance == 0
    ids = {e.id for e in store.all_entries()}
    for e in s.evidence:
        assert e.bank == "known" and e.entry_id in ids and e.role == "input" and e.image_index == 2
    assert s.evidence[0].algorithm == "sha256"  # exact match ranks first
    assert algos["sha256"].variant == "file" and algos["pdq"].variant == "original"  # which hash matched
    assert all(e.bank_kind == "block" for e in s.evidence)
    assert s.to_dict()["evidence"][0]["variant"] == "file"
    json.dumps(s.to_dict())  # serialisable for the audit log


@pytest.mark.parametrize(
    "transform",
    [
        lambda px: encode(px, "JPEG", quality=40),
        lambda px: encode(np.asarray(Image.fromarray(px).resize((400, 400))), "PNG"),
        lambda px: encode(np.asarray(Image.fromarray(px).resize((1600, 1600), Image.Resampling.BICUBIC)), "JPEG"),
        lambda px: encode(np.clip(px.astype(np.int16) + 12, 0, 255).astype(np.uint8), "WEBP"),
    ],
    ids=["jpeg_q40", "resize_400_png", "upscale_1600", "brighter_webp"],
)
def test_near_copy_matches_by_pdq(banked, transform):
    _, det, _ = banked
    s = _only_signal(det.detect(make_image(transform(pixels("astronaut.jpg"))), role="output", image_index=0))
    assert [e.algorithm for e in s.evidence] == ["pdq"]
    d = s.evidence[0].distance
    assert d <= 31 and s.score == pytest.approx(1 - d / 256)
    assert s.evidence[0].role == "output"


@pytest.mark.parametrize("name", ["camera.jpg", "chelsea.jpg", "coffee.jpg", "rocket.jpg"])
def test_unrelated_photo_does_not_match(banked, name):
    _, det, _ = banked
    assert det.detect(make_image((SAMPLES / name).read_bytes()), role="input", image_index=0) == []


def test_drawn_pictures_do_not_match(banked):
    _, det, _ = banked
    rng = np.random.default_rng(1)
    noise = rng.integers(0, 256, (256, 256, 3), dtype=np.uint8)
    _, xx = np.mgrid[:256, :256]
    stripes = np.stack([((xx // 16) % 2 * 255).astype(np.uint8)] * 3, axis=-1)
    for px in (noise, stripes):
        assert det.detect(make_image(encode(px, "PNG")), role="input", image_index=0) == []


def test_matching_view_other_than_the_first(banked):
    # e.g. an animated GIF whose third frame is the banked photo
    _, det, _ = banked
    cover = encode(pixels("coffee.jpg"), "PNG")
    img = make_image(cover, extra_views=(pixels("rocket.jpg"), pixels("astronaut.jpg")))
    s = _only_signal(det.detect(img, role="input", image_index=0))
    assert s.detail["views"] == ["frame2"] and s.evidence[0].algorithm == "pdq"


def test_disabled_bank_does_not_match(banked):
    store, det, data = banked
    store.set_enabled("known", False)
    assert det.detect(make_image(data), role="input", image_index=0) == []
    store.set_enabled("known", True)
    assert det.detect(make_image(data), role="input", image_index=0)


def test_removed_hash_stops_matching(banked):
    store, det, data = banked
    near = make_image(encode(pixels("astronaut.jpg"), "JPEG", quality=50))
    assert det.detect(near, role="input", image_index=0)
    pdq = next(e.value for e in store.all_entries() if e.algorithm == "pdq")
    assert store.remove("known", "pdq", pdq)
    assert det.detect(near, role="input", image_index=0) == []
    exact = _only_signal(det.detect(make_image(data), role="input", image_index=0))
    assert [e.algorithm for e in exact.evidence] == ["sha256"]  # sha256 entry still there


def test_threshold_per_bank(banked):
    store, det, _ = banked
    px = np.asarray(Image.fromarray(pixels("astronaut.jpg")).resize((300, 300)))
    img = make_image(encode(px, "PNG"))
    d = _only_signal(det.detect(img, role="input", image_index=0)).evidence[0].distance
    assert d > 0
    store.set_threshold("known", d - 1)
    assert det.detect(img, role="input", image_index=0) == []
    store.set_threshold("known", d)
    assert det.detect(img, role="input", image_index=0)


def test_several_banks_one_signal(banked):
    store, det, data = banked
    store.create_bank("partner", source="trusted_flagger")
    pdq, q = pdq_hash(pixels("astronaut.jpg"))
    store.add_hashes("partner", [("pdq", pdq, q, "imported")])
    s = _only_signal(det.detect(make_image(data), role="input", image_index=0))
    assert s.detail["banks"] == ["known", "partner"]
    assert {(e.bank, e.algorithm) for e in s.evidence} == {("known", "sha256"), ("known", "pdq"), ("partner", "pdq")}


def test_low_quality_picture_never_matches_by_pdq(banked):
    store, det, _ = banked
    grey = np.full((128, 128, 3), 128, np.uint8)
    h, q = pdq_hash(grey)
    assert q < 50
    store.add_hashes("known", [("pdq", h, None, "weak hash imported without quality")])
    assert det.detect(make_image(encode(grey, "PNG")), role="input", image_index=0) == []


def test_reload_is_throttled_by_refresh_ms():
    store = BankStore(":memory:")
    store.create_bank("a")
    data = (SAMPLES / "camera.jpg").read_bytes()
    img = make_image(data)
    det = HashBankDetector(store, refresh_ms=60_000)
    assert det.detect(img, role="input", image_index=0) == []
    store.add_image("a", img)
    assert det.detect(img, role="input", image_index=0) == []  # not re-checked yet
    det.refresh()
    assert det.detect(img, role="input", image_index=0)


def test_sees_changes_made_by_another_process_connection(tmp_path):
    path = tmp_path / "banks.db"
    det = HashBankDetector(BankStore(path), refresh_ms=0)
    img = make_image((SAMPLES / "rocket.jpg").read_bytes())
    assert det.detect(img, role="input", image_index=0) == []
    other = BankStore(path)  # e.g. the admin CLI
    other.create_bank("admin")
    other.add_image("admin", img)
    assert det.detect(img, role="input", image_index=0)


def test_image_hashes_for_the_audit_log(banked, monkeypatch):
    store, det, data = banked
    img = make_image(data, extra_views=(np.full((64, 64, 3), 7, np.uint8),))
    h = det.image_hashes(img)
    assert h["sha256"] == hashlib.sha256(data).hexdigest()
    assert len(h["pdq"]) == 2 and all(len(x) == 64 for x in h["pdq"])
    assert h["pdq_quality"][0] >= 50 and h["pdq_quality"][1] < 50
    assert h["views"] == ["frame0", "frame1"]
    import rempart.signals.hashes.detector as mod

    def no_recompute(px):
        raise AssertionError("PDQ recomputed for a cached image")

    monkeypatch.setattr(mod, "pdq_hash", no_recompute)  # cached: detect() and the gate hash once
    assert det.image_hashes(img) == h and image_hashes(img) == h
    image_hashes(img)["pdq"].append("mutated")
    assert image_hashes(img) == h
    log = AuditLog()
    log.append("decision", {"hashes": h, "signals": [s.to_dict() for s in det.detect(img, role="input",
                                                                                      image_index=0)]})
    assert log.verify().ok


def test_empty_store_and_bad_store():
    det = HashBankDetector(BankStore(":memory:"))
    assert det.detect(make_image((SAMPLES / "coffee.jpg").read_bytes()), role="input", image_index=0) == []
    store = BankStore(":memory:")
    store.close()
    with pytest.raises(DetectorError, match="cannot load hash banks"):
        HashBankDetector(store).detect(make_image((SAMPLES / "coffee.jpg").read_bytes()), role="input",
                                       image_index=0)


def test_matching_finds_the_one_entry_in_a_large_bank():
    store = BankStore(":memory:")
    store.create_bank("big")
    rng = np.random.default_rng(0)
    store.add_hashes("big", [("pdq", rng.bytes(32).hex(), 100, None) for _ in range(100_000)])
    pdq, q = pdq_hash(pixels("astronaut.jpg"))
    store.add_hashes("big", [("pdq", pdq, q)])
    det = HashBankDetector(store)
    img = make_image((SAMPLES / "astronaut.jpg").read_bytes())
    det.detect(img, role="input", image_index=0)  # builds the index and the hash cache
    s = _only_signal(det.detect(img, role="input", image_index=0))
    assert s.evidence[0].distance == 0 and s.detail["n_matches"] == 1
