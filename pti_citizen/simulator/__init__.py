"""The rights simulator: RSA, prime d'activité and family benefits, behind one engine.

Pure Python (no Reflex). Public API (see docs/simulator.md):

- the typed service for the web pages: ``service.estimate``, ``service.what_if``, ``service.make_job``,
  ``service.needed_fields``, ``parse_household``, ``figures.figure`` (figures for content pages);
- the JSON edge for the command and ``POST /api/v1/rsa/estimate``: ``estimate_payload(payload, lang,
  today=None) -> (status, body)``; ``EstimateInput`` (request schema), ``EstimateOutput`` and
  ``ErrorsOutput`` (answer schemas);
- ``default_table()``: the RSA's dated parameters (freshness date, first month).
"""

from . import compiled

compiled.install()  # before any module of the package: a compiled module is used only if current

from . import service
from .api import INVALID, OK, estimate_household, estimate_payload, result_json
from .benefits import REGISTRY
from .figures import Figure, figure, figures
from .household import EstimateInput, Housing, Person
from .output import ErrorsOutput, EstimateOutput
from .parameters import ParameterTable, UnknownPeriodError, default_table
from .period import Month
from .questions import HouseholdDraft, PersonDraft
from .results import BenefitResult, RightsResult, Step
from .service import (
    BenefitEstimate,
    IncomeLine,
    Job,
    RightsEstimate,
    WorkComparison,
    estimate,
    make_job,
    needed_fields,
    what_if,
)
from .validation import FieldError, parse_household

__all__ = [
    "INVALID",
    "OK",
    "REGISTRY",
    "BenefitEstimate",
    "BenefitResult",
    "ErrorsOutput",
    "EstimateInput",
    "EstimateOutput",
    "FieldError",
    "Figure",
    "HouseholdDraft",
    "Housing",
    "IncomeLine",
    "Job",
    "Month",
    "ParameterTable",
    "Person",
    "PersonDraft",
    "RightsEstimate",
    "RightsResult",
    "Step",
    "UnknownPeriodError",
    "WorkComparison",
    "default_table",
    "estimate",
    "estimate_household",
    "estimate_payload",
    "figure",
    "figures",
    "make_job",
    "needed_fields",
    "parse_household",
    "result_json",
    "service",
    "what_if",
]
