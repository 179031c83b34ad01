"""The directory's user-facing words, through gettext domain ``directory`` (msgids in French)."""

from __future__ import annotations

from collections.abc import Callable

from babel import Locale

from ..i18n import N_, normalize_language, translations

DOMAIN = "directory"


def gettext(lang: str) -> Callable[[str], str]:
    return translations(normalize_language(lang), DOMAIN).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    return translations(normalize_language(lang), DOMAIN).ngettext


def address_notice(lang: str) -> str:
    """Said with every result list: there is no public commune → MDS table, so we never claim one."""
    _ = gettext(lang)
    return _("Votre MDS dépend de votre adresse : appelez pour vérifier.")


def mds_explained(lang: str) -> str:
    """The acronym, spelled out the first time a page uses it (FALC)."""
    _ = gettext(lang)
    return _("MDS : Maison des Solidarités du Département de la Haute-Garonne.")


KIND_LABELS = {
    "mds": N_("Maison des Solidarités (MDS)"),
    "point_accueil": N_("Point d'accueil de proximité"),
    "kiosque": N_("Kiosque Insertion"),
}


def kind_label(kind: str, lang: str) -> str:
    return gettext(lang)(KIND_LABELS[kind])


def suggestions_header(lang: str) -> str:
    _ = gettext(lang)
    return _("Vous cherchez peut-être :")


def language_name(code: str, lang: str) -> str:
    """« arabe », « Arabic »… from CLDR; the code itself if CLDR does not know it."""
    try:
        return Locale.parse(code).get_display_name(normalize_language(lang)) or code
    except (ValueError, LookupError):
        return code
