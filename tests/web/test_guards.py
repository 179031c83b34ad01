"""The edge guard, in process (ASGI messages, no server): each attack of issue #13 that the edge
answers, with what the app behind it would have received. The same attacks against a real server
process are in ``tests/reliability/test_hostile_input.py``."""

from __future__ import annotations

import asyncio
import json

import pytest

from pti_citizen.services import Services
from pti_citizen.settings import Settings
from pti_citizen.web.guards import EdgeGuard

UUID = "0b8e7c1e-5f2a-4c3d-9e8f-1a2b3c4d5e6f"


class App:
    """What sits behind the edge: records what reached it; answers like Reflex/Starlette would."""

    def __init__(self):
        self.calls: list[dict] = []
        self.body_read = 0

    async def __call__(self, scope, receive, send):
        call = {"scope": scope}
        self.calls.append(call)
        if scope["type"] == "websocket":
            await send({"type": "websocket.accept"})
            while True:
                message = await receive()
                if message["type"] == "websocket.disconnect":
                    call["closed"] = message.get("code")
                    return
                await send({"type": "websocket.send", "text": "echo"})
        body = b""
        if scope["method"] in ("POST", "PUT"):
            while True:
                message = await receive()
                body += message.get("body", b"")
                self.body_read += len(message.get("body", b""))
                if not message.get("more_body"):
                    break
        call["body"] = body
        path = scope["path"]
        if path == "/ping/":  # Starlette's slash redirect: an absolute URL built from the Host header
            host = dict(scope["headers"])[b"host"].decode()
            await self._send(send, 307, b"", [(b"location", f"http://{host}/ping".encode())])
        elif path == "/_health":
            await self._send(
                send,
                200,
                b'{"status":true,"db":true,"redis":false}',
                [(b"content-type", b"application/json")],
            )
        elif path == "/sw.js" and scope["method"] == "POST":
            await self._send(
                send, 405, b"Method Not Allowed", [(b"content-type", b"text/plain"), (b"allow", b"GET, HEAD")]
            )
        elif path.startswith("/api/") and scope["method"] == "DELETE":
            await self._send(send, 404, b"Not Found", [(b"content-type", b"text/plain")])
        else:
            await self._send(send, 200, b'{"ok": true}', [(b"content-type", b"application/json")])

    @staticmethod
    async def _send(send, status, body, headers):
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def guard(**settings) -> tuple[EdgeGuard, App]:
    app = App()
    return EdgeGuard(app, Services.build(Settings(**settings))), app


