"""The checks a Kiosque Insertion must pass before it is published.

A published kiosque must be real enough to send someone to: an MDS of the directory, a date that is
not past, an end after the start, one plain sentence, the languages the team speaks. Messages are in
French: only the team uses this form (``/equipe``).

What staff type is shown to everyone: it goes through the same cleaning as a comment (format and
bidi control characters removed, so that no text can reorder the page around it; e-mails, phone,
social security and bank numbers masked — a kiosque is reached at its MDS, never through a
person's number). The address field keeps street addresses: it is a public place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale

from pti_citizen.directory import PlaceKind, get_directory
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.masking import mask_personal_data
from pti_citizen.languages import LANGUAGES, SOURCE_LANGUAGE

#: Languages often spoken in Haute-Garonne besides the site's own (ISO 639-1).
OTHER_SPOKEN = ("pt", "it", "ro", "tr", "ru", "uk", "oc")
#: Languages staff can tick: the site's languages first, then the others; names in French (CLDR).
KIOSQUE_LANGUAGES: dict[str, str] = {
    code: Locale.parse(code).get_display_name(SOURCE_LANGUAGE)
    for code in dict.fromkeys((*LANGUAGES, *OTHER_SPOKEN))
}
MAX_SUMMARY_LENGTH = 200
MAX_SUMMARY_WORDS = 25  # FALC: never more than 25 words in a sentence
MAX_ROOM_LENGTH = 120
MAX_ADDRESS_LENGTH = 200
MAX_DAYS_AHEAD = 366
_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH]([0-5]\d)$", re.ASCII)
#: A stored kiosque's id as the form sends it back: ASCII digits only (« ² » and « ١ » are digits to
#: Python's ``isdigit``), no leading zero, within the database's integer.
_ID = re.compile(r"[1-9][0-9]{0,9}", re.ASCII)
MAX_ID = 2**31 - 1
_SECOND_SENTENCE = re.compile(r"[.!?…]\s+\S")


@dataclass(frozen=True)
class KiosqueDraft:
    """A checked kiosque, ready to store (times in Europe/Paris)."""

    place_id: str
    day: dt.date
    start: dt.time
    end: dt.time
    summary: str
    languages: tuple[str, ...]
    room: str | None
    address: str | None


def _text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _public(text: str, *, addresses: bool = True) -> str:
    """Staff text as the public will read it: cleaned and masked (``feedback.masking``)."""
    return " ".join(mask_personal_data(text, addresses=addresses).split()) if text else ""


def parse_kiosque_id(value: Any) -> int | None:
    """The id of a published kiosque from a form or a button, or ``None`` if it cannot be one."""
    text = value.strip() if isinstance(value, str) else ""
    if not _ID.fullmatch(text) or int(text) > MAX_ID:
        return None
    return int(text)


def _time(value: str) -> dt.time | None:
    match = _TIME.match(value.strip())
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def _languages(form: Mapping[str, Any]) -> list[str]:
    raw = form.get("languages")
    if isinstance(raw, (list, tuple)):
        return [code for code in raw if isinstance(code, str)]
    return [code for code in KIOSQUE_LANGUAGES if form.get(f"langue-{code}") in ("on", True, "true", code)]


def mds_names() -> dict[str, str]:
    """MDS id → name, the places a kiosque can be attached to."""
    return {p.id: p.name for p in get_directory().places if p.kind == PlaceKind.MDS}


def check_kiosque(form: Mapping[str, Any], now: dt.datetime) -> tuple[KiosqueDraft | None, dict[str, str]]:
    """``now`` is an aware datetime; the kiosque's day and times are read in Europe/Paris."""
    errors: dict[str, str] = {}
    here = now.astimezone(PARIS)
    place_id = _text(form, "place_id")
    if place_id not in mds_names():
        errors["place_id"] = "Choisissez une Maison des Solidarités dans la liste."
    day = None
    try:
        day = dt.date.fromisoformat(_text(form, "date"))
    except ValueError:
        errors["date"] = "Indiquez la date, par exemple 2026-12-08."
    if day is not None:
        if day < here.date():
            errors["date"] = "Cette date est passée. Indiquez une date à venir."
        elif day > here.date() + dt.timedelta(days=MAX_DAYS_AHEAD):
            errors["date"] = "Cette date est dans plus d'un an. Publiez-la plus tard."
    start, end = _time(_text(form, "start")), _time(_text(form, "end"))
    if start is None:
        errors["start"] = "Indiquez l'heure de début, par exemple 09:30."
    if end is None:
        errors["end"] = "Indiquez l'heure de fin, par exemple 12:00."
    if start and end and end <= start:
        errors["end"] = "L'heure de fin doit être après l'heure de début."
    elif day == here.date() and end and end <= here.time().replace(tzinfo=None):
        errors["end"] = "Ce kiosque est déjà terminé aujourd'hui."
    summary = _public(_text(form, "summary")[: 4 * MAX_SUMMARY_LENGTH])
    if not summary:
        errors["summary"] = "Écrivez une phrase simple qui dit à quoi sert ce kiosque."
    elif len(summary) > MAX_SUMMARY_LENGTH or len(summary.split()) > MAX_SUMMARY_WORDS:
        errors["summary"] = f"Une seule phrase courte : {MAX_SUMMARY_WORDS} mots au plus."
    elif _SECOND_SENTENCE.search(summary):
        errors["summary"] = "Une seule phrase, s'il vous plaît."
    room = _public(_text(form, "room")[: 4 * MAX_ROOM_LENGTH])
    address = _public(_text(form, "address")[: 4 * MAX_ADDRESS_LENGTH], addresses=False)
    if len(room) > MAX_ROOM_LENGTH:
        errors["room"] = f"{MAX_ROOM_LENGTH} caractères au plus."
    if len(address) > MAX_ADDRESS_LENGTH:
        errors["address"] = f"{MAX_ADDRESS_LENGTH} caractères au plus."
    languages = _languages(form)
    if any(code not in KIOSQUE_LANGUAGES for code in languages):
        errors["languages"] = "Choisissez les langues dans la liste."
    elif not languages:
        errors["languages"] = "Cochez au moins une langue parlée par l'équipe ce jour-là."
    if errors:
        return None, errors
    return (
        KiosqueDraft(
            place_id=place_id,
            day=day,
            start=start,
            end=end,
            summary=summary,
            languages=tuple(code for code in KIOSQUE_LANGUAGES if code in languages),
            room=room or None,
            address=address or None,
        ),
        {},
    )
