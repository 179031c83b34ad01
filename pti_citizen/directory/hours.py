"""Open or closed right now, in Europe/Paris time, from OpenStreetMap ``opening_hours`` strings.

French public holidays come from opening-hours-py's calendar (``country="FR"``), so ``PH off``
closes the 11 national holidays (not the 2 extra days of Alsace-Moselle).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours

from ..i18n import format_date, format_month, format_time, format_weekday
from .messages import gettext
from .models import HoursKind, Place

PARIS = ZoneInfo("Europe/Paris")
SEPARATOR = " · "


class StatusCode(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    CALL_MDS = "call_mds"
    CLOSED_FOR_WORKS = "closed_for_works"
    MAY_HAVE_REOPENED = "may_have_reopened"


@dataclass(frozen=True)
class OpeningStatus:
    code: StatusCode
    open_now: bool | None  # None: we do not know (the source says to call)
    text: str
    next_change: dt.datetime | None = None
    public_holiday: bool = False

    def as_dict(self) -> dict:
        return {
            "code": self.code.value,
            "text": self.text,
            "next_change": self.next_change.isoformat() if self.next_change else None,
            "public_holiday": self.public_holiday,
        }


def paris_time(now: dt.datetime | None = None) -> dt.datetime:
    """``now`` in Paris time; a naive datetime is read as Paris time already."""
    if now is None:
        return dt.datetime.now(PARIS)
    if now.tzinfo is None:
        return now.replace(tzinfo=PARIS)
    # opening-hours-py wants a ZoneInfo (it reads ``tzinfo.key``), not a fixed offset.
    return now.astimezone(PARIS)


@cache
def parsed_hours(expression: str) -> OpeningHours:
    return OpeningHours(expression, timezone=PARIS, country="FR")


@cache
def _public_holidays() -> OpeningHours:
    return OpeningHours("PH", timezone=PARIS, country="FR")


def is_public_holiday(moment: dt.datetime) -> bool:
    return _public_holidays().is_open(paris_time(moment))


def _opens_when(change: dt.datetime, now: dt.datetime, lang: str) -> str:
    _ = gettext(lang)
    time = format_time(change.time(), lang)
    days = (change.date() - now.date()).days
    if days == 0:
        return _("ouvre à %(time)s") % {"time": time}
    if days == 1:
        return _("ouvre demain à %(time)s") % {"time": time}
    if days < 7:
        return _("ouvre %(weekday)s à %(time)s") % {
            "weekday": format_weekday(change.date(), lang),
            "time": time,
        }
    return _("ouvre le %(date)s à %(time)s") % {"date": format_date(change.date(), lang), "time": time}


def _regular_status(expression: str, now: dt.datetime, lang: str) -> OpeningStatus:
    _ = gettext(lang)
    hours = parsed_hours(expression)
    change = hours.next_change(now)
    holiday = is_public_holiday(now)
    if hours.is_open(now):
        text = _("Ouvert maintenant")
        if change is not None and change.date() == now.date():
            text += SEPARATOR + _("ferme à %(time)s") % {"time": format_time(change.time(), lang)}
        return OpeningStatus(StatusCode.OPEN, True, text, change, holiday)
    text = _("Fermé aujourd'hui : jour férié") if holiday else _("Fermé")
    if change is not None:
        text += SEPARATOR + _opens_when(change, now, lang)
    return OpeningStatus(StatusCode.CLOSED, False, text, change, holiday)


def _works_status(place: Place, now: dt.datetime, lang: str) -> OpeningStatus:
    _ = gettext(lang)
    call_first = _("Appelez avant de venir.")
    if place.reopening_date is not None:
        date = format_date(place.reopening_date, lang)
        if now.date() >= place.reopening_date:
            text = (
                _("Fermé pour travaux jusqu'au %(date)s. C'est peut-être rouvert.") % {"date": date}
                + " "
                + call_first
            )
            return OpeningStatus(StatusCode.MAY_HAVE_REOPENED, None, text)
        text = _("Fermé pour travaux") + SEPARATOR + _("réouverture prévue le %(date)s") % {"date": date}
        return OpeningStatus(StatusCode.CLOSED_FOR_WORKS, False, text)
    if place.reopening_month is not None:
        month = format_month(place.reopening_month, lang)
        text = (
            _("Fermé pour travaux")
            + SEPARATOR
            + _("réouverture prévue en %(month)s, sans année précisée.") % {"month": month}
            + " "
            + call_first
        )
        return OpeningStatus(StatusCode.CLOSED_FOR_WORKS, None, text)
    return OpeningStatus(StatusCode.CLOSED_FOR_WORKS, False, _("Fermé pour travaux") + ". " + call_first)


def opening_today(place: Place, now: dt.datetime | None = None) -> tuple[tuple[dt.time, dt.time], ...] | None:
    """Today's opening times in Paris, in order (``()``: closed all day, a public holiday included);
    ``None`` when the source gives no regular hours (closed for works, « call your MDS »)."""
    if place.hours_kind is not HoursKind.REGULAR or not place.opening_hours:
        return None
    now = paris_time(now)
    start = dt.datetime.combine(now.date(), dt.time(0), tzinfo=PARIS)
    end = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(0), tzinfo=PARIS)
    return tuple(
        (begin.time(), finish.time())
        for begin, finish, state, _ in parsed_hours(place.opening_hours).intervals(start, end)
        if str(state) == "open" and finish is not None
    )


def opening_week(
    place: Place, now: dt.datetime | None = None
) -> tuple[tuple[dt.date, tuple[tuple[dt.time, dt.time], ...]], ...] | None:
    """The opening times of the 7 days from today, day by day (a public holiday closes its day), for
    a page that is printed and read later; ``None`` when the source gives no regular hours."""
    if place.hours_kind is not HoursKind.REGULAR or not place.opening_hours:
        return None
    now = paris_time(now)
    days = []
    for offset in range(7):
        day = now.date() + dt.timedelta(days=offset)
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=PARIS)
        days.append((day, opening_today(place, noon) or ()))
    return tuple(days)


def opening_status(place: Place, now: dt.datetime | None = None, lang: str = "fr") -> OpeningStatus:
    """What to tell someone about ``place`` at ``now``; never a guess when the source has no hours."""
    now = paris_time(now)
    if place.hours_kind is HoursKind.REGULAR and place.opening_hours:
        return _regular_status(place.opening_hours, now, lang)
    if place.hours_kind is HoursKind.CLOSED_FOR_WORKS:
        return _works_status(place, now, lang)
    _ = gettext(lang)
    return OpeningStatus(
        StatusCode.CALL_MDS, None, _("Appelez votre MDS pour connaître les jours d'accueil.")
    )
