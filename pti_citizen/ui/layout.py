"""The page template: skip link, header tools, one ``<main>``, footer, offline notice.

Everything here is static HTML driven by ``assets/app.js`` (display settings, read-aloud, way of use,
kiosk timer), so it works before hydration, without the server, and offline.
"""

from __future__ import annotations

import json

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES, gettext_for
from pti_citizen.settings import get_settings
from pti_citizen.ui.components.french import marked
from pti_citizen.ui.components.links import link
from pti_citizen.ui.errors import SIGNAL_ID
from pti_citizen.ui.state.kiosk import WIPE_BROWSER, KioskState

#: Seconds of inactivity before a kiosk terminal erases everything (mediator mode only).
KIOSK_IDLE_SECONDS = get_settings().kiosk_idle_seconds
KIOSK_WARNING_SECONDS = 30


def kiosk_idle_minutes() -> int:
    return max(1, round(KIOSK_IDLE_SECONDS / 60))


def client_messages(lang: str) -> dict[str, str]:
    """Texts that app.js shows; baked into each page in its language."""
    _ = gettext_for(lang)
    return {
        "noVoice": _(
            "Votre appareil n'a pas de voix pour lire cette langue. Vous pouvez installer une voix dans les réglages de votre téléphone."
        ),
        "noSpeech": _("Votre navigateur ne sait pas lire les pages à voix haute."),
        "reading": _("Lecture en cours."),
        "paused": _("Lecture en pause."),
        "stopped": _("Lecture arrêtée."),
        "pause": _("Pause"),
        "resume": _("Reprendre"),
        "modeSaved": _("C'est noté. Vous pouvez changer à tout moment."),
        "kioskWarning": _(
            "Personne n'a touché l'écran depuis un moment. Tout va s'effacer dans {s} secondes."
        ),
        "erased": _("Tout est effacé."),
        "offline": _("Vous n'êtes pas connecté à Internet. Cette page vient de la mémoire du téléphone."),
        "serverProblem": _(
            "Le serveur a un problème pour le moment. Vos réponses sont gardées sur cet appareil. Réessayez dans une minute."
        ),
        "ticked": _("Coché"),
        "unticked": _("Décoché"),
    }


def _language_menu(lang: str, here: str) -> rx.Component:
    _ = gettext_for(lang)
    items = []
    for code in LANGUAGES:
        target = routes.path(code, here)
        attrs = {"hrefLang": code, "lang": code}
        if code == lang:
            attrs["aria-current"] = "page"
        items.append(rx.el.li(link(LANGUAGES[code].name, href=target, custom_attrs=attrs)))
    return rx.el.nav(rx.el.ul(*items), aria_label=_("Choisir la langue"), class_name="lang-menu")


def _display_tools(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.div(
        rx.el.button(
            rx.el.span(class_name="icon icon-listen", aria_hidden="true"),
            marked(lang, _("Écouter")),
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
            marked(lang, _("Contraste élevé")),
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
        rx.el.span(marked(lang, _("Vous utilisez le site :")), " "),
        rx.el.strong(marked(lang, _("pour vous")), class_name="when-moi"),
        rx.el.strong(marked(lang, _("pour aider quelqu'un")), class_name="when-aidant"),
        rx.el.strong(marked(lang, _("en médiation, sur un poste partagé")), class_name="when-mediateur"),
        " · ",
        link(marked(lang, _("Changer")), href=routes.path(lang, routes.WAY_OF_USE)),
        class_name="way-of-use-status when-mode-chosen",
    )


def _kiosk_bar(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.div(
        rx.el.button(
            marked(lang, _("Terminer et tout effacer")),
            type="button",
            id="kiosk-erase",
            class_name="button button-danger",
            on_click=[KioskState.erase_everything, WIPE_BROWSER],
        ),
        rx.el.div(
            rx.el.p(id="kiosk-warning-text"),
            rx.el.button(
                marked(lang, _("Je suis encore là")), type="button", id="kiosk-stay", class_name="button"
            ),
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
                rx.el.span(marked(lang, _("Le RSA et moi")), class_name="brand-name"),
                rx.el.span(marked(lang, _("Haute-Garonne")), class_name="brand-area"),
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


def footer_links(lang: str) -> list[tuple[str, str]]:
    """Footer entries that exist as content pages (no dead link even before content lands)."""
    from pti_citizen.ui.content_source import info_page_titles

    return [(routes.path(lang, slug), title) for slug, title in info_page_titles(lang)]


def _footer(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    links = [rx.el.li(link(marked(lang, title), href=href)) for href, title in footer_links(lang)]
    return rx.el.footer(
        rx.el.nav(rx.el.ul(*links), aria_label=_("Informations sur le site")),
        # Who decides (CASF, art. L262-13 and L262-16): the Président du Conseil départemental grants
        # the RSA; the CAF or the MSA studies the claim, calculates it and pays it for the Département.
        rx.el.p(
            marked(
                lang,
                _(
                    "Ce site donne des informations et une estimation. Il ne décide pas de vos droits. "
                    "Le RSA est accordé par le Président du Conseil départemental. "
                    "La CAF (Caisse d'allocations familiales) ou la MSA (Mutualité sociale agricole) "
                    "étudie votre demande, calcule le montant et le verse pour le Département."
                ),
            )
        ),
        class_name="site-footer",
    )


def page(lang: str, here: str, *children: rx.Component, wide: bool = False) -> rx.Component:
    """Wrap a page body. ``here`` is the path after ``/<lang>/`` (for the language menu)."""
    _ = gettext_for(lang)
    return rx.fragment(
        link(marked(lang, _("Aller au contenu")), href="#contenu", class_name="skip-link"),
        _header(lang, here),
        rx.el.main(*children, id="contenu", tab_index=-1, class_name="wide" if wide else ""),
        _footer(lang),
        rx.el.div(id="live-region", role="status", class_name="visually-hidden"),
        rx.el.p(id="server-problem", role="alert", class_name="server-problem", hidden=True),
        rx.el.span(id=SIGNAL_ID, tab_index=-1, class_name="visually-hidden"),
        rx.el.script(
            json.dumps(
                {
                    "lang": lang,
                    "home": routes.path(lang),
                    "kioskIdle": KIOSK_IDLE_SECONDS,
                    "kioskWarning": KIOSK_WARNING_SECONDS,
                    "messages": client_messages(lang),
                },
                ensure_ascii=False,
            ),
            type="application/json",
            id="pti-config",
        ),
    )
