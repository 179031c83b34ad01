"""The figures content pages show (``<benefit>.<name>``), with their sources."""

from __future__ import annotations

import datetime as dt

import pytest

from pti_citizen.simulator import Figure, figure, figures
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
