"""The result page: this tab's estimate — every benefit with its amount, its steps and how to ask for
it, the total, who decides —, or what a shared link carries (amounts and next steps only); who to
call and the nearest Maison des Solidarités; « Et si je travaille ? »; print, share and, for
mediators, a QR code."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_too_many_connection_errors

from pti_citizen import routes
from pti_citizen.content import load_site
from pti_citizen.ui import layout
from pti_citizen.ui.components.links import link
from pti_citizen.ui.feedback import feedback_widget
from pti_citizen.ui.simulator import view
from pti_citizen.ui.simulator.parts import both_blocks, error_message, fill, marked, sentence
from pti_citizen.ui.simulator.state import ResultState, SimulatorState
from pti_citizen.ui.simulator.texts import error_texts, page_texts

R = ResultState
OFFLINE = has_too_many_connection_errors
CAF_URL = "https://www.caf.fr/"
MSA_URL = "https://www.msa.fr/"
# The Aripa's site (the CAF's and the MSA's service for unpaid child support), as caf42.fr gives it:
# https://www.caf42.fr/lagence-de-recouvrement-des-impayes-de-pensions-alimentaires/ (read 2026-12-07).
ARIPA_URL = "https://www.pension-alimentaire.caf.fr/"
# « Un numéro unique pour contacter la CAF : le 3230 » (caf.fr, 2020), « service gratuit + prix de
# l'appel » (lepointdujour.fr, 24 August 2025): the sources of content/pages/fr/contact.md.
CAF_PHONE = "3230"
APPLY_GUIDE = ("demarches", "demander-le-rsa-en-ligne")
C2S_GUIDE = ("demarches", "complementaire-sante-solidaire")
PRIME_PAGE = ("droits", "prime-d-activite")
FAMILY_PAGE = ("droits", "prestations-familiales-et-rsa")
RESULT_HEADING_ID = "result-title"

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


def _amount(value: rx.Var, **props) -> rx.Component:
    """An amount in large type, isolated from the text around it (right-to-left pages)."""
    return rx.el.bdi(value, class_name=props.pop("class_name", "amount"), **props)


def _heading(key: str, *children: rx.Component | str) -> rx.Component:
    """The page's title takes the focus when the result appears, so that a screen reader reads it —
    with the total in it. Its own ``key``: React then draws a new heading (which assets/app.js
    focuses) instead of reusing the « waiting » one."""
    return rx.el.h1(
        *children,
        id=RESULT_HEADING_ID,
        tab_index=-1,
        class_name="result-title",
        custom_attrs={"data-autofocus": "true"},
        key=key,
    )


def _links(lang: str, *pairs: tuple[str, str]) -> rx.Component:
    return rx.el.ul(
        *[
            rx.el.li(link(marked(lang, label), href=href, class_name="button button-secondary"))
            for label, href in pairs
        ],
        class_name="button-row",
    )


def _next_step(t: dict, lang: str, code: rx.Var) -> rx.Component:
    """One next step by its engine code (codes the page does not know show nothing)."""
    locator = (t["locator_link"], routes.path(lang, routes.LOCATOR))
    return rx.match(
        code,
        (
            "apply_caf",
            rx.el.li(
                both_blocks(t["apply_caf_self"], t["apply_caf_helper"], lang),
                _links(
                    lang, (t["guide_link"], routes.content_page(lang, *APPLY_GUIDE)), (t["caf_link"], CAF_URL)
                ),
                class_name="next-step next-apply_caf",
            ),
        ),
        (
            "apply_msa",
            rx.el.li(
                both_blocks(t["apply_msa_self"], t["apply_msa_helper"], lang),
                _links(lang, (t["msa_link"], MSA_URL)),
                class_name="next-step next-apply_msa",
            ),
        ),
        (
            "c2s",
            rx.el.li(
                rx.el.p(marked(lang, t["c2s"])),
                _links(lang, (t["c2s_link"], routes.content_page(lang, *C2S_GUIDE))),
                class_name="next-step next-c2s",
            ),
        ),
        (
            "apply_prime",
            rx.el.li(
                both_blocks(t["apply_prime_self"], t["apply_prime_helper"], lang),
                _links(
                    lang, (t["prime_link"], routes.content_page(lang, *PRIME_PAGE)), (t["caf_link"], CAF_URL)
                ),
                class_name="next-step next-apply_prime",
            ),
        ),
        (
            "apply_caf_family",
            rx.el.li(
                both_blocks(t["apply_family_self"], t["apply_family_helper"], lang),
                _links(
                    lang,
                    (t["family_link"], routes.content_page(lang, *FAMILY_PAGE)),
                    (t["caf_link"], CAF_URL),
                ),
                class_name="next-step next-apply_caf_family",
            ),
        ),
        (
            "aripa",
            rx.el.li(
                rx.el.p(marked(lang, t["aripa"])),
                _links(lang, (t["aripa_link"], ARIPA_URL)),
                class_name="next-step next-aripa",
            ),
        ),
        (
            "contact_mds",
            rx.el.li(
                both_blocks(t["mds_self"], t["mds_helper"], lang),
                _links(lang, locator),
                class_name="next-step next-contact_mds",
            ),
        ),
        rx.fragment(),
    )


def _steps(t: dict, card: rx.Var) -> rx.Component:
    def line(step: rx.Var) -> rx.Component:
        return rx.el.li(
            rx.cond(
                step["figure"] != "",
                rx.el.bdi(step["figure"], class_name="step-figure", aria_hidden="true"),
            ),
            rx.el.span(sentence(step["text"]), class_name="step-text"),
            class_name="step step-" + step["effect"].to(str),
        )

    return rx.fragment(
        rx.el.h4(t["detail"], class_name="steps-title"),
        rx.el.ol(rx.foreach(card["steps"], line), class_name="steps"),
    )


def _due_card(t: dict, lang: str, *, with_steps: bool):
    def card(benefit: rx.Var) -> rx.Component:
        title_id = "benefit-" + benefit["name"].to(str)
        return rx.el.article(
            rx.el.h3(sentence(benefit["label"]), id=title_id, class_name="benefit-title"),
            rx.el.p(
                _amount(benefit["amount"]),
                " ",
                rx.el.span(t["per_month"], class_name="amount-unit"),
                class_name="amount-line",
            ),
            _steps(t, benefit) if with_steps else rx.fragment(),
            rx.el.p(sentence(benefit["decided_by"]), class_name="decided-by"),
            rx.cond(
                benefit["next_steps"].length() > 0,
                rx.fragment(
                    rx.el.h4(t["how_to_ask"], class_name="steps-title no-print"),
                    rx.el.ul(
                        rx.foreach(benefit["next_steps"], lambda code: _next_step(t, lang, code)),
                        class_name="next-steps",
                    ),
                ),
            ),
            class_name="benefit-card benefit-" + benefit["name"].to(str),
            custom_attrs={"aria-labelledby": title_id},
        )

    return card


def _not_due_card(t: dict, lang: str):
    def card(benefit: rx.Var) -> rx.Component:
        title_id = "benefit-" + benefit["name"].to(str)
        return rx.el.article(
            rx.el.h3(sentence(benefit["label"]), id=title_id, class_name="benefit-title"),
            rx.el.p(t["not_due"], class_name="not-due"),
            rx.cond(
                benefit["reasons"].length() > 0,
                rx.el.ul(
                    rx.foreach(benefit["reasons"], lambda text: rx.el.li(sentence(text))),
                    class_name="reasons",
                ),
            ),
            rx.cond(
                benefit["next_steps"].length() > 0,
                rx.el.ul(
                    rx.foreach(benefit["next_steps"], lambda code: _next_step(t, lang, code)),
                    class_name="next-steps no-print",
                ),
            ),
            class_name="benefit-card not-due-card benefit-" + benefit["name"].to(str),
            custom_attrs={"aria-labelledby": title_id},
        )

    return card


def _total_line(t: dict, self_key: str, helper_key: str, none_self: str, none_helper: str) -> rx.Component:
    return rx.cond(
        R.result.any_due,
        rx.el.span(
            rx.el.span(t[self_key], class_name="for-self"),
            rx.el.span(t[helper_key], class_name="for-helper"),
            " ",
            _amount(R.result.total, id="result-amount"),
            class_name="total-line",
        ),
        rx.el.span(
            rx.el.span(none_self, class_name="for-self"),
            rx.el.span(none_helper, class_name="for-helper"),
            class_name="total-line nothing-due",
        ),
    )


def _estimate_box(t: dict, lang: str) -> rx.Component:
    return rx.el.div(
        rx.el.p(fill(t["for_month"], month=R.result.month), class_name="result-month"),
        rx.el.p(rx.el.strong(marked(lang, t["estimate_only"])), class_name="estimate-only"),
        rx.cond(R.result.outdated, rx.el.p(t["outdated"], class_name="warning outdated")),
        class_name="result-box",
    )


def _family_given(t: dict, lang: str, errors: dict[str, str]) -> rx.Component:
    """« Je connais le montant que me verse la CAF »: the amount replaces the estimate of the family
    benefits (version 1's pinned number); the person can go back to the estimate."""
    return rx.el.details(
        rx.el.summary(marked(lang, t["family_known"])),
        rx.el.p(marked(lang, t["family_known_hint"]), id="family-hint", class_name="hint"),
        rx.el.form(
            rx.el.label(t["family_known_field"], html_for="family-benefits", class_name="field-label"),
            rx.el.div(
                rx.el.input(
                    id="family-benefits",
                    name="family_benefits",
                    type="text",
                    default_value=R.family_typed,
                    auto_complete="off",
                    input_mode="decimal",
                    max_length=40,
                    class_name="answer-input",
                    custom_attrs={
                        "aria-describedby": "family-hint family-error",
                        "aria-invalid": rx.cond(R.family_error != "", "true", "false"),
                        "spellCheck": "false",
                    },
                ),
                rx.el.span("€", class_name="unit", aria_hidden="true"),
                class_name="field-row",
            ),
            rx.el.p(
                error_message(errors, R.family_error, t["error_prefix"]),
                id="family-error",
                class_name="field-error",
            ),
            rx.el.button(t["family_known_submit"], type="submit", class_name="button", disabled=OFFLINE),
            on_submit=ResultState.give_family_benefits,
            class_name="answer-form",
            custom_attrs={"data-error-serial": R.family_serial},
        ),
        rx.cond(
            R.result.family_given,
            rx.el.button(
                t["family_estimate_again"],
                type="button",
                class_name="button button-secondary",
                on_click=ResultState.estimate_family_benefits,
                disabled=OFFLINE,
            ),
        ),
        class_name="family-known no-print",
    )


def _contact(t: dict, lang: str) -> rx.Component:
    """The CAF's phone number, and the nearest Maison des Solidarités to the town typed."""
    mds = R.mds
    card = rx.el.div(
        rx.el.p(fill(t["mds_nearest"], town=rx.el.bdi(mds.town, lang="fr"))),
        rx.el.p(rx.el.strong(rx.el.bdi(mds.name, lang="fr", dir="ltr")), class_name="mds-name"),
        rx.el.p(rx.el.bdi(mds.address, lang="fr", dir="ltr"), class_name="mds-address"),
        rx.el.p(
            rx.el.a(
                t["mds_call"],
                " ",
                rx.el.bdi(mds.phone, dir="ltr"),
                href=mds.phone_href,
                class_name="button button-secondary",
            ),
        ),
        rx.cond(mds.today != "", rx.el.p(mds.today, class_name="mds-today")),
        rx.el.p(mds.status, class_name="mds-status"),
        rx.el.p(sentence(mds.notice), class_name="hint"),
        class_name="mds-card",
    )
    has_error = mds.error.length() > 0
    problem = rx.cond(
        has_error,
        rx.el.div(
            rx.el.p(sentence(mds.error), id="mds-error", class_name="field-error"),
            rx.el.ul(
                rx.foreach(
                    mds.suggestions,
                    lambda name: rx.el.li(
                        rx.el.button(
                            rx.el.bdi(name, lang="fr"),
                            type="button",
                            class_name="button button-secondary",
                            on_click=ResultState.pick_town(name),
                        )
                    ),
                ),
                class_name="button-row",
            ),
        ),
    )
    locator = routes.path(lang, routes.LOCATOR)
    return rx.el.section(
        rx.el.h2(t["contact_title"], id="contact-title"),
        rx.el.p(marked(lang, t["caf_phone"])),
        rx.el.p(
            rx.el.a(
                marked(lang, t["caf_phone_link"]),
                href="tel:" + CAF_PHONE,
                class_name="button button-secondary",
            )
        ),
        rx.el.p(marked(lang, t["mds_search_intro"]), id="mds-search-intro"),
        rx.el.form(
            rx.el.label(t["mds_search_field"], html_for="mds-town", class_name="field-label"),
            rx.el.input(
                id="mds-town",
                name="commune",
                type="text",
                default_value=R.town,
                auto_complete="address-level2",
                max_length=200,
                class_name="answer-input answer-input-wide",
                custom_attrs={
                    "aria-describedby": rx.cond(has_error, "mds-search-intro mds-error", "mds-search-intro"),
                    "aria-invalid": rx.cond(has_error, "true", "false"),
                },
            ),
            rx.el.button(
                rx.cond(OFFLINE, t["offline_button"], marked(lang, t["mds_search_submit"])),
                type="submit",
                class_name="button",
                disabled=OFFLINE,
            ),
            on_submit=ResultState.find_mds,
            class_name="answer-form mds-search no-print",
        ),
        rx.cond(mds.found, card, problem),
        rx.el.p(link(t["mds_more"], href=locator + mds.locator_query, class_name="button button-secondary")),
        class_name="contact",
        custom_attrs={"aria-labelledby": "contact-title"},
    )


# ---- « Et si je travaille ? » ----


def _job_field(t: dict, field: str, label_key: str, value: rx.Var, handler) -> rx.Component:
    field_id = "job-" + field.replace("_", "-")
    error_id = field_id + "-error"
    errors = R.work.errors
    return rx.el.div(
        rx.el.label(t[label_key], html_for=field_id, class_name="field-label"),
        rx.el.input(
            id=field_id,
            name=field,
            type="text",
            default_value=value,
            auto_complete="off",
            input_mode="decimal",
            max_length=20,
            class_name="answer-input answer-input-short",
            on_change=handler,
            custom_attrs={
                "aria-describedby": error_id,
                "aria-invalid": rx.cond(errors.contains(field), "true", "false"),
                "spellCheck": "false",
            },
        ),
        rx.el.p(
            rx.cond(
                errors.contains(field),
                rx.fragment(rx.el.span(t["error_prefix"], " ", class_name="visually-hidden"), errors[field]),
            ),
            id=error_id,
            class_name="field-error",
        ),
        class_name="job-field",
    )


def _radio(name: str, value: str, label: str, checked: rx.Var, handler) -> rx.Component:
    """A radio button inside its label: the whole line is the target."""
    return rx.el.label(
        rx.el.input(type="radio", name=name, value=value, checked=checked, on_change=handler),
        rx.el.span(label),
        class_name="radio",
    )


def _bar(t: dict, column: rx.Var, label: str) -> rx.Component:
    segment = lambda kind: rx.el.span(class_name="bar-part bar-" + kind + " " + column["w_" + kind].to(str))  # noqa: E731
    return rx.el.div(
        rx.el.span(label, class_name="bar-label"),
        rx.el.span(
            segment("earnings"), segment("rsa"), segment("prime"), segment("family"), class_name="bar"
        ),
        rx.el.bdi(column["total"], class_name="bar-total"),
        class_name="bar-row",
    )


def _work(t: dict, lang: str) -> rx.Component:
    work = R.work
    by_hours = rx.fragment(
        _job_field(t, "hours_per_week", "work_hours", R.job_hours, ResultState.set_job_hours),
        _job_field(t, "hourly_wage", "work_wage", R.job_wage, ResultState.set_job_wage),
    )
    by_month = _job_field(t, "monthly_net_pay", "work_pay", R.job_pay, ResultState.set_job_pay)
    rows = [
        ("work_earnings", "earnings"),
        ("work_rsa", "rsa"),
        ("work_prime", "prime"),
        ("work_family", "family"),
    ]
    table = rx.el.table(
        rx.el.caption(t["work_table"], id="work-table-caption"),
        rx.el.thead(
            rx.el.tr(
                rx.el.td(),
                rx.el.th(t["work_now"], scope="col"),
                rx.el.th(t["work_with_job"], scope="col"),
            )
        ),
        rx.el.tbody(
            *[
                rx.el.tr(
                    rx.el.th(
                        rx.el.span(class_name="key key-" + kind, aria_hidden="true"),
                        marked(lang, t[key]),
                        scope="row",
                    ),
                    rx.el.td(rx.el.bdi(work.now[kind])),
                    rx.el.td(rx.el.bdi(work.with_job[kind])),
                )
                for key, kind in rows
            ],
            rx.el.tr(
                rx.el.th(t["work_total"], scope="row"),
                rx.el.td(rx.el.strong(rx.el.bdi(work.now.total))),
                rx.el.td(rx.el.strong(rx.el.bdi(work.with_job.total))),
                class_name="total-row",
            ),
        ),
        class_name="work-table",
    )
    comparison = rx.fragment(
        # The bars repeat the table for the eye; screen readers read the table.
        rx.el.div(
            _bar(t, work.now, t["work_now"]),
            _bar(t, work.with_job, t["work_with_job"]),
            class_name="bars",
            aria_hidden="true",
        ),
        # At the largest text size on a small screen the table scrolls on its own, not the page.
        rx.el.div(
            table,
            class_name="table-scroll",
            tab_index=0,
            role="region",
            custom_attrs={"aria-labelledby": "work-table-caption"},
        ),
        rx.el.p(rx.el.strong(sentence(work.delay)), class_name="work-delay"),
        rx.el.p(sentence(work.estimate), class_name="hint"),
    )
    return rx.el.section(
        rx.el.h2(t["work_title"], id="work-title"),
        both_blocks(t["work_intro_self"], t["work_intro_helper"], lang),
        _offline_note(t),
        rx.el.form(
            rx.el.fieldset(
                rx.el.legend(t["work_how"]),
                _radio(
                    "job-mode",
                    "hours",
                    t["work_by_hours"],
                    R.job_mode == "hours",
                    ResultState.set_job_mode("hours"),
                ),
                _radio(
                    "job-mode",
                    "pay",
                    t["work_by_month"],
                    R.job_mode == "pay",
                    ResultState.set_job_mode("pay"),
                ),
                class_name="radios",
            ),
            rx.cond(R.job_mode == "pay", by_month, by_hours),
            rx.cond(
                R.couple,
                rx.el.fieldset(
                    rx.el.legend(t["work_who"]),
                    _radio(
                        "job-who",
                        "applicant",
                        rx.fragment(
                            rx.el.span(t["work_who_applicant_self"], class_name="for-self"),
                            rx.el.span(t["work_who_applicant_helper"], class_name="for-helper"),
                        ),
                        R.job_who == "applicant",
                        ResultState.set_job_who("applicant"),
                    ),
                    _radio(
                        "job-who",
                        "partner",
                        t["work_who_partner"],
                        R.job_who == "partner",
                        ResultState.set_job_who("partner"),
                    ),
                    class_name="radios",
                ),
            ),
            on_submit=rx.prevent_default,
            class_name="job-form",
            custom_attrs={"data-live-check": "true"},
        ),
        rx.el.div(
            rx.cond(
                work.ready,
                rx.el.p(sentence(work.summary), class_name="work-summary"),
                rx.el.p(t["work_fill"], class_name="hint"),
            ),
            role="status",
            id="work-summary",
        ),
        rx.cond(work.ready, comparison),
        class_name="what-if no-print",
        custom_attrs={"aria-labelledby": "work-title"},
    )


def _offline_note(t: dict) -> rx.Component:
    return rx.cond(OFFLINE, rx.el.p(t["offline"], class_name="warning offline-note", role="status"))


# ---- share, print, hand over ----


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
                        "data-link": R.result.link,
                        "data-copied": t["copied"],
                        "data-copy-this": t["copy_this"],
                    },
                )
            ),
            rx.el.li(
                rx.el.button(
                    t["review"],
                    type="button",
                    class_name="button button-secondary",
                    on_click=[SimulatorState.review, rx.redirect(routes.path(lang, routes.SIMULATOR))],
                )
            ),
            class_name="button-row",
        ),
        rx.el.p(t["share_note"], class_name="hint"),
        rx.el.p(id="share-status", role="status", class_name="share-status"),
        class_name="result-actions no-print",
    )


