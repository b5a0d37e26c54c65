"""Image screening speed on 1024 x 1024 photos, one core: per-stage costs, p50/p95, batch
throughput on 1 vs 2 processes. Baseline in the same run: plain NudeNet (the upstream
`NudeDetector.detect`, its own session) on the same files.

Stages: decode (+ SHA-256), hashes (PDQ etc., as the bank detector computes them), faces (the
dlib detector if present), nudity ensemble (NudeNet + windows + open_nsfw cascade + skin),
age (if present). Photos: the demo samples and the installed wallpapers, centre-cropped to a
square and resized to 1024, re-encoded as JPEG; each timed picture is distinct (no cache hits).

    python bench/bench_images.py [--smoke]
"""

from __future__ import annotations

import argparse
import collections
import io
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benign_fp import source_files  # noqa: E402
from benchlib import p50_p95, pin_one_core  # noqa: E402

SIDE = 1024


def photos(n: int) -> list[bytes]:
    out: list[bytes] = []
    files = source_files()
    for i, p in enumerate(files * (1 + n // max(1, len(files)))):
        if len(out) >= n:
            break
        try:
            with Image.open(p) as im:
                im = im.convert("RGB")
                s = min(im.size)
                x, y = (im.width - s) // 2, (im.height - s) // 2
                sq = im.crop((x, y, x + s, y + s)).resize((SIDE, SIDE), Image.Resampling.BILINEAR)
        except Exception:  # noqa: BLE001
            continue
        sq.putpixel((i % SIDE, 0), (i % 256, 7, 7))  # distinct bytes: no cache hit
        buf = io.BytesIO()
        sq.save(buf, "JPEG", quality=90)
        out.append(buf.getvalue())
    return out


class Screener:
    """The image half of the gate, stage by stage (no text, policy or audit), built exactly as
    the gate builds its default image detectors."""

    def __init__(self) -> None:
        from rempart.decision.gate import GateConfig, _person_detectors
        from rempart.signals.image.ensemble import NudityEnsembleDetector

        # Caches of 2 entries: every timed picture is distinct, so nothing is ever served from
        # a cache across pictures; within one picture the later stages reuse the earlier ones'
        # work exactly as in the gate (age reads dlib's boxes, dlib reads NudeNet's faces).
        config = GateConfig(image_cache_size=2)
        self.nudity = NudityEnsembleDetector(cache_size=config.image_cache_size)
        self.nudity.warm_up()
        self.people = _person_detectors(config, self.nudity)
        self.age = self.people[1]
        warm = np.zeros((64, 64, 3), np.uint8)
        self.age.model.estimate(warm, [])
        self.cascade: collections.Counter[str] = collections.Counter()  # open_nsfw ran / skipped, why

    def screen(self, data: bytes, times: dict[str, list[float]] | None = None) -> None:
        from rempart.request.images import decode_image
        from rempart.signals.hashes.detector import image_hashes

        def stage(name, fn):
            t = time.perf_counter()
            r = fn()
            if times is not None:
                times.setdefault(name, []).append((time.perf_counter() - t) * 1000)
            return r

        img = stage("decode", lambda: decode_image(data))
        stage("hashes", lambda: image_hashes(img))
        stage("nudity_ensemble", lambda: self.nudity.detect(img, role="input", image_index=0))
        if times is not None:  # the analysis is cached: reading why open_nsfw ran costs nothing
            self.cascade.update(self.nudity.analysis(img).nsfw_cascade.values())
        for det in self.people:
            stage(det.name, lambda det=det: det.detect(img, role="input", image_index=0))


_WORKER: Screener | None = None


def _init(core: mp.Value) -> None:
    global _WORKER
    with core.get_lock():
        idx = core.value
        core.value += 1
    pin_one_core(idx)
    _WORKER = Screener()


def _work(data: bytes) -> int:
    assert _WORKER is not None
    _WORKER.screen(data)
    return 1


def throughput(items: list[bytes], procs: int) -> float:
    core = mp.Value("i", 0)
    with mp.get_context("fork").Pool(procs, initializer=_init, initargs=(core,)) as pool:
        pool.map(_work, items[:procs])  # warm-up: models loaded
        t = time.perf_counter()
        pool.map(_work, items, chunksize=1)
        return len(items) / (time.perf_counter() - t)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    n = 6 if args.smoke else 80
    items = photos(n + 1)
    pin_one_core(0)

    from nudenet import NudeDetector

    upstream = NudeDetector()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(items):
            paths.append(Path(tmp) / f"p{i}.jpg")
            paths[-1].write_bytes(d)
        upstream.detect(str(paths[0]))
        base = []
        for p in paths[1:]:
            t = time.perf_counter()
            upstream.detect(str(p))
            base.append((time.perf_counter() - t) * 1000)

    scr = Screener()
    scr.screen(items[0])
    times: dict[str, list[float]] = {}
    total = []
    for d in items[1:]:
        t = time.perf_counter()
        scr.screen(d, times)
        total.append((time.perf_counter() - t) * 1000)

    sources = len(source_files())
    print(f"{len(items) - 1} distinct {SIDE}x{SIDE} JPEG photos from {sources} pictures, one core (pinned)")
    if sources < 20:
        print("WARNING: no wallpaper packages installed (README, Benchmarks): a few pictures repeated, "
              "figures not comparable")
    b50, b95 = p50_p95(base)
    print(f"{'baseline: upstream NudeDetector.detect':44s} p50 {b50:6.1f} ms  p95 {b95:6.1f} ms")
    for name, v in times.items():
        p50, p95 = p50_p95(v)
        print(f"{'stage: ' + name:44s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  mean {statistics.fmean(v):6.1f}")
    t50, t95 = p50_p95(total)
    ok = "OK" if t50 <= 60 and t95 <= 120 else "OVER TARGET"
    print(f"{'full image screening':44s} p50 {t50:6.1f} ms  p95 {t95:6.1f} ms  (target p50<=60, p95<=120: {ok})")
    reasons = ", ".join(f"{why} {n}" for why, n in scr.cascade.most_common())
    print(f"open_nsfw cascade (views; ran on body_part, colour_untrusted, skin): {reasons}")
    if len(os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else [0]) >= 1:
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1))) if hasattr(os, "sched_setaffinity") else None
        batch = items[1:] * (1 if not args.smoke else 1)
        one = throughput(batch, 1)
        two = throughput(batch, 2) if (os.cpu_count() or 1) >= 2 else float("nan")
        print(f"batch throughput: 1 process {one:5.1f} img/s, 2 processes {two:5.1f} img/s (x{two / one:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
