"""The origin a page's absolute links use (``origins.for_links``), seen from a websocket event: the
``Origin`` header of the page's connection (the page's own origin, written by the browser), else its
``Host``; ``PTI_PUBLIC_URL`` overrides both, and a configured list of origins bounds them."""

from __future__ import annotations

from pti_citizen.origins import LinkOrigin
from pti_citizen.services import services


def link_origin(router) -> LinkOrigin:
    headers = router.headers
    return services().origins.for_links("http", headers.host or None, headers.origin or None)
