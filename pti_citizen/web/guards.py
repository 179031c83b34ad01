"""The edge: what every request and every websocket goes through before any page, API or Reflex
handler sees it (the outermost of our ASGI layers, ``pti_citizen.py``). Hostile input must cost
the server nothing, so each size is bounded **before** it is read:

- **Behind a reverse proxy** (``PTI_TRUSTED_PROXY_HOPS``): the client address, scheme and host are
  taken from ``X-Forwarded-For``/``-Proto``/``-Host`` as that many proxies wrote them; otherwise
  those headers are ignored (anyone can write them).
- **Host**: once public origins are configured, a request for another host is refused (421), so no
  forged ``Host`` reaches a page, a link or a redirect. A ``Location`` that points back to the
  request's own host is made relative (Starlette's slash redirects echo it).
- **Bodies**: refused on ``Content-Length`` alone, or while being read, past ``PTI_MAX_BODY_BYTES``
  (413) — for every endpoint, Reflex's included.
- **Websockets** (``/_event``): a page of another site is refused (``Origin``), a token that is not
  a UUID too; one client may hold ``PTI_CONNECTIONS_PER_CLIENT`` at once (per worker) and open
  ``PTI_SESSIONS_PER_CLIENT`` (shared through Redis); a message past ``PTI_MAX_MESSAGE_BYTES`` closes
  the connection (1009) before Socket.IO parses it.
- **Answers in our shape**: a 405 (and a 404 under ``/api/``) is ``{"errors": [...]}`` in the
  reader's language; ``HEAD`` on the API is its ``GET`` without a body; ``/_health`` says only
  ``ok`` or ``unavailable``.

Refusals are logged as an event name and a reason, never an address, a token or a body.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pti_citizen.clients import client_network
from pti_citizen.i18n import negotiate
from pti_citizen.services import Services
from pti_citizen.settings import Window
from pti_citizen.web.http import API_PREFIX, problem

logger = logging.getLogger(__name__)

EVENT_PATH = "/_event"
HEALTH_PATH = "/_health"
#: New websocket sessions (page loads) per client network: far above an MDS with ten terminals, and
#: room for many people behind one carrier-grade NAT address (a session left alone costs a few kB).
SESSIONS_PER_CLIENT = (Window(600, 600), Window(5000, 86_400))
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _json(status: int, body: dict | None, headers: dict[str, str] | None = None) -> list[Message]:
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
    raw = [
        (b"content-type", b"application/json"),
        (b"cache-control", b"no-store"),
        (b"content-length", str(len(data)).encode()),
    ]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return [
        {"type": "http.response.start", "status": status, "headers": raw},
        {"type": "http.response.body", "body": data},
    ]


class EdgeGuard:
    def __init__(self, app: ASGIApp, services: Services):
        self.app = app
        self.settings = services.settings
        self.origins = services.origins
        self.counters = services.counters
        self.sessions_per_client = self.settings.sessions_per_client or SESSIONS_PER_CLIENT
        #: Open websockets per client network, in this worker.
        self.open_sockets: Counter[str] = Counter()

    # -- who is asking ------------------------------------------------------------------------------

    def _proxied(self, scope: Scope) -> Scope:
        hops = self.settings.trusted_proxy_hops
        if not hops:
            return scope
        headers = Headers(scope=scope)
        forwarded = [ip.strip() for ip in headers.get("x-forwarded-for", "").split(",") if ip.strip()]
        scope = dict(scope)
        if len(forwarded) >= hops:
            scope["client"] = (forwarded[-hops], 0)
        proto = headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        if proto in ("http", "https"):
            scope["scheme"] = proto if scope["type"] == "http" else {"http": "ws", "https": "wss"}[proto]
        if host := headers.get("x-forwarded-host", "").split(",")[0].strip():
            raw = [(k, v) for k, v in scope["headers"] if k != b"host"]
            scope["headers"] = [*raw, (b"host", host.encode("latin-1", "replace"))]
        return scope

    @staticmethod
    def _lang(scope: Scope) -> str:
        return negotiate(Headers(scope=scope).get("accept-language"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope = self._proxied(scope)
        headers = Headers(scope=scope)
        scheme = scope.get("scheme", "http")
        if not self.origins.host_allowed(headers.get("host"), scheme):
            logger.info("edge.refused reason=host kind=%s", scope["type"])
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                for message in _json(421, problem(421, self._lang(scope))):
                    await send(message)
            return
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        if scope["path"] == HEALTH_PATH:
            await self._health(scope, receive, send)
            return
        receive = await self._bounded_body(scope, receive, send)
        if receive is None:
            return
        await self._http(scope, receive, send)

    # -- HTTP ---------------------------------------------------------------------------------------

    async def _bounded_body(self, scope: Scope, receive: Receive, send: Send) -> Receive | None:
        """The body, read up to the limit and replayed to the app; ``None`` once refused (413)."""
        limit = self.settings.max_body_bytes
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        if length is None and not chunked and scope["method"] not in _BODY_METHODS:
            return receive
        if length is not None and (not length.strip().isdigit() or int(length) > limit):
            return await self._too_large(scope, send, "content-length")
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                return await self._too_large(scope, send, "read")
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return replay

    async def _too_large(self, scope: Scope, send: Send, how: str) -> None:
        logger.info("edge.refused reason=body_too_large limit=%d on=%s", self.settings.max_body_bytes, how)
        for message in _json(413, problem(413, self._lang(scope), "body"), {"connection": "close"}):
            await send(message)
        return None

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        head_on_api = scope["method"] == "HEAD" and path.startswith(API_PREFIX + "/")
        if head_on_api:
            scope = {**scope, "method": "GET"}
        host = (Headers(scope=scope).get("host") or "").lower()
        replaced = False

        async def guarded_send(message: Message) -> None:
            nonlocal replaced
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                kind = headers.get("content-type", "")
                if status == 405 or (status == 404 and path.startswith("/api/") and "json" not in kind):
                    replaced = True
                    allow = {"allow": headers["allow"]} if "allow" in headers else {}
                    body = problem(status, self._lang(scope))
                    start, data = _json(status, None if head_on_api else body, allow)
                    await send(start)
                    await send(data)
                    return
                if location := headers.get("location"):
                    headers["location"] = _relative(location, host)
                if head_on_api:
                    message = {**message, "headers": headers.raw}
                await send(message)
            elif replaced:
                return
            elif message["type"] == "http.response.body" and head_on_api:
                await send({**message, "body": b""})
            else:
                await send(message)

        await self.app(scope, receive, guarded_send)

    async def _health(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Reflex's health check underneath; the world learns only whether the service is up."""
        status: list[int] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        await self.app({**scope, "method": "GET"}, receive, capture)
        ok = bool(status) and status[0] == 200
        for message in _json(200 if ok else 503, {"status": "ok" if ok else "unavailable"}):
            await send(message)

    # -- websockets ---------------------------------------------------------------------------------

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        reason = None
        if not self.origins.websocket_origin_allowed(
            headers.get("origin"), headers.get("host"), scope["scheme"]
        ):
            reason = "origin"
        elif scope["path"].rstrip("/") == EVENT_PATH:
            token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])
            if len(token) != 1 or not _UUID.match(token[0]):
                reason = "token"
        client = client_network((scope.get("client") or ("", 0))[0])
        if reason is None and self.open_sockets[client] >= self.settings.connections_per_client:
            reason = "connections"
        if reason is None:
            key = await self.counters.pseudonym("ws:" + client)
            # Fixed windows: one command per window on every page load (not seven).
            if not await self.counters.hit("ws-sessions", self.sessions_per_client, key, sliding=False):
                reason = "sessions"
        if reason is not None:
            logger.info("edge.websocket outcome=refused reason=%s", reason)
            await send({"type": "websocket.close", "code": 1008})
            return
        limit = self.settings.max_message_bytes
        closed = False

        async def bounded_receive() -> Message:
            nonlocal closed
            message = await receive()
            if message["type"] == "websocket.receive":
                data = message.get("text") if message.get("text") is not None else message.get("bytes")
                if data is not None and len(data) > limit:
                    logger.info("edge.websocket outcome=closed reason=message_too_large limit=%d", limit)
                    closed = True
                    await send({"type": "websocket.close", "code": 1009})
                    return {"type": "websocket.disconnect", "code": 1009}
            return message

        async def guarded_send(message: Message) -> None:
            if not closed:
                await send(message)

        self.open_sockets[client] += 1
        try:
            await self.app(scope, bounded_receive, guarded_send)
        finally:
            self.open_sockets[client] -= 1
            if self.open_sockets[client] <= 0:
                del self.open_sockets[client]


def _relative(location: str, host: str) -> str:
    """``http://<the request's host>/fr/`` → ``/fr/``: a redirect never carries a host it was sent."""
    parts = urlsplit(location)
    if parts.scheme in ("http", "https") and parts.netloc.lower() == host:
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return location


def edge_guard(services: Services):
    """For ``rx.App(api_transformer=...)``: the last transformer, so that it is the outermost of ours."""
    return lambda app: EdgeGuard(app, services)
