"""RSA simulator: rules, dated parameters, explanations and the shared entry point.

Public API (see docs/simulator.md):

- ``estimate_payload(payload, lang=None, today=None) -> (status, body)``: any JSON value in, the
  contract's JSON out (200) or field errors (422). Used by the command and ``POST /api/v1/rsa/estimate``.
- ``EstimateInput``: the pydantic input model (OpenAPI schema), with ``lang`` and ``audience``;
  ``EstimateOutput`` and ``ErrorsOutput`` document the answers.
- ``parse_household(payload, lang)``, ``estimate_household(household)``, ``result_json(...)`` and
  ``step_texts(result, lang, audience)`` for the web pages (figures once, texts per language).
"""

from .api import INVALID, OK, estimate_household, estimate_payload, result_json, step_texts
from .household import EstimateInput, Housing, Person
from .output import ErrorsOutput, EstimateOutput
from .parameters import ParameterTable, UnknownPeriodError, default_table
from .rules import Estimate, Step
from .validation import parse_household

__all__ = [
    "INVALID",
    "OK",
    "ErrorsOutput",
    "Estimate",
    "EstimateInput",
    "EstimateOutput",
    "Housing",
    "ParameterTable",
    "Person",
    "Step",
    "UnknownPeriodError",
    "default_table",
    "estimate_household",
    "estimate_payload",
    "parse_household",
    "result_json",
    "step_texts",
]
