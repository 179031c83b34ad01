"""The JSON answers of the estimate, as pydantic models: only for the OpenAPI documentation.

``estimate_payload`` builds plain dicts (faster); ``tests/simulator/test_output.py`` checks that
every answer validates against these models, so the published schema cannot drift from the code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_CLOSED = ConfigDict(extra="forbid")


class Breakdown(BaseModel):
    model_config = _CLOSED

    base_amount: float = Field(description="Montant forfaitaire for the household (majoré if it applies), €.")
    increased_for_single_parent: bool = Field(description="The single-parent increase (RSA majoré) applies.")
    housing_flat_rate: float = Field(description="Forfait logement taken off, €.")
    resources_counted: float = Field(description="Monthly resources of the household taken off, €.")


class Reason(BaseModel):
    model_config = _CLOSED

    code: str
    text: str


class Step(BaseModel):
    model_config = _CLOSED

    code: str = Field(
        description="Stable code of the step, e.g. `base_amount`, `housing_flat_rate`, `result`."
    )
    effect: Literal["base", "minus", "result", "info"] = Field(
        description="`base`: the amount to start from (the last one counts); `minus`: taken off; "
        "`result`: the outcome; `info`: explanation only."
    )
    amount: float | None = Field(description="The euros this step is about, or null.")
    text: str = Field(description="Plain-language sentence in the requested language and audience.")


class Notice(BaseModel):
    model_config = _CLOSED

    code: Literal["parameters_outdated", "eu_right_of_residence"]
    text: str


class ParametersSource(BaseModel):
    model_config = _CLOSED

    montant_forfaitaire: float = Field(description="One-person amount in force that month, €.")
    since: str = Field(description="Date it applies from (ISO).")
    text: str = Field(description="Legal text that sets it.")
    url: str
    confidence: str = Field(description="`official`, `openfisca` or `to_check`.")


class EstimateOutput(BaseModel):
    """Answer 200. The first six fields are the contract's; the others are extras."""

    model_config = _CLOSED

    month: str
    eligible: bool
    monthly_amount: float
    currency: Literal["EUR"]
    breakdown: Breakdown
    reasons: list[Reason]
    steps: list[Step]
    notices: list[Notice]
    next_steps: list[Literal["apply_caf", "apply_msa", "c2s", "prime_activite", "contact_mds"]]
    lang: Literal["fr", "en", "es", "ar"]
    audience: Literal["self", "helper"]
    parameters_valid_until: str = Field(
        description="Next 1 April after the latest amount we hold (ISO date)."
    )
    parameters_outdated: bool = Field(description="The month of the estimate, or today, is past that date.")
    parameters_source: ParametersSource


class FieldError(BaseModel):
    model_config = _CLOSED

    field: str = Field(description="Dotted path of the field (`applicant.age`, `children.2`), or `body`.")
    message: str = Field(description="What to fix, in the requested language.")


class ErrorsOutput(BaseModel):
    """Answer 422 (exit status 2 for the command)."""

    model_config = _CLOSED

    errors: list[FieldError]
