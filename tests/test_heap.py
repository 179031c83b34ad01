"""The collector of a server process (pti_citizen/heap.py): what exists when it starts serving is
frozen, and young collections come every YOUNG_THRESHOLD new objects. Run in a child process: the
settings are the whole interpreter's."""

from __future__ import annotations

import subprocess
import sys

from pti_citizen import heap, jobs
from tests.processes import ROOT

PROBE = """
import gc
from pti_citizen import heap
kept = [[n] for n in range(50_000)]  # long-lived containers made before serving
frozen_before = gc.get_freeze_count()
heap.freeze_startup_heap()
print(frozen_before, gc.get_freeze_count(), *gc.get_threshold(), gc.get_count()[0])
"""


def test_a_starting_server_freezes_what_it_built_and_collects_young_objects_less_often():
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    frozen_before, frozen_after, young, middle, old, pending = map(int, probe.stdout.split())
    assert frozen_after >= frozen_before + 50_000  # the 50 000 lists and everything imported
    assert young == heap.YOUNG_THRESHOLD > 700  # Python's default
    assert (middle, old) == (10, 10)  # the older generations' rhythm is Python's own
    assert pending < young


def test_every_server_process_runs_it_before_the_other_jobs():
    assert jobs.LIFESPAN_TASKS[0] is heap.freeze_startup_heap
