"""Detector results per image content (SHA-256 of the encoded bytes), shared across requests.

The same picture arrives again (a retried request, an edit's input screened again on the
way out): its results are reused instead of running the models again. Least recently used
entries leave first; a size of 0 keeps nothing. Thread-safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")


class ResultCache(Generic[T]):
    def __init__(self, size: int) -> None:
        self.size = max(0, int(size))
        self._items: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        if not key:
            return None
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: str, value: T) -> None:
        if not key or self.size == 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
