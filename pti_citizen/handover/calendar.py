"""Reminders without an account: calendar files (iCalendar, RFC 5545) that a phone's agenda opens.

Two kinds, both built from what the request says and nothing kept:

- the quarterly declaration (DTR): every 3 months after the month of the RSA claim, as the app's
  pages say (``content/pages/fr/declaration-trimestrielle.md``, the glossary's « DTR »). The day in
  the month is not in any source we read (the CAF sends an e-mail when the declaration is ready):
  each event covers the whole month and says that the day is « à vérifier » with the CAF or the MSA;
- a Kiosque Insertion that the directory announces, found by its id (:func:`kiosque_id`): a hand-made
  id finds nothing, so no one can make our server sign a calendar file with their own text.

Pure Python; texts in the person's language (gettext domain ``handover``). ``web/routers/reminders.py``
serves them; ``web/pages/reminders.py`` is the page to choose the claim month.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event

from pti_citizen import routes
from pti_citizen.directory import Kiosque, Place
from pti_citizen.directory.kiosques import PARIS, ends_at
from pti_citizen.i18n import format_month_year, gettext_for, normalize_language

DOMAIN = "handover"
#: Where the calendar files are served (``web/routers/reminders.py``).
DECLARATION_ICS_PATH = "/api/v1/reminders/declaration.ics"
KIOSQUE_ICS_PATH = "/api/v1/reminders/kiosque.ics"
PRODID = "-//Le RSA et moi//pti_citizen//FR"
UID_DOMAIN = "rappels.pti-citizen"
#: The RSA exists since 1 June 2009 (loi n° 2008-1249 du 1er décembre 2008).
FIRST_CLAIM_MONTH = dt.date(2009, 6, 1)
#: A claim planned a little ahead is fine; further is a typo.
MAX_MONTHS_AHEAD = 3
DEFAULT_COUNT = 4  # one year of declarations
MAX_COUNT = 8
EVERY_MONTHS = 3
#: The alarm, on the first day of the declaration's month (all-day events start at midnight).
DECLARATION_ALARM = dt.timedelta(hours=9)
KIOSQUE_ALARM = dt.timedelta(days=-1)
MAX_FIELD_CHARS = 40

_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_KIOSQUE_ID = re.compile(r"^([a-z0-9][a-z0-9-]{0,39})\.([0-9]{8})\.([0-9]{4})$")


class ReminderError(ValueError):
    """What is wrong with a request, field by field, in the person's language."""

    def __init__(self, field: str, code: str, message: str):
        super().__init__(message)
        self.field, self.code, self.message = field, code, message


@dataclass(frozen=True)
class Reminder:
    """One event. ``start``/``end`` are dates (a whole day) or aware datetimes."""

    uid: str
    summary: str
    description: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    alarm: dt.timedelta
    location: str | None = None
    url: str | None = None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def parse_claim_month(text: str | None, lang: str, today: dt.date) -> dt.date:
    """``"2026-12"`` → 1 December 2026, or :class:`ReminderError` (missing, badly written, out of range)."""
    _ = gettext_for(lang, DOMAIN)
    value = (text or "").strip()
    if not value:
        raise ReminderError("claim_month", "missing", _("Choisissez le mois de votre demande de RSA."))
    match = _MONTH.fullmatch(value[:MAX_FIELD_CHARS])
    if not match:
        raise ReminderError(
            "claim_month", "format", _("Écrivez le mois avec l'année et le mois, par exemple 2026-12.")
        )
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    if month < FIRST_CLAIM_MONTH:
        raise ReminderError(
            "claim_month",
            "too_old",
            _("Le RSA existe depuis juin 2009. Choisissez un mois à partir de juin 2009."),
        )
    latest = _add_months(today.replace(day=1), MAX_MONTHS_AHEAD)
    if month > latest:
        raise ReminderError(
            "claim_month",
            "too_late",
            _("Ce mois est trop loin. Choisissez un mois jusqu'à {month}.").format(
                month=format_month_year(latest, lang)
            ),
        )
    return month


def parse_count(text: str | None, lang: str) -> int:
    """How many declarations to remind (1 to :data:`MAX_COUNT`; :data:`DEFAULT_COUNT` when absent)."""
    value = (text or "").strip()
    if not value:
        return DEFAULT_COUNT
    if value.isdigit() and len(value) <= 2 and 1 <= int(value) <= MAX_COUNT:
        return int(value)
    _ = gettext_for(lang, DOMAIN)
    raise ReminderError(
        "count",
        "count",
        _("Choisissez entre {min} et {max} rappels.").format(min=1, max=MAX_COUNT),
    )


