"""The directory's answers, as the locator page shows them: every field comes through, nothing is
guessed, and no position or address leaks into what can be shared."""

from __future__ import annotations

import asyncio
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pti_citizen.directory import Commune, Kiosque, SearchProblem, Understood, address_notice, nearest
from pti_citizen.directory.towns import Resolution, Resolved
from pti_citizen.ui.locator.view import outcome, share_query

from . import reference as ref

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))  # a Tuesday morning


def _search(field="town", **kwargs):
    kwargs.setdefault("now", NOW)
    return outcome(asyncio.run(nearest(**kwargs)), field=field)


def _understood(type, query, name, postcode=None, fallback=False) -> Understood:
    """How the directory understood a query, as far as a shared link is concerned."""
    town = Commune("31483", name, (postcode or "31800",), 20_000, 43.1, 0.72)
    resolution = Resolution(query, Resolved(type), 43.1, 0.72, town, postcode=postcode, fallback=fallback)
    return Understood(resolution, explanation="", hint=None)


@pytest.mark.parametrize("typed", ["st gaudens", "SAINT GAUDENS", "Saint-Gaudens"])
def test_a_town_lists_places_nearest_to_its_centre_first(typed):
    result = _search(q=typed)
    town = ref.commune("Saint-Gaudens")
    expected = ref.by_distance(*ref.centre(town))[: len(result.cards)]
    assert result.ok and result.town == "Saint-Gaudens"
    assert [card.name for card in result.cards] == [row["name"] for row in expected]
    first = result.cards[0]
    assert first.phone_href == ref.tel_href(expected[0]["phone"])
    assert first.phone == expected[0]["phone"]
    assert expected[0]["street_address"] in first.address
    assert first.directions_url.startswith("https://www.openstreetmap.org/directions")
    assert first.geo_url.startswith("geo:")
    assert result.notice == address_notice("fr")


def test_every_card_has_a_status_and_points_d_accueil_name_their_mds():
    result = _search(q="31800", limit=10)
    for card in result.cards:
        assert card.status_text and card.status_code
        row = next(p for p in ref.places() if p["name"] == card.name)
        if row["kind"] == "point_accueil":
            assert card.parent_name == ref.place(row["parent_mds_id"])["name"]
            assert card.status_code == "call_mds"
        else:
            assert card.parent_name == ""


def test_a_shared_postcode_offers_the_other_towns():
    result = _search(q="31250")
    towns = ref.communes_of_postcode("31250")
    assert len(towns) > 1
    assert result.town == towns[0]["nom"]
    assert [t.name for t in result.other_towns] == [c["nom"] for c in towns[1:]]
    assert [t.query for t in result.other_towns] == [f"insee:{c['code_insee']}" for c in towns[1:]]
    nearest = ref.nearest_place(*ref.centre(towns[0]))
    assert result.cards[0].name == nearest["name"]


def test_a_postcode_of_one_town_offers_no_other_town():
    postcodes = sorted({pc for c in ref.communes() for pc in c["codes_postaux"].split("|")})
    single = next(pc for pc in postcodes if len(ref.communes_of_postcode(pc)) == 1)
    result = _search(q=single)
    assert result.ok and result.other_towns == []
    assert result.town == ref.communes_of_postcode(single)[0]["nom"]


def test_a_typo_gives_towns_to_click():
    result = _search(q="tolouse")
    toulouse = ref.commune("Toulouse")
    assert not result.ok and result.field == "town"
    assert "tolouse" in result.error
    assert result.error_code == "unknown_town"
    assert result.suggestions_header
    names = [s.name for s in result.suggestions]
    assert "Toulouse" in names
    pick = result.suggestions[names.index("Toulouse")]
    assert pick.query == f"insee:{toulouse['code_insee']}"
    assert "31000" in pick.postcodes
    assert result.cards == []


def test_an_empty_query_is_an_error_next_to_the_field():
    result = _search(q="   ")
    assert not result.ok and result.error and result.error_code == "empty"


def test_toulouse_centre_says_to_write_an_address():
    result = _search(q="Toulouse")
    in_toulouse = sum(1 for p in ref.places() if p["insee"] == ref.commune("Toulouse")["code_insee"])
    assert in_toulouse > 1
    assert str(in_toulouse) in result.hint


