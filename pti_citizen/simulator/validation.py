"""Turn any JSON value into a household, or into field-level messages in the user's language.

Pydantic finds what is wrong; this module says it in plain words (fr, en, es, ar). Nothing is
computed from a guess: a doubtful input gets a message, never a default.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, get_args

from pydantic import ValidationError

from pti_citizen.i18n import N_, format_date, translations

from .household import (
    MAX_AGE,
    MAX_CHILD_AGE,
    MAX_CHILDREN,
    MAX_HOURS_IN_3_YEARS,
    MAX_MONTHS,
    MAX_YEARS,
    MIN_ADULT_AGE,
    Audience,
    EstimateInput,
    HousingStatus,
    Nationality,
)
from .parameters import UnknownPeriodError

DOMAIN = "simulator"


BODY = "body"

MESSAGES = {
    "not_object": N_("Envoyez un objet JSON avec les informations du foyer."),
    "invalid_json": N_("Le texte envoyé n'est pas du JSON valide (ligne {line}, colonne {column})."),
    "unreadable": N_("Le texte envoyé ne peut pas être lu. Envoyez un objet JSON simple."),
    "extra": N_("Ce champ n'existe pas. Vérifiez son nom."),
    "missing": N_("Ce champ est obligatoire."),
    "age_type": N_("Indiquez l'âge en années, avec un nombre entier."),
    "age_range": N_("L'âge doit être entre {min} et {max} ans."),
    "child_type": N_("Indiquez l'âge de chaque enfant avec un nombre entier."),
    "child_range": N_("L'âge d'un enfant ou d'une personne à charge doit être entre 0 et {max} ans."),
    "children_type": N_("Indiquez une liste d'âges, par exemple [8, 5]."),
    "children_count": N_("Indiquez au plus {max} enfants ou personnes à charge."),
    "money_type": N_("Indiquez un montant en euros, avec un nombre."),
    "money_negative": N_("Le montant ne peut pas être négatif."),
    "money_too_big": N_("Ce montant est trop grand pour un mois. Vérifiez-le."),
    "not_finite": N_("Indiquez un nombre valide."),
    "bool_type": N_("Indiquez true (oui) ou false (non)."),
    "choice": N_("Choisissez une de ces valeurs : {values}."),
    "month_format": N_("Indiquez le mois sous la forme AAAA-MM, par exemple 2026-10."),
    "month_too_early": N_(
        "Cet outil a les montants depuis le {date} seulement. Choisissez un mois plus récent."
    ),
    "years_range": N_("Indiquez un nombre d'années entre 0 et {max}."),
    "permit_required": N_(
        "Pour une personne hors Union européenne, indiquez depuis combien d'années elle a un titre de séjour."
    ),
    "hours_range": N_("Indiquez un nombre d'heures entre 0 et {max}."),
    "months_range": N_("Indiquez un nombre entier de mois entre 0 et {max}."),
    "person_type": N_("Indiquez un objet avec les informations de la personne."),
    "partner_type": N_(
        "Indiquez un objet avec les informations du conjoint, ou null pour une personne seule."
    ),
    "housing_type": N_("Indiquez un objet avec « status » et « housing_benefit »."),
    "lang_type": N_("Indiquez un code de langue, par exemple « fr »."),
    "family_benefits_type": N_(
        "Indiquez le montant des prestations familiales en euros, ou null pour que l'outil les calcule."
    ),
    "invalid": N_("Cette valeur n'est pas valide."),
    # « Et si je travaille ? »
    "job_number": N_("Indiquez un nombre, par exemple 20 ou 11,50."),
    "job_missing": N_(
        "Indiquez le salaire net par mois, ou bien les heures par semaine et le salaire net par heure."
    ),
    "job_hours_range": N_("Indiquez un nombre d'heures par semaine plus grand que 0 et au plus {max}."),
    "job_wage_range": N_("Indiquez un salaire net par heure plus grand que 0 et au plus {max} €."),
    "job_pay_range": N_("Indiquez un salaire net par mois plus grand que 0 et au plus {max} €."),
}

_MONEY = frozenset(
    {"earned_income", "other_income", "housing_benefit", "family_benefits", "child_support_received"}
)
_BOOLS = frozenset({"student", "refugee", "pregnant", "earned_income_stopped"})
#: The allowed values, read from the input model's types (one definition each).
_CHOICES = {
    "nationality": ", ".join(get_args(Nationality)),
    "status": ", ".join(get_args(HousingStatus)),
    "audience": ", ".join(get_args(Audience)),
}
_RANGE = frozenset({"greater_than_equal", "greater_than", "less_than_equal", "less_than"})
_TYPE = frozenset(
    {
        "int_type",
        "int_parsing",
        "int_from_float",
        "float_type",
        "float_parsing",
        "string_type",
        "bool_type",
        "bool_parsing",
        "list_type",
        "model_type",
        "model_attributes_type",
        "dict_type",
        "none_required",
    }
)


def _message(loc: tuple, kind: str, value: object) -> tuple[str, dict]:
    """Message key and values for one pydantic error, chosen by the field and the kind of error."""
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    is_list_item = bool(loc) and isinstance(loc[-1], int)
    if kind == "extra_forbidden":
        return "extra", {}
    if kind == "missing":
        return "missing", {}
    if kind == "finite_number":
        return "not_finite", {}
    if name == "children":
        if is_list_item:
            return ("child_range", {"max": MAX_CHILD_AGE}) if kind in _RANGE else ("child_type", {})
        return ("children_count", {"max": MAX_CHILDREN}) if kind == "too_long" else ("children_type", {})
    if name == "age":
        return ("age_range", {"min": MIN_ADULT_AGE, "max": MAX_AGE}) if kind in _RANGE else ("age_type", {})
    if name == "family_benefits" and kind in _TYPE:
        return "family_benefits_type", {}
    if name in _MONEY:
        if kind in ("greater_than_equal", "greater_than"):
            return "money_negative", {}
        if kind in ("less_than_equal", "less_than") or (
            isinstance(value, int) and not isinstance(value, bool)
        ):
            return "money_too_big", {}  # an integer too large for a float lands here too
        return "money_type", {}
    if name in _BOOLS:
        return "bool_type", {}
    if name in _CHOICES:
        return "choice", {"values": _CHOICES[name]}
    if name == "month":
        return "month_format", {}
    if name == "residence_permit_years":
        return "years_range", {"max": MAX_YEARS}
    if name == "worked_hours_last_3_years":
        return "hours_range", {"max": MAX_HOURS_IN_3_YEARS}
    if name == "isolated_since_months":
        return "months_range", {"max": MAX_MONTHS}
    if name == "applicant":
        return "person_type", {}
    if name == "partner":
        return "partner_type", {}
    if name == "housing":
        return "housing_type", {}
    if name == "lang":
        return "lang_type", {}
    if not loc and kind in _TYPE:
        return "not_object", {}
    return "invalid", {}


#: Names pydantic gives to the members of ``float | None`` and similar unions in an error's location.
_UNION_MEMBERS = frozenset({"float", "int", "none", "constrained-float", "constrained-int", "function-after"})


def _field_path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or BODY


def _clean(loc: tuple, kind: str) -> tuple:
    """Pydantic may add the name of a union member (e.g. "Person", "float") to a location; it means
    nothing to the user. (An unknown key sent by the user is kept as it is.)"""
    last = len(loc) - 1
    return tuple(
        part
        for index, part in enumerate(loc)
        if not (
            isinstance(part, str)
            and (part[:1].isupper() or part in _UNION_MEMBERS)
            and not (kind == "extra_forbidden" and index == last)
        )
    )


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field, said in the user's language."""

    field: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def text(key: str, lang: str, **values: object) -> str:
    return translations(lang, DOMAIN).gettext(MESSAGES[key]).format(**values)


