"""The typed service the web pages call: no JSON, no HTTP status, only typed objects.

- :func:`estimate` — a validated household → :class:`RightsEstimate` (every benefit, its amount,
  steps and reasons in the user's language, the total, notices and assumptions);
- :func:`what_if` — the same household with a job → :class:`WorkComparison` (now and with the job:
  earnings, RSA, prime d'activité, family benefits, total);
- :func:`make_job` — the job typed in a form → :class:`Job`, or field errors;
- :func:`needed_fields` — which inputs the benefits need for the answers so far (the wizard's
  questions, see ``questions.py``);
- :func:`parse_household` (from ``validation.py``) — any mapping → :class:`EstimateInput`, or field
  errors in the user's language.

See docs/simulator.md, « The typed service ».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

from pti_citizen.i18n import normalize_language

from . import explanation
from .benefits import REGISTRY
from .common import reference_months
from .engine import Registry
from .engine import estimate as estimate_figures
from .explanation import COMMON, render
from .household import EstimateInput
from .money import MoneyError, parse_money
from .period import Month
from .questions import HouseholdDraft
from .questions import needed_fields as _needed_fields
from .results import BenefitResult, Reason, RightsResult
from .validation import FieldError, field_error_of

Audience = Literal["self", "helper"]

#: Hours in a month for a given number of hours a week (52 weeks / 12 months; 35 h = 151,67 h).
WEEKS_PER_MONTH = 52 / 12
MAX_HOURS_PER_WEEK = 48  # art. L3121-20 du code du travail: never more than 48 hours in a week
MAX_HOURLY_WAGE = 500.0
MAX_MONTHLY_PAY = 50_000.0


class StepText(NamedTuple):
    """One line of a benefit's explanation. ``effect``: base, plus, minus, result or info."""

    code: str
    effect: str
    amount: float | None
    text: str


class ReasonText(NamedTuple):
    """Why a benefit is not due (or, for the RSA, what changed its amount); ``amount`` is the money
    gap (income over a ceiling by so much…) when the condition is about money, else ``None``."""

    code: str
    text: str
    amount: float | None = None


class Notice(NamedTuple):
    code: str
    text: str


class BenefitEstimate(NamedTuple):
    """One benefit, ready to show. An immutable record (a named tuple: a frozen dataclass costs a
    ``setattr`` per field, and an estimate builds six of these)."""

    name: str
    label: str
    eligible: bool
    monthly_amount: float
    steps: tuple[StepText, ...]
    reasons: tuple[ReasonText, ...]
    next_steps: tuple[str, ...]
    #: « C'est une estimation… » and who studies the claim and decides, for this benefit.
    decided_by: str


class RightsEstimate(NamedTuple):
    """Every benefit estimated for a household and a month, in the user's language (an immutable
    record, like :class:`BenefitEstimate`)."""

    month: Month
    lang: str
    audience: str
    benefits: tuple[BenefitEstimate, ...]
    #: What the household could receive each month from all these benefits.
    total_monthly_amount: float
    family_benefits_estimated: bool
    notices: tuple[Notice, ...]
    assumptions: tuple[Notice, ...]
    parameters_valid_until: dt.date
    parameters_outdated: bool
    #: The figures behind the texts (to switch language without computing again: :func:`render`).
    figures: RightsResult

    def benefit(self, name: str) -> BenefitEstimate | None:
        return next((benefit for benefit in self.benefits if benefit.name == name), None)

    @property
    def next_steps(self) -> tuple[str, ...]:
        """Every benefit's next steps, once each, in order."""
        seen: dict[str, None] = {}
        for benefit in self.benefits:
            seen.update(dict.fromkeys(benefit.next_steps))
        return tuple(seen)


@dataclass(frozen=True)
class Job:
    """A job to try in « Et si je travaille ? »: a monthly net pay, or hours a week × a net hourly wage."""

    monthly_net_pay: float

    hours_per_week: float | None = None
    hourly_wage: float | None = None


@dataclass(frozen=True)
class IncomeLine:
    """What a household has each month: its earnings and the benefits (€)."""

    earnings: float
    rsa: float
    prime_activite: float
    family_benefits: float

    @property
    def total(self) -> float:
        return round(self.earnings + self.rsa + self.prime_activite + self.family_benefits, 2)


@dataclass(frozen=True)
class WorkComparison:
    """Now, and with the job, side by side."""

    month: Month
    job: Job
    now: IncomeLine
    with_job: IncomeLine
    #: Plain sentences: the summary, and that the RSA and the prime follow the quarterly declarations.
    notes: tuple[Notice, ...]

    @property
    def difference(self) -> float:
        return round(self.with_job.total - self.now.total, 2)


