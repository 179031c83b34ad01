"""Calendar files: the quarterly declaration's months, a Kiosque Insertion, read back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from pti_citizen.directory import Kiosque, get_directory
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.handover import calendar

TODAY = dt.date(2026, 12, 7)
STAMP = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
ORIGIN = "https://rsa.example.fr"


def events(ics: bytes) -> list:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # A claim in December: declarations in March, June, September and December.
        ("2026-12", ["2027-03-01", "2027-06-01", "2027-09-01", "2027-12-01"]),
        # Three months ago: this month is a declaration month, and comes first.
        ("2026-09", ["2026-12-01", "2027-03-01", "2027-06-01", "2027-09-01"]),
        # Years ago: only the coming ones, still every 3 months from the claim.
        ("2019-01", ["2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01"]),
        # A claim planned for next month.
        ("2027-01", ["2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01"]),
    ],
)
def test_declarations_come_every_three_months_after_the_claim(claim, expected):
    month = calendar.parse_claim_month(claim, "fr", TODAY)
    reminders = calendar.declaration_reminders(month, "fr", TODAY, ORIGIN)
    ics = calendar.to_ics(reminders, "fr", "RSA", STAMP)
    found = events(ics)
    assert [str(e.decoded("dtstart")) for e in found] == expected
    for event in found:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert not isinstance(start, dt.datetime) and end - start == dt.timedelta(days=1)  # one whole day
        assert event.walk("VALARM")[0]["action"] == "DISPLAY"
    assert len({e["uid"] for e in found}) == len(found)


def test_the_declaration_says_which_months_and_that_the_day_is_to_check():
    month = calendar.parse_claim_month("2026-12", "fr", TODAY)
    first = events(
        calendar.to_ics(calendar.declaration_reminders(month, "fr", TODAY, ORIGIN), "fr", "x", STAMP)
    )[0]
    text = str(first["description"])
    # March: November, December and January (the guide's own example).
    assert "novembre 2026, décembre 2026 et janvier 2027" in text
    assert "à vérifier" in text and "3230" in text
    assert "mars 2027" in str(first["summary"])
    assert str(first["url"]) == f"{ORIGIN}/fr/demarches/declaration-trimestrielle"


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_events_are_in_the_persons_language(lang):
    month = calendar.parse_claim_month("2026-12", lang, TODAY)
    first = events(
        calendar.to_ics(calendar.declaration_reminders(month, lang, TODAY, ORIGIN), lang, "x", STAMP)
    )[0]
    french = events(
        calendar.to_ics(calendar.declaration_reminders(month, "fr", TODAY, ORIGIN), "fr", "x", STAMP)
    )[0]
    assert str(first["summary"]) != str(french["summary"])
    assert first["summary"].params["LANGUAGE"] == lang
    assert f"/{lang}/demarches/declaration-trimestrielle" in str(first["description"])


def test_same_declaration_keeps_its_uid_so_a_second_download_updates_it():
    one = calendar.declaration_reminders(dt.date(2026, 12, 1), "fr", TODAY, ORIGIN)
    other = calendar.declaration_reminders(dt.date(2026, 9, 1), "en", TODAY, ORIGIN)
    assert one[0].uid == other[1].uid  # both March 2027


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "missing"),
        ("", "missing"),
        ("2026-13", "format"),
        ("12/2026", "format"),
        ("2026-1", "format"),
        ("2026-12\nBEGIN:VEVENT", "format"),
        ("9" * 5000, "format"),
        ("2009-05", "too_old"),
        ("2027-04", "too_late"),
        ("9999-12", "too_late"),
    ],
)
def test_a_bad_claim_month_is_refused_with_a_message_in_the_language(text, code):
    with pytest.raises(calendar.ReminderError) as fr:
        calendar.parse_claim_month(text, "fr", TODAY)
    with pytest.raises(calendar.ReminderError) as en:
        calendar.parse_claim_month(text, "en", TODAY)
    assert fr.value.code == en.value.code == code
    assert fr.value.field == "claim_month"
    assert fr.value.message and fr.value.message != en.value.message


@pytest.mark.parametrize("text", ["0", "9", "-1", "1e3", "x", "99999"])
def test_the_number_of_reminders_is_bounded(text):
    with pytest.raises(calendar.ReminderError):
        calendar.parse_count(text, "fr")
    assert calendar.parse_count(None, "fr") == calendar.DEFAULT_COUNT
    assert calendar.parse_count("8", "fr") == 8


def kiosque(**changes) -> Kiosque:
    values = {
        "place_id": "mds31-036",
        "day": dt.date(2026, 12, 15),
        "start": dt.time(9, 30),
        "end": dt.time(12, 0),
        "summary": "Venez rencontrer un conseiller pour choisir votre accompagnement.",
        "summaries": {"en": "Come and meet an adviser to choose your support."},
        "room": "Salle 2",
    }
    values.update(changes)
    return Kiosque(**values)


def test_a_kiosque_is_found_by_its_id_and_written_with_its_times():
    places = get_directory().by_id
    shown = kiosque()
    now = dt.datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)
    found, place = calendar.find_kiosque(
        "mds31-036.20261215.0930", [kiosque(day=TODAY), shown], places, "en", now
    )
    assert found == shown and place.id == "mds31-036"
    event = events(
        calendar.to_ics([calendar.kiosque_reminder(found, place, "en", ORIGIN)], "en", "x", STAMP)
    )[0]
    # 9:30–12:00 in Toulouse in December is 8:30–11:00 UTC.
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 15, 8, 30, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2026, 12, 15, 11, 0, tzinfo=dt.UTC)
    assert "Come and meet an adviser" in str(event["description"])
    assert place.name in str(event["location"]) and "Salle 2" in str(event["location"])
    assert event.walk("VALARM")[0].decoded("trigger") == dt.timedelta(days=-1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mds31-036.20261215.1000", "unknown"),  # no kiosque starts then
        ("mds31-999.20261215.0930", "unknown"),
        ("mds31-036.20261207.0930", "unknown"),  # over already
        ("", "format"),
        ("../../etc/passwd", "format"),
        ("MDS31-036.20261215.0930", "format"),
        ("mds31-036.20261215.0930\r\nX", "format"),
    ],
)
def test_an_unknown_or_ended_kiosque_gives_a_clear_error(text, code):
    now = dt.datetime(2026, 12, 7, 13, 0, tzinfo=PARIS)
    kiosques = [kiosque(), kiosque(day=TODAY)]
    with pytest.raises(calendar.ReminderError) as error:
        calendar.find_kiosque(text, kiosques, get_directory().by_id, "fr", now)
    assert error.value.code == code and error.value.message
