"""Which hosts are answered and which origin absolute links use (issue #14 item 1)."""

from __future__ import annotations

import pytest

from pti_citizen.origins import Origins, normal_host
from pti_citizen.settings import Settings


def origins(**settings) -> Origins:
    return Origins.from_settings(Settings(**settings))


def test_without_configuration_links_follow_the_browser_and_are_never_shared():
    found = origins().for_links("http", "192.168.1.20:3000")
    assert (found.origin, found.shareable) == ("http://192.168.1.20:3000", False)
    page = origins().for_links("http", "127.0.0.1:3000", page_origin="https://rsa.local")
    assert page.origin == "https://rsa.local" and not page.shareable
    assert origins().for_links("http", "bad host").origin == "http://localhost:3000"


def test_the_public_url_overrides_the_browser():
    found = origins(public_url="https://rsa.example.fr").for_links(
        "http", "evil.example", "https://evil.example"
    )
    assert (found.origin, found.shareable) == ("https://rsa.example.fr", True)


def test_allowed_origins_bound_what_the_browser_may_choose():
    configured = origins(allowed_origins="https://rsa.example.fr,https://www.rsa.example.fr")
    assert configured.for_links("https", "www.rsa.example.fr").origin == "https://www.rsa.example.fr"
    assert configured.for_links("https", "evil.example").origin == "https://rsa.example.fr"
    assert configured.host_allowed("www.rsa.example.fr") and not configured.host_allowed("evil.example")
    assert configured.host_allowed("rsa.example.fr:443", "https")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("RSA.example.fr", "rsa.example.fr"),
        ("rsa.example.fr:80", "rsa.example.fr"),
        ("[::1]:3000", "[::1]:3000"),
        ("a b", None),
        ("evil.example/x", None),
        ("", None),
    ],
)
def test_host_headers_are_compared_normalised(host, expected):
    assert normal_host(host) == expected


def test_websocket_origins():
    plain = origins(embed_origins="https://www.haute-garonne.fr")
    assert plain.websocket_origin_allowed("http://127.0.0.1:3000", "127.0.0.1:3000")
    assert plain.websocket_origin_allowed("https://rsa.local", "rsa.local")  # TLS ended by a proxy
    assert not plain.websocket_origin_allowed("https://evil.example", "127.0.0.1:3000")
    assert not plain.websocket_origin_allowed("null", "127.0.0.1:3000")
    assert plain.websocket_origin_allowed("https://www.haute-garonne.fr", "127.0.0.1:3000")
    assert plain.websocket_origin_allowed(None, "127.0.0.1:3000")
    # Without origins of our own, no CORS list at all: one of the partners alone would make Socket.IO
    # refuse the site's own pages (the guard compares Origin and host, as above).
    assert plain.cross_origin() == ()
    listed = origins(public_url="https://rsa.example.fr", embed_origins="https://www.haute-garonne.fr")
    assert listed.cross_origin() == ("https://rsa.example.fr", "https://www.haute-garonne.fr")
