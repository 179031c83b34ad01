"""One engine, many benefits: each benefit is a unit of its own, registered here.

A benefit (``benefits/<name>/``) brings its dated parameters, its rules (a ``compute`` function),
its texts and the household inputs it reads. The engine only knows this seam:

- ``compute(ctx, month)`` returns a :class:`~pti_citizen.simulator.results.BenefitResult`; it may ask
  ``ctx.result(other, month)`` for another benefit (the RSA and the prime d'activité read the family
  benefits they count as resources, the complément familial reads the PAJE it cannot be cumulated
  with) and ``ctx.situation(month)`` for the household that month;
- ``family`` benefits are estimated only when the household does not pin ``family_benefits``
  (contract version 2); ``counted_as_resource`` says that the RSA and the prime count the
  ``counted_as_resource`` figure of their results.

Adding a benefit is one folder plus one line in ``benefits/__init__.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .household import EstimateInput
from .parameters import ParameterTable, UnknownPeriodError
from .period import Month
from .results import BenefitResult, RightsResult
from .situation import Situation, income_n2, monthly_incomes, situation


@dataclass(frozen=True)
class Figure:
    """A figure a content page may show (``rsa.montant_forfaitaire``), computed from the parameters
    in force one month. ``value`` in ``unit``; ``sources`` of every parameter it uses."""

    name: str
    value: float
    unit: str
    label: str
    sources: tuple[Any, ...]
    #: From this day a newer value of a revalued parameter it uses has probably been published.
    valid_until: dt.date = dt.date.max

    @property
    def since(self) -> dt.date:
        """The day this value came into force (the latest start of the values it uses)."""
        return max(source.since for source in self.sources)


@dataclass(frozen=True)
class FigureSpec:
    """How a benefit derives one figure from its parameters (and the shared ones)."""

    label: str
    unit: str
    compute: Callable[[Any, Any], float]
    #: Parameter keys (``"montant_forfaitaire"``, or ``"common.bmaf"``) whose sources to cite.
    uses: tuple[str, ...]


@dataclass(frozen=True)
class Benefit:
    """A benefit as the engine sees it."""

    name: str
    table: Callable[[], ParameterTable]
    compute: Callable[[Context, Month], BenefitResult]
    #: (code, variant) → sentence(s), with its name as ``("label", "")``; see ``explanation.py``.
    texts: Mapping[tuple[str, str], Any]
    #: The household inputs it reads, and when they matter (``questions.py``).
    questions: tuple[Any, ...] = ()
    #: Figures for the content pages (``figures.py``), on top of its raw parameters.
    figures: Mapping[str, FigureSpec] = field(default_factory=dict)
    #: Estimated only when ``family_benefits`` is null or absent (version 2).
    family: bool = False
    #: The RSA and the prime d'activité count its ``counted_as_resource``.
    counted_as_resource: bool = False
    #: Who studies the claim and decides (``("decided_by", code)`` in ``explanation.COMMON_TEXTS``).
    decided_by: str = "caf_msa"
    #: What the RSA and the prime count of it in a month, without its explanation (they read the
    #: family benefits of the prime's reference months this way); default: ``compute``'s figure.
    counted: Callable[[Context, Month], float] | None = None
    #: False when the benefit cannot be due for the household that month (no child for a family
    #: benefit): the RSA and the prime then skip it when they only need what it counts.
    possible: Callable[[Situation], bool] = lambda situation: True


class Registry:
    """The benefits, in the order they are shown (``rsa`` and ``prime_activite`` first)."""

    def __init__(self, benefits: tuple[Benefit, ...]) -> None:
        names = [benefit.name for benefit in benefits]
        if len(set(names)) != len(names):
            raise ValueError(f"a benefit is registered twice: {names}")
        self.benefits = benefits
        self.by_name = {benefit.name: benefit for benefit in benefits}
        self._tables: dict[str, ParameterTable] | None = None
        self._values_of: dict[Month, tuple] = {}
        #: The benefits the RSA and the prime d'activité count as resources.
        self.counted = tuple(benefit for benefit in benefits if benefit.counted_as_resource)
        #: The benefits estimated when the household gives its family benefits, and when it does not.
        self._active = {
            False: tuple(benefit for benefit in benefits if not benefit.family),
            True: tuple(benefits),
        }

    @property
    def tables(self) -> dict[str, ParameterTable]:
        """Each benefit's parameter table, loaded once."""
        if self._tables is None:
            self._tables = {benefit.name: benefit.table() for benefit in self.benefits}
        return self._tables

    def __iter__(self):
        return iter(self.benefits)

    def __getitem__(self, name: str) -> Benefit:
        return self.by_name[name]

    def active(self, household: EstimateInput) -> tuple[Benefit, ...]:
        """The benefits estimated for this household (family benefits only when not pinned)."""
        return self._active[household.family_benefits is None]

    def values_of(self, month: Month) -> tuple:
        """One key for every value in force during ``month`` (every table, the shared values): two
        months with the same key read the same values."""
        found = self._values_of.get(month)
        if found is None:
            from .common import common_table

            found = (*(id(table.at(month)) for table in self.tables.values()), id(common_table().at(month)))
            self._values_of[month] = found
        return found

    @cached_property
    def first_day(self) -> dt.date:
        """The first month an estimate can be made for (the latest first day of any benefit)."""
        return max(table.first_day for table in self.tables.values())

    @cached_property
    def valid_until(self) -> dt.date:
        """From this day, a newer value of some parameter has probably been published."""
        from .common import common_table

        return min([common_table().valid_until] + [table.valid_until for table in self.tables.values()])


