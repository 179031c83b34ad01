"""Kiosques Insertion in the database: what MDS staff publish in ``/equipe``, and the source the
directory core reads (``pti_citizen.directory.set_kiosque_source(directory_source)``)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import select

from pti_citizen.directory import Kiosque, get_directory, parse_kiosque
from pti_citizen.directory.kiosques import PARIS, ends_at
from pti_citizen.feedback.kiosques import KiosqueDraft

from .engine import session
from .models import KiosqueEntry

logger = logging.getLogger(__name__)

#: The directory asks on every search; a short cache spares the database (writes clear it at once).
CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class StoredKiosque:
    id: int
    kiosque: Kiosque


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
        new_id = entry.id
    invalidate()
    return new_id


def update(kiosque_id: int, draft: KiosqueDraft, url: str | None = None) -> bool:
    with session(url) as db:
        entry = db.get(KiosqueEntry, kiosque_id)
        if entry is None:
            return False
        _fill(entry, draft)
        db.add(entry)
        db.commit()
    invalidate()
    return True


def cancel(kiosque_id: int, url: str | None = None) -> bool:
    """A cancelled kiosque is deleted: nobody should be sent to it, and there is nothing to keep."""
    with session(url) as db:
        result = db.execute(sa.delete(KiosqueEntry).where(KiosqueEntry.id == kiosque_id))
        db.commit()
    invalidate()
    return result.rowcount == 1


_cache: dict[str, tuple[float, tuple[Kiosque, ...]]] = {}  # "kiosques" → (when read, kiosques)
_cache_lock = threading.Lock()


def invalidate() -> None:
    with _cache_lock:
        _cache.clear()


def directory_source() -> tuple[Kiosque, ...]:
    """Published kiosques plus those of ``directory/data/kiosques.yaml``; never raises: if the
    database cannot be read, the directory still answers, with the file's kiosques only."""
    with _cache_lock:
        cached = _cache.get("kiosques")
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
    shipped = get_directory().kiosques
    try:
        published = tuple(s.kiosque for s in upcoming(dt.datetime.now(PARIS)))
    except (sa.exc.SQLAlchemyError, ValueError) as error:
        logger.warning(
            "kiosques: database not readable, showing the shipped list only (%s)", type(error).__name__
        )
        return shipped
    result = shipped + published
    with _cache_lock:
        _cache["kiosques"] = (time.monotonic(), result)
    return result