def estimate_month(household: EstimateInput, today: dt.date | None = None) -> Month:
    if household.month:
        return Month.parse(household.month)
    return Month.of(today or dt.date.today())


def compute(
    household: EstimateInput,
    *,
    today: dt.date | None = None,
    income_source: EstimateInput | None = None,
    only: tuple[str, ...] | None = None,
    registry: Registry = REGISTRY,
) -> RightsResult:
    """Figures only, no text. Raises :class:`~pti_citizen.simulator.parameters.UnknownPeriodError`.
    ``registry``: other benefits or parameters (a revaluation tried before it is published)."""
    return estimate_figures(
        household, estimate_month(household, today), registry, income_source=income_source, only=only
    )


@lru_cache(maxsize=256)
def _decided_by(name: str, lang: str, audience: str) -> str:
    return render(COMMON, "decided_by", REGISTRY[name].decided_by, lang, audience)


def benefit_words(name: str, lang: str = "fr", audience: Audience = "self") -> tuple[str, str]:
    """A registered benefit's name and « C'est une estimation… » with who decides, in ``lang``: for a
    page that shows amounts without computing them (a shared result link)."""
    lang = normalize_language(lang)
    return explanation.label(name, lang), _decided_by(name, lang, audience)


@lru_cache(maxsize=256)
def words_of(name: str, lang: str, audience: str) -> tuple[Callable[..., str], str, str]:
    """A benefit's sentence writer (``explanation.Sentences.write``), name and « who decides » in
    ``lang`` (one lookup per benefit)."""
    return explanation.sentences(name, lang, audience).write, *benefit_words(name, lang, audience)


#: A :class:`StepText` from a tuple, without the named tuple's Python-level ``__new__`` (a frame
#: less for each of the two dozen lines of an estimate).
_record = tuple.__new__


def reason_sentence(
    reason: Reason, result: BenefitResult, line_text: Callable[[int], str], write: Callable[..., str]
) -> str:
    """A reason that is one of the steps reads as that step's line (``line_text(index)``: the text of
    the result's step ``index``, already written); any other has its own sentence."""
    step = reason.step
    if step is None:
        return write(reason.code, reason.variant, reason.amount, reason.params)
    for index, candidate in enumerate(result.steps):
        if candidate is step:
            return line_text(index)
    return write(step.code, step.variant, step.amount, step.params)


#: The words of the shared results (``results.not_due``), by the result's identity, language and
#: audience: ``(result, words)`` (the result kept with its words, so that its identity is not reused).
_SHARED_WORDS: dict[tuple[int, str, str], tuple[BenefitResult, BenefitEstimate]] = {}
SHARED_WORDS_KEPT = 512


def benefit_text(result: BenefitResult, lang: str, audience: str) -> BenefitEstimate:
    """One benefit in words: its steps, then its reasons (a reason that is one of the steps reads as
    that step's line). A shared result is put in words once per language and audience."""
    if result.shared:
        key = (id(result), lang, audience)
        found = _SHARED_WORDS.get(key)
        if found is not None and found[0] is result:
            return found[1]
        words = _put_in_words(result, lang, audience)
        if len(_SHARED_WORDS) >= SHARED_WORDS_KEPT:
            _SHARED_WORDS.clear()
        _SHARED_WORDS[key] = (result, words)
        return words
    return _put_in_words(result, lang, audience)


def _put_in_words(result: BenefitResult, lang: str, audience: str) -> BenefitEstimate:
    name = result.benefit
    write, label, decided_by = words_of(name, lang, audience)
    lines = tuple(
        [
            _record(
                StepText,
                (
                    step.code,
                    step.effect,
                    step.amount,
                    write(step.code, step.variant, step.amount, step.params),
                ),
            )
            for step in result.steps
        ]
    )
    reasons = tuple(
        [
            ReasonText(
                reason.code,
                reason_sentence(reason, result, lambda index: lines[index].text, write),
                reason.amount,
            )
            for reason in result.reasons
        ]
    )
    return BenefitEstimate(
        name,
        label,
        result.eligible,
        result.monthly_amount,
        lines,
        reasons,
        tuple(result.next_steps),
        decided_by,
    )


def _notice(code: str, lang: str, audience: str, **params: object) -> Notice:
    return Notice(code, render(COMMON, code, "", lang, audience, None, params))