def _hand_over(t: dict, lang: str) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t["hand_over"], id="hand-over-title"),
        rx.el.p(t["on_paper"], class_name="no-print"),
        rx.el.p(marked(lang, t["on_phone"])),
        rx.el.img(
            src=R.result.qr_code,
            alt=t["qr_alt"],
            class_name="qr-code",
            # As HTML attributes: width=/height= keywords would become inline CSS (blocked by the CSP).
            custom_attrs={"width": "240", "height": "240"},
        ),
        rx.el.p(
            t["or_link"],
            " ",
            link(rx.el.bdi(R.result.public_link, dir="ltr"), href=R.result.public_link, class_name="qr-link"),
        ),
        _typed_address(t["type_address"], "short-address"),
        rx.el.p(t["erase_reminder"], class_name="hint no-print"),
        class_name="hand-over when-mediateur",
        custom_attrs={"aria-labelledby": "hand-over-title"},
    )


def _typed_address(sentence: str, class_name: str) -> rx.Component:
    """The short address to type (``host/r/CODE``), when the result fits one: left to right even on
    an Arabic page, as it is typed."""
    return rx.cond(
        R.result.short_address != "",
        rx.el.p(
            sentence, " ", rx.el.bdi(rx.el.strong(R.result.short_address), dir="ltr", class_name=class_name)
        ),
    )


