"""« Me déplacer, me soigner »: the offers of ``pti_citizen.offers``, filtered by need and by town.

The page without a query lists every offer (it is the one saved for offline reading). The filter is an
ordinary form sent in the URL (``?besoin=transport&commune=Muret``): the server answers with the
page listing the offers that apply — no script, no session; the same link can be shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from pti_citizen import routes
from pti_citizen.french_text import quotes_held
from pti_citizen.i18n import gettext_for
from pti_citizen.offers import NEEDS, OfferQueryError, OfferView, filter_offers, need_labels, search_offers
from pti_citizen.offers.search import MAX_TOWN_TEXT
from pti_citizen.web.pages.french import french, marked
from pti_citizen.web.pages.html import Element, h
from pti_citizen.web.pages.shell import link

MAX_TOWN_LENGTH = MAX_TOWN_TEXT
#: Longer queries are not ours (the form sends a few needs and a town): read as no filter.
MAX_QUERY_BYTES = 1024
NEED_FIELD, TOWN_FIELD = "besoin", "commune"


@dataclass(frozen=True)
class OfferFilter:
    """What the person asked for; ``applied`` is false for the plain page (no query)."""

    needs: tuple[str, ...] = ()
    town: str = ""
    applied: bool = False

    @classmethod
    def from_query(cls, query: str) -> OfferFilter:
        if not query or len(query) > MAX_QUERY_BYTES:
            return cls()
        try:
            fields = parse_qs(query, max_num_fields=len(NEEDS) + 4)
        except ValueError:  # more fields than the form has
            return cls()
        if NEED_FIELD not in fields and TOWN_FIELD not in fields:
            return cls()
        asked = set(fields.get(NEED_FIELD, []))
        town = " ".join((fields.get(TOWN_FIELD) or [""])[0].split())[:MAX_TOWN_LENGTH]
        return cls(needs=tuple(key for key in NEEDS if key in asked), town=town, applied=True)

    def query(self, **changes) -> str:
        needs = changes.get("needs", self.needs)
        town = changes.get("town", self.town)
        return urlencode([*((NEED_FIELD, key) for key in needs), (TOWN_FIELD, town)])


@dataclass
class OfferChoice:
    """The offers to show, and what to tell the person about their town."""

    offers: list[OfferView]
    town_label: str = ""
    town_error: str = ""
    suggestions: list[str] = field(default_factory=list)


def choose(lang: str, wanted: OfferFilter) -> OfferChoice:
    if not wanted.applied:
        return OfferChoice(filter_offers(lang))
    _ = gettext_for(lang)
    try:
        found = search_offers(lang, wanted.needs, wanted.town)
    except OfferQueryError as error:
        return OfferChoice(filter_offers(lang), town_error=error.message)
    if found.unknown_town is not None:  # every offer stays shown, and the town is explained
        message = quotes_held(
            _("Nous ne trouvons pas « {town} » en Haute-Garonne.").format(town=found.unknown_town)
        )
        return OfferChoice(filter_offers(lang), town_error=message, suggestions=list(found.suggestions))
    return OfferChoice(list(found.offers), town_label=found.town or "")


def _offer_card(lang: str, offer: OfferView) -> Element:
    _ = gettext_for(lang)
    contact = []
    if offer.phone:
        number = offer.phone.replace(" ", "").replace("\u00a0", "")
        # A phone number keeps its order in a right-to-left page.
        contact.append(
            h(
                "li",
                marked(lang, _("Téléphone : ")),
                link(offer.phone, href=f"tel:{number}", class_="phone-number", dir="ltr"),
            )
        )
    if offer.web:
        contact.append(h("li", link(marked(lang, _("Site internet")), href=offer.web, rel="noopener")))
    if offer.ask_mds:
        contact.append(
            h(
                "li",
                link(
                    marked(lang, _("Demander à votre Maison des Solidarités")),
                    href=routes.path(lang, routes.LOCATOR),
                ),
            )
        )
    # Source titles are French, whatever the page's language.
    sources = [
        h("li", link(french(s.title, lang), href=s.url, rel="noopener") if s.url else french(s.title, lang))
        for s in offer.sources
    ]
    heading_id = f"offre-{offer.id}"
    return h(
        "li",
        h(
            "article",
            h("h3", marked(lang, offer.name), id=heading_id),
            h("p", marked(lang, ", ".join(offer.need_labels)), class_="tags"),
            h(
                "p",
                h("strong", marked(lang, offer.to_check_label)),
                " ",
                marked(lang, offer.to_check_explanation or ""),
                class_="to-check",
            )
            if offer.to_check
            else None,
            h("p", marked(lang, offer.what)),
            h(
                "dl",
                h("dt", marked(lang, _("Pour qui ?"))),
                h("dd", marked(lang, offer.who)),
                h("dt", marked(lang, _("Comment demander ?"))),
                h("dd", marked(lang, offer.how)),
                h("dt", marked(lang, _("Où ?"))),
                h("dd", marked(lang, offer.place or offer.area)),
            ),
            h("ul", contact, class_="contact") if contact else None,
            h(
                "details",
                h(
                    "summary",
                    marked(lang, _("Sources, vérifiées le {date}").format(date=offer.checked_on_label)),
                ),
                h("ul", sources),
            ),
            class_="offer",
            aria_labelledby=heading_id,
        ),
    )


def _filters(lang: str, wanted: OfferFilter, choice: OfferChoice) -> Element:
    _ = gettext_for(lang)
    labels = need_labels(lang)
    here = routes.path(lang, routes.OFFERS)
    boxes = [
        h(
            "li",
            h(
                "label",
                h("input", type="checkbox", name=NEED_FIELD, value=key, checked=key in wanted.needs),
                h("span", marked(lang, labels[key])),
            ),
        )
        for key in NEEDS
    ]
    problems = []
    if choice.town_error:
        problems.append(h("p", marked(lang, choice.town_error), class_="field-error"))
    if choice.suggestions:
        problems.append(
            h(
                "p",
                marked(lang, _("Vouliez-vous dire : ")),
                [
                    (
                        h(
                            "strong",
                            link(french(name, lang), href=f"{here}?{wanted.query(town=name)}#offers-results"),
                        ),
                        " ",
                    )
                    for name in choice.suggestions
                ],
            )
        )
    return h(
        "form",
        h(
            "fieldset",
            h("legend", marked(lang, _("De quoi avez-vous besoin ?"))),
            h("ul", boxes, class_="checklist needs"),
        ),
        h("label", marked(lang, _("Votre commune ou votre code postal (facultatif)")), for_="offers-town"),
        h(
            "input",
            id="offers-town",
            name=TOWN_FIELD,
            type="text",
            autocomplete="address-level2",
            maxlength=str(MAX_TOWN_LENGTH),
            value=wanted.town or None,
            aria_describedby="offers-town-error",
            aria_invalid="true" if choice.town_error else None,
            data_autofocus=bool(choice.town_error),
        ),
        h("div", problems, id="offers-town-error"),
        h(
            "div",
            h("button", marked(lang, _("Voir les aides")), type="submit", class_="button"),
            link(marked(lang, _("Tout afficher")), href=here, class_="button button-secondary"),
            class_="button-row",
        ),
        method="get",
        action=f"{here}#offers-results",
        class_="filters no-print",
    )


def offers_main(lang: str, wanted: OfferFilter) -> list[Element]:
    _ = gettext_for(lang)
    choice = choose(lang, wanted)
    shown = wanted.applied and not choice.town_error
    if shown:
        summary = [marked(lang, _("Aides trouvées :")), " ", str(len(choice.offers))]
        if choice.town_label:
            summary.append(
                h("span", " · ", marked(lang, _("Commune :")), " ", french(choice.town_label, lang))
            )
    else:
        summary = [marked(lang, _("Toutes les aides sont affichées."))]
    return [
        h("h1", marked(lang, _("Me déplacer, me soigner"))),
        # The France Travail driving-licence aid is « à vérifier » (offers.yaml): no aid is promised.
        h(
            "p",
            marked(
                lang,
                _(
                    "Des aides existent pour les transports et la santé. "
                    "Pour le permis de conduire, l'aide de France Travail est à vérifier. "
                    "Choisissez ce qui vous concerne."
                ),
            ),
            class_="lead",
        ),
        _filters(lang, wanted, choice),
        # After a search the results take the focus (app.js), as the button moved it there before.
        h("h2", marked(lang, _("Les aides")), id="offers-results", tabindex="-1", data_autofocus=shown),
        h("p", summary, role="status", class_="results-summary"),
        h("ul", [_offer_card(lang, offer) for offer in choice.offers], class_="offers"),
        h(
            "p",
            marked(lang, _("Une aide manque ou a changé ? Dites-le à votre Maison des Solidarités.")),
            class_="hint",
        ),
    ]
