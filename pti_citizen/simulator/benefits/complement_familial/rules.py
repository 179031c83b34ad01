"""Complément familial (art. L522-1 to L522-3, D522-1, D522-2, R522-1, R522-2 CSS) for one month.

For a household with at least 3 children aged 3 to 20, under an income ceiling (year N-2) that
rises with the children and for a person alone or a couple where both work; a higher amount under
half the ceiling; a reduced amount just above it (complément différentiel). Not paid together
with the PAJE allocation de base (art. L532-1 CSS). The RSA and the prime d'activité count it
without its increase (art. R262-11 CASF; R844-4 CSS): this is ``counted_as_resource``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...period import Month
from ...results import BASE, INFO, RESULT, BenefitResult, Reason, Step
from ...rounding import cents

NAME = "complement_familial"


@dataclass(frozen=True, slots=True)
class CfParameters:
    nombre_enfants_minimum: int
    age_minimum_enfant: int
    age_limite_enfant: int
    taux: float
    taux_majore: float
    part_plafond_majore: float
    plafond_base: float
    hausse_plafond_deux_premiers_enfants: float
    hausse_plafond_par_enfant_suivant: float
    hausse_plafond_biactifs_isoles: float


def ceiling(p: CfParameters, children: int, single_or_biactive: bool) -> float:
    """The yearly income ceiling (art. R522-2 CSS) for ``children`` under 21 (from birth)."""
    rate = (
        1
        + p.hausse_plafond_deux_premiers_enfants * min(children, 2)
        + p.hausse_plafond_par_enfant_suivant * max(children - 2, 0)
    )
    return p.plafond_base * rate + p.hausse_plafond_biactifs_isoles * single_or_biactive


def _not_due(month: Month, reason: Reason) -> BenefitResult:
    return BenefitResult(NAME, month, False, 0.0, [Step("not_due", RESULT, 0.0)], [reason])


def compute(ctx, month: Month) -> BenefitResult:
    situation = ctx.situation(month)
    p: CfParameters = ctx.parameters(NAME, month)
    bmaf = situation.common.bmaf
    ages = situation.children
    counted = [age for age in ages if 0 <= age < p.age_limite_enfant]
    opening = [age for age in counted if age >= p.age_minimum_enfant]
    if len(opening) < p.nombre_enfants_minimum:
        return _not_due(
            month,
            Reason(
                "children",
                params={
                    "n": len(opening),
                    "needed": p.nombre_enfants_minimum,
                    "age": p.age_minimum_enfant,
                    "limit": p.age_limite_enfant - 1,
                },
            ),
        )
    limit = ceiling(p, len(counted), situation.single or situation.biactive)
    resources = situation.resources_n2
    full = bmaf * p.taux
    if resources <= limit:
        base, variant = full, ""
    elif resources <= limit + 12 * full:
        base, variant = (limit + 12 * full - resources) / 12, "differential"
    else:
        return _not_due(
            month,
            Reason(
                "resources",
                amount=cents(resources - limit),
                params={"year": situation.income_year, "income": round(resources), "ceiling": round(limit)},
            ),
        )
    increased = bmaf * p.taux_majore if resources <= limit * p.part_plafond_majore else 0.0
    amount_exact = max(base, increased)
    if ctx.result("paje_base", month).exact_amount > 0:  # art. L532-1: not with the PAJE
        return _not_due(month, Reason("paje", params={}))
    amount = cents(amount_exact)
    params = {
        "year": situation.income_year,
        "income": round(resources),
        "ceiling": round(limit * (p.part_plafond_majore if increased >= base else 1)),
        "n": len(opening),
    }
    if increased >= base:
        # The RSA and the prime count only the amount without the increase.
        steps = [Step("increased", BASE, amount, params=params), Step("counted_info", INFO, cents(base))]
    else:
        steps = [Step("amount", BASE, amount, variant, params=params)]
    steps.append(Step("result", RESULT, amount))
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=True,
        monthly_amount=amount,
        steps=steps,
        reasons=[],
        exact_amount=amount,
        counted_as_resource=base,
        next_steps=["apply_caf_family"],
    )
