"""Hash-bank detector: exact (SHA-256) and near (PDQ) matches against banks of known images.

Matching is brute force over a packed (N, 4) uint64 matrix with a vectorised popcount:
about 1M bank hashes in ~15 ms per view on one core, enough for v1. The index is rebuilt
when the store's version counter changes, checked at most every `refresh_ms`.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from rempart.banks.store import BankStore
from rempart.errors import DetectorError
from rempart.request.images import DecodedImage
from rempart.signals.base import HashMatch, Signal
from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, pdq_hash
from rempart.signals.kinds import HASH_MATCH

log = logging.getLogger(__name__)

MAX_EVIDENCE = 32  # a bank full of near-duplicates must not produce a huge signal

if hasattr(np, "bitwise_count"):  # numpy >= 2.0

    def _popcount_rows(x: np.ndarray) -> np.ndarray:
        return np.bitwise_count(x).sum(axis=1, dtype=np.int32)

else:  # pragma: no cover - older numpy
    _POP8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)

    def _popcount_rows(x: np.ndarray) -> np.ndarray:
        return _POP8[x.view(np.uint8)].sum(axis=1, dtype=np.int32)


def _pack(hexes: list[str]) -> np.ndarray:
    if not hexes:
        return np.zeros((0, 4), dtype=np.uint64)
    raw = bytes.fromhex("".join(hexes))
    return np.frombuffer(raw, dtype=np.uint64).reshape(len(hexes), 4)  # byte order is irrelevant to XOR/popcount


@dataclass(frozen=True)
class _Index:
    version: int
    sha256: dict[str, list[tuple[int, str]]]  # value -> [(entry_id, bank)]
    pdq: np.ndarray  # (N, 4) uint64
    pdq_ids: np.ndarray  # (N,) int64 entry ids
    pdq_banks: np.ndarray  # (N,) int32 index into bank_names
    pdq_thresholds: np.ndarray  # (N,) int32: each entry's bank threshold
    bank_names: tuple[str, ...]

    @classmethod
    def build(cls, store: BankStore) -> "_Index":
        snap = store.snapshot()
        names = tuple(sorted(snap.banks))
        pos = {n: i for i, n in enumerate(names)}
        sha: dict[str, list[tuple[int, str]]] = {}
        ids, banks, values = [], [], []
        for entry_id, bank, algorithm, value in snap.entries:
            if algorithm == "sha256":
                sha.setdefault(value, []).append((entry_id, bank))
            else:
                ids.append(entry_id)
                banks.append(pos[bank])
                values.append(value)
        bank_idx = np.asarray(banks, dtype=np.int32)
        thresholds = np.asarray([snap.banks[n].threshold for n in names], dtype=np.int32)
        return cls(
            version=snap.version,
            sha256=sha,
            pdq=_pack(values),
            pdq_ids=np.asarray(ids, dtype=np.int64),
            pdq_banks=bank_idx,
            pdq_thresholds=thresholds[bank_idx] if len(bank_idx) else np.zeros(0, np.int32),
            bank_names=names,
        )

    def match_pdq(self, value: str) -> list[tuple[int, str, int]]:
        """(entry_id, bank, distance) of every entry within its bank's threshold."""
        if not len(self.pdq):
            return []
        q = _pack([value])[0]
        dist = _popcount_rows(self.pdq ^ q)
        hit = np.flatnonzero(dist <= self.pdq_thresholds)
        return [(int(self.pdq_ids[i]), self.bank_names[self.pdq_banks[i]], int(dist[i])) for i in hit]


# detect() and the gate's audit record both need an image's hashes: compute them once.
_cache: OrderedDict[int, tuple[weakref.ref, dict]] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 64


def _copy(h: dict) -> dict:
    return {k: list(v) if isinstance(v, list) else v for k, v in h.items()}  # callers may mutate theirs


