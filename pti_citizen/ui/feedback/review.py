"""The team's review space, ``/equipe`` (French only: it is for the staff of the Département).

Off unless ``PTI_REVIEW_SECRET`` is set on the server; never indexed (meta robots here, and the
``X-Robots-Tag`` header in ``web/security.py``); not saved for offline use (the service worker
treats ``/equipe`` as network-only).
"""

from __future__ import annotations

import reflex as rx

from pti_citizen import routes
from pti_citizen.feedback.retention import FEEDBACK_RETENTION_MONTHS, STALE_AFTER_MONTHS
from pti_citizen.feedback.secret import ENV_VAR, MIN_LENGTH
from pti_citizen.feedback.territory import TERRITORIES
from pti_citizen.ui.components.fields import aria, field_error, text_field
from pti_citizen.ui.components.links import link
from pti_citizen.ui.kiosques.section import kiosques_section

from .review_state import ReviewState

ROUTE = "/equipe"
TITLE = "Espace équipe · Le RSA et moi"


def _off() -> rx.Component:
    return rx.el.div(
        rx.el.p(
            rx.cond(
                ReviewState.status == "weak",
                f"L'espace équipe est désactivé : le secret {ENV_VAR} fait moins de {MIN_LENGTH} caractères.",
                f"L'espace équipe est désactivé sur ce serveur : la variable d'environnement {ENV_VAR} n'est pas définie.",
            ),
            class_name="note",
        ),
        rx.el.p(
            f"Pour l'activer, la personne qui installe le site choisit un secret d'au moins {MIN_LENGTH} "
            f"caractères, le met dans {ENV_VAR}, puis redémarre le site."
        ),
    )


def _sign_in() -> rx.Component:
    return rx.el.form(
        # For password managers: one shared account, « equipe ».
        rx.el.input(
            type="text",
            name="username",
            value="equipe",
            auto_complete="username",
            hidden=True,
            read_only=True,
        ),
        rx.el.div(
            rx.el.label("Code de l'équipe", html_for="equipe-secret"),
            rx.el.input(
                type="password",
                id="equipe-secret",
                name="secret",
                auto_complete="current-password",
                required=True,
                custom_attrs={
                    "aria-describedby": rx.cond(ReviewState.login_error != "", "equipe-login-error", ""),
                    "aria-invalid": rx.cond(ReviewState.login_error != "", "true", "false"),
                },
            ),
            rx.cond(
                ReviewState.login_error != "",
                rx.el.p(ReviewState.login_error, id="equipe-login-error", class_name="field-error"),
            ),
            class_name="field",
        ),
        rx.el.button("Entrer", type="submit", class_name="button"),
        on_submit=ReviewState.sign_in,
        reset_on_submit=True,
        class_name="review-form",
    )


def _filters() -> rx.Component:
    errors = ReviewState.filter_errors
    return rx.el.form(
        rx.el.h2("Période et territoire"),
        rx.el.p(
            "Les chiffres, les commentaires et le fichier CSV suivent ce choix. Laissez les dates vides pour tout voir.",
            class_name="hint",
        ),
        rx.el.div(
            rx.el.label("Territoire", html_for="filtre-territoire"),
            rx.el.select(
                rx.el.option("Tous les territoires", value=""),
                *[rx.el.option(t, value=t) for t in TERRITORIES],
                id="filtre-territoire",
                name="territory",
                default_value=ReviewState.territory,
                custom_attrs=aria(errors, "territory", None, "filtre-territoire-error"),
            ),
            field_error(errors, "territory", "filtre-territoire-error"),
            class_name="field",
        ),
        rx.el.div(
            text_field("Du", "from", errors, kind="date", default=ReviewState.start, field_id="filtre-du"),
            text_field("Au", "to", errors, kind="date", default=ReviewState.end, field_id="filtre-au"),
            class_name="field-row",
        ),
        rx.el.div(
            rx.el.button("Afficher", type="submit", class_name="button"),
            rx.el.button(
                "Télécharger le fichier CSV",
                type="button",
                class_name="button button-secondary",
                on_click=ReviewState.export_csv,
            ),
            class_name="button-row",
        ),
        rx.el.p(ReviewState.export_notice, role="status", class_name="review-status"),
        on_submit=ReviewState.apply_filter,
        class_name="review-form",
    )


def _counts() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Réponses par page", id="reponses"),
        rx.el.p(rx.el.strong(ReviewState.totals)),
        rx.cond(ReviewState.apart_notice != "", rx.el.p(ReviewState.apart_notice, class_name="review-apart")),
        rx.cond(
            ReviewState.counts.length() > 0,
            # A data table keeps its columns: on a narrow screen it scrolls in its own box (focusable,
            # so that a keyboard can scroll it), the page itself never does (issue #14).
            rx.el.div(
                rx.el.table(
                    rx.el.caption("Les pages avec le plus de « non » d'abord."),
                    rx.el.thead(
                        rx.el.tr(
                            rx.el.th("Page", scope="col"),
                            rx.el.th("Langue", scope="col"),
                            rx.el.th("Réponses", scope="col"),
                            rx.el.th("« Non »", scope="col"),
                        )
                    ),
                    rx.el.tbody(
                        rx.foreach(
                            ReviewState.counts,
                            lambda c: rx.el.tr(
                                rx.el.td(link(c["page_start"], rx.el.wbr(), c["page_end"], href=c["href"])),
                                rx.el.td(c["lang"]),
                                rx.el.td(c["total"]),
                                rx.el.td(c["no"], " (", c["ratio"], ")"),
                            ),
                        )
                    ),
                    class_name="review-table",
                ),
                class_name="table-scroll",
                tab_index=0,
                role="region",
                aria_label="Tableau des réponses par page",
            ),
        ),
        custom_attrs={"aria-labelledby": "reponses"},
    )