def _recap(t: dict, lang: str) -> rx.Component:
    """The one-page A4 recap (issue 17): printed instead of the screen's page, in its language. Only
    what the person takes away: the estimate per benefit, the papers, the next steps with their
    addresses (links print their address: assets/simulator.css), the nearest MDS with its week and
    the next Kiosque Insertion, the date, and who decides."""
    mds = R.mds
    guide = load_site().page(lang, APPLY_GUIDE[1])
    papers = [item.label for item in guide.checklist] if guide is not None else []
    return rx.el.section(
        rx.el.h2(t["recap_title"], id="recap-title"),
        rx.el.p(fill(t["recap_made_on"], date=R.result.made_on, site=rx.el.bdi(R.result.site, dir="ltr"))),
        # The paper's way back to the result (amounts and next steps only): typed, no camera needed.
        _typed_address(t["recap_again"], "recap-address"),
        # Worded apart from the screen's sentences: the page keeps one copy of each (tests find them).
        rx.el.p(rx.el.strong(t["recap_estimate"]), " ", marked(lang, t["recap_who_decides"])),
        rx.el.h3(t["recap_due"]),
        rx.cond(
            R.result.any_due,
            rx.el.p(fill(t["recap_total"], amount=rx.el.strong(rx.el.bdi(R.result.total)))),
        ),
        rx.cond(
            R.result.due.length() > 0,
            rx.el.ul(
                rx.foreach(
                    R.result.due,
                    lambda benefit: rx.el.li(
                        rx.el.strong(sentence(benefit["label"])),
                        " : ",
                        rx.el.bdi(benefit["amount"]),
                        " ",
                        t["per_month"],
                        ". ",
                        sentence(benefit["decided_by"]),
                    ),
                ),
                class_name="recap-benefits",
            ),
            rx.el.p(t["recap_nothing"]),
        ),
        rx.el.h3(t["recap_papers"]),
        rx.el.ul(*[rx.el.li(marked(lang, paper)) for paper in papers], class_name="recap-papers"),
        rx.el.h3(t["recap_next"]),
        rx.el.ul(
            rx.foreach(R.result.next_steps, lambda code: _next_step(t, lang, code)), class_name="next-steps"
        ),
        rx.el.h3(t["recap_mds"]),
        rx.cond(
            mds.found,
            rx.el.div(
                rx.el.p(
                    rx.el.strong(rx.el.bdi(mds.name, lang="fr", dir="ltr")),
                    " — ",
                    rx.el.bdi(mds.address, lang="fr", dir="ltr"),
                ),
                rx.cond(mds.phone != "", rx.el.p(t["recap_phone"], " ", rx.el.bdi(mds.phone, dir="ltr"))),
                rx.cond(
                    mds.week.length() > 0,
                    rx.el.div(
                        rx.el.p(t["recap_hours"]),
                        rx.el.ul(rx.foreach(mds.week, lambda line: rx.el.li(line)), class_name="recap-week"),
                    ),
                    rx.el.p(mds.status),
                ),
                rx.cond(mds.kiosque != "", rx.el.p(mds.kiosque)),
            ),
            rx.el.p(
                fill(
                    t["recap_no_mds"],
                    site=rx.el.bdi(R.result.site + routes.path(lang, routes.LOCATOR), dir="ltr"),
                )
            ),
        ),
        class_name="recap",
        custom_attrs={"aria-labelledby": "recap-title"},
    )


