"""« Me déplacer, me soigner »: the offers of ``pti_citizen.offers``, filtered by need and by town.

Every offer is in the prerendered page (readable offline, without JavaScript); the filter asks the
core which ones apply and hides the others.
"""

from __future__ import annotations

from functools import partial

import reflex as rx

from pti_citizen import routes
from pti_citizen.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext_for
from pti_citizen.offers import NEEDS, OfferQueryError, OfferView, filter_offers, need_labels, search_offers
from pti_citizen.ui import layout, registry
from pti_citizen.ui.components.links import link


class OffersState(rx.State):
    """Which offers to show; nothing here is kept once the session ends."""

    filtered: bool = False
    visible: list[str] = []
    town_label: str = ""
    town_error: str = ""
    suggestions: list[str] = []
    count: int = 0

    @rx.event
    def apply(self, form: dict):
        lang = str(form.get("lang") or "fr")
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        _ = gettext_for(lang)
        needs = [key for key in NEEDS if form.get(f"need-{key}")]
        self.town_error, self.suggestions, self.town_label = "", [], ""
        try:
            found = search_offers(lang, needs, str(form.get("town") or ""))
        except OfferQueryError as error:
            self.town_error = error.message
            return None
        if found.unknown_town is not None:
            self.town_error = _("Nous ne trouvons pas « {town} » en Haute-Garonne.").format(
                town=found.unknown_town
            )
            self.suggestions = list(found.suggestions)
            return rx.set_focus("offers-town")
        self.town_label = found.town or ""
        self.visible = [offer.id for offer in found.offers]
        self.count = len(found.offers)
        self.filtered = True
        return rx.set_focus("offers-results")

    @rx.event
    def show_all(self):
        self.filtered = False
        self.visible = []
        self.town_error = ""
        self.suggestions = []


def _offer_card(lang: str, offer: OfferView) -> rx.Component:
    _ = gettext_for(lang)
    contact = []
    if offer.phone:
        number = offer.phone.replace(" ", "").replace("\u00a0", "")
        contact.append(rx.el.li(_("Téléphone : "), link(offer.phone, href=f"tel:{number}")))
    if offer.web:
        contact.append(rx.el.li(link(_("Site internet"), href=offer.web, rel="noopener")))
    if offer.ask_mds:
        contact.append(
            rx.el.li(
                link(_("Demander à votre Maison des Solidarités"), href=routes.path(lang, routes.LOCATOR))
            )
        )
    sources = [
        rx.el.li(link(s.title, href=s.url, rel="noopener") if s.url else s.title) for s in offer.sources
    ]
    heading_id = f"offre-{offer.id}"
    card = rx.el.article(
        rx.el.h3(offer.name, id=heading_id),
        rx.el.p(", ".join(offer.need_labels), class_name="tags"),
        (
            rx.el.p(
                rx.el.strong(offer.to_check_label), " ", offer.to_check_explanation, class_name="to-check"
            )
            if offer.to_check
            else rx.fragment()
        ),
        rx.el.p(offer.what),
        rx.el.dl(
            rx.el.dt(_("Pour qui ?")),
            rx.el.dd(offer.who),
            rx.el.dt(_("Comment demander ?")),
            rx.el.dd(offer.how),
            rx.el.dt(_("Où ?")),
            rx.el.dd(offer.place or offer.area),
        ),
        rx.el.ul(*contact, class_name="contact") if contact else rx.fragment(),
        rx.el.details(
            rx.el.summary(_("Sources, vérifiées le {date}").format(date=offer.checked_on_label)),
            rx.el.ul(*sources),
        ),
        class_name="offer",
        custom_attrs={"aria-labelledby": heading_id},
    )
    return rx.cond(~OffersState.filtered | OffersState.visible.contains(offer.id), rx.el.li(card))


def _filters(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    labels = need_labels(lang)
    boxes = [
        rx.el.li(
            rx.el.label(rx.el.input(type="checkbox", name=f"need-{key}", value="1"), rx.el.span(labels[key]))
        )
        for key in NEEDS
    ]
    return rx.el.form(
        rx.el.input(type="hidden", name="lang", value=lang),
        rx.el.fieldset(
            rx.el.legend(_("De quoi avez-vous besoin ?")),
            rx.el.ul(*boxes, class_name="checklist needs"),
        ),
        rx.el.label(_("Votre commune ou votre code postal (facultatif)"), html_for="offers-town"),
        rx.el.input(
            id="offers-town",
            name="town",
            type="text",
            auto_complete="address-level2",
            max_length=80,
            custom_attrs={"aria-describedby": "offers-town-error"},
        ),
        rx.el.div(
            rx.cond(OffersState.town_error != "", rx.el.p(OffersState.town_error, class_name="field-error")),
            rx.cond(
                OffersState.suggestions.length() > 0,
                rx.el.p(
                    _("Vouliez-vous dire : "),
                    rx.foreach(OffersState.suggestions, lambda s: rx.el.strong(s, " ")),
                ),
            ),
            id="offers-town-error",
        ),
        rx.el.div(
            rx.el.button(_("Voir les aides"), type="submit", class_name="button"),
            rx.el.button(
                _("Tout afficher"),
                type="reset",
                class_name="button button-secondary",
                on_click=OffersState.show_all,
            ),
            class_name="button-row",
        ),
        on_submit=OffersState.apply,
        reset_on_submit=False,
        class_name="filters no-print",
    )


def offers_page(lang: str) -> rx.Component:
    _ = gettext_for(lang)
    offers = filter_offers(lang)
    return layout.page(
        lang,
        routes.OFFERS,
        rx.el.h1(_("Me déplacer, me soigner")),
        rx.el.p(
            _(
                "Des aides existent pour les transports, le permis de conduire et la santé. Choisissez ce qui vous concerne."
            ),
            class_name="lead",
        ),
        _filters(lang),
        rx.el.h2(_("Les aides"), id="offers-results", tab_index=-1),
        rx.el.p(
            rx.cond(
                OffersState.filtered,
                rx.el.span(
                    _("Aides trouvées :"),
                    " ",
                    OffersState.count.to_string(),
                    rx.cond(
                        OffersState.town_label != "",
                        rx.el.span(" · ", _("Commune :"), " ", OffersState.town_label),
                    ),
                ),
                _("Toutes les aides sont affichées."),
            ),
            role="status",
            class_name="results-summary",
        ),
        rx.el.ul(*[_offer_card(lang, offer) for offer in offers], class_name="offers"),
        rx.el.p(
            _("Une aide manque ou a changé ? Dites-le à votre Maison des Solidarités."), class_name="hint"
        ),
    )


def register(app: rx.App) -> None:
    for lang in LANGUAGES:
        _ = gettext_for(lang)
        registry.add_localized_page(
            app,
            lang,
            routes.OFFERS,
            partial(offers_page, lang),
            _("Me déplacer, me soigner"),
            _("Les aides pour les transports, le permis de conduire et la santé en Haute-Garonne."),
        )
    registry.mark_available("offres")
