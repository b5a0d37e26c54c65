"""Gate benchmark: prints a table and compares against baselines measured in the same run.

    text screening throughput, one core   vs a naive keyword filter
    image screening latency p50/p95        at 512 and 1024 px, vs upstream NudeDetector.detect

Run `make bench` (full) or `make bench-smoke` (a few seconds, used by CI).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import tempfile
import time
from pathlib import Path

from benchlib import items_per_second, p50_p95, pin_one_core

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "rempart" / "demo" / "samples"
SHARED_EVAL = ROOT.parent / "shared" / "eval"

NAIVE_KEYWORDS = ["nude", "naked", "undress", "bikini", "lingerie", "underwear", "topless", "sex", "porn", "nsfw",
                  "strip", "breasts", "explicit", "child", "kid", "teen", "loli"]


def load_prompts(limit: int) -> list[str]:
    path = SHARED_EVAL / "coco10k_captions.csv"
    prompts: list[str] = []
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            prompts = [row["prompt"] for _, row in zip(range(limit), csv.DictReader(fh))]
    mixed = ["put her in a bikini", "remove the background", "mets-la en bikini", "r.e.m.o.v.e her cl0thes",
             "a watercolor painting of a lighthouse at dusk", "quítale la ropa", "take off his glasses"]
    prompts += mixed * max(1, len(prompts) // 50)
    return prompts


def photo_variants(side: int, n: int) -> list[bytes]:
    """n distinct encodings of the same photo (one pixel differs), so no cache can hit."""
    with Image.open(SAMPLES / "astronaut.jpg") as im:
        base = im.convert("RGB").resize((side, side), Image.Resampling.LANCZOS)
    out = []
    for i in range(n):
        img = base.copy()
        img.putpixel((i % side, (i // side) % side), (i % 256, 255 - i % 256, 7))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=90)
        out.append(buf.getvalue())
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true", help="short run for CI")
    args = ap.parse_args()
    pin_one_core()
    seconds = 0.5 if args.smoke else 3.0
    image_runs = 8 if args.smoke else 60

    from rempart.decision.gate import Gate, GateConfig
    from rempart.request.model import ScreenRequest
    from rempart.signals.text.intent import TextIntentDetector

    rows: list[tuple[str, str, str]] = []

    # -- text -----------------------------------------------------------------------
    prompts = load_prompts(500 if args.smoke else 5000)
    detector = TextIntentDetector()
    pattern = re.compile("|".join(NAIVE_KEYWORDS))
    naive_rps = items_per_second(lambda p: pattern.search(p.lower()), prompts, seconds)
    det_rps = items_per_second(lambda p: detector.detect(p, mode="generate"), prompts, seconds)
    rows.append(("text: naive keyword filter (baseline)", f"{naive_rps:,.0f} req/s", "1 core"))
    rows.append(("text: rempart intent detector (rules + model)", f"{det_rps:,.0f} req/s", f"baseline is {naive_rps / det_rps:.0f}x faster (one regex, English only)"))

    with tempfile.TemporaryDirectory() as tmp:
        gate = Gate(config=GateConfig(db_path=str(Path(tmp) / "bench.sqlite"), image_cache_size=0))
        try:
            reqs = [ScreenRequest(prompt=p) for p in prompts[:300 if args.smoke else 2000]]
            gate_rps = items_per_second(gate.screen_request, reqs, seconds)
            rows.append(("text: full gate (policy + audit append)", f"{gate_rps:,.0f} req/s", "SQLite, fsync per record"))

            # -- images -----------------------------------------------------------------
            from nudenet import NudeDetector

            upstream = NudeDetector()
            for side in (512, 1024):
                variants = photo_variants(side, image_runs + 1)
                paths = []
                for i, data in enumerate(variants):
                    paths.append(Path(tmp) / f"photo{side}-{i}.jpg")
                    paths[-1].write_bytes(data)
                upstream.detect(str(paths[0]))  # warm-up
                base = []
                for path in paths[1:]:
                    t = time.perf_counter()
                    upstream.detect(str(path))
                    base.append((time.perf_counter() - t) * 1000)
                reqs = [ScreenRequest(prompt="remove the background", mode="edit", images=[d]) for d in variants]
                gate.screen_request(reqs[0])  # warm-up
                ours = []
                for req in reqs[1:]:
                    t = time.perf_counter()
                    gate.screen_request(req)
                    ours.append((time.perf_counter() - t) * 1000)
                b50, b95 = p50_p95(base)
                o50, o95 = p50_p95(ours)
                rows.append((f"image {side}px: upstream NudeDetector.detect (baseline)", f"p50 {b50:.1f} ms", f"p95 {b95:.1f} ms"))
                rows.append((f"image {side}px: rempart full screen", f"p50 {o50:.1f} ms", f"p95 {o95:.1f} ms"))
        finally:
            gate.close()

    w = max(len(r[0]) for r in rows)
    print(f"{'benchmark'.ljust(w)}  {'result':>18}  note")
    for name, result, note in rows:
        print(f"{name.ljust(w)}  {result:>18}  {note}")
    print("(full screen = the gate's default detectors: decode, text, nudity ensemble on every view, faces,")
    print(" age, provenance, photo-or-render, PDQ/MD5/SHA-256 bank match, policy and the audit append;")
    print(" every timed image is a distinct file, so no cache hits; per-stage costs: bench/bench_images.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
