"""One search, however it was asked. The online address search goes through a mock transport here:
no test needs the internet, and the town search takes over when the address service fails."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from zoneinfo import ZoneInfo

import httpx
import pytest

from pti_citizen.directory import MAX_LIMIT, BanGeocoder
from pti_citizen.ui.locator import search
from pti_citizen.ui.locator.search import Ask, from_url, position, url_query

from . import reference as ref

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def _run(ask: Ask, lang: str = "fr", factory=None):
    kwargs = {"now": NOW}
    if factory is not None:
        kwargs["geocoder_factory"] = factory
    return asyncio.run(search.run(ask, lang, **kwargs))


class Ban:
    """A fake Base Adresse Nationale: answers from a script and counts the requests."""

    def __init__(self, answer, budget: float = 0.5):
        self.answer = answer
        self.requests: list[httpx.Request] = []
        self.budget = budget

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if isinstance(self.answer, float):  # a slow service
            await asyncio.sleep(self.answer)
            return httpx.Response(200, json={"features": []})
        if isinstance(self.answer, Exception):
            raise self.answer
        if isinstance(self.answer, int):
            return httpx.Response(self.answer)
        return httpx.Response(200, json=self.answer)

    def factory(self):
        return lambda: BanGeocoder(transport=httpx.MockTransport(self.handle), total_budget_s=self.budget)


def _feature(label: str, lat: float, lon: float, citycode: str) -> dict:
    return {
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "label": label,
                    "score": 0.93,
                    "type": "housenumber",
                    "citycode": citycode,
                    "postcode": "31600",
                    "context": "31, Haute-Garonne, Occitanie",
                },
            }
        ]
    }


# -- what the browser says about the position ---------------------------------------------------


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        ({"lat": 43.6045, "lon": 1.444}, (43.6045, 1.444)),
        ({"lat": "43.6", "lon": "1.4"}, (43.6, 1.4)),
        ({"error": "denied"}, "denied"),
        ({"error": "timeout"}, "timeout"),
        ({"error": "unsupported"}, "unsupported"),
        ({"error": "something else"}, "unavailable"),
        ({"lat": "nan", "lon": 1.0}, "unavailable"),
        ({"lat": 43.6}, "unavailable"),
        (None, "unavailable"),
        ("43.6,1.44", "unavailable"),
        # As the hidden form sends them (assets/locator.js): every field, as text.
        ({"lat": "43.6045", "lon": "1.444", "error": ""}, (43.6045, 1.444)),
        ({"lat": "", "lon": "", "error": "denied"}, "denied"),
        ({"lat": "", "lon": "", "error": ""}, "unavailable"),
    ],
)
def test_position_reads_the_browser_answer(result, expected):
    assert position(result) == expected


# -- searches written in the URL ------------------------------------------------------------------


def test_from_url_reads_q_kind_and_limit():
    assert from_url({}) is None
    assert from_url({"q": "  "}) is None
    ask = from_url({"q": " 31800 ", "kind": "MDS", "limit": "10"})
    assert ask == Ask("town", "31800", kind="mds", limit=10)
    assert from_url({"q": "x", "kind": "map"}).kind == "all"
    assert from_url({"q": "x", "limit": "9999"}).limit == MAX_LIMIT
    assert from_url({"q": "x", "limit": "-3"}).limit == 1
    assert from_url({"q": "x", "limit": "ten"}).limit == search.FIRST_LIMIT
    assert len(from_url({"q": "a" * 5000}).text) == search.MAX_TEXT


def test_more_grows_by_a_step_up_to_the_maximum():
    assert search.more(search.FIRST_LIMIT) == search.FIRST_LIMIT + search.MORE_STEP
    assert search.more(MAX_LIMIT) == MAX_LIMIT


def test_url_query_holds_a_town_search_only():
    town = _run(Ask("town", "st gaudens"))
    assert url_query(Ask("town", "st gaudens"), town) == "?q=st%20gaudens"
    assert url_query(Ask("town", "st gaudens", kind="mds"), town) == "?q=st%20gaudens&kind=mds"
    typed_address = Ask("town", "3 rue des Lilas 31800")
    assert url_query(typed_address, _run(typed_address)) == "?q=31800"
    gps = Ask("gps", lat=43.6045, lon=1.444)
    assert url_query(gps, _run(gps)) == ""
    unknown = Ask("town", "3 rue des Lilas")
    assert url_query(unknown, _run(unknown)) == ""


# -- offline and position searches ----------------------------------------------------------------


def test_town_search_never_calls_the_address_service():
    ban = Ban(_feature("x", 43.1, 0.7, "31483"))
    result = _run(Ask("town", "3 rue de la Mairie, Muret"), factory=ban.factory())
    assert ban.requests == []
    assert result.field == "town"


def test_gps_search_in_toulouse():
    result = _run(Ask("gps", lat=43.6045, lon=1.444))
    assert result.ok and result.field == "gps"
    assert result.cards[0].name == ref.nearest_place(43.6045, 1.444)["name"]


def test_gps_far_from_haute_garonne_is_explained_next_to_the_button():
    result = _run(Ask("gps", lat=48.85, lon=2.35))  # Paris
    assert not result.ok and result.field == "gps" and result.error


def test_kind_filter_keeps_only_that_kind():
    toulouse = ref.commune("Toulouse")
    result = _run(Ask("town", "Toulouse", kind="point_accueil"))
    expected = ref.by_distance(*ref.centre(toulouse), kind="point_accueil")[: len(result.cards)]
    assert [c.name for c in result.cards] == [p["name"] for p in expected]
    assert {c.kind for c in result.cards} == {"point_accueil"}


# -- the online address search and its fall-back --------------------------------------------------


def test_address_found_gives_places_nearest_to_it():
    lat, lon = 43.46, 1.33  # a point in Muret
    ban = Ban(_feature("3 Rue de la Mairie 31600 Muret", lat, lon, "31395"))
    result = _run(Ask("address", "3 rue de la Mairie Muret"), factory=ban.factory())
    assert len(ban.requests) == 1
    assert ban.requests[0].url.params["q"] == "3 rue de la Mairie Muret"
    assert result.ok and not result.fallback
    assert result.cards[0].name == ref.nearest_place(lat, lon)["name"]
    assert "3 Rue de la Mairie" in result.explanation
    assert result.share_query == ref.commune("Muret")["nom"]  # the town, never the address


@pytest.mark.parametrize(
    "failure",
    [503, 0.8, httpx.ConnectError("offline")],
    ids=["server error", "too slow", "offline"],
)
def test_address_service_failing_falls_back_to_the_town(failure):
    ban = Ban(failure, budget=0.5)
    started = time.monotonic()
    result = _run(Ask("address", "3 rue de la Mairie, Muret"), factory=ban.factory())
    elapsed = time.monotonic() - started
    assert elapsed < 1.5  # within the budget, plus the offline search
    assert 1 <= len(ban.requests) <= 2  # one retry at most
    assert result.ok and result.fallback
    muret = ref.commune("Muret")
    assert result.town == "Muret"
    assert "Muret" in result.explanation
    assert result.cards[0].name == ref.nearest_place(*ref.centre(muret))["name"]


def test_address_with_no_town_in_it_is_an_error_with_the_field():
    ban = Ban(503, budget=0.3)
    result = _run(Ask("address", "3 rue de nulle part"), factory=ban.factory())
    assert not result.ok and result.field == "address" and result.error


def test_the_real_geocoder_answers_within_three_seconds():
    assert BanGeocoder().total_budget_s <= 3.0


def test_unknown_way_of_searching_is_refused():
    with pytest.raises(ValueError):
        _run(Ask("map", "x"))
