"""PAJE allocation de base: a child under 3, under income ceilings (art. L531-3 CSS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...engine import Benefit, FigureSpec
from ...parameters import ParameterTable, Revaluation
from ...questions import FAMILY_NEEDS
from ...rounding import cents
from . import rules, texts
from .rules import PajeParameters


@cache
def table() -> ParameterTable[PajeParameters]:
    return ParameterTable.from_file(
        Path(__file__).with_name("parameters.yaml"),
        PajeParameters,
        name=rules.NAME,
        revaluations=(Revaluation("plafond_taux_plein_base", 1),),
    )


FIGURES = {
    "montant_taux_plein": FigureSpec(
        "Montant à taux plein",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_plein),
        ("taux_plein", "common.bmaf"),
    ),
    "montant_taux_partiel": FigureSpec(
        "Montant à taux partiel",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_plein * p.part_taux_partiel),
        ("taux_plein", "part_taux_partiel", "common.bmaf"),
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
    possible=lambda situation: bool(situation.children),
)
