"""PDQ robustness benchmark, following Thorn's `perception` method: pick the threshold for
>= 99.99% precision, then report recall per transform.

    data        benign photographs installed here: Debian/Ubuntu wallpaper packages
                (/usr/share/backgrounds, /usr/share/wallpapers, /usr/share/lomiri*, /usr/share/ukui*),
                scikit-learn's sample images and src/rempart/demo/samples; one file per wallpaper,
                shrunk to 1024 px, weak pictures (PDQ quality < 50, which banks refuse) left out,
                near-duplicates of each other (either matcher within 40 bits: the same wallpaper
                in two sizes or two colourings) left out.
    transforms  perception's benchmark transforms (docs/examples/benchmarking.rst of
                thorn-oss/perception; each parameter and its source in docs/hash-robustness.md):
                jpeg95 = imgaug JpegCompression(95) = PIL quality 7, blur2 = 7x7 Gaussian sigma 2,
                noise0.2 = Gaussian noise sigma 0.2*255 shared by the channels, gamma2, vignette,
                watermark ("TEST", 20% of the width, black at alpha 200), crop0.05 (5% off every
                side), pad0.2 (20% black top and bottom), rotate4 (same size, black corners),
                resize0.5 (cubic); plus flips and a 90-degree turn, and, as extras outside
                perception's set, jpeg40 and crop/pad followed by jpeg40.
    matchers    plain PDQ (one hash each side: the baseline, same run) and Rempart's
                (min distance over robust.bank_hashes(original) x robust.query_hashes(copy)).
    method      perception's: per transform, each copy's distance to its own original (positive)
                and to the closest *other* original (negative); the threshold is the largest
                positive distance keeping precision >= 99.99% in that transform; recall is the
                share of copies within it.
    deployed    one threshold for all transforms at >= 99.99% precision over *every* cross pair
                (each copy, originals included, against every other original), as a bank is
                run, and the banks' default of 31 bits. Stricter than perception's method.

Targets (issue 5): plain PDQ >= 99% recall on the mild transforms (the photometric ones:
jpeg95, resize0.5, blur2, noise0.2, gamma2, vignette, watermark); Rempart >= 90% on crop0.05
and pad0.2. Judged with perception's method; the deployed single threshold is reported beside.

Run `python bench/bench_hash_robustness.py` (~1-2 min) or `--smoke` (the 5 demo samples).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, pdq_hash, pdq_input
from rempart.signals.hashes.robust import bank_hashes, query_hashes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "rempart" / "demo" / "samples"
WALLPAPER_ROOTS = ("/usr/share/backgrounds", "/usr/share/wallpapers", "/usr/share/lomiri*", "/usr/share/ukui*")
GUIDE_SIDE = 1024
PRECISION = 0.9999
DEFAULT_THRESHOLD = 31
DEDUP_DISTANCE = 40
# The photometric transforms of perception's set (its PDQ recall on each is >= 99.0%); the
# geometric ones (crop, pad, rotate) are what the robust matcher is for.
MILD = ("jpeg95", "resize0.5", "blur2", "noise0.2", "gamma2", "vignette", "watermark")
# The wallpaper packages mix photographs with rendered art. Labelled by eye (contact sheets of
# every picture); the demo and scikit-learn samples are photographs too.
PHOTOGRAPHS = frozenset("""
Bridge_by_Sander_Klootwijk.jpg Dragonfly_by_Bolly.jpg Kleiber_by_Lukas_Baubkus.jpg Picture_0B_by_freespace.jpg
Picture_1A_by_freespace.jpg Wine_by_Jakkub_Mede.jpg aitzgorri_by_Aitzol_Berasategi.jpg free_by_Peter_Nerlich.jpg
friends_by_Aitzol_Berasategi.jpg greentock_by_Peter_Nerlich.jpg life_by_Aitzol_Berasategi.jpg
picosdeeuropa_by_Aitzol_Berasategi.jpg seeding_by_Clements_Engelhardt.jpg sunset_by_Aitzol_Berasategi.jpg
mate/nature/Aqua.jpg mate/nature/Blinds.jpg mate/nature/Dune.jpg mate/nature/FreshFlower.jpg mate/nature/Garden.jpg
mate/nature/GreenMeadow.jpg mate/nature/LadyBird.jpg mate/nature/RainDrops.jpg mate/nature/Storm.jpg
mate/nature/TwoWings.jpg mate/nature/Wood.jpg mate/nature/YellowFlower.jpg
wallpapers/BytheWater wallpapers/ColdRipple wallpapers/ColorfulCups wallpapers/EveningGlow wallpapers/FallenLeaf
wallpapers/Grey wallpapers/Kite wallpapers/OneStandsOut wallpapers/Path wallpapers/summer_1am
""".split())


def is_photograph(name: str) -> bool:
    return name.startswith(("demo/", "sklearn/")) or any(
        name.endswith("/" + p) or f"/{p}/" in name for p in PHOTOGRAPHS
    )
_EXTS = {".jpg", ".jpeg", ".png", ".webp"}
_SIZE = re.compile(r"^(\d+)x(\d+)$")


# ---------------------------------------------------------------- data


def wallpaper_files() -> list[Path]:
    """One file per picture: KDE-style packages hold each wallpaper at many sizes
    (<Name>/contents/images/WxH.ext) plus a dark version and a screenshot: keep the largest
    landscape file of images/."""
    files: list[Path] = []
    for pattern in WALLPAPER_ROOTS:
        for root in sorted(Path("/").glob(pattern.lstrip("/"))):
            if not root.is_dir():
                continue
            for p in sorted(root.rglob("*")):
                if p.suffix.lower() not in _EXTS or not p.is_file():
                    continue
                if "contents" in p.parts:
                    continue  # handled per package below
                files.append(p)
            for images in sorted(root.rglob("contents/images")):
                sized = []
                for p in images.iterdir():
                    m = _SIZE.match(p.stem)
                    if m and p.suffix.lower() in _EXTS:
                        w, h = int(m[1]), int(m[2])
                        sized.append((w >= h, w * h, p))
                if sized:
                    files.append(max(sized)[2])
    seen, unique = set(), []
    for p in files:
        real = p.resolve()
        if real not in seen:
            seen.add(real)
            unique.append(p)
    return unique


def load_guide(path_or_image) -> np.ndarray | None:
    try:
        im = Image.open(path_or_image) if not isinstance(path_or_image, Image.Image) else path_or_image
        if getattr(im, "format", None) == "JPEG":
            im.draft("RGB", (GUIDE_SIDE, GUIDE_SIDE))  # decode at 1/2, 1/4.. scale: much faster
        im = im.convert("RGB")
    except Exception as e:  # an odd file in a wallpaper package must not stop the benchmark
        print(f"  skipped {path_or_image}: {e}", file=sys.stderr)
        return None
    im.thumbnail((GUIDE_SIDE, GUIDE_SIDE), Image.Resampling.LANCZOS)
    return np.asarray(im)


def load_dataset(smoke: bool) -> tuple[list[str], list[np.ndarray], str]:
    names, images = [], []
    for p in sorted(SAMPLES.glob("*.jpg")):
        names.append(f"demo/{p.name}")
        images.append(load_guide(p))
    if smoke:
        return names, images, "the 5 demo samples (--smoke)"
    try:
        from sklearn.datasets import load_sample_images

        for fname, arr in zip(load_sample_images().filenames, load_sample_images().images):
            names.append(f"sklearn/{Path(fname).name}")
            images.append(load_guide(Image.fromarray(arr)))
    except Exception as e:  # scikit-learn is a dev dependency only
        print(f"  scikit-learn sample images unavailable: {e}", file=sys.stderr)
    walls = wallpaper_files()
    for p in walls:
        g = load_guide(p)
        if g is not None:
            names.append(str(p))
            images.append(g)
    what = f"{len(walls)} wallpaper files + sklearn + demo samples"
    if not walls:
        what = "NO wallpaper packages installed: sklearn + demo samples only (too few for 99.99% precision)"
    return names, images, what


# ---------------------------------------------------------------- transforms


def jpeg(px: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))


def watermark(px: np.ndarray) -> np.ndarray:
    """perception's watermark: "TEST" in black at alpha 200/255, 20% of the width, bottom left."""
    face, scale, thick = cv2.FONT_HERSHEY_SIMPLEX, 5, 5
    (tw, th), _ = cv2.getTextSize("TEST", face, scale, thick)
    k = 0.2 * px.shape[1] / tw
    org = (int(th * k), int(px.shape[0] - th * k))
    canvas = np.zeros(px.shape[:2] + (4,), np.uint8)
    overlay = cv2.putText(canvas, "TEST", org, face, scale * k, (0, 0, 0, 200), thick).astype(np.float32)
    a = overlay[..., 3:] / 255.0
    return (px.astype(np.float32) * (1 - a) + overlay[..., :3] * a).astype(np.uint8)


