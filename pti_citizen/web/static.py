"""ASGI wrapper for the prerendered pages: language negotiation on ``/``, no ``/fr`` → ``/fr/``
redirect, long caching of hashed assets, and the security headers every response needs
(``security.py``: Content-Security-Policy with the hashes of each page's inline scripts, etc.).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

from pti_citizen.i18n import LANGUAGES, negotiate
from pti_citizen.web import pwa, security

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

IMMUTABLE = b"public, max-age=31536000, immutable"
BASE_HEADERS = security.SECURITY_HEADERS
CSP = b"content-security-policy"


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _header_of(message: MutableMapping[str, Any], name: bytes) -> str:
    for key, value in message.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").lower()
    return ""


def _client_dir() -> Path:
    from reflex.utils import prerequisites

    return (prerequisites.get_web_dir() / "build" / "client").resolve()


async def _respond(send: Callable, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def static_tweaks(offline_pages: Callable[[], Iterable[str]]) -> Callable[[ASGIApp], ASGIApp]:
    """``offline_pages`` lists the page paths the service worker saves for offline reading."""

    def transform(app: ASGIApp) -> ASGIApp:
        return _wrap(app, offline_pages)

    return transform


def _wrap(app: ASGIApp, offline_pages: Callable[[], Iterable[str]]) -> ASGIApp:
    client_dir = _client_dir()
    generated: dict[str, bytes] = {}

    def service_worker() -> bytes:
        if "sw" not in generated:  # the build exists once the server answers
            fingerprint = pwa.build_fingerprint(client_dir)
            generated["sw"] = pwa.service_worker(offline_pages(), fingerprint).encode()
        return generated["sw"]

    async def wrapped(scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path: str = scope["path"]
        extra: list[tuple[bytes, bytes]] = security.extra_headers(path)
        extra.append((CSP, security.policy().encode()))

        if path == "/sw.js":
            headers = [
                (b"content-type", b"text/javascript; charset=utf-8"),
                (b"cache-control", b"no-cache"),
                *extra,
            ]
            await _respond(send, 200, service_worker(), headers)
            return
        if path.startswith("/manifest-") and path.endswith(".webmanifest"):
            lang = path[len("/manifest-") : -len(".webmanifest")]
            if lang in LANGUAGES:
                body = json.dumps(pwa.manifest(lang), ensure_ascii=False).encode()
                headers = [
                    (b"content-type", b"application/manifest+json"),
                    (b"cache-control", b"no-cache"),
                    *extra,
                ]
                await _respond(send, 200, body, headers)
                return

        if path == "/" and scope.get("method") in ("GET", "HEAD"):
            lang = negotiate(_header(scope, b"accept-language"))
            headers = [
                (b"location", f"/{lang}/".encode()),
                (b"vary", b"Accept-Language"),
                (b"cache-control", b"no-store"),
                *extra,
            ]
            await _respond(send, 302, b"", headers)
            return

        last = path.rsplit("/", 1)[-1]
        if path != "/" and not path.endswith("/") and "." not in last:
            if (client_dir / path.lstrip("/") / "index.html").is_file():
                scope = {**scope, "path": path + "/", "raw_path": (path + "/").encode()}
        elif path.startswith("/assets/"):
            extra.append((b"cache-control", IMMUTABLE))

        held: dict[str, Any] = {}  # an HTML response waits for its body: its CSP depends on it

        def with_extra(start: MutableMapping[str, Any], csp: bytes | None = None) -> MutableMapping[str, Any]:
            headers = list(start.get("headers", []))
            if csp is not None:
                headers = [(k, v) for k, v in headers if k.lower() != CSP] + [(CSP, csp)]
            present = {k.lower() for k, _ in headers}
            if start.get("status") == 304 or scope.get("method") == "HEAD":
                # No body to hash: a policy here would replace the cached page's one (RFC 9111 §4.3.4).
                present.add(CSP)
            headers.extend((k, v) for k, v in extra if k not in present)
            return {**start, "headers": headers}

        async def release(body: bytes) -> None:
            start = held.pop("start")
            csp = security.html_policy(body, _header_of(start, b"content-encoding"))
            await send(with_extra(start, csp.encode()))

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                has_body = message.get("status") != 304 and scope.get("method") != "HEAD"
                if has_body and _header_of(message, b"content-type").startswith("text/html"):
                    held["start"], held["body"] = message, []
                else:
                    await send(with_extra(message))
                return
            if "start" not in held:
                await send(message)
            elif kind == "http.response.body":
                held["body"].append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(held["body"])
                    await release(body)
                    await send({"type": "http.response.body", "body": body})
            elif kind == "http.response.pathsend":  # a file the server sends itself (granian)
                await release(Path(message["path"]).read_bytes())
                await send(message)
            else:
                await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped
