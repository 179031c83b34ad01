"""What we add in front of the prerendered pages, on Starlette's own pieces: a few routes of ours
(``/`` negotiates the language, ``/sw.js``, one manifest per language), ``/fr`` served as ``/fr/``
without a redirect, long caching of the hashed assets, and the security headers of every response
(``security.py``: a Content-Security-Policy with the hashes of each page's own inline scripts), and
the Reflex pages' module preloads left until after the first paint (``preloads.py``).

Another route or middleware is one more entry in :func:`static_tweaks` (``routes``/``middleware``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pti_citizen.i18n import LANGUAGES, negotiate
from pti_citizen.web import pwa, security
from pti_citizen.web.preloads import PreloadsAfterPaint

IMMUTABLE = "public, max-age=31536000, immutable"
CSP = "content-security-policy"


def _client_dir() -> Path:
    from reflex.utils import prerequisites

    return (prerequisites.get_web_dir() / "build" / "client").resolve()


class SecurityHeaders:
    """Every HTTP response gets the security headers; an HTML page gets a policy made from its body,
    so its start is held until the body is there (pages are static files: the hashes are cached)."""

    def __init__(self, app: ASGIApp, embed_origins: Sequence[str] = ()):
        self.app = app
        self.embed_origins = tuple(embed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        ancestors = security.frame_ancestors(path, self.embed_origins)
        head = scope.get("method") == "HEAD"
        held: dict[str, Message] = {}
        chunks: list[bytes] = []

        def finish(start: Message, body: bytes | None) -> Message:
            start.setdefault("headers", [])
            headers = MutableHeaders(scope=start)
            for name, value in security.extra_headers(path):
                headers.setdefault(name.decode(), value.decode())
            if path.startswith("/assets/"):
                headers.setdefault("cache-control", IMMUTABLE)
            if body is not None:
                headers[CSP] = security.html_policy(body, headers.get("content-encoding", ""), ancestors)
            elif start["status"] != 304 and not head:
                headers.setdefault(CSP, security.policy((), ancestors))
            # A 304 or HEAD answer has no body to hash: a policy there would replace the cached
            # page's one (RFC 9111 §4.3.4) and block its scripts on reload.
            return start

        async def send_with_headers(message: Message) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                html = Headers(raw=message.get("headers", [])).get("content-type", "").startswith("text/html")
                if html and message["status"] != 304 and not head:
                    held["start"] = message
                else:
                    await send(finish(message, None))
            elif "start" not in held:
                await send(message)
            elif kind == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    await send(finish(held.pop("start"), body))
                    await send({"type": "http.response.body", "body": body})
            elif kind == "http.response.pathsend":  # a file the server sends itself (Granian)
                await send(finish(held.pop("start"), Path(message["path"]).read_bytes()))
                await send(message)
            else:
                await send(message)

        await self.app(scope, receive, send_with_headers)


class PagesWithoutSlash:
    """``/fr`` is the page ``/fr/``: served directly (one request less on a slow phone), where the
    build has that page. Starlette's ``StaticFiles`` finds it, safely inside the build folder."""

    def __init__(self, app: ASGIApp, client_dir: Path):
        self.app = app
        self.build = StaticFiles(directory=client_dir, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        last = path.rsplit("/", 1)[-1]
        if scope["type"] == "http" and path != "/" and not path.endswith("/") and "." not in last:
            _, found = self.build.lookup_path(path.lstrip("/") + "/index.html")
            if found is not None:
                scope = {**scope, "path": path + "/", "raw_path": (path + "/").encode()}
        await self.app(scope, receive, send)


class LanguageHome:
    """``GET /`` → the home page in the reader's language (``Accept-Language``); other methods pass."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        lang = negotiate(Request(scope).headers.get("accept-language"))
        response = RedirectResponse(
            f"/{lang}/", status_code=302, headers={"Vary": "Accept-Language", "Cache-Control": "no-store"}
        )
        await response(scope, receive, send)


def _manifest(lang: str) -> Callable[[Request], Response]:
    def endpoint(_request: Request) -> Response:
        body = json.dumps(pwa.manifest(lang), ensure_ascii=False)
        return Response(body, media_type="application/manifest+json", headers={"Cache-Control": "no-cache"})

    return endpoint


def _service_worker(
    offline_pages: Callable[[], Iterable[str]], client_dir: Path
) -> Callable[[Request], Response]:
    generated: dict[str, str] = {}

    def endpoint(_request: Request) -> Response:
        if "sw" not in generated:  # the build exists once the server answers
            generated["sw"] = pwa.service_worker(offline_pages(), pwa.build_fingerprint(client_dir))
        return Response(
            generated["sw"],
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "no-cache"},
        )

    return endpoint


def static_tweaks(
    offline_pages: Callable[[], Iterable[str]],
    routes: Sequence[BaseRoute] = (),
    middleware: Sequence[Callable[[ASGIApp], ASGIApp]] = (),
    embed_origins: Sequence[str] = (),
) -> Callable[[ASGIApp], ASGIApp]:
    """For ``rx.App(api_transformer=...)``. ``offline_pages`` lists the page paths the service worker
    saves for offline reading; ``routes`` are more routes of ours, tried before the Reflex app;
    ``middleware`` wraps every HTTP answer (ours and Reflex's) inside the security headers, first
    one innermost; ``embed_origins`` may frame the embeds (``PTI_EMBED_ORIGINS``)."""

    def transform(app: ASGIApp) -> ASGIApp:
        client_dir = _client_dir()
        pages = PagesWithoutSlash(PreloadsAfterPaint(app), client_dir)
        router = Router(
            routes=[
                Route("/", LanguageHome(pages)),
                Route("/sw.js", _service_worker(offline_pages, client_dir)),
                *(Route(f"/manifest-{lang}.webmanifest", _manifest(lang)) for lang in LANGUAGES),
                *routes,
            ],
            redirect_slashes=False,
            default=pages,
        )

        http: ASGIApp = router
        for wrap in middleware:
            http = wrap(http)

        async def http_only(scope: Scope, receive: Receive, send: Send) -> None:
            # Lifespan and websocket go straight to Reflex (its start-up tasks, its event socket).
            await (http if scope["type"] == "http" else app)(scope, receive, send)

        return SecurityHeaders(http_only, embed_origins)

    return transform
