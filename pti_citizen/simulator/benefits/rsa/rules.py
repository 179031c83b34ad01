"""The RSA rules: who is eligible and how much, with every euro traced to a step.

Legal references are articles of the code de l'action sociale et des familles (CASF). The figures
are computed for the month of the estimate; resources are monthly averages (the same every month).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...common import reference_months
from ...household import Person
from ...period import Month
from ...results import BASE, INFO, MINUS, RESULT, BenefitResult, Reason, Step
from ...rounding import cents
from ...situation import APPLICANT, Situation
from .parameters import RsaParameters

NAME = "rsa"


@dataclass(slots=True)
class _Conditions:
    """Which conditions of art. L262-4 one adult fails (empty list: none)."""

    person: str
    failed: list[Step]
    nationality_ok: bool


def _code(condition: str, role: str) -> str:
    """Public code of a failed condition: ``age`` for the applicant, ``partner_age`` for the partner."""
    return condition if role == APPLICANT else f"{role}_{condition}"


def single_parent_increase(situation: Situation, p: RsaParameters) -> str | None:
    """Cause of the majoration pour isolement (art. L262-9, R262-1, R262-2), or None.

    A person living without spouse who is pregnant or has a dependent child, while the youngest
    child is under 3, or in the 18 months after becoming isolated. The prime d'activité applies the
    same rule (art. L842-7 CSS) to each of its reference months, where a child may not be born yet.
    """
    household = situation.household
    if situation.couple:
        return None
    dependants = [age for age in situation.children if age < p.age_limite_personne_a_charge]
    pregnant = situation.expecting
    if not pregnant and not dependants:
        return None
    if any(0 <= age < p.majoration_isolement_age_enfant for age in dependants):
        return "young_child"
    if pregnant:
        return "pregnant"
    months = household.isolated_since_months
    if months is not None and months < p.majoration_isolement_fenetre_mois:
        return "recent_separation"
    return None


def _nationality_step(person: Person, role: str, p: RsaParameters, increase: str | None) -> Step | None:
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
    person: Person, role: str, situation: Situation, p: RsaParameters, increase: str | None
) -> _Conditions:
    household = situation.household
    failed: list[Step] = []
    # L262-4 1°: 25 or older, or a child born or expected; L262-7-1: under 25 with enough work.
    has_child = bool(situation.children) or household.pregnant
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


def household_rate(adults: int, children: int, p: RsaParameters) -> float:
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


def housing_flat_rate(situation: Situation, persons: int, forfaits: tuple[float, float, float]) -> Step:
    """Forfait logement (art. R262-9, R262-10 CASF; the prime d'activité: art. R844-3 CSS):
    min(housing benefit, forfait), or the forfait for an owner without loan or a person housed free
    of charge. ``forfaits``: the flat rates for 1, 2 and 3+ persons."""
    housing = situation.household.housing
    status, benefit = housing.status, housing.housing_benefit
    forfait = forfaits[min(max(persons, 1), 3) - 1]
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


def _resources(ctx, situation: Situation, adults: list[tuple[str, Person]]) -> tuple[list[Step], float]:
    """The resources the RSA counts, one step per kind (art. L262-3, R262-6 to R262-11, R262-13)."""
    steps: list[Step] = []
    earned = stopped = other = 0.0
    for _, person in adults:
        if person.earned_income_stopped:
            stopped += person.earned_income
        else:
            earned += person.earned_income
        other += person.other_income
    earned, stopped, other = cents(earned), cents(stopped), cents(other)
    support = cents(situation.household.child_support_received)
    amounts = [earned, other, support]
    for code, amount in (("earned_income", earned), ("other_income", other), ("child_support", support)):
        if amount > 0:
            steps.append(Step(code, MINUS, amount))
    if stopped > 0:
        # R262-13 al. 1: earned income stopped for good, with no replacement income, is left out.
        steps.append(Step("earned_income_neutralised", INFO, stopped))
    for name, counted in ctx.counted_family_benefits(situation.month):
        amount = cents(counted)
        amounts.append(amount)
        if amount > 0:
            code = "family_benefits" if name == "family_benefits" else "family_benefit"
            steps.append(Step(code, MINUS, amount, "" if code == "family_benefits" else name))
    return steps, cents(sum(amounts))


def compute(ctx, month: Month) -> BenefitResult:
    """The RSA for ``month`` (the estimate month)."""
    situation = ctx.situation(month)
    household = situation.household
    p: RsaParameters = ctx.parameters(NAME, month)
    steps: list[Step] = [Step("estimate_month", params={"month": month})]
    increase = single_parent_increase(situation, p)

    adults = list(situation.adults)
    checks = [_conditions(person, role, situation, p, increase) for role, person in adults]
    claimant_possible = any(not check.failed for check in checks)

    next_steps: list[str] = []
    if any(person.earned_income > 0 and not person.earned_income_stopped for _, person in adults):
        next_steps.append("prime_activite")

    if not claimant_possible:
        # Nobody in the household can be the claimant: say every condition that fails.
        failed = [step for check in checks for step in check.failed]
        steps.extend(failed)
        steps.append(Step("not_eligible", RESULT, 0.0))
        steps.append(Step("estimate_only"))
        return _result(
            month, False, 0.0, steps, [step.code for step in failed], ["contact_mds", *next_steps], p, {}
        )

    # L262-5: the spouse counts in the amount only if they meet the residence conditions;
    # their resources count anyway (service-public.fr F24615).
    adults_counted = sum(1 for check in checks if check.nationality_ok)
    children = sum(1 for age in situation.children if age < p.age_limite_personne_a_charge)
    persons = adults_counted + children
    reason_codes: list[str] = []

    rate = household_rate(adults_counted, children, p)
    base_amount = cents(p.montant_forfaitaire * rate)
    couple_counted = adults_counted == 2
    if household.partner is not None and not couple_counted:
        composition = "persons"
    else:
        composition = "couple" if couple_counted else "single"
    count = persons if composition == "persons" else children
    if composition != "persons" and children == 0:
        composition = f"{composition}_no_child"
    steps.append(
        Step(
            "base_amount",
            BASE,
            base_amount,
            composition,
            {"children": children, "persons": persons, "n": count},
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

    housing = housing_flat_rate(situation, persons, p.forfait_logement)
    steps.append(housing)
    if housing.code == "housing_flat_rate":
        steps.append(Step("housing_flat_rate_explained"))
        reason_codes.append("housing_flat_rate")
    flat_rate = housing.amount or 0.0

    resource_steps, resources = _resources(ctx, situation, adults)
    steps.extend(resource_steps)
    reason_codes.extend(
        step.code for step in resource_steps if step.effect == MINUS and step.code not in reason_codes
    )
    if resources > 0:
        first, middle, last = reference_months(month)
        steps.append(Step("resources_average", params={"m4": first, "m3": middle, "m2": last}))
    else:
        steps.append(Step("no_resources", MINUS, 0.0))

    computed = cents(base_amount - flat_rate - resources)
    minimum = p.montant_minimum_verse
    if computed <= 0:
        eligible, amount = False, 0.0
        excess = cents(-computed)
        steps.append(
            Step("resources_too_high", RESULT, 0.0, "" if excess > 0 else "equal", {"excess": excess})
        )
        reason_codes = ["resources_too_high"]
    elif computed < minimum:
        eligible, amount = False, 0.0
        steps.append(Step("below_minimum", RESULT, 0.0, params={"computed": computed, "minimum": minimum}))
        reason_codes = ["below_minimum"]
    else:
        eligible, amount = True, computed
        steps.append(Step("result", RESULT, amount))
        next_steps = ["apply_caf", "apply_msa", "c2s", *next_steps]
    if not eligible:
        next_steps = ["contact_mds", *next_steps]
    steps.append(Step("estimate_only"))

    breakdown = {
        "base_amount": base_amount,
        "increased_for_single_parent": increase is not None,
        "housing_flat_rate": flat_rate,
        "resources_counted": resources,
        "adults_counted": adults_counted,
        "children_counted": children,
    }
    return _result(month, eligible, amount, steps, reason_codes, next_steps, p, breakdown)


def _result(
    month: Month,
    eligible: bool,
    amount: float,
    steps: list[Step],
    reason_codes: list[str],
    next_steps: list[str],
    p: RsaParameters,
    breakdown: dict,
) -> BenefitResult:
    reasons = []
    for step in steps:
        if step.code in reason_codes:
            money = step.params.get("excess") if step.code == "resources_too_high" else None
            if step.code == "below_minimum":
                money = step.params["computed"]
            reasons.append(Reason(step.code, step.variant, money, step.params, step))
    details = {
        "base_amount": 0.0,
        "increased_for_single_parent": False,
        "housing_flat_rate": 0.0,
        "resources_counted": 0.0,
        "adults_counted": 0,
        "children_counted": 0,
        **breakdown,
        "reason_codes": reason_codes,
        "parameters": p,
    }
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=eligible,
        monthly_amount=amount,
        steps=steps,
        reasons=reasons,
        exact_amount=amount,
        next_steps=next_steps,
        details=details,
    )
