"""Build the word-frequency list that cuts glued words apart (rempart.signals.text.segment).

Run once, offline, in a throw-away virtual environment; the detector itself only reads the
plain-text file this script writes:

    python3 -m venv /tmp/wf-venv
    /tmp/wf-venv/bin/pip install wordfreq==3.1.1
    /tmp/wf-venv/bin/python scripts/build_word_frequencies.py [--out src/rempart/signals/text/data]

Source: wordfreq 3.1.1 ("small" lists; data CC BY-SA 4.0, see data/SOURCES.md), the TOP_N
most frequent words of each language served that writes words apart with spaces in the
Latin, Greek or Cyrillic script. Each word is normalised the way prompts are (case, accents)
and written with its Zipf frequency (log10 of uses per billion words), the largest over the
languages. Deterministic: the same inputs give a byte-identical file (sorted, no timestamps).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_name_lists import normalize  # normalize.py alone: the venv has no numpy (same folder)

ROOT = Path(__file__).resolve().parents[1]
LANGS = "en fr es de it pt nl pl ro cs sv el ru uk tr id ms vi".split()
TOP_N = 8000
MIN_LENGTH = 1
MAX_LENGTH = 24


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src/rempart/signals/text/data")
    args = ap.parse_args()
    from wordfreq import top_n_list, zipf_frequency

    best: dict[str, float] = {}
    for lang in LANGS:
        for word in top_n_list(lang, TOP_N, wordlist="small"):
            key = normalize(word).text
            if not key.isalpha() or not MIN_LENGTH <= len(key) <= MAX_LENGTH:
                continue
            z = round(zipf_frequency(word, lang, wordlist="small"), 1)
            if z > best.get(key, 0.0):
                best[key] = z
    out = args.out / "word_frequencies.tsv"
    lines = [f"{w}\t{z:.1f}" for w, z in sorted(best.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} words from {len(LANGS)} languages (top {TOP_N} each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
