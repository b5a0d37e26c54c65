"""What the benchmark scripts share: pinning to one core, the p50/p95 of a sample, and items
per second over a repeated list."""

from __future__ import annotations

import os
import statistics
import time
from typing import Callable


def pin_one_core(index: int = 0) -> str:
    """Pin this process to one of the cores it may use (index into them, -1 for the last)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this system)"
    cores = sorted(os.sched_getaffinity(0))
    cpu = cores[index % len(cores)]
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def p50_p95(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


def items_per_second(fn: Callable, items: list, seconds: float, *, clock: Callable[[], float] = time.perf_counter,
                     warm_up: int = 0) -> float:
    """fn(item) calls per second of `clock`, cycling over `items` until `seconds` have passed
    (after `warm_up` untimed calls)."""
    for it in items[:warm_up]:
        fn(it)
    n, t0 = 0, clock()
    while True:
        for it in items:
            fn(it)
        n += len(items)
        elapsed = clock() - t0
        if elapsed >= seconds:
            return n / elapsed
