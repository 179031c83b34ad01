"""The page template of the Reflex pages (simulator, locator, team space): the skip link, header tools
and footer come from the server-rendered pages' template (``web/pages/shell.py``), so both kinds of page
look and behave the same; here is only what React needs on top (the kiosk erase asks the server to
forget the session first) and the server-problem signal.

Everything in the header is static HTML driven by ``assets/app.js`` (display settings, read-aloud, way
of use, kiosk timer), so it works before hydration, without the server, and offline.
"""

from __future__ import annotations

import reflex as rx

from pti_citizen.ui.components.markup import to_component
from pti_citizen.ui.errors import SIGNAL_ID
from pti_citizen.ui.state.kiosk import WIPE_BROWSER, KioskState
from pti_citizen.web.pages import shell
from pti_citizen.web.pages.shell import (
    KIOSK_IDLE_SECONDS,
    KIOSK_WARNING_SECONDS,
    client_config,
    client_messages,
    kiosk_idle_minutes,
    script_json,
)

# Shared with the server-rendered pages' template: the texts app.js shows, the kiosk timer's settings.
__all__ = ["KIOSK_IDLE_SECONDS", "KIOSK_WARNING_SECONDS", "client_messages", "kiosk_idle_minutes", "page"]

#: « Terminer et tout effacer »: the server forgets this session's answers, then the browser its copies.
_KIOSK_ERASE = {"kiosk-erase": {"on_click": [KioskState.erase_everything, WIPE_BROWSER]}}


def page(lang: str, here: str, *children: rx.Component, wide: bool = False) -> rx.Component:
    """Wrap a page body. ``here`` is the path after ``/<lang>/`` (for the language menu)."""
    return rx.fragment(
        to_component(shell.skip_link(lang)),
        to_component(shell.header(lang, here), _KIOSK_ERASE),
        rx.el.main(*children, id="contenu", tab_index=-1, class_name="wide" if wide else ""),
        to_component(shell.footer(lang)),
        rx.el.div(id="live-region", role="status", class_name="visually-hidden"),
        rx.el.p(id="server-problem", role="alert", class_name="server-problem", hidden=True),
        rx.el.span(id=SIGNAL_ID, tab_index=-1, class_name="visually-hidden"),
        rx.el.script(
            script_json(client_config(lang, hydrates=True)), type="application/json", id="pti-config"
        ),
    )
