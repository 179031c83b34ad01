"""The calendar the directory reads: shipped plus published kiosques, a short cache that every change
clears, and a search that never fails because the store is down."""

from __future__ import annotations

import datetime as dt

import pytest

from pti_citizen.directory import Kiosque
from pti_citizen.kiosques import KiosqueCalendar, KiosqueDraft, StoredKiosque, StoreUnavailable

SHIPPED = Kiosque("mds31-014", dt.date(2027, 1, 12), dt.time(14), dt.time(16), "Kiosque du mois.")
DRAFT = KiosqueDraft(
    "mds31-056", dt.date(2027, 1, 5), dt.time(9, 30), dt.time(12), "Venez.", ("fr",), None, None
)


class MemoryStore:
    def __init__(self):
        self.rows: dict[int, KiosqueDraft] = {}
        self.reads = 0
        self.down = False

    def upcoming(self, now):
        self.reads += 1
        if self.down:
            raise StoreUnavailable("OperationalError")
        return [
            StoredKiosque(i, Kiosque(d.place_id, d.day, d.start, d.end, d.summary, d.languages))
            for i, d in sorted(self.rows.items())
        ]

    def add(self, draft):
        if self.down:
            raise StoreUnavailable("OperationalError")
        new_id = len(self.rows) + 1
        self.rows[new_id] = draft
        return new_id

    def update(self, kiosque_id, draft):
        if kiosque_id not in self.rows:
            return False
        self.rows[kiosque_id] = draft
        return True

    def cancel(self, kiosque_id):
        return self.rows.pop(kiosque_id, None) is not None


@pytest.fixture
def clock():
    return [100.0]


@pytest.fixture
def store():
    return MemoryStore()


@pytest.fixture
def calendar(store, clock):
    return KiosqueCalendar(store, [SHIPPED], cache_seconds=30, clock=lambda: clock[0])


def test_shipped_and_published_together(calendar):
    kiosque_id = calendar.publish(DRAFT)
    assert [k.place_id for k in calendar.current()] == ["mds31-014", "mds31-056"]
    assert [s.id for s in calendar.upcoming(dt.datetime.now(dt.UTC))] == [kiosque_id]


def test_reads_are_cached_and_every_change_clears_the_cache(calendar, store, clock):
    calendar.current()
    calendar.current()
    assert store.reads == 1
    clock[0] += 31
    calendar.current()
    assert store.reads == 2
    kiosque_id = calendar.publish(DRAFT)
    assert len(calendar.current()) == 2 and store.reads == 3
    assert calendar.update(kiosque_id, DRAFT) and calendar.current() and store.reads == 4
    assert calendar.cancel(kiosque_id)
    assert calendar.current() == (SHIPPED,) and store.reads == 5


def test_a_store_that_is_down_leaves_the_shipped_list(calendar, store):
    store.down = True
    assert calendar.current() == (SHIPPED,)
    with pytest.raises(StoreUnavailable):
        calendar.publish(DRAFT)
    store.down = False
    assert calendar.current() == (SHIPPED,)  # a failure is not cached: the next search asks again
