"""The page template: skip link, header tools, one ``<main>``, footer, offline notice.

Everything here is static HTML driven by ``assets/app.js`` (display settings, read-aloud, way of use,
kiosk timer), so it works before hydration, without the server, and offline.
"""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGE_NAMES, LANGUAGES, gettext_for
from pti_citizen.ui.components.links import link
from pti_citizen.ui.errors import SIGNAL_ID
from pti_citizen.ui.state.kiosk import WIPE_BROWSER, KioskState
from pti_citizen.web.pages.shell import (
    KIOSK_IDLE_SECONDS,
    KIOSK_WARNING_SECONDS,
    client_config,
    client_messages,
    footer_links,
    kiosk_idle_minutes,
    script_json,
)

# Shared with the server-rendered pages' template: the texts app.js shows, the kiosk timer's settings.
__all__ = ["KIOSK_IDLE_SECONDS", "KIOSK_WARNING_SECONDS", "client_messages", "kiosk_idle_minutes", "page"]


def _language_menu(lang: str, here: str) -> rx.Component:
    _ = gettext_for(lang)
    items = []
    for code in LANGUAGES:
        target = routes.path(code, here)
        attrs = {"hrefLang": code, "lang": code}
        if code == lang:
            attrs["aria-current"] = "page"
        items.append(rx.el.li(link(LANGUAGE_NAMES[code], href=target, custom_attrs=attrs)))
    return rx.el.nav(rx.el.ul(*items), aria_label=_("Choisir la langue"), class_name="lang-menu")


def _display_tools(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.div(
        rx.el.button(
            rx.el.span(class_name="icon icon-listen", aria_hidden="true"),
            _("Écouter"),
            type="button",
            id="listen-toggle",
            custom_attrs={"aria-expanded": "false", "aria-controls": "listen-bar"},
        ),
        # The visible « A− » stays the start of the accessible name (WCAG 2.5.3, label in name).
        rx.el.button(
            "A−",
            rx.el.span(" ", _("Texte plus petit"), class_name="visually-hidden"),
            type="button",
            id="text-smaller",
        ),
        rx.el.button(
            "A+",
            rx.el.span(" ", _("Texte plus grand"), class_name="visually-hidden"),
            type="button",
            id="text-bigger",
        ),
        rx.el.button(
            _("Contraste élevé"),
            type="button",
            id="contrast-toggle",
            custom_attrs={"aria-pressed": "false"},
        ),
        role="group",
        aria_label=_("Lecture et affichage"),
        class_name="display-tools",
    )


def _listen_bar(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.div(
        rx.el.button(_("Pause"), type="button", id="listen-pause"),
        rx.el.button(_("Arrêter"), type="button", id="listen-stop"),
        rx.el.label(
            _("Vitesse"),
            rx.el.select(
                rx.el.option(_("Lente"), value="0.75"),
                rx.el.option(_("Normale"), value="1", selected=True),
                rx.el.option(_("Rapide"), value="1.25"),
                id="listen-rate",
            ),
        ),
        rx.el.p(id="listen-status", role="status", class_name="listen-status"),
        id="listen-bar",
        class_name="listen-bar",
        hidden=True,
    )


def _way_of_use_status(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.p(
        rx.el.span(_("Vous utilisez le site :"), " "),
        rx.el.strong(_("pour vous"), class_name="when-moi"),
        rx.el.strong(_("pour aider quelqu'un"), class_name="when-aidant"),
        rx.el.strong(_("en médiation, sur un poste partagé"), class_name="when-mediateur"),
        " · ",
        link(_("Changer"), href=routes.path(lang, routes.WAY_OF_USE)),
        class_name="way-of-use-status when-mode-chosen",
    )


def _kiosk_bar(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.div(
        rx.el.button(
            _("Terminer et tout effacer"),
            type="button",
            id="kiosk-erase",
            class_name="button button-danger",
            on_click=[KioskState.erase_everything, WIPE_BROWSER],
        ),
        rx.el.div(
            rx.el.p(id="kiosk-warning-text"),
            rx.el.button(_("Je suis encore là"), type="button", id="kiosk-stay", class_name="button"),
            id="kiosk-warning",
            role="alertdialog",
            aria_label=_("Effacement automatique"),
            custom_attrs={"aria-describedby": "kiosk-warning-text"},
            hidden=True,
            class_name="kiosk-warning",
        ),
        class_name="kiosk-bar when-mediateur",
    )


def _header(lang: str, here: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.header(
        rx.el.div(
            link(
                rx.el.span(class_name="icon icon-logo", aria_hidden="true"),
                rx.el.span(_("Le RSA et moi"), class_name="brand-name"),
                rx.el.span(_("Haute-Garonne"), class_name="brand-area"),
                href=routes.path(lang),
                class_name="brand",
            ),
            _language_menu(lang, here),
            class_name="header-top",
        ),
        _display_tools(lang),
        _listen_bar(lang),
        _way_of_use_status(lang),
        _kiosk_bar(lang),
        class_name="site-header",
    )


def _footer(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    links = [rx.el.li(link(title, href=href)) for href, title in footer_links(lang)]
    return rx.el.footer(
        rx.el.nav(rx.el.ul(*links), aria_label=_("Informations sur le site")),
        rx.el.p(
            _(
                "Ce site donne des informations et une estimation. Seule la CAF (Caisse d'allocations familiales) ou la MSA (Mutualité sociale agricole) décide de vos droits."
            )
        ),
        class_name="site-footer",
    )


def page(lang: str, here: str, *children: rx.Component, wide: bool = False) -> rx.Component:
    """Wrap a page body. ``here`` is the path after ``/<lang>/`` (for the language menu)."""
    _ = gettext_for(lang)
    return rx.fragment(
        link(_("Aller au contenu"), href="#contenu", class_name="skip-link"),
        _header(lang, here),
        rx.el.main(*children, id="contenu", tab_index=-1, class_name="wide" if wide else ""),
        _footer(lang),
        rx.el.div(id="live-region", role="status", class_name="visually-hidden"),
        rx.el.p(id="server-problem", role="alert", class_name="server-problem", hidden=True),
        rx.el.span(id=SIGNAL_ID, tab_index=-1, class_name="visually-hidden"),
        rx.el.script(
            script_json(client_config(lang, hydrates=True)), type="application/json", id="pti-config"
        ),
    )
