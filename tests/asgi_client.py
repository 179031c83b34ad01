"""Drive an ASGI app with one HTTP request, without a server (for the wrapper tests)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def call_asgi(app, path: str, headers: dict[str, str] | None = None, method: str = "GET", query: str = ""):
    """Return ``(status, headers, later_messages)``; runs in a thread of its own because the browser
    tests' sync Playwright may hold this thread's event loop."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
    }
    messages = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        messages.append(message)

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = messages[0]
    assert start["type"] == "http.response.start"
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, messages[1:]
