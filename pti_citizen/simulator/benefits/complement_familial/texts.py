"""Sentences of the complément familial (FALC, French source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

from ...explanation import Nn_

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("Complément familial"),
    ("amount", ""): Nn_(
        "Le foyer a {n} enfant de 3 ans ou plus. Ses revenus de {year} ({income}) sont sous le plafond "
        "de {ceiling}. Le complément familial est de {amount}.",
        "Le foyer a {n} enfants de 3 ans ou plus. Ses revenus de {year} ({income}) sont sous le plafond "
        "de {ceiling}. Le complément familial est de {amount}.",
    ),
    ("amount", "differential"): N_(
        "Les revenus de {year} ({income}) dépassent un peu le plafond de {ceiling}. "
        "Le complément familial est réduit à {amount}."
    ),
    ("increased", ""): N_(
        "Les revenus de {year} ({income}) sont sous {ceiling} : le complément familial est majoré, "
        "à {amount}."
    ),
    ("counted_info", ""): N_("Le RSA et la prime d'activité comptent seulement {amount} de ce montant."),
    ("result", ""): N_("Le complément familial est d'environ {amount} par mois."),
    ("not_due", ""): N_("Pas de complément familial pour l'instant."),
    # Reasons.
    ("children", ""): N_("Il faut au moins {needed} enfants de {age} à {limit} ans. Le foyer en a {n}."),
    ("resources", ""): N_(
        "Les revenus du foyer en {year} ({income}) dépassent le plafond de {ceiling}, de {amount}."
    ),
    ("paje", ""): N_(
        "Le complément familial n'est pas versé en même temps que l'allocation de base de la PAJE."
    ),
}
