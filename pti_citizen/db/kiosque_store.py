"""Kiosques Insertion in the database: what MDS staff publish in ``/equipe``. The calendar
(``pti_citizen.kiosques.KiosqueCalendar``) reads and changes them through :class:`DatabaseKiosques`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import select

from pti_citizen.directory import Kiosque, parse_kiosque
from pti_citizen.directory.kiosques import PARIS, ends_at
from pti_citizen.kiosques import KiosqueDraft, StoredKiosque, StoreUnavailable

from .engine import session
from .models import KiosqueEntry


def _as_kiosque(entry: KiosqueEntry) -> Kiosque:
    return parse_kiosque(
        {
            "place_id": entry.place_id,
            "date": entry.day,
            "start": entry.start_time,
            "end": entry.end_time,
            "summary": entry.summary,
            "languages": [code for code in entry.languages.split(",") if code],
            "room": entry.room,
            "address": entry.address,
        }
    )


def _fill(entry: KiosqueEntry, draft: KiosqueDraft) -> None:
    entry.place_id = draft.place_id
    entry.day = draft.day
    entry.start_time = draft.start
    entry.end_time = draft.end
    entry.summary = draft.summary
    entry.languages = ",".join(draft.languages)
    entry.room = draft.room
    entry.address = draft.address
    entry.updated_at = dt.datetime.now(dt.UTC)


def upcoming(now: dt.datetime, url: str | None = None) -> list[StoredKiosque]:
    """Kiosques that have not ended at ``now``, soonest first; past ones drop out by themselves."""
    today = now.astimezone(PARIS).date()
    statement = (
        select(KiosqueEntry)
        .where(KiosqueEntry.day >= today)
        .order_by(KiosqueEntry.day, KiosqueEntry.start_time, KiosqueEntry.id)
    )
    with session(url) as db:
        stored = [StoredKiosque(entry.id, _as_kiosque(entry)) for entry in db.exec(statement)]
    return [s for s in stored if ends_at(s.kiosque) > now]


def add(draft: KiosqueDraft, url: str | None = None) -> int:
    entry = KiosqueEntry()
    _fill(entry, draft)
    with session(url) as db:
        db.add(entry)
        db.commit()
        return entry.id


def update(kiosque_id: int, draft: KiosqueDraft, url: str | None = None) -> bool:
    with session(url) as db:
        entry = db.get(KiosqueEntry, kiosque_id)
        if entry is None:
            return False
        _fill(entry, draft)
        db.add(entry)
        db.commit()
    return True


def cancel(kiosque_id: int, url: str | None = None) -> bool:
    with session(url) as db:
        result = db.execute(sa.delete(KiosqueEntry).where(KiosqueEntry.id == kiosque_id))
        db.commit()
    return result.rowcount == 1


@dataclass(frozen=True)
class DatabaseKiosques:
    """The kiosque table of one database, as the calendar's store; failures become ``StoreUnavailable``
    (with the exception's type name only: no data in a log)."""

    url: str | None = None

    def upcoming(self, now: dt.datetime) -> list[StoredKiosque]:
        try:
            return upcoming(now, self.url)
        except (sa.exc.SQLAlchemyError, ValueError) as error:
            raise StoreUnavailable(type(error).__name__) from error

    def add(self, draft: KiosqueDraft) -> int:
        try:
            return add(draft, self.url)
        except sa.exc.SQLAlchemyError as error:
            raise StoreUnavailable(type(error).__name__) from error

    def update(self, kiosque_id: int, draft: KiosqueDraft) -> bool:
        try:
            return update(kiosque_id, draft, self.url)
        except sa.exc.SQLAlchemyError as error:
            raise StoreUnavailable(type(error).__name__) from error

    def cancel(self, kiosque_id: int) -> bool:
        try:
            return cancel(kiosque_id, self.url)
        except sa.exc.SQLAlchemyError as error:
            raise StoreUnavailable(type(error).__name__) from error
