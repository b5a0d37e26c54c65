"""What the benchmark scripts share: pinning to one core, and the p50/p95 of a sample."""

from __future__ import annotations

import os
import statistics


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
