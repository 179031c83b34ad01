"""Home (five big doors, and the first-visit choice of the way of use) and the way-of-use page.

The three ways of use — for me, I help someone, mediator on a shared terminal — live in the browser
(``localStorage.pti_mode`` mirrored on ``<html data-mode>`` by app.js), so that wording adapts on every
page, offline, and without any server round trip.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from pti_citizen import routes
from pti_citizen.i18n import gettext_for
from pti_citizen.web.pages.french import marked
from pti_citizen.web.pages.html import Element, h
from pti_citizen.web.pages.shell import KIOSK_WARNING_SECONDS, kiosk_idle_minutes, link

MODES = ("moi", "aidant", "mediateur")


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
                minutes=kiosk_idle_minutes()
            ),
        ),
    ]


def way_of_use_choice(lang: str, first_visit: bool) -> Element:
    _ = gettext_for(lang)
    buttons = [
        h(
            "li",
            h(
                "button",
                h("span", marked(lang, label), class_="choice-title"),
                h("span", marked(lang, hint), class_="choice-text"),
                type="button",
                class_="choice",
                data_set_mode=mode,
                aria_pressed="false",
            ),
        )
        for mode, label, hint in _choices(lang)
    ]
    heading_id = "way-of-use-title-first" if first_visit else "way-of-use-title"
    return h(
        "section",
        h("h2", marked(lang, _("Comment utilisez-vous ce site ?")), id=heading_id),
        h("ul", buttons, class_="choices"),
        aria_labelledby=heading_id,
        class_="way-of-use first-visit" if first_visit else "way-of-use",
    )


def _door(lang: str, entry: Entry, title: str, sentence: str, available: bool) -> Element:
    _ = gettext_for(lang)
    icon = h("span", class_=f"icon icon-{entry.icon}", aria_hidden="true")
    if available:
        return h(
            "li",
            link(
                icon,
                h("span", marked(lang, title), class_="door-title"),
                h("span", marked(lang, sentence), class_="door-text"),
                href=routes.path(lang, entry.route),
                class_="door",
            ),
        )
    return h(
        "li",
        h(
            "div",
            icon,
            h("span", marked(lang, title), class_="door-title"),
            h("span", marked(lang, sentence), class_="door-text"),
            h(
                "span",
                marked(lang, _("Bientôt disponible : cette partie est en préparation.")),
                class_="door-soon",
            ),
            class_="door door-unavailable",
        ),
    )


def home_main(lang: str, available: Collection[str]) -> list[Element]:
    """``available``: the features that exist (a door without its feature says « bientôt »)."""
    _ = gettext_for(lang)
    texts = _texts(lang)
    doors = [_door(lang, entry, *texts[entry.key], entry.key in available) for entry in ENTRIES]
    return [
        h("h1", marked(lang, _("Le RSA et moi : mode d'emploi"))),
        h(
            "p",
            marked(
                lang,
                _(
                    "Le RSA (revenu de solidarité active) aide les personnes qui ont peu ou pas d'argent. Ici, vous trouvez des réponses simples."
                ),
            ),
            class_="lead",
        ),
        way_of_use_choice(lang, first_visit=True),
        h("ul", doors, class_="doors", aria_label=_("Que voulez-vous faire ?")),
    ]


def way_of_use_main(lang: str) -> list[Element]:
    _ = gettext_for(lang)
    return [
        h("h1", marked(lang, _("Pour qui utilisez-vous ce site ?"))),
        h("p", marked(lang, _("Vous pouvez changer à tout moment. Ce choix reste sur cet appareil."))),
        way_of_use_choice(lang, first_visit=False),
        h(
            "section",
            h("h2", marked(lang, _("Sur un poste partagé"))),
            h(
                "ul",
                h("li", marked(lang, _("Les réponses ne sont pas gardées."))),
                h(
                    "li",
                    marked(
                        lang,
                        _(
                            "Après {minutes} min sans activité, tout s'efface. Un message prévient {seconds} secondes avant."
                        ).format(minutes=kiosk_idle_minutes(), seconds=KIOSK_WARNING_SECONDS),
                    ),
                ),
                h("li", marked(lang, _("Le bouton « Terminer et tout effacer » efface tout de suite."))),
                h("li", marked(lang, _("Le résultat se donne sur papier ou avec un code QR."))),
            ),
            class_="when-mediateur",
        ),
    ]
