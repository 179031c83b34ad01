"""Where the site is reached from, and what goes into an absolute link.

Links that leave the screen — the QR code, the printed or shared result link, the sitemap, the
``hreflang`` alternates — must open on the visitor's phone. They are built from the origin the
browser used (behind a trusted reverse proxy: the forwarded host and scheme), so a first install
without ``PTI_PUBLIC_URL`` still prints a link that works; ``PTI_PUBLIC_URL`` overrides it.

The ``Host`` header is the client's to write. So:

- once public origins are configured (``PTI_PUBLIC_URL``, ``PTI_ALLOWED_ORIGINS``), a request for any
  other host is refused (``web/guards.py``), and a link uses a configured origin only;
- without them, a link built from the request's host is **never** put into a response a shared
  cache may keep (:attr:`LinkOrigin.shareable` is false: ``Cache-Control: private``), so a forged
  ``Host`` can only mislead the one who forged it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pti_citizen.settings import Settings, parse_origin

_HOST_HEADER = re.compile(r"^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?$")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


@dataclass(frozen=True)
class LinkOrigin:
    """``origin`` for absolute links; ``shareable`` when it is a configured one (a shared cache may
    keep a response that contains it), false when it came from the request."""

    origin: str
    shareable: bool


def host_of(origin: str) -> str:
    """``https://rsa.example.fr`` → ``rsa.example.fr``; ``http://127.0.0.1:3000`` → ``127.0.0.1:3000``."""
    return origin.split("://", 1)[1]


def normal_host(host: str, scheme: str = "http") -> str | None:
    """A ``Host`` header as compared: lower case, without its scheme's default port; ``None`` when it
    is not a host name, an IP address or ``[IPv6]``, with an optional port."""
    host = host.strip().lower()
    if not _HOST_HEADER.match(host):
        return None
    if host.startswith("["):
        name, _, port = host.partition("]")
        name, port = name + "]", port.removeprefix(":")
    else:
        name, _, port = host.partition(":")
    if port == _DEFAULT_PORTS.get(scheme) or not port:
        return name
    return f"{name}:{port}"


@dataclass(frozen=True)
class Origins:
    #: ``PTI_PUBLIC_URL``: when set, every absolute link uses it.
    public_url: str | None
    #: Every origin the site answers on (``PTI_PUBLIC_URL`` first); empty when none is configured.
    allowed: tuple[str, ...]
    #: Origins of the Département's sites that may embed the pages or call the API (CORS).
    embed: tuple[str, ...]
    #: The origin written into prerendered pages at build time (replaced when serving them).
    placeholder: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Origins:
        return cls(
            public_url=settings.public_url,
            allowed=settings.public_origins,
            embed=settings.embed_origins,
            placeholder=settings.public_origin,
        )

    @property
    def restricted(self) -> bool:
        return bool(self.allowed)

    def host_allowed(self, host: str | None, scheme: str = "http") -> bool:
        """Whether a request for ``host`` is answered: a well-formed host, one of ours if configured."""
        found = normal_host(host or "", scheme)
        if found is None:
            return False
        if not self.restricted:
            return True
        return any(found == host_of(origin) for origin in self.allowed)

    def _from_request(self, scheme: str, host: str | None) -> str | None:
        scheme = {"ws": "http", "wss": "https"}.get(scheme, scheme)
        return parse_origin(f"{scheme}://{host}") if host and normal_host(host) else None

    def for_links(self, scheme: str, host: str | None, page_origin: str | None = None) -> LinkOrigin:
        """The origin of absolute links for a request (``scheme``, ``host`` after the trusted proxy)
        or for a page's websocket (``page_origin``: its ``Origin`` header, the page's own origin)."""
        if self.public_url:
            return LinkOrigin(self.public_url, True)
        seen = parse_origin(page_origin) if page_origin else None
        seen = seen or self._from_request(scheme, host)
        if self.restricted:
            return LinkOrigin(seen if seen in self.allowed else self.allowed[0], True)
        return LinkOrigin(seen or self.placeholder, False)

    def cross_origin(self) -> tuple[str, ...]:
        """Origins whose pages may call the API from a browser (CORS): ours and the embedding sites —
        none when ours are not configured: Socket.IO checks the websocket's ``Origin`` against this
        list, and a list of the partners alone would refuse the site's own pages (the guard then
        compares the ``Origin`` with the host; the embeds are frames, they need no CORS)."""
        if not self.allowed:
            return ()
        return tuple(dict.fromkeys(self.allowed + self.embed))

    def websocket_origin_allowed(self, origin: str | None, host: str | None, scheme: str = "http") -> bool:
        """A page of another site must not open our websocket (cross-site websocket hijacking):
        its ``Origin`` must be one of ours (or an embedding site's), or — with no origin configured —
        the host it connects to. No ``Origin`` at all is not a browser: allowed."""
        if origin is None:
            return True
        seen = parse_origin(origin)
        if seen is None:
            return False
        if seen in self.embed or seen in self.allowed:
            return True
        if self.restricted:
            return False
        asked = normal_host(host or "", scheme)
        return asked is not None and normal_host(host_of(seen), seen.split("://", 1)[0]) == asked
