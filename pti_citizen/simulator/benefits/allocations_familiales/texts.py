"""Sentences of the allocations familiales (FALC, French source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

from ...explanation import Nn_

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("Allocations familiales"),
    ("base", ""): Nn_(
        "Pour {n} enfant de moins de 20 ans, les allocations familiales sont de {amount}.",
        "Pour {n} enfants de moins de 20 ans, les allocations familiales sont de {amount}.",
    ),
    ("base_none", ""): N_("Il n'y a pas assez d'enfants de moins de 20 ans pour le montant de base."),
    ("age_supplement", ""): Nn_(
        "Hausse pour l'âge, pour {n} enfant : on ajoute {amount}.",
        "Hausse pour l'âge, pour {n} enfants : on ajoute {amount}.",
    ),
    ("age_supplement_rule", ""): N_(
        "La hausse pour l'âge est versée à partir de {age} ans, sauf pour l'aîné de 2 enfants."
    ),
    ("age_supplement_rule", "since_2026"): N_(
        "La hausse pour l'âge est versée à partir de {age} ans pour un enfant né avant mars 2012. "
        "Pour un enfant né après, c'est à partir de {new_age} ans. L'aîné de 2 enfants ne l'a pas."
    ),
    ("forfait_20", ""): Nn_(
        "{n} enfant a {age} ans : on ajoute {amount}, pendant un an.",
        "{n} enfants ont {age} ans : on ajoute {amount}, pendant un an.",
    ),
    ("modulation", "half"): N_(
        "Les revenus du foyer en {year} ({income}) dépassent {ceiling} : "
        "le montant est divisé par 2. On retire {amount}."
    ),
    ("modulation", "quarter"): N_(
        "Les revenus du foyer en {year} ({income}) dépassent {ceiling} : "
        "le montant est divisé par 4. On retire {amount}."
    ),
    ("complement_degressif", ""): N_(
        "Les revenus dépassent le plafond de peu : on ajoute un complément de {amount}."
    ),
    ("result", ""): N_("Les allocations familiales sont d'environ {amount} par mois."),
    ("not_due", ""): N_("Pas d'allocations familiales pour l'instant."),
    # Reasons.
    ("children", ""): N_("Il faut au moins {needed} enfants de moins de {age} ans. Le foyer en a {n}."),
}
