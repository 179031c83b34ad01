"""The app: Reflex for the simulator, the locator and the team space; every other page (home, rights,
guides, offers, site information) is server-rendered HTML without Reflex (``web/pages``)."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_too_many_connection_errors

from pti_citizen import jobs, logs
from pti_citizen.i18n import LANGUAGES
from pti_citizen.services import services
from pti_citizen.settings import get_settings
from pti_citizen.ui import document, feedback, registry, session_store, socket_guard
from pti_citizen.ui import simulator as simulator_pages
from pti_citizen.ui.errors import report_backend_error
from pti_citizen.ui.locator import page as locator
from pti_citizen.ui.pages.not_found import not_found
from pti_citizen.ui.session_guard import ForgottenSessionGuard, SessionMarkerState
from pti_citizen.web import locator_data, pwa
from pti_citizen.web.api import create_api
from pti_citizen.web.guards import edge_guard
from pti_citizen.web.language_case import LanguageCaseRedirect
from pti_citizen.web.links import public_links
from pti_citizen.web.pages import serve as server_rendered
from pti_citizen.web.pages.shell import offline_text
from pti_citizen.web.pages.site import FEATURES, ServerRenderedSite
from pti_citizen.web.static import static_tweaks

# Every log line of this worker, from any library: one line, no client data, capped (logs.py).
logs.install()


def _offline_banner() -> rx.Component:
    """Replaces Reflex's English-only, low-contrast connection toast with a polite translated notice."""
    text = rx.Var.create({lang: offline_text(lang) for lang in LANGUAGES})[document.path_language]
    return rx.el.div(
        rx.cond(has_too_many_connection_errors, rx.el.p(text)),
        role="status",
        id="connection-status",
        class_name="connection-status",
    )


# No websocket, no session for a reader: these pages are HTML from the server, in every language.
pages = ServerRenderedSite(
    origin=get_settings().public_origin,
    assets=lambda: server_rendered.assets_from_build(server_rendered.build_client_dir()),
    features=lambda: registry.FEATURES,
    kiosques=lambda: services().kiosques.current(),
    embed_origins=get_settings().embed_origins,
)
registry.OFFLINE_PAGES.extend(pages.paths())
for _feature in FEATURES:
    registry.mark_available(_feature)
pwa.add_version_source(pages.fingerprint)  # a change of content renews the offline copies

app = rx.App(
    head_components=document.head_components(),
    html_custom_attrs=document.html_attributes(),
    stylesheets=["/app.css", "/locator.css", "/simulator.css", "/feedback.css"],
    backend_exception_handler=report_backend_error,
    # A browser-side error is logged as its type only: its text is the client's (socket_guard.py).
    frontend_exception_handler=socket_guard.frontend_exception_handler,
    # No toast library: errors use our own translated messages, and its <style> element would need
    # style-src 'unsafe-inline' (web/security.py).
    toaster=None,
    # The JSON API mounts the Reflex app; the static tweaks wrap them both (sw.js, headers, /fr → /fr/)
    # and answer the server-rendered pages and the sitemap before Reflex; /FR/… → /fr/… (a language
    # typed in capitals, for both kinds of page) and the locator's offline data; inside their security
    # headers, public links get the browser's origin (every page, Reflex's or ours, and the sitemap);
    # the edge guard is the outermost: hosts, sizes, websockets.
    api_transformer=[
        create_api(),
        static_tweaks(
            lambda: registry.OFFLINE_PAGES,
            embed_origins=get_settings().embed_origins,
            routes=[
                LanguageCaseRedirect(),
                locator_data.route(),
                *server_rendered.routes(pages, lambda: registry.OFFLINE_PAGES),
            ],
            middleware=[public_links(services().origins)],
        ),
        edge_guard(services()),
    ],
)
# What a websocket may send: known events, bounded browser storage, quiet error reports.
socket_guard.install(app)
# Several workers: sessions in Redis, two round trips per event, each tab's tree kept in its worker
# between events and read again only if another worker wrote it (ui/session_store.py); the guard's
# marker is read with every event's states. A session the server forgot (Redis restarted empty,
# expiry) gets the tab's answers back first; a session picked up by another connection loses what
# was bound to the first one.
session_store.install(app, always=(SessionMarkerState,), keep_at_most=get_settings().session_trees_kept)
app.add_middleware(ForgottenSessionGuard())
app.app_wraps[(5, "Overlay")] = lambda stateful: rx.fragment(_offline_banner()) if stateful else None

# The database schema, now (before Reflex compares the models with the database, so that it never
# asks for « makemigrations »), and again in each server process with the background jobs.
jobs.migrate()
for _task in jobs.LIFESPAN_TASKS:
    app.register_lifespan_task(_task)

feedback.register(app)  # /equipe (answers, Kiosques Insertion)
locator.register(app)
simulator_pages.register(app)

app.add_page(not_found, route="404", title="404 · Le RSA et moi")
