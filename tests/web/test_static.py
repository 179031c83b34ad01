"""The ASGI wrapper in front of the prerendered pages, tested without a server."""

from __future__ import annotations

import json

import pytest

from pti_citizen.languages import LANGUAGES
from pti_citizen.web import static
from tests.asgi_client import call_asgi


class Recorder:
    """A stand-in for the Reflex app: records the path it was asked for."""

    def __init__(self):
        self.paths = []

    async def __call__(self, scope, receive, send):
        self.paths.append(scope["path"])
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]}
        )
        await send({"type": "http.response.body", "body": b"ok"})


def call(app, path, headers=None, method="GET"):
    status, response_headers, rest = call_asgi(app, path, headers, method)
    return status, response_headers, b"".join(m.get("body", b"") for m in rest)


@pytest.fixture
def wrapped(tmp_path, monkeypatch):
    client = tmp_path / "client"
    (client / "fr").mkdir(parents=True)
    (client / "fr" / "index.html").write_text("<html></html>")
    (client / "assets").mkdir()
    (client / "assets" / "root-abc123.js").write_text("")
    monkeypatch.setattr(static, "_client_dir", lambda: client)
    inner = Recorder()
    return static.static_tweaks(lambda: ["/fr/", "/ar/droits"])(inner), inner


def test_root_redirects_to_negotiated_language(wrapped):
    app, inner = wrapped
    status, headers, _ = call(app, "/", {"Accept-Language": "ar-DZ,ar;q=0.9"})
    assert status == 302 and headers["location"] == "/ar/"
    assert headers["vary"] == "Accept-Language"
    assert inner.paths == []


def test_page_without_trailing_slash_is_served_directly(wrapped):
    app, inner = wrapped
    status, headers, _ = call(app, "/fr")
    assert status == 200 and inner.paths == ["/fr/"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_unknown_path_goes_through_untouched(wrapped):
    app, inner = wrapped
    call(app, "/de/seite")
    assert inner.paths == ["/de/seite"]


def test_hashed_assets_are_cached_for_a_year(wrapped):
    app, _ = wrapped
    _, headers, _ = call(app, "/assets/root-abc123.js")
    assert "immutable" in headers["cache-control"]
    _, headers, _ = call(app, "/app.js")
    assert "cache-control" not in headers


def test_service_worker_lists_pages_and_fingerprint(wrapped):
    app, _ = wrapped
    status, headers, body = call(app, "/sw.js")
    assert status == 200 and headers["cache-control"] == "no-cache"
    config = json.loads(body.decode().split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config["pages"] == ["/ar/droits", "/fr/"]
    assert len(config["version"]) == 16
    assert "/_event" in config["networkOnly"]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_manifest_per_language(wrapped, lang):
    app, _ = wrapped
    status, headers, body = call(app, f"/manifest-{lang}.webmanifest")
    manifest = json.loads(body)
    assert status == 200 and headers["content-type"] == "application/manifest+json"
    assert manifest["lang"] == lang and manifest["start_url"] == f"/{lang}/"
    assert manifest["dir"] == LANGUAGES[lang].direction


def test_unknown_manifest_language_is_not_invented(wrapped):
    app, inner = wrapped
    call(app, "/manifest-de.webmanifest")
    assert inner.paths == ["/manifest-de.webmanifest"]
