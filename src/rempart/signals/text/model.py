"""The statistical half of the text-intent detector: a one-vs-rest logistic model on hashed
character n-grams (see features.py), inference in numpy only.

The weights live in `model/text_intent.npz` next to this file, written by
scripts/train_text_model.py (deterministic; scikit-learn is used there only). They are
stored as float16 and a dense table of 2**bits rows, so loading is one read and scoring a
prompt is a gather and a sum (divided by a power of the prompt's n-gram count when the model was
trained so: a long list of weak n-grams does not add up to a strong score): cost
linear in the prompt length, independent of vocabulary.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from rempart.signals.text.features import FeatureConfig, hash_batch, hash_text, model_text, positions

MODEL_PATH = Path(__file__).resolve().parent / "model" / "text_intent.npz"


class ModelUnavailable(RuntimeError):
    """The model file is missing or malformed: callers fail closed."""


class TextIntentModel:
    """Probabilities per label for prompts. Thread-safe (read-only arrays)."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, labels: Sequence[str], cfg: FeatureConfig,
                 meta: dict | None = None) -> None:
        if weights.shape != (1 << cfg.bits, len(labels)) or bias.shape != (len(labels),):
            raise ModelUnavailable(f"model shapes do not match: {weights.shape}, {bias.shape}, {len(labels)} labels")
        # Rows padded to a multiple of 8 floats (32 bytes): gathering aligned rows is about a
        # third faster than rows of 7 floats, and a row never straddles two cache lines.
        width = -(-len(labels) // 8) * 8
        self._table = np.zeros((weights.shape[0], width), dtype=np.float32)
        self._table[:, :len(labels)] = weights
        self.weights = self._table[:, :len(labels)]  # (buckets, labels) view
        self.bias = bias.astype(np.float32)
        self.labels = tuple(labels)
        self.cfg = cfg
        self.meta = meta or {}
        self.index = {name: i for i, name in enumerate(self.labels)}
        # The last single text hashed and its buckets: a prompt whose model-only score needs
        # evidence (top_spans) is hashed once, not twice. One tuple, swapped whole, so a thread
        # reads either the old pair or the new one.
        self._last_hashed: tuple[str, np.ndarray] = ("", np.zeros(0, dtype=np.int64))
        # The last text's n-gram grid and word spans (top_spans)
        self._last_grid: tuple[str, np.ndarray | None, np.ndarray | None] = ("", None, None)

    # -- loading --------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> "TextIntentModel":
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                weights = z["weights"]
                bias = z["bias"]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelUnavailable(f"cannot load the text model {path}: {exc}") from None
        cfg = FeatureConfig(**meta["features"])
        return cls(weights, bias, meta["labels"], cfg, meta)

    def save(self, path: str | Path) -> None:
        meta = dict(self.meta, labels=list(self.labels), features=self.cfg.to_dict())
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias,
                            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))

    @property
    def nbytes(self) -> int:
        return int(self._table.nbytes + self.bias.nbytes)

    # -- scoring --------------------------------------------------------------------------
    def logits_prepared(self, prepared: Sequence[str]) -> np.ndarray:
        """Logits (rows x labels) for texts already passed through `model_text`."""
        n = len(prepared)
        out = np.tile(self.bias, (n, 1))
        if n == 0:
            return out
        # One text needs no owner rows: all its n-grams add up into row 0.
        idx, row = (self._hash_one(prepared[0]), None) if n == 1 else hash_batch(prepared, self.cfg)
        if idx.size == 0:
            return out
        contrib = np.take(self._table, idx, axis=0)  # (nnz, width)
        k = len(self.labels)
        if n == 1:
            # A vector-matrix product sums the columns ~20x faster than contrib.sum(axis=0).
            scale = np.float32(idx.size ** -self.cfg.length_norm)
            out[0] += (np.full(idx.size, scale, dtype=np.float32) @ contrib)[:k]
            return out
        starts = np.searchsorted(row, np.arange(n))
        ends = np.append(starts[1:], idx.size)
        nonempty = starts < ends
        sums = np.add.reduceat(contrib, np.minimum(starts, idx.size - 1), axis=0)
        if self.cfg.length_norm:
            counts = (ends[nonempty] - starts[nonempty]).astype(np.float64)
            sums[nonempty] *= (counts ** -self.cfg.length_norm).astype(np.float32)[:, None]
        out[nonempty] += sums[nonempty, :k]
        return out

    def _hash_one(self, prepared: str) -> np.ndarray:
        text, idx = self._last_hashed
        if text != prepared:
            idx = hash_text(prepared, self.cfg)
            self._last_hashed = (prepared, idx)
        return idx

    def predict_prepared(self, prepared: Sequence[str]) -> np.ndarray:
        z = self.logits_prepared(prepared)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities (rows x labels) for raw prompts."""
        return self.predict_prepared([model_text(t) for t in texts])

    def top_spans(self, prepared: str, label: str, k: int = 3) -> list[tuple[int, int]]:
        """Character ranges of `prepared` whose n-grams pushed `label` up most (word-aligned).

        Evidence for a score the rules did not explain, worked out in a few vector operations
        (a loop over the n-grams took milliseconds on a long prompt).
        """
        grid, spans = self._grid_and_spans(prepared)
        if not spans.size:
            return []
        per_char = self._char_shares(grid, len(prepared), self.index[label])
        # A word scores the float32 sum of its characters' shares, per_char[a:b].sum(). Only the
        # words that may rank in the top k need that sum: a float64 sum is within 2 * length *
        # 2**-24 of it, relative (its terms are never negative, and any float32 summation order
        # errs by less than length * 2**-24 of the total), so a word whose upper bound is below
        # the k-th best lower bound cannot rank. Words with nothing positive score 0: dropped.
        approx = np.add.reduceat(per_char.astype(np.float64), spans.ravel())[::2]
        margin = 2.0 * (spans[:, 1] - spans[:, 0]) * 2.0**-24
        low, high = approx * (1 - margin), approx * (1 + margin)
        ranked = np.flatnonzero(approx > 0)
        if ranked.size > k > 0:
            kth_low = np.partition(low[ranked], ranked.size - k)[ranked.size - k]
            ranked = ranked[high[ranked] >= kth_low]
        words = [(float(per_char[a:b].sum()), a, b) for a, b in spans[ranked].tolist()]
        words.sort(key=lambda w: -w[0])
        return sorted((a, b) for _, a, b in words[:k])

    def _grid_and_spans(self, prepared: str) -> tuple[np.ndarray, np.ndarray]:
        """(the bucket of each n-gram by (length, start), -1 for none; the word spans) of
        `prepared`, kept for the last text: a prompt with several model-only scores needs
        evidence for each. One tuple, swapped whole, like _last_hashed."""
        text, grid, spans = self._last_grid
        if text != prepared or grid is None:
            grid, spans = positions(prepared, self.cfg, self._hash_one(prepared)), _word_spans(prepared)
            self._last_grid = (prepared, grid, spans)
        return grid, spans

    def _char_shares(self, grid: np.ndarray, size: int, column: int) -> np.ndarray:
        """The share of one label's positive n-gram weights that falls on each character."""
        lengths = np.arange(max(1, self.cfg.ngram_min), self.cfg.ngram_max + 1)
        weight = self._table[np.maximum(grid, 0), column]
        weight[grid < 0] = 0
        # Each n-gram with a positive weight spreads it evenly over its characters: w / length,
        # rounded to float32 as it is added to a float32 total. The others add 0.
        share = (np.maximum(weight, 0).astype(np.float64) / lengths[:, None]).astype(np.float32)
        per_char = np.zeros(size + 2, dtype=np.float32)
        # A character's shares add up in n-gram order (by start, then length), each rounded to
        # float32: one vector addition per (offset of the character in the n-gram, length),
        # largest offset first. Character x gets the share of the n-gram at padded start
        # x + 1 - offset, for the x where that start exists.
        for offset in range(int(lengths.max(initial=0)) - 1, -1, -1):
            first, stop = max(0, offset - 1), min(size, grid.shape[1] - 1 + offset)
            longer = range(max(0, offset + 1 - int(lengths[0])), len(lengths))  # the rows where lengths > offset
            for row in longer if stop > first else ():
                per_char[first:stop] += share[row, first + 1 - offset:stop + 1 - offset]
        return per_char


def _word_spans(prepared: str) -> np.ndarray:
    """(start, end) of each run of non-spaces in a prepared text, as rows: where a word begins or
    ends, the flag "not a space" changes (a few vector operations, not a regex loop)."""
    word = np.frombuffer(prepared.encode("utf-32-le"), dtype=np.uint32) != 32
    edges = np.flatnonzero(np.diff(np.concatenate(([False], word, [False])).astype(np.int8)))
    return edges.reshape(-1, 2).astype(np.int64)


@lru_cache(maxsize=1)
def default_model() -> TextIntentModel:
    return TextIntentModel.load()
