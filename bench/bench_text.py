"""Speed and memory of the text-intent detector (rules + model), against two baselines measured
in the same run: the v1 rule detector alone, and a naive keyword regex.

    .venv/bin/python bench/bench_text.py            # full run
    .venv/bin/python bench/bench_text.py --smoke    # a few seconds (CI)

Pinned to one CPU core. Figures:
- batch throughput (requests/s) over ordinary prompts (COCO captions from ../shared/eval when
  present, else the project's own evaluation prompts), in batches of 256;
- single-request latency p50/p99 for prompts of 50 to 1,000 characters;
- the same for requests of 1,000 characters made of the project's own evaluation prompts
  (eval/own/text_eval.csv: 30 languages, edits, harmful and ordinary), in both modes;
- model memory (weight arrays) and the process RSS growth while loading it.
Targets (issue 3): >= 20,000 req/s batch, p99 <= 1 ms single, model <= 200 MB.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

from benchlib import pin_one_core

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
COCO = ROOT.parent / "shared" / "eval" / "coco10k_captions.csv"
OWN = ROOT / "eval" / "own" / "text_eval.csv"

NAIVE = re.compile(r"\b(nude|naked|nsfw|porn|sex|bikini|lingerie|underwear|undress|topless|child|kid|teen)\b", re.I)


def load_prompts() -> tuple[list[str], str]:
    path = COCO if COCO.is_file() else OWN
    with path.open(encoding="utf-8", newline="") as f:
        return [r["prompt"] for r in csv.DictReader(f) if r["prompt"]], path.name


def load_own_by_lang() -> dict[str, list[str]]:
    """The project's own evaluation prompts, by language."""
    by_lang: dict[str, list[str]] = {}
    with OWN.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            by_lang.setdefault(r["lang"], []).append(r["prompt"])
    return by_lang


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(fn, prompts: list[str], seconds: float) -> float:
    done, t0 = 0, time.perf_counter()
    while True:
        fn(prompts)
        done += len(prompts)
        if time.perf_counter() - t0 >= seconds:
            return done / (time.perf_counter() - t0)


def latencies(fn, prompts: list[str], reps: int) -> tuple[float, float, float]:
    xs = []
    for _ in range(reps):
        for p in prompts:
            t = time.perf_counter()
            fn(p)
            xs.append(time.perf_counter() - t)
    xs.sort()
    q = lambda f: xs[min(len(xs) - 1, int(f * len(xs)))] * 1e3  # noqa: E731
    return q(0.5), q(0.99), xs[-1] * 1e3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    pin_one_core()
    seconds = 0.5 if args.smoke else 4.0
    reps = 1 if args.smoke else 5

    rss0 = rss_mb()
    t = time.perf_counter()
    from rempart.signals.text.hybrid import TextIntentDetector
    from rempart.signals.text.intent import RuleIntentDetector

    hybrid = TextIntentDetector()
    load_s = time.perf_counter() - t
    rss1 = rss_mb()
    rules = RuleIntentDetector()

    prompts, source = load_prompts()
    rng = random.Random(0)
    rng.shuffle(prompts)
    batch = prompts[:256]
    # Single requests: 50 .. 1,000 characters, built from the same prompts.
    singles = []
    for target in (50, 100, 200, 400, 700, 1000):
        for _ in range(20 if not args.smoke else 3):
            s = ""
            while len(s) < target:
                s += rng.choice(prompts) + " "
            singles.append(s[:target])

    hybrid.detect_batch(batch, "generate")  # warm caches
    for p in batch:
        rules.detect(p, mode="generate")

    rows = [
        ("naive keyword regex", lambda ps: [NAIVE.search(p) for p in ps], lambda p: NAIVE.search(p)),
        ("v1 rules (text_intent_v1)", lambda ps: [rules.detect(p, mode="generate") for p in ps],
         lambda p: rules.detect(p, mode="generate")),
        ("v2 rules+model, batch API", lambda ps: hybrid.detect_batch(ps, "generate"),
         lambda p: hybrid.detect(p, mode="generate")),
    ]
    print(f"text-intent bench ({'smoke' if args.smoke else 'full'}), one core, prompts from {source}")
    print(f"{'DETECTOR':28s} {'BATCH req/s':>12s} {'p50 ms':>8s} {'p99 ms':>8s} {'max ms':>8s}   (single, 50-1000 chars)")
    results = {}
    for name, batch_fn, single_fn in rows:
        rps = throughput(batch_fn, batch, seconds)
        p50, p99, mx = latencies(single_fn, singles, reps)
        results[name] = (rps, p99)
        print(f"{name:28s} {rps:12,.0f} {p50:8.3f} {p99:8.3f} {mx:8.3f}")
    # The same single-request run with the garbage collector paused: shows how much of the
    # tail is GC pauses (a service can tune gc thresholds; both figures are reported).
    import gc

    gc.collect()
    gc.disable()
    try:
        p50, p99, mx = latencies(lambda p: hybrid.detect(p, mode="generate"), singles, reps)
    finally:
        gc.enable()
    print(f"{'v2 single, gc paused':28s} {'':>12s} {p50:8.3f} {p99:8.3f} {mx:8.3f}")
    long_singles = [p for p in singles if len(p) >= 1000]
    p50, p99, mx = latencies(lambda p: hybrid.detect(p, mode="generate"), long_singles, reps * 3)
    print(f"{'v2 single, 1000 chars only':28s} {'':>12s} {p50:8.3f} {p99:8.3f} {mx:8.3f}")
    # The captions above are plain English. Requests of 1,000 characters made of the project's own
    # evaluation prompts (30 languages, edit instructions, harmful and ordinary) cost more: every
    # script-specific pass runs. Reported beside the target, not instead of it.
    own = load_own_by_lang()
    mixed = []
    for lang in sorted(own):
        for _ in range(1 if args.smoke else 3):
            s = ""
            while len(s) < 1000:
                s += rng.choice(own[lang]) + " "
            mixed.append(s[:1000])
    own_p99 = 0.0
    for mode in ("generate", "edit"):
        for p in mixed:  # warm: the names list is built on the first prompt that needs it
            hybrid.detect(p, mode=mode)
        p50, p99, mx = latencies(lambda p: hybrid.detect(p, mode=mode), mixed, reps)
        own_p99 = max(own_p99, p99)
        print(f"{'v2 own, 1000 chars, ' + mode:28s} {'':>12s} {p50:8.3f} {p99:8.3f} {mx:8.3f}   ({len(own)} languages)")
    model = hybrid.model
    print(f"model: {model.nbytes / 1e6:.1f} MB of weights ({len(model.labels)} labels x 2^{model.cfg.bits} buckets), "
          f"loaded in {load_s:.2f}s, process max RSS +{rss1 - rss0:.0f} MB while loading")
    rps, p99 = results["v2 rules+model, batch API"]
    ok = rps >= 20_000 and max(p99, own_p99) <= 1.0 and model.nbytes <= 200e6
    print(f"targets (>= 20,000 req/s, p99 <= 1 ms on captions and on own prompts, <= 200 MB): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
