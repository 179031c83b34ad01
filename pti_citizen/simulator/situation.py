"""The household as the rules read it during one month.

Most benefits look at the month of the estimate; the prime d'activité also looks at the months
M-4, M-3 and M-2 (art. R843-1 CSS), with the household as it was then. Ages are given for the
month of the estimate; like the reference computation, the engine takes every birthday to fall in
that month, so in the months before it each person is one year younger (a child aged 0 is not
born yet). Incomes are the same every month (the contract's assumption).

The family benefits with income ceilings read the household's taxable income of year N-2
(art. R532-3 CSS): 12 × the monthly earned and other income given, after the 10 % deduction for
professional expenses of that income year (art. 83, 3° CGI).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from .common import CommonParameters, common_table
from .household import EstimateInput, Person
from .period import Month

APPLICANT = "applicant"
PARTNER = "partner"


class Situation(NamedTuple):
    """What every benefit reads for one month. Build it with :func:`situation`.

    An immutable record (a named tuple: every estimate builds two or three of them, cheaply)."""

    month: Month
    #: The month of the estimate (the month the ages are given for).
    estimate_month: Month
    household: EstimateInput
    common: CommonParameters
    #: The applicant, then the partner for a couple, with their role.
    adults: tuple[tuple[str, Person], ...]
    #: A couple (two adults), or a person alone.
    couple: bool
    single: bool
    #: Age of each child during this month (-1: not born yet), in the order given.
    children: tuple[int, ...]
    #: Taxable income of the household in year N-2, after the deduction for expenses (€ a year).
    resources_n2: float
    #: Both members of a couple earned at least 12 BMAF in year N-2 (« couple biactif »).
    biactive: bool
    #: The income year read by the ceilings (N-2).
    income_year: int

    @property
    def expecting(self) -> bool:
        """Pregnant this month: said so, or a child is born within the next 6 months (in a month before
        the estimate, the mother of a baby aged 0 was pregnant, as the reference reads it)."""
        if self.household.pregnant:
            return True
        # Months from a child's birth to this month: 12 × its age, less the months back to the estimate.
        offset = self.offset  # 0 in the estimate month, where every child is already born
        return offset > 0 and any(-6 < 12 * age - offset < 0 for age in self.household.children)

    @property
    def births(self) -> tuple[Month, ...]:
        """Birth month of each child (the birthday convention above)."""
        year, month = self.estimate_month
        return tuple([Month(year - age, month) for age in self.household.children])

    @property
    def offset(self) -> int:
        """Months between this month and the estimate month (4 for M-4)."""
        return self.estimate_month.months_since(self.month)


@lru_cache(maxsize=64)
def _income_year(year: int) -> tuple[float, float, float, float]:
    """The deduction for professional expenses of ``year`` (rate, minimum, maximum) and the
    « biactif » threshold (12 BMAF of 1 January of that year)."""
    table, day = common_table(), dt.date(year, 1, 1)
    return (
        table.value("abattement_frais_professionnels_taux", day),
        table.value("abattement_frais_professionnels_minimum", day),
        table.value("abattement_frais_professionnels_maximum", day),
        table.value("bmaf_annuelles_biactivite", day) * table.value("bmaf", day),
    )


def _taxable(monthly: float, year: int) -> float:
    """One person's salaries and unemployment benefit of ``year`` after the 10 % deduction."""
    rate, minimum, maximum, _ = _income_year(year)
    yearly = 12 * monthly
    return max(0.0, yearly - round(min(max(rate * yearly, minimum), maximum)))


def income_n2(incomes: tuple[float, ...], year: int) -> tuple[float, bool]:
    """(Household taxable income of ``year``, couple biactif) from each adult's monthly income."""
    taxable = [_taxable(income, year) for income in incomes]
    threshold = _income_year(year)[3]
    return sum(taxable), len(taxable) == 2 and all(value >= threshold for value in taxable)


def monthly_incomes(household: EstimateInput) -> tuple[float, ...]:
    """Each adult's monthly income, as the ceilings of year N-2 read it (earned and other income)."""
    adults = (household.applicant,) if household.partner is None else (household.applicant, household.partner)
    return tuple(person.earned_income + person.other_income for person in adults)


def situation(
    household: EstimateInput,
    estimate_month: Month,
    month: Month,
    *,
    income_source: EstimateInput | None = None,
    resources_n2: tuple[float, bool] | None = None,
) -> Situation:
    """The household during ``month``. ``income_source`` gives the incomes read for year N-2 (by
    default the household itself; « Et si je travaille ? » keeps the income before the new job);
    ``resources_n2``: those of year N-2 already read (``income_n2``), as the engine passes them."""
    applicant, partner = household.applicant, household.partner
    adults = ((APPLICANT, applicant),) if partner is None else ((APPLICANT, applicant), (PARTNER, partner))
    year = month.year - 2
    if resources_n2 is None:
        resources_n2 = income_n2(monthly_incomes(income_source or household), year)
    resources, biactive = resources_n2
    # Months since a child's birth: the months from the estimate month to ``month``, plus its age.
    shift = month.months_since(estimate_month)
    children = household.children
    return Situation(  # positional: a named tuple's keywords cost on every estimate
        month,
        estimate_month,
        household,
        common_table().at(month),
        adults,
        partner is not None,
        partner is None,
        tuple(children) if shift == 0 else tuple((shift + 12 * age) // 12 for age in children),
        resources,
        biactive,
        year,
    )
