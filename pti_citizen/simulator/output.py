"""The JSON answers of the estimate, as pydantic models: only for the OpenAPI documentation.

``estimate_payload`` builds plain dicts (faster); ``tests/simulator/test_output.py`` checks that
every answer validates against these models, so the published schema cannot drift from the code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pti_citizen.i18n import LANGUAGES

from .household import Audience

#: The languages of the texts, from the language registry (one definition).
Language = Literal[tuple(LANGUAGES)]  # type: ignore[valid-type]

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
    effect: Literal["base", "plus", "minus", "result", "info"] = Field(
        description="`base`: the amount to start from (the last one counts); `plus`: added; `minus`: "
        "taken off; `result`: the amount paid; `info`: explanation only. The money steps add up to the "
        "result to the cent when the benefit is due."
    )
    amount: float | None = Field(description="The euros this step is about, or null.")
    text: str = Field(description="Plain-language sentence in the requested language and audience.")


class Notice(BaseModel):
    model_config = _CLOSED

    code: Literal["parameters_outdated", "eu_right_of_residence", "regular_stay", "resignation"]
    text: str


class Assumption(BaseModel):
    model_config = _CLOSED

    code: Literal[
        "same_every_month",
        "quarterly_declaration",
        "family_benefits_estimated",
        "children_at_home",
        "family_benefits_given",
    ]
    text: str


class BenefitReason(BaseModel):
    model_config = _CLOSED

    code: str = Field(description="Stable code of the condition, e.g. `children`, `resources`, `age`.")
    text: str = Field(description="Which condition fails, in plain words (or, for the RSA, what changed it).")
    amount: float | None = Field(
        description="For a condition about money: by how much (income over the ceiling, amount under the "
        "minimum paid…), €; else null."
    )


class BenefitOutput(BaseModel):
    """One benefit (contract version 2)."""

    model_config = _CLOSED

    label: str = Field(description="The benefit's name in the requested language.")
    eligible: bool
    monthly_amount: float = Field(description="€ a month, rounded to the cent; 0 when not eligible.")
    steps: list[Step]
    reasons: list[BenefitReason]
    next_steps: list[str] = Field(
        description="Codes: `apply_caf`, `apply_prime`, `apply_caf_family`, `aripa`…"
    )
    decided_by: str = Field(description="« C'est une estimation » and who studies the claim and decides.")


class Benefits(BaseModel):
    """`rsa` and `prime_activite` always; the family benefits when the engine estimated them."""

    model_config = _CLOSED

    rsa: BenefitOutput
    prime_activite: BenefitOutput
    allocations_familiales: BenefitOutput | None = None
    complement_familial: BenefitOutput | None = None
    paje_base: BenefitOutput | None = None
    asf: BenefitOutput | None = None


class ParametersSource(BaseModel):
    model_config = _CLOSED

    montant_forfaitaire: float = Field(description="One-person amount in force that month, €.")
    since: str = Field(description="Date it applies from (ISO).")
    text: str = Field(description="Legal text that sets it.")
    url: str
    confidence: str = Field(description="`official`, `openfisca` or `to_check`.")


class EstimateOutput(BaseModel):
    """Answer 200. The first six fields are version 1's (the RSA); `benefits` is version 2's."""

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
    lang: Language
    audience: Audience
    parameters_valid_until: str = Field(
        description="Next 1 April after the latest amount we hold (ISO date)."
    )
    parameters_outdated: bool = Field(description="The month of the estimate, or today, is past that date.")
    parameters_source: ParametersSource
    benefits: Benefits
    total_monthly_amount: float = Field(description="Sum of every benefit's monthly amount, €.")
    family_benefits_estimated: bool = Field(
        description="True when the engine estimated the family benefits (`family_benefits` null or absent)."
    )
    assumptions: list[Assumption]


class FieldError(BaseModel):
    model_config = _CLOSED

    field: str = Field(description="Dotted path of the field (`applicant.age`, `children.2`), or `body`.")
    message: str = Field(description="What to fix, in the requested language.")


class ErrorsOutput(BaseModel):
    """Answer 422 (exit status 2 for the command)."""

    model_config = _CLOSED

    errors: list[FieldError]