def _phone(t: dict) -> rx.Component:
    """« Continuer sur mon téléphone »: on request only (on a shared terminal, the next visitor must
    not find a code that shows the answers), with a plain warning."""
    shown = R.phone.link != ""
    return rx.el.section(
        rx.el.h2(t["phone_title"], id="phone-title"),
        rx.el.p(t["phone_intro"]),
        rx.el.p(t["phone_warning"], class_name="warning"),
        rx.cond(
            shown,
            rx.el.div(
                rx.el.svg(
                    rx.el.svg.path(d=R.phone.d),  # black: the default fill (a fill= prop would be inline CSS)
                    view_box="0 0 " + R.phone.size.to(str) + " " + R.phone.size.to(str),
                    role="img",
                    class_name="qr-code",
                    custom_attrs={"aria-label": t["phone_qr_label"], "shape-rendering": "crispEdges"},
                ),
                rx.el.p(
                    t["phone_or_link"],
                    " ",
                    link(
                        rx.el.bdi(t["phone_link_text"], dir="auto"), href=R.phone.link, class_name="qr-link"
                    ),
                ),
                rx.el.button(
                    t["phone_hide"],
                    type="button",
                    class_name="button button-secondary",
                    on_click=ResultState.hide_phone_link,
                ),
                id="phone-code",
            ),
            rx.el.button(
                t["phone_show"],
                type="button",
                class_name="button",
                on_click=ResultState.show_phone_link,
            ),
        ),
        class_name="phone-hand-over no-print",
        custom_attrs={"aria-labelledby": "phone-title"},
    )