def declaration_months(claim_month: dt.date, today: dt.date, count: int = DEFAULT_COUNT) -> list[dt.date]:
    """The next ``count`` months of a quarterly declaration: every 3 months after the claim, from
    this month on (a claim made years ago still gives the coming ones)."""
    first = _add_months(claim_month, EVERY_MONTHS)
    behind = _month_index(today) - _month_index(first)
    if behind > 0:
        first = _add_months(first, -(-behind // EVERY_MONTHS) * EVERY_MONTHS)
    return [_add_months(first, EVERY_MONTHS * i) for i in range(count)]


def declared_months(declaration_month: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """The months whose income a declaration asks for: the 4th, 3rd and 2nd before it (décret
    n° 2025-185; the app's guide: « en mars, vous déclarez novembre, décembre et janvier »)."""
    return (
        _add_months(declaration_month, -4),
        _add_months(declaration_month, -3),
        _add_months(declaration_month, -2),
    )


def _uid(*parts: str) -> str:
    """Stable: the same reminder downloaded twice updates the event instead of doubling it."""
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + "@" + UID_DOMAIN


def declaration_reminders(
    claim_month: dt.date, lang: str, today: dt.date, origin: str, count: int = DEFAULT_COUNT
) -> list[Reminder]:
    lang = normalize_language(lang)
    _ = gettext_for(lang, DOMAIN)
    guide = (
        f"{origin.rstrip('/')}{routes.path(lang, routes.SECTIONS['demarches'], 'declaration-trimestrielle')}"
    )
    reminders = []
    for month in declaration_months(claim_month, today, count):
        first, second, third = (format_month_year(m, lang) for m in declared_months(month))
        description = "\n".join(
            (
                _("Ce mois-ci, vous faites votre déclaration trimestrielle de ressources (DTR)."),
                _("Elle est obligatoire pour continuer à recevoir le RSA."),
                _("À la CAF, vous déclarez les revenus de {first}, {second} et {third}.").format(
                    first=first, second=second, third=third
                ),
                _(
                    "La CAF vous envoie un courriel quand la déclaration vous attend dans Mon Compte, sur caf.fr."
                ),
                _(
                    "Le jour exact est à vérifier : demandez à la CAF (3230) ou à la MSA. À la MSA, déclarez sur msa.fr."
                ),
                _("Les étapes : {url}").format(url=guide),
            )
        )
        reminders.append(
            Reminder(
                uid=_uid("dtr", month.isoformat()),
                summary=_("RSA : déclaration trimestrielle à faire en {month}").format(
                    month=format_month_year(month, lang)
                ),
                description=description,
                start=month,
                end=month + dt.timedelta(days=1),
                alarm=DECLARATION_ALARM,
                url=guide,
            )
        )
    return reminders


def declarations_name(lang: str) -> str:
    """The calendar's name, as the phone's agenda lists it."""
    _ = gettext_for(lang, DOMAIN)
    return _("Mes déclarations du RSA")


def kiosque_id(kiosque: Kiosque) -> str:
    """``mds31-036.20261208.0930``: the place, the day and the start (a place holds one at a time)."""
    return f"{kiosque.place_id}.{kiosque.day:%Y%m%d}.{kiosque.start:%H%M}"


def find_kiosque(
    text: str | None,
    kiosques: Iterable[Kiosque],
    places: Mapping[str, Place],
    lang: str,
    now: dt.datetime,
) -> tuple[Kiosque, Place]:
    """The announced kiosque with this id that has not ended, and its place; or :class:`ReminderError`."""
    _ = gettext_for(lang, DOMAIN)
    value = (text or "").strip()[: MAX_FIELD_CHARS + 20]
    if not _KIOSQUE_ID.fullmatch(value):
        raise ReminderError("id", "format", _("Ce lien de rappel ne marche pas."))
    for kiosque in kiosques:
        if kiosque_id(kiosque) == value and ends_at(kiosque) > now and kiosque.place_id in places:
            return kiosque, places[kiosque.place_id]
    raise ReminderError(
        "id",
        "unknown",
        _("Ce Kiosque Insertion n'est plus annoncé. Demandez les prochaines dates à votre MDS."),
    )


def kiosque_reminder(kiosque: Kiosque, place: Place, lang: str, origin: str) -> Reminder:
    lang = normalize_language(lang)
    _ = gettext_for(lang, DOMAIN)
    where = ", ".join(part for part in (kiosque.room, kiosque.address or place.address) if part)
    locator = f"{origin.rstrip('/')}{routes.path(lang, routes.LOCATOR)}"
    lines = [
        kiosque.summary_in(lang),
        _("Lieu : {place}, {where}.").format(place=place.name, where=where),
    ]
    if place.phone:
        lines.append(
            _("Avant de venir, vérifiez la date : appelez la MDS au {phone}.").format(phone=place.phone)
        )
    lines.append(_("Les Maisons des Solidarités : {url}").format(url=locator))
    return Reminder(
        uid=_uid("kiosque", kiosque_id(kiosque)),
        summary=_("Kiosque Insertion, {place}").format(place=place.name),
        description="\n".join(lines),
        start=dt.datetime.combine(kiosque.day, kiosque.start, tzinfo=PARIS),
        end=ends_at(kiosque),
        alarm=KIOSQUE_ALARM,
        location=f"{place.name}, {where}",
        url=locator,
    )


def _moment(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """Times in UTC (``…Z``): every calendar reads them without a time-zone block."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    return value


def to_ics(reminders: Iterable[Reminder], lang: str, name: str, stamp: dt.datetime) -> bytes:
    """The calendar file: one ``VEVENT`` (with a ``VALARM``) per reminder."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for reminder in reminders:
        event = Event()
        event.add("uid", reminder.uid)
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("dtstart", _moment(reminder.start))
        event.add("dtend", _moment(reminder.end))
        event.add("summary", reminder.summary, parameters={"language": lang})
        event.add("description", reminder.description, parameters={"language": lang})
        if reminder.location:
            event.add("location", reminder.location)
        if reminder.url:
            event.add("url", reminder.url)
        event.add("transp", "TRANSPARENT")  # a reminder does not make the person « busy »
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder.summary)
        alarm.add("trigger", reminder.alarm)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
