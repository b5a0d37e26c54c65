"""Hashed character n-gram features for the text-intent model, in numpy only.

The same function builds the features at training time (scripts/train_text_model.py) and
at inference, so the two can never drift apart.

A prompt goes through the detector's normaliser first (homoglyphs folded, leet decoded,
spaced letters joined, invisibles dropped), then emoji that stand for words are spelled
out, and everything that is not a letter or digit becomes one space. The features are
the character n-grams (n = 1..5 by default) of " " + that string + " ", hashed into
2**bits buckets with a salt per n. Character n-grams work the same for every script,
including the ones written without spaces (Chinese, Japanese, Thai), and they survive
misspellings, split and glued words: a word shares most of its n-grams with its variants.

Batches are hashed in one pass: all prompts are joined with a separator and the n-gram
hashes of the whole buffer are computed with a few vectorised numpy operations, so the
per-prompt cost is small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from rempart.signals.text.normalize import normalize

# Emoji used as word substitutes in evasion ("put her in a 👙"). Spelled out in English;
# the model learns them from the training corpus like any other word.
EMOJI_WORDS = {
    "👙": "bikini", "🩱": "swimsuit", "🩲": "briefs", "👗": "dress", "👚": "blouse", "👕": "shirt",
    "👖": "jeans", "🍑": "butt", "🍆": "penis", "💦": "cum", "👅": "lick", "🔞": "nsfw", "🍒": "boobs",
    "🥵": "horny", "😈": "naughty", "🫦": "lips", "👄": "lips", "💋": "kiss", "🛏": "bed", "🛌": "bed",
    "👶": "baby", "🧒": "child", "👧": "girl", "👦": "boy", "🚸": "children", "🙈": "shy", "🚫": "no",
    "❌": "no", "👀": "look", "🔥": "hot", "🌶": "spicy", "🩳": "shorts", "🧖": "towel", "🛁": "bath",
    "🚿": "shower", "🏖": "beach", "👸": "princess", "🎒": "school", "🏫": "school", "👩": "woman",
    "👨": "man",
}
_EMOJI_RE = re.compile("|".join(re.escape(e) for e in sorted(EMOJI_WORDS, key=len, reverse=True)))
# Drops the vowel signs of Devanagari, Bengali and Thai with the other non-word characters, as the model was
# trained. A model trained with them kept (normalize.MARKS) was measured on 2026-12-07 and not kept: on the
# read dev sets, 3 more misses and 1 more false block (Hindi 0 -> 4 misses).
_NON_WORD = re.compile(r"[\W_]+")
_SEP = "\x00"  # between prompts in a batch buffer; n-grams crossing it are dropped

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_MUL = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio multiplier: a fast, well-mixing hash
_BASE = np.uint64(0x100000001B3)
_BASE_INV = np.uint64(pow(0x100000001B3, -1, 1 << 64))  # BASE is odd
_BASE32 = np.uint32(0x01000193)
_BASE32_INV = np.uint32(pow(0x01000193, -1, 1 << 32))
_MUL32 = np.uint32(0x9E3779B1)
_SALT32 = 0x51ED27


@dataclass(frozen=True)
class FeatureConfig:
    bits: int = 20
    ngram_min: int = 1
    ngram_max: int = 5
    max_chars: int = 4000  # longer prompts are featurised on their first and last 2000 chars
    # 1: 64-bit polynomial hash with a xor-shift mix (models up to 2026-11); 2: 32-bit
    # polynomial hash with a multiply-shift bucket, about 2.5x faster on a batch. A model
    # file without the field was trained with 1.
    hash_version: int = 1
    # Each n-gram weighs 1 / (n-grams of the prompt) ** length_norm: a long list of weak n-grams
    # (the tags of a gallery prompt) adds up less. 0: plain counts (a model file without the field).
    length_norm: float = 0.0

    def to_dict(self) -> dict[str, float]:
        return {"bits": self.bits, "ngram_min": self.ngram_min, "ngram_max": self.ngram_max,
                "max_chars": self.max_chars, "hash_version": self.hash_version, "length_norm": self.length_norm}


def model_text(text: str) -> str:
    """The string the model sees: normalised, emoji spelled out, one space between words."""
    if len(text) > 8000:
        text = text[:4000] + " " + text[-4000:]
    return prepare(normalize(text).text)


def prepare(s: str, words: list[str] | None = None) -> str:
    """`model_text` for an already normalised string (`Normalized.text`). `words`: the words of
    `s` (runs of letters and digits, `phrases.Words`) when the caller has split it already."""
    if len(s) > 8000:
        s = s[:4000] + " " + s[-4000:]
        words = None
    if not s.isascii():
        s = _EMOJI_RE.sub(lambda m: " " + EMOJI_WORDS[m.group()] + " ", s)
    elif words is not None:
        return " ".join(words)  # what the substitution below gives: no emoji in ASCII text
    return _NON_WORD.sub(" ", s).strip()


class _Powers:
    """base**i and base**-i (mod 2**width) for i < size; grown by doubling, cached up to 2**20."""

    def __init__(self, base: np.unsignedinteger, base_inv: np.unsignedinteger) -> None:
        self.base, self.base_inv = base, base_inv
        self.fwd = np.ones(1, dtype=type(base))
        self.inv = np.ones(1, dtype=type(base))

    def get(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        fwd, inv = self.fwd, self.inv
        with np.errstate(over="ignore"):
            while fwd.shape[0] < size:  # pow[i + m] = pow[i] * base**m
                fwd = np.concatenate([fwd, fwd * (fwd[-1] * self.base)])
                inv = np.concatenate([inv, inv * (inv[-1] * self.base_inv)])
        if fwd.shape[0] <= 1 << 20:
            self.fwd, self.inv = fwd, inv  # a list swap: safe to share between threads
        return fwd[:size], inv[:size]


_POWERS = _Powers(_BASE, _BASE_INV)
_POWERS32 = _Powers(_BASE32, _BASE32_INV)


def _windows(a: np.ndarray, rows: int, width: int) -> np.ndarray:
    """Read-only view w[i, k] = a[i + k] (a needs rows + width - 1 items); cheaper than
    sliding_window_view, whose Python-level checks cost more than the arithmetic here."""
    step = a.strides[0]
    return np.ndarray((rows, width), dtype=a.dtype, buffer=a, offset=0, strides=(step, step))


def hash_batch(texts: Sequence[str], cfg: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    """(bucket indices, owner row) of every n-gram of every already-prepared text: see `_hash`."""
    return _hash(texts, cfg, rows=True)  # type: ignore[return-value]  # rows=True: never None


def hash_text(text: str, cfg: FeatureConfig) -> np.ndarray:
    """`hash_batch([text], cfg)[0]`: the bucket indices of one prepared text's n-grams, without
    working out their owner rows (all 0), a sizeable share of the work for a single prompt."""
    return _hash([text], cfg, rows=False)[0]


def _hash(texts: Sequence[str], cfg: FeatureConfig, rows: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """(bucket indices, owner row, or None without `rows`) of every n-gram of every already-prepared text.

    `owner[k]` is the row of `texts` the k-th n-gram came from. Rows are in order, so the
    indices of one row are contiguous; within a row n-grams come by start position, then n.

    The n-gram hash is the polynomial h = sum(code[i+k] * BASE**(n-1-k)) mod 2**64, computed
    for every start and every n at once from prefix sums: with P[i] = BASE**i * cumsum(code[k]
    * BASE**-k) (BASE is odd, so invertible mod 2**64), h(i, n) = P[i+n-1] - BASE**n * P[i-1].
    A fixed, small number of numpy operations per batch, whatever its size.
    """
    half = cfg.max_chars // 2
    parts = []
    for t in texts:
        if len(t) > cfg.max_chars:
            t = t[:half] + " " + t[-half:]
        parts.append(" " + t + " ")
    buf = _SEP.join(parts)
    codes32 = np.frombuffer(buf.encode("utf-32-le"), dtype=np.uint32)
    size = codes32.shape[0]
    if cfg.hash_version == 2:
        if size == 0 or cfg.ngram_max < 1:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return _hash32(codes32, cfg, rows)
    codes = codes32.astype(np.uint64)
    lo, hi = cfg.ngram_min, cfg.ngram_max
    if size == 0 or hi < 1:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    fwd, inv = _POWERS.get(max(size, hi) + 1)
    is_sep = codes == 0
    # seps[k] = separators in codes[:k]; positions past the end count as separators.
    seps = np.zeros(size + 1 + hi, dtype=np.int64)
    np.cumsum(is_sep, out=seps[1:size + 1])
    seps[size + 1:] = seps[size] + 1
    with np.errstate(over="ignore"):
        prefix = np.zeros(size + hi, dtype=np.uint64)  # prefix[i] = P[i], zero-padded at the end
        np.cumsum(codes * inv[:size], out=prefix[:size])
        prefix[:size] *= fwd[:size]
        before = np.empty(size, dtype=np.uint64)  # P[i-1]
        before[0] = 0
        before[1:] = prefix[:size - 1]
        ns = np.arange(lo, hi + 1)
        ends = _windows(prefix, size, hi)[:, lo - 1:]  # ends[i, n - lo] = P[i+n-1]
        h = ends - before[:, None] * fwd[ns]
        bad = _windows(seps[1:], size, hi)[:, lo - 1:] != seps[:size, None]
        if lo == 1:
            bad[:, 0] |= codes == 32  # a lone space carries nothing
        keep = ~bad
        salted = (h + (ns.astype(np.uint64) * np.uint64(0x51ED27))) * _MUL
        salted ^= salted >> np.uint64(29)
        salted *= _MUL
        idx = (salted[keep] >> np.uint64(64 - cfg.bits)).astype(np.int64)
    row = np.broadcast_to(seps[1:size + 1, None], keep.shape)[keep] if rows else None
    return idx, row


def _hash32(codes: np.ndarray, cfg: FeatureConfig, rows: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """_hash for hash_version 2: the same prefix-sum scheme in uint32 arithmetic, which
    numpy vectorises (there is no SIMD 64-bit multiply), and a multiply-shift bucket."""
    size = codes.shape[0]
    lo, hi = cfg.ngram_min, cfg.ngram_max
    fwd, inv = _POWERS32.get(max(size, hi) + 1)
    seps = np.zeros(size + 1 + hi, dtype=np.int32)
    np.cumsum(codes == 0, out=seps[1:size + 1])
    seps[size + 1:] = seps[size] + 1
    with np.errstate(over="ignore"):  # in place where it can be: fewer temporary arrays
        prefix = np.zeros(size + hi, dtype=np.uint32)
        np.multiply(codes, inv[:size], out=prefix[:size])
        np.cumsum(prefix[:size], out=prefix[:size], dtype=np.uint32)
        prefix[:size] *= fwd[:size]
        before = np.empty(size, dtype=np.uint32)
        before[0] = 0
        before[1:] = prefix[:size - 1]
        ns = np.arange(lo, hi + 1)
        # Laid out (n, start) so that numpy loops over the long axis; transposed at the end.
        bucket = np.multiply(fwd[ns][:, None], before)
        np.subtract(_windows(prefix, size, hi).T[lo - 1:], bucket, out=bucket)
        bucket += (ns * _SALT32).astype(np.uint32)[:, None]
        bucket *= _MUL32
        bucket >>= np.uint32(32 - cfg.bits)
    keep = _windows(seps[1:], size, hi).T[lo - 1:] == seps[:size]
    if lo == 1:
        keep[0] &= codes != 32  # a lone space carries nothing
    bucket, keep = bucket.T, keep.T  # (start, n): n-grams by start position, then n
    row = np.broadcast_to(seps[1:size + 1, None], keep.shape)[keep].astype(np.int64) if rows else None
    return bucket[keep].astype(np.int64), row


def positions(text: str, cfg: FeatureConfig, idx: np.ndarray | None = None) -> np.ndarray:
    """The bucket of each n-gram of one prepared text, by (length, start): grid[k, i] is the n-gram
    of length max(1, ngram_min) + k at offset i of " " + text + " " (so it covers text[i - 1:i - 1
    + length]), -1 where there is none.

    Used to point at the words that drove a model-only score. `idx`: `hash_text(text, cfg)`,
    when the caller has it already.
    """
    if idx is None:
        idx = hash_text(text, cfg)
    half = cfg.max_chars // 2
    padded = " " + (text if len(text) <= cfg.max_chars else text[:half] + " " + text[-half:]) + " "
    size = len(padded)
    lo = max(1, cfg.ngram_min)
    ns = np.arange(lo, cfg.ngram_max + 1)
    # hash_text emits n-grams by start position, then n ascending, and skips lone spaces at n=1
    # and n-grams running past the end. Its buckets fill these places in that order (a
    # separator character inside the text would leave the last ones empty; prepared text has none).
    present = np.arange(size)[:, None] + ns <= size
    if lo == 1 and ns.size:
        present[:, 0] &= np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32) != 32
    grid = np.full(present.shape, -1, dtype=np.int64)
    if idx.size == np.count_nonzero(present):
        grid[present] = idx  # every place filled: a boolean mask assigns ~7x faster than flat indices
    else:
        places = np.flatnonzero(present)[:idx.size]
        grid.flat[places] = idx[:places.size]
    return grid.T
