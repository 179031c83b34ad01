"""Measuring helpers shared by the benchmark scripts."""

from __future__ import annotations

import gc
import resource
import time
from pathlib import Path


def best_of(function, repeats: int = 5) -> float:
    """Fastest of ``repeats`` runs, in seconds (garbage collected before each run)."""
    timings = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def rss_kib() -> int:
    """Resident set size now (Linux /proc), else the peak RSS from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
