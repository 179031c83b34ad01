"""Which pages may carry « Est-ce que cette page est claire ? »: every content page, and a few pages of
the app's features. An answer about any other page is refused."""

from __future__ import annotations

from functools import cache

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES

#: Pages of the app (besides content pages) that may carry the widget.
APP_PAGES = (routes.SIMULATOR, routes.SIMULATOR_RESULT, routes.LOCATOR, routes.OFFERS)


@cache
def known_pages() -> frozenset[str]:
    """Paths after ``/<lang>/`` (``droits/montant-du-rsa``)."""
    from pti_citizen.content import load_site

    site = load_site()
    pages = {page.url[len(f"/{lang}/") :] for lang in LANGUAGES for page in site.pages(lang)}
    return frozenset(pages | set(APP_PAGES))
