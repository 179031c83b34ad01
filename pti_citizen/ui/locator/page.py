"""« Trouver une Maison des Solidarités »: search by town or postcode (offline), by position (on a
button press), or by street address (online, said plainly); the answer is always a list.

No map: a map would load OpenStreetMap tiles from a third party. Each card links to OpenStreetMap's
route planner and to the phone's own map app (``geo:``) instead, only when the person taps them.
"""

from __future__ import annotations

import json
from functools import partial

import reflex as rx

from pti_citizen import routes
from pti_citizen.directory import MAX_LIMIT
from pti_citizen.i18n import LANGUAGES
from pti_citizen.ui import layout, registry
from pti_citizen.ui.components.french import french, marked, pieces
from pti_citizen.ui.components.links import link

from .search import KINDS
from .state import (
    ADDRESS_DETAILS_ID,
    ADDRESS_INPUT_ID,
    GPS_BUTTON_ID,
    GPS_FORM_ID,
    LOCATE_IN_BROWSER,
    RESULTS_HEADING_ID,
    SHARE_BUTTON_ID,
    SHARE_FORM_ID,
    SHARE_IN_BROWSER,
    TOWN_INPUT_ID,
    LocatorState,
)
from .texts import OFFLINE_KEYS, summaries, texts

S = LocatorState


def _error_at(field: str) -> rx.Var:
    return (S.result.field == field) & (S.result.error != "")


def _suggestions(field: str, lang: str) -> rx.Component:
    heading_id = f"locator-{field}-suggestions"
    return rx.cond(
        _error_at(field) & (S.result.suggestions.length() > 0),
        rx.el.div(
            rx.el.p(S.result.suggestions_header, id=heading_id, class_name="locator-suggestions-title"),
            rx.el.ul(
                rx.foreach(
                    S.result.suggestions,
                    lambda town: rx.el.li(
                        rx.el.button(
                            french(town.name, lang, class_name="locator-town-name"),
                            rx.cond(
                                town.postcodes != "",
                                rx.el.span(
                                    rx.el.span(", ", class_name="visually-hidden"),
                                    town.postcodes,
                                    class_name="locator-town-postcodes",
                                    custom_attrs={"dir": "ltr"},
                                ),
                            ),
                            type="button",
                            class_name="button button-secondary locator-town",
                            on_click=S.pick_town(town.query, town.name),
                        )
                    ),
                ),
                class_name="locator-towns",
                custom_attrs={"aria-labelledby": heading_id},
            ),
            class_name="locator-suggestions",
        ),
    )


def _hidden_form(form_id: str, names: tuple[str, ...], on_submit) -> rx.Component:
    """Where ``assets/locator.js`` hands the browser's answer to the state (it fills and submits it).

    Drawn only once the app runs: the browser alone would send it as a GET, into the URL.
    """
    return rx.cond(
        S.is_hydrated,
        rx.el.form(
            *[rx.el.input(type="hidden", name=name, default_value="") for name in names],
            id=form_id,
            hidden=True,
            on_submit=on_submit,
        ),
    )


def _field_error(field: str, element_id: str, lang: str, empty_text: str | None = None) -> rx.Component:
    message = pieces(S.result.error_pieces, lang)
    if empty_text is not None:
        message = rx.cond(S.result.error_code == "empty", marked(lang, empty_text), message)
    return rx.el.div(
        rx.cond(_error_at(field), rx.el.p(message, class_name="locator-error")),
        id=element_id,
        role="alert",
    )


