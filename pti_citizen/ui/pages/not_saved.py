"""« Cette page n'est pas sur votre appareil »: where the service worker sends an address it has not
saved when there is no network (issue #14), instead of the home page as if nothing had happened."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import gettext_for
from pti_citizen.ui import layout
from pti_citizen.ui.components.french import marked
from pti_citizen.ui.components.links import link


def texts(lang: str) -> dict[str, str]:
    _ = gettext_for(lang)
    return {
        "title": _("Cette page n'est pas sur votre appareil"),
        "description": _("La page demandée n'est pas gardée sur cet appareil, et il n'y a pas d'Internet."),
    }


def not_saved_page(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return layout.page(
        lang,
        routes.NOT_SAVED,
        rx.el.h1(marked(lang, texts(lang)["title"])),
        rx.el.p(
            marked(lang, _("Vous n'avez pas Internet, et cette page n'est pas gardée sur votre appareil.")),
            class_name="lead",
        ),
        rx.el.p(
            marked(
                lang,
                _(
                    "Elle s'ouvrira quand vous aurez de nouveau Internet. "
                    "Si l'adresse est mal écrite, la page n'existe peut-être pas."
                ),
            )
        ),
        rx.el.h2(marked(lang, _("Sans Internet, vous pouvez :"))),
        rx.el.ul(
            rx.el.li(link(marked(lang, _("Revenir à l'accueil")), href=routes.path(lang))),
            rx.el.li(
                link(
                    marked(
                        lang, _("Trouver une Maison des Solidarités avec votre ville ou votre code postal")
                    ),
                    href=routes.path(lang, routes.LOCATOR),
                )
            ),
        ),
    )
