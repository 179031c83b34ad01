"""What the directory shows: the shipped kiosques and the published ones, read through a short cache.

The directory asks on every search; a 30-second cache spares the database, and every change made
through the calendar clears it at once. The calendar never fails a search: if the store cannot be
read, the shipped kiosques are shown alone (and a warning is logged, without any detail of the data).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from pti_citizen.directory import Kiosque
from pti_citizen.directory.kiosques import PARIS

from .publishing import KiosqueDraft

logger = logging.getLogger(__name__)

CACHE_SECONDS = 30.0


class StoreUnavailable(Exception):
    """The kiosques' storage cannot be reached (database down, unreadable row…)."""


@dataclass(frozen=True)
class StoredKiosque:
    """A published kiosque and its id in the store (to edit or cancel it)."""

    id: int
    kiosque: Kiosque


class KiosqueStore(Protocol):
    """Where published kiosques are kept (``pti_citizen.db.kiosque_store.DatabaseKiosques``)."""

    def upcoming(self, now: dt.datetime) -> list[StoredKiosque]: ...
    def add(self, draft: KiosqueDraft) -> int: ...
    def update(self, kiosque_id: int, draft: KiosqueDraft) -> bool: ...
    def cancel(self, kiosque_id: int) -> bool: ...


class KiosqueCalendar:
    """Publishing (for the team) and reading (for the directory) go through here, so that a change is
    seen by the next search at once. Every method but :meth:`current` raises :class:`StoreUnavailable`."""

    def __init__(
        self,
        store: KiosqueStore,
        shipped: Iterable[Kiosque] = (),
        *,
        cache_seconds: float = CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.store = store
        self.shipped = tuple(shipped)
        self.cache_seconds = cache_seconds
        self.clock = clock
        self._cached: tuple[float, tuple[Kiosque, ...]] | None = None
        self._lock = threading.Lock()

    def current(self) -> tuple[Kiosque, ...]:
        """Shipped plus published kiosques that have not ended; never raises."""
        with self._lock:
            if self._cached and self.clock() - self._cached[0] < self.cache_seconds:
                return self._cached[1]
        try:
            published = tuple(s.kiosque for s in self.store.upcoming(dt.datetime.now(PARIS)))
        except StoreUnavailable as error:
            logger.warning("kiosques: store not readable, showing the shipped list only (%s)", error)
            return self.shipped
        result = self.shipped + published
        with self._lock:
            self._cached = (self.clock(), result)
        return result

    def invalidate(self) -> None:
        with self._lock:
            self._cached = None

    def upcoming(self, now: dt.datetime) -> list[StoredKiosque]:
        """Published kiosques that have not ended at ``now``, soonest first (for the team's list)."""
        return self.store.upcoming(now)

    def publish(self, draft: KiosqueDraft) -> int:
        try:
            return self.store.add(draft)
        finally:
            self.invalidate()

    def update(self, kiosque_id: int, draft: KiosqueDraft) -> bool:
        try:
            return self.store.update(kiosque_id, draft)
        finally:
            self.invalidate()

    def cancel(self, kiosque_id: int) -> bool:
        """A cancelled kiosque is deleted: nobody should be sent to it, and there is nothing to keep."""
        try:
            return self.store.cancel(kiosque_id)
        finally:
            self.invalidate()
