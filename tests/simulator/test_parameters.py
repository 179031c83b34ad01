"""Dated parameters: every value sourced, the month picks the values, the freshness date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import pti_citizen.simulator as simulator
from pti_citizen.simulator import REGISTRY
from pti_citizen.simulator.benefits.rsa.parameters import PARAMETERS_FILE, RsaParameters, _derive
from pti_citizen.simulator.common import common_table, reference_months
from pti_citizen.simulator.parameters import (
    CONFIDENCES,
    ParameterTable,
    Revaluation,
    UnknownPeriodError,
    default_table,
    next_revaluation_after,
)
from pti_citizen.simulator.period import Month

from .conftest import TODAY, run
from .grid import _adult, _household

PACKAGE = Path(simulator.__file__).parent
FILES = sorted(PACKAGE.rglob("parameters.yaml"))


def test_every_benefit_and_the_shared_values_have_a_file():
    folders = {path.parent.name for path in FILES}
    assert folders == {benefit.name for benefit in REGISTRY} | {"common"}


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.parent.name)
def test_every_value_has_a_start_date_and_a_source(path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, parameter in raw.items():
        assert parameter["label"], name
        assert parameter["unit"], name
        for entry in parameter["values"]:
            assert isinstance(entry["from"], dt.date), name
            assert entry["source"].strip(), name
            assert entry["url"].startswith("https://"), name
            assert entry["confidence"] in CONFIDENCES, name


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.parent.name)
def test_every_value_in_the_file_is_read(path):
    """No parameter in a file that the rules do not read (the unused one of version 1 is gone)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    table = common_table() if path.parent.name == "common" else REGISTRY.tables[path.parent.name]
    assert set(raw) == set(table.names)


def test_the_tables_reach_back_to_what_the_first_month_reads():
    """An estimate for the first month reads the prime d'activité's months M-4..M-2 and the income
    of year N-2: every table must have values that far back."""
    first = Month.of(REGISTRY.first_day)
    assert REGISTRY.first_day == dt.date(2023, 4, 1)
    for month in (first, *reference_months(first)):
        for table in (*REGISTRY.tables.values(), common_table()):
            table.at(month)
    result = run(_household("2023-04", _adult(40, earned_income=900), children=[4, 1], family_benefits=None))
    assert result["benefits"]["prime_activite"]["eligible"]


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


def test_the_prime_d_activite_rate_in_force_each_month():
    ppa = REGISTRY.tables["prime_activite"]
    assert ppa.for_month(2025, 3).part_revenus_activite == 0.61
    assert ppa.for_month(2025, 4).part_revenus_activite == 0.5985
    assert ppa.for_month(2026, 4).montant_forfaitaire == 638.28


def test_months_with_the_same_values_share_one_object():
    table = REGISTRY.tables["prime_activite"]
    assert table.for_month(2026, 5) is table.for_month(2026, 8)
    assert table.for_month(2026, 3) is not table.for_month(2026, 4)


def test_a_month_before_the_first_value_is_refused():
    assert default_table().first_day == REGISTRY.first_day == dt.date(2023, 4, 1)
    with pytest.raises(UnknownPeriodError):
        default_table().for_month(2022, 3)  # no montant forfaitaire held that early
    with pytest.raises(UnknownPeriodError):
        simulator.service.compute(simulator.parse_household(_household("2023-03", _adult(40)), "fr")[0])


def test_a_month_before_the_first_value_is_a_field_error():
    status, body = simulator.estimate_payload(_household("2023-03", _adult(40)), today=TODAY)
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


def test_the_rsa_amounts_are_valid_until_the_next_1_april():
    assert default_table().valid_until == dt.date(2027, 4, 1)


def test_the_engine_is_valid_until_the_next_yearly_change_of_any_value():
    """The SMIC and the family benefits' ceilings change on 1 January: 2027-01-01 today."""
    assert REGISTRY.valid_until == dt.date(2027, 1, 1)
    assert run(_household("2026-10", _adult(40)))["parameters_valid_until"] == "2027-01-01"


def test_a_new_revaluation_moves_the_date():
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    raw["montant_forfaitaire"]["values"].append(
        {"from": dt.date(2027, 4, 1), "value": 700.0, "source": "test", "url": "https://example.org"}
    )
    table = ParameterTable(
        raw, RsaParameters, name="rsa", revaluations=(Revaluation("montant_forfaitaire", 4),), derive=_derive
    )
    assert table.valid_until == dt.date(2028, 4, 1)
    assert table.for_month(2027, 4).montant_forfaitaire == 700.0
    assert table.for_month(2027, 3).montant_forfaitaire == 651.69


@pytest.mark.parametrize(
    ("month", "today", "outdated"),
    [
        ("2026-10", TODAY, False),
        ("2026-12", TODAY, False),
        ("2027-01", TODAY, True),  # the month of the estimate is after the next 1 January
        ("2026-10", dt.date(2027, 1, 1), True),  # today is after it
    ],
)
def test_the_result_says_when_amounts_may_be_outdated(month, today, outdated):
    result = run(_household(month, _adult(40)), today=today)
    assert result["parameters_outdated"] is outdated
    notices = [notice["code"] for notice in result["notices"]]
    assert ("parameters_outdated" in notices) is outdated
    if outdated:
        assert "1er janvier 2027" in result["notices"][0]["text"]


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


def test_a_table_read_from_another_file_keeps_its_revaluations_and_derived_values(tmp_path):
    table = default_table()
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    raw["montant_forfaitaire"]["values"].append(
        {"from": dt.date(2027, 4, 1), "value": 660.0, "source": "Test", "url": "https://example.org"}
    )
    copy = tmp_path / "parameters.yaml"
    copy.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    revalued = table.reading(copy)
    assert revalued.first_day == table.first_day and revalued.name == "rsa"
    assert revalued.valid_until == dt.date(2028, 4, 1)
    assert revalued.for_month(2027, 4).forfait_logement[0] == pytest.approx(79.2)
    assert table.for_month(2027, 4).montant_forfaitaire == 651.69  # the shipped table is untouched


def test_only_a_revalued_parameter_has_a_freshness_limit():
    table = default_table()
    assert table.valid_until_of("montant_forfaitaire") == table.valid_until == dt.date(2027, 4, 1)
    assert table.valid_until_of("age_minimum") == dt.date.max
    assert common_table().valid_until_of("bmaf") == dt.date(2027, 4, 1)
    assert common_table().valid_until_of("smic_horaire_brut") == dt.date(2027, 1, 1)
