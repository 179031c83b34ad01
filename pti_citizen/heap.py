"""The garbage collector of a server process, set for a server that keeps little between events.

A worker is forked from a supervisor that already imported the app and froze its heap (Reflex's
``_freeze_for_fork``: about 200 000 objects; the worker adds a few thousand of its own while it
starts). What Python's default thresholds (700, 10, 10) made the collector scan again and again are
the objects that outlive a few events — connections, queued events, sessions in flight —: under
2 000 people a worker spent about 3.2 s of every 2.5 minutes in collections, with full collections
of up to 150 ms during which no event was served (docs/performance.md, « The garbage collector »).
Every event builds and drops a tree of states whose parent and children point to each other, so
only the collector frees them: it must run, but less often on the older generations.

- ``freeze_startup_heap`` moves what exists when the process starts serving to the permanent
  generation: never scanned again, never freed (it lives as long as the process anyway). It runs
  before the first session, so no session's objects are frozen.
- ``YOUNG_THRESHOLD``: a young collection every 10 000 new container objects instead of 700 — a
  few events' worth — so most of each event's objects are already gone when it runs.
"""

from __future__ import annotations

import gc

#: New container objects between two young collections (Python's default: 700).
YOUNG_THRESHOLD = 10_000


def freeze_startup_heap() -> None:
    """Run by each server process when it starts (a Reflex lifespan task), before any request."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
