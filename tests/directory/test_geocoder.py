"""BAN geocoder: used only for street addresses, bounded in time and retries, and never required."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest

from pti_citizen.directory import BanGeocoder, nearest, nearest_body, nearest_payload

from .conftest import paris

NOW = paris(2026, 12, 1, 10, 0)


def _feature(label, lat, lon, citycode, context, score=0.9, kind="housenumber", postcode="31000"):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "label": label,
            "score": score,
            "type": kind,
            "citycode": citycode,
            "postcode": postcode,
            "context": context,
        },
    }


RUE_DE_METZ = _feature(
    "10 Rue de Metz 31000 Toulouse", 43.6004, 1.4457, "31555", "31, Haute-Garonne, Occitanie"
)
RUE_DE_METZ_PARIS = _feature(
    "10 Rue de Metz 75010 Paris", 48.8718, 2.3538, "75110", "75, Paris, Île-de-France"
)


def _collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


class Recorder:
    """A MockTransport handler that answers from a script and remembers every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(200, json=answer)


def _geocoder(handler) -> BanGeocoder:
    return BanGeocoder(transport=httpx.MockTransport(handler))


def test_success_in_haute_garonne():
    handler = Recorder(_collection(RUE_DE_METZ))
    geocoder = _geocoder(handler)
    found = geocoder.geocode("10 rue de Metz Toulouse", postcode="31000", citycode="31555")
    assert found is not None and found.citycode == "31555" and found.label.startswith("10 Rue de Metz")
    assert (found.lat, found.lon) == (43.6004, 1.4457)
    assert geocoder.calls == 1
    params = handler.requests[0].url.params
    assert params["q"] == "10 rue de Metz Toulouse"
    assert params["postcode"] == "31000" and params["citycode"] == "31555"
    assert str(handler.requests[0].url).startswith("https://api-adresse.data.gouv.fr/search/")


@pytest.mark.parametrize(
    ("answer", "expected_calls"),
    [
        (httpx.ReadTimeout("slow"), 2),
        (httpx.ConnectError("offline"), 2),
        (httpx.Response(503, text="down"), 2),
        (httpx.Response(429, text="too many"), 2),
        (httpx.Response(400, json={"code": 400}), 1),
        (httpx.Response(200, text="<html>not json</html>"), 1),
        (httpx.Response(200, json={"unexpected": True}), 1),
        (httpx.Response(200, json={"features": [{"properties": None}]}), 1),
        (_collection(RUE_DE_METZ_PARIS), 1),
        (_collection(_feature("Toulouse", 43.6, 1.44, "31555", "31, Haute-Garonne", score=0.2)), 1),
    ],
    ids=[
        "timeout",
        "offline",
        "503",
        "429",
        "400",
        "not-json",
        "no-features",
        "broken-feature",
        "paris",
        "low-score",
    ],
)
def test_failures_give_none_with_bounded_retries(answer, expected_calls):
    geocoder = _geocoder(Recorder(answer))
    started = time.monotonic()
    assert geocoder.geocode("10 rue de Metz") is None
    assert geocoder.calls == expected_calls
    assert time.monotonic() - started < 3


def test_retry_then_success():
    geocoder = _geocoder(Recorder(httpx.Response(502), _collection(RUE_DE_METZ)))
    assert geocoder.geocode("10 rue de Metz Toulouse") is not None
    assert geocoder.calls == 2


def test_skips_results_outside_31_and_keeps_the_first_inside():
    geocoder = _geocoder(Recorder(_collection(RUE_DE_METZ_PARIS, RUE_DE_METZ)))
    assert geocoder.geocode("10 rue de Metz").citycode == "31555"


def test_async_success_and_bounded_time():
    async def slow(request):
        await asyncio.sleep(5)
        return httpx.Response(200, json=_collection(RUE_DE_METZ))

    async def run():
        ok = _geocoder(Recorder(_collection(RUE_DE_METZ)))
        assert (await ok.ageocode("10 rue de Metz Toulouse")).citycode == "31555"
        hung = BanGeocoder(transport=httpx.MockTransport(slow), total_budget_s=0.3)
        started = time.monotonic()
        assert await hung.ageocode("10 rue de Metz Toulouse") is None
        assert time.monotonic() - started < 1.0
        assert hung.calls <= 2

    asyncio.run(run())


def test_address_query_uses_the_geocoder_point():
    geocoder = _geocoder(Recorder(_collection(RUE_DE_METZ)))
    status, body = nearest_payload("10 rue de Metz, Toulouse", geocoder=geocoder, now=NOW)
    assert status == 200 and geocoder.calls == 1
    resolved = body["resolved"]
    assert (
        resolved["type"] == "address"
        and resolved["precise"]
        and resolved["label"] == RUE_DE_METZ["properties"]["label"]
    )
    assert resolved["hint"] is None  # the address is precise: no « give your address » hint
    assert body["items"][0]["directions"]["openstreetmap"].endswith(
        "route=43.60040%2C1.44570%3B" + f"{body['items'][0]['lat']:.5f}%2C{body['items'][0]['lon']:.5f}"
    )


@pytest.mark.parametrize(
    "answer", [httpx.ReadTimeout("slow"), httpx.Response(500), _collection(RUE_DE_METZ_PARIS)]
)
def test_address_falls_back_to_the_town_in_the_text(answer):
    geocoder = _geocoder(Recorder(answer))
    status, body = nearest_payload("4 avenue Foch, Saint-Gaudens", geocoder=geocoder, now=NOW)
    assert status == 200
    assert body["resolved"]["fallback"] and body["resolved"]["name"] == "Saint-Gaudens"
    assert "Saint-Gaudens" in body["resolved"]["explanation"]


def test_address_without_a_town_and_no_geocoder_answer_is_unknown():
    geocoder = _geocoder(Recorder(httpx.ConnectError("offline")))
    status, body = nearest_payload("12 rue qui nexiste pas", geocoder=geocoder, now=NOW)
    assert status == 404 and body["errors"][0]["field"] == "q"


@pytest.mark.parametrize("query", ["Toulouse", "31800", "insee:31483", "43.6,1.44", "st gaudens"])
def test_town_queries_never_call_the_geocoder(query):
    geocoder = _geocoder(Recorder(httpx.ConnectError("must not be called")))
    status, _ = nearest_payload(query, geocoder=geocoder, now=NOW)
    assert status == 200 and geocoder.calls == 0


def test_async_payload():
    geocoder = _geocoder(Recorder(_collection(RUE_DE_METZ)))
    status, body = nearest_body(asyncio.run(nearest("10 rue de Metz Toulouse", geocoder=geocoder, now=NOW)))
    assert status == 200 and body["resolved"]["type"] == "address"
    status, body = nearest_body(asyncio.run(nearest("tolouse", now=NOW)))
    assert status == 404 and "Toulouse" in body["suggestions"]
    json.dumps(body)  # JSON-ready


def test_no_geocoding_when_the_request_is_already_invalid():
    geocoder = _geocoder(Recorder(_collection(RUE_DE_METZ)))
    status, body = nearest_payload("10 rue de Metz Toulouse", limit=0, geocoder=geocoder, now=NOW)
    assert status == 422 and geocoder.calls == 0
    assert "limit" in [error["field"] for error in body["errors"]]