def _benefits(t: dict, lang: str, *, with_steps: bool) -> rx.Component:
    return rx.fragment(
        rx.cond(
            R.result.due.length() > 0,
            rx.el.section(
                rx.el.h2(t["due_title"], id="due-title"),
                rx.foreach(R.result.due, _due_card(t, lang, with_steps=with_steps)),
                class_name="benefits",
                custom_attrs={"aria-labelledby": "due-title"},
            ),
        ),
        rx.cond(
            R.result.not_due.length() > 0,
            rx.el.section(
                rx.el.h2(t["not_due_title"], id="not-due-title"),
                rx.foreach(R.result.not_due, _not_due_card(t, lang)),
                class_name="benefits benefits-not-due",
                custom_attrs={"aria-labelledby": "not-due-title"},
            ),
        ),
    )


def _own(t: dict, lang: str) -> rx.Component:
    errors = error_texts(lang)
    return rx.fragment(
        _heading(
            "result-own",
            rx.el.span(
                rx.el.span(t["own_title_self"], class_name="for-self"),
                rx.el.span(t["own_title_helper"], class_name="for-helper"),
                class_name="result-title-text",
            ),
            _total_line(t, "total_self", "total_helper", t["nothing_self"], t["nothing_helper"]),
        ),
        _estimate_box(t, lang),
        rx.foreach(R.result.notices, lambda text: rx.el.p(sentence(text), class_name="note")),
        _benefits(t, lang, with_steps=True),
        rx.el.section(
            rx.el.h2(t["assumptions"], id="assumptions-title"),
            rx.el.ul(rx.foreach(R.result.assumptions, lambda text: rx.el.li(sentence(text)))),
            rx.cond(R.result.family_given, rx.el.p(t["family_given"], class_name="note")),
            _family_given(t, lang, errors),
            custom_attrs={"aria-labelledby": "assumptions-title"},
        ),
        _contact(t, lang),
        _work(t, lang),
        _actions(t, lang),
        _hand_over(t, lang),
        _phone(t),
        rx.el.p(link(t["reminders_link"], href=routes.path(lang, routes.REMINDERS)), class_name="no-print"),
        _recap(t, lang),
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
        _heading(
            "result-shared",
            rx.el.span(t["shared_title"], class_name="result-title-text"),
            _total_line(t, "shared_total", "shared_total", t["shared_nothing"], t["shared_nothing"]),
        ),
        rx.cond(R.result.legacy, rx.el.p(marked(lang, t["shared_legacy"]), class_name="note")),
        _estimate_box(t, lang),
        _benefits(t, lang, with_steps=False),
        rx.cond(
            R.result.next_steps.length() > 0,
            rx.el.section(
                rx.el.h2(t["next"], id="next-title"),
                rx.el.ul(
                    rx.foreach(R.result.next_steps, lambda code: _next_step(t, lang, code)),
                    class_name="next-steps",
                ),
                custom_attrs={"aria-labelledby": "next-title"},
            ),
        ),
        rx.el.p(marked(lang, t["caf_phone"])),
        rx.el.p(t["shared_note"], class_name="hint"),
        rx.el.p(link(t["own_estimate"], href=routes.path(lang, routes.SIMULATOR), class_name="button")),
    )


