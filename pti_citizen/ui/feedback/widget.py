"""« Est-ce que cette page est claire ? » on the Reflex pages (the simulator result), over the websocket.
The server-rendered pages (content, guides) have their own, over JSON (``web/pages/feedback.py``); both
take their words from ``feedback/widget_texts.py``. Built once per page and language; the state only
says which step to show."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.feedback.submission import MAX_COMMENT_LENGTH
from pti_citizen.feedback.territory import TERRITORIES, mds_choices
from pti_citizen.feedback.widget_texts import widget_texts
from pti_citizen.ui.components.links import link

from .state import FeedbackState, page_key

#: The way of use chosen on this device (``assets/app.js`` mirrors it on ``<html data-mode>``).
_MODE = rx.Var("(document.documentElement.dataset.mode || '')").to(str)


def _error(field: str, element_id: str) -> rx.Component:
    return rx.cond(
        FeedbackState.errors.contains(field),
        rx.el.p(FeedbackState.errors[field], id=element_id, class_name="field-error"),
    )


def _invalid(field: str):
    return rx.cond(FeedbackState.errors.contains(field), "true", "false")


def _described_by(field: str, *always: str, error_id: str) -> rx.Var:
    base = " ".join(always)
    return rx.cond(FeedbackState.errors.contains(field), f"{base} {error_id}".strip(), base)


def _ask(lang: str, page: str) -> rx.Component:
    texts = widget_texts(lang)
    return rx.el.div(
        rx.el.button(
            texts.yes,
            type="button",
            class_name="button feedback-answer",
            on_click=FeedbackState.answer_page(page, lang, "oui", _MODE),
        ),
        rx.el.button(
            texts.no,
            type="button",
            class_name="button feedback-answer",
            on_click=FeedbackState.answer_page(page, lang, "non", _MODE),
        ),
        role="group",
        custom_attrs={"aria-labelledby": "feedback-title"},
        class_name="button-row feedback-answers",
    )


def _mds_select(lang: str) -> rx.Component:
    texts = widget_texts(lang)
    choices = mds_choices()
    groups = [
        rx.el.optgroup(
            *[rx.el.option(c.name, value=c.id) for c in choices if c.territory == territory],
            label=territory,
        )
        for territory in TERRITORIES
    ]
    return rx.el.div(
        rx.el.label(texts.mds_label, html_for="feedback-mds"),
        rx.el.p(
            texts.mds_hint,
            id="feedback-mds-hint",
            class_name="hint",
        ),
        rx.el.select(
            rx.el.option(texts.mds_unknown, value=""),
            *groups,
            id="feedback-mds",
            name="mds",
            custom_attrs={
                "aria-describedby": _described_by(
                    "territory", "feedback-mds-hint", error_id="feedback-mds-error"
                ),
                "aria-invalid": _invalid("territory"),
            },
        ),
        _error("territory", "feedback-mds-error"),
        class_name="field",
    )


def _details(lang: str, page: str) -> rx.Component:
    texts = widget_texts(lang)
    boxes = [
        rx.el.li(rx.el.label(rx.el.input(type="checkbox", name=f"manque-{key}"), rx.el.span(label)))
        for key, label in texts.missing_labels.items()
    ]
    return rx.el.form(
        rx.el.h3(
            rx.cond(
                FeedbackState.answer == "non",
                texts.details_after_no,
                texts.details_after_yes,
            ),
            id="feedback-details-title",
            tab_index=-1,
        ),
        rx.el.p(
            rx.el.strong(texts.privacy_warning),
            id="feedback-privacy",
            class_name="feedback-warning",
        ),
        rx.el.input(type="hidden", name="page", value=page),
        rx.el.input(type="hidden", name="lang", value=lang),
        rx.el.div(
            rx.el.label(texts.comment_label, html_for="feedback-comment"),
            rx.el.p(
                texts.comment_hint,
                id="feedback-comment-hint",
                class_name="hint",
            ),
            rx.el.textarea(
                id="feedback-comment",
                name="comment",
                rows=4,
                max_length=MAX_COMMENT_LENGTH,
                custom_attrs={
                    "aria-describedby": _described_by(
                        "comment",
                        "feedback-comment-hint",
                        "feedback-privacy",
                        error_id="feedback-comment-error",
                    ),
                    "aria-invalid": _invalid("comment"),
                },
            ),
            _error("comment", "feedback-comment-error"),
            class_name="field",
        ),
        rx.el.fieldset(
            rx.el.legend(texts.missing_legend),
            rx.el.ul(*boxes, class_name="checklist"),
            _error("missing", "feedback-missing-error"),
        ),
        _mds_select(lang),
        rx.el.button(texts.send, type="submit", class_name="button"),
        on_submit=FeedbackState.send_details,
        class_name="feedback-form",
    )


def _done(lang: str) -> rx.Component:
    texts = widget_texts(lang)
    return rx.el.div(
        rx.el.p(
            texts.thanks,
            id="feedback-thanks",
            tab_index=-1,
            class_name="feedback-thanks",
        ),
        rx.el.p(
            link(texts.what_is_kept, href=routes.path(lang, "confidentialite")),
            class_name="hint",
        ),
    )


def feedback_widget(lang: str, page: str) -> rx.Component:
    """``page`` is the path after ``/<lang>/`` (``droits/montant-du-rsa``, ``simulateur/resultat``)."""
    texts = widget_texts(lang)
    here = FeedbackState.page_key == page_key(lang, page)
    step = rx.cond(here, FeedbackState.step, "ask")
    return rx.el.section(
        rx.el.h2(texts.title, id="feedback-title"),
        rx.cond(
            step == "details",
            _details(lang, page),
            rx.cond(step == "done", _done(lang), _ask(lang, page)),
        ),
        rx.el.p(rx.cond(here, FeedbackState.notice, ""), role="status", class_name="feedback-notice"),
        class_name="feedback no-print",
        custom_attrs={"aria-labelledby": "feedback-title"},
    )
