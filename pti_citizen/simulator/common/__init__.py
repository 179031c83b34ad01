"""Values shared by several benefits (BMAF, SMIC, child « à charge », income of year N-2)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..parameters import ParameterTable, Revaluation

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")


@dataclass(frozen=True, slots=True)
class CommonParameters:
    """Values in force during one month. Field names are the keys of ``parameters.yaml``."""

    bmaf: float
    smic_horaire_brut: float
    age_limite_enfant_a_charge: int
    part_smic_remuneration_enfant: float
    heures_smic_remuneration_enfant: int
    bmaf_annuelles_biactivite: int
    dernier_mois_de_reference: int
    abattement_frais_professionnels_taux: float
    abattement_frais_professionnels_minimum: float
    abattement_frais_professionnels_maximum: float


@lru_cache(maxsize=512)
def reference_months(month) -> tuple:
    """The three months whose resources the RSA and the prime d'activité read for ``month``, oldest
    first (M-4, M-3, M-2 since 1 March 2025; M-3, M-2, M-1 before)."""
    last = common_table().at(month).dernier_mois_de_reference
    return tuple(month.shift(-back) for back in (last + 2, last + 1, last))


@cache
def common_table() -> ParameterTable[CommonParameters]:
    return ParameterTable.from_file(
        PARAMETERS_FILE,
        CommonParameters,
        name="common",
        revaluations=(Revaluation("bmaf", 4), Revaluation("smic_horaire_brut", 1)),
    )
