"""The one 404 page, in the language of the URL (French when the URL has none we know)."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES, gettext_for
from pti_citizen.ui.components.links import link
from pti_citizen.ui.document import path_language


def _messages() -> dict[str, dict[str, str]]:
    texts = {}
    for lang in LANGUAGES:
        _ = gettext_for(lang)
        texts[lang] = {
            "skip": _("Aller au contenu"),
            "title": _("Cette page n'existe pas"),
            "body": _("L'adresse est peut-être mal écrite, ou la page a changé de place."),
            "home": _("Revenir à l'accueil"),
            "langs": _("Choisir la langue"),
        }
    return texts


def not_found() -> rx.Component:
    messages = rx.Var.create(_messages())[path_language]
    home = rx.Var.create({lang: routes.path(lang) for lang in LANGUAGES})[path_language]
    return rx.fragment(
        link(messages["skip"], href="#contenu", class_name="skip-link"),
        rx.el.main(
            rx.el.h1(messages["title"]),
            rx.el.p(messages["body"]),
            rx.el.p(link(messages["home"], href=home, class_name="button")),
            rx.el.nav(
                rx.el.ul(
                    *[
                        rx.el.li(
                            link(
                                LANGUAGES[lang].name,
                                href=routes.path(lang),
                                custom_attrs={"hrefLang": lang, "lang": lang},
                            )
                        )
                        for lang in LANGUAGES
                    ]
                ),
                aria_label=messages["langs"],
                class_name="lang-menu",
            ),
            id="contenu",
            tab_index=-1,
        ),
    )
