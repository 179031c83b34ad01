"""Complément familial (art. L522-1 to L522-3, D522-1, D522-2, R522-1, R522-2 CSS) for one month.

For a household with at least 3 children aged 3 to 20, under an income ceiling (year N-2) that
rises with the children and for a person alone or a couple where both work; a higher amount under
half the ceiling; a reduced amount just above it (complément différentiel). Not paid together
with the PAJE allocation de base (art. L532-1 CSS). The RSA and the prime d'activité count it
without its increase (art. R262-11 CASF; R844-4 CSS): this is ``counted_as_resource``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ...period import Month
from ...results import BASE, INFO, RESULT, BenefitResult, Reason, Step, not_due
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


class _Figures(NamedTuple):
    """The complément familial of one month before the cumulation rule; ``reason`` when not due."""

    base: float = 0.0
    increased: float = 0.0
    limit: float = 0.0
    variant: str = ""
    opening: int = 0
    reason: Reason | None = None


def _figures(situation, p: CfParameters) -> _Figures:
    bmaf = situation.common.bmaf
    ages = situation.children
    counted_children = [age for age in ages if 0 <= age < p.age_limite_enfant]
    opening = sum(1 for age in counted_children if age >= p.age_minimum_enfant)
    if opening < p.nombre_enfants_minimum:
        params = {"n": opening, "needed": p.nombre_enfants_minimum, "age": p.age_minimum_enfant}
        return _Figures(reason=Reason("children", params={**params, "limit": p.age_limite_enfant - 1}))
    limit = ceiling(p, len(counted_children), situation.single or situation.biactive)
    resources = situation.resources_n2
    full = bmaf * p.taux
    if resources <= limit:
        base, variant = full, ""
    elif resources <= limit + 12 * full:
        base, variant = (limit + 12 * full - resources) / 12, "differential"
    else:
        params = {"year": situation.income_year, "income": round(resources), "ceiling": round(limit)}
        return _Figures(reason=Reason("resources", amount=cents(resources - limit), params=params))
    increased = bmaf * p.taux_majore if resources <= limit * p.part_plafond_majore else 0.0
    return _Figures(base, increased, limit, variant, opening)


def counted(ctx, month: Month) -> float:
    """What the RSA and the prime count: the amount without its increase, when it is paid."""
    figures = _figures(ctx.situation(month), ctx.parameters(NAME, month))
    if figures.reason is not None or ctx.counted_of("paje_base", month) > 0:
        return 0.0
    return figures.base


def compute(ctx, month: Month) -> BenefitResult:
    situation = ctx.situation(month)
    p: CfParameters = ctx.parameters(NAME, month)
    figures = _figures(situation, p)
    reason = figures.reason
    if reason is not None:
        if reason.code == "children":  # nothing of the household but its children's count
            return not_due(NAME, month, "children", params=tuple(reason.params.items()))
        return _not_due(month, reason)
    base, increased, limit, variant = figures.base, figures.increased, figures.limit, figures.variant
    resources = situation.resources_n2
    amount_exact = max(base, increased)
    if ctx.result("paje_base", month).exact_amount > 0:  # art. L532-1: not with the PAJE
        return not_due(NAME, month, "paje")
    amount = cents(amount_exact)
    params = {
        "year": situation.income_year,
        "income": round(resources),
        "ceiling": round(limit * (p.part_plafond_majore if increased >= base else 1)),
        "n": figures.opening,
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
