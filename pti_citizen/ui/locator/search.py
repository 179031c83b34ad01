"""One search, however it was asked: a town or postcode (offline), a position, or a street address
(online, through the Base Adresse Nationale, with the town search as fall-back). Pure Python.

The page's state only says *what* was asked (:class:`Ask`); this module asks the directory core
(``directory.nearest``, a typed answer) and hands back an :class:`~pti_citizen.ui.locator.view.Outcome`.
The kinds of place and the limits are the directory's (``query_kind``, ``bounded_limit``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import quote

from pti_citizen.directory import (
    DEFAULT_LIMIT,
    MAX_QUERY_LENGTH,
    QUERY_KINDS,
    BanGeocoder,
    Kiosque,
    bounded_limit,
    nearest,
    query_kind,
)

from .view import Outcome, outcome

#: The filter's choices: every kind (no ``kind`` for the core), or one of the directory's kinds.
ALL = "all"
KINDS = (ALL, *QUERY_KINDS)
FIRST_LIMIT = DEFAULT_LIMIT
#: « Afficher plus de lieux » shows this many more.
MORE_STEP = 5
#: Longest text we keep or send: the directory's own bound (a town or an address never needs more).
MAX_TEXT = MAX_QUERY_LENGTH


@dataclasses.dataclass(frozen=True)
class Ask:
    """What the person asked. ``how``: ``town`` (field), ``gps`` (position) or ``address`` (online)."""

    how: str
    text: str = ""
    lat: float | None = None
    lon: float | None = None
    kind: str = "all"
    limit: int = FIRST_LIMIT

    def with_options(self, *, kind: str | None = None, limit: int | None = None) -> Ask:
        return dataclasses.replace(
            self,
            kind=clean_kind(kind) if kind is not None else self.kind,
            limit=clean_limit(limit) if limit is not None else self.limit,
        )


def clean_kind(kind: str | None) -> str:
    return query_kind(kind) or ALL


def clean_limit(limit: int | str | None) -> int:
    return bounded_limit(limit, FIRST_LIMIT)


def more(limit: int) -> int:
    """The next page size for « Afficher plus de lieux »."""
    return clean_limit(limit + MORE_STEP)


def position(result: object) -> tuple[float, float] | str:
    """Read what the browser's geolocation script returned: ``(lat, lon)``, or an error code.

    Codes: ``denied``, ``unavailable``, ``timeout``, ``unsupported``. Anything odd is ``unavailable``.
    """
    if not isinstance(result, Mapping):
        return "unavailable"
    error = result.get("error")
    if error:
        return error if error in ("denied", "timeout", "unsupported") else "unavailable"
    try:
        lat, lon = float(result["lat"]), float(result["lon"])
    except (KeyError, TypeError, ValueError):
        return "unavailable"
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return "unavailable"
    return lat, lon


def from_url(params: Mapping[str, str]) -> Ask | None:
    """A search written in the page's address (``?q=31800&kind=mds``): shared links, no-JS forms."""
    text = (params.get("q") or "").strip()[:MAX_TEXT]
    if not text:
        return None
    return Ask("town", text, kind=clean_kind(params.get("kind")), limit=clean_limit(params.get("limit")))


async def run(
    ask: Ask,
    lang: str,
    *,
    geocoder_factory: Callable[[], BanGeocoder] = BanGeocoder,
    now: dt.datetime | None = None,
    kiosques: Iterable[Kiosque] | None = None,
) -> Outcome:
    """Ask the directory. Only ``how="address"`` may go online, and only with a fresh geocoder."""
    options = {
        "limit": ask.limit,
        "kind": query_kind(ask.kind),
        "lang": lang,
        "now": now,
        "kiosques": kiosques,
    }
    if ask.how == "gps":
        answer = await nearest(lat=ask.lat, lon=ask.lon, **options)
    elif ask.how == "address":
        answer = await nearest(q=ask.text[:MAX_TEXT], geocoder=geocoder_factory(), **options)
    elif ask.how == "town":
        answer = await nearest(q=ask.text[:MAX_TEXT], **options)
    else:
        raise ValueError(f"unknown way of searching {ask.how!r}")
    return outcome(answer, field=ask.how)


def url_query(ask: Ask, outcome: Outcome) -> str:
    """``?q=…`` for a town search, so that a reload or a copied address bar repeats it.

    A position or a street address never goes in the URL: those searches leave it bare, and so does
    a search that found nothing (what was typed may be an address).
    """
    if ask.how != "town" or not outcome.ok:
        return ""
    text = outcome.share_query
    if not text:
        return ""
    kind = f"&kind={ask.kind}" if ask.kind != ALL else ""
    return "?q=" + quote(text, safe="") + kind
