"""Pages for partners' sites (CCAS, France Services, associations, the Département): shown in an
``<iframe>``, rendered on the server, usable without JavaScript.

- ``/<lang>/integrer/trouver-une-mds?q=31800``: the locator's list for a town or a postcode (the
  directory's typed search, offline), with a plain form to search again;
- ``/<lang>/integrer/simulateur``: what the rights estimate does, and a button that opens the full
  simulator in a new tab (the simulator is a Reflex app with a websocket: it is not framed);
- ``/<lang>/integrer``: a page of the site (not framable) with the code to paste and both embeds live.

The embeds have their own small template (no site header, no script, one stylesheet) and open every
full page in a new tab, with a visible « nouvel onglet ». Who may frame them is the setting
``PTI_EMBED_ORIGINS`` (``web/security.py``); nobody else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from urllib.parse import parse_qs, quote, urlencode

from babel.lists import format_list

from pti_citizen import routes
from pti_citizen.directory import (
    MAX_QUERY_LENGTH,
    Kiosque,
    NearestPlaces,
    PlaceAnswer,
    SearchProblem,
    nearest_offline,
    query_kind,
)
from pti_citizen.handover.calendar import KIOSQUE_ICS_PATH, kiosque_id
from pti_citizen.i18n import LANGUAGES, gettext_for, text_direction
from pti_citizen.web.pages.html import Child, Element, document, h
from pti_citizen.web.pages.shell import THEME_COLOR, PageInfo, link

#: Longer queries are not ours (a town, a kind): read as no search.
MAX_QUERY_BYTES = 1024
EMBED_LIMIT = 5
STYLESHEETS = ("/app.css", "/locator.css")
#: The iframe's height in the snippet: the list of five places fits on a phone-sized frame.
FRAME_HEIGHT = {routes.EMBED_LOCATOR: 720, routes.EMBED_SIMULATOR: 420}


def new_tab_link(lang: str, *children: Child, href: str, **attrs) -> Element:
    """A link to a full page: a new tab (the partner's page stays), said in words, not only an icon."""
    _ = gettext_for(lang)
    return link(
        *children,
        h("span", " ", _("(nouvel onglet)"), class_="new-tab-hint"),
        href=href,
        target="_blank",
        rel="noopener",
        **attrs,
    )


def embed_document(info: PageInfo, *main_children: Child, origin: str) -> str:
    """A whole embed: no header, menus or script; the site's name opens the full site."""
    _ = gettext_for(info.lang)
    head = [
        h("meta", charset="utf-8"),
        h("meta", name="viewport", content="width=device-width, initial-scale=1"),
        h("title", f"{info.title} · {_('Le RSA et moi')}"),
        h("meta", name="description", content=info.description),
        h("meta", name="theme-color", content=THEME_COLOR),
        h("meta", name="robots", content="noindex"),
        h("link", rel="canonical", href=f"{origin.rstrip('/')}{routes.path(info.lang, info.here)}"),
        *[h("link", rel="stylesheet", href=href) for href in STYLESHEETS],
    ]
    body = [
        h(
            "header",
            new_tab_link(
                info.lang,
                h("span", _("Le RSA et moi"), class_="brand-name"),
                " ",
                h("span", _("Haute-Garonne"), class_="brand-area"),
                href=routes.path(info.lang),
                class_="brand",
            ),
            class_="embed-header",
        ),
        h("main", main_children, id="contenu", class_="embed"),
        h(
            "footer",
            h(
                "p",
                _(
                    "C'est une estimation et une information. La CAF ou la MSA étudie les demandes. Le Département accorde le RSA."
                ),
            ),
            class_="embed-footer",
        ),
    ]
    return document({"lang": info.lang, "dir": text_direction(info.lang)}, head, body)


# -- « Trouver une MDS » ---------------------------------------------------------------------------


class LocatorAsk:
    """What the URL asks: ``q`` (a town, a postcode, ``insee:CODE``) and maybe ``kind``."""

    def __init__(self, query: str):
        self.text, self.kind = "", None
        if not query or len(query) > MAX_QUERY_BYTES:
            return
        try:
            fields = parse_qs(query, max_num_fields=6)
        except ValueError:
            return
        self.text = " ".join((fields.get("q") or [""])[0].split())[:MAX_QUERY_LENGTH]
        self.kind = query_kind((fields.get("kind") or [""])[0])

    def query(self, text: str | None = None) -> str:
        pairs = [("q", self.text if text is None else text)]
        if self.kind:
            pairs.append(("kind", self.kind))
        return urlencode(pairs)


def _kiosque_items(lang: str, item: PlaceAnswer) -> Element | None:
    if not item.kiosques:
        return None
    _ = gettext_for(lang)
    rows = []
    for date in item.kiosques:
        href = f"{KIOSQUE_ICS_PATH}?{urlencode({'id': kiosque_id(date.kiosque), 'lang': lang})}"
        rows.append(
            h(
                "li",
                h("strong", date.date_text),
                " · ",
                date.time_text,
                h("br"),
                date.summary,
                " ",
                link(
                    _("Ajouter à mon agenda"),
                    h(
                        "span",
                        " ",
                        _("(Kiosque Insertion du {date})").format(date=date.date_text),
                        class_="visually-hidden",
                    ),
                    href=href,
                    download="kiosque-insertion.ics",
                ),
            )
        )
    return h("div", h("h4", _("Prochains Kiosques Insertion")), h("ul", rows), class_="locator-kiosques")


def _place_card(lang: str, item: PlaceAnswer, index: int) -> Element:
    _ = gettext_for(lang)
    place = item.place
    heading = f"mds-{index}"
    parent = item.parent
    return h(
        "li",
        h("h3", place.name, id=heading),
        h(
            "p",
            h("span", item.kind_label, class_="locator-kind"),
            h(
                "span",
                h("span", _("Distance en ligne droite :"), class_="locator-label-inline"),
                " ",
                h("span", item.distance_text, dir="ltr"),
                class_="locator-distance",
            )
            if item.distance_text
            else None,
            class_="locator-meta",
        ),
        h("p", h("span", _("Adresse :"), class_="locator-label-inline"), " ", place.address),
        h("p", item.status.text, class_=f"locator-status locator-status-{item.status.code.value}"),
        h(
            "p",
            h("span", _("Téléphone :"), class_="locator-label-inline"),
            " ",
            link(place.phone, href=place.phone_href, class_="locator-phone", dir="ltr"),
        )
        if place.phone
        else None,
        h(
            "p",
            h("span", _("Dépend de :"), class_="locator-label-inline"),
            " ",
            parent.name,
            class_="locator-parent",
        )
        if parent
        else None,
        _kiosque_items(lang, item),
        h(
            "ul",
            h(
                "li",
                new_tab_link(lang, _("Itinéraire sur OpenStreetMap"), href=item.directions.openstreetmap),
            ),
            class_="locator-links",
        ),
        class_="locator-card",
        aria_labelledby=heading,
    )


def _locator_form(lang: str, ask: LocatorAsk, error: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "form",
        h("label", _("Votre ville ou votre code postal"), for_="embed-q", class_="locator-label"),
        h("p", _("Exemple : Saint-Gaudens ou 31800."), id="embed-q-help", class_="hint"),
        h(
            "input",
            id="embed-q",
            name="q",
            type="text",
            autocomplete="address-level2",
            maxlength=str(MAX_QUERY_LENGTH),
            value=ask.text or None,
            required=True,
            aria_describedby="embed-q-help embed-q-error" if error else "embed-q-help",
            aria_invalid="true" if error else None,
            class_="locator-input",
        ),
        h("p", error, id="embed-q-error", class_="locator-error") if error else None,
        h("input", type="hidden", name="kind", value=ask.kind) if ask.kind else None,
        h("button", _("Chercher"), type="submit", class_="button locator-submit"),
        method="get",
        action=routes.path(lang, routes.EMBED_LOCATOR),
        role="search",
        class_="locator-form",
    )


def _problem(lang: str, ask: LocatorAsk, problem: SearchProblem) -> list[Child]:
    here = routes.path(lang, routes.EMBED_LOCATOR)
    towns = [
        h(
            "li",
            link(
                town.name,
                " (",
                ", ".join(town.postcodes),
                ")",
                href=f"{here}?{ask.query(f'insee:{town.insee}')}",
            ),
        )
        for town in problem.suggestions
    ]
    return [
        h("p", problem.suggestions_header, class_="locator-suggestions-title") if towns else None,
        h("ul", towns, class_="locator-towns") if towns else None,
    ]


def _places(lang: str, ask: LocatorAsk, answer: NearestPlaces) -> list[Child]:
    _ = gettext_for(lang)
    understood = answer.understood
    full = routes.path(lang, routes.LOCATOR) + "?" + urlencode({"q": ask.text})
    return [
        h("h2", _("Les lieux les plus proches"), id="embed-results"),
        h("p", understood.explanation, class_="locator-explanation", role="status"),
        h("p", h("strong", answer.notice), class_="note locator-notice"),
        h("ol", [_place_card(lang, item, i) for i, item in enumerate(answer.items)], class_="locator-list")
        if answer.items
        else h("p", answer.empty_message, class_="note"),
        h("p", new_tab_link(lang, _("Voir plus de lieux et chercher avec une adresse"), href=full)),
    ]


def locator_main(lang: str, query: str, kiosques: Callable[[], Iterable[Kiosque]]) -> list[Child]:
    _ = gettext_for(lang)
    ask = LocatorAsk(query)
    answer = (
        nearest_offline(q=ask.text, limit=EMBED_LIMIT, kind=ask.kind, lang=lang, kiosques=kiosques())
        if ask.text
        else None
    )
    error = ""
    after: list[Child] = []
    if isinstance(answer, SearchProblem):
        error = " ".join(e.message for e in answer.errors if e.message)
        after = _problem(lang, ask, answer)
    elif isinstance(answer, NearestPlaces):
        after = _places(lang, ask, answer)
    return [
        h("h1", _("Trouver une Maison des Solidarités")),
        h(
            "p",
            _(
                "Les Maisons des Solidarités (MDS) du Département vous accueillent. Cherchez la plus proche de chez vous."
            ),
            class_="lead",
        ),
        _locator_form(lang, ask, error),
        *after,
    ]


# -- the rights estimate ---------------------------------------------------------------------------


def simulator_main(lang: str) -> list[Child]:
    _ = gettext_for(lang)
    return [
        h("h1", _("Estimer mes droits")),
        h(
            "p",
            _(
                "Répondez à quelques questions sur votre foyer et vos revenus. Vous voyez une estimation de vos aides."
            ),
            class_="lead",
        ),
        h(
            "ul",
            h("li", _("le RSA (revenu de solidarité active) ;")),
            h("li", _("la prime d'activité, si vous travaillez ;")),
            h("li", _("les aides de la CAF pour les enfants.")),
        ),
        h("p", _("Vos réponses restent sur votre appareil. Nous ne les gardons pas.")),
        h(
            "p",
            new_tab_link(
                lang, _("Commencer l'estimation"), href=routes.path(lang, routes.SIMULATOR), class_="button"
            ),
        ),
        h(
            "p",
            new_tab_link(
                lang,
                _("Trouver une Maison des Solidarités pour être aidé"),
                href=routes.path(lang, routes.LOCATOR),
            ),
        ),
    ]


# -- the snippet page ---------------------------------------------------------------------------------


def snippet(origin: str, lang: str, here: str, title: str) -> str:
    """The code a partner pastes: an iframe with a title (WCAG 4.1.2), lazy, without border."""
    src = f"{origin.rstrip('/')}{routes.path(lang, here)}"
    if here == routes.EMBED_LOCATOR:
        src += "?q=" + quote("31800")
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" '
        f'height="{FRAME_HEIGHT[here]}" loading="lazy" style="border:0"></iframe>'
    )


