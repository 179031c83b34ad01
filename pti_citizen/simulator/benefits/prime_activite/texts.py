"""Sentences of the prime d'activité (FALC, French source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

from ...explanation import Nn_, both

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("Prime d'activité"),
    ("reference_months", ""): N_(
        "Pour {month}, la prime d'activité regarde 3 mois de revenus : {m4}, {m3} et {m2}."
    ),
    ("share", ""): N_("On part de {percent} des revenus du travail du foyer ({earnings}) : {amount}."),
    ("bonus", ""): N_(
        "Un bonus s'ajoute pour chaque personne qui gagne plus de {threshold} par mois : on ajoute {amount}."
    ),
    ("lump_sum", "single"): N_("Le montant de base pour une personne seule est de {amount}."),
    ("lump_sum", "couple"): Nn_(
        "Le montant de base pour un foyer de {n} personne est de {amount}.",
        "Le montant de base pour un foyer de {n} personnes est de {amount}.",
    ),
    ("lump_sum", "young_child"): N_(
        "Parent seul avec un enfant de moins de 3 ans : le montant de base monte à {amount}."
    ),
    ("lump_sum", "pregnant"): N_("Femme enceinte seule : le montant de base monte à {amount}."),
    ("lump_sum", "recent_separation"): N_(
        "Parent seul depuis moins de 18 mois : le montant de base monte à {amount}."
    ),
    ("resources", ""): N_(
        "Les revenus du foyer comptent : {amount} (travail, autres revenus, prestations familiales)."
    ),
    ("family_benefits_counted", ""): N_(
        "Dans ces revenus, les prestations familiales comptent pour {amount}."
    ),
    ("housing_flat_rate", ""): N_("Le forfait logement compte aussi : {amount}."),
    ("excess", ""): N_(
        "Les revenus et le forfait logement ({total}) dépassent le montant de base ({lump_sum}) : "
        "on retire la différence, {amount}."
    ),
    ("no_excess", ""): N_(
        "Les revenus et le forfait logement ({total}) ne dépassent pas le montant de base "
        "({lump_sum}) : on ne retire rien."
    ),
    ("month_amount", ""): N_("Calcul pour {month} : {amount}."),
    ("months_differ", ""): N_(
        "Le calcul change d'un mois à l'autre : les montants changent le 1er avril, le SMIC peut "
        "changer, et les enfants grandissent."
    ),
    ("average", ""): N_("La prime d'activité est la moyenne de ces 3 mois : {amount}."),
    ("result", ""): both(
        N_("Vous pouvez toucher environ {amount} de prime d'activité par mois."),
        N_("La personne que vous aidez peut toucher environ {amount} de prime d'activité par mois."),
    ),
    ("not_due", ""): N_("Pas de prime d'activité pour l'instant."),
    # Reasons.
    ("age", ""): N_("La prime d'activité est pour les personnes de {age} ans ou plus."),
    ("residence_permit", ""): N_(
        "Hors Union européenne, il faut un titre de séjour qui permet de travailler depuis {years} ans. "
        "Ce délai ne s'applique pas aux réfugiés ni aux personnes avec une carte de résident."
    ),
    ("no_earned_income", ""): N_(
        "La prime d'activité est pour les personnes qui ont des revenus du travail."
    ),
    ("no_earned_income", "stopped"): N_(
        "Les revenus du travail se sont arrêtés : la prime d'activité s'arrête aussi."
    ),
    ("student", ""): N_(
        "Pour un étudiant ou un apprenti, il faut gagner plus de {threshold} par mois. Il manque {amount}."
    ),
    ("resources_too_high", ""): N_(
        "Les revenus du foyer sont trop hauts pour la prime d'activité, de {amount} par mois."
    ),
    ("below_minimum", ""): N_(
        "Le calcul donne {amount}. En dessous de {minimum}, la prime n'est pas versée."
    ),
}
