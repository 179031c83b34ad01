"""Allocation de soutien familial: a parent alone, child support unpaid or low (art. L523-1 CSS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...engine import Benefit, FigureSpec
from ...parameters import ParameterTable
from ...questions import Need, always
from ...rounding import cents
from . import rules, texts
from .rules import AsfParameters


@cache
def table() -> ParameterTable[AsfParameters]:
    """Its amount follows the BMAF (shared values, revalued every 1 April)."""
    return ParameterTable.from_file(
        Path(__file__).with_name("parameters.yaml"), AsfParameters, name=rules.NAME
    )


NEEDS = (
    Need("couple", always, "for a parent living alone (L523-1)"),
    Need("children", always, "children under 20"),
    Need(
        "child_support_received",
        lambda draft: draft.single and draft.has_children,
        "the ASF is reduced by the child support received (ASF différentielle)",
    ),
)

FIGURES = {
    "montant_par_enfant": FigureSpec(
        "Montant par enfant",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_par_enfant),
        ("taux_par_enfant", "common.bmaf"),
    ),
    "montant_compte_par_rsa_et_prime": FigureSpec(
        "Montant compté par le RSA et la prime d'activité, par enfant",
        "EUR",
        lambda p, c: cents(c.bmaf * p.taux_compte_par_rsa_et_prime),
        ("taux_compte_par_rsa_et_prime", "common.bmaf"),
    ),
}

BENEFIT = Benefit(
    name=rules.NAME,
    table=table,
    compute=rules.compute,
    counted=rules.counted,
    texts=texts.TEXTS,
    questions=NEEDS,
    figures=FIGURES,
    family=True,
    counted_as_resource=True,
    possible=lambda situation: situation.single and bool(situation.children),
)
