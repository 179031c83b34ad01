"""The figures content pages show (``<benefit>.<name>``), with their sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import yaml

from pti_citizen.simulator import REGISTRY, Figure, figure, figures
from pti_citizen.simulator.benefits.rsa.parameters import PARAMETERS_FILE
from pti_citizen.simulator.engine import Registry
from pti_citizen.simulator.figures import UnknownFigureError


@pytest.mark.parametrize(
    ("name", "month", "value"),
    [
        ("rsa.montant_forfaitaire", "2026-10", 651.69),
        ("rsa.montant_forfaitaire", "2026-03", 646.52),
        ("rsa.forfait_logement_1_personne", "2026-10", 78.20),  # 12 %, in euros
        ("rsa.forfait_logement_2_personnes", "2026-10", 156.41),
        ("rsa.forfait_logement_3_personnes_ou_plus", "2026-10", 193.55),
        ("rsa.montant_couple", "2026-10", 977.54),
        ("rsa.montant_couple_2_enfants", "2026-10", 1368.55),
        ("rsa.montant_seul_3_enfants", "2026-10", 1433.72),
        ("rsa.montant_majore_1_enfant", "2026-10", 1115.80),
        ("prime_activite.montant_forfaitaire", "2026-10", 638.28),
        ("prime_activite.part_revenus_activite", "2025-03", 0.61),
        ("prime_activite.montant_minimum_verse", "2026-10", 15),
        ("allocations_familiales.montant_2_enfants", "2026-10", 153.01),
        ("asf.montant_par_enfant", "2026-10", 201.78),
        ("paje_base.montant_taux_plein", "2026-10", 199.15),
        ("common.bmaf", "2026-10", 478.16),
    ],
)
def test_figures_in_force_in_a_month(name, month, value):
    found = figure(name, month)
    assert isinstance(found, Figure)
    assert found.value == pytest.approx(value, abs=0.005)
    assert found.sources and all(source.url.startswith("https://") for source in found.sources)


def test_a_figure_cites_the_decree_in_force():
    found = figure("rsa.montant_forfaitaire", dt.date(2025, 6, 1))
    assert found.sources[0].text.startswith("Décret n° 2025-293")
    assert found.sources[0].since == dt.date(2025, 4, 1)
    assert found.unit == "EUR"


def test_every_figure_can_be_read():
    every = figures("2026-10")
    assert len(every) > 80
    assert all(isinstance(item.value, int | float) for item in every.values())


def test_unknown_figures_are_refused():
    with pytest.raises(UnknownFigureError):
        figure("rsa.nothing", "2026-10")
    with pytest.raises(UnknownFigureError):
        figure("nothing.montant", "2026-10")


def test_a_figure_says_since_when_and_until_when_it_holds():
    found = figure("rsa.forfait_logement_1_personne", "2026-10")
    assert found.since == dt.date(2026, 4, 1)  # the latest start of the values it uses
    assert found.valid_until == dt.date(2027, 4, 1)  # the montant forfaitaire's next revaluation
    # Not revalued on a date: no freshness limit; the SMIC is revalued on 1 January.
    assert figure("rsa.majoration_isolement_delai_demande_mois", "2026-10").valid_until == dt.date.max
    assert figure("prime_activite.seuil_eleve_etudiant_apprenti", "2026-10").valid_until == dt.date(
        2027, 1, 1
    )
    assert figure("asf.montant_par_enfant", "2026-10").valid_until == dt.date(2027, 4, 1)  # the BMAF's


def test_figures_of_another_registry_read_its_tables(tmp_path):
    """A revaluation tried before it is published: the same benefits, one table read from a copy."""
    table = REGISTRY.tables["rsa"]
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    raw["montant_forfaitaire"]["values"].append(
        {
            "from": dt.date(2027, 4, 1),
            "value": 660.0,
            "source": "Test",
            "url": "https://example.org",
            "confidence": "official",
        }
    )
    copy = tmp_path / "parameters.yaml"
    copy.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    revalued = table.reading(copy)
    registry = Registry(tuple(replace(b, table=lambda: revalued) if b.name == "rsa" else b for b in REGISTRY))
    assert figure("rsa.montant_couple", "2027-05", registry).value == 990.0
    assert figure("rsa.montant_couple", "2027-05").value == 977.54
    assert figure("rsa.montant_forfaitaire", "2027-05", registry).valid_until == dt.date(2028, 4, 1)
    assert figures("2027-05", registry)["rsa.forfait_logement_1_personne"].value == 79.2