def rotate(px: np.ndarray, degrees: float) -> np.ndarray:
    h, w = px.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(px, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)


def pad_tb(px: np.ndarray, frac: float) -> np.ndarray:
    p = round(px.shape[0] * frac)
    return np.pad(px, ((p, p), (0, 0), (0, 0)))


def crop_all(px: np.ndarray, frac: float) -> np.ndarray:
    h, w = px.shape[:2]
    dy, dx = round(h * frac), round(w * frac)
    return np.ascontiguousarray(px[dy : h - dy, dx : w - dx])


def noise(px: np.ndarray, scale: float, seed: int) -> np.ndarray:
    """imgaug AdditiveGaussianNoise(scale=0.2*255), per_channel=False: one draw per pixel,
    added to all three channels."""
    rng = np.random.default_rng(seed)
    return np.clip(np.rint(px + rng.normal(0, scale * 255, px.shape[:2] + (1,))), 0, 255).astype(np.uint8)


def gamma(px: np.ndarray, g: float) -> np.ndarray:
    lut = np.clip(255 * (np.arange(256) / 255.0) ** g + 0.5, 0, 255).astype(np.uint8)
    return lut[px]


def blur(px: np.ndarray, sigma: float) -> np.ndarray:
    """imgaug GaussianBlur(sigma): cv2 with a kernel of int(max(3.3 sigma, 5)) rounded up to odd."""
    k = int(max(3.3 * sigma, 5))
    k += 1 - k % 2
    return cv2.GaussianBlur(px, (k, k), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT_101)


