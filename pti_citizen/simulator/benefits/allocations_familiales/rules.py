"""Allocations familiales (art. L521-1 to L521-3, D521-1 to D521-3 CSS) for one month.

From the 2nd child under 20: 32 % of the BMAF, then 41 % for each further child; a hause for the
age (16 % of the BMAF) from 14 — from 18 for children born from March 2012, since 1 March 2026 —,
except for the eldest of a family of two; an allocation forfaitaire for a child of 20 in a family
of 3; all of it divided by 2 or 4 above two income ceilings (year N-2), with a complément
dégressif just above them. The RSA and the prime d'activité count the base amount only (art.
R262-11 CASF; R844-5 CSS): this is ``counted_as_resource``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...period import Month
from ...results import BASE, INFO, MINUS, PLUS, RESULT, BenefitResult, Step, not_due
from ...rounding import apportion, cents

NAME = "allocations_familiales"
PIVOT_BIRTH = Month(2012, 3)


@dataclass(frozen=True, slots=True)
class AfParameters:
    nombre_enfants_minimum: int
    taux_deuxieme_enfant: float
    taux_par_enfant_a_partir_du_troisieme: float
    taux_majoration_age: float
    age_majoration: int
    age_majoration_nes_avant_mars_2012: int
    nombre_enfants_majoration_aine: int
    age_allocation_forfaitaire: int
    taux_allocation_forfaitaire: float
    nombre_enfants_allocation_forfaitaire: int
    plafond_tranche_1_base: float
    plafond_tranche_2_base: float
    majoration_plafond_par_enfant: float
    taux_modulation_tranche_2: float
    taux_modulation_tranche_3: float


def ceilings(p: AfParameters, children: int) -> tuple[float, float]:
    """The two income ceilings for ``children`` (art. D521-3 CSS)."""
    extra = max(children, 0) * p.majoration_plafond_par_enfant
    return p.plafond_tranche_1_base + extra, p.plafond_tranche_2_base + extra


def modulation(p: AfParameters, resources: float, children: int) -> float:
    """Share paid: 1 under the first ceiling, 1/2 between them, 1/4 above (art. D521-1 CSS)."""
    first, second = ceilings(p, children)
    if resources <= first:
        return 1.0
    if resources <= second:
        return p.taux_modulation_tranche_2
    return p.taux_modulation_tranche_3


def monthly_excess(p: AfParameters, resources: float, children: int) -> float:
    """How much the yearly resources pass the ceiling reached, per month (complément dégressif)."""
    first, second = ceilings(p, children)
    if resources > second:
        return (resources - second) / 12
    return max(0.0, resources - first) / 12


def _dependants(situation) -> list[int]:
    """Indexes of the children « à charge » for the family benefits (under 20, born)."""
    limit = situation.common.age_limite_enfant_a_charge
    return [index for index, age in enumerate(situation.children) if 0 <= age < limit]


def base_amount(p: AfParameters, bmaf: float, n: int) -> float:
    """32 % of the BMAF for the 2nd child, 41 % for each further one, rounded to the cent (D521-1)."""
    if n < p.nombre_enfants_minimum:
        return 0.0
    share = p.taux_deuxieme_enfant * min(n - 1, 1) + p.taux_par_enfant_a_partir_du_troisieme * max(n - 2, 0)
    return cents(bmaf * share)


def counted(ctx, month: Month) -> float:
    """What the RSA and the prime count: the base amount after the modulation (R262-11 CASF)."""
    situation = ctx.situation(month)
    p: AfParameters = ctx.parameters(NAME, month)
    n = len(_dependants(situation))
    return base_amount(p, situation.common.bmaf, n) * modulation(p, situation.resources_n2, n)


def compute(ctx, month: Month) -> BenefitResult:
    situation = ctx.situation(month)
    p: AfParameters = ctx.parameters(NAME, month)
    bmaf = situation.common.bmaf
    limit = situation.common.age_limite_enfant_a_charge
    dependants = _dependants(situation)
    n = len(dependants)
    at_20 = sum(1 for age in situation.children if age == p.age_allocation_forfaitaire)
    resources = situation.resources_n2
    steps: list[Step] = []

    base = base_amount(p, bmaf, n)
    supplements = 0
    rate = modulation(p, resources, n)
    if base:
        ages = [situation.children[index] for index in dependants]
        eldest = max(ages)
        births = situation.births
        for index in dependants:
            age = situation.children[index]
            threshold = (
                p.age_majoration_nes_avant_mars_2012 if births[index] < PIVOT_BIRTH else p.age_majoration
            )
            # The eldest of a family of fewer than 3 gets no increase (twins both count as eldest).
            if age >= threshold and (n >= p.nombre_enfants_majoration_aine or age != eldest):
                supplements += 1
    supplement = supplements * bmaf * p.taux_majoration_age
    forfait = 0.0
    forfait_rate = 1.0
    if at_20 and n + at_20 >= p.nombre_enfants_allocation_forfaitaire:
        forfait_rate = modulation(p, resources, n + at_20)
        forfait = at_20 * cents(bmaf * p.taux_allocation_forfaitaire)

    if base == 0 and forfait == 0:
        return not_due(
            NAME, month, "children", params=(("n", n), ("needed", p.nombre_enfants_minimum), ("age", limit))
        )

    modulated = (base + supplement) * rate
    forfait_paid = forfait * forfait_rate
    excess = monthly_excess(p, resources, n)
    complement = max(0.0, modulated - excess) if excess > 0 else 0.0
    forfait_complement = max(0.0, forfait_paid - excess) if excess > 0 else 0.0
    reduction = (base + supplement) * (1 - rate) + forfait * (1 - forfait_rate)
    exact = modulated + forfait_paid + complement + forfait_complement
    amount = cents(exact)
    parts = apportion([base, supplement, forfait, -reduction, complement + forfait_complement])
    base_r, supplement_r, forfait_r, reduction_r, complement_r = parts

    if base:
        steps.append(Step("base", BASE, base_r, params={"n": n}))
    else:
        steps.append(Step("base_none", BASE, 0.0, params={"n": n}))
    if supplements:
        steps.append(Step("age_supplement", PLUS, supplement_r, params={"n": supplements}))
    if base and any(situation.children[i] >= p.age_majoration_nes_avant_mars_2012 for i in dependants):
        variant = "since_2026" if p.age_majoration != p.age_majoration_nes_avant_mars_2012 else ""
        rule = {"age": p.age_majoration_nes_avant_mars_2012, "new_age": p.age_majoration}
        steps.append(Step("age_supplement_rule", INFO, None, variant, rule))
    if forfait:
        steps.append(
            Step("forfait_20", PLUS, forfait_r, params={"n": at_20, "age": p.age_allocation_forfaitaire})
        )
    if reduction_r:
        first, second = ceilings(p, n)
        variant = "half" if rate == p.taux_modulation_tranche_2 else "quarter"
        steps.append(
            Step(
                "modulation",
                MINUS,
                -reduction_r,
                variant,
                {
                    "year": situation.income_year,
                    "income": round(resources),
                    "ceiling": first if variant == "half" else second,
                },
            )
        )
    if complement_r:
        steps.append(Step("complement_degressif", PLUS, complement_r))
    steps.append(Step("result", RESULT, amount))
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=amount > 0,
        monthly_amount=amount,
        steps=steps,
        reasons=[],
        exact_amount=exact,
        counted_as_resource=base * rate,
        next_steps=["apply_caf_family"],
    )
