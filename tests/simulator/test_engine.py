"""The seam between the engine and the benefits: a new benefit is a folder plus one registration."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from pti_citizen.simulator import REGISTRY, parse_household
from pti_citizen.simulator.engine import Benefit, Registry, estimate
from pti_citizen.simulator.parameters import ParameterTable
from pti_citizen.simulator.period import Month
from pti_citizen.simulator.results import RESULT, BenefitResult, Step

from .grid import _adult, _household


@dataclass(frozen=True, slots=True)
class ToyParameters:
    amount: float


@cache
def toy_table() -> ParameterTable[ToyParameters]:
    raw = {"amount": {"label": "x", "unit": "EUR", "values": [{"from": "2020-01-01", "value": 50.0}]}}
    return ParameterTable(raw, ToyParameters, name="toy")


def toy_compute(ctx, month: Month) -> BenefitResult:
    p = ctx.parameters("toy", month)
    paid = p.amount if ctx.situation(month).children else 0.0
    return BenefitResult("toy", month, paid > 0, paid, [Step("result", RESULT, paid)], [], paid, paid)


TOY = Benefit(
    name="toy",
    table=toy_table,
    compute=toy_compute,
    texts={},
    family=True,
    counted_as_resource=True,
    possible=lambda situation: bool(situation.children),
)


def household(**changes):
    model, errors = parse_household(_household("2026-10", _adult(40), children=[5], **changes), "fr")
    assert not errors
    return model


def test_a_registered_family_benefit_is_counted_by_the_rsa_and_the_prime():
    base = estimate(household(family_benefits=None), Month(2026, 10), REGISTRY)
    extended = estimate(household(family_benefits=None), Month(2026, 10), Registry((*REGISTRY.benefits, TOY)))
    assert extended.benefits["toy"].monthly_amount == 50
    assert extended.benefits["rsa"].monthly_amount == pytest.approx(base.benefits["rsa"].monthly_amount - 50)
    assert extended.benefits["rsa"].details["resources_counted"] == pytest.approx(
        base.benefits["rsa"].details["resources_counted"] + 50
    )


def test_family_benefits_are_not_estimated_when_pinned():
    result = estimate(household(family_benefits=20), Month(2026, 10), Registry((*REGISTRY.benefits, TOY)))
    assert set(result.benefits) == {"rsa", "prime_activite"}
    assert result.benefits["rsa"].details["resources_counted"] == 20


def test_a_benefit_is_registered_once():
    with pytest.raises(ValueError, match="twice"):
        Registry((TOY, TOY))


def test_the_registry_order_is_the_result_order():
    names = [benefit.name for benefit in REGISTRY]
    assert names[:2] == ["rsa", "prime_activite"]
    result = estimate(household(family_benefits=None), Month(2026, 10), REGISTRY)
    assert list(result.benefits) == names
