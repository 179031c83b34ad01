"""Plain-language sentences for every step, reason and notice, in the user's language.

French is the source language (the msgids); en, es and ar come from the ``simulator`` gettext
domain. Each benefit keeps its sentences in its own ``texts.py``; the sentences shared by every
benefit (notices, assumptions, who decides, the benefits' names) are here. Sentences that speak to
the reader exist twice: « vous » (``self``) and « la personne que vous aidez » (``helper``, when a
relative or a mediator fills the form for someone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from babel.numbers import format_percent

from pti_citizen.i18n import (
    N_,
    format_date,
    format_euros,
    format_month_year,
    format_number,
    normalize_language,
    translations,
)

from .period import Month
from .results import Step

DOMAIN = "simulator"
AUDIENCES = ("self", "helper")
COMMON = "common"


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (``pybabel extract -k Nn_:1,2``)."""
    return singular, plural


def both(self_text: object, helper_text: object) -> dict[str, object]:
    """The same sentence for the person (« vous ») and for a helper (« la personne que vous aidez »)."""
    return {"self": self_text, "helper": helper_text}


#: Sentences shared by every benefit: names, who decides, notices and assumptions.
COMMON_TEXTS: dict[tuple[str, str], object] = {
    # Who studies the claim and decides (never « seule la CAF décide » for the RSA).
    ("decided_by", "rsa"): N_(
        "C'est une estimation. La CAF ou la MSA étudie la demande et calcule le montant. "
        "Le Président du Conseil départemental accorde le RSA."
    ),
    ("decided_by", "caf_msa"): N_(
        "C'est une estimation. La CAF ou la MSA étudie la demande, calcule le montant et le verse."
    ),
    # Notices.
    ("parameters_outdated", ""): N_(
        "Les montants des aides changent chaque année. "
        "Cet outil n'a pas encore les montants du {date}. Le résultat peut être un peu différent."
    ),
    ("eu_right_of_residence", ""): N_(
        "Pour un citoyen européen, la CAF vérifie aussi le droit au séjour en France."
    ),
    ("regular_stay", ""): N_(
        "Pour les prestations familiales, la CAF vérifie aussi que le séjour en France est régulier."
    ),
    ("resignation", ""): both(
        N_(
            "Si vous avez démissionné, vos revenus du travail peuvent compter quand même. "
            "Le Président du Conseil départemental décide."
        ),
        N_(
            "Si la personne que vous aidez a démissionné, ses revenus du travail peuvent compter quand même. "
            "Le Président du Conseil départemental décide."
        ),
    ),
    ("quarterly_declaration", ""): N_(
        "Le RSA et la prime d'activité sont calculés tous les 3 mois, avec la déclaration trimestrielle. "
        "Pour {month}, la CAF ou la MSA regarde 3 mois de revenus : {m4}, {m3} et {m2}."
    ),
    # Assumptions the estimate makes (the contract's).
    ("same_every_month", ""): N_("Nous comptons les mêmes revenus chaque mois."),
    ("family_benefits_estimated", ""): N_(
        "Nous calculons les prestations familiales avec les revenus de {year}. "
        "Nous prenons 12 fois les revenus d'un mois."
    ),
    ("children_at_home", ""): N_(
        "Nous comptons que chaque enfant vit au foyer tout le temps et n'a pas de revenu."
    ),
    ("family_benefits_given", ""): N_(
        "Le montant des prestations familiales est donné : l'outil ne les calcule pas."
    ),
    # « Et si je travaille ? »
    ("what_if", "more"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez environ {difference} de plus chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait environ {difference} "
            "de plus chaque mois."
        ),
    ),
    ("what_if", "same"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez à peu près la même somme chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait à peu près la même "
            "somme chaque mois."
        ),
    ),
    ("what_if", "less"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez environ {difference} de moins chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait environ {difference} "
            "de moins chaque mois."
        ),
    ),
    ("what_if_delay", ""): N_(
        "Le RSA et la prime d'activité suivent les déclarations de chaque trimestre. "
        "Ils changent avec un retard de 2 à 4 mois après le début du travail."
    ),
    ("what_if_estimate", ""): N_(
        "C'est une estimation, avec les mêmes revenus chaque mois. La CAF ou la MSA calcule le montant exact."
    ),
}

