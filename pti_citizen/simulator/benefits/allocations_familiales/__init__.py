"""Allocations familiales: from the 2nd child under 20 (art. L521-1 CSS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...engine import Benefit, FigureSpec
from ...parameters import ParameterTable, Revaluation
from ...questions import FAMILY_NEEDS
from ...rounding import cents
from . import rules, texts
from .rules import AfParameters


@cache
def table() -> ParameterTable[AfParameters]:
    """The BMAF is revalued on 1 April (shared values); the ceilings every 1 January."""
    return ParameterTable.from_file(
        Path(__file__).with_name("parameters.yaml"),
        AfParameters,
        name=rules.NAME,
        revaluations=(Revaluation("plafond_tranche_1_base", 1),),
    )


FIGURES = {
    "montant_2_enfants": FigureSpec(
        "2 enfants",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_deuxieme_enfant),
        ("taux_deuxieme_enfant", "common.bmaf"),
    ),
    "montant_3_enfants": FigureSpec(
        "3 enfants",
        "EUR",
        lambda p, c: cents(c.bmaf * (p.taux_deuxieme_enfant + p.taux_par_enfant_a_partir_du_troisieme)),
        ("taux_deuxieme_enfant", "taux_par_enfant_a_partir_du_troisieme", "common.bmaf"),
    ),
    "montant_par_enfant_supplementaire": FigureSpec(
        "Par enfant en plus, à partir du 4e",
        "EUR",
        lambda p, c: c.bmaf * p.taux_par_enfant_a_partir_du_troisieme,
        ("taux_par_enfant_a_partir_du_troisieme", "common.bmaf"),
    ),
    "majoration_age": FigureSpec(
        "Hausse pour l'âge, par enfant",
        "EUR",
        lambda p, c: c.bmaf * p.taux_majoration_age,
        ("taux_majoration_age", "common.bmaf"),
    ),
    "allocation_forfaitaire": FigureSpec(
        "Allocation forfaitaire pour un enfant de 20 ans",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_allocation_forfaitaire),
        ("taux_allocation_forfaitaire", "common.bmaf"),
    ),
}

BENEFIT = Benefit(
    name=rules.NAME,
    table=table,
    compute=rules.compute,
    counted=rules.counted,
    texts=texts.TEXTS,
    questions=FAMILY_NEEDS,
    figures=FIGURES,
    family=True,
    counted_as_resource=True,
    possible=lambda situation: len(situation.children) >= 2,
)