def _comments() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Derniers commentaires", id="commentaires"),
        rx.el.p(
            "Les informations personnelles reconnues sont masquées avant l'enregistrement. "
            f"Les avis sont effacés après {FEEDBACK_RETENTION_MONTHS} mois.",
            class_name="hint",
        ),
        rx.cond(
            ReviewState.comments.length() > 0,
            rx.el.ul(
                rx.foreach(
                    ReviewState.comments,
                    lambda c: rx.el.li(
                        rx.el.p(
                            rx.el.strong(c["date"]),
                            " · ",
                            c["page_start"],
                            rx.el.wbr(),
                            c["page_end"],
                            " · ",
                            c["lang"],
                            " · réponse : ",
                            c["answer"],
                            " · usage : ",
                            c["mode"],
                            " · territoire : ",
                            c["territory"],
                            class_name="comment-meta",
                        ),
                        rx.cond(
                            c["missing"] != "",
                            rx.el.p("Ce qui manque : ", rx.el.span(c["missing"], class_name="people-words")),
                        ),
                        # A comment may be written in Arabic: its own direction, isolated from the page's.
                        # What people typed may hold any long string: it wraps anywhere (.people-words).
                        rx.el.blockquote(
                            c["comment"], class_name="people-words", custom_attrs={"dir": "auto"}
                        ),
                    ),
                ),
                class_name="review-comments",
            ),
            rx.el.p("Aucun commentaire pour cette période."),
        ),
        custom_attrs={"aria-labelledby": "commentaires"},
    )


def _freshness() -> rx.Component:
    summary = ReviewState.freshness_summary
    return rx.el.section(
        rx.el.h2("À revérifier", id="fraicheur"),
        rx.el.p(
            f"Vérifié il y a plus de {STALE_AFTER_MONTHS} mois, c'est-à-dire avant le ",
            summary["cutoff"],
            ". Les mêmes chiffres sortent de la commande « ",
            # A line may end after the dot, not inside a word (320 px, largest text).
            rx.el.code("python -m pti_citizen.", rx.el.wbr(), "maintenance"),
            " ».",
            class_name="hint",
        ),
        rx.el.ul(
            rx.el.li("Pages : ", summary["pages"]),
            rx.el.li("Offres de transport et de santé : ", summary["offers"]),
            rx.el.li("Lieux d'accueil : ", summary["places"]),
            rx.el.li("Simulateur : ", summary["parameters"]),
        ),
        rx.cond(
            ReviewState.freshness.length() > 0,
            rx.el.ul(
                rx.foreach(
                    ReviewState.freshness,
                    lambda i: rx.el.li(i["kind"], " — ", i["title"], " (", i["id"], ") : ", i["date"]),
                ),
                class_name="review-list",
            ),
        ),
        custom_attrs={"aria-labelledby": "fraicheur"},
    )


def _dashboard() -> rx.Component:
    return rx.fragment(
        rx.el.div(
            rx.el.button(
                "Se déconnecter",
                type="button",
                class_name="button button-secondary",
                on_click=ReviewState.sign_out,
            ),
            class_name="button-row",
        ),
        # Wrong secrets tried recently: said to the team, who alone can change the secret.
        rx.cond(
            ReviewState.alert != "",
            rx.el.p(ReviewState.alert, role="alert", class_name="review-alert"),
        ),
        _filters(),
        _counts(),
        _comments(),
        kiosques_section(),
        _freshness(),
    )


def review_page() -> rx.Component:
    return rx.fragment(
        link("Aller au contenu", href="#contenu", class_name="skip-link"),
        rx.el.header(
            rx.el.div(
                link(
                    rx.el.span(class_name="icon icon-logo", aria_hidden="true"),
                    rx.el.span("Le RSA et moi", class_name="brand-name"),
                    rx.el.span("Espace équipe", class_name="brand-area"),
                    href=routes.path("fr"),
                    class_name="brand",
                ),
                class_name="header-top",
            ),
            class_name="site-header",
        ),
        rx.el.main(
            rx.el.h1("Espace équipe", id="equipe-title", tab_index=-1),
            rx.el.p(
                "Pour l'équipe du Département : les avis sur les pages, les kiosques Insertion, "
                "et ce qui doit être revérifié.",
                class_name="lead",
            ),
            rx.cond(
                ReviewState.status == "loading",
                rx.el.p("Chargement…", role="status"),
                rx.cond(
                    ReviewState.status == "open",
                    rx.cond(ReviewState.signed_in, _dashboard(), _sign_in()),
                    _off(),
                ),
            ),
            id="contenu",
            tab_index=-1,
            class_name="wide review",
        ),
    )


def register(app: rx.App) -> None:
    app.add_page(
        review_page,
        route=ROUTE,
        title=TITLE,
        description="Espace de l'équipe : avis sur les pages et kiosques Insertion.",
        meta=[{"name": "robots", "content": "noindex, nofollow"}],
        on_load=ReviewState.load,
        context={"sitemap": None},
    )
