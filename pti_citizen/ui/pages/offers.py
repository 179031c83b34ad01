"""« Me déplacer, me soigner »: the offers of ``pti_citizen.offers``, filtered by need and by town.

Every offer is in the prerendered page (readable offline, without JavaScript); the filter asks the
core which ones apply and hides the others.
"""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.french_text import quotes_held
from pti_citizen.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext_for
from pti_citizen.offers import NEEDS, OfferQueryError, OfferView, filter_offers, need_labels, search_offers
from pti_citizen.ui import layout, registry
from pti_citizen.ui.components.french import french, marked
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
            self.town_error = quotes_held(
                _("Nous ne trouvons pas « {town} » en Haute-Garonne.").format(town=found.unknown_town)
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
        contact.append(
            rx.el.li(
                marked(lang, _("Téléphone : ")),
                # A phone number keeps its order in a right-to-left page.
                link(
                    offer.phone, href=f"tel:{number}", class_name="phone-number", custom_attrs={"dir": "ltr"}
                ),
            )
        )
    if offer.web:
        contact.append(rx.el.li(link(marked(lang, _("Site internet")), href=offer.web, rel="noopener")))
    if offer.ask_mds:
        contact.append(
            rx.el.li(
                link(
                    marked(lang, _("Demander à votre Maison des Solidarités")),
                    href=routes.path(lang, routes.LOCATOR),
                )
            )
        )
    # Source titles are French, whatever the page's language.
    sources = [
        rx.el.li(link(french(s.title, lang), href=s.url, rel="noopener") if s.url else french(s.title, lang))
        for s in offer.sources
    ]
    heading_id = f"offre-{offer.id}"
    card = rx.el.article(
        rx.el.h3(marked(lang, offer.name), id=heading_id),
        rx.el.p(marked(lang, ", ".join(offer.need_labels)), class_name="tags"),
        (
            rx.el.p(
                rx.el.strong(marked(lang, offer.to_check_label)),
                " ",
                marked(lang, offer.to_check_explanation or ""),
                class_name="to-check",
            )
            if offer.to_check
            else rx.fragment()
        ),
        rx.el.p(marked(lang, offer.what)),
        rx.el.dl(
            rx.el.dt(marked(lang, _("Pour qui ?"))),
            rx.el.dd(marked(lang, offer.who)),
            rx.el.dt(marked(lang, _("Comment demander ?"))),
            rx.el.dd(marked(lang, offer.how)),
            rx.el.dt(marked(lang, _("Où ?"))),
            rx.el.dd(marked(lang, offer.place or offer.area)),
        ),
        rx.el.ul(*contact, class_name="contact") if contact else rx.fragment(),
        rx.el.details(
            rx.el.summary(
                marked(lang, _("Sources, vérifiées le {date}").format(date=offer.checked_on_label))
            ),
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
            rx.el.label(
                rx.el.input(type="checkbox", name=f"need-{key}", value="1"),
                rx.el.span(marked(lang, labels[key])),
            )
        )
        for key in NEEDS
    ]
    return rx.el.form(
        rx.el.input(type="hidden", name="lang", value=lang),
        rx.el.fieldset(
            rx.el.legend(marked(lang, _("De quoi avez-vous besoin ?"))),
            rx.el.ul(*boxes, class_name="checklist needs"),
        ),
        rx.el.label(
            marked(lang, _("Votre commune ou votre code postal (facultatif)")), html_for="offers-town"
        ),
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
                    marked(lang, _("Vouliez-vous dire : ")),
                    rx.foreach(OffersState.suggestions, lambda s: rx.el.strong(french(s, lang), " ")),
                ),
            ),
            id="offers-town-error",
        ),
        rx.el.div(
            rx.el.button(marked(lang, _("Voir les aides")), type="submit", class_name="button"),
            rx.el.button(
                marked(lang, _("Tout afficher")),
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
        rx.el.h1(marked(lang, _("Me déplacer, me soigner"))),
        # The France Travail driving-licence aid is « à vérifier » (offers.yaml): no aid is promised.
        rx.el.p(
            marked(
                lang,
                _(
                    "Des aides existent pour les transports et la santé. "
                    "Pour le permis de conduire, l'aide de France Travail est à vérifier. "
                    "Choisissez ce qui vous concerne."
                ),
            ),
            class_name="lead",
        ),
        _filters(lang),
        rx.el.h2(marked(lang, _("Les aides")), id="offers-results", tab_index=-1),
        rx.el.p(
            rx.cond(
                OffersState.filtered,
                rx.el.span(
                    marked(lang, _("Aides trouvées :")),
                    " ",
                    OffersState.count.to_string(),
                    rx.cond(
                        OffersState.town_label != "",
                        rx.el.span(
                            " · ", marked(lang, _("Commune :")), " ", french(OffersState.town_label, lang)
                        ),
                    ),
                ),
                marked(lang, _("Toutes les aides sont affichées.")),
            ),
            role="status",
            class_name="results-summary",
        ),
        rx.el.ul(*[_offer_card(lang, offer) for offer in offers], class_name="offers"),
        rx.el.p(
            marked(lang, _("Une aide manque ou a changé ? Dites-le à votre Maison des Solidarités.")),
            class_name="hint",
        ),
    )


def register(app: rx.App) -> None:
    for lang in LANGUAGES:
        _ = gettext_for(lang)
        registry.add_localized_page(
            app,
            lang,
            routes.OFFERS,
            offers_page(lang),
            _("Me déplacer, me soigner"),
            _(
                "Les aides pour les transports et la santé en Haute-Garonne. Le permis de conduire : à vérifier."
            ),
        )
    registry.mark_available("offres")
