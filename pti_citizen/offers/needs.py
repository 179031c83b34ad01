"""The needs a person can filter offers by, and how they map onto data·inclusion thématiques.

Keys are ours and stable (they appear in URLs such as ``?besoin=permis``); data·inclusion has no
thématique for health cover or children's health, so those map to the nearest ones.
"""

from __future__ import annotations

from data_inclusion.schema.v1 import Thematique

from pti_citizen.i18n import N_, gettext_for, normalize_language

DOMAIN = "offers"


#: Need key → French label (the gettext msgid), in display order.
NEEDS: dict[str, str] = {
    "transport": N_("Transports en commun et trajets"),
    "vehicule": N_("Vélo ou voiture"),
    "permis": N_("Permis de conduire"),
    "couverture-sante": N_("Couverture santé"),
    "soins": N_("Se soigner"),
    "sante-mentale": N_("Santé mentale"),
    "sante-enfants": N_("Santé des enfants"),
}

#: Need key → data·inclusion thématiques that express it. An offer tagged with a need must carry
#: at least one of these thématiques (checked at load time).
NEED_THEMATIQUES: dict[str, frozenset[Thematique]] = {
    "transport": frozenset(
        {
            Thematique.MOBILITE__UTILISER_DES_SERVICES_DE_MOBILITE_DOUCE_PARTAGEE_COLLECTIVE,
            Thematique.MOBILITE__FINANCER_MA_MOBILITE,
        }
    ),
    "vehicule": frozenset(
        {Thematique.MOBILITE__ACCEDER_A_UN_VEHICULE, Thematique.MOBILITE__ENTRETENIR_REPARER_SON_VEHICULE}
    ),
    "permis": frozenset({Thematique.MOBILITE__PREPARER_UN_PERMIS}),
    "couverture-sante": frozenset(
        {
            Thematique.SANTE__ACCES_AUX_SOINS,
            Thematique.DIFFICULTES_ADMINISTRATIVES_OU_JURIDIQUES__ACCOMPAGNEMENT_POUR_LACCES_AUX_DROITS,
        }
    ),
    "soins": frozenset({Thematique.SANTE__ACCES_AUX_SOINS}),
    "sante-mentale": frozenset({Thematique.SANTE__SANTE_MENTALE}),
    "sante-enfants": frozenset(
        {
            Thematique.SANTE__ACCES_AUX_SOINS,
            Thematique.SANTE__SANTE_MENTALE,
            Thematique.FAMILLE__SOUTIEN_A_LA_PARENTALITE_ET_A_LEDUCATION,
        }
    ),
}


def need_labels(lang: str) -> dict[str, str]:
    """Need key → label in ``lang``, in display order (for the filter chips of the UI)."""
    _ = gettext_for(normalize_language(lang), DOMAIN)
    return {key: _(label) for key, label in NEEDS.items()}
