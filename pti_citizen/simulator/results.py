"""What the rules produce: figures and the steps that explain them, with no text yet.

The texts come later (``explanation.py``, per language and audience), so that the same figures can
be told in French, English, Spanish or Arabic without computing again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from .period import Month

# Step effects: how a step's amount enters the total.
BASE = "base"  # the amount to start from (a later base replaces an earlier one)
PLUS = "plus"  # added
MINUS = "minus"  # taken off
RESULT = "result"  # the amount paid
INFO = "info"  # explanation only

Effect = Literal["base", "plus", "minus", "result", "info"]
EFFECTS: tuple[str, ...] = (BASE, PLUS, MINUS, RESULT, INFO)


class _NoValues(dict):
    """The values of a step, a reason or a result that has none: one shared empty mapping, read-only
    (an empty dict made for each of the many steps without values costs more than the step)."""

    __slots__ = ()
    __hash__ = object.__hash__  # shared as a dataclass default, so it must not look mutable

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("shared empty values are read-only")

    __setitem__ = __delitem__ = __ior__ = update = pop = popitem = clear = setdefault = _read_only


NO_VALUES: dict[str, Any] = _NoValues()


@dataclass(slots=True)
class Step:
    """One line of an explanation. ``code`` is public; ``variant`` picks the sentence; ``params``
    fill it (money, months, counts)."""

    code: str
    effect: str = INFO
    amount: float | None = None
    variant: str = ""
    params: dict[str, Any] = NO_VALUES


@dataclass(slots=True)
class Reason:
    """Why a benefit is not due (or, for the RSA, what changed its amount).

    ``amount`` is the money gap when the condition is about money (income over a ceiling by so
    much, a result under the minimum paid), else ``None``.
    """

    code: str
    variant: str = ""
    amount: float | None = None
    params: dict[str, Any] = NO_VALUES
    #: When the reason is one of the explanation's steps, its sentence is that step's.
    step: Step | None = None


@dataclass(slots=True)
class BenefitResult:
    """One benefit for one month: figures, steps and reasons (no text)."""

    benefit: str
    month: Month
    eligible: bool
    #: Paid per month, rounded to the cent; 0 when not eligible (or under the minimum paid).
    monthly_amount: float
    steps: list[Step]
    reasons: list[Reason]
    #: The amount before rounding, as the law computes it (used by the other benefits).
    exact_amount: float = 0.0
    #: What the RSA and the prime d'activité count of this benefit as a resource (exact).
    counted_as_resource: float = 0.0
    #: Codes of the next steps (apply on caf.fr, contact the MDS…).
    next_steps: list[str] = field(default_factory=list)
    #: Benefit-specific figures (the RSA's version-1 breakdown, for instance).
    details: dict[str, Any] = NO_VALUES
    #: One result shared by every household it fits (``not_due``): read it, never change it.
    shared: bool = False


@dataclass(slots=True)
class RightsResult:
    """Every benefit estimated for one household and one month, in the registry's order."""

    month: Month
    benefits: dict[str, BenefitResult]
    #: True when the engine estimated the family benefits (``family_benefits`` null or absent).
    family_benefits_estimated: bool

    @property
    def total_monthly_amount(self) -> float:
        return round(sum(result.monthly_amount for result in self.benefits.values()), 2)


@lru_cache(maxsize=256)  # a few dozen a month: reasons × parameters
def not_due(
    benefit: str,
    month: Month,
    code: str,
    variant: str = "",
    params: tuple[tuple[str, Any], ...] = (),
    next_steps: tuple[str, ...] = (),
) -> BenefitResult:
    """A benefit not due for a reason that tells nothing of the household but what the parameters
    say (a couple, no young child, fewer children than needed): one result for every household of
    the month, whose texts are then written once (``service``). Most households meet several."""
    return BenefitResult(
        benefit,
        month,
        False,
        0.0,
        [Step("not_due", RESULT, 0.0)],
        [Reason(code, variant, None, dict(params) if params else NO_VALUES)],
        next_steps=list(next_steps),
        shared=True,
    )
