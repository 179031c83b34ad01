"""The JSON edge, shared by the command and the HTTP endpoint (the web pages use ``service.py``).

``estimate_payload`` takes any JSON value and returns ``(200, result)`` or ``(422, errors)``; it
never raises on bad input. The result follows the contract: version 1's fields (the RSA's
``eligible``, ``monthly_amount``, ``breakdown``, ``reasons``) and version 2's ``benefits`` object,
plus extras (steps, notices, assumptions, next steps, freshness of the amounts).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pti_citizen.i18n import normalize_language

from . import service
from .household import EstimateInput
from .parameters import UnknownPeriodError
from .results import RightsResult
from .service import BenefitEstimate, RightsEstimate
from .validation import month_error, parse_household, requested_language

OK = 200
INVALID = 422


def estimate_household(household: EstimateInput, *, today: dt.date | None = None) -> RightsResult:
    """Figures only (no texts), for a household already validated. Raises UnknownPeriodError."""
    return service.compute(household, today=today)


def _benefit_json(benefit: BenefitEstimate) -> dict:
    return {
        "label": benefit.label,
        "eligible": benefit.eligible,
        "monthly_amount": benefit.monthly_amount,
        "steps": [
            {"code": code, "effect": effect, "amount": amount, "text": text}
            for code, effect, amount, text in benefit.steps
        ],
        "reasons": [{"code": code, "text": text, "amount": amount} for code, text, amount in benefit.reasons],
        "next_steps": list(benefit.next_steps),
        "decided_by": benefit.decided_by,
    }


def result_json(estimate: RightsEstimate) -> dict:
    """The JSON body of a successful estimate: version 1's fields first, then version 2's."""
    rsa = estimate.figures.benefits["rsa"]
    benefits = {benefit.name: _benefit_json(benefit) for benefit in estimate.benefits}
    details = rsa.details
    source = details["parameters"].montant_source
    return {
        "month": str(estimate.month),
        "eligible": rsa.eligible,
        "monthly_amount": rsa.monthly_amount,
        "currency": "EUR",
        "breakdown": {
            "base_amount": details["base_amount"],
            "increased_for_single_parent": details["increased_for_single_parent"],
            "housing_flat_rate": details["housing_flat_rate"],
            "resources_counted": details["resources_counted"],
        },
        "reasons": [
            {"code": reason["code"], "text": reason["text"]} for reason in benefits["rsa"]["reasons"]
        ],
        "steps": benefits["rsa"]["steps"],
        "notices": [{"code": notice.code, "text": notice.text} for notice in estimate.notices],
        "next_steps": list(rsa.next_steps),
        "lang": estimate.lang,
        "audience": estimate.audience,
        "parameters_valid_until": estimate.parameters_valid_until.isoformat(),
        "parameters_outdated": estimate.parameters_outdated,
        "parameters_source": {
            "montant_forfaitaire": details["parameters"].montant_forfaitaire,
            "since": source.since.isoformat(),
            "text": source.text,
            "url": source.url,
            "confidence": source.confidence,
        },
        "benefits": benefits,
        "total_monthly_amount": estimate.total_monthly_amount,
        "family_benefits_estimated": estimate.family_benefits_estimated,
        "assumptions": [{"code": notice.code, "text": notice.text} for notice in estimate.assumptions],
    }


def estimate_payload(
    payload: Any, lang: str | None = None, *, today: dt.date | None = None
) -> tuple[int, dict]:
    """Validate and estimate any JSON value: ``(200, result)`` or ``(422, {"errors": [...]})``.

    ``lang`` is the fallback language (Accept-Language header, ``--lang``); a ``"lang"`` string in
    the payload wins. Unknown languages give French.
    """
    language = normalize_language(requested_language(payload, lang))
    household, errors = parse_household(payload, language)
    if household is None:
        return INVALID, {"errors": errors}
    try:
        estimate = service.estimate(household, language, household.audience, today=today)
    except UnknownPeriodError as error:
        return INVALID, {"errors": [month_error(error, language)]}
    return OK, result_json(estimate)
