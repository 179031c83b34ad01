"""Kiosques Insertion: dated meetings in an MDS (Pacte territorial d'insertion 2019-2021).

No public calendar exists in our sources, so the shipped list (``data/kiosques.yaml``) is empty. MDS
staff publish dates in ``/equipe`` (``pti_citizen.kiosques``); a search is given the current list
explicitly (``nearest(..., kiosques=...)``). Past dates drop out by themselves: only meetings that
have not ended yet are shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

from ..languages import SOURCE_LANGUAGE
from .models import Kiosque

PARIS = ZoneInfo("Europe/Paris")

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def _time(value: Any, name: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, int):  # YAML reads an unquoted 09:30 as 570 minutes (sexagesimal)
        return dt.time(value // 60, value % 60)
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError as error:
        raise ValueError(f"{name} {value!r} is not a time like 09:30") from error


def parse_kiosque(entry: Mapping[str, Any]) -> Kiosque:
    """One kiosque from a plain mapping (a YAML entry or a database row)."""
    day = entry["date"]
    if not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day))
    start, end = _time(entry["start"], "start"), _time(entry["end"], "end")
    if end <= start:
        raise ValueError(f"kiosque at {entry['place_id']} on {day}: it ends before it starts")
    summary = str(entry["summary"]).strip()
    if not summary:
        raise ValueError(f"kiosque at {entry['place_id']} on {day}: a one-sentence summary is needed")
    languages = tuple(entry.get("languages") or (SOURCE_LANGUAGE,))
    for code in languages:
        if not _LANGUAGE_CODE.match(code):
            raise ValueError(f"language {code!r} is not an ISO 639 code such as 'fr' or 'ar'")
    return Kiosque(
        place_id=str(entry["place_id"]),
        day=day,
        start=start,
        end=end,
        summary=summary,
        languages=languages,
        room=entry.get("room") or None,
        address=entry.get("address") or None,
        summaries=dict(entry.get("summaries") or {}),
    )


def parse_kiosques(
    entries: Iterable[Mapping[str, Any]], known_place_ids: Collection[str]
) -> tuple[Kiosque, ...]:
    kiosques = []
    for entry in entries:
        try:
            kiosque = parse_kiosque(entry)
        except KeyError as error:
            raise ValueError(f"kiosque entry {dict(entry)!r} lacks {error}") from error
        if kiosque.place_id not in known_place_ids:
            raise ValueError(f"kiosque place_id {kiosque.place_id!r} is not a place of the directory")
        kiosques.append(kiosque)
    return tuple(kiosques)


def ends_at(kiosque: Kiosque) -> dt.datetime:
    return dt.datetime.combine(kiosque.day, kiosque.end, tzinfo=PARIS)


def upcoming_by_place(kiosques: Iterable[Kiosque], now: dt.datetime) -> dict[str, list[Kiosque]]:
    """Kiosques that have not ended at ``now``, soonest first, grouped by place id."""
    grouped: dict[str, list[Kiosque]] = {}
    for kiosque in sorted(kiosques, key=lambda k: (k.day, k.start)):
        if ends_at(kiosque) > now:
            grouped.setdefault(kiosque.place_id, []).append(kiosque)
    return grouped
