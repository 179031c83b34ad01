"""Our engine against OpenFisca-France on a broad seeded grid (several hundred households).

Every household must agree to ±0,02 € with the same eligibility. Where OpenFisca departs from the
law (``grid.DEPARTURES``, each with its CASF article), our engine follows the law; for those
households we check instead that OpenFisca gives exactly what the law gives on ``openfisca_view``
(the household as OpenFisca models it), so that the departure is the documented one and nothing else.
"""

from __future__ import annotations

from collections import Counter

import pytest

from .conftest import run
from .grid import DEPARTURES, edge_households, openfisca_view, rewrite

TOLERANCE = 0.02


def _differs(first: dict, second: dict) -> bool:
    return (
        first["eligible"] is not second["eligible"]
        or abs(first["monthly_amount"] - second["monthly_amount"]) > 0.005
    )


def _disagreement(result: dict, reference: dict) -> str | None:
    eligible = reference["rsa"] > 0
    if result["eligible"] is not eligible:
        return f"eligible {result['eligible']} vs OpenFisca {eligible}"
    if abs(result["monthly_amount"] - reference["rsa"]) > TOLERANCE:
        return f"{result['monthly_amount']} € vs OpenFisca {reference['rsa']} €"
    return None


@pytest.fixture(scope="module")
def compared(openfisca_grid):
    """(household, reference, our result, our result on the OpenFisca view) for every household."""
    households, references = openfisca_grid
    return [
        (household, reference, run(household), run(openfisca_view(household)))
        for household, reference in zip(households, references, strict=True)
    ]


def test_grid_is_broad(compared):
    households = [household for household, *_ in compared]
    assert len(households) >= 400
    assert len({household["month"] for household in households}) >= 30
    statuses = Counter(household["housing"]["status"] for household in households)
    assert set(statuses) == {"tenant", "owner", "owner_with_loan", "housed_free", "homeless"}
    results = [result for _, _, result, _ in compared]
    assert sum(result["eligible"] for result in results) >= 150
    assert sum(not result["eligible"] for result in results) >= 100
    assert sum(result["breakdown"]["increased_for_single_parent"] for result in results) >= 20
    assert sum(result["breakdown"]["housing_flat_rate"] > 0 for result in results) >= 50
    assert any(len(household["children"]) == 5 for household in households)
    assert any(household["partner"] is not None for household in households)


def test_every_household_agrees_with_openfisca(compared):
    failures = []
    for household, reference, result, view in compared:
        checked = view if _differs(result, view) else result
        problem = _disagreement(checked, reference)
        if problem:
            failures.append(f"{problem}: {household}")
    assert not failures, "\n".join(failures[:10])


def test_breakdown_agrees_with_openfisca(compared):
    failures = []
    for household, reference, result, view in compared:
        if _differs(result, view) or not result["eligible"]:
            continue
        breakdown = result["breakdown"]
        expected = {
            "base_amount": max(reference["rsa_socle"], reference["rsa_socle_majore"]),
            "housing_flat_rate": reference["rsa_forfait_logement"],
            "resources_counted": reference["rsa_base_ressources"],
        }
        for name, value in expected.items():
            if abs(breakdown[name] - value) > TOLERANCE:
                failures.append(f"{name} {breakdown[name]} vs OpenFisca {value}: {household}")
    assert not failures, "\n".join(failures[:10])


def test_departures_from_openfisca_are_the_documented_ones(compared):
    """Each household where the law and OpenFisca differ is explained by a listed CASF article."""
    found: Counter = Counter()
    unexplained = []
    for household, _, result, view in compared:
        if not _differs(result, view):
            continue
        causes = [code for code in DEPARTURES if _differs(result, run(rewrite(household, code)))]
        if not causes:
            unexplained.append(household)
        found.update(causes)
    assert not unexplained, unexplained[:5]
    # The edge cases of grid.edge_households() make every documented departure appear.
    assert set(found) == set(DEPARTURES), found
    for code, count in sorted(found.items()):
        reference, law, openfisca = DEPARTURES[code]
        print(f"{code} ({count} households) — {reference}: {law} OpenFisca: {openfisca}")


def _find(compared, household: dict) -> tuple[dict, dict]:
    """Our result and OpenFisca's reference for one edge household of the grid."""
    for candidate, reference, result, _ in compared:
        if candidate == household:
            return result, reference
    raise AssertionError(f"not in the grid: {household}")


def test_the_law_pays_a_pregnant_couple_under_25(compared):
    """Art. L262-4 1° CASF: a child to be born meets the age condition; OpenFisca pays nothing."""
    result, reference = _find(compared, edge_households()[0])
    assert reference["rsa"] == 0
    assert result["eligible"]
    # Couple amount (R262-1: +50 % for the 2nd person); the unborn child is not counted.
    assert result["breakdown"]["base_amount"] == pytest.approx(651.69 * 1.5, abs=0.01)


def test_the_law_opens_the_jeune_actif_rsa_at_18(compared):
    """Art. L262-7-1 CASF: from 18 years old; OpenFisca requires more than 18."""
    result, reference = _find(compared, edge_households()[1])
    assert reference["rsa"] == 0
    assert result["eligible"]
    assert result["monthly_amount"] == pytest.approx(646.52, abs=0.01)  # one person, June 2025
