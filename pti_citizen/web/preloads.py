"""Reflex pages preload their scripts after the first paint, not before.

A prerendered Reflex page (simulator, result, locator, team space) lists its nine JavaScript modules as
``<link rel="modulepreload">`` at the top of its ``<head>``. On a slow phone line those downloads share
the bandwidth with the page's one stylesheet, which the first paint waits for; and Lighthouse's
simulation counts them before the first paint (FCP and LCP 2.3–2.5 s instead of 0.8–1.1 s,
docs/performance.md). The page is readable from its HTML alone: the scripts only make it interactive.

So the links are served as ``<link rel="pti-module">`` (a name browsers ignore), and ``app.js`` turns
them back into module preloads one frame after the first paint: every module still downloads in
parallel, not one import after the other, and the text and its styles come first.

Only the pages of the Reflex build go through this layer (``static.py`` puts it around them); the
server-rendered pages have no module at all. A page is rewritten once per file and encoding (a small
memory of the last ones); its ETag stays valid, the rewriting being the same for the same file.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pti_citizen.web.held_body import rewriting_send

PRELOAD = re.compile(rb'<link rel="modulepreload"( href="[^"<>]*"/?>)')
AFTER_PAINT = rb'<link rel="pti-module"\1'


@lru_cache(maxsize=128)
def after_paint(body: bytes, encoding: str) -> bytes:
    """The page with its module preloads left for ``app.js``; gzip in, gzip out."""
    if encoding == "gzip":
        html = gzip.decompress(body)
        rewritten = PRELOAD.sub(AFTER_PAINT, html)
        return body if rewritten == html else gzip.compress(rewritten, 9, mtime=0)
    return PRELOAD.sub(AFTER_PAINT, body)


class PreloadsAfterPaint:
    """Rewrites the HTML pages of the Reflex build (200 answers, identity or gzip)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return

        def hold(start: Message) -> bool:
            headers = Headers(raw=start.get("headers", []))
            if not (
                start["status"] == 200
                and headers.get("content-type", "").startswith("text/html")
                and headers.get("content-encoding", "identity") in ("identity", "gzip")
            ):
                return False
            if scope["method"] == "HEAD":  # the length of the rewritten page is not known
                del MutableHeaders(scope=start)["content-length"]
                return False
            return True

        def finish(start: Message, body: bytes) -> tuple[Message, bytes]:
            headers = MutableHeaders(scope=start)
            body = after_paint(body, headers.get("content-encoding", "identity"))
            headers["content-length"] = str(len(body))
            return start, body

        await self.app(scope, receive, rewriting_send(send, hold, finish))
