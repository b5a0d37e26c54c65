"""False positives of the nudity ensemble on benign photographs, and real-person recall.

Images: the Debian wallpaper packages installed here (/usr/share/backgrounds, /usr/share/wallpapers,
/usr/share/lomiri*, /usr/share/ukui*), scikit-learn's sample images and Rempart's demo samples.
To reach a few hundred pictures, every large wallpaper also gives deterministic crops (the four
quadrants and the centre; a crop is a different framing of the same photo, so the count of
*independent* photographs is printed separately). Abstract/vector wallpapers are included: they
are benign inputs a service receives too.

Targets: false "nudity" (image.exposed >= 0.5) <= 1 %, false "swimwear/underwear"
(image.covered_intimate >= 0.5) <= 2 %. Suggestive (image.suggestive >= 0.5) is reported too.
Real-person recall: on the files listed with people=1 in bench/data/benign_people.csv (labelled
by looking at them), the share where image.face was found.

    python bench/benign_fp.py [--smoke] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import os
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from rempart.cli.progress import Progress

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "rempart" / "demo" / "samples"
LABELS = Path(__file__).resolve().parent / "data" / "benign_people.csv"
DIRS = ["/usr/share/backgrounds", "/usr/share/wallpapers", *glob.glob("/usr/share/lomiri*"), *glob.glob("/usr/share/ukui*")]
EXTS = (".jpg", ".jpeg", ".png", ".webp")
CROP_MIN_SIDE = 1600


def source_files() -> list[Path]:
    files: set[Path] = set()
    for d in DIRS:
        for root, _, names in os.walk(d):
            for n in names:
                if n.lower().endswith(EXTS):
                    p = Path(root) / n
                    if p.stat().st_size > 30_000 and not p.is_symlink():
                        files.add(p.resolve())
    files |= set(SAMPLES.glob("*.jpg"))
    return sorted(files)


def sklearn_images() -> list[tuple[str, np.ndarray]]:
    try:
        from sklearn.datasets import load_sample_images

        data = load_sample_images()
        return [(f"sklearn:{Path(n).name}", img) for n, img in zip(data.filenames, data.images)]
    except Exception:  # noqa: BLE001 - optional (dev dependency)
        return []


def crops(px: np.ndarray) -> list[tuple[str, np.ndarray]]:
    h, w = px.shape[:2]
    if max(h, w) < CROP_MIN_SIDE:
        return []
    hh, hw = h // 2, w // 2
    return [
        ("q0", px[:hh, :hw]), ("q1", px[:hh, hw:]), ("q2", px[hh:, :hw]), ("q3", px[hh:, hw:]),
        ("centre", px[h // 4 : h // 4 + hh, w // 4 : w // 4 + hw]),
    ]


def jpeg(px: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=92)
    return buf.getvalue()


def load_labels() -> dict[str, int]:
    if not LABELS.exists():
        return {}
    with LABELS.open(encoding="utf-8") as fh:
        return {row["name"]: int(row["people"]) for row in csv.DictReader(fh)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true", help="a few images only (CI)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    from rempart.request.images import decode_image, load_image_file
    from rempart.signals import kinds
    from rempart.signals.image.ensemble import NudityEnsembleDetector

    det = NudityEnsembleDetector(cache_size=0)
    det.warm_up()
    labels = load_labels()
    items: list[tuple[str, str, bytes]] = []  # (source photo, picture name, bytes)
    files = source_files()
    if args.smoke:
        files = sorted(SAMPLES.glob("*.jpg"))
    for p in files:
        try:
            data = load_image_file(p)
            img = decode_image(data)
        except Exception as e:  # noqa: BLE001
            print(f"skip {p}: {e}", file=sys.stderr)
            continue
        items.append((str(p), str(p), data))
        for tag, c in crops(img.primary):
            items.append((str(p), f"{p}#{tag}", jpeg(np.ascontiguousarray(c))))
    if not args.smoke:
        for name, px in sklearn_images():
            items.append((name, name, jpeg(px)))
    if args.limit:
        items = items[: args.limit]

    hits = {"nudity": [], "swimwear_underwear": [], "suggestive": []}
    raw_nsfw, raw_exp, raw_cov, ms = [], [], [], []
    face_on: dict[str, bool] = {}
    progress = Progress(len(items), label="benign pictures")
    for src, name, data in items:
        t = time.perf_counter()
        img = decode_image(data)
        sigs = det.detect(img, role="input", image_index=0)
        ms.append((time.perf_counter() - t) * 1000)
        by = {}
        for s in sigs:
            by[s.kind] = max(by.get(s.kind, 0.0), s.score)
        an = det.analysis(img)
        raw_nsfw.append(max((s.score for s in an.nsfw), default=0.0))
        raw_exp.append(max((d.score for d in an.nudenet.detections if d.label.endswith("_EXPOSED") and not d.label.startswith(("FEET", "BELLY", "ARMPITS", "MALE_BREAST"))), default=0.0))
        raw_cov.append(max((d.score for d in an.nudenet.detections if d.label in ("FEMALE_BREAST_COVERED", "FEMALE_GENITALIA_COVERED", "BUTTOCKS_COVERED", "ANUS_COVERED")), default=0.0))
        if by.get(kinds.IMAGE_EXPOSED, 0) >= 0.5:
            hits["nudity"].append(name)
        if by.get(kinds.IMAGE_COVERED_INTIMATE, 0) >= 0.5:
            hits["swimwear_underwear"].append(name)
        if by.get(kinds.IMAGE_SUGGESTIVE, 0) >= 0.5:
            hits["suggestive"].append(name)
        if name == src:
            face_on[Path(src).name if not src.startswith("sklearn:") else src] = kinds.IMAGE_FACE in by
        progress.update("screened")
    progress.close()

    n = len(items)
    n_src = len({s for s, _, _ in items})
    print(f"benign pictures: {n} ({n_src} independent photos/wallpapers + deterministic crops of the large ones)")
    targets = {"nudity": 0.01, "swimwear_underwear": 0.02, "suggestive": None}
    for k, names in hits.items():
        rate = len(names) / n if n else 0.0
        tgt = targets[k]
        verdict = "" if tgt is None else (" OK" if rate <= tgt else " OVER TARGET")
        print(f"false {k:20s} {len(names):4d} / {n} = {rate * 100:5.2f} %" + (f" (target <= {tgt * 100:.0f} %){verdict}" if tgt else ""))
        for nm in names[:10]:
            print(f"    {nm}")
    q = lambda v: " ".join(f"p{p}={np.percentile(v, p):.3f}" for p in (50, 90, 99, 100))  # noqa: E731
    print(f"raw open_nsfw (where run)   {q(raw_nsfw)}")
    print(f"raw best exposed-part box   {q(raw_exp)}")
    print(f"raw best covered-part box   {q(raw_cov)}")
    print(f"ensemble time per picture   p50 {np.percentile(ms, 50):.1f} ms  p95 {np.percentile(ms, 95):.1f} ms")
    people = [k for k, v in labels.items() if v == 1 and k in face_on]
    if people:
        found = sum(face_on[k] for k in people)
        print(f"real-person recall (image.face on photos labelled with people): {found}/{len(people)} = {found / len(people) * 100:.0f} %")
        for k in people:
            if not face_on[k]:
                print(f"    missed: {k}")
    no_people = [k for k, v in labels.items() if v == 0 and k in face_on]
    if no_people:
        fp = sum(face_on[k] for k in no_people)
        print(f"face found on photos labelled without people: {fp}/{len(no_people)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
