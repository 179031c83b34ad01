"""Field-level error bodies, in the person's language: bad input gets an answer, never a crash."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .messages import gettext, suggestions_header
from .models import Commune
from .towns import Problem, QueryProblem


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str


def _problem_message(problem: QueryProblem, lang: str) -> str:
    _ = gettext(lang)
    query = problem.query
    value = problem.value or problem.query
    outside = _("Ce service couvre seulement la Haute-Garonne (31).")
    match problem.code:
        case Problem.EMPTY:
            return _("Écrivez le nom de votre ville ou votre code postal.")
        case Problem.UNKNOWN_TOWN:
            return _("Nous ne trouvons pas « %(query)s » en Haute-Garonne.") % {"query": query}
        case Problem.AMBIGUOUS_TOWN:
            return _("Plusieurs villes correspondent à « %(query)s ». Choisissez votre ville.") % {
                "query": query
            }
        case Problem.UNKNOWN_POSTCODE:
            text = _("Le code postal %(postcode)s n'existe pas en Haute-Garonne.") % {"postcode": value}
            if problem.insee_match is not None:
                text += " " + _(
                    "C'est le code INSEE (numéro officiel de commune) de %(town)s. "
                    "Pour chercher avec ce code, écrivez insee:%(code)s."
                ) % {"town": problem.insee_match.name, "code": problem.insee_match.insee}
            return text
        case Problem.POSTCODE_OUTSIDE:
            return (
                _("Le code postal %(postcode)s n'est pas en Haute-Garonne.") % {"postcode": value}
                + " "
                + outside
            )
        case Problem.UNKNOWN_INSEE:
            return _("Aucune commune de la Haute-Garonne n'a le code INSEE %(code)s.") % {"code": value}
        case Problem.BAD_INSEE:
            return _("Un code INSEE a 5 caractères. Exemple : insee:31483.")
        case Problem.BAD_COORDINATES:
            return _("Ces coordonnées ne sont pas valides. Exemple : 43.6,1.44.")
        case Problem.OUT_OF_AREA:
            return _("Ce point est loin de la Haute-Garonne.") + " " + outside
    return _("Nous ne comprenons pas cette recherche.")


def error_body(errors: list[FieldError], lang: str, suggestions: Iterable[Commune] = ()) -> dict[str, Any]:
    suggestions = list(suggestions)
    return {
        "errors": [{"field": e.field, "code": e.code, "message": e.message} for e in errors],
        "suggestions": [commune.name for commune in suggestions],
        "suggestions_header": suggestions_header(lang) if suggestions else None,
        "suggestion_details": [
            {"name": c.name, "insee": c.insee, "postcodes": list(c.postcodes), "query": f"insee:{c.insee}"}
            for c in suggestions
        ],
        "lang": lang,
    }


def problem_error(problem: QueryProblem, lang: str) -> FieldError:
    """The field error that says what is wrong with a query, in the person's language."""
    return FieldError(problem.field, problem.code.value, _problem_message(problem, lang))
