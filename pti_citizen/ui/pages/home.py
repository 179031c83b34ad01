"""Home: five big doors, and the first-visit choice of the way of use."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import gettext_for
from pti_citizen.ui import layout
from pti_citizen.ui.components.french import marked
from pti_citizen.ui.components.links import link
from pti_citizen.ui.pages.way_of_use import way_of_use_choice


@dataclass(frozen=True)
class Entry:
    key: str
    icon: str
    route: str


ENTRIES = (
    Entry("droits", "rights", routes.SECTIONS["droits"]),
    Entry("simulateur", "calculator", routes.SIMULATOR),
    Entry("mds", "place", routes.LOCATOR),
    Entry("offres", "bus", routes.OFFERS),
    Entry("demarches", "laptop", routes.SECTIONS["demarches"]),
)


def _texts(lang: str) -> dict[str, tuple[str, str]]:
    _ = gettext_for(lang)
    return {
        "droits": (
            _("Mes droits et mes devoirs"),
            _("Ce que le RSA vous donne, et ce que vous devez faire."),
        ),
        "simulateur": (
            _("Est-ce que j'ai droit au RSA ?"),
            _("Répondez à quelques questions. Vous voyez une estimation du montant."),
        ),
        "mds": (
            _("Trouver une Maison des Solidarités"),
            _("Le lieu d'accueil le plus proche, ses horaires et son téléphone."),
        ),
        "offres": (
            _("Me déplacer, me soigner"),
            _("Les aides pour les transports et la santé."),
        ),
        "demarches": (
            _("Faire mes démarches en ligne"),
            _("Les étapes, une par une, sur caf.fr et les autres sites."),
        ),
    }


def home(lang: str, available: set[str]) -> rx.Component:
    _ = gettext_for(lang)
    texts = _texts(lang)
    cards = []
    for entry in ENTRIES:
        title, sentence = texts[entry.key]
        icon = rx.el.span(class_name=f"icon icon-{entry.icon}", aria_hidden="true")
        if entry.key in available:
            cards.append(
                rx.el.li(
                    link(
                        icon,
                        rx.el.span(marked(lang, title), class_name="door-title"),
                        rx.el.span(marked(lang, sentence), class_name="door-text"),
                        href=routes.path(lang, entry.route),
                        class_name="door",
                    )
                )
            )
        else:
            cards.append(
                rx.el.li(
                    rx.el.div(
                        icon,
                        rx.el.span(marked(lang, title), class_name="door-title"),
                        rx.el.span(marked(lang, sentence), class_name="door-text"),
                        rx.el.span(
                            marked(lang, _("Bientôt disponible : cette partie est en préparation.")),
                            class_name="door-soon",
                        ),
                        class_name="door door-unavailable",
                    )
                )
            )
    return layout.page(
        lang,
        routes.HOME,
        rx.el.h1(marked(lang, _("Le RSA et moi : mode d'emploi"))),
        rx.el.p(
            marked(
                lang,
                _(
                    "Le RSA (revenu de solidarité active) aide les personnes qui ont peu ou pas d'argent. Ici, vous trouvez des réponses simples."
                ),
            ),
            class_name="lead",
        ),
        way_of_use_choice(lang, first_visit=True),
        rx.el.ul(*cards, class_name="doors", aria_label=_("Que voulez-vous faire ?")),
    )
