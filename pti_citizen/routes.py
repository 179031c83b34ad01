"""Every URL of the app in one place, so that no page or content file hard-codes a path.

Routes are per language (``/fr/…``, ``/ar/…``); slugs stay French in every language so that a link
shared between a mediator and a claimant works whatever language each of them reads.
"""

from __future__ import annotations

from pti_citizen.i18n import LANGUAGES, normalize_language

#: Section key → path segment under ``/<lang>/``. "" means the page sits at ``/<lang>/<slug>``.
SECTIONS: dict[str, str] = {
    "droits": "droits",  # Mes droits et mes devoirs (+ glossary)
    "demarches": "demarches",  # Faire mes démarches en ligne (step-by-step guides)
    "info": "",  # accessibility statement, privacy, legal notice, contact
}

HOME = ""
SIMULATOR = "simulateur"
SIMULATOR_RESULT = "simulateur/resultat"
LOCATOR = "trouver-une-mds"
OFFERS = "se-deplacer-se-soigner"
GLOSSARY = "droits/mots-du-rsa"
WAY_OF_USE = "mode"
#: « Me rappeler mes déclarations »: the quarterly declaration's dates, as a calendar file.
REMINDERS = "rappels"
#: Pages for partners' sites: ``/fr/integrer`` (the snippet), ``/fr/integrer/<page>`` (framable).
EMBED = "integrer"
EMBED_LOCATOR = f"{EMBED}/{LOCATOR}"
EMBED_SIMULATOR = f"{EMBED}/{SIMULATOR}"
#: Where the service worker sends an address it has not saved, when there is no network.
NOT_SAVED = "hors-connexion"


def path(lang: str, *parts: str) -> str:
    """``path("fr", "droits", "rsa")`` → ``/fr/droits/rsa``; the home of a language is ``/fr/``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    rest = "/".join(p.strip("/") for p in parts if p and p.strip("/"))
    return f"/{lang}/{rest}" if rest else f"/{lang}/"


def language_of(url_path: str) -> str:
    """The language a page's path starts with (``/ar/simulateur`` → ``ar``); French otherwise."""
    return normalize_language(url_path.strip("/").split("/")[0] if url_path else "")


def section_index(lang: str, section: str) -> str:
    return path(lang, SECTIONS[section])


def content_page(lang: str, section: str, slug: str) -> str:
    return path(lang, SECTIONS[section], slug)
