"""Quick measurement of the text-intent detector on the shared public prompt sets.

Report only: the lexicon is not tuned on these rows.
  .venv/bin/python bench/eval_text_quick.py [--show-fp N] [--show-fn N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from rempart.signals import kinds as K
from rempart.signals.text import TextIntentDetector

EVAL = Path("/work/shared/eval")
SEXUAL = set(K.SEXUAL_TEXT_KINDS)


def rows(name: str) -> list[dict]:
    with open(EVAL / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def sexual_hit(det: TextIntentDetector, prompt: str) -> tuple[bool, list]:
    sig = det.detect(prompt, mode="generate")
    return any(s.kind in SEXUAL for s in sig), sig


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-fp", type=int, default=0, help="print N false positives per benign set")
    ap.add_argument("--show-fn", type=int, default=0, help="print N missed I2P rows")
    args = ap.parse_args()
    det = TextIntentDetector()

    i2p = rows("i2p.csv")
    pos = [r for r in i2p if float(r["nudity_percentage"] or 0) >= 50]
    got, missed = 0, []
    for r in pos:
        hit, _ = sexual_hit(det, r["prompt"])
        got += hit
        if not hit:
            missed.append(r["prompt"])
    print(f"I2P nudity_percentage>=50: {got}/{len(pos)} = {got / len(pos):.1%} with a sexual-kind signal")
    sexual_rows = [r for r in i2p if r["label"].startswith("sexual")]
    g2 = sum(sexual_hit(det, r["prompt"])[0] for r in sexual_rows)
    print(f"I2P label sexual*: {g2}/{len(sexual_rows)} = {g2 / len(sexual_rows):.1%}")
    for p in missed[: args.show_fn]:
        print("  FN:", p[:160])

    for name in ("coco10k_captions.csv", "partiprompts.csv", "editeval_v1_edits.csv"):
        rs = rows(name)
        fp = []
        by_kind: Counter[str] = Counter()
        for r in rs:
            hit, sig = sexual_hit(det, r["prompt"])
            if hit:
                fp.append((r["prompt"], sig))
                by_kind.update(s.kind for s in sig if s.kind in SEXUAL)
        print(f"{name}: {len(fp)}/{len(rs)} = {len(fp) / len(rs):.2%} with a sexual-kind signal; by kind {dict(by_kind)}")
        for p, sig in fp[: args.show_fp]:
            ev = [(s.kind, [e.text for e in s.evidence]) for s in sig if s.kind in SEXUAL]
            print("  FP:", p[:120], ev)

    prompts = [r["prompt"] for r in rows("coco10k_captions.csv")]
    t = time.perf_counter()
    for p in prompts:
        det.detect(p, mode="generate")
    dt = time.perf_counter() - t
    print(f"throughput: {len(prompts) / dt:,.0f} prompts/s on COCO captions (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
