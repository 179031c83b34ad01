"""One entry point shared by the command, the HTTP endpoint and the web pages.

``estimate_payload`` takes any JSON value and returns ``(200, result)`` or ``(422, errors)``; it
never raises on bad input. The result follows /work/shared/contracts/rsa-simulator.md, plus
extra fields (steps, notices, next steps, freshness of the amounts).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pti_citizen.i18n import normalize_language

from .explanation import render, step_text
from .household import EstimateInput
from .parameters import ParameterTable, UnknownPeriodError, default_table
from .rules import Estimate, estimate
from .validation import month_error, parse_household, requested_language

OK = 200
INVALID = 422


def estimate_household(
    household: EstimateInput, *, today: dt.date | None = None, table: ParameterTable | None = None
) -> Estimate:
    """Figures only (no texts), for a household already validated. Raises UnknownPeriodError."""
    table = table or default_table()
    month = household.month or f"{(today or dt.date.today()):%Y-%m}"
    parameters = table.for_month(int(month[:4]), int(month[5:7]))
    return estimate(household, month, parameters)


def parameters_outdated(result: Estimate, today: dt.date, table: ParameterTable) -> bool:
    """True when the estimate month, or today, is past the next 1 April we have no amounts for."""
    month_start = dt.date(int(result.month[:4]), int(result.month[5:7]), 1)
    return month_start >= table.valid_until or today >= table.valid_until


def step_texts(result: Estimate, lang: str, audience: str = "self") -> list[dict]:
    """The explanation, one dict per step: ``code``, ``effect``, ``amount`` (or None), ``text``."""
    return [
        {
            "code": step.code,
            "effect": step.effect,
            "amount": step.amount,
            "text": step_text(step, lang, audience),
        }
        for step in result.steps
    ]


def notices(
    result: Estimate, household: EstimateInput, lang: str, outdated: bool, table: ParameterTable
) -> list:
    found = []
    if outdated:
        found.append(
            {
                "code": "parameters_outdated",
                "text": render("parameters_outdated", "", lang, "self", None, {"date": table.valid_until}),
            }
        )
    adults = [household.applicant, household.partner]
    if any(person is not None and person.nationality == "eu" for person in adults):
        found.append(
            {
                "code": "eu_right_of_residence",
                "text": render("eu_right_of_residence", "", lang, "self", None, {}),
            }
        )
    return found


def result_json(
    result: Estimate,
    household: EstimateInput,
    lang: str,
    audience: str = "self",
    *,
    today: dt.date | None = None,
    table: ParameterTable | None = None,
) -> dict:
    """The JSON body of a successful estimate (contract fields first, then the extras)."""
    table = table or default_table()
    today = today or dt.date.today()
    steps = step_texts(result, lang, audience)
    reason_codes = set(result.reason_codes)
    outdated = parameters_outdated(result, today, table)
    source = result.parameters.montant_source
    return {
        "month": result.month,
        "eligible": result.eligible,
        "monthly_amount": result.monthly_amount,
        "currency": "EUR",
        "breakdown": {
            "base_amount": result.base_amount,
            "increased_for_single_parent": result.increased_for_single_parent,
            "housing_flat_rate": result.housing_flat_rate,
            "resources_counted": result.resources_counted,
        },
        "reasons": [
            {"code": step["code"], "text": step["text"]} for step in steps if step["code"] in reason_codes
        ],
        "steps": steps,
        "notices": notices(result, household, lang, outdated, table),
        "next_steps": result.next_steps,
        "lang": lang,
        "audience": audience,
        "parameters_valid_until": table.valid_until.isoformat(),
        "parameters_outdated": outdated,
        "parameters_source": {
            "montant_forfaitaire": result.parameters.montant_forfaitaire,
            "since": source.since.isoformat(),
            "text": source.text,
            "url": source.url,
            "confidence": source.confidence,
        },
    }


def estimate_payload(
    payload: Any,
    lang: str | None = None,
    *,
    today: dt.date | None = None,
    table: ParameterTable | None = None,
) -> tuple[int, dict]:
    """Validate and estimate any JSON value: ``(200, result)`` or ``(422, {"errors": [...]})``.

    ``lang`` is the fallback language (Accept-Language header, ``--lang``); a ``"lang"`` string in
    the payload wins. Unknown languages give French.
    """
    language = normalize_language(requested_language(payload, lang))
    household, errors = parse_household(payload, language)
    if household is None:
        return INVALID, {"errors": errors}
    table = table or default_table()
    today = today or dt.date.today()
    try:
        result = estimate_household(household, today=today, table=table)
    except UnknownPeriodError as error:
        return INVALID, {"errors": [month_error(error, language)]}
    return OK, result_json(result, household, language, household.audience, today=today, table=table)
