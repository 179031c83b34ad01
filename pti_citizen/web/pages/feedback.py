"""« Est-ce que cette page est claire ? » on the server-rendered pages: every step is in the page
(question, details form, thanks), and ``assets/feedback.js`` shows one at a time and talks to the JSON
endpoint (``web/routers/feedback_answers.py``). No server session: the visit lives in the tab."""

from __future__ import annotations

from pti_citizen import routes
from pti_citizen.feedback.submission import MAX_COMMENT_LENGTH
from pti_citizen.feedback.territory import TERRITORIES, mds_choices
from pti_citizen.feedback.widget_texts import widget_texts
from pti_citizen.web.pages.html import Element, h
from pti_citizen.web.pages.shell import link
from pti_citizen.web.routers.feedback_answers import ANSWERS_PATH, DETAILS_PATH


def _ask(lang: str) -> Element:
    texts = widget_texts(lang)
    return h(
        "div",
        h("button", texts.yes, type="button", class_="button feedback-answer", data_answer="oui"),
        h("button", texts.no, type="button", class_="button feedback-answer", data_answer="non"),
        role="group",
        aria_labelledby="feedback-title",
        class_="button-row feedback-answers",
        data_step="ask",
    )


def _mds_select(lang: str) -> Element:
    texts = widget_texts(lang)
    choices = mds_choices()
    groups = [
        h(
            "optgroup",
            [h("option", c.name, value=c.id) for c in choices if c.territory == territory],
            label=territory,
        )
        for territory in TERRITORIES
    ]
    return h(
        "div",
        h("label", texts.mds_label, for_="feedback-mds"),
        h("p", texts.mds_hint, id="feedback-mds-hint", class_="hint"),
        h(
            "select",
            h("option", texts.mds_unknown, value=""),
            groups,
            id="feedback-mds",
            name="mds",
            aria_describedby="feedback-mds-hint",
            aria_invalid="false",
        ),
        class_="field",
    )


def _details(lang: str) -> Element:
    texts = widget_texts(lang)
    boxes = [
        h("li", h("label", h("input", type="checkbox", name=f"manque-{key}", value=key), h("span", label)))
        for key, label in texts.missing_labels.items()
    ]
    return h(
        "form",
        # Its text depends on the answer given: feedback.js writes one of the two.
        h(
            "h3",
            texts.details_after_no,
            id="feedback-details-title",
            tabindex="-1",
            data_after_non=texts.details_after_no,
            data_after_oui=texts.details_after_yes,
        ),
        h("p", h("strong", texts.privacy_warning), id="feedback-privacy", class_="feedback-warning"),
        h(
            "div",
            h("label", texts.comment_label, for_="feedback-comment"),
            h("p", texts.comment_hint, id="feedback-comment-hint", class_="hint"),
            h(
                "textarea",
                id="feedback-comment",
                name="comment",
                rows="4",
                maxlength=str(MAX_COMMENT_LENGTH),
                aria_describedby="feedback-comment-hint feedback-privacy",
                aria_invalid="false",
            ),
            class_="field",
        ),
        h(
            "fieldset",
            h("legend", texts.missing_legend),
            h("ul", boxes, class_="checklist"),
            id="feedback-missing",
        ),
        _mds_select(lang),
        h("button", texts.send, type="submit", class_="button"),
        class_="feedback-form",
        data_step="details",
        hidden=True,
        novalidate=True,
    )


def _done(lang: str) -> Element:
    texts = widget_texts(lang)
    return h(
        "div",
        h("p", texts.thanks, id="feedback-thanks", tabindex="-1", class_="feedback-thanks"),
        h("p", link(texts.what_is_kept, href=routes.path(lang, "confidentialite")), class_="hint"),
        data_step="done",
        hidden=True,
    )


def feedback_widget(lang: str, page: str) -> Element:
    """``page`` is the path after ``/<lang>/`` (``droits/montant-du-rsa``)."""
    texts = widget_texts(lang)
    return h(
        "section",
        h("h2", texts.title, id="feedback-title"),
        _ask(lang),
        _details(lang),
        _done(lang),
        h("p", role="status", class_="feedback-notice"),
        id="feedback",
        class_="feedback no-print",
        aria_labelledby="feedback-title",
        data_page=page,
        data_lang=lang,
        data_answers=ANSWERS_PATH,
        data_details=DETAILS_PATH,
        data_not_sent=texts.not_sent,
    )
