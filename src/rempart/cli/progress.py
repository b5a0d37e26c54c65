"""A small progress bar on stderr (no dependency): redraws in place on a TTY, prints
a line every few seconds otherwise so CI logs stay readable."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO


class Progress:
    def __init__(self, total: int | None, label: str = "screening", stream: TextIO | None = None, enabled: bool = True):
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = self.enabled and self.stream.isatty()
        self.done = 0
        self.counts: Counter[str] = Counter()
        self.start = time.monotonic()
        self._last = 0.0

    def update(self, outcome: str) -> None:
        self.done += 1
        self.counts[outcome] += 1
        now = time.monotonic()
        if self.enabled and now - self._last >= (0.1 if self.tty else 5.0):
            self._last = now
            self._draw(final=False)

    def close(self) -> None:
        if self.enabled:
            self._draw(final=True)

    def _draw(self, final: bool) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        counts = " ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))
        if self.total:
            frac = min(self.done / self.total, 1.0)
            bar = "#" * int(frac * 30)
            eta = (self.total - self.done) / rate if rate > 0 else 0.0
            text = f"{self.label} [{bar:<30}] {self.done}/{self.total} {rate:,.1f}/s eta {eta:,.0f}s {counts}"
        else:
            text = f"{self.label} {self.done} {rate:,.1f}/s {counts}"
        if self.tty:
            self.stream.write("\r" + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
