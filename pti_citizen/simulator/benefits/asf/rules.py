"""Allocation de soutien familial (art. L523-1 to L523-3, R523-7, D523-3 CSS) for one month.

For a parent living alone, for each child under 20 whose other parent pays no child support or
less than the ASF: 42,2 % of the BMAF a child, less the child support received (ASF
« différentielle »), not paid under 15 €. The RSA and the prime d'activité count it at a flat
22,5 % of the BMAF a child, whatever is paid (art. R262-10-1 CASF; R844-4 CSS).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...period import Month
from ...results import BASE, MINUS, RESULT, BenefitResult, Reason, Step, not_due
from ...rounding import apportion, cents

NAME = "asf"


@dataclass(frozen=True, slots=True)
class AsfParameters:
    taux_par_enfant: float
    taux_compte_par_rsa_et_prime: float
    minimum_verse: float


def _not_due(month: Month, reason: Reason) -> BenefitResult:
    return BenefitResult(NAME, month, False, 0.0, [Step("not_due", RESULT, 0.0)], [reason])


def _due(situation, p: AsfParameters) -> tuple[int, float, float, float]:
    """(children counted, ASF a child, full ASF, ASF due after the child support received)."""
    limit = situation.common.age_limite_enfant_a_charge
    children = sum(1 for age in situation.children if 0 <= age < limit)
    per_child = situation.common.bmaf * p.taux_par_enfant
    full = children * per_child
    return children, per_child, full, max(full - situation.household.child_support_received, 0.0)


def _counted(situation, p: AsfParameters, children: int, exact: float) -> float:
    """What the RSA and the prime count: 22,5 % of the BMAF a child, at most what is paid."""
    return min(exact, children * situation.common.bmaf * p.taux_compte_par_rsa_et_prime)


def counted(ctx, month: Month) -> float:
    """What the RSA and the prime count of the ASF paid (0 when none is paid)."""
    situation = ctx.situation(month)
    p: AsfParameters = ctx.parameters(NAME, month)
    if situation.couple:
        return 0.0
    children, _, _, exact = _due(situation, p)
    if not children or exact <= p.minimum_verse:
        return 0.0
    return _counted(situation, p, children, exact)


def compute(ctx, month: Month) -> BenefitResult:
    situation = ctx.situation(month)
    p: AsfParameters = ctx.parameters(NAME, month)
    if situation.couple:
        return not_due(NAME, month, "couple")
    children, per_child, full, exact = _due(situation, p)
    if not children:
        return not_due(
            NAME, month, "children", params=(("age", situation.common.age_limite_enfant_a_charge),)
        )
    support = situation.household.child_support_received
    if exact <= p.minimum_verse:
        variant = "covered" if exact <= 0 else "below_minimum"
        return _not_due(
            month,
            Reason(
                "child_support",
                variant,
                amount=cents(support - full) if exact <= 0 else cents(exact),
                params={"support": support, "full": cents(full), "minimum": p.minimum_verse},
            ),
        )
    amount = cents(exact)
    full_r, support_r = apportion([full, -support])
    steps = [Step("amount", BASE, full_r, params={"n": children, "per_child": cents(per_child)})]
    if support > 0:
        steps.append(Step("child_support", MINUS, -support_r))
    steps.append(Step("result", RESULT, amount))
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=True,
        monthly_amount=amount,
        steps=steps,
        reasons=[],
        exact_amount=exact,
        counted_as_resource=_counted(situation, p, children, exact),
        next_steps=["apply_caf_family", "aripa"],
    )
