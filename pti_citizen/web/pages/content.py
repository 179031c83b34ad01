"""Pages made from the reviewed content files: rights and duties, step-by-step guides, site information,
and the glossary « Les mots du RSA ». The text comes from ``pti_citizen.content`` (already safe HTML);
this module only lays it out (breadcrumb, checklist, sources, date checked, review status)."""

from __future__ import annotations

from pti_citizen import routes
from pti_citizen.content import Page, load_site
from pti_citizen.i18n import format_date, gettext_for, text_direction
from pti_citizen.web.pages.feedback import feedback_widget
from pti_citizen.web.pages.french import marked
from pti_citizen.web.pages.html import Child, Element, Trusted, h
from pti_citizen.web.pages.shell import link

GLOSSARY_SLUG = "mots-du-rsa"
#: Sections that have an index page listing their pages (``info`` pages are listed in the footer).
INDEXED_SECTIONS = ("droits", "demarches")


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


def here_of(page: Page) -> str:
    """The page's path after ``/<lang>/`` (``droits/montant-du-rsa``)."""
    return page.url[len(f"/{page.lang}/") :]


def _breadcrumb(lang: str, page: Page | None, section: str | None) -> Element:
    _ = gettext_for(lang)
    items = [h("li", link(marked(lang, _("Accueil")), href=routes.path(lang)))]
    if section in INDEXED_SECTIONS:
        title = section_titles(lang)[section][0]
        if page is None:
            items.append(h("li", marked(lang, title), aria_current="page"))
        else:
            items.append(h("li", link(marked(lang, title), href=routes.section_index(lang, section))))
    if page is not None:
        items.append(h("li", marked(lang, page.title), aria_current="page"))
    return h("nav", h("ol", items), aria_label=_("Vous êtes ici"), class_="breadcrumb no-print no-read")


def in_language(lang: str, text: str, text_lang: str) -> Child:
    """A title written in another language than the page's (our sources are French): marked, and isolated
    in a right-to-left page."""
    if text_lang == lang:
        return text
    if text_direction(lang) == "rtl":
        return h("bdi", text, lang=text_lang, dir="ltr")
    return h("span", text, lang=text_lang)


def helper_note(lang: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "p",
        marked(
            lang, _("Vous aidez quelqu'un ? Sur cette page, « vous » veut dire la personne que vous aidez.")
        ),
        class_="note when-aidant",
    )


def _sources(lang: str, page: Page) -> Element:
    _ = gettext_for(lang)
    items = []
    for source in page.sources:
        title = in_language(lang, source.title if source.url else source.ref or source.title, source.lang)
        items.append(h("li", link(title, href=source.url, rel="noopener") if source.url else title))
    return h(
        "aside",
        h("h2", marked(lang, _("D'où viennent ces informations ?")), id="sources"),
        h("ul", items),
        h(
            "p",
            marked(
                lang, _("Informations vérifiées le {date}.").format(date=format_date(page.checked_on, lang))
            ),
        ),
        h("p", marked(lang, review_label(lang, page.review_status))),
        class_="sources",
        aria_labelledby="sources",
    )


def _checklist(lang: str, page: Page) -> Element:
    _ = gettext_for(lang)
    boxes = [
        h(
            "li",
            h(
                "label",
                h("input", type="checkbox", id=f"check-{item.id}", data_checklist=f"{page.slug}:{item.id}"),
                h("span", marked(lang, item.label)),
            ),
        )
        for item in page.checklist
    ]
    return h(
        "div",
        h(
            "fieldset",
            h("legend", marked(lang, _("Les papiers à préparer. Cochez ce que vous avez :"))),
            h("ul", boxes, class_="checklist"),
        ),
        h("p", marked(lang, _("Vos coches restent seulement sur cet appareil.")), class_="hint no-print"),
        h(
            "button",
            marked(lang, _("Imprimer la liste")),
            type="button",
            class_="button button-secondary no-print",
            data_print="checklist",
        ),
        class_="checklist-block",
    )


def _prose(html: str) -> Element:
    return h("div", Trusted(html), class_="prose")


def _body(lang: str, page: Page) -> list[Element]:
    if page.kind != "guide" or not page.checklist:
        return [_prose(page.html)]
    # The checklist belongs at the end of the guide's first section (« Avant de commencer »).
    cut = page.html.find("<h2", page.html.find("<h2") + 1)
    first, rest = (page.html, "") if cut < 0 else (page.html[:cut], page.html[cut:])
    return [_prose(first), _checklist(lang, page), _prose(rest)]


def _glossary(lang: str) -> Element:
    entries = load_site().glossary(lang)
    return h(
        "dl",
        [
            (h("dt", marked(lang, entry.term), id=entry.id), h("dd", marked(lang, entry.definition)))
            for entry in entries
        ],
        class_="glossary",
    )


def content_main(page: Page) -> list[Element]:
    """The ``<main>`` of a content page, guide or the glossary."""
    lang = page.lang
    return [
        _breadcrumb(lang, page, page.section),
        h("h1", marked(lang, page.title)),
        h("p", marked(lang, page.summary), class_="lead"),
        helper_note(lang),
        *_body(lang, page),
        _glossary(lang) if page.slug == GLOSSARY_SLUG else None,
        _sources(lang, page),
        feedback_widget(lang, here_of(page)),
    ]


def section_index_main(lang: str, section: str) -> list[Element]:
    title, intro = section_titles(lang)[section]
    cards = [
        h(
            "li",
            link(
                h("span", marked(lang, page.title), class_="door-title"),
                h("span", marked(lang, page.summary), class_="door-text"),
                href=page.url,
                class_="door door-plain",
            ),
        )
        for page in load_site().pages(lang, section=section)
    ]
    return [
        _breadcrumb(lang, None, section),
        h("h1", marked(lang, title)),
        h("p", marked(lang, intro), class_="lead"),
        helper_note(lang),
        h("ul", cards, class_="doors doors-list"),
    ]