def vignette(px: np.ndarray) -> np.ndarray:
    """perception's vignette: a separable Gaussian falloff, sigma half the height / width."""
    h, w = px.shape[:2]
    a = cv2.getGaussianKernel(h, h / 2)
    b = cv2.getGaussianKernel(w, w / 2)
    c = (b.T * a)[..., None]
    return (px * (c / c.max())).astype(np.uint8)


def resize(px: np.ndarray, f: float) -> np.ndarray:
    """imgaug Resize(f) with its default cubic interpolation (cv2, no antialiasing)."""
    h, w = px.shape[:2]
    return cv2.resize(px, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_CUBIC)


TRANSFORMS = {
    "noop": lambda px, i: px,
    "jpeg95": lambda px, i: jpeg(px, 7),  # perception's name: imgaug compression 95 = quality 7
    "resize0.5": lambda px, i: resize(px, 0.5),
    "blur2": lambda px, i: blur(px, 2.0),
    "noise0.2": lambda px, i: noise(px, 0.2, seed=i),
    "gamma2": lambda px, i: gamma(px, 2.0),
    "vignette": lambda px, i: vignette(px),
    "watermark": lambda px, i: watermark(px),
    "crop0.05": lambda px, i: crop_all(px, 0.05),
    "pad0.2": lambda px, i: pad_tb(px, 0.2),
    "rotate4": lambda px, i: rotate(px, 4),
    "hflip": lambda px, i: np.ascontiguousarray(px[:, ::-1]),
    "vflip": lambda px, i: np.ascontiguousarray(px[::-1]),
    "rot90": lambda px, i: np.ascontiguousarray(np.rot90(px)),
    # extras, not in perception's set
    "jpeg40": lambda px, i: jpeg(px, 40),
    "crop0.05+jpeg40": lambda px, i: jpeg(crop_all(px, 0.05), 40),
    "pad0.2+jpeg40": lambda px, i: jpeg(pad_tb(px, 0.2), 40),
}


# ---------------------------------------------------------------- distances


def pack(hexes: list[str]) -> np.ndarray:
    return np.frombuffer(bytes.fromhex("".join(hexes)), dtype=np.uint64).reshape(len(hexes), 4)


