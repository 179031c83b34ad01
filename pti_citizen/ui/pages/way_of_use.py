"""The three ways of use: for me, I help someone, mediator/kiosk on a shared terminal.

The choice lives in the browser (``localStorage.pti_mode`` mirrored on ``<html data-mode>``), so that
wording adapts in the prerendered pages, offline, and without any server round trip.
"""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import gettext_for
from pti_citizen.ui import layout
from pti_citizen.ui.components.french import marked

MODES = ("moi", "aidant", "mediateur")


def _choices(lang: str) -> list[tuple[str, str, str]]:
    _ = gettext_for(lang)
    return [
        ("moi", _("Pour moi"), _("Je cherche des informations pour moi.")),
        (
            "aidant",
            _("J'aide quelqu'un"),
            _("J'aide un proche. Les textes parlent de « la personne que vous aidez »."),
        ),
        (
            "mediateur",
            _("Je suis médiateur ou sur une borne en MDS"),
            _("Poste partagé : rien n'est gardé. Tout s'efface après {minutes} min sans activité.").format(
                minutes=layout.kiosk_idle_minutes()
            ),
        ),
    ]


def way_of_use_choice(lang: str, first_visit: bool) -> rx.Component:
    _ = gettext_for(lang)
    buttons = [
        rx.el.li(
            rx.el.button(
                rx.el.span(marked(lang, label), class_name="choice-title"),
                rx.el.span(marked(lang, hint), class_name="choice-text"),
                type="button",
                class_name="choice",
                custom_attrs={"data-set-mode": mode, "aria-pressed": "false"},
            )
        )
        for mode, label, hint in _choices(lang)
    ]
    heading_id = "way-of-use-title-first" if first_visit else "way-of-use-title"
    return rx.el.section(
        rx.el.h2(marked(lang, _("Comment utilisez-vous ce site ?")), id=heading_id),
        rx.el.ul(*buttons, class_name="choices"),
        custom_attrs={"aria-labelledby": heading_id},
        class_name="way-of-use first-visit" if first_visit else "way-of-use",
    )


def way_of_use_page(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return layout.page(
        lang,
        routes.WAY_OF_USE,
        rx.el.h1(marked(lang, _("Pour qui utilisez-vous ce site ?"))),
        rx.el.p(marked(lang, _("Vous pouvez changer à tout moment. Ce choix reste sur cet appareil."))),
        way_of_use_choice(lang, first_visit=False),
        rx.el.section(
            rx.el.h2(marked(lang, _("Sur un poste partagé"))),
            rx.el.ul(
                rx.el.li(marked(lang, _("Les réponses ne sont pas gardées."))),
                rx.el.li(
                    marked(
                        lang,
                        _(
                            "Après {minutes} min sans activité, tout s'efface. Un message prévient {seconds} secondes avant."
                        ).format(minutes=layout.kiosk_idle_minutes(), seconds=layout.KIOSK_WARNING_SECONDS),
                    )
                ),
                rx.el.li(marked(lang, _("Le bouton « Terminer et tout effacer » efface tout de suite."))),
                rx.el.li(marked(lang, _("Le résultat se donne sur papier ou avec un code QR."))),
            ),
            class_name="when-mediateur",
        ),
    )
