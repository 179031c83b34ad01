"""Prime d'activité (art. L841-1 to L846-1, R843-1, D843-1 to D843-3, R844-3 CSS) for one month.

The prime of month M is the average of the primes computed for M-4, M-3 and M-2 (art. R843-1 I;
M-3 to M-1 before March 2025),
each with the household, the amounts and the SMIC of that month (R843-1 II and III). One month's
prime is (art. L842-3): the montant forfaitaire of the household (D843-1; increased for a parent
or a pregnant woman alone, L842-7) + 59,85 % of the household's earned income (61 % before April
2025, D843-3) + a bonification for each worker earning more than 59 SMIC hours (D843-2) − the
household's resources and the forfait logement (R844-3), the resources counting only for what
exceeds the montant forfaitaire. Nothing is paid under 15 € (D843-1).

Conditions (L842-2), checked for the month of the estimate: someone aged 18 or more, French, EU,
refugee or with 5 years of permit (or entitled to the increase); a worker, or a student or
apprentice earning more than 55 % of the SMIC on 169 hours (L512-3 2°, R512-2), unless entitled to
the increase. Earned income that has stopped for good counts for nothing: the prime follows work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ...common import reference_months
from ...parameters import DERIVED, Source
from ...period import Month
from ...results import BASE, INFO, MINUS, PLUS, RESULT, BenefitResult, Reason, Step, not_due
from ...rounding import apportion, cents
from ...situation import Situation
from ..rsa.rules import household_rate, housing_flat_rate, single_parent_increase

NAME = "prime_activite"


@dataclass(frozen=True, slots=True)
class PpaParameters:
    montant_forfaitaire: float
    majoration_deuxieme_personne: float
    majoration_personne_supplementaire: float
    majoration_enfant_a_partir_du_troisieme: float
    majoration_isolement_base: float
    majoration_isolement_par_enfant: float
    part_revenus_activite: float
    bonification_seuil: float
    bonification_seuil_maximum: float
    bonification_taux_maximum: float
    forfait_logement_1_personne: float
    forfait_logement_2_personnes: float
    forfait_logement_3_personnes_ou_plus: float
    montant_minimum_verse: float
    age_minimum: int
    duree_titre_sejour_hors_ue_annees: float
    #: Forfait logement in euros for 1, 2 and 3+ persons (they only depend on the month).
    forfait_logement: tuple[float, float, float] = field(metadata=DERIVED)
    #: The largest bonus a worker can get, in euros (D843-2).
    bonification_maximale: float = field(metadata=DERIVED)


def derive(values: dict[str, Any], sources: Mapping[str, Source]) -> dict[str, Any]:
    """Amounts that depend on the month only, computed once per set of values, not per household."""
    base = values["montant_forfaitaire"]
    two = 1 + values["majoration_deuxieme_personne"]
    three = two + values["majoration_personne_supplementaire"]
    return {
        "forfait_logement": (
            base * values["forfait_logement_1_personne"],
            base * two * values["forfait_logement_2_personnes"],
            base * three * values["forfait_logement_3_personnes_ou_plus"],
        ),
        "bonification_maximale": round(values["bonification_taux_maximum"] * base, 2),
    }


class MonthFigures(NamedTuple):
    """One reference month's prime and what it is made of (exact euros); an immutable record."""

    month: Month
    lump_sum: float
    increased: str | None
    persons: int
    earnings: float
    share: float
    bonus: float
    #: Earnings from which the bonus starts (59 hours of SMIC, D843-2).
    bonus_threshold: float
    resources: float
    family: float
    housing: Step
    amount: float

    def key(self) -> tuple:
        """What the explanation shows of a month: two months with the same key read the same."""
        return (
            round(self.lump_sum, 6),
            round(self.share, 6),
            round(self.bonus, 6),
            round(self.resources, 6),
            self.housing.amount,
            self.increased,
        )

    @property
    def excess(self) -> float:
        """What the resources and the forfait logement take off: only above the lump sum."""
        return max(self.resources + (self.housing.amount or 0.0) - self.lump_sum, 0.0)


def earnings(situation: Situation) -> list[float]:
    """Each adult's earned income; income stopped for good counts for nothing."""
    return [0.0 if person.earned_income_stopped else person.earned_income for _, person in situation.adults]


