"""OpenFisca-France as the independent reference: contract households → OpenFisca situations.

How our inputs map onto OpenFisca-France 176.1.8 (see docs/simulator.md and the contract
``rights-simulator.md``):

- ages → ``date_naissance`` on the 1st of the estimate month, so that ``age`` is exact that month
  (every person has their birthday that month: in the months before, they are one year younger);
- ``earned_income`` → ``salaire_net`` and ``other_income`` → ``chomage_net`` every month (constant, so
  that no income is "neutralised"); the same amounts × 12 as ``salaire_imposable`` and
  ``chomage_imposable`` for every year (the family benefits read the income of year N-2);
- ``child_support_received`` → ``pensions_alimentaires_percues`` of the applicant every month, not
  declared for income tax (``pensions_alimentaires_percues_decl`` false: the contract takes the N-2
  income as the earned and other income only);
- ``student`` → ``etudiant``; hours ≥ 3 214 → ``rsa_jeune_condition_heures_travail_remplie``;
- ``nationality``: ``fr`` → ``FR``; ``eu`` → ``DE`` with ``duree_possession_titre_sejour`` = years of
  residence (99 when unknown); ``non_eu`` → ``MA`` with the years of permit. OpenFisca has no
  refugee status: a refugee gets 99 years (the 5-year condition does not apply to them);
- ``pregnant`` → ``enceinte`` of the applicant; ``isolated_since_months`` < 18 → ``rsa_isolement_recent``;
- housing: tenant → ``locataire_vide``; owner → ``proprietaire`` with no ``loyer``; owner_with_loan →
  ``primo_accedant`` with a ``loyer`` (loan repayment); housed_free → ``loge_gratuitement``;
  homeless → ``sans_domicile``; ``housing_benefit`` → ``aide_logement``;
- ``family_benefits`` a number (version 1): ``af_base`` = ``af`` = that number (OpenFisca counts
  min(af_base, af)); ``cf``, PAJE, ``asf`` and ``rsa_forfait_asf`` pinned to 0.
  ``family_benefits`` null or absent (version 2): OpenFisca computes ``af``, ``cf``, ``paje_base``
  and ``asf`` itself (``paje_prepare`` given as 0);
- ASS, AAH, ASI, CAAH, ASPA given as 0 so they are not computed;
- ``departement_experimentation_rsa`` true from March 2025 (reference quarter M-4..M-2: décret
  n° 2025-185, national from 1 March 2025; Haute-Garonne was not in the experiment of October 2024),
  false before (M-3..M-1). The contract's months are all after March 2025.

``earned_income_stopped`` is not mapped: the contract keeps it out of the reference (it is tested
from the law, art. R262-13 CASF).

Everything is passed for the years 2021–2027, so a single simulation holds every household and the
variables are then read month by month.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np

#: Benefit name in our engine → OpenFisca variable (the contract's mapping).
BENEFIT_VARIABLES = {
    "rsa": "rsa",
    "prime_activite": "ppa",
    "allocations_familiales": "af",
    "complement_familial": "cf",
    "paje_base": "paje_base",
    "asf": "asf",
}
DETAILS = (
    "rsa_socle",
    "rsa_socle_majore",
    "rsa_forfait_logement",
    "rsa_base_ressources",
    "rsa_forfait_asf",
    "rsa_base_ressources_prestations_familiales",
)
OUTPUTS = (*BENEFIT_VARIABLES.values(), *DETAILS)
V1_OUTPUTS = ("rsa", "rsa_socle", "rsa_socle_majore", "rsa_forfait_logement", "rsa_base_ressources")
YEARS = tuple(str(year) for year in range(2021, 2028))
ISOLATION_WINDOW_MONTHS = 18
JEUNE_ACTIF_HOURS = 3214
LOAN_OR_RENT = 500.0

#: The reference quarter moved to M-4..M-2 on 1 March 2025 in Haute-Garonne.
SOLIDARITE_A_LA_SOURCE_SINCE = "2025-03"

NATIONALITY_CODES = {"fr": "FR", "eu": "DE", "non_eu": "MA"}
HOUSING_STATUSES = {
    "tenant": "locataire_vide",
    "owner": "proprietaire",
    "owner_with_loan": "primo_accedant",
    "housed_free": "loge_gratuitement",
    "homeless": "sans_domicile",
}


@cache
def tax_benefit_system():
    """Built once per process (about 3 s)."""
    from openfisca_france import FranceTaxBenefitSystem

    return FranceTaxBenefitSystem()


def _by_month(test) -> dict:
    return {
        f"{year}-{month:02d}": test(f"{year}-{month:02d}")
        for year in map(int, YEARS)
        for month in range(1, 13)
    }


def _yearly(value) -> dict:
    return dict.fromkeys(YEARS, value)


def _monthly_as_yearly(monthly: float) -> dict:
    return _yearly(12 * float(monthly))


def _birth_date(age: int, month: str) -> str:
    year, month_number = int(month[:4]), int(month[5:7])
    return dt.date(year - age, month_number, 1).isoformat()


def _residence_years(person: dict) -> float:
    years = person.get("residence_permit_years")
    if person["nationality"] == "non_eu" and person.get("refugee"):
        return 99.0
    return 99.0 if years is None else float(years)


def _adult(person: dict, month: str, pregnant: bool, child_support: float) -> dict:
    hours = person.get("worked_hours_last_3_years") or 0
    earned, other = person.get("earned_income", 0), person.get("other_income", 0)
    return {
        "date_naissance": {"ETERNITY": _birth_date(person["age"], month)},
        "salaire_net": _monthly_as_yearly(earned),
        "chomage_net": _monthly_as_yearly(other),
        "salaire_imposable": _monthly_as_yearly(earned),
        "chomage_imposable": _monthly_as_yearly(other),
        "pensions_alimentaires_percues": _monthly_as_yearly(child_support),
        "pensions_alimentaires_percues_decl": _yearly(False),
        "etudiant": _yearly(bool(person.get("student", False))),
        "nationalite": _yearly(NATIONALITY_CODES[person["nationality"]]),
        "duree_possession_titre_sejour": _yearly(_residence_years(person)),
        "rsa_jeune_condition_heures_travail_remplie": _yearly(hours >= JEUNE_ACTIF_HOURS),
        "enceinte": _yearly(pregnant),
        "ass": _yearly(0.0),
        "aah": _yearly(0.0),
        "asi": _yearly(0.0),
        "caah": _yearly(0.0),
    }


def _family_benefits(household: dict) -> dict:
    pinned = household.get("family_benefits")
    if pinned is None:
        return {"paje_prepare": _yearly(0.0)}
    return {
        "af_base": _monthly_as_yearly(pinned),
        "af": _monthly_as_yearly(pinned),
        "cf": _yearly(0.0),
        "paje_base": _yearly(0.0),
        "paje_prepare": _yearly(0.0),
        "asf": _yearly(0.0),
        "rsa_forfait_asf": _yearly(0.0),
    }


SOLIDARITE_A_LA_SOURCE = _by_month(lambda month: month >= SOLIDARITE_A_LA_SOURCE_SINCE)


def situation(households: list[dict]) -> dict:
    """One OpenFisca situation holding every household (household ``i`` is family ``h{i}``)."""
    individus, familles, foyers, menages = {}, {}, {}, {}
    for index, household in enumerate(households):
        key = f"h{index}"
        month = household["month"]
        applicant, partner = household["applicant"], household.get("partner")
        parents = [f"{key}_a"]
        support = household.get("child_support_received", 0) or 0
        individus[f"{key}_a"] = _adult(applicant, month, bool(household.get("pregnant")), support)
        if partner is not None:
            parents.append(f"{key}_p")
            individus[f"{key}_p"] = _adult(partner, month, False, 0)
        children = []
        for number, age in enumerate(household.get("children", [])):
            child = f"{key}_c{number}"
            children.append(child)
            individus[child] = {"date_naissance": {"ETERNITY": _birth_date(age, month)}}
        isolated = household.get("isolated_since_months")
        familles[key] = {
            "parents": parents,
            "enfants": children,
            "aide_logement": _monthly_as_yearly(household["housing"].get("housing_benefit", 0)),
            **_family_benefits(household),
            "aspa": _yearly(0.0),
            "departement_experimentation_rsa": SOLIDARITE_A_LA_SOURCE,
            "rsa_isolement_recent": _yearly(isolated is not None and isolated < ISOLATION_WINDOW_MONTHS),
        }
        foyers[key] = {"declarants": parents, "personnes_a_charge": children}
        status = household["housing"]["status"]
        menage = {
            "personne_de_reference": [parents[0]],
            "enfants": children,
            "statut_occupation_logement": _yearly(HOUSING_STATUSES[status]),
            "loyer": _monthly_as_yearly(LOAN_OR_RENT if status in ("tenant", "owner_with_loan") else 0.0),
            "depcom": _yearly("31555"),
        }
        if len(parents) > 1:
            menage["conjoint"] = [parents[1]]
        menages[key] = menage
    return {"individus": individus, "familles": familles, "foyers_fiscaux": foyers, "menages": menages}


def compute(households: list[dict], outputs: tuple[str, ...] = OUTPUTS) -> list[dict[str, float]]:
    """OpenFisca values of ``outputs`` for each household, at its own month (one simulation)."""
    from openfisca_core.simulations import SimulationBuilder

    results: list[dict[str, float]] = [{} for _ in households]
    # An input given for some families is an input for all (the others get 0): households whose family
    # benefits are pinned and those whose benefits OpenFisca computes go in two simulations.
    for pinned in (True, False):
        indexes = [i for i, h in enumerate(households) if (h.get("family_benefits") is not None) is pinned]
        if not indexes:
            continue
        group = [households[i] for i in indexes]
        simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation(group))
        months = np.array([household["month"] for household in group])
        for month in sorted(set(months)):
            rows = np.flatnonzero(months == month)
            for variable in outputs:
                values = simulation.calculate(variable, month)
                for row in rows:
                    results[indexes[row]][variable] = round(float(values[row]), 2)
    return results
