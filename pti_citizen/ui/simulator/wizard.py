"""The wizard page « Est-ce que j'ai droit au RSA et à d'autres aides ? »: one question per screen,
big answer buttons, the part of the wizard (« Étape 2 sur 4 »), « Pourquoi cette question ? », back.
Every screen is built at build time in the page's language; the state only says which one is on
screen. Without a connection the buttons say so and wait; nothing typed is lost."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_too_many_connection_errors

from pti_citizen import routes
from pti_citizen.simulator import answers as a
from pti_citizen.ui import layout
from pti_citizen.ui.simulator.parts import both, error_message, fill, marked
from pti_citizen.ui.simulator.state import SimulatorState
from pti_citizen.ui.simulator.texts import (
    QuestionText,
    error_texts,
    page_texts,
    question_texts,
    section_names,
)

S = SimulatorState
HINT_ID = "question-hint"
ERROR_ID = "answer-error"
OFFLINE = has_too_many_connection_errors


def _why(lang: str, t: dict, text: QuestionText) -> rx.Component:
    return rx.el.details(rx.el.summary(t["why"]), rx.el.p(marked(lang, text.why)), class_name="why no-print")


def _title(
    lang: str, t: dict, sections: dict[str, str], question: a.Question, text: QuestionText
) -> rx.Component:
    step = a.section_number(question.id)
    progress = t["progress"].format(n=step, total=len(a.SECTIONS), section=sections[question.section])
    return rx.el.h2(
        rx.el.span(progress, class_name="progress-text"),
        rx.el.span(both(text.title, lang), id="question-text", class_name="question-text"),
        id="question-title",
        tab_index=-1,
        class_name="question-title",
        custom_attrs={"data-autofocus": "true"},
    )


def _progress_bar(question: a.Question) -> rx.Component:
    # A native <progress>: no inline style (the CSP allows none), drawn by assets/simulator.css. The
    # heading already says « Étape n sur 4 », so the bar is only visual. Four parts, always.
    return rx.el.progress(
        value=a.section_number(question.id),
        max=len(a.SECTIONS),
        class_name="progress-bar",
        aria_hidden="true",
    )


def _hint(lang: str, question: a.Question, text: QuestionText) -> rx.Component:
    if text.hint is None:
        return rx.fragment()
    months = S.income_months[lang]
    if text.other_hint is not None:
        # The pension alimentaire has its own question for a parent alone: the hint leaves it out then.
        words = rx.cond(S.wizard.child_support_later, both(text.hint, lang), both(text.other_hint, lang))
    elif "{months}" in text.hint.self:
        words = rx.fragment(
            rx.el.span(*fill(text.hint.self, months=months), class_name="for-self"),
            rx.el.span(*fill(text.hint.helper, months=months), class_name="for-helper"),
        )
    else:
        words = both(text.hint, lang)
    return rx.el.p(words, id=HINT_ID, class_name="hint question-hint")


def _offline_note(t: dict) -> rx.Component:
    return rx.cond(OFFLINE, rx.el.p(t["offline"], class_name="warning offline-note", role="status"))


def _choice_buttons(lang: str, qid: str, choices: dict[str, str], *, row: bool = False) -> rx.Component:
    buttons = rx.el.ul(
        *[
            rx.el.li(
                rx.el.button(
                    marked(lang, label),
                    type="button",
                    class_name="choice answer",
                    on_click=SimulatorState.choose(qid, value),
                    disabled=OFFLINE,
                    custom_attrs={"aria-pressed": rx.cond(S.wizard.chosen[qid] == value, "true", "false")},
                )
            )
            for value, label in choices.items()
        ],
        class_name="choices answers" + (" answers-row" if row else ""),
    )
    return rx.el.div(buttons, role="group", custom_attrs={"aria-labelledby": "question-text"})


def _submit_button(t: dict, label: str) -> rx.Component:
    return rx.el.button(
        rx.cond(OFFLINE, t["offline_button"], label),
        type="submit",
        class_name="button",
        disabled=OFFLINE,
    )


def _typed_field(
    t: dict,
    errors: dict[str, str],
    question: a.Question,
    label: str,
    *,
    has_hint: bool,
    submit: str,
) -> rx.Component:
    qid = question.id
    numeric = question.kind in (a.WHOLE, a.COUNT)
    described = f"{HINT_ID} {ERROR_ID}" if has_hint else ERROR_ID
    return rx.el.form(
        rx.el.input(type="hidden", name="question", default_value=qid),
        rx.el.label(label, html_for="answer-input", class_name="field-label"),
        rx.el.div(
            rx.el.input(
                id="answer-input",
                name="value",
                type="text",
                default_value=S.wizard.more_children
                if question.kind == a.COUNT
                else rx.cond(S.wizard.chosen.contains(qid), S.wizard.chosen[qid], ""),
                auto_complete="off",
                input_mode="numeric" if numeric else "decimal",
                max_length=a.MAX_ANSWER_CHARS,
                class_name="answer-input",
                custom_attrs={
                    "aria-describedby": described,
                    "aria-invalid": rx.cond(S.error != "", "true", "false"),
                    "spellCheck": "false",
                },
            ),
            rx.el.span("€", class_name="unit", aria_hidden="true") if not numeric else rx.fragment(),
            class_name="field-row",
        ),
        rx.el.p(error_message(errors, S.error, t["error_prefix"]), id=ERROR_ID, class_name="field-error"),
        _submit_button(t, submit),
        on_submit=SimulatorState.submit,
        class_name="answer-form",
        custom_attrs={"data-error-serial": S.error_serial},
        key=f"form-{qid}",
    )


def _nothing_button(qid: str, label: str) -> rx.Component:
    """An amount's « nothing » answer, as one press (« Pas de travail »)."""
    return rx.el.div(
        rx.el.button(
            label,
            type="button",
            class_name="choice answer",
            on_click=SimulatorState.nothing(qid),
            disabled=OFFLINE,
            custom_attrs={"aria-pressed": rx.cond(S.wizard.chosen[qid] == "0", "true", "false")},
        ),
        class_name="answers nothing",
    )