@lru_cache(maxsize=1024)
def _notices_and_assumptions(
    month: Month,
    lang: str,
    audience: str,
    outdated: bool,
    eu_citizen: bool,
    regular_stay: bool,
    resignation: bool,
    family_benefits_estimated: bool,
    children: bool,
) -> tuple[tuple[Notice, ...], tuple[Notice, ...]]:
    """What the estimate warns about and what it assumes (the same for many households)."""
    notices: list[Notice] = []
    if outdated:
        notices.append(_notice("parameters_outdated", lang, audience, date=valid_until()))
    if eu_citizen:
        notices.append(_notice("eu_right_of_residence", lang, audience))
    if regular_stay:
        notices.append(_notice("regular_stay", lang, audience))
    if resignation:
        notices.append(_notice("resignation", lang, audience))
    first, middle, last = reference_months(month)
    assumptions = [
        _notice("same_every_month", lang, audience),
        _notice("quarterly_declaration", lang, audience, month=str(month), m4=first, m3=middle, m2=last),
    ]
    if family_benefits_estimated:
        assumptions.append(_notice("family_benefits_estimated", lang, audience, year=month.year - 2))
        if children:
            assumptions.append(_notice("children_at_home", lang, audience))
    else:
        assumptions.append(_notice("family_benefits_given", lang, audience))
    return tuple(notices), tuple(assumptions)


def valid_until() -> dt.date:
    return REGISTRY.valid_until


def is_outdated(month: Month, today: dt.date) -> bool:
    """True when the estimate month, or today, is past the date a newer value is probably out."""
    limit = valid_until()
    return month.first_day >= limit or today >= limit


class EstimateNotes(NamedTuple):
    """What an estimate warns about and assumes, in words, and whether its amounts may be outdated."""

    notices: tuple[Notice, ...]
    assumptions: tuple[Notice, ...]
    outdated: bool


def estimate_notes(
    result: RightsResult, household: EstimateInput, lang: str, audience: str, today: dt.date
) -> EstimateNotes:
    """The notices and assumptions of an estimate in ``lang`` (a language already normalized)."""
    outdated = is_outdated(result.month, today)
    eu_citizen = non_eu = resignation = False
    for person in (household.applicant, household.partner):
        if person is not None:
            eu_citizen = eu_citizen or person.nationality == "eu"
            non_eu = non_eu or person.nationality == "non_eu"
            resignation = resignation or (person.earned_income_stopped and person.earned_income > 0)
    estimated, children = result.family_benefits_estimated, bool(household.children)
    notices, assumptions = _notices_and_assumptions(  # positional: the cache's key is built faster
        result.month,
        lang,
        audience,
        outdated,
        eu_citizen,
        estimated and children and non_eu,  # the CAF checks a regular stay for family benefits
        resignation,
        estimated,
        children,
    )
    return EstimateNotes(notices, assumptions, outdated)


def render_estimate(
    result: RightsResult,
    household: EstimateInput,
    lang: str,
    audience: str = "self",
    *,
    today: dt.date | None = None,
) -> RightsEstimate:
    """The texts of an estimate in ``lang`` and ``audience`` (figures computed once, any language)."""
    lang = normalize_language(lang)
    notices, assumptions, outdated = estimate_notes(
        result, household, lang, audience, today or dt.date.today()
    )
    benefits = tuple([benefit_text(item, lang, audience) for item in result.benefits.values()])
    return RightsEstimate(
        month=result.month,
        lang=lang,
        audience=audience,
        benefits=benefits,
        total_monthly_amount=result.total_monthly_amount,
        family_benefits_estimated=result.family_benefits_estimated,
        notices=notices,
        assumptions=assumptions,
        parameters_valid_until=valid_until(),
        parameters_outdated=outdated,
        figures=result,
    )


def estimate(
    household: EstimateInput, lang: str = "fr", audience: Audience = "self", *, today: dt.date | None = None
) -> RightsEstimate:
    """Every benefit for this household, explained. Raises UnknownPeriodError for a month too early."""
    return render_estimate(compute(household, today=today), household, lang, audience, today=today)


# ---- « Et si je travaille ? » ----


