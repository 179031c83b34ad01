"""Who is asking, as far as limits are concerned: a client address, reduced to what one household or
one MDS controls. IPv4 addresses are taken whole; an IPv6 address is reduced to its /64 network (one
connection is given a whole /64, and can pick any address in it); an IPv4-mapped IPv6 address is
its IPv4 address. Anything unreadable becomes one shared bucket, ``"unknown"``.

Nothing here is stored or logged: limits key their counters by a keyed hash of this value
(``pti_citizen.counters``).
"""

from __future__ import annotations

import ipaddress

UNKNOWN = "unknown"


def client_network(address: str | None) -> str:
    """``2a01:e0a:1:2:3:4:5:6`` → ``2a01:e0a:1:2::/64``; ``::ffff:192.0.2.7`` → ``192.0.2.7``."""
    if not address:
        return UNKNOWN
    text = address.strip().removeprefix("[").removesuffix("]").split("%", 1)[0]
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return UNKNOWN
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)
