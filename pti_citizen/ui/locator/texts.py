"""The page's own words, per language (gettext domain ``ui_locator``, msgids in French).

Pages are built once per language, so every sentence is looked up here at build time and baked in.
Sentences about a place (hours, « appelez pour vérifier », errors) come from the directory core.
"""

from __future__ import annotations

from babel import Locale
from babel.support import Translations

from pti_citizen.i18n import format_number, gettext_for, normalize_language, translations

DOMAIN = "ui_locator"


def texts(lang: str) -> dict[str, str]:
    _ = gettext_for(lang, DOMAIN)
    return {
        "title": _("Trouver une Maison des Solidarités"),
        "description": _("Le lieu d'accueil le plus proche, ses horaires et son téléphone."),
        "lead": _(
            "Les Maisons des Solidarités (MDS) du Département vous accueillent. "
            "Cherchez le lieu le plus proche avec votre ville, votre code postal ou votre position."
        ),
        "search_title": _("Chercher un lieu d'accueil"),
        "town_label": _("Votre ville ou votre code postal"),
        "town_help": _("Exemple : Saint-Gaudens ou 31800."),
        "search": _("Chercher"),
        "or": _("ou"),
        "gps": _("Utiliser ma position"),
        "gps_help": _(
            "Votre appareil vous demande d'abord votre accord. "
            "Votre position sert seulement à cette recherche. Elle n'est pas gardée."
        ),
        "gps_busy": _("Nous cherchons votre position…"),
        "gps_denied": _(
            "Vous n'avez pas donné accès à votre position. "
            "Ce n'est pas grave : écrivez votre ville ou votre code postal."
        ),
        "gps_unavailable": _(
            "Votre position n'est pas disponible pour le moment. Écrivez votre ville ou votre code postal."
        ),
        "gps_timeout": _(
            "Votre position met trop de temps à venir. Écrivez votre ville ou votre code postal."
        ),
        "gps_unsupported": _(
            "Ce navigateur ne donne pas la position. Écrivez votre ville ou votre code postal."
        ),
        "address_open": _("Chercher avec une adresse précise"),
        "address_privacy": _(
            "Cette recherche utilise Internet. L'adresse que vous écrivez est envoyée à la "
            "Base Adresse Nationale, un service public de l'État. Nous ne la gardons pas."
        ),
        "address_fallback": _("Si ce service ne répond pas, nous cherchons avec le nom de votre ville."),
        "address_label": _("Votre adresse : numéro, rue et ville"),
        "address_help": _("Exemple : 3 rue de la Mairie, Muret."),
        "address_search": _("Envoyer l'adresse et chercher"),
        "address_empty": _("Écrivez votre adresse : numéro, rue et ville."),
        "busy": _("Recherche en cours…"),
        "results_title": _("Les lieux les plus proches"),
        "write_address": _("Écrire mon adresse"),
        "other_towns": _("Vous habitez une autre commune avec ce code postal ? Choisissez-la :"),
        "filter_legend": _("Afficher"),
        "filter_all": _("Tous les lieux"),
        "filter_mds": _("Maisons des Solidarités (MDS)"),
        "filter_point_accueil": _("Points d'accueil"),
        "filter_kiosque": _("Kiosques Insertion"),
        "kiosque_explained": _(
            "Kiosque Insertion : une rencontre dans une MDS, avec des professionnels, "
            "pour choisir votre accompagnement."
        ),
        "distance": _("Distance en ligne droite :"),
        "address": _("Adresse :"),
        "phone": _("Téléphone :"),
        "directions": _("Itinéraire sur OpenStreetMap"),
        "geo": _("Ouvrir dans l'application de cartes"),
        "parent": _("Dépend de :"),
        "kiosques": _("Prochains Kiosques Insertion"),
        "languages": _("Langues parlées :"),
        "add_to_calendar": _("Ajouter à mon agenda"),
        "more": _("Afficher plus de lieux"),
        "share": _("Partager le lien"),
        "share_help": _(
            "Le lien donne seulement le nom de la ville ou le code postal. "
            "Il ne donne jamais votre position ni votre adresse."
        ),
        "shared": _("C'est partagé."),
        "copied": _("Le lien est copié. Vous pouvez le coller dans un message."),
        "copy_label": _("Copiez ce lien :"),
        "print": _("Imprimer la liste"),
        # Without the server (no Internet, or the server does not answer): assets/locator-offline.js.
        "offline_note": _(
            "Sans connexion : cette liste est faite sur votre appareil. "
            "Elle ne montre pas les Kiosques Insertion."
        ),
        "offline_unready": _(
            "La recherche sans Internet n'est pas encore prête sur cet appareil. "
            "Ouvrez cette page une fois avec Internet, puis réessayez."
        ),
        "offline_address": _(
            "La recherche avec une adresse a besoin d'Internet. "
            "Sans Internet, cherchez avec votre ville ou votre code postal."
        ),
    }


#: What the offline search shows in the page's language (assets/locator-offline.js reads it).
OFFLINE_KEYS = (
    "results_title",
    "distance",
    "address",
    "phone",
    "parent",
    "directions",
    "geo",
    "more",
    "print",
    "other_towns",
    "offline_note",
    "offline_unready",
    "offline_address",
    "gps_busy",
    "gps_denied",
    "gps_unavailable",
    "gps_timeout",
    "gps_unsupported",
)


def summaries(lang: str, up_to: int) -> dict[str, str]:
    """« 5 lieux trouvés près de {town} » for every count the page can show (plural rules differ:
    Arabic has six forms). The town is filled in by the browser."""
    catalog = translations(lang, DOMAIN)
    if isinstance(catalog, Translations):
        _n = catalog.ngettext
    else:
        # French is the source (no catalog): gettext's default rule reads 0 as plural, CLDR as singular.
        plural_form = Locale.parse(normalize_language(lang)).plural_form

        def _n(singular: str, plural: str, n: int) -> str:
            return singular if plural_form(n) == "one" else plural

    return {
        str(count): _n(
            "{count} lieu trouvé près de {town}",
            "{count} lieux trouvés près de {town}",
            count,
        ).replace("{count}", format_number(count, lang, 0))
        for count in range(up_to + 1)
    }
