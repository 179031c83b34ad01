"""Complément familial: 3 children aged 3 to 20, under an income ceiling (art. L522-1 CSS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...engine import Benefit, FigureSpec
from ...parameters import ParameterTable, Revaluation
from ...questions import FAMILY_NEEDS
from ...rounding import cents
from . import rules, texts
from .rules import CfParameters


@cache
def table() -> ParameterTable[CfParameters]:
    return ParameterTable.from_file(
        Path(__file__).with_name("parameters.yaml"),
        CfParameters,
        name=rules.NAME,
        revaluations=(Revaluation("plafond_base", 1),),
    )


FIGURES = {
    "montant": FigureSpec("Montant", "EUR", lambda p, c: cents(c.bmaf * p.taux), ("taux", "common.bmaf")),
    "montant_majore": FigureSpec(
        "Montant majoré", "EUR", lambda p, c: cents(c.bmaf * p.taux_majore), ("taux_majore", "common.bmaf")
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
    possible=lambda situation: len(situation.children) >= 3,
)
