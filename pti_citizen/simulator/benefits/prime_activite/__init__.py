"""Prime d'activité: for workers with modest earnings (art. L841-1 CSS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...engine import Benefit, FigureSpec
from ...parameters import ParameterTable, Revaluation
from ...questions import Need, always, for_partner, per_person
from ...rounding import cents
from ..rsa import NEEDS as RSA_NEEDS
from . import rules, texts
from .rules import PpaParameters


@cache
def table() -> ParameterTable[PpaParameters]:
    """Revalued every 1 April (art. L842-3 CSS); the SMIC is in the shared values."""
    return ParameterTable.from_file(
        Path(__file__).with_name("parameters.yaml"),
        PpaParameters,
        name=rules.NAME,
        revaluations=(Revaluation("montant_forfaitaire", 4),),
        derive=rules.derive,
    )


def _permit_matters(draft, role: str) -> bool:
    person = draft.person(role)
    return person.nationality == "non_eu" and person.refugee is False


NEEDS = (
    Need("couple", always, "household scale (D843-1)"),
    Need("applicant.age", always, "18 or older (L842-2 1°)"),
    Need("partner.age", for_partner(always), "18 or older (L842-2 1°)"),
    Need("children", always, "household scale (D843-1)"),
    *(need for need in RSA_NEEDS if need.field in ("pregnant", "isolated_since_months")),
    *per_person("nationality", lambda draft, role: True, "5 years of permit outside the EU (L842-2 2°)"),
    *per_person("refugee", lambda draft, role: draft.person(role).nationality == "non_eu", "L842-2 2° b)"),
    *per_person("residence_permit_years", _permit_matters, "5 years of permit (L842-2 2°)"),
    *per_person(
        "student",
        lambda draft, role: (draft.person(role).earned_income or 0) > 0,
        "students and apprentices need earnings above 55 % of the SMIC (L842-2 3°)",
    ),
    Need("housing.status", always, "forfait logement in kind (R844-3)"),
    Need(
        "housing.housing_benefit",
        lambda draft: draft.housing_status in ("tenant", "owner_with_loan"),
        "forfait logement (R844-3)",
    ),
    *per_person("earned_income", lambda draft, role: True, "the prime follows earned income (L842-3)"),
    *per_person(
        "earned_income_stopped",
        lambda draft, role: (draft.person(role).earned_income or 0) > 0,
        "income stopped for good: no prime any more",
    ),
    *per_person("other_income", lambda draft, role: True, "resources (L842-4)"),
    Need(
        "child_support_received",
        lambda draft: draft.single and draft.has_children,
        "a resource (L842-4); for a parent living alone",
    ),
)

FIGURES = {
    "bonification_maximale": FigureSpec(
        "Bonification individuelle maximale",
        "EUR",
        lambda p, c: round(p.bonification_taux_maximum * p.montant_forfaitaire, 2),
        ("montant_forfaitaire", "bonification_taux_maximum"),
    ),
    "montant_couple": FigureSpec(
        "Montant forfaitaire pour un couple",
        "EUR",
        lambda p, c: cents(p.montant_forfaitaire * (1 + p.majoration_deuxieme_personne)),
        ("montant_forfaitaire", "majoration_deuxieme_personne"),
    ),
    "seuil_eleve_etudiant_apprenti": FigureSpec(
        "Revenus du travail à dépasser pour un étudiant ou un apprenti",
        "EUR",
        lambda p, c: cents(
            c.part_smic_remuneration_enfant * c.heures_smic_remuneration_enfant * c.smic_horaire_brut
        ),
        (
            "common.part_smic_remuneration_enfant",
            "common.heures_smic_remuneration_enfant",
            "common.smic_horaire_brut",
        ),
    ),
}

BENEFIT = Benefit(
    name=rules.NAME,
    table=table,
    compute=rules.compute,
    texts=texts.TEXTS,
    questions=NEEDS,
    figures=FIGURES,
)
