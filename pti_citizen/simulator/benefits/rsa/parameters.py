"""The RSA's dated parameters (``parameters.yaml`` beside this file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...parameters import DERIVED, ParameterTable, Revaluation, Source

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")
#: The first month an estimate can be made for (the amounts before are kept for the prime
#: d'activité's reference months).
ESTIMATES_FROM = dt.date(2023, 4, 1)


@dataclass(frozen=True, slots=True)
class RsaParameters:
    """All values in force during one month. Field names are the keys of ``parameters.yaml``."""

    montant_forfaitaire: float
    majoration_deuxieme_personne: float
    majoration_personne_supplementaire: float
    majoration_enfant_a_partir_du_troisieme: float
    majoration_isolement_base: float
    majoration_isolement_par_enfant: float
    majoration_isolement_duree_mois: int
    majoration_isolement_delai_demande_mois: int
    majoration_isolement_fenetre_mois: int
    majoration_isolement_age_enfant: int
    forfait_logement_1_personne: float
    forfait_logement_2_personnes: float
    forfait_logement_3_personnes_ou_plus: float
    montant_minimum_verse: float
    age_minimum: int
    age_limite_personne_a_charge: int
    rsa_jeune_age_minimum: int
    rsa_jeune_heures: int
    duree_titre_sejour_hors_ue_annees: float
    duree_residence_ue_annees: float
    #: Source of the montant forfaitaire in force (the value that changes every year).
    montant_source: Source = field(metadata=DERIVED)
    #: Forfait logement in euros for 1, 2 and 3+ persons (they only depend on the month).
    forfait_logement: tuple[float, float, float] = field(metadata=DERIVED)


def _derive(values: dict[str, Any], sources: Mapping[str, Source]) -> dict[str, Any]:
    base = values["montant_forfaitaire"]
    two_persons = 1 + values["majoration_deuxieme_personne"]
    three_persons = two_persons + values["majoration_personne_supplementaire"]
    return {
        "montant_source": sources["montant_forfaitaire"],
        "forfait_logement": (
            base * values["forfait_logement_1_personne"],
            base * two_persons * values["forfait_logement_2_personnes"],
            base * three_persons * values["forfait_logement_3_personnes_ou_plus"],
        ),
    }


@cache
def rsa_table() -> ParameterTable[RsaParameters]:
    """Amounts revalued every 1 April (art. L262-3 CASF, L161-25 CSS)."""
    return ParameterTable.from_file(
        PARAMETERS_FILE,
        RsaParameters,
        name="rsa",
        revaluations=(Revaluation("montant_forfaitaire", 4),),
        derive=_derive,
        first_day=ESTIMATES_FROM,
    )


#: Version 1's name, still used by the current wizard.
Parameters = RsaParameters