def _text_field(
    *,
    input_id: str,
    label: str,
    help_text: str,
    error_id: str,
    field: str,
    lang: str,
    value=None,
    on_change=None,
    name=None,
) -> list[rx.Component]:
    """A search field; without ``on_change`` it is left to the browser (what is typed reaches the
    server only with the form)."""
    help_id = f"{input_id}-help"
    attrs = {
        "aria-describedby": f"{help_id} {error_id}",
        "aria-invalid": rx.cond(_error_at(field), "true", "false"),
        "enterKeyHint": "search",
    }
    props = {"name": name} if name else {}
    box = rx.el.input(
        id=input_id,
        type="text",
        auto_complete="off",
        spell_check=False,
        max_length=200,
        class_name="locator-input",
        custom_attrs=attrs,
        **({"value": value, "on_change": on_change} if on_change is not None else {}),
        **props,
    )
    return [
        rx.el.label(marked(lang, label), html_for=input_id, class_name="locator-label"),
        rx.el.p(marked(lang, help_text), id=help_id, class_name="hint"),
        rx.debounce_input(box, debounce_timeout=250) if on_change is not None else box,
    ]


def _town_search(t: dict[str, str], lang: str) -> rx.Component:
    return rx.el.form(
        *_text_field(
            input_id=TOWN_INPUT_ID,
            label=t["town_label"],
            help_text=t["town_help"],
            error_id="locator-q-error",
            field="town",
            value=S.query,
            on_change=S.set_query,
            lang=lang,
            name="q",
        ),
        rx.el.button(marked(lang, t["search"]), type="submit", class_name="button locator-submit"),
        _field_error("town", "locator-q-error", lang),
        _suggestions("town", lang),
        # Without JavaScript the browser sends ?q=… to this same page; with it, the state answers.
        method="get",
        on_submit=S.search_town,
        role="search",
        class_name="locator-form",
    )


def _gps_search(t: dict[str, str], lang: str) -> rx.Component:
    problem = rx.match(
        S.gps_problem,
        ("denied", marked(lang, t["gps_denied"])),
        ("timeout", marked(lang, t["gps_timeout"])),
        ("unsupported", marked(lang, t["gps_unsupported"])),
        marked(lang, t["gps_unavailable"]),
    )
    return rx.el.div(
        rx.el.p(marked(lang, t["or"]), class_name="locator-or"),
        rx.el.button(
            rx.el.span(class_name="icon icon-place", aria_hidden="true"),
            marked(lang, t["gps"]),
            type="button",
            id=GPS_BUTTON_ID,
            class_name="button button-secondary",
            # The state says « we are looking », then the browser asks the person (no code sent).
            on_click=[S.locate, LOCATE_IN_BROWSER],
            custom_attrs={"aria-describedby": "locator-gps-help locator-gps-error"},
        ),
        rx.el.p(marked(lang, t["gps_help"]), id="locator-gps-help", class_name="hint"),
        rx.el.div(
            rx.cond(S.gps_problem != "", rx.el.p(problem, class_name="locator-error")),
            rx.cond(
                _error_at("gps"), rx.el.p(pieces(S.result.error_pieces, lang), class_name="locator-error")
            ),
            id="locator-gps-error",
            role="alert",
        ),
        _hidden_form(GPS_FORM_ID, ("lat", "lon", "error"), S.got_position),
        class_name="locator-gps",
    )


def _address_search(t: dict[str, str], lang: str) -> rx.Component:
    form = rx.el.form(
        *_text_field(
            input_id=ADDRESS_INPUT_ID,
            label=t["address_label"],
            help_text=t["address_help"],
            error_id="locator-address-error",
            field="address",
            lang=lang,
            # Not sent as it is typed: the street address reaches the server only with the form,
            # and is not kept there once the places are sent (state.py).
            name="adresse",
        ),
        rx.el.button(marked(lang, t["address_search"]), type="submit", class_name="button locator-submit"),
        _field_error("address", "locator-address-error", lang, t["address_empty"]),
        _suggestions("address", lang),
        on_submit=S.search_address,
        class_name="locator-form",
    )
    return rx.el.details(
        rx.el.summary(marked(lang, t["address_open"])),
        rx.el.p(marked(lang, t["address_privacy"])),
        rx.el.p(marked(lang, t["address_fallback"])),
        # Only once the app runs: a form sent by the browser alone would put the address in the URL.
        # Until then (a page opened without the network), say what it needs.
        rx.cond(S.is_hydrated, form, rx.el.p(marked(lang, t["offline_address"]), class_name="note")),
        id=ADDRESS_DETAILS_ID,
        class_name="locator-address",
    )


