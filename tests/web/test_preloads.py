"""Reflex pages leave their module preloads to app.js (after the first paint), tested without a server."""

from __future__ import annotations

import gzip

from pti_citizen.web.preloads import PreloadsAfterPaint
from tests.asgi_client import call_asgi

PAGE = (
    b'<html><head><link rel="stylesheet" href="/app.css"/>'
    b'<link rel="modulepreload" href="/assets/manifest-1.js"/>'
    b'<link rel="modulepreload" href="/assets/root-2.js"/></head>'
    b'<body><p>Le texte</p><script type="module" async="">import "/assets/manifest-1.js";</script></body></html>'
)
AFTER = (
    b'<html><head><link rel="stylesheet" href="/app.css"/>'
    b'<link rel="pti-module" href="/assets/manifest-1.js"/>'
    b'<link rel="pti-module" href="/assets/root-2.js"/></head>'
    b'<body><p>Le texte</p><script type="module" async="">import "/assets/manifest-1.js";</script></body></html>'
)


class Built:
    """A stand-in for Reflex's static files: one answer, in pieces or as a file Granian sends."""

    def __init__(self, body: bytes, *, content_type="text/html; charset=utf-8", encoding=None, status=200):
        self.body, self.content_type, self.encoding, self.status = body, content_type, encoding, status
        self.pathsend: str | None = None

    async def __call__(self, scope, receive, send):
        headers = [
            (b"content-type", self.content_type.encode()),
            (b"content-length", str(len(self.body)).encode()),
        ]
        if self.encoding:
            headers.append((b"content-encoding", self.encoding.encode()))
        headers.append((b"etag", b'"built-1"'))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        if scope["method"] == "HEAD":
            await send({"type": "http.response.body", "body": b""})
        elif self.pathsend:
            await send({"type": "http.response.pathsend", "path": self.pathsend})
        else:
            half = len(self.body) // 2
            await send({"type": "http.response.body", "body": self.body[:half], "more_body": True})
            await send({"type": "http.response.body", "body": self.body[half:]})


def call(app, method="GET"):
    status, headers, rest = call_asgi(app, "/fr/simulateur/", method=method)
    return status, headers, b"".join(m.get("body", b"") for m in rest)


def test_module_preloads_become_links_for_app_js():
    status, headers, body = call(PreloadsAfterPaint(Built(PAGE)))
    assert status == 200 and body == AFTER
    assert headers["content-length"] == str(len(AFTER))
    assert headers["etag"] == '"built-1"'  # the same file gives the same page: the validator holds


def test_a_gzipped_page_is_rewritten_and_gzipped_again():
    _, headers, body = call(PreloadsAfterPaint(Built(gzip.compress(PAGE), encoding="gzip")))
    assert headers["content-encoding"] == "gzip" and headers["content-length"] == str(len(body))
    assert gzip.decompress(body) == AFTER


def test_a_page_granian_would_send_itself_is_read_and_rewritten(tmp_path):
    built = Built(PAGE)
    built.pathsend = str(tmp_path / "index.html")
    (tmp_path / "index.html").write_bytes(PAGE)
    _, headers, body = call(PreloadsAfterPaint(built))
    assert body == AFTER and headers["content-length"] == str(len(AFTER))


def test_scripts_styles_and_other_answers_pass_untouched():
    script = b'const a = \'<link rel="modulepreload" href="/x.js"/>\';'
    _, _, body = call(PreloadsAfterPaint(Built(script, content_type="text/javascript")))
    assert body == script
    _, _, body = call(PreloadsAfterPaint(Built(PAGE, status=404)))
    assert body == PAGE
    _, _, body = call(PreloadsAfterPaint(Built(PAGE, encoding="br")))
    assert body == PAGE


def test_head_drops_the_length_it_cannot_know():
    status, headers, body = call(PreloadsAfterPaint(Built(PAGE)), method="HEAD")
    assert status == 200 and body == b"" and "content-length" not in headers
