"""Security headers on every response, and a CSP whose script hashes are exactly the page's inline
scripts (hashes recomputed here with hashlib, from the HTML the fake app serves)."""

from __future__ import annotations

import base64
import gzip
import hashlib

import pytest

from pti_citizen.web import static
from tests.asgi_client import call_asgi

THEME = "window.theme = 'light';"
MODULE = 'import "/assets/manifest-1.js";'
DATA = '{"lang": "fr"}'
PAGE = (
    "<!doctype html><html><head>"
    f"<script>{THEME}</script>"
    '<script src="/app.js" defer></script>'
    f'<script type="application/json" id="pti-config">{DATA}</script>'
    f'<script type="module" async="">{MODULE}</script>'
    "</head><body><main>ok</main></body></html>"
).encode()


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


class FakeApp:
    """Serves PAGE for /fr/ (plain, gzip, in chunks or as a file), JSON elsewhere."""

    def __init__(self, tmp_path):
        self.file = tmp_path / "index.html"
        self.file.write_bytes(PAGE)

    async def __call__(self, scope, receive, send):
        path = scope["path"]
        if path.startswith("/api/") or path == "/ping":
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": b"{}"})
            return
        headers = [(b"content-type", b"text/html; charset=utf-8")]
        if path == "/cached/":  # « not modified »: the browser keeps its copy, and that copy's headers
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", b'"1"')]})
            await send({"type": "http.response.body", "body": b""})
        elif path == "/gz/":
            headers.append((b"content-encoding", b"gzip"))
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": gzip.compress(PAGE)})
        elif path == "/chunks/":
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            for i in range(0, len(PAGE), 50):
                await send({"type": "http.response.body", "body": PAGE[i : i + 50], "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        elif path == "/file/":
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.pathsend", "path": str(self.file)})
        else:
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": PAGE})


def call(app, path, method="GET"):
    _status, headers, rest = call_asgi(app, path, method=method)
    return headers, rest


@pytest.fixture
def app(tmp_path, monkeypatch):
    client = tmp_path / "client"
    (client / "fr").mkdir(parents=True)
    monkeypatch.setattr(static, "_client_dir", lambda: client)
    return static.static_tweaks(lambda: ["/fr/"])(FakeApp(tmp_path))


def directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split("; ")}


@pytest.mark.parametrize("path", ["/fr/", "/gz/", "/chunks/", "/file/"])
def test_script_src_lists_exactly_the_inline_scripts_of_the_page(app, path):
    headers, body_messages = call(app, path)
    csp = directives(headers["content-security-policy"])
    assert csp["script-src"] == ["'self'", sha(THEME), sha(MODULE)]
    assert sha(DATA) not in headers["content-security-policy"]  # a data block is never run
    if path != "/file/":
        assert b"".join(m.get("body", b"") for m in body_messages)  # the body still goes out


def test_the_policy_allows_nothing_from_elsewhere(app):
    headers, _ = call(app, "/fr/")
    csp = directives(headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    for name in ("style-src", "connect-src", "img-src", "font-src", "manifest-src", "worker-src"):
        assert csp[name] == ["'self'"], name
    assert csp["object-src"] == csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not any(
        value.startswith(("http", "*", "https:", "data:")) for values in csp.values() for value in values
    )


@pytest.mark.parametrize(
    "path", ["/fr/", "/api/v1/places", "/ping", "/", "/sw.js", "/manifest-ar.webmanifest"]
)
def test_every_response_carries_the_security_headers(app, path):
    headers, _ = call(app, path)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "geolocation=(self)" in headers["permissions-policy"]
    assert "camera=()" in headers["permissions-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]


@pytest.mark.parametrize(
    ("path", "hidden"),
    [
        ("/equipe", True),
        ("/equipe/", True),
        ("/api/v1/feedback/export.csv", True),
        ("/fr/", False),
        ("/api/v1/places", False),
    ],
)
def test_team_space_is_not_indexed(app, path, hidden):
    headers, _ = call(app, path)
    assert ("x-robots-tag" in headers) == hidden
    if hidden:
        assert headers["x-robots-tag"].startswith("noindex")


def test_a_not_modified_answer_does_not_replace_the_cached_page_policy(app):
    # A 304 updates the stored response's headers (RFC 9111): a policy without the page's hashes
    # would then block the page's own scripts on the next reload.
    headers, _ = call(app, "/cached/")
    assert "content-security-policy" not in headers
    assert headers["x-content-type-options"] == "nosniff"


def test_head_requests_carry_no_policy_for_pages(app):
    headers, _ = call(app, "/fr/", method="HEAD")
    assert "content-security-policy" not in headers and headers["referrer-policy"] == "no-referrer"


PARTNER = "https://www.ccas-exemple.fr"


@pytest.fixture
def embedding_app(tmp_path, monkeypatch):
    client = tmp_path / "client"
    (client / "fr").mkdir(parents=True)
    monkeypatch.setattr(static, "_client_dir", lambda: client)
    return static.static_tweaks(lambda: ["/fr/"], embed_origins=(PARTNER,))(FakeApp(tmp_path))


@pytest.mark.parametrize(
    ("path", "ancestors"),
    [
        ("/fr/integrer/trouver-une-mds", ["'self'", PARTNER]),
        ("/ar/integrer/simulateur", ["'self'", PARTNER]),
        ("/fr/integrer", ["'none'"]),  # the snippet page is a page of the site: never framed
        ("/fr/", ["'none'"]),
        ("/fr/simulateur", ["'none'"]),
        ("/de/integrer/trouver-une-mds", ["'none'"]),  # not a language of ours
        ("/api/v1/places", ["'none'"]),
    ],
)
def test_only_the_embeds_may_be_framed_and_only_by_the_listed_partners(embedding_app, path, ancestors):
    headers, _ = call(embedding_app, path)
    assert directives(headers["content-security-policy"])["frame-ancestors"] == ancestors
    framed = ancestors != ["'none'"]
    assert ("x-frame-options" not in headers) == framed
    if not framed:
        assert headers["x-frame-options"] == "DENY"


def test_without_partners_the_embeds_are_framed_by_the_site_alone(app):
    headers, _ = call(app, "/fr/integrer/trouver-une-mds")
    assert directives(headers["content-security-policy"])["frame-ancestors"] == ["'self'"]
