"""Our engine against OpenFisca-France on broad seeded grids (about 1 100 households in all).

Every benefit must agree to ±0,02 € with the same eligibility. Where OpenFisca departs from the
law (``grid.DEPARTURES`` for the RSA, ``grid.PPA_DEPARTURES`` for the prime d'activité, each with
its article), our engine follows the law; for those households we check instead that OpenFisca
gives what the law gives on the household as OpenFisca models it (``openfisca_view``), so that the
departure is the documented one and nothing else.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pti_citizen.simulator import estimate_payload

from .conftest import TODAY
from .grid import (
    DEPARTURES,
    PPA_DEPARTURES,
    V2_MONTHS,
    edge_households,
    openfisca_view,
    openfisca_view_ppa,
    rewrite,
    rewrite_ppa,
)
from .openfisca_reference import BENEFIT_VARIABLES

TOLERANCE = 0.02


def benefits(household: dict) -> dict:
    status, body = estimate_payload(household, today=TODAY)
    assert status == 200, body
    return body["benefits"]


def _agrees(ours: dict, reference: float) -> bool:
    return ours["eligible"] is (reference > 0) and abs(ours["monthly_amount"] - reference) <= TOLERANCE


def _views(name: str) -> tuple[dict, callable, callable]:
    if name == "prime_activite":
        return PPA_DEPARTURES, rewrite_ppa, openfisca_view_ppa
    return DEPARTURES, rewrite, openfisca_view


def _explanation(household: dict, name: str, reference: float) -> list[str] | None:
    """The documented departures that explain a disagreement (None: unexplained)."""
    if name not in ("rsa", "prime_activite"):
        return None
    departures, one, every = _views(name)
    if not _agrees(benefits(every(household))[name], reference):
        return None
    causes = [code for code in departures if _agrees(benefits(one(household, code))[name], reference)]
    return causes or ["combined"]


def _compare(households: list[dict], references: list[dict]) -> tuple[list[str], Counter]:
    failures, found = [], Counter()
    for household, reference in zip(households, references, strict=True):
        ours = benefits(household)
        for name, variable in BENEFIT_VARIABLES.items():
            if name not in ours:
                continue
            if _agrees(ours[name], reference[variable]):
                continue
            causes = _explanation(household, name, reference[variable])
            if causes is None:
                failures.append(
                    f"{name}: {ours[name]['monthly_amount']} vs OpenFisca {reference[variable]}: {household}"
                )
            else:
                found.update(causes)
    return failures, found


@pytest.fixture(scope="module")
def compared_v1(openfisca_grid):
    households, references = openfisca_grid
    return households, references, _compare(households, references)


@pytest.fixture(scope="module")
def compared_v2(openfisca_grid_v2):
    households, references = openfisca_grid_v2
    return households, references, _compare(households, references)


def test_version_1_grid_is_broad(openfisca_grid):
    households, _ = openfisca_grid
    assert len(households) >= 400
    assert len({household["month"] for household in households}) >= 30
    statuses = Counter(household["housing"]["status"] for household in households)
    assert set(statuses) == {"tenant", "owner", "owner_with_loan", "housed_free", "homeless"}
    results = [benefits(household)["rsa"] for household in households]
    assert sum(result["eligible"] for result in results) >= 150
    assert sum(not result["eligible"] for result in results) >= 100


def test_version_1_grid_agrees_with_openfisca(compared_v1):
    """The RSA and the prime d'activité, family benefits pinned, months 2024-04 to 2026-12."""
    _, _, (failures, _) = compared_v1
    assert not failures, "\n".join(failures[:10])


def test_version_1_breakdown_agrees_with_openfisca(openfisca_grid):
    households, references = openfisca_grid
    failures = []
    for household, reference in zip(households, references, strict=True):
        _, result = estimate_payload(household, today=TODAY)
        view = estimate_payload(openfisca_view(household), today=TODAY)[1]
        if not result["eligible"] or result["monthly_amount"] != view["monthly_amount"]:
            continue
        expected = {
            "base_amount": max(reference["rsa_socle"], reference["rsa_socle_majore"]),
            "housing_flat_rate": reference["rsa_forfait_logement"],
            "resources_counted": reference["rsa_base_ressources"],
        }
        for name, value in expected.items():
            if abs(result["breakdown"][name] - value) > TOLERANCE:
                failures.append(f"{name} {result['breakdown'][name]} vs OpenFisca {value}: {household}")
    assert not failures, "\n".join(failures[:10])


