"""Every server-rendered page of every language: its path, title, description and how to build it.

These pages need nothing from the server once loaded — no websocket, no session: home, way of use,
the rights and guides sections, every content page and the glossary, « Me déplacer, me soigner ».
Each is rendered once per process (the offers page again for each filter query) and kept as bytes,
plain and gzipped, with an ETag.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from threading import Lock

from pti_citizen import routes
from pti_citizen.content import load_site
from pti_citizen.directory import Kiosque, get_directory
from pti_citizen.i18n import LANGUAGES, gettext_for
from pti_citizen.web.pages import content, embed, home, not_saved, offers, reminders
from pti_citizen.web.pages.shell import Assets, PageInfo, page

#: Features whose pages are here; the others (simulator, locator) the home page asks the app about.
FEATURES = ("droits", "demarches", "offres")


@dataclass(frozen=True)
class Route:
    info: PageInfo
    main: Callable[[str], list]  # query string → children of <main>
    feedback: bool = False
    #: The page's content depends on its query string (the offers filter).
    reads_query: bool = False
    #: Says today's month (the reminders' form): rendered on each request, never kept.
    dated: bool = False
    #: Made to be framed by partners' sites (``embed.py``'s template; not in the sitemap).
    embed: bool = False

    @property
    def path(self) -> str:
        return routes.path(self.info.lang, self.info.here)


@dataclass(frozen=True)
class Rendered:
    html: bytes
    gzipped: bytes
    etag: str
    lang: str


def _key(path: str) -> str:
    """``/fr/droits/`` and ``/fr/droits`` are the same page."""
    return path.rstrip("/") or "/"


def _route_table(
    features: Callable[[], Collection[str]],
    kiosques: Callable[[], Iterable[Kiosque]],
    origin: str,
    embed_origins: Sequence[str],
) -> dict[str, Route]:
    site = load_site()
    table: dict[str, Route] = {}

    def add(route: Route) -> None:
        table[_key(route.path)] = route

    for lang in LANGUAGES:
        _ = gettext_for(lang)
        add(
            Route(
                PageInfo(
                    lang,
                    routes.HOME,
                    _("Accueil"),
                    _(
                        "Vos droits au RSA en Haute-Garonne, expliqués simplement, avec un simulateur et les lieux d'accueil."
                    ),
                ),
                main=lambda _query, lang=lang: home.home_main(lang, features()),
            )
        )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.WAY_OF_USE,
                    _("Pour qui utilisez-vous ce site ?"),
                    _("Choisir : pour moi, pour aider quelqu'un, ou en médiation sur un poste partagé."),
                ),
                main=lambda _query, lang=lang: home.way_of_use_main(lang),
            )
        )
        for section in content.INDEXED_SECTIONS:
            title, intro = content.section_titles(lang)[section]
            add(
                Route(
                    PageInfo(lang, routes.SECTIONS[section], title, intro),
                    main=lambda _query, lang=lang, section=section: content.section_index_main(lang, section),
                )
            )
        for found in site.pages(lang):
            add(
                Route(
                    PageInfo(lang, content.here_of(found), found.title, found.summary),
                    main=lambda _query, found=found: content.content_main(found),
                    feedback=True,
                )
            )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.OFFERS,
                    _("Me déplacer, me soigner"),
                    _(
                        "Les aides pour les transports et la santé en Haute-Garonne. Le permis de conduire : à vérifier."
                    ),
                ),
                main=lambda query, lang=lang: offers.offers_main(lang, offers.OfferFilter.from_query(query)),
                reads_query=True,
            )
        )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.REMINDERS,
                    _("Me rappeler mes déclarations"),
                    _(
                        "Un rappel dans l'agenda de votre téléphone pour chaque déclaration trimestrielle du RSA."
                    ),
                ),
                main=lambda query, lang=lang: reminders.reminders_main(lang, query),
                reads_query=True,
                dated=True,
            )
        )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.EMBED,
                    _("Mettre Le RSA et moi sur votre site"),
                    _(
                        "Le code à copier pour montrer la recherche des MDS et le simulateur sur le site d'un partenaire."
                    ),
                ),
                main=lambda _query, lang=lang: embed.integrate_main(lang, origin, embed_origins),
            )
        )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.EMBED_LOCATOR,
                    _("Trouver une Maison des Solidarités"),
                    _("Le lieu d'accueil le plus proche, ses horaires et son téléphone."),
                ),
                main=lambda query, lang=lang: embed.locator_main(lang, query, kiosques),
                reads_query=True,
                embed=True,
            )
        )
        add(
            Route(
                PageInfo(
                    lang,
                    routes.EMBED_SIMULATOR,
                    _("Estimer mes droits"),
                    _("Une estimation du RSA, de la prime d'activité et des aides pour les enfants."),
                ),
                main=lambda _query, lang=lang: embed.simulator_main(lang),
                embed=True,
            )
        )
        saved = not_saved.texts(lang)
        add(
            Route(
                PageInfo(lang, routes.NOT_SAVED, saved["title"], saved["description"], indexed=False),
                main=lambda _query, lang=lang: not_saved.not_saved_main(lang),
            )
        )
    return table


class ServerRenderedSite:
    """The pages, rendered on first use. ``assets`` and ``features`` are asked when the first page is
    rendered (the frontend build and the other features' registrations exist by then)."""

    def __init__(
        self,
        *,
        origin: str,
        assets: Callable[[], Assets] = Assets,
        features: Callable[[], Collection[str]] = lambda: FEATURES,
        kiosques: Callable[[], Iterable[Kiosque]] = lambda: get_directory().kiosques,
        embed_origins: Sequence[str] = (),
    ):
        self.origin = origin
        self._kiosques = kiosques
        self.embed_origins = tuple(embed_origins)
        self._assets_source = assets
        self._features = features
        self._cache: dict[str, Rendered] = {}
        self._lock = Lock()

    @cached_property
    def table(self) -> dict[str, Route]:
        return _route_table(self._features, self._kiosques, self.origin, self.embed_origins)

    @cached_property
    def assets(self) -> Assets:
        return self._assets_source()

    def paths(self) -> list[str]:
        """Every page's path, as the language menu and the service worker write it (not the embeds:
        they live in partners' pages)."""
        return [route.path for route in self.table.values() if not route.embed]

    def unindexed_paths(self) -> set[str]:
        """Pages for the app itself (saved offline, but left out of the sitemap)."""
        return {route.path for route in self.table.values() if not route.info.indexed}

    def route(self, path: str) -> Route | None:
        return self.table.get(_key(path))

    def render(self, route: Route, query: str = "") -> Rendered:
        query = query if route.reads_query else ""
        if query or route.dated:
            return self._render(route, query)
        with self._lock:
            found = self._cache.get(route.path)
        if found is None:
            found = self._render(route, "")
            with self._lock:
                self._cache[route.path] = found
        return found

    def _render(self, route: Route, query: str) -> Rendered:
        if route.embed:
            text = embed.embed_document(route.info, *route.main(query), origin=self.origin)
        else:
            text = page(
                route.info,
                *route.main(query),
                origin=self.origin,
                assets=self.assets,
                feedback=route.feedback,
            )
        html = text.encode()
        etag = '"' + hashlib.sha256(html).hexdigest()[:32] + '"'
        return Rendered(html=html, gzipped=gzip.compress(html, 9, mtime=0), etag=etag, lang=route.info.lang)

    def fingerprint(self) -> str:
        """Changes when any page changes (content, translations, offers): the service worker's version."""
        digest = hashlib.sha256()
        for route in sorted(self.table.values(), key=lambda r: r.path):
            digest.update(self.render(route).etag.encode())
        return digest.hexdigest()[:16]
