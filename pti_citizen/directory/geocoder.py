"""Street addresses → coordinates with the Base Adresse Nationale (BAN), kept strictly optional.

The BAN answers in about 100 ms, but the app must work when it is slow, down or unreachable:
one short total time budget, at most one retry, and ``None`` on any doubt so the caller falls back
to the offline town search. Only results inside Haute-Garonne (department 31) are accepted.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from typing import Any

import httpx

BAN_SEARCH_URL = "https://api-adresse.data.gouv.fr/search/"
DEPARTMENT_CODE = "31"
TOTAL_BUDGET_S = 2.5  # the whole lookup, retries included, stays under 3 s
MAX_ATTEMPTS = 2  # one try + one retry, and only for errors worth retrying
MIN_SCORE = 0.5  # BAN relevance score below which a match is more likely wrong than right
_RETRY_PAUSE_S = 0.1
_USER_AGENT = "pti_citizen/0.1 (RSA Haute-Garonne; directory)"
_ACCEPTED_TYPES = {"housenumber", "street", "locality", "municipality"}


@dataclass(frozen=True)
class GeocodedAddress:
    label: str
    lat: float
    lon: float
    citycode: str
    postcode: str | None
    score: float
    type: str


class _Retryable(Exception):
    """A timeout, a network error or a 5xx/429: worth one more try within the budget."""


def _params(text: str, postcode: str | None, citycode: str | None) -> dict[str, str]:
    params = {"q": text[:200], "limit": "5", "autocomplete": "0"}
    if postcode:
        params["postcode"] = postcode
    if citycode:
        params["citycode"] = citycode
    return params


def _timeout(budget: float) -> httpx.Timeout:
    # httpx applies each phase's timeout separately: split the budget so their sum stays within it.
    return httpx.Timeout(connect=budget * 0.4, read=budget * 0.5, write=budget * 0.05, pool=budget * 0.05)


def _check_status(response: httpx.Response) -> None:
    if response.status_code >= 500 or response.status_code == 429:
        raise _Retryable(f"HTTP {response.status_code}")


def pick_result(payload: Any) -> GeocodedAddress | None:
    """The best feature that is really in Haute-Garonne; ``None`` for anything unexpected."""
    if not isinstance(payload, dict) or not isinstance(payload.get("features"), list):
        return None
    for feature in payload["features"]:
        try:
            props = feature["properties"]
            lon, lat = (float(value) for value in feature["geometry"]["coordinates"][:2])
            citycode = str(props["citycode"])
            context = str(props.get("context", ""))
            score = float(props.get("score", 0))
            kind = str(props.get("type", ""))
            label = str(props["label"])
        except (KeyError, TypeError, ValueError, IndexError):
            continue
        in_31 = citycode.startswith(DEPARTMENT_CODE) and context.split(",")[0].strip() == DEPARTMENT_CODE
        plausible = math.isfinite(lat) and math.isfinite(lon) and 42.5 < lat < 44.1 and 0.3 < lon < 2.3
        if in_31 and plausible and score >= MIN_SCORE and kind in _ACCEPTED_TYPES:
            return GeocodedAddress(label, lat, lon, citycode, props.get("postcode"), score, kind)
    return None


class BanGeocoder:
    """Sync and async BAN lookups. Pass ``transport`` (e.g. ``httpx.MockTransport``) in tests.

    ``calls`` counts HTTP requests sent, so tests can check that retries stay bounded.
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        url: str = BAN_SEARCH_URL,
        total_budget_s: float = TOTAL_BUDGET_S,
        max_attempts: int = MAX_ATTEMPTS,
    ):
        self.transport = transport
        self.url = url
        self.total_budget_s = total_budget_s
        self.max_attempts = max_attempts
        self.calls = 0

    def _client_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"headers": {"User-Agent": _USER_AGENT}, "follow_redirects": False}
        if self.transport is not None:
            kwargs["transport"] = self.transport
        return kwargs

    def geocode(
        self, text: str, postcode: str | None = None, citycode: str | None = None
    ) -> GeocodedAddress | None:
        deadline = time.monotonic() + self.total_budget_s
        with httpx.Client(**self._client_kwargs()) as client:
            for attempt in range(self.max_attempts):
                remaining = deadline - time.monotonic()
                if remaining <= 0.05:
                    return None
                self.calls += 1
                try:
                    response = client.get(
                        self.url, params=_params(text, postcode, citycode), timeout=_timeout(remaining)
                    )
                    _check_status(response)
                except (httpx.TimeoutException, httpx.TransportError, _Retryable):
                    if attempt + 1 < self.max_attempts:
                        time.sleep(min(_RETRY_PAUSE_S, max(0.0, deadline - time.monotonic())))
                    continue
                return _read(response)
        return None

    async def ageocode(
        self, text: str, postcode: str | None = None, citycode: str | None = None
    ) -> GeocodedAddress | None:
        deadline = time.monotonic() + self.total_budget_s
        async with httpx.AsyncClient(**self._client_kwargs()) as client:
            for attempt in range(self.max_attempts):
                remaining = deadline - time.monotonic()
                if remaining <= 0.05:
                    return None
                self.calls += 1
                try:
                    response = await asyncio.wait_for(
                        client.get(
                            self.url, params=_params(text, postcode, citycode), timeout=_timeout(remaining)
                        ),
                        timeout=remaining,
                    )
                    _check_status(response)
                except (httpx.TimeoutException, httpx.TransportError, _Retryable, TimeoutError):
                    if attempt + 1 < self.max_attempts:
                        await asyncio.sleep(min(_RETRY_PAUSE_S, max(0.0, deadline - time.monotonic())))
                    continue
                return _read(response)
        return None


def _read(response: httpx.Response) -> GeocodedAddress | None:
    if response.status_code != 200:
        return None
    try:
        return pick_result(response.json())
    except ValueError:  # not JSON at all
        return None