def student_threshold(situation: Situation) -> float:
    """Monthly earned income a student or apprentice must pass (L842-2 3°, L512-3 2°, R512-2)."""
    common = situation.common
    return (
        common.part_smic_remuneration_enfant
        * common.heures_smic_remuneration_enfant
        * common.smic_horaire_brut
    )


def _conditions(ctx, situation: Situation, p: PpaParameters, increase: str | None) -> list[Reason]:
    """Art. L842-2 CSS, for the month of the estimate; empty when the household may claim."""
    adults = [person for _, person in situation.adults]
    of_age = [person for person in adults if person.age >= p.age_minimum]
    if not of_age:
        return [Reason("age", params={"age": p.age_minimum})]

    def resident(person) -> bool:
        if person.nationality != "non_eu":
            return True  # French, or EU/EEA/Swiss (L842-2 2° a)
        years = person.residence_permit_years or 0.0
        return person.refugee or increase is not None or years >= p.duree_titre_sejour_hors_ue_annees

    if not any(resident(person) for person in of_age):
        return [Reason("residence_permit", params={"years": p.duree_titre_sejour_hors_ue_annees})]
    if increase is not None:
        return []
    pay = earnings(situation)
    threshold = student_threshold(situation)
    workers = [(person, earned) for person, earned in zip(adults, pay, strict=True) if earned > 0]
    if not workers:
        stopped = any(person.earned_income_stopped and person.earned_income > 0 for person in adults)
        return [Reason("no_earned_income", "stopped" if stopped else "")]
    if any(not person.student or earned > threshold for person, earned in workers):
        return []
    best = max(earned for _, earned in workers)
    return [Reason("student", amount=cents(threshold - best), params={"threshold": cents(threshold)})]


def month_figures(ctx, month: Month) -> MonthFigures:
    """The prime computed for one reference month (art. L842-3 CSS), exact euros."""
    situation = ctx.situation(month)
    p: PpaParameters = ctx.parameters(NAME, month)
    rsa = ctx.parameters("rsa", month)
    increase = single_parent_increase(situation, rsa)
    children = sum(1 for age in situation.children if age < rsa.age_limite_personne_a_charge)
    adults = len(situation.adults)
    persons = adults + children
    if increase is not None:
        lump_sum = p.montant_forfaitaire * (
            p.majoration_isolement_base + p.majoration_isolement_par_enfant * children
        )
    else:
        lump_sum = p.montant_forfaitaire * household_rate(adults, children, p)
    housing = housing_flat_rate(situation, persons, p.forfait_logement)
    smic = situation.common.smic_horaire_brut
    low, high = p.bonification_seuil * smic, p.bonification_seuil_maximum * smic
    maximum = p.bonification_maximale
    bonus = total_pay = other = 0.0
    for _, person in situation.adults:
        earned = 0.0 if person.earned_income_stopped else person.earned_income  # stopped: no prime
        bonus += min(max(maximum * (earned - low) / (high - low), 0.0), maximum)
        total_pay += earned
        other += person.other_income
    other += situation.household.child_support_received
    family = sum(amount for _, amount in ctx.counted_family_benefits(month))
    resources = total_pay + other + family
    share = p.part_revenus_activite * total_pay
    amount = max(0.0, lump_sum + bonus + share - max(resources + (housing.amount or 0.0), lump_sum))
    return MonthFigures(
        month=month,
        lump_sum=lump_sum,
        increased=increase,
        persons=persons,
        earnings=total_pay,
        share=share,
        bonus=bonus,
        bonus_threshold=low,
        resources=resources,
        family=family,
        housing=housing,
        amount=amount,
    )


def _signature(ctx, month: Month) -> tuple:
    """What one reference month's prime depends on besides the household (which is the same in the
    three months, ages included): the values in force, and the income year the ceilings read."""
    return (ctx.registry.values_of(month), month.year)


def _reference_months(ctx, month: Month) -> list[tuple[Month, MonthFigures]]:
    """Each of M-4, M-3 and M-2 with its figures; a month whose values are those of a month already
    computed shares its figures (most of the year, the three months are alike)."""
    computed: dict[tuple, MonthFigures] = {}
    months = []
    for reference in reference_months(month):
        signature = _signature(ctx, reference)
        figures = computed.get(signature)
        if figures is None:
            figures = month_figures(ctx, reference)
            computed[signature] = figures
        months.append((reference, figures))
    return months


