"""The Kiosques Insertion part of the team's space (``/equipe``): the published list, and the form to
publish, change or cancel one. French only, like the rest of the team's space."""

from __future__ import annotations

import reflex as rx

from pti_citizen.feedback.territory import TERRITORIES, mds_choices
from pti_citizen.kiosques import KIOSQUE_LANGUAGES
from pti_citizen.ui.components.fields import aria, field_error, text_field

from .state import KiosqueState


def _field(label: str, name: str, errors, **options) -> rx.Component:
    return text_field(label, name, errors, field_id=f"kiosque-{name}", **options)


def _kiosque_form() -> rx.Component:
    errors = KiosqueState.kiosque_errors
    editing = KiosqueState.editing
    choices = mds_choices()
    mds_groups = [
        rx.el.optgroup(*[rx.el.option(c.name, value=c.id) for c in choices if c.territory == t], label=t)
        for t in TERRITORIES
    ]
    languages = [
        rx.el.li(
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    name=f"langue-{code}",
                    default_checked=KiosqueState.editing_languages.contains(code),
                ),
                rx.el.span(name),
            )
        )
        for code, name in KIOSQUE_LANGUAGES.items()
    ]
    return rx.el.form(
        rx.el.h3(
            rx.cond(editing.contains("id"), "Modifier le kiosque", "Publier un kiosque"),
            id="kiosque-form-title",
            tab_index=-1,
        ),
        rx.el.input(type="hidden", name="id", value=rx.cond(editing.contains("id"), editing["id"], "")),
        rx.el.div(
            rx.el.label("Maison des Solidarités", html_for="kiosque-place_id"),
            rx.el.select(
                rx.el.option("Choisir une MDS", value=""),
                *mds_groups,
                id="kiosque-place_id",
                name="place_id",
                required=True,
                default_value=rx.cond(editing.contains("place_id"), editing["place_id"], ""),
                custom_attrs=aria(errors, "place_id", None, "kiosque-place_id-error"),
            ),
            field_error(errors, "place_id", "kiosque-place_id-error"),
            class_name="field",
        ),
        _field(
            "Date",
            "date",
            errors,
            kind="date",
            required=True,
            default=rx.cond(editing.contains("date"), editing["date"], ""),
        ),
        rx.el.div(
            _field(
                "Début",
                "start",
                errors,
                kind="time",
                required=True,
                default=rx.cond(editing.contains("start"), editing["start"], ""),
            ),
            _field(
                "Fin",
                "end",
                errors,
                kind="time",
                required=True,
                default=rx.cond(editing.contains("end"), editing["end"], ""),
            ),
            class_name="field-row",
        ),
        _field(
            "Salle (facultatif)",
            "room",
            errors,
            hint="Par exemple : salle du rez-de-chaussée.",
            default=rx.cond(editing.contains("room"), editing["room"], ""),
        ),
        _field(
            "Adresse, si ce n'est pas à la MDS (facultatif)",
            "address",
            errors,
            hint="L'adresse d'un lieu public. Jamais l'adresse d'une personne.",
            default=rx.cond(editing.contains("address"), editing["address"], ""),
        ),
        _field(
            "Une phrase simple pour les personnes",
            "summary",
            errors,
            hint="Par exemple : Venez rencontrer un conseiller pour choisir votre accompagnement. 25 mots au plus.",
            required=True,
            default=rx.cond(editing.contains("summary"), editing["summary"], ""),
        ),
        rx.el.fieldset(
            rx.el.legend("Langues parlées par l'équipe ce jour-là"),
            rx.el.ul(*languages, class_name="checklist checklist-columns"),
            field_error(errors, "languages", "kiosque-languages-error"),
        ),
        rx.el.div(
            rx.el.button(
                rx.cond(editing.contains("id"), "Enregistrer les changements", "Publier le kiosque"),
                type="submit",
                class_name="button",
            ),
            rx.cond(
                editing.contains("id"),
                rx.el.button(
                    "Abandonner la modification",
                    type="button",
                    class_name="button button-secondary",
                    on_click=KiosqueState.new_kiosque,
                ),
            ),
            class_name="button-row",
        ),
        key=KiosqueState.form_version.to_string(),
        on_submit=KiosqueState.save_kiosque,
        class_name="review-form",
    )


def kiosques_section() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Kiosques Insertion", id="kiosques"),
        rx.el.p(
            "Les kiosques publiés ici apparaissent sur la fiche de la MDS et dans « prochains kiosques près de chez vous ». "
            "Les dates passées disparaissent toutes seules.",
            class_name="hint",
        ),
        rx.el.p(
            KiosqueState.kiosque_notice,
            id="kiosque-notice",
            role="status",
            tab_index=-1,
            class_name="review-status",
        ),
        rx.cond(
            KiosqueState.kiosques.length() > 0,
            rx.el.ul(
                rx.foreach(
                    KiosqueState.kiosques,
                    lambda k: rx.el.li(
                        rx.el.p(rx.el.strong(k["mds"]), " — ", k["when"]),
                        rx.el.p(k["where"], " · langues : ", k["languages"]),
                        rx.el.p(k["summary"]),
                        rx.el.div(
                            rx.el.button(
                                "Modifier",
                                type="button",
                                class_name="button button-secondary",
                                aria_label="Modifier le kiosque du " + k["when"] + " à " + k["mds"],
                                on_click=KiosqueState.edit_kiosque(k["id"]),
                            ),
                            rx.el.button(
                                "Annuler ce kiosque",
                                type="button",
                                class_name="button button-danger",
                                aria_label="Annuler le kiosque du " + k["when"] + " à " + k["mds"],
                                on_click=KiosqueState.cancel_kiosque(k["id"]),
                            ),
                            class_name="button-row",
                        ),
                        class_name="review-card",
                    ),
                ),
                class_name="review-cards",
            ),
            rx.el.p("Aucun kiosque à venir n'est publié."),
        ),
        _kiosque_form(),
        # Shown once the team is signed in: the list loads then (and after every change).
        on_mount=KiosqueState.load,
        custom_attrs={"aria-labelledby": "kiosques"},
    )