def test_a_position_gives_places_near_it_and_shares_only_the_town():
    lat, lon = 43.6045, 1.444
    result = _search(field="gps", lat=lat, lon=lon)
    assert result.ok and result.hint == ""  # a precise point needs no address
    assert result.cards[0].name == ref.nearest_place(lat, lon)["name"]
    assert result.share_query == ref.nearest_commune(lat, lon)["nom"]
    assert "43.6" not in result.share_query and "1.44" not in result.share_query


@pytest.mark.parametrize(
    ("resolved", "expected"),
    [
        ({"type": "town", "query": " st gaudens ", "name": "Saint-Gaudens"}, "st gaudens"),
        (
            {"type": "postcode", "query": "3 rue X 31800", "postcode": "31800", "name": "Saint-Gaudens"},
            "31800",
        ),
        ({"type": "insee", "query": "insee:31483", "name": "Saint-Gaudens"}, "Saint-Gaudens"),
        ({"type": "coordinates", "query": "43.1,0.7", "name": "Saint-Gaudens"}, "Saint-Gaudens"),
        ({"type": "address", "query": "4 av Foch St Gaudens", "name": "Saint-Gaudens"}, "Saint-Gaudens"),
        (
            {"type": "town", "query": "4 av Foch St Gaudens", "name": "Saint-Gaudens", "fallback": True},
            "Saint-Gaudens",
        ),
    ],
)
def test_share_query_never_holds_an_address_or_a_position(resolved, expected):
    assert share_query(_understood(**resolved)) == expected


def test_kiosques_come_with_their_date_time_and_languages():
    mds = next(p for p in ref.places() if p["kind"] == "mds")
    kiosque = Kiosque(
        place_id=mds["id"],
        day=dt.date(2026, 12, 8),
        start=dt.time(9, 30),
        end=dt.time(12, 0),
        summary="Venez choisir votre accompagnement.",
        languages=("fr", "ar"),
        room="Salle 2",
    )
    result = _search(q="insee:" + mds["insee"], kind="kiosque", kiosques=[kiosque])
    assert [c.name for c in result.cards] == [mds["name"]]
    line = result.cards[0].kiosques[0]
    assert line.date_text == "8 décembre 2026"
    time_text = line.time_text.replace("\u00a0", " ")
    assert "9 h 30" in time_text and "12 h" in time_text
    assert line.where == "Salle 2"
    assert line.languages_text == "français et arabe"
    assert line.summary == "Venez choisir votre accompagnement."
    # « Ajouter à mon agenda »: the reminders endpoint finds the kiosque again by this id.
    assert line.ics_url == f"/api/v1/reminders/kiosque.ics?id={mds['id']}.20261208.0930&lang=fr"


def test_no_kiosque_announced_is_said_plainly():
    result = _search(q="31800", kind="kiosque", kiosques=[])
    assert result.ok and result.cards == [] and result.empty_message


def test_answers_in_arabic_stay_in_arabic():
    result = _search(q="tolouse", lang="ar")
    assert result.error and not result.error.isascii()


def test_unknown_field_is_refused():
    with pytest.raises(ValueError):
        outcome(SearchProblem(422, (), (), None, "fr"), field="map")


def test_french_inside_a_translated_answer_is_marked_for_the_page():
    # Issue #14: in Arabic every French run (the town, « MDS ») is its own piece, to be isolated;
    # in English the town is; in French nothing is.
    arabic = _search(q="Muret", lang="ar")
    assert [p.text for p in arabic.explanation_pieces if p.fr] == ["Muret"]
    assert "".join(p.text for p in arabic.explanation_pieces) == arabic.explanation
    assert any(p.fr and p.text == "MDS" for p in arabic.notice_pieces)
    english = _search(q="Muret", lang="en")
    assert [p.text for p in english.explanation_pieces if p.fr] == ["Muret"]
    french = _search(q="Muret")
    assert not any(p.fr for p in french.explanation_pieces + french.notice_pieces)
    unknown = _search(q="tolouse", lang="ar")
    assert [p.text for p in unknown.error_pieces if p.fr] == ["tolouse", "Haute-Garonne"]
