"""The routes that answer the server-rendered pages (and the sitemap) before Reflex sees them — entries
of ``web/static.py``'s ``static_tweaks(routes=...)``, which adds the security headers and the
Content-Security-Policy (with the hash of the page's one inline script) around them.

A page is plain HTML with one stylesheet and our own small scripts: no React, no websocket, no server
session. ``GET``/``HEAD`` only (anything else goes on to Reflex); gzip when the browser accepts it; an
ETag, so that a cheap phone that already has the page gets a 304 of a few bytes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from starlette.datastructures import Headers, URLPath
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound, Route
from starlette.types import Receive, Scope, Send

from pti_citizen.web.pages.shell import Assets
from pti_citizen.web.pages.site import Rendered, ServerRenderedSite

SITEMAP_PATH = "/sitemap.xml"


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


class ServerRenderedPages(BaseRoute):
    """One route for every page of ``site`` (with or without its trailing slash)."""

    def __init__(self, site: ServerRenderedSite):
        self.site = site

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if (
            scope["type"] == "http"
            and scope.get("method") in ("GET", "HEAD")
            and self.site.route(scope["path"])
        ):
            return Match.FULL, {}
        return Match.NONE, {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.site.route(scope["path"])
        query = scope.get("query_string", b"").decode("latin-1") if route.reads_query else ""
        # A query is rendered for this request (a town to look up: a few ms): off the event loop.
        page = await asyncio.to_thread(self.site.render, route, query) if query else self.site.render(route)
        await _page_response(Headers(scope=scope), page, head_only=scope["method"] == "HEAD")(
            scope, receive, send
        )


def _page_response(request: Headers, page: Rendered, head_only: bool) -> Response:
    headers = {
        "Content-Language": page.lang,
        # Always asked again, but a page the browser has costs a 304 (ETag).
        "Cache-Control": "no-cache",
        "ETag": page.etag,
        "Vary": "Accept-Encoding",
    }
    if page.etag in request.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = page.html
    if accepts_gzip(request.get("accept-encoding", "")):
        body = page.gzipped
        headers["Content-Encoding"] = "gzip"
    response = Response(body, media_type="text/html; charset=utf-8", headers=headers)
    if head_only:
        response.body = b""  # the length stays the page's
    return response


def routes(site: ServerRenderedSite, sitemap_pages: Callable[[], Iterable[str]]) -> list[BaseRoute]:
    """``site``'s pages, and ``/sitemap.xml``: ``site``'s pages and ``sitemap_pages()`` (Reflex's), except
    the pages for the app itself (``PageInfo(indexed=False)``)."""
    generated: list[bytes] = []

    def sitemap_endpoint(_request: Request) -> Response:
        if not generated:
            unlisted = site.unindexed_paths()
            listed = [p for p in [*site.paths(), *sitemap_pages()] if p not in unlisted]
            generated.append(sitemap(site.origin, listed))
        return Response(generated[0], media_type="application/xml", headers={"Cache-Control": "no-cache"})

    return [ServerRenderedPages(site), Route(SITEMAP_PATH, sitemap_endpoint, methods=["GET", "HEAD"])]


def build_client_dir() -> Path:
    """Where Reflex's production build puts the frontend files."""
    from reflex.utils import prerequisites

    return (prerequisites.get_web_dir() / "build" / "client").resolve()
