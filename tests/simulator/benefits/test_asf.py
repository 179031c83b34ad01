"""Allocation de soutien familial (art. L523-1, R523-7, D523-3 CSS; R262-10-1 CASF)."""

from __future__ import annotations

import pytest

from ..conftest import run
from ..grid import _adult, _household

PER_CHILD = 0.422 * 478.16  # October 2026


def asf(children=(7, 3), partner=None, support=0.0) -> dict:
    household = _household(
        "2026-10",
        _adult(34),
        partner,
        children=list(children),
        family_benefits=None,
        child_support_received=support,
    )
    return run(household)["benefits"]["asf"]


def test_per_child_for_a_parent_alone():
    assert asf()["monthly_amount"] == pytest.approx(2 * PER_CHILD, abs=0.01)
    assert asf(children=(21, 19))["monthly_amount"] == pytest.approx(PER_CHILD, abs=0.01)


def test_reduced_by_the_child_support_received():
    result = asf(support=150)
    assert result["monthly_amount"] == pytest.approx(2 * PER_CHILD - 150, abs=0.01)
    assert sum(step["amount"] for step in result["steps"] if step["effect"] == "minus") == 150


def test_not_paid_when_the_support_covers_it_or_leaves_under_15_euros():
    covered = asf(support=500)
    assert not covered["eligible"]
    assert covered["reasons"][0]["amount"] == pytest.approx(500 - 2 * PER_CHILD, abs=0.01)
    small = asf(support=2 * PER_CHILD - 10)
    assert not small["eligible"]
    assert small["reasons"][0]["amount"] == pytest.approx(10, abs=0.01)


def test_not_for_a_couple():
    result = asf(partner=_adult(35))
    assert not result["eligible"]
    assert result["reasons"][0]["code"] == "couple"
