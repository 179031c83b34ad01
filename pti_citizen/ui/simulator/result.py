"""The result page: the estimate of this tab's answers, or the outcome carried by a shared link
(amount and next steps only), with what to do next, print, share and, for mediators, a QR code."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.ui import layout
from pti_citizen.ui.components.links import link
from pti_citizen.ui.feedback import feedback_widget
from pti_citizen.ui.simulator import state as st
from pti_citizen.ui.simulator.parts import both_blocks, fill
from pti_citizen.ui.simulator.state import SimulatorState
from pti_citizen.ui.simulator.texts import page_texts

S = SimulatorState
CAF_URL = "https://www.caf.fr/"
MSA_URL = "https://www.msa.fr/"
APPLY_GUIDE = ("demarches", "demander-le-rsa-en-ligne")
C2S_GUIDE = ("demarches", "complementaire-sante-solidaire")
INCOME_PAGE = ("droits", "montant-du-rsa")

#: Web Share when the browser has it, else the clipboard, else the link written out to copy by hand.
SHARE_SCRIPT = """(function(){
  var b=document.getElementById('share-result'), out=document.getElementById('share-status');
  if(!b||!out) return;
  var url=new URL(b.getAttribute('data-link'), window.location.origin).href;
  function show(text, withLink){
    out.textContent=text;
    if(withLink){var a=document.createElement('a');a.href=url;a.textContent=url;out.appendChild(document.createTextNode(' '));out.appendChild(a);}
  }
  if(navigator.share){navigator.share({title:document.title,url:url}).catch(function(){});return;}
  if(navigator.clipboard&&window.isSecureContext){
    navigator.clipboard.writeText(url).then(function(){show(b.getAttribute('data-copied'),false);},
      function(){show(b.getAttribute('data-copy-this'),true);});
    return;
  }
  show(b.getAttribute('data-copy-this'),true);
})()"""


def _heading(text: rx.Component | str, **props) -> rx.Component:
    return rx.el.h1(
        text,
        id="result-title",
        tab_index=-1,
        class_name="result-title",
        custom_attrs={"data-autofocus": "true"},
        **props,
    )


def _amount_box(
    t: dict, eligible_self: str, eligible_helper: str, no_self: str, no_helper: str
) -> rx.Component:
    return rx.el.div(
        rx.cond(
            S.eligible,
            rx.fragment(
                both_blocks(eligible_self, eligible_helper, class_name="verdict"),
                rx.el.p(
                    rx.el.span(t["amount_label"], class_name="amount-label"),
                    rx.el.span(S.amount, class_name="amount", id="result-amount"),
                    rx.el.span(t["per_month"], class_name="amount-unit"),
                    class_name="amount-line",
                ),
            ),
            both_blocks(no_self, no_helper, class_name="verdict"),
        ),
        rx.el.p(fill(t["for_month"], month=S.month), class_name="result-month"),
        rx.el.p(rx.el.strong(t["estimate_only"]), class_name="estimate-only"),
        rx.cond(S.outdated, rx.el.p(t["outdated"], class_name="warning outdated")),
        class_name=rx.cond(S.eligible, "result-box eligible", "result-box not-eligible"),
    )


def _next_steps(t: dict, lang: str) -> rx.Component:
    steps = S.next_steps

    def item(code: str, *children: rx.Component) -> rx.Component:
        return rx.cond(steps.contains(code), rx.el.li(*children, class_name=f"next-step next-{code}"))

    def links(*pairs: tuple[str, str]) -> rx.Component:
        return rx.el.ul(
            *[
                rx.el.li(link(label, href=href, class_name="button button-secondary"))
                for label, href in pairs
            ],
            class_name="button-row",
        )

    locator = (t["locator_link"], routes.path(lang, routes.LOCATOR))
    return rx.el.section(
        rx.el.h2(t["next"], id="next-title"),
        rx.el.ul(
            item(
                "apply_caf",
                both_blocks(t["apply_caf_self"], t["apply_caf_helper"]),
                links(
                    (t["guide_link"], routes.content_page(lang, *APPLY_GUIDE)),
                    (t["caf_link"], CAF_URL),
                ),
                both_blocks(t["in_person_self"], t["in_person_helper"]),
                links(locator),
            ),
            item(
                "apply_msa",
                both_blocks(t["apply_msa_self"], t["apply_msa_helper"]),
                links((t["msa_link"], MSA_URL)),
            ),
            item("c2s", rx.el.p(t["c2s"]), links((t["c2s_link"], routes.content_page(lang, *C2S_GUIDE)))),
            item(
                "prime_activite",
                both_blocks(t["prime_self"], t["prime_helper"]),
                links((t["prime_link"], routes.content_page(lang, *INCOME_PAGE) + "#revenus")),
            ),
            item("contact_mds", both_blocks(t["mds_self"], t["mds_helper"]), links(locator)),
            class_name="next-steps",
        ),
        custom_attrs={"aria-labelledby": "next-title"},
    )


def _actions(t: dict, lang: str) -> rx.Component:
    return rx.el.div(
        rx.el.ul(
            rx.el.li(
                rx.el.button(
                    t["print"], type="button", class_name="button", custom_attrs={"data-print": "result"}
                )
            ),
            rx.el.li(
                rx.el.button(
                    t["share"],
                    type="button",
                    id="share-result",
                    class_name="button button-secondary",
                    # Compiled into the page as a function (the CSP forbids eval of server-sent code).
                    on_click=rx.call_function(rx.Var(f"() => {SHARE_SCRIPT}")),
                    custom_attrs={
                        "data-link": S.link,
                        "data-copied": t["copied"],
                        "data-copy-this": t["copy_this"],
                    },
                )
            ),
            rx.el.li(
                link(
                    t["review"],
                    href=routes.path(lang, routes.SIMULATOR),
                    class_name="button button-secondary",
                )
            ),
            class_name="button-row",
        ),
        rx.el.p(t["share_note"], class_name="hint"),
        rx.el.p(id="share-status", role="status", class_name="share-status"),
        class_name="result-actions no-print",
    )


def _hand_over(t: dict) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t["hand_over"], id="hand-over-title"),
        rx.el.p(t["on_paper"], class_name="no-print"),
        rx.el.p(t["on_phone"]),
        rx.el.img(
            src=S.qr_code,
            alt=t["qr_alt"],
            class_name="qr-code",
            # As HTML attributes: width=/height= keywords would become inline CSS (blocked by the CSP).
            custom_attrs={"width": "240", "height": "240"},
        ),
        rx.el.p(t["or_link"], " ", link(S.public_link, href=S.public_link, class_name="qr-link")),
        rx.cond(
            S.short_address != "",
            rx.el.p(
                t["type_address"],
                " ",
                # Left to right and French-free even on an Arabic page: it is typed as written.
                rx.el.bdi(rx.el.strong(S.short_address), dir="ltr", class_name="short-address"),
            ),
        ),
        rx.el.p(t["erase_reminder"], class_name="hint no-print"),
        class_name="hand-over when-mediateur",
        custom_attrs={"aria-labelledby": "hand-over-title"},
    )


def _own(t: dict, lang: str) -> rx.Component:
    return rx.fragment(
        _heading(
            rx.fragment(
                rx.el.span(t["own_title_self"], class_name="for-self"),
                rx.el.span(t["own_title_helper"], class_name="for-helper"),
            )
        ),
        _amount_box(
            t, t["eligible_self"], t["eligible_helper"], t["not_eligible_self"], t["not_eligible_helper"]
        ),
        rx.cond(
            ~S.eligible,
            rx.el.section(
                rx.el.h2(t["why_not"], id="why-not-title"),
                rx.el.ul(rx.foreach(S.reasons, lambda text: rx.el.li(text))),
                custom_attrs={"aria-labelledby": "why-not-title"},
            ),
        ),
        rx.foreach(S.notices, lambda text: rx.el.p(text, class_name="note")),
        _next_steps(t, lang),
        rx.el.section(
            rx.el.h2(t["detail"], id="detail-title"),
            rx.el.ol(rx.foreach(S.steps, lambda text: rx.el.li(text)), class_name="steps"),
            custom_attrs={"aria-labelledby": "detail-title"},
        ),
        _actions(t, lang),
        _hand_over(t),
        rx.el.p(
            rx.el.button(
                t["new_estimate"],
                type="button",
                class_name="button button-secondary",
                on_click=[SimulatorState.restart, rx.redirect(routes.path(lang, routes.SIMULATOR))],
            ),
            class_name="no-print",
        ),
    )


def _shared(t: dict, lang: str) -> rx.Component:
    return rx.fragment(
        _heading(t["shared_title"]),
        _amount_box(
            t, t["shared_eligible"], t["shared_eligible"], t["shared_not_eligible"], t["shared_not_eligible"]
        ),
        _next_steps(t, lang),
        rx.el.p(t["shared_note"], class_name="hint"),
        rx.el.p(link(t["own_estimate"], href=routes.path(lang, routes.SIMULATOR), class_name="button")),
    )


def _problem(title: str, text: str, action: str, href: str) -> rx.Component:
    return rx.fragment(
        _heading(title),
        rx.el.p(text, class_name="lead"),
        rx.el.p(link(action, href=href, class_name="button")),
    )


def result_page(lang: str) -> rx.Component:
    t = page_texts(lang)
    wizard = routes.path(lang, routes.SIMULATOR)
    waiting = rx.fragment(
        _heading(t["result_title"]),
        rx.el.p(t["waiting"], role="status", class_name="lead"),
    )
    return layout.page(
        lang,
        routes.SIMULATOR_RESULT,
        rx.el.div(
            rx.match(
                S.outcome,
                (st.OWN, _own(t, lang)),
                (st.SHARED, _shared(t, lang)),
                (st.BAD_LINK, _problem(t["bad_link_title"], t["bad_link"], t["own_estimate"], wizard)),
                (st.INCOMPLETE, _problem(t["incomplete_title"], t["incomplete"], t["resume"], wizard)),
                (st.FAILED, _problem(t["failed_title"], t["failed"], t["resume"], wizard)),
                waiting,
            ),
            class_name="result",
        ),
        feedback_widget(lang, routes.SIMULATOR_RESULT),
    )