def _read_number(raw: object, field_name: str, lang: str, errors: list[FieldError]) -> float | None:
    """A number typed in a form (« 11,65 », « 20 ») or given as a number; None when empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        errors.append(field_error_of(field_name, "job_number", lang))
        return None
    if isinstance(raw, int | float | Decimal):
        value = float(raw)
        if value != value or value in (float("inf"), float("-inf")):
            errors.append(field_error_of(field_name, "job_number", lang))
            return None
        if value < 0:
            errors.append(field_error_of(field_name, "money_negative", lang))
            return None
        return value
    if isinstance(raw, str):
        try:
            return float(parse_money(raw[:60], maximum=1e9))
        except MoneyError as error:
            key = "money_negative" if error.code == "negative" else "job_number"
            errors.append(field_error_of(field_name, key, lang))
            return None
    errors.append(field_error_of(field_name, "job_number", lang))
    return None


def make_job(
    *,
    hours_per_week: object = None,
    hourly_wage: object = None,
    monthly_net_pay: object = None,
    lang: str = "fr",
) -> tuple[Job | None, list[FieldError]]:
    """The job typed in the form: a monthly net pay, or hours a week and a net hourly wage.

    Each nonsense value gets a message next to its field, in ``lang`` (nothing is guessed).
    """
    lang = normalize_language(lang)
    errors: list[FieldError] = []
    hours = _read_number(hours_per_week, "hours_per_week", lang, errors)
    wage = _read_number(hourly_wage, "hourly_wage", lang, errors)
    pay = _read_number(monthly_net_pay, "monthly_net_pay", lang, errors)
    wrong = {error.field for error in errors}
    if pay is not None or "monthly_net_pay" in wrong:
        if pay is not None and not 0 < pay <= MAX_MONTHLY_PAY:
            errors.append(field_error_of("monthly_net_pay", "job_pay_range", lang, max=int(MAX_MONTHLY_PAY)))
        if errors:
            return None, errors
        return Job(monthly_net_pay=round(pay, 2)), []
    if hours is None and wage is None and not wrong:
        return None, [field_error_of("monthly_net_pay", "job_missing", lang)]
    if "hours_per_week" not in wrong and (hours is None or not 0 < hours <= MAX_HOURS_PER_WEEK):
        errors.append(field_error_of("hours_per_week", "job_hours_range", lang, max=MAX_HOURS_PER_WEEK))
    if "hourly_wage" not in wrong and (wage is None or not 0 < wage <= MAX_HOURLY_WAGE):
        errors.append(field_error_of("hourly_wage", "job_wage_range", lang, max=int(MAX_HOURLY_WAGE)))
    if errors:
        return None, errors
    monthly = round(hours * WEEKS_PER_MONTH * wage, 2)
    return Job(monthly_net_pay=monthly, hours_per_week=hours, hourly_wage=wage), []


def _line(result: RightsResult, household: EstimateInput) -> IncomeLine:
    adults = [person for person in (household.applicant, household.partner) if person is not None]
    earnings = sum(person.earned_income for person in adults if not person.earned_income_stopped)
    family = sum(
        item.monthly_amount for name, item in result.benefits.items() if name not in ("rsa", "prime_activite")
    )
    rsa = result.benefits.get("rsa")
    prime = result.benefits.get("prime_activite")
    return IncomeLine(
        earnings=round(earnings, 2),
        rsa=rsa.monthly_amount if rsa else 0.0,
        prime_activite=prime.monthly_amount if prime else 0.0,
        family_benefits=round(family, 2),
    )


def with_job(
    household: EstimateInput, job: Job, who: Literal["applicant", "partner"] = "applicant"
) -> EstimateInput:
    """The household with the job's pay added to ``who``'s earned income (the applicant when there is
    no partner). Earned income stopped for good is gone: the job's pay replaces it."""
    role = who if getattr(household, who) is not None else "applicant"
    person = getattr(household, role)
    earned = 0.0 if person.earned_income_stopped else person.earned_income
    changed = person.model_copy(
        update={"earned_income": round(earned + job.monthly_net_pay, 2), "earned_income_stopped": False}
    )
    return household.model_copy(update={role: changed})


def what_if(
    household: EstimateInput,
    job: Job,
    lang: str = "fr",
    audience: Audience = "self",
    *,
    who: Literal["applicant", "partner"] = "applicant",
    today: dt.date | None = None,
) -> WorkComparison:
    """Now and with ``job``, same month, same engine. The family benefits keep reading the income
    of year N-2, which a new job does not change."""
    lang = normalize_language(lang)
    now = compute(household, today=today)
    working = with_job(household, job, who)
    later = compute(working, today=today, income_source=household)
    now_line, job_line = _line(now, household), _line(later, working)
    difference = round(job_line.total - now_line.total, 2)
    summary = "more" if difference > 0 else ("same" if difference == 0 else "less")
    notes = (
        Notice(
            "summary",
            render(
                COMMON,
                "what_if",
                summary,
                lang,
                audience,
                None,
                {"difference": abs(difference), "pay": job.monthly_net_pay},
            ),
        ),
        Notice("delay", render(COMMON, "what_if_delay", "", lang, audience)),
        Notice("estimate", render(COMMON, "what_if_estimate", "", lang, audience)),
    )
    return WorkComparison(month=now.month, job=job, now=now_line, with_job=job_line, notes=notes)


def needed_fields(draft: HouseholdDraft) -> list[str]:
    """The inputs some benefit needs for the answers so far, in the wizard's order."""
    return _needed_fields(draft, [need for benefit in REGISTRY for need in benefit.questions])
