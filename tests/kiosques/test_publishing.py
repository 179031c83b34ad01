"""Kiosques Insertion published by MDS staff: only real, future, well-formed meetings get through."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pti_citizen.directory import PlaceKind, get_directory
from pti_citizen.kiosques import check_kiosque, mds_names, parse_kiosque_id

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
MDS = next(p.id for p in get_directory().places if p.kind == PlaceKind.MDS)
POINT = next(p.id for p in get_directory().places if p.kind == PlaceKind.POINT_ACCUEIL)


def form(**changes):
    base = {
        "place_id": MDS,
        "date": "2026-12-08",
        "start": "09:30",
        "end": "12:00",
        "summary": "Venez rencontrer un conseiller pour choisir votre accompagnement.",
        "langue-fr": "on",
        "langue-ar": "on",
        "room": "  Salle   du rez-de-chaussée ",
        "address": "",
    }
    return {**base, **changes}


def test_a_good_kiosque():
    draft, errors = check_kiosque(form(), NOW)
    assert errors == {}
    assert (draft.place_id, draft.day, draft.start, draft.end) == (
        MDS,
        dt.date(2026, 12, 8),
        dt.time(9, 30),
        dt.time(12),
    )
    assert (
        draft.languages == ("fr", "ar") and draft.room == "Salle du rez-de-chaussée" and draft.address is None
    )


def test_languages_as_a_list_work_too():
    draft, _ = check_kiosque({**form(), "languages": ["es", "fr"]}, NOW)
    assert draft.languages == ("fr", "es")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"place_id": "mds31-999"}, "place_id"),
        ({"place_id": POINT}, "place_id"),
        ({"date": "2026-11-30"}, "date"),
        ({"date": "08/12/2026"}, "date"),
        ({"date": "2028-01-01"}, "date"),
        ({"start": "25:00"}, "start"),
        ({"end": ""}, "end"),
        ({"start": "12:00", "end": "09:30"}, "end"),
        ({"start": "10:00", "end": "10:00"}, "end"),
        ({"date": "2026-12-01", "start": "08:00", "end": "09:45"}, "end"),
        ({"summary": ""}, "summary"),
        ({"summary": "Venez. Il y aura du café."}, "summary"),
        ({"summary": " ".join(["mot"] * 26)}, "summary"),
        ({"room": "x" * 121}, "room"),
        ({"langue-fr": None, "langue-ar": None}, "languages"),
        ({"languages": ["xx"]}, "languages"),
    ],
)
def test_bad_kiosques_are_refused_field_by_field(changes, field):
    draft, errors = check_kiosque(form(**changes), NOW)
    assert draft is None and field in errors


def test_today_is_fine_while_it_has_not_ended():
    draft, errors = check_kiosque(form(date="2026-12-01", start="09:00", end="12:00"), NOW)
    assert errors == {} and draft.day == NOW.date()


def test_staff_text_is_masked_and_loses_its_bidi_controls():
    """Issue #13 item 8: what staff publish is shown to everyone."""
    now = dt.datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))
    form = {
        "place_id": next(iter(mds_names())),
        "date": "2026-12-09",
        "start": "09:30",
        "end": "12:00",
        "summary": "Appelez Karim au 06 12 34 56 78 \u202eou écrivez à karim point b at gmail point com",
        "room": "Salle \u2067B\u2069",
        "address": "12 rue des Lilas, Muret \u202d",
        "langue-fr": "on",
    }
    draft, errors = check_kiosque(form, now)
    assert errors == {}
    assert "06 12" not in draft.summary and "karim point" not in draft.summary
    assert "[téléphone masqué]" in draft.summary and "[courriel masqué]" in draft.summary
    for text in (draft.summary, draft.room, draft.address):
        assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text)
    assert draft.address == "12 rue des Lilas, Muret"  # a public place's address stays


@pytest.mark.parametrize("value", ["²", "١", "1" * 30, "0", "-1", " 12 ", "12a", None, 12, "٣٤"])
def test_only_ascii_ids_within_the_database_integer_are_ids(value):
    expected = 12 if value == " 12 " else None
    assert parse_kiosque_id(value) == expected
