"""Speed, memory and firing rate of the named-person detector (rempart.signals.text.names).

    .venv/bin/python bench/bench_named_person.py            # full run
    .venv/bin/python bench/bench_named_person.py --smoke    # a few seconds (CI)

Figures, with baselines measured in the same run:
- memory of the loaded name lists (tracemalloc) and the load time;
- microseconds per prompt over ordinary prompts (COCO captions from ../shared/eval when present,
  else a few built-in prompts) for: `normalize()` alone (a cost the intent detector pays too),
  a naive baseline (lower-case, split, set look-up of two-word names), `detect_normalized` (the
  detector's own work) and `detect` (both);
- how often it fires on the public sets (COCO, PartiPrompts, I2P rows with nudity >= 50).
Targets (helper brief): <= 20 us per typical prompt, lists <= 50 MB. Measured, never tuned on.
"""

from __future__ import annotations

import argparse
import csv
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BUILTIN = [
    "A man riding a wave on top of a surfboard.",
    "a woman in a summer dress on the beach, golden hour, 35mm",
    "photo of taylor swift at a concert",
    "An astronaut riding a horse in the style of Greg Rutkowski",
    "портрет девушки в парке",
]


def load(name: str, limit: int | None, keep=lambda r: True) -> list[str]:
    path = EVAL / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r["prompt"] for r in csv.DictReader(f) if keep(r)]
    return rows[:limit] if limit else rows


def per_prompt_us(fn, items, min_seconds: float) -> float:
    best = float("inf")
    spent = 0.0
    while spent < min_seconds or best == float("inf"):
        t = time.perf_counter()
        for x in items:
            fn(x)
        el = time.perf_counter() - t
        spent += el
        best = min(best, el)
    return best / len(items) * 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true", help="a few seconds (CI)")
    args = ap.parse_args()
    limit = 300 if args.smoke else None
    min_seconds = 0.2 if args.smoke else 2.0

    from rempart.signals.text.normalize import normalize
    from rempart.signals.text import names

    tracemalloc.start()
    t0 = time.perf_counter()
    lists = names.NameLists()
    load_s = time.perf_counter() - t0
    mem_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    det = names.NamedPersonDetector(lists)
    print(f"name lists: {mem_mb:.1f} MB (target <= 50), loaded in {load_s:.2f} s; "
          f"{len(lists.first)} first names, {len(lists.last)} surnames, {len(lists.common)} common words")

    prompts = load("coco10k_captions.csv", limit or 5000) or BUILTIN
    normed = [normalize(p) for p in prompts]
    naive_pairs = {ph for cands in lists.phrases.values() for ph in cands if len(ph) == 2}

    def naive(p: str) -> bool:
        w = p.lower().split()
        return any((a, b) in naive_pairs for a, b in zip(w, w[1:]))

    rows = [
        ("baseline: normalize() only", per_prompt_us(normalize, prompts, min_seconds)),
        ("baseline: naive split + pair set", per_prompt_us(naive, prompts, min_seconds)),
        ("named_person detect_normalized", per_prompt_us(det.detect_normalized, normed, min_seconds)),
        ("named_person detect (incl. normalize)", per_prompt_us(lambda p: det.detect(p, mode="generate"), prompts, min_seconds)),
    ]
    avg = sum(map(len, prompts)) / len(prompts)
    print(f"\nspeed over {len(prompts)} prompts (avg {avg:.0f} chars), one thread:")
    for label, us in rows:
        print(f"  {label:<40} {us:8.2f} us/prompt")

    sets = [
        ("coco captions", load("coco10k_captions.csv", limit)),
        ("partiprompts", load("partiprompts.csv", limit)),
        ("i2p nudity>=50", load("i2p.csv", limit, lambda r: float(r.get("nudity_percentage") or 0) >= 50)),
    ]
    from rempart.signals import kinds as K

    print("\nfiring rate (text.real_person any score / score >= 0.5; text.named_individual):")
    for label, items in sets:
        if not items:
            print(f"  {label:<16} (set not found)")
            continue
        fired = [{s.kind: s.score for s in det.detect(p, mode="generate")} for p in items]
        anyhit = sum(1 for s in fired if K.TEXT_REAL_PERSON in s)
        strong = sum(1 for s in fired if s.get(K.TEXT_REAL_PERSON, 0) >= 0.5)
        given = sum(1 for s in fired if K.TEXT_NAMED_INDIVIDUAL in s)
        print(f"  {label:<16} {len(items):6d} rows  {anyhit:5d} ({anyhit / len(items):6.2%})  {strong:5d} ({strong / len(items):6.2%})"
              f"  {given:5d} ({given / len(items):6.2%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