def _embed_section(lang: str, origin: str, here: str, heading: str, title: str, what: str) -> Element:
    _ = gettext_for(lang)
    code_id = f"code-{here.rsplit('/', 1)[-1]}"
    src = routes.path(lang, here) + ("?q=31800" if here == routes.EMBED_LOCATOR else "")
    return h(
        "section",
        h("h2", heading),
        h("p", what),
        h("p", _("Le code à copier dans votre page :"), id=f"{code_id}-label"),
        h(
            "pre",
            h("code", snippet(origin, lang, here, title)),
            id=code_id,
            tabindex="0",
            aria_labelledby=f"{code_id}-label",
            class_="embed-code",
            dir="ltr",
        ),
        h("p", _("Voici ce que vos visiteurs voient :")),
        h(
            "iframe",
            src=src,
            title=title,
            width="100%",
            height=str(FRAME_HEIGHT[here]),
            loading="lazy",
            class_="embed-preview",
        ),
        aria_label=heading,
    )


def integrate_main(lang: str, origin: str, allowed: Sequence[str]) -> list[Child]:
    _ = gettext_for(lang)
    allowed_text = (
        h("ul", [h("li", h("code", site, dir="ltr")) for site in allowed])
        if allowed
        else h("p", _("Aucun site partenaire n'est autorisé pour le moment."))
    )
    return [
        h("h1", _("Mettre Le RSA et moi sur votre site")),
        h(
            "p",
            _(
                "Vous êtes un CCAS, une France Services, une association ou un service du Département ? Vous pouvez montrer la recherche des Maisons des Solidarités et le simulateur sur votre site."
            ),
            class_="lead",
        ),
        h("h2", _("Avant de commencer")),
        h(
            "p",
            _(
                "Votre site doit être autorisé. Demandez-le à l'équipe du site, avec l'adresse de votre site, par exemple https://www.ccas-exemple.fr."
            ),
        ),
        h("p", _("Les sites autorisés aujourd'hui :")),
        allowed_text,
        _embed_section(
            lang,
            origin,
            routes.EMBED_LOCATOR,
            _("Trouver une Maison des Solidarités"),
            _("Trouver une Maison des Solidarités, Le RSA et moi"),
            _(
                "La liste des lieux les plus proches d'une ville ou d'un code postal. Changez « 31800 » pour votre code postal. Elle marche sans JavaScript."
            ),
        ),
        _embed_section(
            lang,
            origin,
            routes.EMBED_SIMULATOR,
            _("Estimer ses droits"),
            _("Estimer ses droits, Le RSA et moi"),
            _(
                "Un bouton ouvre le simulateur dans un nouvel onglet. Le simulateur ne s'affiche pas dans votre page."
            ),
        ),
        h(
            "p",
            _("Pour une autre langue, changez « /{lang}/ » dans l'adresse : {choices}.").format(
                lang=lang, choices=format_list([f"/{code}/" for code in LANGUAGES], style="or", locale=lang)
            ),
        ),
    ]