def _phone(label: str, number, href, lang: str) -> rx.Component:
    return rx.el.p(
        rx.el.span(marked(lang, label), class_name="locator-label-inline"),
        " ",
        link(number, href=href, class_name="locator-phone", custom_attrs={"dir": "ltr"}),
    )


def _kiosques(card, t: dict[str, str], lang: str) -> rx.Component:
    return rx.cond(
        card.kiosques.length() > 0,
        rx.el.div(
            rx.el.h4(marked(lang, t["kiosques"])),
            rx.el.ul(
                rx.foreach(
                    card.kiosques,
                    lambda k: rx.el.li(
                        rx.el.strong(k.date_text),
                        " · ",
                        k.time_text,
                        rx.cond(k.where != "", rx.el.span(" · ", french(k.where, lang))),
                        rx.cond(k.summary != "", rx.el.br()),
                        pieces(k.summary_pieces, lang),
                        rx.cond(
                            k.languages_text != "",
                            rx.el.span(rx.el.br(), marked(lang, t["languages"]), " ", k.languages_text),
                        ),
                        rx.el.br(),
                        link(
                            t["add_to_calendar"],
                            href=k.ics_url,
                            custom_attrs={"aria-label": k.ics_label},
                            download="kiosque-insertion.ics",
                            class_name="locator-calendar",
                        ),
                    ),
                )
            ),
            class_name="locator-kiosques",
        ),
    )


def _card(card, index, t: dict[str, str], lang: str) -> rx.Component:
    heading_id = f"locator-card-{index}"
    return rx.el.li(
        rx.el.h3(french(card.name, lang), id=heading_id, tab_index=-1),
        rx.el.p(
            rx.el.span(pieces(card.kind_pieces, lang), class_name="locator-kind"),
            rx.cond(
                card.distance_text != "",
                rx.el.span(
                    rx.el.span(marked(lang, t["distance"]), class_name="locator-label-inline"),
                    " ",
                    rx.el.span(card.distance_text, custom_attrs={"dir": "ltr"}),
                    class_name="locator-distance",
                ),
            ),
            class_name="locator-meta",
        ),
        rx.el.p(
            rx.el.span(marked(lang, t["address"]), class_name="locator-label-inline"),
            " ",
            french(card.address, lang, class_name="locator-address-text"),
        ),
        rx.el.p(
            pieces(card.status_pieces, lang), class_name=f"locator-status locator-status-{card.status_code}"
        ),
        _phone(t["phone"], card.phone, card.phone_href, lang),
        rx.cond(
            card.parent_name != "",
            rx.el.p(
                rx.el.span(marked(lang, t["parent"]), class_name="locator-label-inline"),
                " ",
                french(card.parent_name, lang),
                rx.cond(
                    (card.parent_phone != "") & (card.parent_phone != card.phone),
                    rx.el.span(
                        " · ",
                        link(
                            card.parent_phone,
                            href=card.parent_phone_href,
                            class_name="locator-phone",
                            custom_attrs={"dir": "ltr"},
                        ),
                    ),
                ),
                class_name="locator-parent",
            ),
        ),
        _kiosques(card, t, lang),
        rx.el.ul(
            rx.el.li(
                link(
                    marked(lang, t["directions"]),
                    href=card.directions_url,
                    rel="noopener",
                    class_name="locator-link",
                )
            ),
            rx.el.li(link(marked(lang, t["geo"]), href=card.geo_url, class_name="locator-link")),
            class_name="locator-links no-print",
        ),
        class_name="locator-card",
        custom_attrs={"aria-labelledby": heading_id},
    )


