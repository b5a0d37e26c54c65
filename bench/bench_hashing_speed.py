"""Hashing speed: images per second on one core (the process is pinned with sched_setaffinity;
rates are per CPU second of the process, so a busy machine does not distort them).

    inputs      JPEG files at 1024 px on the long side (quality 90): wallpaper photographs when
                installed, else the demo samples scaled up
    from pixels the hash alone, on already decoded RGB pixels (MD5/SHA-256: on the file's bytes)
    + decoding  rempart's safe decoder (request.images.decode_image) and then the hash
    rows        MD5 and SHA-256 (exact matching), PDQ (compute.pdq_hash, which shrinks to 512 px
                first), PDQ dihedral (the 8 rotations/flips from one DCT), and the robust
                matcher's bank_hashes / query_hashes
    baseline    pdqhash.compute straight on the 1024 px pixels, without the 512 px shrink, and
                decoding alone, measured in the same run

Run `python bench/bench_hashing_speed.py` or `--smoke` (a few seconds, used by CI).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from benchlib import items_per_second, pin_one_core

import numpy as np
import pdqhash
from PIL import Image

from rempart.request.images import decode_image
from rempart.signals.hashes.compute import md5_hex, pdq_dihedral, pdq_hash, sha256_hex
from rempart.signals.hashes.robust import bank_hashes, query_hashes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "rempart" / "demo" / "samples"
SIDE = 1024
N_IMAGES = 24


def to_jpeg(im: Image.Image) -> bytes:
    im = im.convert("RGB")
    scale = SIDE / max(im.size)
    im = im.resize((round(im.width * scale), round(im.height * scale)), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def inputs(smoke: bool) -> tuple[list[bytes], str]:
    photos = []
    if not smoke:
        for d in ("/usr/share/backgrounds/mate/nature", "/usr/share/backgrounds"):
            photos += sorted(p for p in Path(d).glob("*.jpg"))
    if photos:
        files = [to_jpeg(Image.open(p)) for p in photos[:N_IMAGES]]
        return files, f"{len(files)} wallpaper photographs as 1024 px JPEG"
    files = [to_jpeg(Image.open(p)) for p in sorted(SAMPLES.glob("*.jpg"))]
    return files, f"{len(files)} demo samples scaled to 1024 px JPEG"


def rate(fn, items: list, seconds: float) -> float:
    """Items per CPU second, cycling over `items` for at least `seconds` of CPU time (after a
    warm-up). CPU time of this process, pinned to one core: other load on a shared machine
    slows the wall clock but not this figure."""
    return items_per_second(fn, items, seconds, clock=time.process_time, warm_up=2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="a few seconds: demo samples, short timings")
    args = ap.parse_args()
    seconds = 0.25 if args.smoke else 2.0

    pinned = pin_one_core(-1)
    files, what = inputs(args.smoke)
    pixels = [decode_image(f).primary for f in files]
    print(f"inputs: {what}, mean {np.mean([len(f) for f in files]) / 1024:.0f} KiB; {pinned}")

    def decoded(fn):
        return lambda data: fn(decode_image(data).primary)

    def full_size_pdq(px):  # the baseline: no shrink to 512 px first
        return pdqhash.compute(np.ascontiguousarray(px))

    rows = [
        ("MD5 (bytes)", lambda d: md5_hex(d), None, True),
        ("SHA-256 (bytes)", lambda d: sha256_hex(d), None, True),
        ("decode only", None, lambda d: decode_image(d), False),
        ("baseline: pdqhash at 1024 px", full_size_pdq, decoded(full_size_pdq), False),
        ("PDQ (pdq_hash)", pdq_hash, decoded(pdq_hash), False),
        ("PDQ dihedral (8 hashes)", pdq_dihedral, decoded(pdq_dihedral), False),
        ("bank_hashes (robust)", bank_hashes, decoded(bank_hashes), False),
        ("query_hashes (robust)", query_hashes, decoded(query_hashes), False),
    ]
    print()
    print(f"{'images per second, one core':32s} {'from pixels':>12s} {'+ decoding':>12s} {'ms/image':>9s}")
    print("-" * 68)
    for name, plain_fn, with_decode_fn, on_bytes in rows:
        if plain_fn and not on_bytes:
            # A fresh view object per call: the per-view memo (rempart.signals.workcopy) must
            # not turn a repeated picture into a cache hit.
            plain_fn = (lambda fn: lambda px: fn(px.view()))(plain_fn)
        a = rate(plain_fn, files if on_bytes else pixels, seconds) if plain_fn else None
        b = rate(with_decode_fn, files, seconds) if with_decode_fn else None
        ms = 1000 / (b if b else a)
        cell_a = f"{a:12.0f}" if a else f"{'-':>12s}"
        cell_b = f"{b:12.0f}" if b else f"{'(no decode)':>12s}"
        print(f"{name:32s} {cell_a} {cell_b} {ms:9.2f}")
    print("(ms/image: with decoding where it applies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