def http(edge, path="/", method="GET", headers=None, chunks=(b"",)):
    """One request; the body arrives in ``chunks``. Returns (status, headers, body, chunks read)."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "scheme": "http",
        "client": ("192.0.2.10", 50000),
        "headers": [
            (k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:3000", **(headers or {})}.items()
        ],
    }
    sent, read = [], [0]
    queue = list(chunks)

    async def receive():
        if not queue:
            return {"type": "http.disconnect"}
        read[0] += 1
        chunk = queue.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(queue)}

    async def send(message):
        sent.append(message)

    asyncio.run(edge(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body, read[0]


def websocket(edge, headers=None, query=f"token={UUID}", client="192.0.2.10", messages=()):
    """Open a websocket and send ``messages``; returns what the client got."""
    scope = {
        "type": "websocket",
        "path": "/_event/",
        "raw_path": b"/_event/",
        "query_string": f"EIO=4&transport=websocket&{query}".encode(),
        "scheme": "ws",
        "client": (client, 50000),
        "headers": [
            (k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:3000", **(headers or {})}.items()
        ],
    }
    incoming = [{"type": "websocket.connect"}, *({"type": "websocket.receive", "text": m} for m in messages)]
    sent = []

    async def receive():
        return incoming.pop(0) if incoming else {"type": "websocket.disconnect", "code": 1000}

    async def send(message):
        sent.append(message)

    asyncio.run(edge(scope, receive, send))
    return sent


# -- bodies (issue #13 item 1a) ------------------------------------------------------------------


def test_a_body_announced_too_large_is_refused_without_reading_it():
    edge, app = guard(max_body_bytes=65_536)
    status, _headers, body, read = http(
        edge, "/api/v1/rsa/estimate", "POST", {"content-length": str(300 * 2**20)}, chunks=[b"x" * 65_536] * 3
    )
    assert status == 413 and read == 0 and app.calls == []
    assert json.loads(body)["errors"][0]["field"] == "body"


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit():
    """The 300 MB chunked body of the issue: refused after 2 chunks of 64 KB, the rest never read."""
    edge, app = guard(max_body_bytes=65_536)
    chunks = [b"[" * 40_000] * 7_500  # 300 MB if read to the end
    status, _, _, read = http(edge, "/api/v1/rsa/estimate", "POST", {"transfer-encoding": "chunked"}, chunks)
    assert status == 413 and read == 2 and app.calls == []


def test_a_body_within_the_limit_reaches_the_app_whole():
    edge, app = guard(max_body_bytes=65_536)
    status, *_ = http(
        edge, "/api/v1/rsa/estimate", "POST", {"transfer-encoding": "chunked"}, [b"{", b'"a": 1', b"}"]
    )
    assert status == 200 and app.calls[0]["body"] == b'{"a": 1}'


def test_every_endpoint_is_bounded_not_only_the_api():
    edge, app = guard(max_body_bytes=4096)
    for path in ("/_upload", "/_event/", "/fr/", "/anything"):
        status, *_ = http(edge, path, "POST", {"content-length": "5000"}, [b"x" * 5000])
        assert status == 413
    assert app.calls == []


# -- hosts, redirects, methods (items 11 and #14.1) ------------------------------------------------


def test_a_redirect_never_echoes_the_host_it_was_sent():
    edge, _ = guard()
    status, headers, *_ = http(edge, "/ping/", headers={"host": "evil.example"})
    assert status == 307 and headers["location"] == "/ping"


def test_with_public_origins_another_host_is_refused():
    edge, app = guard(public_url="https://rsa.example.fr", allowed_origins="https://www.rsa.example.fr")
    assert http(edge, "/fr/", headers={"host": "evil.example"})[0] == 421
    assert http(edge, "/fr/", headers={"host": "rsa.example.fr"})[0] == 200
    assert http(edge, "/fr/", headers={"host": "www.rsa.example.fr"})[0] == 200
    assert len(app.calls) == 2
    assert http(edge, "/fr/", headers={"host": "bad host\r\nx"})[0] == 421


def test_head_on_the_api_is_its_get_without_a_body():
    edge, app = guard()
    status, headers, body, _ = http(edge, "/api/v1/places", "HEAD")
    assert status == 200 and body == b"" and app.calls[0]["scope"]["method"] == "GET"
    assert headers["content-length"] == str(len(b'{"ok": true}'))


def test_405_and_api_404_answer_in_our_shape_and_language():
    edge, _ = guard()
    status, headers, body, _ = http(edge, "/sw.js", "POST", {"accept-language": "es", "content-length": "0"})
    assert status == 405 and headers["content-type"] == "application/json" and headers["allow"] == "GET, HEAD"
    assert json.loads(body) == {"errors": [{"field": "request", "message": "Esta solicitud no es posible."}]}
    status, headers, body, _ = http(edge, "/api/v1/places", "DELETE")
    assert status == 404 and json.loads(body)["errors"][0]["field"] == "request"


def test_health_says_only_ok():
    edge, _ = guard()
    status, _, body, _ = http(edge, "/_health")
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_behind_a_trusted_proxy_the_forwarded_client_and_host_are_used():
    edge, app = guard(trusted_proxy_hops=1)
    http(
        edge,
        "/",
        headers={
            "x-forwarded-for": "203.0.113.5, 198.51.100.9",
            "x-forwarded-proto": "https",
            "x-forwarded-host": "rsa.example.fr",
        },
    )
    scope = app.calls[0]["scope"]
    assert scope["client"][0] == "198.51.100.9" and scope["scheme"] == "https"
    assert dict(scope["headers"])[b"host"] == b"rsa.example.fr"
    edge, app = guard()  # no proxy trusted: forwarded headers are anyone's to write
    http(edge, "/", headers={"x-forwarded-for": "203.0.113.5"})
    assert app.calls[0]["scope"]["client"][0] == "192.0.2.10"


# -- websockets (items 1b, 6, 7) -------------------------------------------------------------------


def closed_before_accept(sent) -> bool:
    return sent[0] == {"type": "websocket.close", "code": 1008}


def test_a_page_of_another_site_cannot_open_the_websocket():
    edge, _app = guard()
    assert closed_before_accept(websocket(edge, {"origin": "https://evil.example"}))
    assert websocket(edge, {"origin": "http://127.0.0.1:3000"})[0]["type"] == "websocket.accept"
    assert websocket(edge)[0]["type"] == "websocket.accept"  # no Origin: not a browser page
    edge, _ = guard(public_url="https://rsa.example.fr", embed_origins="https://www.haute-garonne.fr")
    headers = {"host": "rsa.example.fr"}
    assert closed_before_accept(websocket(edge, {**headers, "origin": "https://evil.example"}))
    assert (
        websocket(edge, {**headers, "origin": "https://www.haute-garonne.fr"})[0]["type"]
        == "websocket.accept"
    )


def test_a_token_the_client_made_up_is_refused():
    edge, _ = guard()
    for token in ("x" * 5000, "not-a-uuid", UUID.upper() + "0", f"{UUID}&token={UUID}"):
        assert closed_before_accept(websocket(edge, query=f"token={token}"))


def test_one_client_opens_a_bounded_number_of_sessions():
    edge, _ = guard(sessions_per_client="5/600")
    opened = [websocket(edge)[0]["type"] for _ in range(7)]
    assert opened == ["websocket.accept"] * 5 + ["websocket.close"] * 2
    assert websocket(edge, client="198.51.100.1")[0]["type"] == "websocket.accept"  # another client


def test_a_message_over_the_limit_closes_the_connection_before_it_is_parsed():
    edge, app = guard(max_message_bytes=65_536)
    sent = websocket(edge, messages=["42" + "x" * 70_000])
    assert {"type": "websocket.close", "code": 1009} in sent
    assert app.calls[0]["closed"] == 1009


@pytest.mark.parametrize("connections", [3])
def test_open_connections_per_client_are_capped(connections):
    edge, _ = guard(connections_per_client=connections)
    client = "192.0.2.99"
    edge.open_sockets["192.0.2.99"] = connections  # as if three were open in this worker
    assert closed_before_accept(websocket(edge, client=client))
    edge.open_sockets["192.0.2.99"] = connections - 1
    assert websocket(edge, client=client)[0]["type"] == "websocket.accept"
    assert edge.open_sockets.get(client, 0) == connections - 1  # released when it closed
