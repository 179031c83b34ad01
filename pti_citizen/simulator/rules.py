"""The RSA rules: who is eligible and how much, with every euro traced to a step.

Pure arithmetic on a validated :class:`~pti_citizen.simulator.household.EstimateInput`; the texts
are produced later (``explanation.py``) so that the same figures can be told in any language.
Legal references are CASF articles (code de l'action sociale et des familles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .household import EstimateInput, Person
from .parameters import Parameters

# Step effects: how a step's amount enters the total.
BASE = "base"
MINUS = "minus"
RESULT = "result"
INFO = "info"

APPLICANT = "applicant"
PARTNER = "partner"


def cents(amount: float) -> float:
    """Round half up to the cent (the tiny epsilon absorbs binary noise such as 977.5349999…)."""
    return math.floor(amount * 100 + 0.5 + 1e-7) / 100


@dataclass(slots=True)
class Step:
    """One line of the explanation: ``code`` is public, ``variant`` picks the sentence."""

    code: str
    effect: str = INFO
    amount: float | None = None
    variant: str = ""
    params: dict = field(default_factory=dict)


@dataclass(slots=True)
class Estimate:
    month: str
    eligible: bool
    monthly_amount: float
    base_amount: float
    increased_for_single_parent: bool
    housing_flat_rate: float
    resources_counted: float
    parameters: Parameters
    steps: list[Step]
    #: Codes of the ``steps`` that explain the decision: they become the contract's ``reasons``.
    reason_codes: list[str]
    next_steps: list[str]
    adults_counted: int = 0
    children_counted: int = 0


@dataclass(slots=True)
class _Conditions:
    """Which conditions of art. L262-4 one adult fails (empty lists: none)."""

    person: str
    failed: list[Step]
    nationality_ok: bool


def _code(condition: str, role: str) -> str:
    """Public code of a failed condition: ``age`` for the applicant, ``partner_age`` for the partner."""
    return condition if role == APPLICANT else f"{role}_{condition}"


def _single_parent_increase(household: EstimateInput, p: Parameters) -> str | None:
    """Cause of the majoration pour isolement (art. L262-9, R262-1, R262-2), or None.

    A person living without spouse who is pregnant or has a dependent child, while the youngest
    child is under 3, or in the 18 months after becoming isolated.
    """
    if household.partner is not None:
        return None
    children = household.children
    if not household.pregnant and not children:
        return None
    if children and min(children) < p.majoration_isolement_age_enfant:
        return "young_child"
    if household.pregnant:
        return "pregnant"
    months = household.isolated_since_months
    if months is not None and months < p.majoration_isolement_fenetre_mois:
        return "recent_separation"
    return None


def _nationality_step(person: Person, role: str, p: Parameters, increase: str | None) -> Step | None:
    """Art. L262-4 2° (non-EU: 5 years of permit), L262-6 (EU: 3 months of residence)."""
    if person.nationality == "non_eu":
        if person.refugee or increase is not None:  # L262-4 2° a) and b)
            return None
        years = person.residence_permit_years or 0.0
        if years >= p.duree_titre_sejour_hors_ue_annees:
            return None
        return Step(
            _code("residence_permit", role),
            variant=role,
            params={"years": p.duree_titre_sejour_hors_ue_annees},
        )
    if person.nationality == "eu":
        years = person.residence_permit_years
        if years is None or years >= p.duree_residence_ue_annees or person.earned_income > 0:
            return None
        return Step(
            _code("eu_residence", role),
            variant=role,
            params={"months": round(p.duree_residence_ue_annees * 12)},
        )
    return None


def _conditions(
    person: Person, role: str, household: EstimateInput, p: Parameters, increase: str | None
) -> _Conditions:
    failed: list[Step] = []
    # L262-4 1°: 25 or older, or a child born or expected; L262-7-1: under 25 with enough work.
    has_child = bool(household.children) or household.pregnant
    if person.age < p.age_minimum and not has_child:
        young_worker = (
            person.age >= p.rsa_jeune_age_minimum
            and (person.worked_hours_last_3_years or 0) >= p.rsa_jeune_heures
        )
        if not young_worker:
            variant = "minor" if person.age < p.rsa_jeune_age_minimum else "young"
            failed.append(
                Step(
                    _code("age", role),
                    variant=f"{role}_{variant}",
                    params={
                        "age": p.age_minimum,
                        "hours": p.rsa_jeune_heures,
                        "adult_age": p.rsa_jeune_age_minimum,
                    },
                )
            )
    nationality = _nationality_step(person, role, p, increase)
    if nationality is not None:
        failed.append(nationality)
    # L262-4 3°: no pupils, students or unpaid interns, unless entitled to the majoration.
    if person.student and increase is None:
        failed.append(Step(_code("student", role), variant=role))
    return _Conditions(role, failed, nationality is None)


def household_rate(adults: int, children: int, p: Parameters) -> float:
    """Multiplier of the one-person amount (art. R262-1 al. 1).

    +50 % for the 2nd person, +30 % for each further person, but +40 % for each child or
    dependant under 25 from the 3rd one.
    """
    rate = 1.0
    members_after_first = adults - 1 + children
    for position in range(members_after_first):
        is_child = position >= adults - 1
        child_rank = position - (adults - 1) + 1 if is_child else 0
        if position == 0:
            rate += p.majoration_deuxieme_personne
        elif is_child and child_rank >= 3:
            rate += p.majoration_enfant_a_partir_du_troisieme
        else:
            rate += p.majoration_personne_supplementaire
    return rate


def _housing(household: EstimateInput, persons: int, p: Parameters) -> Step:
    """Forfait logement (art. R262-9, R262-10): min(housing benefit, forfait), or the forfait for
    an owner without loan or a person housed free of charge."""
    status = household.housing.status
    benefit = household.housing.housing_benefit
    forfait = p.forfait_logement[min(persons, 3) - 1]
    from_benefit = min(benefit, forfait) if benefit > 0 else 0.0
    in_kind = forfait if status in ("owner", "housed_free") else 0.0
    amount = cents(max(from_benefit, in_kind))
    if amount <= 0:
        variant = "loan" if status == "owner_with_loan" else "none"
        return Step("no_housing_flat_rate", MINUS, 0.0, variant)
    if in_kind >= from_benefit:
        variant = status
    elif benefit < forfait:
        variant = "benefit_below_flat_rate"
    else:
        variant = "benefit"
    return Step("housing_flat_rate", MINUS, amount, variant, {"flat_rate": cents(forfait)})


def estimate(household: EstimateInput, month: str, p: Parameters) -> Estimate:
    """Compute the estimate for ``month`` (``YYYY-MM``) with the parameters ``p`` in force."""
    steps: list[Step] = [Step("estimate_month", params={"month": month})]
    increase = _single_parent_increase(household, p)

    adults = [(APPLICANT, household.applicant)]
    if household.partner is not None:
        adults.append((PARTNER, household.partner))
    checks = [_conditions(person, role, household, p, increase) for role, person in adults]
    claimant_possible = any(not check.failed for check in checks)

    next_steps: list[str] = []
    if any(person.earned_income > 0 for _, person in adults):
        next_steps.append("prime_activite")

    if not claimant_possible:
        # Nobody in the household can be the claimant: say every condition that fails.
        failed = [step for check in checks for step in check.failed]
        steps.extend(failed)
        steps.append(Step("not_eligible"))
        steps.append(Step("estimate_only"))
        return Estimate(
            month=month,
            eligible=False,
            monthly_amount=0.0,
            base_amount=0.0,
            increased_for_single_parent=False,
            housing_flat_rate=0.0,
            resources_counted=0.0,
            parameters=p,
            steps=steps,
            reason_codes=[step.code for step in failed],
            next_steps=["contact_mds", *next_steps],
        )

    # L262-5: the spouse counts in the amount only if they meet the residence conditions;
    # their resources count anyway (service-public.fr F24615).
    adults_counted = sum(1 for check in checks if check.nationality_ok)
    children = len(household.children)
    persons = adults_counted + children
    reason_codes: list[str] = []

    rate = household_rate(adults_counted, children, p)
    base_amount = cents(p.montant_forfaitaire * rate)
    couple_counted = adults_counted == 2
    if household.partner is not None and not couple_counted:
        composition = "persons"
    else:
        composition = "couple" if couple_counted else "single"
    steps.append(
        Step(
            "base_amount",
            BASE,
            base_amount,
            composition,
            {"children": children, "persons": persons},
        )
    )
    steps.append(Step("amounts_in_force", params={"since": p.montant_source.since}))
    for check in checks:
        if not check.nationality_ok:
            failed = next(
                step for step in check.failed if step.code.endswith(("residence_permit", "eu_residence"))
            )
            kind = failed.code.removeprefix("partner_")
            steps.append(Step("adult_not_counted", variant=f"{check.person}_{kind}", params=failed.params))
            reason_codes.append("adult_not_counted")

    if increase is not None:
        increased = cents(
            p.montant_forfaitaire
            * (p.majoration_isolement_base + p.majoration_isolement_par_enfant * children)
        )
        if increased > base_amount:
            base_amount = increased
            steps.append(
                Step(
                    "single_parent_increase",
                    BASE,
                    base_amount,
                    increase,
                    {"window": p.majoration_isolement_fenetre_mois, "age": p.majoration_isolement_age_enfant},
                )
            )
            steps.append(
                Step(
                    "single_parent_increase_duration",
                    variant=increase,
                    params={
                        "months": p.majoration_isolement_duree_mois,
                        "delay": p.majoration_isolement_delai_demande_mois,
                        "age": p.majoration_isolement_age_enfant,
                    },
                )
            )
            reason_codes.append("single_parent_increase")
        else:  # cannot happen with the current rates; keep the higher amount as OpenFisca does
            increase = None

    housing = _housing(household, persons, p)
    steps.append(housing)
    if housing.code == "housing_flat_rate":
        steps.append(Step("housing_flat_rate_explained"))
        reason_codes.append("housing_flat_rate")
    flat_rate = housing.amount or 0.0

    earned = cents(sum(person.earned_income for _, person in adults))
    other = cents(sum(person.other_income for _, person in adults))
    family = cents(household.family_benefits)
    resources = cents(earned + other + family)
    for code, amount in (("earned_income", earned), ("other_income", other), ("family_benefits", family)):
        if amount > 0:
            steps.append(Step(code, MINUS, amount))
            reason_codes.append(code)
    if resources > 0:
        steps.append(Step("resources_average"))
    else:
        steps.append(Step("no_resources", MINUS, 0.0))

    computed = cents(base_amount - flat_rate - resources)
    minimum = p.montant_minimum_verse
    if computed <= 0:
        eligible, amount = False, 0.0
        steps.append(Step("resources_too_high", RESULT, 0.0))
        reason_codes = ["resources_too_high"]
    elif computed < minimum:
        eligible, amount = False, 0.0
        steps.append(Step("below_minimum", RESULT, computed, params={"minimum": minimum}))
        reason_codes = ["below_minimum"]
    else:
        eligible, amount = True, computed
        steps.append(Step("result", RESULT, amount))
        next_steps = ["apply_caf", "apply_msa", "c2s", *next_steps]
    if not eligible:
        next_steps = ["contact_mds", *next_steps]
    steps.append(Step("estimate_only"))

    return Estimate(
        month=month,
        eligible=eligible,
        monthly_amount=amount,
        base_amount=base_amount,
        increased_for_single_parent=increase is not None,
        housing_flat_rate=flat_rate,
        resources_counted=resources,
        parameters=p,
        steps=steps,
        reason_codes=reason_codes,
        next_steps=next_steps,
        adults_counted=adults_counted,
        children_counted=children,
    )