def group_min_distances(q: np.ndarray, q_group: np.ndarray, b: np.ndarray, b_group: np.ndarray,
                        n_q: int, n_b: int) -> np.ndarray:
    """(n_q, n_b) matrix: min Hamming distance over the hashes of each query group and each bank group.
    Groups must be contiguous and sorted."""
    b_starts = np.flatnonzero(np.r_[True, b_group[1:] != b_group[:-1]])
    q_starts = np.flatnonzero(np.r_[True, q_group[1:] != q_group[:-1]])
    out = np.empty((n_q, n_b), dtype=np.int16)
    step = max(1, 2_000_000 // max(1, len(b)))
    rows: list[np.ndarray] = []
    for s in range(0, len(q), step):
        d = np.bitwise_count(q[s : s + step, None, :] ^ b[None, :, :]).sum(axis=2, dtype=np.int16)
        rows.append(np.minimum.reduceat(d, b_starts, axis=1))
    per_hash = np.concatenate(rows)
    out[:] = np.minimum.reduceat(per_hash, q_starts, axis=0)
    return out


class Matcher:
    """Hashes and distances for one way of matching (plain PDQ or Rempart's variants)."""

    def __init__(self, name: str, bank_fn, query_fn):
        self.name, self.bank_fn, self.query_fn = name, bank_fn, query_fn
        self.bank: list[list[str]] = []
        self.query: list[list[str]] = []  # one per (image, transform), image-major
        self.seconds = 0.0

    def hash_bank(self, px: np.ndarray) -> list[str]:
        t = time.perf_counter()
        hs = self.bank_fn(px)
        self.seconds += time.perf_counter() - t
        return hs

    def hash_query(self, px: np.ndarray) -> list[str]:
        t = time.perf_counter()
        hs = self.query_fn(px)
        self.seconds += time.perf_counter() - t
        return hs

    def distances(self, n_img: int, n_tf: int) -> np.ndarray:
        """(n_img * n_tf, n_img) min distances: copy (image-major) x original."""
        # A copy whose every hash is weak is refused, so it matches nothing: give it a dummy
        # hash and a distance of 256 (more than any threshold).
        refused = np.array([not hs for hs in self.query])
        query = [hs or ["0" * 64] for hs in self.query]
        qh = [h for hs in query for h in hs]
        qg = np.repeat(np.arange(len(query)), [len(hs) for hs in query])
        bh = [h for hs in self.bank for h in hs]
        bg = np.repeat(np.arange(len(self.bank)), [len(hs) for hs in self.bank])
        d = group_min_distances(pack(qh), qg, pack(bh), bg, n_img * n_tf, n_img)
        d[refused] = 256
        return d


def plain_hash(px):
    h, q = pdq_hash(px)
    return [h] if q >= PDQ_MIN_QUALITY else []  # banks refuse weak hashes: so does the baseline


def rempart_bank(px):
    return [v.pdq for v in bank_hashes(px) if v.usable]


def rempart_query(px):
    return [v.pdq for v in query_hashes(px) if v.usable]


def pick_threshold(pos: np.ndarray, neg: np.ndarray) -> tuple[int, float]:
    """Largest threshold whose precision over all positives and negatives is >= PRECISION."""
    best, best_prec = -1, 1.0
    pos_c = np.bincount(np.minimum(pos, 256), minlength=257).cumsum()
    neg_c = np.bincount(np.minimum(neg, 256), minlength=257).cumsum()
    for t in range(257):
        tp, fp = pos_c[t], neg_c[t]
        prec = tp / (tp + fp) if tp + fp else 1.0
        if prec >= PRECISION:
            best, best_prec = t, prec
    return best, best_prec


def perception_threshold(pos: np.ndarray, neg: np.ndarray) -> tuple[int, float]:
    """perception's rule (benchmarking/common.py, compute_threshold_precision_recall), for one
    transform: pos[i] / neg[i] are copy i's distances to its own original and to the closest
    other one. Walking the positives in increasing order, keep the last one before precision
    (copies within t over copies plus impostors within t) first drops below PRECISION.
    Returns (threshold, recall %); recall 0 when an impostor is nearer than every positive."""
    order = np.argsort(pos, kind="stable")
    pos, neg = pos[order], neg[order]
    tp = np.arange(1, len(pos) + 1)
    fp = np.array([(neg <= t).sum() for t in pos])
    bad = np.flatnonzero(tp / (tp + fp) < PRECISION)
    if not len(bad):
        return int(pos.max()), 100.0
    if bad[0] == 0:
        return int(pos[0]), 0.0
    t = int(pos[bad[0] - 1])
    return t, 100.0 * float((pos <= t).sum()) / len(pos)


# ---------------------------------------------------------------- main


def print_table(title: str, tf_names: list[str], results: dict, rows: np.ndarray) -> None:
    names = list(results)
    hdr = f"{'transform':16s}" + "".join(f" {n + ' [perception]':>24s}" for n in names) + "".join(
        f" {n + ' @' + str(results[n]['t']):>15s} {n + ' @31':>15s}" for n in names)
    print()
    print(f"recall (%) per transform, {title}")
    print(hdr)
    print("-" * len(hdr))
    for j, tf in enumerate(tf_names):
        cells = ""
        for n in names:
            t, rec = perception_threshold(results[n]["per_tf"][rows, j], results[n]["neg_tf"][rows, j])
            cells += f" {f'{rec:.1f} (t={t})':>24s}"
        for n in names:
            r = results[n]
            cells += f" {100 * np.mean(r['per_tf'][rows, j] <= r['t']):15.1f}"
            cells += f" {100 * np.mean(r['per_tf'][rows, j] <= DEFAULT_THRESHOLD):15.1f}"
        print(f"{tf + (' *' if tf in MILD else ''):16s}{cells}")
    print("(* mild transforms; [perception]: its method, a threshold per transform at 99.99% precision against "
          "each copy's closest other original; @N: one threshold of N bits for every transform)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="the 5 demo samples only (a few seconds)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    names, images, what = load_dataset(args.smoke)
    pairs = [(n, px) for n, px in zip(names, images) if px is not None]
    # Banks refuse weak hashes, so weak pictures are out of scope for matching.
    strong = [(n, px) for n, px in pairs if pdq_hash(pdq_input(px))[1] >= PDQ_MIN_QUALITY]
    n_weak = len(pairs) - len(strong)

    plain = Matcher("plain PDQ", plain_hash, plain_hash)
    rempart = Matcher("Rempart", rempart_bank, rempart_query)
    # Near-duplicates among the sources (the same wallpaper in two packages, a portrait crop of a
    # landscape one) are the same picture: keep the first of each group.
    kept: list[tuple[str, np.ndarray]] = []
    banks_p, banks_r, dropped = [], [], []
    for n, px in strong:
        bp, br = plain.hash_bank(px), rempart.hash_bank(px)
        qp, qr = pack(bp), pack(rempart_query(px))
        dup = None
        for (kn, _), kbp, kbr in zip(kept, banks_p, banks_r):
            d_plain = int(np.bitwise_count(pack(kbp) ^ qp).sum())
            d_remp = int(np.bitwise_count(pack(kbr)[:, None] ^ qr[None]).sum(axis=2).min())
            if min(d_plain, d_remp) <= DEDUP_DISTANCE:
                dup = kn
                break
        if dup:
            dropped.append((n, dup))
            continue
        kept.append((n, px))
        banks_p.append(bp)
        banks_r.append(br)
    plain.bank, rempart.bank = banks_p, banks_r
    plain.seconds = rempart.seconds = 0.0

    tf_names = list(TRANSFORMS)
    for i, (n, px) in enumerate(kept):
        for tf in tf_names:
            copy = np.ascontiguousarray(TRANSFORMS[tf](px, i))
            plain.query.append(plain.hash_query(copy))
            rempart.query.append(rempart.hash_query(copy))
    n_img, n_tf = len(kept), len(tf_names)

    print(f"data: {what}")
    print(f"  {len(pairs)} pictures loaded, {n_weak} weak (PDQ quality < {PDQ_MIN_QUALITY}) left out, "
          f"{len(dropped)} near-duplicates left out, {n_img} distinct pictures used")
    for n, dup in dropped:
        print(f"    duplicate: {n}  ~  {dup}")
    n_neg = n_img * (n_img - 1) * n_tf
    print(f"  {n_tf} transforms: {n_img * n_tf} positive pairs, {n_neg:,} negative (cross) pairs")
    if n_img < 2:
        print("too few pictures to measure precision")
        return 1

    results = {}
    for m in (plain, rempart):
        d = m.distances(n_img, n_tf)
        img_of_row = np.repeat(np.arange(n_img), n_tf)
        pos = d[np.arange(len(d)), img_of_row].astype(np.int64)
        mask = np.ones_like(d, dtype=bool)
        mask[np.arange(len(d)), img_of_row] = False
        neg = d[mask].astype(np.int64)
        t, prec = pick_threshold(pos, neg)
        per_tf = pos.reshape(n_img, n_tf)
        closest_other = np.where(mask, d, 10_000).min(axis=1).astype(np.int64)  # perception's negative
        results[m.name] = dict(
            t=t, prec=prec, per_tf=per_tf, neg=neg, neg_tf=closest_other.reshape(n_img, n_tf),
            fp31=int((neg <= DEFAULT_THRESHOLD).sum()), min_neg=int(neg.min()),
            nb=np.mean([len(h) for h in m.bank]), nq=np.mean([len(h) for h in m.query]),
            ms=1000 * m.seconds / (n_img * n_tf),
        )

    print()
    print(f"threshold for >= {PRECISION:.2%} precision over all cross pairs, and the closest distinct pair:")
    for name, r in results.items():
        print(f"  {name:10s} threshold {r['t']:3d} bits (precision {r['prec']:.4%}); closest distinct pair "
              f"{r['min_neg']} bits; cross pairs within {DEFAULT_THRESHOLD}: {r['fp31']}; "
              f"hashes per picture: bank {r['nb']:.1f}, query {r['nq']:.1f}; query hashing {r['ms']:.1f} ms")
    print()
    photo = np.array([is_photograph(n) for n, _ in kept])
    subsets = [(f"all {n_img} pictures", np.ones(n_img, bool))]
    if photo.any() and not photo.all():
        subsets.append((f"the {int(photo.sum())} photographs", photo))
    for title, rows in subsets:
        print_table(title, tf_names, results, rows)

    # Targets are judged on the photographs (the data), or on everything when that is all there is.
    rows = subsets[-1][1]
    p, r = results["plain PDQ"], results["Rempart"]

    def recall(res, tf, t):
        return 100 * np.mean(res["per_tf"][rows, tf_names.index(tf)] <= t)

    def perception(res, tf):
        j = tf_names.index(tf)
        return perception_threshold(res["per_tf"][rows, j], res["neg_tf"][rows, j])[1]

    mild = {tf: perception(p, tf) for tf in MILD}
    worst = min(mild, key=mild.get)
    crop, pad = perception(r, "crop0.05"), perception(r, "pad0.2")
    crop_p, pad_p = perception(p, "crop0.05"), perception(p, "pad0.2")
    print()
    print(f"targets ({subsets[-1][0]}), perception's method (a threshold per transform at {PRECISION:.2%}):")
    print(f"  plain PDQ on the mild transforms >= 99%: worst {worst} {mild[worst]:.1f}% "
          f"{'MET' if mild[worst] >= 99 else 'NOT MET'} ("
          + ", ".join(f"{tf} {v:.1f}" for tf, v in mild.items()) + ")")
    print(f"  Rempart crop0.05 >= 90%: {crop:.1f}% {'MET' if crop >= 90 else 'NOT MET'} (plain PDQ {crop_p:.1f}%); "
          f"pad0.2 >= 90%: {pad:.1f}% {'MET' if pad >= 90 else 'NOT MET'} (plain PDQ {pad_p:.1f}%)")
    print(f"  deployed, one threshold for all: plain PDQ mild worst "
          f"{min(recall(p, tf, p['t']) for tf in MILD):.1f}% @{p['t']}; Rempart crop0.05 "
          f"{recall(r, 'crop0.05', r['t']):.1f}%, pad0.2 {recall(r, 'pad0.2', r['t']):.1f}% @{r['t']} "
          f"(@{DEFAULT_THRESHOLD}: crop {recall(r, 'crop0.05', DEFAULT_THRESHOLD):.1f}%, "
          f"pad {recall(r, 'pad0.2', DEFAULT_THRESHOLD):.1f}%)")
    if n_neg < 10_000:
        print(f"note: {n_neg:,} cross pairs cannot resolve 99.99% precision; run without --smoke")
    print(f"[{time.perf_counter() - t0:.1f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
