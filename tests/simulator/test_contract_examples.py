"""The contract's worked examples: version 1's 12 (the RSA, family benefits pinned) and version 2's
12 (every benefit), computed with OpenFisca-France (see data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import plain_spaces, run

EXAMPLES = json.loads((Path(__file__).parent / "data" / "rsa-examples.json").read_text(encoding="utf-8"))
RIGHTS = json.loads((Path(__file__).parent / "data" / "rights-examples.json").read_text(encoding="utf-8"))
SHARED = Path("/work/shared/contracts")
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


# --- Version 2 ---------------------------------------------------------------------------------

#: Examples whose prime d'activité the contract computed without the forfait logement in the
#: reference months (its housing benefit was given for the estimate month only). Art. R844-3 CSS
#: counts it in each month, as every other resource; the contract assumes the same situation every
#: month. We follow the law (docs/simulator.md); test_openfisca_grid.py checks our figure against
#: OpenFisca given the housing benefit in every month.
PPA_WITHOUT_HOUSING = {
    "single 30, net salary 900, tenant, housing benefit 200",
    "same, with 150 of child support received",
}


def test_the_copies_are_the_contract_files():
    for name in ("rsa-examples.json", "rights-examples.json"):
        shared = SHARED / name
        if shared.exists():  # the shared folder is there on the development machine only
            copy = Path(__file__).parent / "data" / name
            assert json.loads(copy.read_text(encoding="utf-8")) == json.loads(
                shared.read_text(encoding="utf-8")
            )


@pytest.mark.parametrize("example", RIGHTS, ids=[example["name"] for example in RIGHTS])
def test_version_2_example_every_benefit(example):
    result = run(example["input"])
    benefits = result["benefits"]
    assert set(benefits) == set(example["expected"])
    for name, expected in example["expected"].items():
        if name == "prime_activite" and example["name"] in PPA_WITHOUT_HOUSING:
            assert benefits[name]["eligible"] is expected["eligible"]
            assert benefits[name]["monthly_amount"] < expected["monthly_amount"]
            assert "housing_flat_rate" in [step["code"] for step in benefits[name]["steps"]]
            continue
        assert benefits[name]["eligible"] is expected["eligible"], name
        assert benefits[name]["monthly_amount"] == pytest.approx(expected["monthly_amount"], abs=TOLERANCE), (
            name
        )
    # Version 1's fields are the RSA's.
    assert result["eligible"] is benefits["rsa"]["eligible"]
    assert result["monthly_amount"] == benefits["rsa"]["monthly_amount"]


def test_the_first_example_differs_by_the_forfait_logement_only():
    """12 % of the prime's one-person amount (638,28 € in 2026), art. R844-3 CSS."""
    example = next(example for example in RIGHTS if example["name"].startswith("single 30, net salary 900"))
    ours = run(example["input"])["benefits"]["prime_activite"]["monthly_amount"]
    assert ours == pytest.approx(
        example["expected"]["prime_activite"]["monthly_amount"] - 0.12 * 638.28, abs=0.01
    )


@pytest.mark.parametrize("example", RIGHTS, ids=[example["name"] for example in RIGHTS])
def test_version_2_example_matches_openfisca_details(example):
    result = run(example["input"])
    checks = example["openfisca_checks"]
    rsa_steps = result["benefits"]["rsa"]["steps"]
    family = [step for step in rsa_steps if step["code"] in ("family_benefit", "family_benefits")]
    counted_family = sum(step["amount"] for step in family)
    asf = sum(step["amount"] for step in family if "ASF" in step["text"])
    assert counted_family == pytest.approx(
        checks["rsa_base_ressources_prestations_familiales"], abs=TOLERANCE
    )
    assert asf == pytest.approx(checks["rsa_forfait_asf"], abs=TOLERANCE)
    if result["breakdown"]["base_amount"]:
        assert result["breakdown"]["resources_counted"] == pytest.approx(
            checks["rsa_base_ressources"], abs=TOLERANCE
        )
    assert len(example["input"]["children"]) == checks["rsa_nb_enfants"]


def test_version_2_family_benefits_are_absent_when_pinned():
    pinned = next(example for example in RIGHTS if example["input"]["family_benefits"] is not None)
    result = run(pinned["input"])
    assert set(result["benefits"]) == {"rsa", "prime_activite"}
    assert not result["family_benefits_estimated"]
