"""« Cette page n'est pas sur votre appareil »: where the service worker sends an address it has not
saved when there is no network (issue #14, item 8), instead of the home page as if nothing had happened.
Saved for offline like every page here; no search engine lists it (``PageInfo(indexed=False)``)."""

from __future__ import annotations

from pti_citizen import routes
from pti_citizen.i18n import gettext_for
from pti_citizen.web.pages.french import marked
from pti_citizen.web.pages.html import Element, h
from pti_citizen.web.pages.shell import link


def texts(lang: str) -> dict[str, str]:
    _ = gettext_for(lang)
    return {
        "title": _("Cette page n'est pas sur votre appareil"),
        "description": _("La page demandée n'est pas gardée sur cet appareil, et il n'y a pas d'Internet."),
    }


def not_saved_main(lang: str) -> list[Element]:
    _ = gettext_for(lang)
    return [
        h("h1", marked(lang, texts(lang)["title"])),
        h(
            "p",
            marked(lang, _("Vous n'avez pas Internet, et cette page n'est pas gardée sur votre appareil.")),
            class_="lead",
        ),
        h(
            "p",
            marked(
                lang,
                _(
                    "Elle s'ouvrira quand vous aurez de nouveau Internet. "
                    "Si l'adresse est mal écrite, la page n'existe peut-être pas."
                ),
            ),
        ),
        h("h2", marked(lang, _("Sans Internet, vous pouvez :"))),
        h(
            "ul",
            h("li", link(marked(lang, _("Revenir à l'accueil")), href=routes.path(lang))),
            h(
                "li",
                link(
                    marked(
                        lang, _("Trouver une Maison des Solidarités avec votre ville ou votre code postal")
                    ),
                    href=routes.path(lang, routes.LOCATOR),
                ),
            ),
        ),
    ]
