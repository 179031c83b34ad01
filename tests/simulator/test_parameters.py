"""Dated parameters: every value sourced, the month picks the values, the freshness date."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from pti_citizen.simulator.parameters import (
    PARAMETER_NAMES,
    PARAMETERS_FILE,
    ParameterTable,
    UnknownPeriodError,
    default_table,
    next_revaluation_after,
)

from .conftest import TODAY, run
from .grid import _adult, _household

RAW = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))


def test_every_value_has_a_start_date_and_a_source():
    assert set(PARAMETER_NAMES) <= set(RAW)
    for name, parameter in RAW.items():
        assert parameter["label"], name
        for entry in parameter["values"]:
            assert isinstance(entry["from"], dt.date), name
            assert entry["source"].strip(), name
            assert entry["url"].startswith("https://"), name
            assert entry["confidence"] in {"official", "openfisca", "to_check"}, name


def test_montant_forfaitaire_history():
    history = {since: value for since, value, _ in default_table().history("montant_forfaitaire")}
    assert history[dt.date(2024, 4, 1)] == 635.71
    assert history[dt.date(2025, 4, 1)] == 646.52
    assert history[dt.date(2026, 4, 1)] == 651.69


def test_values_change_on_their_start_date():
    table = default_table()
    assert table.for_month(2026, 3).montant_forfaitaire == 646.52
    assert table.for_month(2026, 4).montant_forfaitaire == 651.69
    assert table.for_month(2026, 4).montant_source.text.startswith("Décret n° 2026-220")


def test_a_month_before_the_first_value_is_refused():
    table = default_table()
    assert table.first_day == dt.date(2023, 4, 1)
    with pytest.raises(UnknownPeriodError):
        table.for_month(2023, 3)


def test_a_month_before_the_first_value_is_a_field_error():
    from pti_citizen.simulator import estimate_payload

    status, body = estimate_payload(_household("2023-03", _adult(40)), today=TODAY)
    assert status == 422
    assert body["errors"][0]["field"] == "month"
    assert "depuis le 1er avril 2023" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 1), dt.date(2027, 4, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 4, 1)),
        (dt.date(2025, 12, 1), dt.date(2026, 4, 1)),
    ],
)
def test_next_revaluation(day, expected):
    assert next_revaluation_after(day) == expected


def test_parameters_are_valid_until_the_next_1_april():
    assert default_table().valid_until == dt.date(2027, 4, 1)
    assert run(_household("2026-10", _adult(40)))["parameters_valid_until"] == "2027-04-01"


def test_a_new_revaluation_moves_the_date(tmp_path):
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    raw["montant_forfaitaire"]["values"].append(
        {"from": dt.date(2027, 4, 1), "value": 700.0, "source": "test", "url": "https://example.org"}
    )
    table = ParameterTable(raw)
    assert table.valid_until == dt.date(2028, 4, 1)
    assert table.for_month(2027, 4).montant_forfaitaire == 700.0
    assert table.for_month(2027, 3).montant_forfaitaire == 651.69


@pytest.mark.parametrize(
    ("month", "today", "outdated"),
    [
        ("2026-10", TODAY, False),
        ("2027-03", TODAY, False),
        ("2027-04", TODAY, True),  # the month of the estimate is after the next 1 April
        ("2026-10", dt.date(2027, 4, 1), True),  # today is after it
    ],
)
def test_the_result_says_when_amounts_may_be_outdated(month, today, outdated):
    result = run(_household(month, _adult(40)), today=today)
    assert result["parameters_outdated"] is outdated
    notices = [notice["code"] for notice in result["notices"]]
    assert ("parameters_outdated" in notices) is outdated
    if outdated:
        assert "1er avril 2027" in result["notices"][0]["text"]


def test_the_default_month_is_the_current_month():
    household = _household("2026-10", _adult(40))
    del household["month"]
    assert run(household, today=dt.date(2025, 6, 15))["month"] == "2025-06"
    assert run(household, today=dt.date(2025, 6, 15))["monthly_amount"] == 646.52


def test_the_source_of_the_amount_is_given():
    source = run(_household("2025-06", _adult(40)))["parameters_source"]
    assert source == {
        "montant_forfaitaire": 646.52,
        "since": "2025-04-01",
        "text": "Décret n° 2025-293 du 29 mars 2025, art. 1",
        "url": "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000051393086",
        "confidence": "official",
    }
