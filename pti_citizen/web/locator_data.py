"""``GET /locator-data.json``: the directory as data for the locator's offline search.

Made by the directory core (``directory.offline_data``), once a day (its opening statuses start that
day), gzipped when the browser accepts it. The service worker saves it with the pages, so that
``assets/locator-offline.js`` can answer a town search without the network.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import threading
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pti_citizen.directory.hours import paris_time
from pti_citizen.directory.offline import offline_data

PATH = "/locator-data.json"


class _Daily:
    """The JSON of the day, plain and gzipped, and its ETag (built on the first request of a day)."""

    def __init__(self, now: Callable[[], dt.datetime]):
        self._now = now
        self._lock = threading.Lock()
        self._day: dt.date | None = None
        self._body = self._gzipped = b""
        self.etag = ""

    def get(self) -> tuple[bytes, bytes, str]:
        now = paris_time(self._now())
        with self._lock:
            if self._day != now.date():
                data = offline_data(now)
                self._body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
                self._gzipped = gzip.compress(self._body, mtime=0)
                self.etag = '"' + hashlib.sha256(self._body).hexdigest()[:20] + '"'
                self._day = now.date()
            return self._body, self._gzipped, self.etag


def route(now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> Route:
    daily = _Daily(now)

    def endpoint(request: Request) -> Response:
        body, gzipped, etag = daily.get()
        headers = {"Cache-Control": "no-cache", "ETag": etag, "Vary": "Accept-Encoding"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            body = gzipped
        return Response(body, media_type="application/json", headers=headers)

    return Route(PATH, endpoint, methods=["GET", "HEAD"])
