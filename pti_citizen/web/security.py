"""Security headers for every response, and a Content-Security-Policy that lets only our own code run.

Reflex's prerendered pages carry inline scripts (the colour-theme script, our display-preferences
script, react-router's hydration data and stream scripts, the route's module imports). They are
static: written at build time, identical for every visitor. Instead of ``'unsafe-inline'`` each
HTML response gets the SHA-256 hashes of exactly the inline scripts it contains (computed once per
page body and cached), so an injected script — or any script added after the build — cannot run.

What the policy allows, and why:

- ``script-src 'self'`` + hashes: our bundles, ``/app.js``, ``/locator.js``, and the build's inline
  scripts. No ``'unsafe-eval'``: events sent by the server must not carry code (Reflex's
  ``rx.call_script`` and ``rx.call_function`` *returned by an event handler* are evaluated with
  ``eval``; chain them on the client instead, where Reflex compiles them to real functions — but
  not with a ``callback``: Reflex passes callbacks as strings, run with ``eval`` too).
- ``style-src 'self'``: only our stylesheets. The pages set no inline style: components take
  classes from ``assets/*.css``, and Reflex's toast library (sonner, which injects a ``<style>``
  element) is switched off (``rx.App(toaster=None)``). A feature that needs ``style=`` props
  (Emotion then adds ``<style>`` elements at run time, which no hash can cover) would need
  ``'unsafe-inline'`` here; the browser tests fail on any violation, so that cannot happen silently.
- ``connect-src 'self'``: the websocket and the JSON API are on our own origin.
- ``img-src 'self'``: our icons. If the locator adds an opt-in map of OpenStreetMap tiles, its tile
  host goes in :data:`EXTRA_SOURCES` (``{"img-src": ["https://tile.openstreetmap.org"]}``): the
  policy then allows it, and the map code must still load nothing until the person asks for it.
- ``frame-ancestors 'none'`` (and ``X-Frame-Options: DENY`` for older browsers) on every page but
  the embeds for partners (``/<lang>/integrer/…``, :func:`embeddable`): those may be framed by our
  own origin (the snippet page ``/<lang>/integrer`` shows them live) and by the origins listed in
  ``PTI_EMBED_ORIGINS`` — no one else.
- ``base-uri 'none'``, ``object-src 'none'``, ``form-action 'self'``.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import threading
import zlib
from collections.abc import Sequence

from pti_citizen import routes

#: Extra sources a feature needs, e.g. ``{"img-src": ["https://tile.openstreetmap.org"]}`` — only for
#: something a person explicitly opts into; empty by default (no third-party request at all).
EXTRA_SOURCES: dict[str, list[str]] = {}

BASE_DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()"
)

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
    (b"cross-origin-opener-policy", b"same-origin"),
]

#: Never indexed: the team's space and its export.
NOINDEX_PREFIXES = ("/equipe", "/api/v1/feedback")
NOINDEX_HEADER = (b"x-robots-tag", b"noindex, nofollow")
NO_FRAMING_HEADER = (b"x-frame-options", b"DENY")

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(rb"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(rb"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE_TYPES = {b"", b"module", b"text/javascript", b"application/javascript"}


def embeddable(path: str) -> bool:
    """A page made to be shown in a partner's ``<iframe>``: ``/fr/integrer/trouver-une-mds``…"""
    parts = path.strip("/").split("/")
    return len(parts) >= 3 and parts[1] == routes.EMBED and parts[0] in routes.LANGUAGES


def frame_ancestors(path: str, embed_origins: Sequence[str] = ()) -> tuple[str, ...]:
    """Who may frame ``path``: nobody, except for the embeds (our origin and the listed partners)."""
    if embeddable(path):
        return ("'self'", *embed_origins)
    return ("'none'",)


def policy(script_hashes: list[str] | tuple[str, ...] = (), ancestors: Sequence[str] = ("'none'",)) -> str:
    directives = {name: list(values) for name, values in BASE_DIRECTIVES.items()}
    for name, values in EXTRA_SOURCES.items():
        directives.setdefault(name, ["'self'"]).extend(values)
    directives["script-src"].extend(f"'sha256-{h}'" for h in script_hashes)
    directives["frame-ancestors"] = list(ancestors)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def inline_script_hashes(html: bytes) -> list[str]:
    """Base64 SHA-256 of every inline script the browser would run, in page order, without repeats."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue  # data blocks (application/json) are never run
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def _decoded(body: bytes, encoding: str) -> bytes | None:
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        try:
            return gzip.decompress(body)
        except (OSError, EOFError, zlib.error):
            return None
    if encoding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:
            return None
    return None


_cache: dict[bytes, str] = {}
_cache_lock = threading.Lock()
_CACHE_MAX = 2048


def html_policy(body: bytes, encoding: str = "", ancestors: Sequence[str] = ("'none'",)) -> str:
    """The policy for one HTML response (cached by body digest: pages are static files)."""
    key = hashlib.sha256(" ".join((encoding, *ancestors)).encode() + b"\0" + body).digest()
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    html = _decoded(body, encoding.strip().lower())
    value = policy(inline_script_hashes(html) if html is not None else (), ancestors)
    with _cache_lock:
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = value
    return value


def extra_headers(path: str) -> list[tuple[bytes, bytes]]:
    """Headers every response to ``path`` gets (the CSP is added separately, per content type)."""
    headers = list(SECURITY_HEADERS)
    if path.startswith(NOINDEX_PREFIXES):
        headers.append(NOINDEX_HEADER)
    if not embeddable(path):
        headers.append(NO_FRAMING_HEADER)
    return headers
