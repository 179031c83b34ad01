"""``GET /locator-data.json``: the locator's offline data, made by the core once a day (issue #14)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from zoneinfo import ZoneInfo

from pti_citizen.languages import LANGUAGES
from pti_citizen.web import locator_data, pwa
from tests.asgi_client import call_asgi

PARIS = ZoneInfo("Europe/Paris")


def _get(route, headers=None):
    status, response_headers, rest = call_asgi(route, locator_data.PATH, headers)
    return status, response_headers, b"".join(m.get("body", b"") for m in rest)


def test_served_gzipped_with_an_etag_and_revalidated():
    route = locator_data.route(lambda: dt.datetime(2026, 12, 7, 10, 0, tzinfo=PARIS))
    status, headers, body = _get(route, {"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["content-type"] == "application/json"
    assert headers["content-encoding"] == "gzip" and headers["cache-control"] == "no-cache"
    data = json.loads(gzip.decompress(body))
    assert len(data["communes"]) == 586 and len(data["places"]) == 80
    assert len(body) < 40_000  # small enough to save on a phone with a weak connection
    status, _, plain = _get(route)
    assert status == 200 and json.loads(plain) == data
    status, _, empty = _get(route, {"If-None-Match": headers["etag"]})
    assert status == 304 and empty == b""


def test_made_again_on_a_new_day():
    now = {"moment": dt.datetime(2026, 12, 7, 23, 59, tzinfo=PARIS)}
    route = locator_data.route(lambda: now["moment"])
    first = json.loads(_get(route)[2])
    now["moment"] = dt.datetime(2026, 12, 8, 0, 1, tzinfo=PARIS)
    second = json.loads(_get(route)[2])
    assert first["statuses"]["until"] < second["statuses"]["until"]
    assert second["statuses"]["until"] - first["statuses"]["until"] == 24 * 3600 * 1000


def test_the_service_worker_saves_it_and_knows_the_not_saved_page():
    assert {"/locator-data.json", "/locator-offline.js"} <= set(pwa.STATIC_FILES)
    script = pwa.service_worker(["/fr/"], "abc")
    config = json.loads(script.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config["unsaved"] == {lang: f"/{lang}/hors-connexion" for lang in LANGUAGES}