def field_error_of(field: str, key: str, lang: str, **values: object) -> FieldError:
    return FieldError(field, text(key, lang, **values))


def field_error(field: str, key: str, lang: str, **values: object) -> dict:
    return {"field": field, "message": text(key, lang, **values)}


def translate_errors(error: ValidationError, lang: str) -> list[dict]:
    """One message per field, in ``lang``, in the order pydantic found them."""
    seen: dict[str, dict] = {}
    for item in error.errors(include_url=False):
        kind = item.get("type", "")
        loc = _clean(tuple(item.get("loc", ())), kind)
        field = _field_path(loc)
        if field in seen:
            continue
        key, values = _message(loc, kind, item.get("input"))
        seen[field] = field_error(field, key, lang, **values)
    return list(seen.values())


def requested_language(payload: Any, fallback: str | None) -> str | None:
    """The ``lang`` of the payload when it is a string, else ``fallback`` (Accept-Language, --lang)."""
    if isinstance(payload, dict):
        lang = payload.get("lang")
        if isinstance(lang, str) and lang:
            return lang
    return fallback


def parse_household(payload: Any, lang: str) -> tuple[EstimateInput | None, list[dict]]:
    """Validate ``payload``; the household, or the list of field errors (never an exception)."""
    try:
        household = EstimateInput.model_validate(payload)
    except ValidationError as error:
        return None, translate_errors(error, lang)
    except (RecursionError, ValueError, TypeError, OverflowError, MemoryError):
        return None, [field_error(BODY, "unreadable", lang)]
    errors = []
    for role in ("applicant", "partner"):
        person = getattr(household, role)
        if (
            person is not None
            and person.nationality == "non_eu"
            and not person.refugee
            and person.residence_permit_years is None
        ):
            errors.append(field_error(f"{role}.residence_permit_years", "permit_required", lang))
    return (None, errors) if errors else (household, [])


def month_error(error: UnknownPeriodError, lang: str) -> dict:
    return field_error("month", "month_too_early", lang, date=format_date(error.first_month, lang))


def json_error(line: int, column: int, lang: str) -> dict:
    return field_error(BODY, "invalid_json", lang, line=line, column=column)