def image_hashes(image: DecodedImage) -> dict:
    """Hashes of an image for matching and for the audit log (never pixels):
    {"sha256": hex of the encoded bytes, "pdq": [hex per view], "pdq_quality": [int per view],
    "views": [view names]}. Raises DetectorError if a view cannot be hashed."""
    key = id(image)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is image:  # same live object, not a recycled id
            _cache.move_to_end(key)
            return _copy(hit[1])
    pdqs, quals = [], []
    for view in image.views:
        try:
            h, q = pdq_hash(view.pixels)
        except ValueError as e:
            raise DetectorError(f"hash_banks_v1: cannot hash view {view.name!r}: {e}") from e
        pdqs.append(h)
        quals.append(q)
    out = {"sha256": image.sha256, "pdq": pdqs, "pdq_quality": quals, "views": [v.name for v in image.views]}
    with _cache_lock:
        try:
            _cache[key] = (weakref.ref(image), out)
        except TypeError:  # not weak-referenceable: do not cache
            pass
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return _copy(out)


class HashBankDetector:
    """ImageDetector emitting one `hash.match` signal when an image matches any enabled bank."""

    name = "hash_banks_v1"

    def __init__(self, store: BankStore, *, refresh_ms: int = 1000, min_pdq_quality: int = PDQ_MIN_QUALITY) -> None:
        self.store = store
        self.refresh_ms = refresh_ms
        self.min_pdq_quality = min_pdq_quality
        self._index: _Index | None = None
        self._checked_at = 0.0
        self._reload_lock = threading.Lock()

    # index

    def refresh(self, force: bool = False) -> None:
        """Check the store now and rebuild the index if it changed (always, with force=True)."""
        self._refresh(force=force, throttled=False)

    def _refresh(self, *, force: bool, throttled: bool) -> None:
        with self._reload_lock:
            now = time.monotonic()
            if throttled and self._index is not None and (now - self._checked_at) * 1000 < self.refresh_ms:
                return  # another thread just checked
            try:
                if force or self._index is None or self.store.version() != self._index.version:
                    self._index = _Index.build(self.store)
                self._checked_at = now
            except Exception as e:
                if self._index is None:
                    raise DetectorError(f"{self.name}: cannot load hash banks: {e}") from e
                # A stale but valid index beats failing every request on a transient DB error;
                # retry after refresh_ms rather than on every request.
                self._checked_at = now
                log.warning("%s: bank reload failed, matching against version %s: %s",
                            self.name, self._index.version, e)

    @property
    def _current(self) -> _Index:
        if self._index is None or (time.monotonic() - self._checked_at) * 1000 >= self.refresh_ms:
            self._refresh(force=False, throttled=True)
        assert self._index is not None
        return self._index

    # hashing

    def image_hashes(self, image: DecodedImage) -> dict:
        """See the module-level `image_hashes`."""
        return image_hashes(image)

    # detection

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        index = self._current
        hashes = image_hashes(image)
        best: dict[tuple[str, int], tuple[int, HashMatch, str]] = {}  # (algorithm, entry) -> best match

        for entry_id, bank in index.sha256.get(hashes["sha256"], ()):
            best[("sha256", entry_id)] = (0, HashMatch("sha256", hashes["sha256"], bank, entry_id, 0,
                                                       role=role, image_index=image_index), "encoded")

        for value, quality, view in zip(hashes["pdq"], hashes["pdq_quality"], hashes["views"]):
            if quality < self.min_pdq_quality:
                continue  # a weak hash (flat picture) would match unrelated flat pictures
            for entry_id, bank, dist in index.match_pdq(value):
                key = ("pdq", entry_id)
                if key not in best or dist < best[key][0]:
                    best[key] = (dist, HashMatch("pdq", value, bank, entry_id, dist,
                                                 role=role, image_index=image_index), view)

        if not best:
            return []
        ranked = sorted(best.values(), key=lambda m: (m[0], m[1].algorithm != "sha256", m[1].entry_id))
        kept = ranked[:MAX_EVIDENCE]
        top = kept[0][1]
        score = 1.0 if top.algorithm == "sha256" else 1.0 - top.distance / 256
        return [
            Signal(
                kind=HASH_MATCH,
                score=score,
                detector=self.name,
                evidence=tuple(m[1] for m in kept),
                detail={
                    "banks": sorted({m[1].bank for m in ranked}),
                    "n_matches": len(ranked),
                    "best_distance": top.distance,
                    "views": [m[2] for m in kept],  # parallel to evidence: which view matched
                    "bank_version": index.version,
                },
            )
        ]