def _filter(t: dict[str, str], lang: str) -> rx.Component:
    labels = {kind: t[f"filter_{kind}"] for kind in KINDS}
    return rx.el.fieldset(
        rx.el.legend(marked(lang, t["filter_legend"])),
        rx.el.div(
            *[
                rx.el.label(
                    rx.el.input(
                        type="radio",
                        name="locator-kind",
                        value=kind,
                        checked=S.kind == kind,
                        on_change=S.set_filter(kind),
                    ),
                    rx.el.span(marked(lang, labels[kind])),
                    class_name="locator-choice",
                )
                for kind in KINDS
            ],
            class_name="locator-choices",
        ),
        rx.cond(S.kind == "kiosque", rx.el.p(marked(lang, t["kiosque_explained"]), class_name="hint")),
        class_name="locator-filter no-print",
    )


def _other_towns(t: dict[str, str], lang: str) -> rx.Component:
    return rx.cond(
        S.result.other_towns.length() > 0,
        rx.el.div(
            rx.el.p(marked(lang, t["other_towns"]), id="locator-other-towns"),
            rx.el.ul(
                rx.foreach(
                    S.result.other_towns,
                    lambda town: rx.el.li(
                        rx.el.button(
                            french(town.name, lang),
                            type="button",
                            class_name="button button-secondary locator-town",
                            on_click=S.pick_town(town.query, town.name),
                        )
                    ),
                ),
                class_name="locator-towns",
                custom_attrs={"aria-labelledby": "locator-other-towns"},
            ),
            class_name="locator-suggestions no-print",
        ),
    )


def _tools(t: dict[str, str], lang: str) -> rx.Component:
    status = rx.match(
        S.share_status,
        ("shared", rx.el.p(marked(lang, t["shared"]))),
        ("copied", rx.el.p(marked(lang, t["copied"]))),
        (
            "failed",
            rx.el.p(
                rx.el.label(marked(lang, t["copy_label"]), html_for="locator-share-url"),
                rx.el.input(
                    id="locator-share-url",
                    type="text",
                    value=S.share_url,
                    read_only=True,
                    class_name="locator-input",
                    custom_attrs={"dir": "ltr"},
                ),
            ),
        ),
        rx.fragment(),
    )
    return rx.el.div(
        rx.el.div(
            rx.el.button(
                marked(lang, t["share"]),
                type="button",
                id=SHARE_BUTTON_ID,
                class_name="button button-secondary",
                on_click=SHARE_IN_BROWSER,
                # What the shared link holds: a town and the filter, never a position or an address.
                custom_attrs={
                    "aria-describedby": "locator-share-help",
                    "data-share-q": S.result.share_query,
                    "data-share-kind": S.kind,
                },
            ),
            rx.el.button(
                marked(lang, t["print"]),
                type="button",
                class_name="button button-secondary",
                custom_attrs={"data-print": "locator"},
            ),
            class_name="button-row",
        ),
        rx.el.p(marked(lang, t["share_help"]), id="locator-share-help", class_name="hint"),
        rx.el.div(status, role="status"),
        _hidden_form(SHARE_FORM_ID, ("status", "url"), S.shared),
        class_name="locator-tools no-print",
    )


