"""PAJE allocation de base (art. L531-3, D531-1, D531-3, R531-1 CSS) for one month.

For a child under 3, at the full rate under a first income ceiling (year N-2), at half the rate
under a second one. The ceilings rise with the children under 20 and for a person alone or a
couple where both work. The RSA and the prime d'activité count it in full.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...period import Month
from ...results import BASE, RESULT, BenefitResult, Reason, Step, not_due
from ...rounding import cents

NAME = "paje_base"


@dataclass(frozen=True, slots=True)
class PajeParameters:
    age_limite_enfant: int
    taux_plein: float
    part_taux_partiel: float
    plafond_taux_plein_base: float
    hausse_taux_plein_biactifs_isoles: float
    plafond_taux_partiel_base: float
    hausse_taux_partiel_biactifs_isoles: float
    hausse_plafond_deux_premiers_enfants: float
    hausse_plafond_par_enfant_suivant: float


def ceilings(p: PajeParameters, children: int, single_or_biactive: bool) -> tuple[float, float]:
    """Yearly ceilings of the full and of the partial rate (art. R531-1 CSS)."""
    rate = (
        1
        + p.hausse_plafond_deux_premiers_enfants * min(children, 2)
        + p.hausse_plafond_par_enfant_suivant * max(children - 2, 0)
    )
    return (
        p.plafond_taux_plein_base * rate + p.hausse_taux_plein_biactifs_isoles * single_or_biactive,
        p.plafond_taux_partiel_base * rate + p.hausse_taux_partiel_biactifs_isoles * single_or_biactive,
    )


def _figures(situation, p: PajeParameters) -> tuple[float, str, dict, Reason | None]:
    """(exact amount, variant, sentence values, reason when not due) for one month."""
    # Like the reference, a child not born yet in a month before the estimate counts (age -1).
    if not any(age < p.age_limite_enfant for age in situation.children):
        return 0.0, "", {}, Reason("no_young_child", params={"age": p.age_limite_enfant})
    limit = situation.common.age_limite_enfant_a_charge
    dependants = sum(1 for age in situation.children if 0 <= age < limit)
    full_ceiling, partial_ceiling = ceilings(p, dependants, situation.single or situation.biactive)
    resources = situation.resources_n2
    full = situation.common.bmaf * p.taux_plein
    params = {"year": situation.income_year, "income": round(resources), "age": p.age_limite_enfant}
    if resources <= full_ceiling:
        return full, "full", {**params, "ceiling": round(full_ceiling)}, None
    if resources <= partial_ceiling:
        values = {**params, "ceiling": round(partial_ceiling), "full_ceiling": round(full_ceiling)}
        return full * p.part_taux_partiel, "partial", values, None
    reason = Reason(
        "resources",
        amount=cents(resources - partial_ceiling),
        params={**params, "ceiling": round(partial_ceiling)},
    )
    return 0.0, "", {}, reason


def counted(ctx, month: Month) -> float:
    """The RSA and the prime count it in full."""
    return _figures(ctx.situation(month), ctx.parameters(NAME, month))[0]


def compute(ctx, month: Month) -> BenefitResult:
    situation = ctx.situation(month)
    p: PajeParameters = ctx.parameters(NAME, month)
    exact, variant, params, reason = _figures(situation, p)
    if reason is not None:
        if reason.code == "no_young_child":
            return not_due(NAME, month, reason.code, params=tuple(reason.params.items()))
        return BenefitResult(NAME, month, False, 0.0, [Step("not_due", RESULT, 0.0)], [reason])
    amount = cents(exact)
    steps = [Step("amount", BASE, amount, variant, params), Step("result", RESULT, amount)]
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=True,
        monthly_amount=amount,
        steps=steps,
        reasons=[],
        exact_amount=exact,
        counted_as_resource=exact,
        next_steps=["apply_caf_family"],
    )