def _problem(key: str, title: str, text: str, action: str, href: str) -> rx.Component:
    return rx.fragment(
        _heading(key, title),
        rx.el.p(text, class_name="lead"),
        rx.el.p(link(action, href=href, class_name="button")),
    )


def result_page(lang: str) -> rx.Component:
    t = page_texts(lang)
    wizard = routes.path(lang, routes.SIMULATOR)
    waiting = rx.fragment(
        rx.el.h1(t["result_title"], class_name="result-title", key="result-waiting"),
        rx.el.p(t["waiting"], role="status", class_name="lead"),
    )
    return layout.page(
        lang,
        routes.SIMULATOR_RESULT,
        rx.el.div(
            rx.match(
                R.result.outcome,
                (view.OWN, _own(t, lang)),
                (view.SHARED, _shared(t, lang)),
                (
                    view.BAD_LINK,
                    _problem("bad", t["bad_link_title"], t["bad_link"], t["own_estimate"], wizard),
                ),
                (
                    view.INCOMPLETE,
                    _problem("missing", t["incomplete_title"], t["incomplete"], t["resume"], wizard),
                ),
                (view.FAILED, _problem("failed", t["failed_title"], t["failed"], t["resume"], wizard)),
                waiting,
            ),
            class_name="result",
        ),
        feedback_widget(lang, routes.SIMULATOR_RESULT),
    )
