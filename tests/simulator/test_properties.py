"""Properties over many generated households (hypothesis)."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pti_citizen.simulator import estimate_payload

from .conftest import TODAY

MONTHS = [f"{year}-{month:02d}" for year in range(2023, 2029) for month in range(1, 13)][3:]
#: One-person amount in force for each month (parameters.yaml's decrees; the latest one stays).
AMOUNT_SINCE = [("2026-04", 651.69), ("2025-04", 646.52), ("2024-04", 635.71), ("2023-04", 607.75)]

money = st.one_of(st.just(0), st.floats(0, 3000, allow_nan=False), st.integers(0, 3000))
person = st.fixed_dictionaries(
    {
        "age": st.integers(16, 120),
        "earned_income": money,
        "other_income": money,
        "student": st.booleans(),
        "nationality": st.sampled_from(["fr", "eu", "non_eu"]),
        "residence_permit_years": st.one_of(st.none(), st.floats(0, 120)),
        "refugee": st.booleans(),
        "worked_hours_last_3_years": st.one_of(st.none(), st.floats(0, 26_280)),
        "earned_income_stopped": st.booleans(),
    }
).map(
    lambda p: (
        {**p, "residence_permit_years": 0}
        if p["residence_permit_years"] is None and p["nationality"] == "non_eu" and not p["refugee"]
        else p
    )
)
household = st.fixed_dictionaries(
    {
        "month": st.sampled_from(MONTHS),
        "applicant": person,
        "partner": st.one_of(st.none(), person),
        "children": st.lists(st.integers(0, 24), max_size=20),
        "pregnant": st.booleans(),
        "isolated_since_months": st.one_of(st.none(), st.integers(0, 1440)),
        "housing": st.fixed_dictionaries(
            {
                "status": st.sampled_from(["tenant", "owner", "owner_with_loan", "housed_free", "homeless"]),
                "housing_benefit": money,
            }
        ),
        "family_benefits": st.one_of(st.none(), money),
        "child_support_received": st.one_of(st.just(0), money),
        "audience": st.sampled_from(["self", "helper"]),
        "lang": st.sampled_from(["fr", "en", "es", "ar", "xx"]),
    }
)
json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one_person_amount(month: str) -> float:
    return next(value for since, value in AMOUNT_SINCE if month >= since)


def law_max_rate(children: int) -> float:
    """Highest multiplier for this number of children (art. R262-1: couple, or single parent majoré)."""
    couple = 1.5 + 0.3 * min(children, 2) + 0.4 * max(children - 2, 0)
    single_parent = 1.28412 + 0.42804 * children
    return max(couple, single_parent)


def estimate(payload) -> tuple[int, dict]:
    status, body = estimate_payload(payload, today=TODAY)
    json.dumps(body, allow_nan=False)  # always plain, finite JSON
    return status, body


@SETTINGS
@given(household)
def test_no_amount_is_ever_negative(payload):
    status, result = estimate(payload)
    assert status == 200, result
    for name, benefit in result["benefits"].items():
        assert benefit["monthly_amount"] >= 0, name
        assert (benefit["monthly_amount"] > 0) is benefit["eligible"], name
        for step in benefit["steps"]:
            assert step["amount"] is None or step["amount"] >= 0, (name, step)
        for reason in benefit["reasons"]:
            assert reason["amount"] is None or reason["amount"] >= 0, (name, reason)
    assert result["total_monthly_amount"] == round(
        sum(b["monthly_amount"] for b in result["benefits"].values()), 2
    )


@SETTINGS
@given(household)
def test_the_rsa_is_never_above_its_base(payload):
    status, result = estimate(payload)
    assert status == 200, result
    amount, base = result["monthly_amount"], result["breakdown"]["base_amount"]
    assert amount >= 0
    assert amount <= base
    assert base <= one_person_amount(payload["month"]) * law_max_rate(len(payload["children"])) + 0.01
    if not result["eligible"]:
        assert amount == 0
        assert result["reasons"]
    else:
        assert amount >= 6


@SETTINGS
@given(household, st.sampled_from(["other_income", "family_benefits", "earned_income"]), st.floats(0, 2000))
def test_the_rsa_never_rises_when_resources_rise(payload, field, raise_by):
    payload = {**payload, "family_benefits": payload["family_benefits"] or 0}
    _, before = estimate(payload)
    richer = copy.deepcopy(payload)
    if field == "family_benefits":
        richer["family_benefits"] += raise_by
    elif field == "other_income" or richer["applicant"]["earned_income"] == 0:
        # From 0, earned income can open the right of an EU newcomer (art. L262-6): not a resource rise only.
        richer["applicant"]["other_income"] += raise_by
    else:
        richer["applicant"]["earned_income"] += raise_by
    _, after = estimate(richer)
    assert after["monthly_amount"] <= before["monthly_amount"]


def _take_home(result: dict, payload: dict) -> float:
    adults = [person for person in (payload["applicant"], payload["partner"]) if person]
    earned = sum(person["earned_income"] for person in adults if not person.get("earned_income_stopped"))
    benefits = result["benefits"]
    return earned + benefits["rsa"]["monthly_amount"] + benefits["prime_activite"]["monthly_amount"]


@SETTINGS
@given(household, st.sampled_from(["applicant", "partner"]))
def test_earning_100_euros_more_never_lowers_earnings_plus_rsa_plus_prime(payload, who):
    """With the family benefits pinned, earnings + RSA + prime d'activité never fall when someone's
    earnings rise by 100 €: work always pays (the point of the prime, art. L841-1 CSS)."""
    payload = {**payload, "family_benefits": payload["family_benefits"] or 0}
    person = payload[who] or payload["applicant"]
    role = who if payload[who] else "applicant"
    if person["earned_income_stopped"] or (person["nationality"] == "eu" and person["earned_income"] == 0):
        # Stopped income is not earnings; from 0, work opens an EU newcomer's rights (L262-6).
        person = {**person, "earned_income_stopped": False, "earned_income": person["earned_income"] + 1}
        payload = {**payload, role: person}
    _, before = estimate(payload)
    richer = copy.deepcopy(payload)
    richer[role]["earned_income"] = person["earned_income"] + 100
    _, after = estimate(richer)
    # The prime is what makes work pay; where it pays nothing (under 18, art. L842-1 CSS) the RSA falls
    # euro for euro and stops below its smallest payment (art. R262-39 CASF: 6 €). Two more edges of
    # the law: a prime that falls under its smallest payment is not paid (art. D843-1 CSS: 15 €), and
    # as the prime's one-person amount is under the RSA's (art. D843-1 CSS, R262-1 CASF), a large
    # household's resources can pass the prime's base while the RSA is still due: then the RSA takes
    # each euro earned and the prime ~40 % more (art. L842-3 CSS).
    allowed = 0.005
    prime_before = before["benefits"]["prime_activite"]["monthly_amount"]
    prime_after = after["benefits"]["prime_activite"]
    if prime_after["monthly_amount"] == 0:
        allowed += _minimum_rsa_payment() + prime_before
    rsa_due = after["benefits"]["rsa"]["monthly_amount"] > 0
    if rsa_due and any(step["code"] == "excess" for step in prime_after["steps"]):
        allowed += 0.40 * 100
    assert _take_home(after, richer) >= _take_home(before, payload) - allowed


def _minimum_rsa_payment() -> float:
    from pti_citizen.simulator.benefits.rsa.parameters import rsa_table
    from pti_citizen.simulator.period import Month

    return rsa_table().at(Month.of(TODAY)).montant_minimum_verse


@SETTINGS
@given(json_values)
def test_any_json_value_gives_a_result_or_field_errors(payload):
    status, body = estimate(payload)
    assert status in (200, 422)
    if status == 422:
        assert body["errors"]
        for error in body["errors"]:
            assert isinstance(error["field"], str) and isinstance(error["message"], str)


@SETTINGS
@given(
    household,
    st.sampled_from(
        [
            "applicant",
            "partner",
            "children",
            "housing",
            "month",
            "pregnant",
            "family_benefits",
            "isolated_since_months",
        ]
    ),
    json_values,
)
def test_a_broken_field_gives_field_errors(payload, field, value):
    broken = {**payload, field: value}
    status, body = estimate(broken)
    assert status in (200, 422)
    if status == 422:
        assert all(error["field"] and error["message"] for error in body["errors"])