class Context:
    """What a benefit's rules may ask while computing: the household each month and the results of
    the other benefits (computed once, on demand)."""

    def __init__(
        self,
        household: EstimateInput,
        month: Month,
        registry: Registry,
        *,
        income_source: EstimateInput | None = None,
    ) -> None:
        self.household = household
        self.month = month
        self.registry = registry
        self.income_source = income_source
        self._situations: dict[Month, Situation] = {}
        #: Each adult's monthly income read for year N-2, and what it gives for each year read.
        self._incomes = monthly_incomes(income_source or household)
        self._resources_n2: dict[int, tuple[float, bool]] = {}
        self._results: dict[tuple[str, Month], BenefitResult] = {}
        self._counted: dict[tuple[str, Month], float] = {}
        self._tables = registry.tables
        self._benefits = registry.by_name
        self.family_benefits_estimated = household.family_benefits is None

    def situation(self, month: Month | None = None) -> Situation:
        month = month or self.month
        found = self._situations.get(month)
        if found is None:
            year = month.year - 2
            resources = self._resources_n2.get(year)
            if resources is None:
                resources = self._resources_n2[year] = income_n2(self._incomes, year)
            found = situation(self.household, self.month, month, resources_n2=resources)
            self._situations[month] = found
        return found

    def parameters(self, name: str, month: Month | None = None) -> Any:
        return self._tables[name].at(month or self.month)

    def result(self, name: str, month: Month | None = None) -> BenefitResult:
        key = (name, month or self.month)
        found = self._results.get(key)
        if found is None:
            found = self._benefits[name].compute(self, key[1])
            self._results[key] = found
        return found

    def counted_family_benefits(self, month: Month | None = None) -> list[tuple[str, float]]:
        """What the RSA and the prime count of the family benefits, benefit by benefit.

        When the household pinned ``family_benefits`` (version 1), that amount, as given.
        """
        if not self.family_benefits_estimated:
            return [("family_benefits", float(self.household.family_benefits or 0.0))]
        month = month or self.month
        situation = self.situation(month)
        return [
            (benefit.name, self.counted_of(benefit.name, month))
            for benefit in self.registry.counted
            if benefit.possible(situation)
        ]

    def counted_of(self, name: str, month: Month | None = None) -> float:
        """What the RSA and the prime count of one benefit in ``month`` (its result, when computed)."""
        key = (name, month or self.month)
        found = self._results.get(key)
        if found is not None:
            return found.counted_as_resource
        value = self._counted.get(key)
        if value is None:
            benefit = self._benefits[name]
            if key[1] == self.month or benefit.counted is None:
                return self.result(name, key[1]).counted_as_resource
            value = benefit.counted(self, key[1])
            self._counted[key] = value
        return value


def estimate(
    household: EstimateInput,
    month: Month,
    registry: Registry,
    *,
    income_source: EstimateInput | None = None,
    only: tuple[str, ...] | None = None,
) -> RightsResult:
    """Every active benefit (or those in ``only``) for ``month``. Raises UnknownPeriodError."""
    first_day = registry.first_day
    if month.first_day < first_day:
        raise UnknownPeriodError(month.first_day, first_day)
    ctx = Context(household, month, registry, income_source=income_source)
    results: dict[str, BenefitResult] = {}
    for benefit in registry.active(household):
        if only is None or benefit.name in only:
            results[benefit.name] = ctx.result(benefit.name, month)
    return RightsResult(
        month=month,
        benefits=results,
        family_benefits_estimated=ctx.family_benefits_estimated,
    )
