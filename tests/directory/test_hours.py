"""Open-now status, checked against the MDS hours text of the source and France's public holidays.

Expectations are derived here, independently of the code: the hours come from parsing S1's text
« lundi à vendredi - 8h30-12h - 13h30-17h », the holidays from the Code du travail (art. L3133-1)
with Easter computed by the anonymous Gregorian algorithm.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.dates import format_date as cldr_date
from babel.dates import format_time as cldr_time

from pti_citizen.directory import HoursKind, StatusCode, opening_status

from .conftest import paris


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def french_public_holidays(year: int) -> set[dt.date]:
    """The 11 « jours fériés » of art. L3133-1 of the Code du travail."""
    easter = _easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    movable = [easter + dt.timedelta(days=n) for n in (1, 39, 50)]  # Easter Monday, Ascension, Whit Monday
    return {dt.date(year, m, d) for m, d in fixed} | set(movable)


def _source_hours(text: str) -> tuple[range, list[tuple[dt.time, dt.time]]]:
    """« lundi à vendredi - 8h30-12h - 13h30-17h » → weekdays 0..4 and the time ranges."""
    days = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
    first, last = re.match(r"(\w+) à (\w+)", text).groups()

    def clock(value: str) -> dt.time:
        hour, _, minute = value.partition("h")
        return dt.time(int(hour), int(minute or 0))

    ranges = [(clock(a), clock(b)) for a, b in re.findall(r"(\d+h\d*)-(\d+h\d*)", text)]
    return range(days[first], days[last] + 1), ranges


def _expected_open(moment: dt.datetime, text: str) -> bool:
    weekdays, ranges = _source_hours(text)
    if moment.date() in french_public_holidays(moment.year) or moment.weekday() not in weekdays:
        return False
    return any(start <= moment.time() < end for start, end in ranges)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def mds(directory):
    return directory.by_id["mds31-059"]  # Saint-Gaudens


def test_easter_algorithm_matches_known_dates():
    assert _easter(2026) == dt.date(2026, 4, 5)
    assert _easter(2027) == dt.date(2027, 3, 28)


def test_source_text_parses_as_expected():
    assert _source_hours("lundi à vendredi - 8h30-12h - 13h30-17h") == (
        range(5),
        [(dt.time(8, 30), dt.time(12)), (dt.time(13, 30), dt.time(17))],
    )


@pytest.mark.parametrize("year", [2026, 2027])
def test_every_mds_half_hour_of_two_years_matches_the_source(directory, year):
    """Every half hour from 7:00 to 18:30, on every day of the year, for one MDS of each direction."""
    sample = {}
    for place in directory.places:
        if place.hours_kind is HoursKind.REGULAR:
            sample.setdefault(place.direction_territoriale, place)
    day = dt.date(year, 1, 1)
    while day.year == year:
        for minutes in range(7 * 60, 19 * 60, 30):
            moment = paris(year, day.month, day.day, minutes // 60, minutes % 60)
            for place in sample.values():
                expected = _expected_open(moment, place.hours_source)
                assert opening_status(place, moment).open_now is expected, (place.id, moment)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (paris(2026, 12, 1, 10, 0), "Ouvert maintenant · ferme à 12 h"),  # Tuesday morning
        (paris(2026, 12, 1, 12, 30), "Fermé · ouvre à 13 h 30"),  # lunch break
        (paris(2026, 12, 1, 16, 59), "Ouvert maintenant · ferme à 17 h"),
        (paris(2026, 12, 1, 18, 0), "Fermé · ouvre demain à 8 h 30"),  # evening
        (paris(2026, 12, 5, 11, 0), "Fermé · ouvre lundi à 8 h 30"),  # Saturday
        (paris(2026, 12, 4, 17, 0), "Fermé · ouvre lundi à 8 h 30"),  # Friday, just closed
        (
            paris(2026, 5, 1, 10, 0),
            "Fermé aujourd'hui : jour férié · ouvre lundi à 8 h 30",
        ),  # 1 May, a Friday
        (paris(2026, 7, 14, 10, 0), "Fermé aujourd'hui : jour férié · ouvre demain à 8 h 30"),
        (paris(2026, 4, 6, 9, 0), "Fermé aujourd'hui : jour férié · ouvre demain à 8 h 30"),  # Easter Monday
        (paris(2026, 12, 24, 18, 0), "Fermé · ouvre lundi à 8 h 30"),  # Christmas Friday, then the weekend
    ],
)
def test_status_texts(mds, moment, text):
    assert _plain(opening_status(mds, moment).text) == text


def test_public_holiday_flag(mds):
    assert opening_status(mds, paris(2026, 5, 1, 10)).public_holiday
    assert not opening_status(mds, paris(2026, 5, 4, 10)).public_holiday


def test_other_languages_use_cldr_times(mds):
    text = opening_status(mds, paris(2026, 12, 1, 10), "en").text
    assert text.startswith("Open now") and cldr_time(dt.time(12), format="short", locale="en") in text
    text = opening_status(mds, paris(2026, 12, 5, 11), "es").text
    assert "lunes" in text and cldr_time(dt.time(8, 30), format="short", locale="es") in text
    assert "الاثنين" in opening_status(mds, paris(2026, 12, 5, 11), "ar").text


def test_now_in_any_timezone_is_read_in_paris_time(mds):
    utc = dt.UTC
    # 09:00 UTC in December is 10:00 in Paris (open); 07:15 UTC is 08:15 (closed)...
    assert opening_status(mds, dt.datetime(2026, 12, 1, 9, 0, tzinfo=utc)).open_now is True
    assert opening_status(mds, dt.datetime(2026, 12, 1, 7, 15, tzinfo=utc)).open_now is False
    # ...but in summer time 07:15 UTC is 09:15 in Paris (open).
    assert opening_status(mds, dt.datetime(2026, 7, 1, 7, 15, tzinfo=utc)).open_now is True
    # A naive datetime is taken as Paris time.
    assert opening_status(mds, dt.datetime(2026, 12, 1, 8, 15)).open_now is False


def test_points_d_accueil_say_to_call(directory):
    point = directory.by_id["mds31-031"]  # Bagnères-de-Luchon
    assert point.hours_kind is HoursKind.CALL_MDS
    status = opening_status(point, paris(2026, 12, 1, 10))
    assert status.code is StatusCode.CALL_MDS and status.open_now is None
    assert status.text == "Appelez votre MDS pour connaître les jours d'accueil."


def test_closed_for_works_before_and_after_the_reopening_date(directory):
    nailloux = directory.by_id["mds31-022"]
    before = opening_status(nailloux, paris(2026, 3, 1, 10))
    assert before.code is StatusCode.CLOSED_FOR_WORKS and before.open_now is False
    assert _plain(before.text) == "Fermé pour travaux · réouverture prévue le 16 mars 2026"
    after = opening_status(nailloux, paris(2026, 11, 29, 10))
    assert after.code is StatusCode.MAY_HAVE_REOPENED and after.open_now is None
    assert "peut-être rouvert" in after.text and "Appelez avant de venir" in after.text
    english_date = cldr_date(dt.date(2026, 3, 16), format="long", locale="en")
    assert english_date in opening_status(nailloux, paris(2026, 3, 1, 10), "en").text


def test_closed_for_works_with_only_a_month(directory):
    montastruc = directory.by_id["mds31-054"]
    status = opening_status(montastruc, paris(2026, 11, 29, 10))
    assert status.code is StatusCode.CLOSED_FOR_WORKS and status.open_now is None
    assert "avril" in status.text and "Appelez avant de venir" in status.text
    assert "abril" in opening_status(montastruc, paris(2026, 11, 29, 10), "es").text


def test_the_week_of_a_printed_page_follows_the_source_and_the_holidays(mds):
    from pti_citizen.directory.hours import opening_week

    week = opening_week(mds, paris(2026, 12, 21, 18, 0))  # Monday; Friday 25 December is Christmas
    assert [day for day, _ in week] == [dt.date(2026, 12, 21) + dt.timedelta(days=n) for n in range(7)]
    spans = dict(week)
    assert spans[dt.date(2026, 12, 21)] == ((dt.time(8, 30), dt.time(12)), (dt.time(13, 30), dt.time(17)))
    assert spans[dt.date(2026, 12, 25)] == ()  # public holiday
    assert spans[dt.date(2026, 12, 26)] == ()  # Saturday


def test_a_place_without_regular_hours_has_no_week(directory):
    from pti_citizen.directory.hours import opening_week

    place = next(p for p in directory.places if p.hours_kind is not HoursKind.REGULAR)
    assert opening_week(place, paris(2026, 12, 21, 10, 0)) is None
