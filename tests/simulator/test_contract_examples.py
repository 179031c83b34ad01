"""The 12 worked examples of the contract (computed with OpenFisca-France, see data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import plain_spaces, run

EXAMPLES = json.loads((Path(__file__).parent / "data" / "rsa-examples.json").read_text(encoding="utf-8"))
#: The contract: figures agree with OpenFisca-France to within 2 cents.
TOLERANCE = 0.02
CONTRACT_FIELDS = {"month", "eligible", "monthly_amount", "currency", "breakdown", "reasons"}
BREAKDOWN_FIELDS = {"base_amount", "increased_for_single_parent", "housing_flat_rate", "resources_counted"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["name"] for example in EXAMPLES])
def test_example_amount_and_eligibility(example):
    result = run(example["input"])
    expected = example["expected"]
    assert result["eligible"] is expected["eligible"]
    assert result["monthly_amount"] == pytest.approx(expected["monthly_amount"], abs=TOLERANCE)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["name"] for example in EXAMPLES])
def test_example_breakdown_matches_openfisca(example):
    result = run(example["input"])
    reference = example["expected"]["openfisca"]
    breakdown = result["breakdown"]
    if not result["eligible"]:
        assert reference["rsa"] == 0
        return
    assert breakdown["base_amount"] == pytest.approx(
        max(reference["rsa_socle"], reference["rsa_socle_majore"]), abs=TOLERANCE
    )
    assert breakdown["increased_for_single_parent"] is (
        reference["rsa_socle_majore"] > reference["rsa_socle"]
    )
    assert breakdown["housing_flat_rate"] == pytest.approx(reference["rsa_forfait_logement"], abs=TOLERANCE)
    assert breakdown["resources_counted"] == pytest.approx(reference["rsa_base_ressources"], abs=TOLERANCE)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["name"] for example in EXAMPLES])
def test_output_keeps_the_contract_fields(example):
    result = run(example["input"])
    assert set(result) >= CONTRACT_FIELDS
    assert result["month"] == example["input"]["month"]
    assert result["currency"] == "EUR"
    assert set(result["breakdown"]) == BREAKDOWN_FIELDS
    assert isinstance(result["monthly_amount"], float)
    for reason in result["reasons"]:
        assert set(reason) == {"code", "text"}
        assert reason["code"] and reason["text"]
    json.dumps(result)  # plain JSON values only


def test_contract_example_reason_for_the_housing_flat_rate():
    # The contract's sample output: a tenant with housing benefit gets a "housing_flat_rate" reason.
    result = run(EXAMPLES[1]["input"])
    assert [reason["code"] for reason in result["reasons"]] == ["housing_flat_rate"]
    assert "78,20 €" in plain_spaces(result["reasons"][0]["text"])


def test_not_eligible_examples_say_why():
    under_25, student = run(EXAMPLES[10]["input"]), run(EXAMPLES[11]["input"])
    assert [reason["code"] for reason in under_25["reasons"]] == ["age"]
    assert [reason["code"] for reason in student["reasons"]] == ["student"]
    assert "3 214 heures" in plain_spaces(under_25["reasons"][0]["text"])