def _results(t: dict[str, str], lang: str) -> rx.Component:
    return rx.cond(
        S.result.ok,
        rx.el.section(
            rx.el.h2(marked(lang, t["results_title"]), id=RESULTS_HEADING_ID, tab_index=-1),
            rx.el.p(
                pieces(S.result.explanation_pieces, lang),
                class_name=rx.cond(S.result.fallback, "note locator-fallback", "locator-explanation"),
            ),
            rx.el.p(rx.el.strong(pieces(S.result.notice_pieces, lang)), class_name="note locator-notice"),
            rx.cond(
                S.result.hint != "",
                rx.el.div(
                    rx.el.p(pieces(S.result.hint_pieces, lang)),
                    rx.el.button(
                        marked(lang, t["write_address"]),
                        type="button",
                        class_name="button button-secondary",
                        on_click=S.open_address_search,
                    ),
                    class_name="locator-hint no-print",
                ),
            ),
            _other_towns(t, lang),
            _filter(t, lang),
            rx.cond(
                S.count > 0,
                rx.el.ol(
                    rx.foreach(S.result.cards, lambda card, index: _card(card, index, t, lang)),
                    class_name="locator-list",
                ),
                rx.el.p(pieces(S.result.empty_pieces, lang), class_name="note"),
            ),
            rx.cond(
                S.can_show_more,
                rx.el.button(
                    marked(lang, t["more"]),
                    type="button",
                    class_name="button button-secondary no-print",
                    on_click=S.show_more,
                ),
            ),
            _tools(t, lang),
            class_name="locator-results",
            custom_attrs={"aria-labelledby": RESULTS_HEADING_ID},
        ),
    )


def _summary(t: dict[str, str], lang: str) -> rx.Component:
    """The polite live region: « 5 lieux trouvés près de Saint-Gaudens », or what is running."""
    around = {count: [*text.split("{town}", 1), ""][:2] for count, text in summaries(lang, MAX_LIMIT).items()}
    found = rx.Var.create(around).to(dict)[S.count.to_string()]
    done = rx.cond(
        S.result.ok,
        rx.fragment(found.to(list)[0].to(str), french(S.result.town, lang), found.to(list)[1].to(str)),
        rx.fragment(),
    )
    text = rx.match(S.busy, ("gps", marked(lang, t["gps_busy"])), ("", done), marked(lang, t["busy"]))
    return rx.el.p(
        text, id="locator-summary", class_name="locator-summary", aria_live="polite", role="status"
    )


def _signals() -> dict[str, rx.Var]:
    """The state's requests to the browser (address bar, focus), applied by ``assets/locator.js``."""
    return {
        "data-locator-signals": "",
        "data-url": S.url_query,
        "data-url-seq": S.url_seq,
        "data-focus": S.focus_id,
        "data-focus-seq": S.focus_seq,
        "data-live": rx.cond(S.is_hydrated, "true", "false"),
    }


def _offline(t: dict[str, str], lang: str) -> list[rx.Component]:
    """Where ``assets/locator-offline.js`` answers when the server is out of reach (no Internet): an
    empty box that React never fills, the page's words for it, and the script."""
    words = {key: t[key] for key in OFFLINE_KEYS} | {"summaries": summaries(lang, MAX_LIMIT)}
    return [
        rx.el.div(id="locator-local", class_name="locator-local"),
        rx.el.script(
            json.dumps(words, ensure_ascii=False), type="application/json", id="locator-offline-texts"
        ),
        rx.el.script(src="/locator-offline.js", defer=True),
    ]


def locator_page(lang: str) -> rx.Component:
    t = texts(lang)
    return layout.page(
        lang,
        routes.LOCATOR,
        rx.el.div(
            rx.el.h1(marked(lang, t["title"])),
            rx.el.p(marked(lang, t["lead"]), class_name="lead"),
            rx.el.section(
                rx.el.h2(marked(lang, t["search_title"]), id="locator-search-title"),
                _town_search(t, lang),
                _gps_search(t, lang),
                _address_search(t, lang),
                class_name="locator-search",
                custom_attrs={"aria-labelledby": "locator-search-title"},
            ),
            *_offline(t, lang),
            _summary(t, lang),
            _results(t, lang),
            class_name="locator",
            custom_attrs=_signals(),
        ),
    )


def register(app: rx.App) -> None:
    for lang in LANGUAGES:
        t = texts(lang)
        registry.add_localized_page(
            app,
            lang,
            routes.LOCATOR,
            partial(locator_page, lang),
            t["title"],
            t["description"],
            on_load=LocatorState.load_from_url,
        )
    registry.mark_available("mds")
