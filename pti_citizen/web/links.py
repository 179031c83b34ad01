"""Absolute links in prerendered pages and in the sitemap, served with the origin the browser used.

Pages are built once; their ``hreflang`` alternates and the sitemap are written with
:attr:`Settings.public_origin` — ``PTI_PUBLIC_URL``, or ``http://localhost:<port>`` on a first install
where nobody set it. Served as built, those links would send a visitor's phone to ``localhost``.
So when no ``PTI_PUBLIC_URL`` is set, this layer replaces the build-time origin in an HTML or XML
answer by the origin of the request (``origins.for_links``: a configured one, or — with none
configured — the request's own host, then marked ``Cache-Control: private`` so that no shared
cache keeps a page made from a client's ``Host``). With ``PTI_PUBLIC_URL`` set, nothing is touched.

It sits inside the security headers (``static.py``), so each page's CSP is computed on the final body.
The page is asked for uncompressed (the links are replaced in the text) and compressed again here
when the browser accepts gzip, once per page and origin (a small memory of the last ones): a reader
gets the same ~8 KB as with ``PTI_PUBLIC_URL`` set, not 26 KB.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pti_citizen.origins import Origins
from pti_citizen.web.held_body import rewriting_send
from pti_citizen.web.pages.serve import accepts_gzip

_REWRITTEN_TYPES = ("text/html", "application/xml", "text/xml")
_STATIC_SUFFIXES = (".js", ".css", ".png", ".svg", ".ico", ".webmanifest", ".json", ".woff2", ".txt", ".gz")


#: Smaller bodies are sent as they are (gzip would save less than its own cost).
_GZIP_FROM_BYTES = 1024


@lru_cache(maxsize=128)
def _rewritten(body: bytes, placeholder: bytes, origin: bytes, compress: bool) -> bytes:
    """The body with the browser's origin, gzipped if asked: the same page and origin cost this once."""
    body = body.replace(placeholder, origin)
    return gzip.compress(body, 6, mtime=0) if compress else body


def _vary(headers: MutableHeaders, name: str) -> None:
    """One ``Vary`` header listing every name (a second header would hide the first from some caches)."""
    names = [n.strip() for n in headers.get("vary", "").split(",") if n.strip()]
    if name.lower() not in (n.lower() for n in names):
        headers["vary"] = ", ".join([*names, name])


class PublicLinks:
    def __init__(self, app: ASGIApp, origins: Origins):
        self.app = app
        self.origins = origins
        self.placeholder = origins.placeholder.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or self.origins.public_url
            or scope["method"] not in ("GET", "HEAD")
            or path.startswith(("/api/", "/assets/", "/_"))
            or path.endswith(_STATIC_SUFFIXES)
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        link = self.origins.for_links(scope.get("scheme", "http"), headers.get("host"))
        if link.origin.encode() == self.placeholder:
            await self.app(scope, receive, send)
            return
        # Ask for the uncompressed file: the links are replaced in the text itself, then compressed.
        wants_gzip = accepts_gzip(headers.get("accept-encoding", ""))
        raw = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        scope = {**scope, "headers": raw}
        origin = link.origin.encode()

        def finish(start: Message, body: bytes) -> tuple[Message, bytes]:
            compress = wants_gzip and len(body) >= _GZIP_FROM_BYTES
            body = _rewritten(body, self.placeholder, origin, compress)
            out = MutableHeaders(scope=start)
            out["content-length"] = str(len(body))
            if compress:
                out["content-encoding"] = "gzip"
                _vary(out, "Accept-Encoding")
            if not link.shareable:
                out["cache-control"] = "private, no-cache"
            _vary(out, "Host")
            return start, body

        def hold(start: Message) -> bool:
            headers = Headers(raw=start.get("headers", []))
            if not (
                headers.get("content-type", "").startswith(_REWRITTEN_TYPES)
                and headers.get("content-encoding", "identity") in ("", "identity")
                and start["status"] == 200
            ):
                return False
            if scope["method"] == "HEAD":  # no body to rewrite: the same caching rules
                out = MutableHeaders(scope=start)
                if not link.shareable:
                    out["cache-control"] = "private, no-cache"
                _vary(out, "Host")
                return False
            return True

        await self.app(scope, receive, rewriting_send(send, hold, finish))


def public_links(origins: Origins):
    """For ``rx.App(api_transformer=...)``, before ``static_tweaks`` (inside the security headers)."""
    return lambda app: PublicLinks(app, origins)
