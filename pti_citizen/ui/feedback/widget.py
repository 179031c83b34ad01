"""« Est-ce que cette page est claire ? » — the widget at the end of content pages, guides and the
simulator result. Built once per page and language; the state only says which step to show."""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.feedback.submission import MAX_COMMENT_LENGTH, MISSING_CHOICES
from pti_citizen.feedback.territory import TERRITORIES, mds_choices
from pti_citizen.i18n import gettext_for
from pti_citizen.ui.components.links import link

from .state import FeedbackState, page_key

DOMAIN = "feedback"

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
    _ = gettext_for(lang, DOMAIN)
    return rx.el.div(
        rx.el.button(
            _("Oui"),
            type="button",
            class_name="button feedback-answer",
            on_click=FeedbackState.answer_page(page, lang, "oui", _MODE),
        ),
        rx.el.button(
            _("Non"),
            type="button",
            class_name="button feedback-answer",
            on_click=FeedbackState.answer_page(page, lang, "non", _MODE),
        ),
        role="group",
        custom_attrs={"aria-labelledby": "feedback-title"},
        class_name="button-row feedback-answers",
    )


def _mds_select(lang: str) -> rx.Component:
    _ = gettext_for(lang, DOMAIN)
    choices = mds_choices()
    groups = [
        rx.el.optgroup(
            *[rx.el.option(c.name, value=c.id) for c in choices if c.territory == territory],
            label=territory,
        )
        for territory in TERRITORIES
    ]
    return rx.el.div(
        rx.el.label(_("Votre Maison des Solidarités, ou MDS (facultatif)"), html_for="feedback-mds"),
        rx.el.p(
            _(
                "Le site garde seulement la zone de cette MDS, par exemple « Sud Toulousain ». Cela aide l'équipe de votre zone."
            ),
            id="feedback-mds-hint",
            class_name="hint",
        ),
        rx.el.select(
            rx.el.option(_("Je ne sais pas, ou je préfère ne pas le dire"), value=""),
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
    _ = gettext_for(lang, DOMAIN)
    boxes = [
        rx.el.li(rx.el.label(rx.el.input(type="checkbox", name=f"manque-{key}"), rx.el.span(_(label))))
        for key, label in MISSING_CHOICES.items()
    ]
    return rx.el.form(
        rx.el.h3(
            rx.cond(
                FeedbackState.answer == "non",
                _("Merci. Qu'est-ce qui n'est pas clair ? Vous pouvez nous le dire."),
                _("Merci. Vous pouvez ajouter un commentaire, si vous voulez."),
            ),
            id="feedback-details-title",
            tab_index=-1,
        ),
        rx.el.p(
            rx.el.strong(_("N'écrivez pas votre nom, votre numéro CAF ni votre adresse.")),
            id="feedback-privacy",
            class_name="feedback-warning",
        ),
        rx.el.input(type="hidden", name="page", value=page),
        rx.el.input(type="hidden", name="lang", value=lang),
        rx.el.div(
            rx.el.label(_("Votre commentaire (facultatif)"), html_for="feedback-comment"),
            rx.el.p(
                _("{max} caractères au plus.").format(max=MAX_COMMENT_LENGTH),
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
            rx.el.legend(_("Qu'est-ce qui manque sur cette page ? (facultatif)")),
            rx.el.ul(*boxes, class_name="checklist"),
            _error("missing", "feedback-missing-error"),
        ),
        _mds_select(lang),
        rx.el.button(_("Envoyer mon avis"), type="submit", class_name="button"),
        on_submit=FeedbackState.send_details,
        class_name="feedback-form",
    )


def _done(lang: str) -> rx.Component:
    _ = gettext_for(lang, DOMAIN)
    return rx.el.div(
        rx.el.p(
            _("Merci pour votre avis. Il aide l'équipe à rendre le site plus clair."),
            id="feedback-thanks",
            tab_index=-1,
            class_name="feedback-thanks",
        ),
        rx.el.p(
            link(_("Ce que le site garde de votre avis"), href=routes.path(lang, "confidentialite")),
            class_name="hint",
        ),
    )


def feedback_widget(lang: str, page: str) -> rx.Component:
    """``page`` is the path after ``/<lang>/`` (``droits/montant-du-rsa``, ``simulateur/resultat``)."""
    _ = gettext_for(lang, DOMAIN)
    here = FeedbackState.page_key == page_key(lang, page)
    step = rx.cond(here, FeedbackState.step, "ask")
    return rx.el.section(
        rx.el.h2(_("Est-ce que cette page est claire ?"), id="feedback-title"),
        rx.cond(
            step == "details",
            _details(lang, page),
            rx.cond(step == "done", _done(lang), _ask(lang, page)),
        ),
        rx.el.p(rx.cond(here, FeedbackState.notice, ""), role="status", class_name="feedback-notice"),
        class_name="feedback no-print",
        custom_attrs={"aria-labelledby": "feedback-title"},
    )
