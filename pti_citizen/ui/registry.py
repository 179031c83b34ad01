"""Where Reflex pages get registered: one call per page and language, so that the service worker's
offline list, the alternate-language links and the home page's « available » doors all stay in step.
The server-rendered pages (``web/pages``) add their paths and features here too (``pti_citizen.py``)."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES, gettext_for
from pti_citizen.settings import get_settings
from pti_citizen.ui import page_open

#: Every localized page path, saved by the service worker for offline reading.
OFFLINE_PAGES: list[str] = []
#: Paths a feature registered but that need the server (still listed offline: the shell explains).
FEATURES: set[str] = set()


def _alternates(here: str) -> list[rx.Component]:
    origin = get_settings().public_origin
    links = [
        rx.el.link(
            rel="alternate", href=f"{origin}{routes.path(code, here)}", custom_attrs={"hrefLang": code}
        )
        for code in LANGUAGES
    ]
    links.append(
        rx.el.link(
            rel="alternate", href=f"{origin}{routes.path('fr', here)}", custom_attrs={"hrefLang": "x-default"}
        )
    )
    return links


def add_localized_page(
    app: rx.App,
    lang: str,
    here: str,
    component: rx.Component | Callable[[], rx.Component],
    title: str,
    description: str,
    *,
    offline: bool = True,
    on_load=None,
) -> None:
    """Register ``/<lang>/<here>``; ``component`` is built once, at build time, in that language.
    ``on_load`` (a state's event handler) runs in the very event that opens the page
    (``page_open.py``), not in Reflex's chain of four."""
    _ = gettext_for(lang)
    if offline:
        OFFLINE_PAGES.append(routes.path(lang, here))
    if on_load is not None:
        page_open.register(routes.path(lang, here), on_load)
    app.add_page(
        component if callable(component) else (lambda: component),
        route=routes.path(lang, here),
        title=f"{title} · {_('Le RSA et moi')}",
        description=description,
        meta=_alternates(here),
    )


def mark_available(feature: str) -> None:
    FEATURES.add(feature)
