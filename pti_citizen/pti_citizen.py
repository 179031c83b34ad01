"""The Reflex app: one set of pages per language, rendered at build time."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_too_many_connection_errors

from pti_citizen import jobs, routes
from pti_citizen.i18n import LANGUAGES, gettext_for
from pti_citizen.ui import document, feedback, registry
from pti_citizen.ui import simulator as simulator_pages
from pti_citizen.ui.errors import report_backend_error
from pti_citizen.ui.locator import page as locator
from pti_citizen.ui.pages import content as content_pages
from pti_citizen.ui.pages import offers as offers_page
from pti_citizen.ui.pages.home import home
from pti_citizen.ui.pages.not_found import not_found
from pti_citizen.ui.pages.not_saved import not_saved_page
from pti_citizen.ui.pages.not_saved import texts as not_saved_texts
from pti_citizen.ui.pages.way_of_use import way_of_use_page
from pti_citizen.ui.registry import add_localized_page
from pti_citizen.ui.session_guard import ForgottenSessionGuard
from pti_citizen.web import locator_data
from pti_citizen.web.api import create_api
from pti_citizen.web.language_case import LanguageCaseRedirect
from pti_citizen.web.static import static_tweaks


def _offline_banner() -> rx.Component:
    """Replaces Reflex's English-only, low-contrast connection toast with a polite translated notice:
    one short line at the top of the page, in the flow (it covers nothing, issue #14)."""
    texts = {}
    for lang in LANGUAGES:
        _ = gettext_for(lang)
        # Short: with the largest text on a small phone it must stay one or two lines.
        texts[lang] = _("Vous êtes hors connexion.")
    text = rx.Var.create(texts)[document.path_language]
    return rx.el.div(
        rx.cond(has_too_many_connection_errors, rx.el.p(text)),
        role="status",
        id="connection-status",
        class_name="connection-status",
    )


app = rx.App(
    head_components=document.head_components(),
    html_custom_attrs=document.html_attributes(),
    stylesheets=["/app.css", "/locator.css", "/simulator.css", "/feedback.css"],
    backend_exception_handler=report_backend_error,
    # No toast library: errors use our own translated messages, and its <style> element would need
    # style-src 'unsafe-inline' (web/security.py).
    toaster=None,
    # The JSON API mounts the Reflex app; the static tweaks wrap them both (sw.js, headers, /fr → /fr/).
    # More routes: /FR/… → /fr/… (a language typed in capitals), the locator's offline data.
    api_transformer=[
        create_api(),
        static_tweaks(lambda: registry.OFFLINE_PAGES, [LanguageCaseRedirect(), locator_data.route()]),
    ],
)
# A session the server forgot (Redis restarted empty, expiry) gets the tab's answers back first.
app.add_middleware(ForgottenSessionGuard())
app.app_wraps[(5, "Overlay")] = lambda stateful: rx.fragment(_offline_banner()) if stateful else None

# The database schema, now (before Reflex compares the models with the database, so that it never
# asks for « makemigrations »), and again in each server process with the background jobs.
jobs.migrate()
for _task in jobs.LIFESPAN_TASKS:
    app.register_lifespan_task(_task)

# Features first: the home page shows which of them exist.
feedback.register(app)  # /equipe (answers, Kiosques Insertion)
content_pages.register(app)
offers_page.register(app)
locator.register(app)
simulator_pages.register(app)

for _lang in LANGUAGES:
    _ = gettext_for(_lang)
    add_localized_page(
        app,
        _lang,
        routes.HOME,
        home(_lang, registry.FEATURES),
        _("Accueil"),
        _(
            "Vos droits au RSA en Haute-Garonne, expliqués simplement, avec un simulateur et les lieux d'accueil."
        ),
    )
    add_localized_page(
        app,
        _lang,
        routes.WAY_OF_USE,
        way_of_use_page(_lang),
        _("Pour qui utilisez-vous ce site ?"),
        _("Choisir : pour moi, pour aider quelqu'un, ou en médiation sur un poste partagé."),
    )
    add_localized_page(
        app,
        _lang,
        routes.NOT_SAVED,
        not_saved_page(_lang),
        not_saved_texts(_lang)["title"],
        not_saved_texts(_lang)["description"],
        indexed=False,
    )

app.add_page(not_found, route="404", title="404 · Le RSA et moi")
