"""In-memory matching against the bank store, kept current by the store's change log.

One `PDQIndex` holds the PDQ hashes of every bank (enabled or not); MD5 and SHA-256 live in
dicts. An index id packs the bank and the entry: ``bank_no << 40 | entry_id``, so a hit
names its bank without a side table (10M entries would need ~1 GB of dict). A query
searches the index at the largest threshold among the banks asked for, then keeps each hit
only within its own bank's threshold: exact per bank, as brute force would be. Enabling,
disabling or re-thresholding a bank is a settings change, applied instantly.

Freshness: at most every `refresh_ms` (200 ms by default), a query first asks the store for
its version (one indexed MAX query). When it moved, the matcher reads only the change-log
rows after the version it holds and applies them as index adds/removes; it rebuilds from a
full scan only when it has fallen further behind than the log reaches. So a hash added or
withdrawn in any process is matched / no longer matched in every process within ~200 ms.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

from rempart.banks.index import PDQIndex, hex_to_array
from rempart.banks.store import BankInfo, BankStore, Change

log = logging.getLogger(__name__)

_BANK_SHIFT = 40  # entry ids below 2**40; up to 2**23 banks
_ENTRY_MASK = (1 << _BANK_SHIFT) - 1
MAX_DELTA = 200_000  # more change-log rows than this: a rebuild is faster


@dataclass(frozen=True, slots=True)
class BankHit:
    bank: str
    kind: str  # "block" or "allow"
    signal_type: str
    entry_id: int
    value: str  # the queried hash that matched
    distance: int


class BankMatcher:
    """Thread-safe. `banks=None` in a query means every enabled bank; a set of names means
    exactly those banks, enabled or not (the retroactive sweep of a named bank)."""

    def __init__(self, store: BankStore, *, refresh_ms: int = 200, clock: Callable[[], float] = time.monotonic):
        self.store = store
        self.refresh_ms = refresh_ms
        self._clock = clock
        self._lock = threading.RLock()
        self._loaded = False
        self._checked_at = 0.0
        self.version = -1
        self.rebuilds = 0  # full scans so far (the tests check that deltas do not rebuild)
        self._reset()

    def _reset(self) -> None:
        self._index = PDQIndex()
        self._exact: dict[tuple[str, str], dict[int, int]] = {}  # (type, value) -> {entry_id: bank_no}
        self._banks: dict[str, BankInfo] = {}
        self._bank_no: dict[str, int] = {}
        self._bank_names: list[str] = []

    # ------------------------------------------------------------------ freshness

    @property
    def loaded(self) -> bool:
        """Whether the first full load has happened (later refreshes are deltas)."""
        return self._loaded

    def refresh(self, force: bool = False) -> int:
        """Bring the matcher up to the store's current version now; returns that version."""
        with self._lock:
            self._checked_at = self._clock()
            if force or not self._loaded:
                self._rebuild()
                return self.version
            version = self.store.version()
            if version == self.version:
                return version
            changes = self.store.changes_since(self.version, MAX_DELTA) if version > self.version else None
            if changes is None:
                self._rebuild()
            else:
                self._apply(changes)
                self.version = changes[-1].version if changes else version
            return self.version

    def maybe_refresh(self) -> None:
        """Refresh if the last check is older than `refresh_ms`. A failing store keeps the
        last good state (logged) rather than failing every query; before a first load, raises."""
        if self._loaded and (self._clock() - self._checked_at) * 1000 < self.refresh_ms:
            return
        with self._lock:
            if self._loaded and (self._clock() - self._checked_at) * 1000 < self.refresh_ms:
                return  # another thread just did it
            try:
                self.refresh()
            except Exception as e:
                if not self._loaded:
                    raise
                self._checked_at = self._clock()  # retry after refresh_ms, not on every request
                log.warning("bank matcher: reload failed, matching against version %s: %s", self.version, e)

    def _rebuild(self) -> None:
        self._reset()
        pending: list[tuple] = []

        def on_page(rows: list[tuple]) -> None:
            pending.extend(rows)  # banks are known only once the scan returns
            if len(pending) >= 500_000:
                self._add_rows(pending)
                pending.clear()

        # Bank settings are read in the same transaction, but on_page needs bank numbers
        # before that returns: numbers are assigned by name on first sight, settings later.
        version, banks = self.store.scan(on_page)
        self._add_rows(pending)
        self._banks = banks
        self.version = version
        self._loaded = True
        self.rebuilds += 1

    def _no(self, bank: str) -> int:
        no = self._bank_no.get(bank)
        if no is None:
            no = self._bank_no[bank] = len(self._bank_names)
            self._bank_names.append(bank)
        return no

    def _add_rows(self, rows: Iterable[tuple]) -> None:
        ids, hexes = [], []
        for entry_id, bank, signal_type, value, *_ in rows:
            no = self._no(bank)
            if signal_type == "pdq":
                ids.append(no << _BANK_SHIFT | entry_id)
                hexes.append(value)
            else:
                self._exact.setdefault((signal_type, value), {})[entry_id] = no
        if ids:
            self._index.reserve(len(self._index) + len(ids))
            self._index.add(np.asarray(ids, dtype=np.int64), hex_to_array(hexes))

    def _apply(self, changes: list[Change]) -> None:
        settings_changed = False
        for ch in changes:
            if ch.op == "bank":
                settings_changed = True
            elif ch.op == "add":
                if ch.signal_type == "pdq":
                    key = self._no(ch.bank) << _BANK_SHIFT | ch.entry_id
                    self._index.remove([key])  # idempotent: an add seen twice must not raise
                    self._index.add([key], hex_to_array([ch.value]))
                else:
                    self._exact.setdefault((ch.signal_type, ch.value), {})[ch.entry_id] = self._no(ch.bank)
            elif ch.op == "remove":
                if ch.signal_type == "pdq":
                    if ch.bank in self._bank_no:
                        self._index.remove([self._bank_no[ch.bank] << _BANK_SHIFT | ch.entry_id])
                else:
                    hit = self._exact.get((ch.signal_type, ch.value))
                    if hit is not None:
                        hit.pop(ch.entry_id, None)
                        if not hit:
                            del self._exact[(ch.signal_type, ch.value)]
        if settings_changed:
            self._banks = self.store.bank_settings()

    # ------------------------------------------------------------------ queries

    def banks(self) -> dict[str, BankInfo]:
        self.maybe_refresh()
        return dict(self._banks)

    def _selected(self, banks: Iterable[str] | None) -> dict[str, BankInfo]:
        if banks is None:
            return {n: b for n, b in self._banks.items() if b.enabled}
        return {n: self._banks[n] for n in banks if n in self._banks}

    def match_exact(self, signal_type: str, value: str, banks: Iterable[str] | None = None) -> list[BankHit]:
        """Banks holding exactly this MD5 / SHA-256 (or PDQ) hash."""
        self.maybe_refresh()
        with self._lock:
            chosen = self._selected(banks)
            found = self._exact.get((signal_type, value.lower()), {})
            return [BankHit(b.name, b.kind, signal_type, eid, value, 0)
                    for eid, no in sorted(found.items()) if (b := chosen.get(self._bank_names[no]))]

    def match_pdq(self, value: str, quality: int | None = None,
                  banks: Iterable[str] | None = None) -> list[BankHit]:
        """Entries within their bank's threshold of this PDQ hash, nearest first. A hash of
        `quality` below a bank's minimum is not matched against that bank."""
        self.maybe_refresh()
        with self._lock:
            chosen = self._selected(banks)
            if quality is not None:
                chosen = {n: b for n, b in chosen.items() if quality >= b.min_quality}
            if not chosen or not len(self._index):
                return []
            radius = max(b.threshold for b in chosen.values())
            hits = []
            for key, dist in self._index.search(value, radius):
                b = chosen.get(self._bank_names[key >> _BANK_SHIFT])
                if b is not None and dist <= b.threshold:
                    hits.append(BankHit(b.name, b.kind, "pdq", key & _ENTRY_MASK, value, dist))
            return hits

    def __len__(self) -> int:
        return len(self._index) + sum(len(v) for v in self._exact.values())
