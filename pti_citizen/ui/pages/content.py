"""Pages made from the reviewed content files: rights and duties, step-by-step guides, site information,
and the glossary « Les mots du RSA ». The text comes from ``pti_citizen.content``; this module only lays
it out (breadcrumb, checklist, sources, date checked, review status)."""

from __future__ import annotations

from functools import partial

import reflex as rx

from pti_citizen import routes
from pti_citizen.content import Page, load_site
from pti_citizen.i18n import LANGUAGES, format_date, gettext_for
from pti_citizen.ui import layout, registry
from pti_citizen.ui.components.links import link
from pti_citizen.ui.feedback import feedback_widget

GLOSSARY_SLUG = "mots-du-rsa"


def section_titles(lang: str) -> dict[str, tuple[str, str]]:
    _ = gettext_for(lang)
    return {
        "droits": (
            _("Mes droits et mes devoirs"),
            _("Le RSA vous donne des droits. Il vous demande aussi des choses. Voici lesquelles."),
        ),
        "demarches": (
            _("Faire mes démarches en ligne"),
            _(
                "Chaque guide explique une démarche, étape par étape. Préparez vos papiers avant de commencer."
            ),
        ),
    }


def review_label(lang: str, status: str) -> str:
    _ = gettext_for(lang)
    return {
        "draft": _("Brouillon : ce texte n'a pas encore été relu avec des allocataires."),
        "relu par l'équipe": _("Ce texte a été relu par l'équipe."),
        "validé avec des allocataires": _("Ce texte a été vérifié avec des allocataires du RSA."),
    }.get(status, status)


def _breadcrumb(lang: str, page: Page | None, section: str | None) -> rx.Component:
    _ = gettext_for(lang)
    items = [rx.el.li(link(_("Accueil"), href=routes.path(lang)))]
    if section in ("droits", "demarches"):
        title = section_titles(lang)[section][0]
        if page is None:
            items.append(rx.el.li(title, custom_attrs={"aria-current": "page"}))
        else:
            items.append(rx.el.li(link(title, href=routes.section_index(lang, section))))
    if page is not None:
        items.append(rx.el.li(page.title, custom_attrs={"aria-current": "page"}))
    return rx.el.nav(
        rx.el.ol(*items), aria_label=_("Vous êtes ici"), class_name="breadcrumb no-print no-read"
    )


def _helper_note(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    return rx.el.p(
        _("Vous aidez quelqu'un ? Sur cette page, « vous » veut dire la personne que vous aidez."),
        class_name="note when-aidant",
    )


def _sources(lang: str, page: Page) -> rx.Component:
    _ = gettext_for(lang)
    items = []
    for source in page.sources:
        if source.url:
            items.append(rx.el.li(link(source.title, href=source.url, rel="noopener")))
        else:
            items.append(rx.el.li(source.ref or source.title))
    return rx.el.aside(
        rx.el.h2(_("D'où viennent ces informations ?"), id="sources"),
        rx.el.ul(*items),
        rx.el.p(_("Informations vérifiées le {date}.").format(date=format_date(page.checked_on, lang))),
        rx.el.p(review_label(lang, page.review_status)),
        class_name="sources",
        custom_attrs={"aria-labelledby": "sources"},
    )


def _checklist(lang: str, page: Page) -> rx.Component:
    _ = gettext_for(lang)
    boxes = [
        rx.el.li(
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    id=f"check-{item.id}",
                    custom_attrs={"data-checklist": f"{page.slug}:{item.id}"},
                ),
                rx.el.span(item.label),
            )
        )
        for item in page.checklist
    ]
    return rx.el.div(
        rx.el.fieldset(
            rx.el.legend(_("Les papiers à préparer. Cochez ce que vous avez :")),
            rx.el.ul(*boxes, class_name="checklist"),
        ),
        rx.el.p(_("Vos coches restent seulement sur cet appareil."), class_name="hint no-print"),
        rx.el.button(
            _("Imprimer la liste"),
            type="button",
            class_name="button button-secondary no-print",
            custom_attrs={"data-print": "checklist"},
        ),
        class_name="checklist-block",
    )


def _body(lang: str, page: Page) -> list[rx.Component]:
    if page.kind != "guide" or not page.checklist:
        return [rx.html(page.html, class_name="prose")]
    # The checklist belongs at the end of the guide's first section (« Avant de commencer »).
    cut = page.html.find("<h2", page.html.find("<h2") + 1)
    first, rest = (page.html, "") if cut < 0 else (page.html[:cut], page.html[cut:])
    return [
        rx.html(first, class_name="prose"),
        _checklist(lang, page),
        rx.html(rest, class_name="prose"),
    ]


def content_page(lang: str, page: Page) -> rx.Component:
    site = load_site()
    extra: list[rx.Component] = []
    if page.slug == GLOSSARY_SLUG:
        extra.append(
            rx.el.dl(
                *[
                    part
                    for entry in site.glossary(lang)
                    for part in (
                        rx.el.dt(entry.term, id=entry.id),
                        rx.el.dd(entry.definition),
                    )
                ],
                class_name="glossary",
            )
        )
    here = page.url.split("/", 2)[2] if page.url.count("/") >= 2 else page.slug
    return layout.page(
        lang,
        here,
        _breadcrumb(lang, page, page.section),
        rx.el.h1(page.title),
        rx.el.p(page.summary, class_name="lead"),
        _helper_note(lang),
        *_body(lang, page),
        *extra,
        _sources(lang, page),
        feedback_widget(lang, here),
    )


def section_index(lang: str, section: str) -> rx.Component:
    title, intro = section_titles(lang)[section]
    cards = [
        rx.el.li(
            link(
                rx.el.span(page.title, class_name="door-title"),
                rx.el.span(page.summary, class_name="door-text"),
                href=page.url,
                class_name="door door-plain",
            )
        )
        for page in load_site().pages(lang, section=section)
    ]
    return layout.page(
        lang,
        routes.SECTIONS[section],
        _breadcrumb(lang, None, section),
        rx.el.h1(title),
        rx.el.p(intro, class_name="lead"),
        _helper_note(lang),
        rx.el.ul(*cards, class_name="doors doors-list"),
    )


def register(app: rx.App) -> None:
    site = load_site()
    for lang in LANGUAGES:
        for section in ("droits", "demarches"):
            title, intro = section_titles(lang)[section]
            registry.add_localized_page(
                app, lang, routes.SECTIONS[section], partial(section_index, lang, section), title, intro
            )
        for page in site.pages(lang):
            here = page.url[len(f"/{lang}/") :]
            registry.add_localized_page(
                app, lang, here, partial(content_page, lang, page), page.title, page.summary
            )
    registry.mark_available("droits")
    registry.mark_available("demarches")