def _children_ages(t: dict, errors: dict[str, str], text: QuestionText) -> rx.Component:
    def one(field: rx.Var) -> rx.Component:
        error_id = "error-" + field["name"]
        return rx.el.div(
            rx.el.label(fill(text.field, n=field["n"]), html_for=field["name"], class_name="field-label"),
            rx.el.input(
                id=field["name"],
                name=field["name"],
                type="text",
                default_value=field["value"],
                auto_complete="off",
                input_mode="numeric",
                max_length=a.MAX_ANSWER_CHARS,
                class_name="answer-input answer-input-short",
                custom_attrs={
                    "aria-describedby": HINT_ID + " " + error_id,
                    "aria-invalid": rx.cond(field["error"] != "", "true", "false"),
                    "spellCheck": "false",
                },
            ),
            rx.el.p(
                error_message(errors, field["error"], t["error_prefix"]),
                id=error_id,
                class_name="field-error",
            ),
            class_name="child-field",
            key=field["name"],
        )

    return rx.el.form(
        rx.el.input(type="hidden", name="question", default_value=a.CHILDREN_AGES),
        rx.foreach(S.wizard.child_fields, one),
        _submit_button(t, t["continue"]),
        on_submit=SimulatorState.submit,
        class_name="answer-form",
        custom_attrs={"data-error-serial": S.error_serial},
        key="form-children-ages",
    )


def _body(
    lang: str, t: dict, errors: dict[str, str], question: a.Question, text: QuestionText
) -> rx.Component:
    qid = question.id
    if question.kind == a.CHOICE:
        return _choice_buttons(lang, qid, text.choices)
    if question.kind == a.COUNT:
        return rx.fragment(
            _choice_buttons(lang, qid, text.choices, row=True),
            _typed_field(
                t, errors, question, text.field, has_hint=text.hint is not None, submit=t["count_submit"]
            ),
        )
    if question.kind == a.AGES:
        return _children_ages(t, errors, text)
    field = _typed_field(
        t, errors, question, text.field, has_hint=text.hint is not None, submit=t["continue"]
    )
    if question.kind == a.MONEY and text.none:
        return rx.fragment(_nothing_button(qid, text.none), field)
    return field


def _screen(
    lang: str,
    t: dict,
    sections: dict[str, str],
    errors: dict[str, str],
    question: a.Question,
    text: QuestionText,
) -> rx.Component:
    qid = question.id
    back = (
        rx.el.button(
            t["back"],
            type="button",
            class_name="button button-secondary back",
            on_click=SimulatorState.back(qid),
            disabled=OFFLINE,
        )
        if qid != a.FIRST
        else rx.fragment()
    )

    def parts(words: QuestionText) -> rx.Component:
        return rx.fragment(
            _title(lang, t, sections, question, words),
            _progress_bar(question),
            _offline_note(t),
            _hint(lang, question, words),
            _body(lang, t, errors, question, words),
            _why(lang, t, words),
        )

    content = parts(text)
    if text.eu is not None:
        # Years of residence for a European citizen, of a permit otherwise: the same input, other words.
        nationality = S.wizard.chosen[f"{question.person}.nationality"]
        content = rx.cond(nationality == "eu", parts(text.eu), parts(text))
    return rx.el.section(
        content,
        rx.el.div(back, class_name="wizard-nav no-print"),
        class_name="question",
        key=f"question-{qid}",
        custom_attrs={"aria-labelledby": "question-text", "data-question": qid},
    )


def wizard_page(lang: str) -> rx.Component:
    p = a.limits()
    t = page_texts(lang)
    texts = question_texts(lang, p)
    errors = error_texts(lang)
    sections = section_names(lang)
    screens = [(q.id, _screen(lang, t, sections, errors, q, texts[q.id])) for q in a.QUESTIONS]
    first = next(screen for qid, screen in screens if qid == a.FIRST)
    return layout.page(
        lang,
        routes.SIMULATOR,
        rx.el.h1(marked(lang, t["title"])),
        rx.el.p(marked(lang, t["intro_self"]), class_name="lead for-self"),
        rx.el.p(marked(lang, t["intro_helper"]), class_name="lead for-helper"),
        rx.el.p(t["privacy"], class_name="hint unless-mediateur"),
        rx.el.p(t["privacy_kiosk"], class_name="hint when-mediateur kiosk-privacy"),
        # A « Continuer sur mon téléphone » link that could not be read: said plainly, nothing taken.
        rx.cond(
            S.link_problem == "version",
            rx.el.p(t["link_version"], role="alert", class_name="warning link-problem"),
            rx.cond(
                S.link_problem != "",
                rx.el.p(t["link_malformed"], role="alert", class_name="warning link-problem"),
            ),
        ),
        rx.el.div(rx.match(S.wizard.question, *screens, first), class_name="wizard"),
        rx.el.div(
            rx.el.button(
                t["restart"],
                type="button",
                class_name="button button-secondary restart",
                on_click=SimulatorState.restart,
                disabled=OFFLINE,
            ),
            class_name="wizard-restart no-print",
        ),
        # Offline, the connection notice is fixed at the bottom of the screen: room to scroll above it.
        rx.cond(OFFLINE, rx.el.div(class_name="offline-room", aria_hidden="true")),
    )
