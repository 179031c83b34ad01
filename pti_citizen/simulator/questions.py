"""Which household inputs the benefits need, and when: the wizard derives its questions from this.

Each benefit declares the inputs it reads with a condition (``Need``): « the worked hours matter
for an applicant under 25 without child », « the child support matters for a parent living alone ».
The wizard keeps the answers given so far in a :class:`HouseholdDraft` (``None``: not answered
yet) and calls :func:`needed_fields` after each answer: the next question is the first field of
that list without an answer. A condition whose facts are not known yet is false (the question comes
later, once they are known), so the wizard never re-implements a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

#: Every input the engine can ask for, in the order a wizard asks them. ``couple`` stands for
#: « partner given or null »; ``children`` for the list of ages; the others are the input's fields.
FIELDS: tuple[str, ...] = (
    "couple",
    "applicant.age",
    "partner.age",
    "children",
    "pregnant",
    "isolated_since_months",
    "applicant.nationality",
    "applicant.refugee",
    "applicant.residence_permit_years",
    "partner.nationality",
    "partner.refugee",
    "partner.residence_permit_years",
    "applicant.student",
    "partner.student",
    "applicant.worked_hours_last_3_years",
    "partner.worked_hours_last_3_years",
    "housing.status",
    "housing.housing_benefit",
    "applicant.earned_income",
    "applicant.earned_income_stopped",
    "partner.earned_income",
    "partner.earned_income_stopped",
    "applicant.other_income",
    "partner.other_income",
    "child_support_received",
)


@dataclass(frozen=True)
class PersonDraft:
    """One adult's answers so far (``None``: not answered yet)."""

    age: int | None = None
    earned_income: float | None = None
    earned_income_stopped: bool | None = None
    other_income: float | None = None
    student: bool | None = None
    nationality: str | None = None
    refugee: bool | None = None
    residence_permit_years: float | None = None
    worked_hours_last_3_years: float | None = None


@dataclass(frozen=True)
class HouseholdDraft:
    """The answers so far. ``couple`` None: not answered; False: no partner."""

    couple: bool | None = None
    applicant: PersonDraft = field(default_factory=PersonDraft)
    partner: PersonDraft = field(default_factory=PersonDraft)
    children: tuple[int, ...] | None = None
    pregnant: bool | None = None
    isolated_since_months: int | None = None
    housing_status: str | None = None
    housing_benefit: float | None = None
    child_support_received: float | None = None

    # Facts derived from the answers, for the conditions below (False while unknown).

    @property
    def single(self) -> bool:
        return self.couple is False

    @property
    def has_children(self) -> bool:
        return bool(self.children)

    @property
    def no_children(self) -> bool:
        return self.children is not None and not self.children

    def adults(self) -> Iterable[tuple[str, PersonDraft]]:
        yield "applicant", self.applicant
        if self.couple:
            yield "partner", self.partner

    def person(self, role: str) -> PersonDraft:
        return self.applicant if role == "applicant" else self.partner


@dataclass(frozen=True)
class Need:
    """A benefit reads ``field`` when ``when(draft)`` is true. ``why`` says it for the developers."""

    field: str
    when: Callable[[HouseholdDraft], bool]
    why: str = ""


def always(_: HouseholdDraft) -> bool:
    return True


def for_partner(condition: Callable[[HouseholdDraft], bool]) -> Callable[[HouseholdDraft], bool]:
    """A partner's field matters only for a couple (and when ``condition`` holds)."""
    return lambda draft: bool(draft.couple) and condition(draft)


def per_person(name: str, when: Callable[[HouseholdDraft, str], bool], why: str = "") -> tuple[Need, ...]:
    """The same need for the applicant and, in a couple, the partner."""
    return (
        Need(f"applicant.{name}", lambda draft: when(draft, "applicant"), why),
        Need(f"partner.{name}", lambda draft: bool(draft.couple) and when(draft, "partner"), why),
    )


def needed_fields(draft: HouseholdDraft, needs: Iterable[Need]) -> list[str]:
    """The fields some benefit needs for this household, in the wizard's order."""
    wanted = {need.field for need in needs if need.when(draft)}
    return [name for name in FIELDS if name in wanted]


def _with_children(draft: HouseholdDraft, role: str) -> bool:
    return draft.has_children


#: What the family benefits with income ceilings read: the children, and every adult's income
#: (the income of year N-2 is taken as 12 × the monthly incomes given).
FAMILY_NEEDS: tuple[Need, ...] = (
    Need("couple", always, "incomes of both parents (year N-2); a person alone has a higher ceiling"),
    Need("children", always, "number and ages of the children"),
    *per_person("earned_income", _with_children, "income ceilings (year N-2)"),
    *per_person("other_income", _with_children, "income ceilings (year N-2)"),
)