def test_version_2_grid_is_broad(openfisca_grid_v2):
    households, references = openfisca_grid_v2
    assert len(households) >= 600
    assert set(V2_MONTHS) <= {household["month"] for household in households}
    assert {household["housing"]["status"] for household in households} == {
        "tenant",
        "owner",
        "owner_with_loan",
        "housed_free",
        "homeless",
    }
    ages = Counter(age for household in households for age in household["children"])
    assert set(ages) == set(range(25)), "children of every age"
    assert {len(household["children"]) for household in households} >= set(range(6))
    single_parents = [h for h in households if h["partner"] is None and h["children"]]
    assert sum(bool(h["child_support_received"]) for h in single_parents) >= 30
    assert sum(not h["child_support_received"] for h in single_parents) >= 30
    adults = [p for h in households for p in (h["applicant"], h["partner"]) if p]
    assert sum(p["student"] for p in adults) >= 30
    assert sum(p["age"] < 25 for p in adults) >= 60
    assert sum(p["nationality"] == "non_eu" for p in adults) >= 60
    for name, variable in BENEFIT_VARIABLES.items():
        paid = sum(reference[variable] > 0 for reference in references)
        assert paid >= 25, f"{name}: only {paid} households receive it"


def test_version_2_every_benefit_agrees_with_openfisca(compared_v2):
    _, _, (failures, _) = compared_v2
    assert not failures, "\n".join(failures[:10])


def test_departures_from_openfisca_are_the_documented_ones(compared_v1, compared_v2):
    """Each documented departure shows up on the grids (the edge cases make sure of it)."""
    found = compared_v1[2][1] + compared_v2[2][1]
    assert set(DEPARTURES) | set(PPA_DEPARTURES) <= set(found), found
    for code, count in sorted(found.items()):
        reference, law, openfisca = {**DEPARTURES, **PPA_DEPARTURES}.get(code, ("", "", ""))
        print(f"{code} ({count} households) — {reference}: {law} OpenFisca: {openfisca}")


def _find(households, references, household):
    for candidate, reference in zip(households, references, strict=True):
        if candidate == household:
            return reference
    raise AssertionError(f"not in the grid: {household}")


def test_the_law_pays_a_pregnant_couple_under_25(openfisca_grid):
    """Art. L262-4 1° CASF: a child to be born meets the age condition; OpenFisca pays nothing."""
    reference = _find(*openfisca_grid, edge_households()[0])
    result = benefits(edge_households()[0])["rsa"]
    assert reference["rsa"] == 0
    assert result["eligible"]
    assert result["monthly_amount"] == pytest.approx(651.69 * 1.5, abs=0.01)


def test_the_law_opens_the_jeune_actif_rsa_at_18(openfisca_grid):
    """Art. L262-7-1 CASF: from 18 years old; OpenFisca requires more than 18."""
    reference = _find(*openfisca_grid, edge_households()[1])
    result = benefits(edge_households()[1])["rsa"]
    assert reference["rsa"] == 0
    assert result["eligible"]
    assert result["monthly_amount"] == pytest.approx(646.52, abs=0.01)  # one person, June 2025


def test_the_contract_examples_agree_with_openfisca_reading_the_housing_every_month(openfisca_grid_v2):
    """The 12 worked examples, computed by OpenFisca with our mapping (the housing benefit in every
    month, the reference months of the prime d'activité included: art. R844-3 CSS)."""
    from .conftest import RIGHTS_EXAMPLES

    households, references = openfisca_grid_v2
    for example in RIGHTS_EXAMPLES:
        reference = _find(households, references, example["input"])
        ours = benefits(example["input"])
        for name in example["expected"]:
            assert _agrees(ours[name], reference[BENEFIT_VARIABLES[name]]), (example["name"], name)
