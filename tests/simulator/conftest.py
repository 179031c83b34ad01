"""Shared fixtures: a fixed "today", and OpenFisca-France built once per test session."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pti_citizen.simulator import estimate_payload

from . import grid, openfisca_reference

DATA = Path(__file__).parent / "data"
#: The contract's worked examples (copies, see data/README.md).
RSA_EXAMPLES = json.loads((DATA / "rsa-examples.json").read_text(encoding="utf-8"))
RIGHTS_EXAMPLES = json.loads((DATA / "rights-examples.json").read_text(encoding="utf-8"))

#: Tests run as if on the day the rules were compiled, so results never depend on the clock.
TODAY = dt.date(2026, 11, 29)


def run(payload, lang: str | None = None, today: dt.date = TODAY) -> dict:
    """Estimate a valid payload (fails the test on a 422)."""
    status, body = estimate_payload(payload, lang, today=today)
    assert status == 200, body
    return body


def plain_spaces(text: str) -> str:
    """CLDR formats use no-break spaces (``651,69\u00a0€``, ``3\u202f214``); compare with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="session")
def openfisca_system():
    """The OpenFisca-France tax-benefit system: about 3 s to build, so only once."""
    return openfisca_reference.tax_benefit_system()


@pytest.fixture(scope="session")
def openfisca_grid(openfisca_system):
    """Version 1's seeded grid plus its edge cases (family benefits pinned), with OpenFisca's RSA and
    prime d'activité (one simulation)."""
    households = grid.households() + grid.edge_households()
    return households, openfisca_reference.compute(
        households, outputs=(*openfisca_reference.V1_OUTPUTS, "ppa")
    )


@pytest.fixture(scope="session")
def openfisca_grid_v2(openfisca_system):
    """Version 2's seeded grid, its edge cases and the contract's examples, with OpenFisca's six
    benefits (one simulation for the estimated family benefits, one for the pinned ones)."""
    examples = [example["input"] for example in RIGHTS_EXAMPLES]
    households = grid.households_v2() + grid.edge_households_v2() + examples
    return households, openfisca_reference.compute(households)
