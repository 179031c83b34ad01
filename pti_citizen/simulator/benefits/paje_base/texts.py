"""Sentences of the PAJE allocation de base (FALC, French source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("Allocation de base de la PAJE (prestation d'accueil du jeune enfant)"),
    ("amount", "full"): N_(
        "Le foyer a un enfant de moins de {age} ans. Ses revenus de {year} ({income}) sont sous "
        "{ceiling} : l'allocation de base est de {amount}."
    ),
    ("amount", "partial"): N_(
        "Le foyer a un enfant de moins de {age} ans. Ses revenus de {year} ({income}) dépassent "
        "{full_ceiling} : l'allocation de base est réduite de moitié, à {amount}."
    ),
    ("result", ""): N_("L'allocation de base de la PAJE est d'environ {amount} par mois."),
    ("not_due", ""): N_("Pas d'allocation de base de la PAJE pour l'instant."),
    # Reasons.
    ("no_young_child", ""): N_("Elle est versée pour un enfant de moins de {age} ans."),
    ("resources", ""): N_(
        "Les revenus du foyer en {year} ({income}) dépassent le plafond de {ceiling}, de {amount}."
    ),
}
