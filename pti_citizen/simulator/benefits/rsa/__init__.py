"""The RSA (revenu de solidarité active): CASF art. L262-1 and following."""

from __future__ import annotations

from ...engine import Benefit, FigureSpec
from ...questions import Need, always, for_partner, per_person
from . import rules, texts
from .parameters import RsaParameters, rsa_table
from .rules import household_rate


def _pregnancy_matters(draft) -> bool:
    """A child to be born meets the age condition under 25 (L262-4 1°) and opens the increase for
    a person living alone (L262-9) when no child is under 3."""
    if draft.no_children:
        if draft.single:
            return True
        ages = [person.age for _, person in draft.adults()]
        return bool(draft.couple) and any(age is not None and age < 25 for age in ages)
    return draft.single and draft.has_children and min(draft.children) >= 3


def _separation_matters(draft) -> bool:
    """Without a child under 3 or a pregnancy, the increase depends on how recent the separation is."""
    return draft.single and draft.has_children and min(draft.children) >= 3 and draft.pregnant is False


def _permit_matters(draft, role: str) -> bool:
    person = draft.person(role)
    return (person.nationality == "non_eu" and person.refugee is False) or person.nationality == "eu"


def _hours_matter(draft, role: str) -> bool:
    """The « RSA jeune actif » (L262-7-1): 18 to 24, no child, not pregnant."""
    age = draft.person(role).age
    return age is not None and 18 <= age < 25 and draft.no_children and draft.pregnant is False


NEEDS = (
    Need("couple", always, "the household scale and the resources of both (L262-2, R262-1)"),
    Need("applicant.age", always, "25 or older, or a child, or RSA jeune actif (L262-4 1°)"),
    Need("partner.age", for_partner(always), "either adult may be the claimant"),
    Need("children", always, "the household scale (R262-1) and the age condition"),
    Need("pregnant", _pregnancy_matters, "a child to be born (L262-4 1°) and the increase (L262-9)"),
    Need("isolated_since_months", _separation_matters, "increase within 18 months (R262-2)"),
    *per_person("nationality", lambda draft, role: True, "residence conditions (L262-4 2°, L262-6)"),
    *per_person("refugee", lambda draft, role: draft.person(role).nationality == "non_eu", "L262-4 2° a)"),
    *per_person(
        "residence_permit_years", _permit_matters, "5 years of permit (L262-4 2°), 3 months (L262-6)"
    ),
    *per_person("student", lambda draft, role: True, "students are excluded (L262-4 3°)"),
    *per_person("worked_hours_last_3_years", _hours_matter, "RSA jeune actif (L262-7-1, D262-25-1)"),
    Need("housing.status", always, "forfait logement in kind (R262-9)"),
    Need(
        "housing.housing_benefit",
        lambda draft: draft.housing_status in ("tenant", "owner_with_loan"),
        "forfait logement (R262-10)",
    ),
    *per_person("earned_income", lambda draft, role: True, "resources (L262-3)"),
    *per_person(
        "earned_income_stopped",
        lambda draft, role: (draft.person(role).earned_income or 0) > 0,
        "neutralisation of earned income stopped for good (R262-13)",
    ),
    *per_person("other_income", lambda draft, role: True, "resources (L262-3)"),
    Need(
        "child_support_received",
        lambda draft: draft.single and draft.has_children,
        "a resource (R262-6); for a parent living alone",
    ),
)


def _scale(adults: int, children: int):
    return lambda p, common: p.montant_forfaitaire * household_rate(adults, children, p)


def _increased(children: int, pregnant_only: bool = False):
    return lambda p, common: (
        p.montant_forfaitaire * (p.majoration_isolement_base + p.majoration_isolement_par_enfant * children)
    )


_SCALE = ("montant_forfaitaire", "majoration_deuxieme_personne", "majoration_personne_supplementaire")
FIGURES = {
    "montant_couple": FigureSpec("Couple sans enfant", "EUR", _scale(2, 0), _SCALE),
    "montant_seul_1_enfant": FigureSpec("Personne seule avec 1 enfant", "EUR", _scale(1, 1), _SCALE),
    "montant_seul_2_enfants": FigureSpec("Personne seule avec 2 enfants", "EUR", _scale(1, 2), _SCALE),
    "montant_seul_3_enfants": FigureSpec(
        "Personne seule avec 3 enfants",
        "EUR",
        _scale(1, 3),
        (*_SCALE, "majoration_enfant_a_partir_du_troisieme"),
    ),
    "montant_couple_1_enfant": FigureSpec("Couple avec 1 enfant", "EUR", _scale(2, 1), _SCALE),
    "montant_couple_2_enfants": FigureSpec("Couple avec 2 enfants", "EUR", _scale(2, 2), _SCALE),
    "montant_couple_3_enfants": FigureSpec(
        "Couple avec 3 enfants", "EUR", _scale(2, 3), (*_SCALE, "majoration_enfant_a_partir_du_troisieme")
    ),
    "montant_par_enfant_supplementaire": FigureSpec(
        "En plus, pour chaque enfant à partir du 3e",
        "EUR",
        lambda p, common: p.montant_forfaitaire * p.majoration_enfant_a_partir_du_troisieme,
        ("montant_forfaitaire", "majoration_enfant_a_partir_du_troisieme"),
    ),
    "montant_majore_enceinte": FigureSpec(
        "Montant majoré : femme enceinte seule",
        "EUR",
        _increased(0),
        ("montant_forfaitaire", "majoration_isolement_base"),
    ),
    "montant_majore_1_enfant": FigureSpec(
        "Montant majoré : parent seul avec 1 enfant",
        "EUR",
        _increased(1),
        ("montant_forfaitaire", "majoration_isolement_base", "majoration_isolement_par_enfant"),
    ),
    "montant_majore_2_enfants": FigureSpec(
        "Montant majoré : parent seul avec 2 enfants",
        "EUR",
        _increased(2),
        ("montant_forfaitaire", "majoration_isolement_base", "majoration_isolement_par_enfant"),
    ),
    "montant_majore_par_enfant": FigureSpec(
        "Montant majoré : en plus, pour chaque enfant",
        "EUR",
        lambda p, common: p.montant_forfaitaire * p.majoration_isolement_par_enfant,
        ("montant_forfaitaire", "majoration_isolement_par_enfant"),
    ),
    "forfait_logement_1_personne": FigureSpec(
        "Forfait logement : 1 personne",
        "EUR",
        lambda p, common: p.forfait_logement[0],
        ("montant_forfaitaire", "forfait_logement_1_personne"),
    ),
    "forfait_logement_2_personnes": FigureSpec(
        "Forfait logement : 2 personnes",
        "EUR",
        lambda p, common: p.forfait_logement[1],
        ("montant_forfaitaire", "majoration_deuxieme_personne", "forfait_logement_2_personnes"),
    ),
    "forfait_logement_3_personnes_ou_plus": FigureSpec(
        "Forfait logement : 3 personnes ou plus",
        "EUR",
        lambda p, common: p.forfait_logement[2],
        (*_SCALE, "forfait_logement_3_personnes_ou_plus"),
    ),
}

BENEFIT = Benefit(
    name="rsa",
    table=rsa_table,
    compute=rules.compute,
    texts=texts.TEXTS,
    questions=NEEDS,
    figures=FIGURES,
    decided_by="rsa",
)

__all__ = ["BENEFIT", "RsaParameters", "rsa_table"]
