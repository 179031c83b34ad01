"""Sentences of the allocation de soutien familial (FALC, French source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

from ...explanation import Nn_

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("ASF (allocation de soutien familial)"),
    ("amount", ""): Nn_(
        "Un parent seul reçoit l'ASF quand l'autre parent ne paie pas de pension alimentaire, ou peu. "
        "Pour {n} enfant : {amount} ({per_child} par enfant).",
        "Un parent seul reçoit l'ASF quand l'autre parent ne paie pas de pension alimentaire, ou peu. "
        "Pour {n} enfants : {amount} ({per_child} par enfant).",
    ),
    ("child_support", ""): N_("La pension alimentaire reçue est retirée : on retire {amount}."),
    ("result", ""): N_("L'ASF est d'environ {amount} par mois."),
    ("not_due", ""): N_("Pas d'ASF pour l'instant."),
    # Reasons.
    ("couple", ""): N_("L'ASF est pour un parent qui vit seul. Elle s'arrête en couple."),
    ("children", ""): N_("L'ASF est versée pour un enfant de moins de {age} ans."),
    ("child_support", "covered"): N_(
        "La pension alimentaire reçue ({support}) atteint ou dépasse l'ASF ({full}), de {amount}."
    ),
    ("child_support", "below_minimum"): N_(
        "Avec la pension alimentaire reçue, l'ASF serait de {amount}. En dessous de {minimum}, "
        "elle n'est pas versée."
    ),
}
