"""The wizard page « Est-ce que j'ai droit au RSA ? »: one question per screen, big answer buttons,
progress, « Pourquoi cette question ? », back. Every screen is built at build time in the page's
language; the state only says which one is on screen."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.ui import layout
from pti_citizen.ui.simulator import flow
from pti_citizen.ui.simulator.parts import both, fill
from pti_citizen.ui.simulator.state import SimulatorState
from pti_citizen.ui.simulator.texts import QuestionText, error_texts, page_texts, question_texts

S = SimulatorState
HINT_ID = "question-hint"
ERROR_ID = "answer-error"


def _error_message(errors: dict[str, str], code: rx.Var, prefix: str) -> rx.Component:
    cases = [
        (key, rx.fragment(rx.el.span(prefix, " ", class_name="visually-hidden"), text))
        for key, text in errors.items()
    ]
    return rx.match(code, *cases, rx.fragment())


def _why(t: dict, text: QuestionText) -> rx.Component:
    return rx.el.details(
        rx.el.summary(t["why"]),
        rx.el.p(text.why),
        class_name="why no-print",
    )


def _title(t: dict, qid: str, text: QuestionText) -> rx.Component:
    words = both(text.title)
    if text.couple_title is not None:
        words = rx.cond(S.chosen["couple"] == "couple", both(text.couple_title), both(text.title))
    return rx.el.h2(
        rx.el.span(fill(t["progress"], n=S.number, total=S.total), class_name="progress-text"),
        rx.el.span(words, id="question-text", class_name="question-text"),
        id="question-title",
        tab_index=-1,
        class_name="question-title",
        custom_attrs={"data-autofocus": "true"},
    )


def _progress_bar() -> rx.Component:
    # A native <progress>: no inline style (the CSP allows none), drawn by assets/simulator.css.
    # The question heading already says « Question n sur N », so the bar is only visual.
    return rx.el.progress(value=S.done, max=100, class_name="progress-bar", aria_hidden="true")


def _hint(text: QuestionText) -> rx.Component:
    if text.hint is None:
        return rx.fragment()
    return rx.el.p(both(text.hint), id=HINT_ID, class_name="hint question-hint")


def _choice_buttons(qid: str, text: QuestionText) -> rx.Component:
    buttons = rx.el.ul(
        *[
            rx.el.li(
                rx.el.button(
                    label,
                    type="button",
                    class_name="choice answer",
                    on_click=SimulatorState.choose(qid, value),
                    custom_attrs={"aria-pressed": rx.cond(S.chosen[qid] == value, "true", "false")},
                )
            )
            for value, label in text.choices.items()
        ],
        class_name="choices answers" + (" answers-row" if qid == "children_count" else ""),
    )
    return rx.el.div(buttons, role="group", custom_attrs={"aria-labelledby": "question-text"})


def _typed_field(
    t: dict, errors: dict[str, str], qid: str, label: str, *, numeric: bool, has_hint: bool, submit: str
) -> rx.Component:
    described = f"{HINT_ID} {ERROR_ID}" if has_hint else ERROR_ID
    return rx.el.form(
        rx.el.input(type="hidden", name="question", default_value=qid),
        rx.el.label(label, html_for="answer-input", class_name="field-label"),
        rx.el.div(
            rx.el.input(
                id="answer-input",
                name="value",
                type="text",
                default_value=S.more_children
                if qid == "children_count"
                else rx.cond(S.chosen[qid], S.chosen[qid], ""),
                auto_complete="off",
                input_mode="numeric" if numeric else "decimal",
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
        rx.el.p(_error_message(errors, S.error, t["error_prefix"]), id=ERROR_ID, class_name="field-error"),
        rx.el.button(submit, type="submit", class_name="button"),
        on_submit=SimulatorState.submit,
        class_name="answer-form",
        custom_attrs={"data-error-serial": S.error_serial},
        key=f"form-{qid}",
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
                class_name="answer-input answer-input-short",
                custom_attrs={
                    "aria-describedby": HINT_ID + " " + error_id,
                    "aria-invalid": rx.cond(field["error"] != "", "true", "false"),
                    "spellCheck": "false",
                },
            ),
            rx.el.p(
                _error_message(errors, field["error"], t["error_prefix"]),
                id=error_id,
                class_name="field-error",
            ),
            class_name="child-field",
            key=field["name"],
        )

    return rx.el.form(
        rx.el.input(type="hidden", name="question", default_value="children_ages"),
        rx.foreach(S.child_fields, one),
        rx.el.button(t["continue"], type="submit", class_name="button"),
        on_submit=SimulatorState.submit,
        class_name="answer-form",
        custom_attrs={"data-error-serial": S.error_serial},
        key="form-children_ages",
    )


def _screen(t: dict, errors: dict[str, str], question: flow.Question, text: QuestionText) -> rx.Component:
    qid = question.id
    if question.kind == flow.CHOICE:
        body = _choice_buttons(qid, text)
    elif question.kind == flow.COUNT:
        body = rx.fragment(
            _choice_buttons(qid, text),
            _typed_field(
                t,
                errors,
                qid,
                text.field,
                numeric=True,
                has_hint=text.hint is not None,
                submit=t["count_submit"],
            ),
        )
    elif question.kind == flow.AGES:
        body = _children_ages(t, errors, text)
    else:
        body = _typed_field(
            t,
            errors,
            qid,
            text.field,
            numeric=question.kind == flow.WHOLE,
            has_hint=text.hint is not None,
            submit=t["continue"],
        )
    back = (
        rx.el.button(
            t["back"],
            type="button",
            class_name="button button-secondary back",
            on_click=SimulatorState.back(qid),
        )
        if qid != flow.FIRST
        else rx.fragment()
    )
    return rx.el.section(
        _title(t, qid, text),
        _progress_bar(),
        _hint(text),
        body,
        _why(t, text),
        rx.el.div(back, class_name="wizard-nav no-print"),
        class_name="question",
        key=f"question-{qid}",
        custom_attrs={"aria-labelledby": "question-text", "data-question": qid},
    )


def wizard_page(lang: str) -> rx.Component:
    p = flow.parameters()
    t = page_texts(lang)
    texts = question_texts(lang, p)
    errors = error_texts(lang, p)
    screens = [(q.id, _screen(t, errors, q, texts[q.id])) for q in flow.QUESTIONS]
    first = next(screen for qid, screen in screens if qid == flow.FIRST)
    return layout.page(
        lang,
        routes.SIMULATOR,
        rx.el.h1(t["title"]),
        rx.el.p(t["intro_self"], class_name="lead for-self"),
        rx.el.p(t["intro_helper"], class_name="lead for-helper"),
        rx.el.p(t["privacy"], class_name="hint"),
        rx.el.div(rx.match(S.question, *screens, first), class_name="wizard"),
        rx.el.div(
            rx.el.button(
                t["restart"],
                type="button",
                class_name="button button-secondary restart",
                on_click=SimulatorState.restart,
            ),
            class_name="wizard-restart no-print",
        ),
    )