def _read_alike(months: list[tuple[Month, MonthFigures]]) -> bool:
    """The three months read the same: most of the year they are one and the same computation."""
    first = months[0][1]
    others = {id(figures): figures for _, figures in months if figures is not first}
    if not others:
        return True
    key = first.key()
    return all(figures.key() == key for figures in others.values())


def _not_due(month: Month, reasons: list[Reason], steps: list[Step] | None = None) -> BenefitResult:
    if steps is None and len(reasons) == 1 and reasons[0].amount is None:  # a condition, the same for many
        reason = reasons[0]
        params = tuple(reason.params.items())
        return not_due(NAME, month, reason.code, reason.variant, params, ("contact_mds",))
    steps = [*(steps or []), Step("not_due", RESULT, 0.0)]
    return BenefitResult(NAME, month, False, 0.0, steps, reasons, next_steps=["contact_mds"])


def _detail_steps(figures: MonthFigures, p: PpaParameters) -> list[Step]:
    """The explanation of one month's prime, adding up to its rounded amount to the cent."""
    share, bonus, minus = apportion([figures.share, figures.bonus, -figures.excess])
    steps = [
        Step(
            "share",
            BASE,
            share,
            params={"percent": p.part_revenus_activite, "earnings": cents(figures.earnings)},
        )
    ]
    if figures.bonus > 0:
        steps.append(Step("bonus", PLUS, bonus, params={"threshold": cents(figures.bonus_threshold)}))
    variant = figures.increased or ("couple" if figures.persons > 1 else "single")
    steps.append(Step("lump_sum", INFO, cents(figures.lump_sum), variant, {"n": figures.persons}))
    steps.append(Step("resources", INFO, cents(figures.resources)))
    if figures.family > 0:
        steps.append(Step("family_benefits_counted", INFO, cents(figures.family)))
    if figures.housing.amount:
        steps.append(Step("housing_flat_rate", INFO, figures.housing.amount))  # art. R844-3 CSS
    total = cents(figures.resources + (figures.housing.amount or 0.0))
    if figures.excess > 0:
        steps.append(
            Step("excess", MINUS, -minus, params={"total": total, "lump_sum": cents(figures.lump_sum)})
        )
    else:
        steps.append(
            Step("no_excess", INFO, None, params={"total": total, "lump_sum": cents(figures.lump_sum)})
        )
    return steps


def compute(ctx, month: Month) -> BenefitResult:
    """The prime d'activité for ``month`` (the estimate month)."""
    situation = ctx.situation(month)
    p: PpaParameters = ctx.parameters(NAME, month)
    increase = single_parent_increase(situation, ctx.parameters("rsa", month))
    reasons = _conditions(ctx, situation, p, increase)
    first, middle, last = reference_months(month)
    intro = Step("reference_months", params={"month": month, "m4": first, "m3": middle, "m2": last})
    if reasons:
        return _not_due(month, reasons)

    months = _reference_months(ctx, month)
    exact = sum(figures.amount for _, figures in months) / len(months)
    amount = cents(exact)
    steps = [intro]
    if _read_alike(months):
        last = months[-1][0]
        steps.extend(_detail_steps(months[-1][1], ctx.parameters(NAME, last)))
    else:
        steps.extend(
            Step("month_amount", INFO, cents(figures.amount), params={"month": reference})
            for reference, figures in months
        )
        steps.append(Step("months_differ"))
        steps.append(Step("average", BASE, amount))

    minimum = p.montant_minimum_verse
    if exact <= 0:
        gap = cents(sum(f.excess - f.share - f.bonus for _, f in months) / len(months))
        reason = Reason("resources_too_high", amount=gap)
        return _not_due(month, [reason], steps)
    if exact < minimum:
        reason = Reason("below_minimum", amount=amount, params={"minimum": minimum})
        return _not_due(month, [reason], steps)
    steps.append(Step("result", RESULT, amount))
    return BenefitResult(
        benefit=NAME,
        month=month,
        eligible=True,
        monthly_amount=amount,
        steps=steps,
        reasons=[],
        exact_amount=exact,
        next_steps=["apply_prime"],
        details={"months": months},
    )
