"""OpenFisca-France as the independent reference: contract households → OpenFisca situations.

How our inputs map onto OpenFisca-France 176.1.8 (see docs/simulator.md):

- ages → ``date_naissance`` on the 1st of the estimate month, so that ``age`` is exact that month;
- ``earned_income`` → ``salaire_net``, ``other_income`` → ``chomage_net`` (both counted in full,
  constant over the year so that no income is "neutralised");
- ``student`` → ``etudiant``; hours ≥ 3 214 → ``rsa_jeune_condition_heures_travail_remplie``;
- ``nationality``: ``fr`` → ``FR``; ``eu`` → ``DE`` with ``duree_possession_titre_sejour`` = years of
  residence (99 when unknown); ``non_eu`` → ``MA`` with the years of permit. OpenFisca has no
  refugee status: a refugee gets 99 years (the 5-year condition does not apply to them);
- ``pregnant`` → ``enceinte`` of the applicant; ``isolated_since_months`` < 18 → ``rsa_isolement_recent``;
- housing: tenant → ``locataire_vide``; owner → ``proprietaire`` with no ``loyer``; owner_with_loan →
  ``primo_accedant`` with a ``loyer`` (loan repayment); housed_free → ``loge_gratuitement``;
  homeless → ``sans_domicile``; ``housing_benefit`` → ``aide_logement``;
- ``family_benefits`` → ``af_base`` = ``af`` (OpenFisca counts min(af_base, af)); ``cf``, PAJE, ``asf``
  and ``rsa_forfait_asf`` pinned to 0; ASS, AAH, ASI, CAAH, ASPA given as 0 so they are not computed;
- ``departement_experimentation_rsa`` true (reference quarter M-4..M-2, national since March 2025).

Everything is passed as yearly inputs for 2023–2027, so a single simulation holds every household
and ``rsa`` is then read month by month.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np

OUTPUTS = ("rsa", "rsa_socle", "rsa_socle_majore", "rsa_forfait_logement", "rsa_base_ressources")
YEARS = tuple(str(year) for year in range(2023, 2028))
ISOLATION_WINDOW_MONTHS = 18
JEUNE_ACTIF_HOURS = 3214
LOAN_OR_RENT = 500.0

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


def _adult(person: dict, month: str, pregnant: bool) -> dict:
    hours = person.get("worked_hours_last_3_years") or 0
    return {
        "date_naissance": {"ETERNITY": _birth_date(person["age"], month)},
        "salaire_net": _monthly_as_yearly(person.get("earned_income", 0)),
        "chomage_net": _monthly_as_yearly(person.get("other_income", 0)),
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


def situation(households: list[dict]) -> dict:
    """One OpenFisca situation holding every household (household ``i`` is family ``h{i}``)."""
    individus, familles, foyers, menages = {}, {}, {}, {}
    for index, household in enumerate(households):
        key = f"h{index}"
        month = household["month"]
        applicant, partner = household["applicant"], household.get("partner")
        parents = [f"{key}_a"]
        individus[f"{key}_a"] = _adult(applicant, month, bool(household.get("pregnant")))
        if partner is not None:
            parents.append(f"{key}_p")
            individus[f"{key}_p"] = _adult(partner, month, False)
        children = []
        for number, age in enumerate(household.get("children", [])):
            child = f"{key}_c{number}"
            children.append(child)
            individus[child] = {"date_naissance": {"ETERNITY": _birth_date(age, month)}}
        isolated = household.get("isolated_since_months")
        family_benefits = household.get("family_benefits", 0)
        familles[key] = {
            "parents": parents,
            "enfants": children,
            "aide_logement": _monthly_as_yearly(household["housing"].get("housing_benefit", 0)),
            "af_base": _monthly_as_yearly(family_benefits),
            "af": _monthly_as_yearly(family_benefits),
            "cf": _yearly(0.0),
            "paje_base": _yearly(0.0),
            "paje_prepare": _yearly(0.0),
            "asf": _yearly(0.0),
            "rsa_forfait_asf": _yearly(0.0),
            "aspa": _yearly(0.0),
            "departement_experimentation_rsa": _yearly(True),
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

    if not households:
        return []
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation(households))
    months = np.array([household["month"] for household in households])
    results = [{} for _ in households]
    for month in sorted(set(months)):
        rows = np.flatnonzero(months == month)
        for variable in outputs:
            values = simulation.calculate(variable, month)
            for row in rows:
                results[row][variable] = round(float(values[row]), 2)
    return results
