"""The page template of the server-rendered pages: ``<head>``, skip link, header tools, one ``<main>``,
footer, offline notice, driven by ``assets/app.js`` (display settings, read-aloud, way of use, kiosk
timer) without React. The Reflex pages take their skip link, header and footer from here too
(``ui/layout.py`` converts them), so both kinds of page are the same to the reader.

Also home of what both templates share: the texts ``app.js`` shows, the kiosk timer's settings, the
display-preferences script that runs before the first paint.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES, gettext_for, text_direction
from pti_citizen.settings import get_settings
from pti_citizen.web.pages.french import marked
from pti_citizen.web.pages.html import Child, Element, Trusted, document, h

THEME_COLOR = "#16365c"

#: Seconds of inactivity before a kiosk terminal erases everything (mediator mode only).
KIOSK_IDLE_SECONDS = get_settings().kiosk_idle_seconds
KIOSK_WARNING_SECONDS = 30

# Runs before first paint, so that the reader's display choices never flash. Inline (its hash is in
# the Content-Security-Policy, web/security.py): a file would be one more request before any text shows.
DISPLAY_PREFS_JS = (
    "try{var d=document.documentElement,s=localStorage;"
    "d.dataset.textSize=s.getItem('pti_text_size')||'1';"
    "if(s.getItem('pti_contrast')==='high')d.dataset.contrast='high';"
    "var m=s.getItem('pti_mode');if(m)d.dataset.mode=m;}catch(e){}"
)


def kiosk_idle_minutes() -> int:
    return max(1, round(KIOSK_IDLE_SECONDS / 60))


def client_messages(lang: str) -> dict[str, str]:
    """Texts that app.js shows; baked into each page in its language."""
    _ = gettext_for(lang)
    return {
        "noVoice": _(
            "Votre appareil n'a pas de voix pour lire cette langue. Vous pouvez installer une voix dans les réglages de votre téléphone."
        ),
        "noSpeech": _("Votre navigateur ne sait pas lire les pages à voix haute."),
        "reading": _("Lecture en cours."),
        "paused": _("Lecture en pause."),
        "stopped": _("Lecture arrêtée."),
        "pause": _("Pause"),
        "resume": _("Reprendre"),
        "modeSaved": _("C'est noté. Vous pouvez changer à tout moment."),
        "kioskWarning": _(
            "Personne n'a touché l'écran depuis un moment. Tout va s'effacer dans {s} secondes."
        ),
        "erased": _("Tout est effacé."),
        "offline": _("Vous n'êtes pas connecté à Internet. Cette page vient de la mémoire du téléphone."),
        "serverProblem": _(
            "Le serveur a un problème pour le moment. Vos réponses sont gardées sur cet appareil. Réessayez dans une minute."
        ),
        "ticked": _("Coché"),
        "unticked": _("Décoché"),
    }


def offline_text(lang: str) -> str:
    """The polite notice shown while the device is offline (both templates). Short: with the largest
    text on a small phone it stays one line, in the flow, and covers nothing (issue #14, item 8)."""
    _ = gettext_for(lang)
    return _("Vous êtes hors connexion.")


def client_config(lang: str, *, hydrates: bool) -> dict:
    """What app.js reads from ``#pti-config``; ``hydrates`` says whether React takes over the page."""
    return {
        "lang": lang,
        "home": routes.path(lang),
        "kioskIdle": KIOSK_IDLE_SECONDS,
        "kioskWarning": KIOSK_WARNING_SECONDS,
        "messages": client_messages(lang),
        "hydrates": hydrates,
        # With PTI_PUBLIC_URL the built absolute links are the right ones; without it, app.js gives
        # the ``hreflang`` links the browser's own origin (web/links.py does it in the served HTML;
        # React re-renders a Reflex page's links from the build afterwards).
        "fixedOrigin": bool(get_settings().public_url),
    }


def script_json(value: object) -> str:
    """JSON that can sit inside ``<script>``: no ``</script>`` or comment opener can end the block."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def link(*children: Child, href: str, **attrs) -> Element:
    return h("a", *children, href=href, **attrs)


def language_menu(lang: str, here: str) -> Element:
    _ = gettext_for(lang)
    items = [
        h(
            "li",
            link(
                LANGUAGES[code].name,
                href=routes.path(code, here),
                hreflang=code,
                lang=code,
                aria_current="page" if code == lang else None,
            ),
        )
        for code in LANGUAGES
    ]
    return h("nav", h("ul", items), aria_label=_("Choisir la langue"), class_="lang-menu")


def display_tools(lang: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "div",
        h(
            "button",
            h("span", class_="icon icon-listen", aria_hidden="true"),
            marked(lang, _("Écouter")),
            type="button",
            id="listen-toggle",
            aria_expanded="false",
            aria_controls="listen-bar",
        ),
        # The visible « A− » stays the start of the accessible name (WCAG 2.5.3, label in name).
        h(
            "button",
            "A−",
            h("span", " ", _("Texte plus petit"), class_="visually-hidden"),
            type="button",
            id="text-smaller",
        ),
        h(
            "button",
            "A+",
            h("span", " ", _("Texte plus grand"), class_="visually-hidden"),
            type="button",
            id="text-bigger",
        ),
        h(
            "button",
            marked(lang, _("Contraste élevé")),
            type="button",
            id="contrast-toggle",
            aria_pressed="false",
        ),
        role="group",
        aria_label=_("Lecture et affichage"),
        class_="display-tools",
    )


def listen_bar(lang: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "div",
        h("button", _("Pause"), type="button", id="listen-pause"),
        h("button", _("Arrêter"), type="button", id="listen-stop"),
        h(
            "label",
            _("Vitesse"),
            h(
                "select",
                h("option", _("Lente"), value="0.75"),
                h("option", _("Normale"), value="1", selected=True),
                h("option", _("Rapide"), value="1.25"),
                id="listen-rate",
            ),
        ),
        h("p", id="listen-status", role="status", class_="listen-status"),
        id="listen-bar",
        class_="listen-bar",
        hidden=True,
    )


def way_of_use_status(lang: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "p",
        h("span", marked(lang, _("Vous utilisez le site :")), " "),
        h("strong", marked(lang, _("pour vous")), class_="when-moi"),
        h("strong", marked(lang, _("pour aider quelqu'un")), class_="when-aidant"),
        h("strong", marked(lang, _("en médiation, sur un poste partagé")), class_="when-mediateur"),
        " · ",
        link(marked(lang, _("Changer")), href=routes.path(lang, routes.WAY_OF_USE)),
        class_="way-of-use-status when-mode-chosen",
    )


def kiosk_bar(lang: str) -> Element:
    """« Terminer et tout effacer » and the inactivity warning; app.js erases the browser's copies."""
    _ = gettext_for(lang)
    return h(
        "div",
        h(
            "button",
            marked(lang, _("Terminer et tout effacer")),
            type="button",
            id="kiosk-erase",
            class_="button button-danger",
        ),
        h(
            "div",
            h("p", id="kiosk-warning-text"),
            h(
                "button",
                marked(lang, _("Je suis encore là")),
                type="button",
                id="kiosk-stay",
                class_="button",
            ),
            id="kiosk-warning",
            role="alertdialog",
            aria_label=_("Effacement automatique"),
            aria_describedby="kiosk-warning-text",
            hidden=True,
            class_="kiosk-warning",
        ),
        class_="kiosk-bar when-mediateur",
    )


def header(lang: str, here: str) -> Element:
    _ = gettext_for(lang)
    return h(
        "header",
        h(
            "div",
            link(
                h("span", class_="icon icon-logo", aria_hidden="true"),
                h("span", marked(lang, _("Le RSA et moi")), class_="brand-name"),
                h("span", marked(lang, _("Haute-Garonne")), class_="brand-area"),
                href=routes.path(lang),
                class_="brand",
            ),
            language_menu(lang, here),
            class_="header-top",
        ),
        display_tools(lang),
        listen_bar(lang),
        way_of_use_status(lang),
        kiosk_bar(lang),
        class_="site-header",
    )


def footer_links(lang: str) -> list[tuple[str, str]]:
    """The site-information pages (accessibility, privacy, legal notice, contact) that exist."""
    from pti_citizen.content import load_site

    return [(routes.path(lang, page.slug), page.title) for page in load_site().pages(lang, section="info")]


def footer(lang: str) -> Element:
    _ = gettext_for(lang)
    links = [h("li", link(marked(lang, title), href=href)) for href, title in footer_links(lang)]
    return h(
        "footer",
        h("nav", h("ul", links), aria_label=_("Informations sur le site")),
        # Who decides (CASF, art. L262-13 and L262-16): the Président du Conseil départemental grants
        # the RSA; the CAF or the MSA studies the claim, calculates it and pays it for the Département.
        h(
            "p",
            marked(
                lang,
                _(
                    "Ce site donne des informations et une estimation. La CAF (Caisse d'allocations familiales) ou la MSA (Mutualité sociale agricole) étudie les demandes et verse les aides. Le Président du Conseil départemental accorde le RSA."
                ),
            ),
        ),
        class_="site-footer",
    )


def skip_link(lang: str) -> Element:
    _ = gettext_for(lang)
    return link(marked(lang, _("Aller au contenu")), href="#contenu", class_="skip-link")


@dataclass(frozen=True)
class Assets:
    """Where the page's stylesheet and scripts are served (the stylesheet's name comes from the build)."""

    stylesheets: Sequence[str] = ("/app.css", "/feedback.css")
    scripts: Sequence[str] = ("/app.js",)
    #: Loaded only on pages that carry « Est-ce que cette page est claire ? ».
    feedback_script: str = "/feedback.js"


@dataclass(frozen=True)
class PageInfo:
    lang: str
    here: str  # path after /<lang>/
    title: str
    description: str
    #: ``False``: a page for the app itself (« not on this device »): no search engine, no sitemap.
    indexed: bool = True


def head(info: PageInfo, origin: str, assets: Assets, *, feedback: bool) -> list[Element]:
    _ = gettext_for(info.lang)
    origin = origin.rstrip("/")
    alternates = [
        h("link", rel="alternate", hreflang=code, href=f"{origin}{routes.path(code, info.here)}")
        for code in LANGUAGES
    ]
    alternates.append(
        h("link", rel="alternate", hreflang="x-default", href=f"{origin}{routes.path('fr', info.here)}")
    )
    scripts = [*assets.scripts, *([assets.feedback_script] if feedback else [])]
    return [
        h("meta", charset="utf-8"),
        h("meta", name="viewport", content="width=device-width, initial-scale=1"),
        h("title", f"{info.title} · {_('Le RSA et moi')}"),
        h("meta", name="description", content=info.description),
        h("meta", name="robots", content="noindex") if not info.indexed else None,
        h("meta", name="theme-color", content=THEME_COLOR),
        h("link", rel="manifest", href=f"/manifest-{info.lang}.webmanifest"),
        h("link", rel="icon", href="/favicon.ico", sizes="any"),
        h("link", rel="icon", href="/icon.svg", type="image/svg+xml"),
        h("link", rel="apple-touch-icon", href="/apple-touch-icon.png"),
        *alternates,
        *[h("link", rel="stylesheet", href=href) for href in assets.stylesheets],
        h("script", Trusted(DISPLAY_PREFS_JS)),
        *[h("script", src=src, defer=True) for src in scripts],
    ]


def page(
    info: PageInfo,
    *main_children: Child,
    origin: str,
    assets: Assets,
    wide: bool = False,
    feedback: bool = False,
) -> str:
    """A whole page. ``feedback`` loads the widget's script (the page carries the widget)."""
    lang = info.lang
    body = [
        # Filled by app.js while the device is offline (the Reflex pages' notice has the same place).
        h(
            "div",
            id="connection-status",
            role="status",
            class_="connection-status",
            data_offline=offline_text(lang),
        ),
        skip_link(lang),
        header(lang, info.here),
        h("main", main_children, id="contenu", tabindex="-1", class_="wide" if wide else None),
        footer(lang),
        h("div", id="live-region", role="status", class_="visually-hidden"),
        h(
            "script",
            Trusted(script_json(client_config(lang, hydrates=False))),
            type="application/json",
            id="pti-config",
        ),
    ]
    return document(
        {"lang": lang, "dir": text_direction(lang)},
        head(info, origin, assets, feedback=feedback),
        body,
    )