#: Step and reason parameters that are money (formatted as euros in the user's language).
MONEY_PARAMS = frozenset(
    {
        "amount",
        "flat_rate",
        "minimum",
        "excess",
        "computed",
        "ceiling",
        "income",
        "support",
        "per_child",
        "share",
        "bonus",
        "earnings",
        "resources",
        "threshold",
        "gap",
        "full",
        "reduced",
        "pay",
        "difference",
        "total",
        "lump_sum",
    }
)


def _texts(scope: str) -> Mapping[tuple[str, str], object]:
    if scope == COMMON:
        return COMMON_TEXTS
    from .benefits import REGISTRY

    return REGISTRY[scope].texts


@lru_cache(maxsize=4096)
def money(amount: float, lang: str) -> str:
    """CLDR money format (``651,69 €``); cached because the same amounts come back often."""
    return format_euros(amount, lang)


def _format_value(name: str, value: object, lang: str) -> object:
    """One parameter formatted for ``lang``."""
    if isinstance(value, Month):
        return format_month_year(value.first_day, lang)
    if name in MONEY_PARAMS and isinstance(value, int | float):
        return money(float(value), lang)
    if name == "month":
        return format_month_year(Month.parse(str(value)).first_day, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if name == "hours":
        return format_number(value, lang, 0)
    if name == "percent":
        return format_percent(value, locale=normalize_language(lang), decimal_quantization=False)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@lru_cache(maxsize=8192)
def _formatted(name: str, value: object, lang: str) -> object:
    return _format_value(name, value, lang)


def _format(name: str, value: object, lang: str) -> object:
    try:
        return _formatted(name, value, lang)
    except TypeError:  # unhashable (never in practice): format without the cache
        return _format_value(name, value, lang)


@lru_cache(maxsize=4096)
def _template(scope: str, code: str, variant: str, lang: str, audience: str, count: int) -> str:
    """The translated sentence with its placeholders (cached per language, audience and count)."""
    entry = _texts(scope)[(code, variant)]
    if isinstance(entry, dict):
        entry = entry[audience if audience in entry else "self"]
    catalog = translations(lang, DOMAIN)
    if isinstance(entry, tuple):
        return catalog.ngettext(entry[0], entry[1], count)
    return catalog.gettext(entry)


def render(
    scope: str,
    code: str,
    variant: str,
    lang: str,
    audience: str = "self",
    amount: float | None = None,
    params: Mapping[str, Any] | None = None,
) -> str:
    """The sentence ``(code, variant)`` of ``scope`` (a benefit's name, or ``"common"``)."""
    params = params or {}
    count = int(params.get("n", 0))
    values = {name: _format(name, value, lang) for name, value in params.items()}
    if amount is not None:
        values["amount"] = money(amount, lang)
    values["n"] = count
    return _template(scope, code, variant, lang, audience, count).format(**values)


def step_text(scope: str, step: Step, lang: str, audience: str = "self") -> str:
    return render(scope, step.code, step.variant, lang, audience, step.amount, step.params)


def label(benefit: str, lang: str) -> str:
    """The benefit's name in ``lang`` (its ``("label", "")`` sentence)."""
    return render(benefit, "label", "", lang)


def all_entries() -> list[tuple[str, tuple[str, str], object]]:
    """Every (scope, key, entry): the shared sentences and those of every registered benefit."""
    from .benefits import REGISTRY

    entries = [(COMMON, key, entry) for key, entry in COMMON_TEXTS.items()]
    for benefit in REGISTRY:
        entries.extend((benefit.name, key, entry) for key, entry in benefit.texts.items())
    return entries


def all_msgids() -> list[str]:
    """Every French source sentence (for the translation checks)."""
    messages: list[str] = []
    for _, _, entry in all_entries():
        variants = entry.values() if isinstance(entry, dict) else [entry]
        for variant in variants:
            messages.extend(variant if isinstance(variant, tuple) else [variant])
    return messages
