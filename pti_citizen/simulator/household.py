"""The household the estimate is about: the JSON input of the contract, as a pydantic model.

Strict types (no "30" for 30, no 1 for true) because a silently coerced value is a guess. The same
model gives the OpenAPI schema of ``POST /api/v1/rsa/estimate`` (contract versions 1 and 2:
``/work/shared/contracts/rsa-simulator.md`` and ``rights-simulator.md``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from pti_citizen.i18n import LANGUAGES

#: Above this, a monthly amount is surely a typing mistake (an annual figure, extra zeros).
MAX_MONTHLY_EUROS = 1_000_000
MIN_ADULT_AGE = 16
MAX_AGE = 120
#: Input bound: the contract's « children and other dependants under 25 ». Which of them each
#: benefit counts is a dated parameter of that benefit (e.g. ``rsa.age_limite_personne_a_charge``).
MAX_CHILD_AGE = 24
MAX_CHILDREN = 20
#: Hours in 3 years (3 × 365 × 24): more worked hours is impossible.
MAX_HOURS_IN_3_YEARS = 26_280
MAX_YEARS = 120
MAX_MONTHS = 1_440

MONTH_PATTERN = r"^[1-9][0-9]{3}-(0[1-9]|1[0-2])$"

Euros = Annotated[float, Field(ge=0, le=MAX_MONTHLY_EUROS, allow_inf_nan=False)]
Nationality = Literal["fr", "eu", "non_eu"]
HousingStatus = Literal["tenant", "owner", "owner_with_loan", "housed_free", "homeless"]
Audience = Literal["self", "helper"]

_STRICT = ConfigDict(extra="forbid", strict=True)


class Person(BaseModel):
    """The claimant or their spouse/partner. Incomes are monthly averages over the last 3 months."""

    model_config = _STRICT

    age: Annotated[int, Field(ge=MIN_ADULT_AGE, le=MAX_AGE, description="Age in years.")]
    earned_income: Euros = Field(
        default=0, description="Net monthly earned income (wages, self-employment), 3-month average, €."
    )
    earned_income_stopped: bool = Field(
        default=False,
        description="The earned income given has stopped for good (end of a contract, dismissal) and "
        "nothing replaces it: the RSA leaves it out (art. R262-13 CASF) and the prime d'activité stops.",
    )
    other_income: Euros = Field(
        default=0,
        description="Other monthly resources the RSA counts (unemployment benefit, sick pay, pensions, "
        "alimony received…), €.",
    )
    student: bool = Field(default=False, description="Full-time student or unpaid intern.")
    nationality: Nationality = Field(description="`fr`, `eu` (EU/EEA/Swiss) or `non_eu`.")
    residence_permit_years: Annotated[float, Field(ge=0, le=MAX_YEARS, allow_inf_nan=False)] | None = Field(
        default=None,
        description="For `non_eu`: years of holding a permit allowing work (required unless `refugee`). "
        "For `eu`: years of residence in France (the 3-month rule); `null` when unknown.",
    )
    refugee: bool = Field(
        default=False,
        description="Refugee, subsidiary protection, stateless or carte de résident: waives the 5 years.",
    )
    worked_hours_last_3_years: (
        Annotated[float, Field(ge=0, le=MAX_HOURS_IN_3_YEARS, allow_inf_nan=False)] | None
    ) = Field(default=None, description="For an applicant under 25 without child: hours worked in 3 years.")


class Housing(BaseModel):
    model_config = _STRICT

    status: HousingStatus = Field(
        description="`tenant`, `owner` (no loan left), `owner_with_loan`, `housed_free` or `homeless`."
    )
    housing_benefit: Euros = Field(default=0, description="APL/ALS/ALF received per month, €.")


class EstimateInput(BaseModel):
    """Input of ``python -m pti_citizen.simulator`` and ``POST /api/v1/rsa/estimate`` (versions 1 and 2)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "month": "2026-10",
                    "applicant": {
                        "age": 30,
                        "earned_income": 0,
                        "other_income": 0,
                        "student": False,
                        "nationality": "fr",
                        "residence_permit_years": None,
                        "refugee": False,
                        "worked_hours_last_3_years": None,
                    },
                    "partner": None,
                    "children": [8, 5],
                    "pregnant": False,
                    "isolated_since_months": None,
                    "housing": {"status": "tenant", "housing_benefit": 0},
                    "family_benefits": None,
                    "child_support_received": 0,
                }
            ]
        },
    )

    month: Annotated[str, Field(pattern=MONTH_PATTERN)] | None = Field(
        default=None, description="Month of the estimate, `YYYY-MM`; default: the current month."
    )
    applicant: Person
    partner: Person | None = Field(default=None, description="Spouse or partner; `null` when single.")
    children: list[Annotated[int, Field(ge=0, le=MAX_CHILD_AGE)]] = Field(
        default_factory=list,
        max_length=MAX_CHILDREN,
        description="Ages of the children and other dependants under 25 living in the home.",
    )
    pregnant: bool = Field(default=False, description="The applicant (or partner) is pregnant.")
    isolated_since_months: Annotated[int, Field(ge=0, le=MAX_MONTHS)] | None = Field(
        default=None,
        description="Single parent or pregnant woman living alone: months since the separation, death or "
        "isolation began; `null` when unknown or not isolated.",
    )
    housing: Housing
    family_benefits: Euros | None = Field(
        default=None,
        description="`null` or absent: the engine estimates the family benefits (allocations familiales, "
        "complément familial, PAJE allocation de base, ASF) and counts them as the RSA and the prime "
        "d'activité do. A number (version 1): the monthly family benefits the RSA counts, taken as given; "
        "no family benefit is then estimated.",
    )
    child_support_received: Euros = Field(
        default=0,
        description="Child support (pension alimentaire) received per month for the children, €. A "
        "resource for the RSA and the prime d'activité; it reduces the ASF.",
    )
    lang: str | None = Field(
        default=None,
        description=f"Language of the texts: {', '.join(LANGUAGES)} (French by default); others give French.",
    )
    audience: Audience = Field(
        default="self",
        description="`self`: texts say « vous »; `helper`: « la personne que vous aidez » (a relative or "
        "a mediator fills the form).",
    )
