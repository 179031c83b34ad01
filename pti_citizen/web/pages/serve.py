"""The ASGI layer that answers the server-rendered pages (and the sitemap) before Reflex sees them.

A page is plain HTML with one stylesheet and our own small scripts: no React, no websocket, no server
session. ``GET``/``HEAD`` only; gzip when the browser accepts it; an ETag, so that a cheap phone that
already has the page gets a 304 of a few bytes. Security headers and the Content-Security-Policy
(with the hash of the page's one inline script) are added by ``web/static.py`` around this layer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pti_citizen.web.pages.shell import Assets
from pti_citizen.web.pages.site import Rendered, ServerRenderedSite

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

SITEMAP_PATH = "/sitemap.xml"


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def accepts_gzip(accept_encoding: str) -> bool:
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def assets_from_build(client_dir: Path) -> Assets:
    """The stylesheet the Reflex pages use (its reset and our four stylesheets, in one file cached for
    the whole site), found in the frontend build; our plain stylesheets when there is no build."""
    built = sorted((client_dir / "assets").glob("__reflex_global_styles-*.css"))
    if built:
        return Assets(stylesheets=(f"/assets/{built[-1].name}",))
    return Assets()


def sitemap(origin: str, paths: Iterable[str]) -> bytes:
    origin = origin.rstrip("/")
    urls = "".join(f"<url><loc>{escape(origin + path)}</loc></url>" for path in sorted(set(paths)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


async def _respond(send: Callable, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def server_rendered_pages(
    site: ServerRenderedSite, sitemap_pages: Callable[[], Iterable[str]]
) -> Callable[[ASGIApp], ASGIApp]:
    """An ``api_transformer`` for ``rx.App``: serves ``site``'s pages and ``/sitemap.xml`` (``site``'s
    pages and ``sitemap_pages()``); everything else goes on to ``app``."""

    def transform(app: ASGIApp) -> ASGIApp:
        sitemap_body: list[bytes] = []

        async def pages(scope: Scope, receive: Callable, send: Callable) -> None:
            if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
                await app(scope, receive, send)
                return
            head_only = scope["method"] == "HEAD"
            path: str = scope["path"]
            if path == SITEMAP_PATH:
                if not sitemap_body:
                    sitemap_body.append(sitemap(site.origin, [*site.paths(), *sitemap_pages()]))
                headers = [
                    (b"content-type", b"application/xml; charset=utf-8"),
                    (b"cache-control", b"no-cache"),
                ]
                await _respond(send, 200, headers, b"" if head_only else sitemap_body[0])
                return
            route = site.route(path)
            if route is None:
                await app(scope, receive, send)
                return
            query = scope.get("query_string", b"").decode("latin-1") if route.reads_query else ""
            # A query is rendered for this request (a town to look up: a few ms): off the event loop.
            rendered = await asyncio.to_thread(site.render, route, query) if query else site.render(route)
            await _send_page(scope, send, rendered, head_only)

        return pages

    return transform


async def _send_page(scope: Scope, send: Callable, page: Rendered, head_only: bool) -> None:
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-language", page.lang.encode()),
        # Always asked again, but a page the browser has costs a 304 (ETag).
        (b"cache-control", b"no-cache"),
        (b"etag", page.etag.encode()),
        (b"vary", b"Accept-Encoding"),
    ]
    if page.etag in _header(scope, b"if-none-match"):
        await _respond(send, 304, headers, b"")
        return
    body = page.html
    if accepts_gzip(_header(scope, b"accept-encoding")):
        body = page.gzipped
        headers.append((b"content-encoding", b"gzip"))
    headers.append((b"content-length", str(len(body)).encode()))
    await _respond(send, 200, headers, b"" if head_only else body)


def build_client_dir() -> Path:
    """Where Reflex's production build puts the frontend files."""
    from reflex.utils import prerequisites

    return (prerequisites.get_web_dir() / "build" / "client").resolve()
