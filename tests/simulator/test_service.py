"""The typed service the web pages call: typed objects in and out, texts in every language."""

from __future__ import annotations

import pytest

from pti_citizen.simulator import (
    BenefitEstimate,
    Job,
    RightsEstimate,
    WorkComparison,
    estimate,
    make_job,
    parse_household,
    service,
    what_if,
)

from .conftest import RIGHTS_EXAMPLES, TODAY
from .grid import _adult, _household

SINGLE_MOTHER = RIGHTS_EXAMPLES[3]["input"]  # 2 children (7, 3), 600 € of salary, 450 € of APL


def household(payload: dict):
    model, errors = parse_household(payload, "fr")
    assert not errors, errors
    return model


def test_estimate_returns_typed_objects_for_every_benefit():
    result = estimate(household(SINGLE_MOTHER), "fr", today=TODAY)
    assert isinstance(result, RightsEstimate)
    assert [benefit.name for benefit in result.benefits] == [
        "rsa",
        "prime_activite",
        "allocations_familiales",
        "complement_familial",
        "paje_base",
        "asf",
    ]
    assert all(isinstance(benefit, BenefitEstimate) for benefit in result.benefits)
    assert result.total_monthly_amount == pytest.approx(sum(b.monthly_amount for b in result.benefits))
    assert result.benefit("asf").label == "ASF (allocation de soutien familial)"
    assert result.benefit("nothing") is None
    assert "apply_caf" in result.next_steps and "apply_prime" in result.next_steps
    # Immutable records (named tuples): neither the estimate nor a benefit can be changed in place.
    with pytest.raises(AttributeError):
        result.total_monthly_amount = 0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.benefits[0].monthly_amount = 0  # type: ignore[misc]


def test_the_same_figures_in_every_language_and_for_a_helper():
    model = household(SINGLE_MOTHER)
    french = estimate(model, "fr", today=TODAY)
    for lang in ("en", "es", "ar"):
        other = estimate(model, lang, "helper", today=TODAY)
        assert other.lang == lang and other.audience == "helper"
        assert [b.monthly_amount for b in other.benefits] == [b.monthly_amount for b in french.benefits]
        assert other.benefit("rsa").decided_by != french.benefit("rsa").decided_by


def test_assumptions_are_said():
    result = estimate(household(SINGLE_MOTHER), today=TODAY)
    codes = [assumption.code for assumption in result.assumptions]
    assert codes == [
        "same_every_month",
        "quarterly_declaration",
        "family_benefits_estimated",
        "children_at_home",
    ]
    estimated = next(item.text for item in result.assumptions if item.code == "family_benefits_estimated")
    assert "2024" in estimated  # the income of year N-2 for October 2026


class TestMakeJob:
    def test_hours_and_hourly_wage(self):
        job, errors = make_job(hours_per_week="20", hourly_wage="11,50")
        assert not errors
        assert job == Job(monthly_net_pay=round(20 * 52 / 12 * 11.5, 2), hours_per_week=20, hourly_wage=11.5)

    def test_full_time_is_151_67_hours(self):
        job, _ = make_job(hours_per_week=35, hourly_wage=10)
        assert job.monthly_net_pay == pytest.approx(1516.67, abs=0.01)

    def test_monthly_net_pay_wins(self):
        job, errors = make_job(monthly_net_pay="1 200 €", hours_per_week="", hourly_wage=None)
        assert not errors and job.monthly_net_pay == 1200

    @pytest.mark.parametrize(
        ("fields", "wrong"),
        [
            ({"hours_per_week": "200", "hourly_wage": "11"}, {"hours_per_week"}),
            ({"hours_per_week": "0", "hourly_wage": "11"}, {"hours_per_week"}),
            ({"hours_per_week": "20", "hourly_wage": "-3"}, {"hourly_wage"}),
            ({"hours_per_week": "vingt", "hourly_wage": "1000"}, {"hours_per_week", "hourly_wage"}),
            ({"hours_per_week": "20"}, {"hourly_wage"}),
            ({"monthly_net_pay": "0"}, {"monthly_net_pay"}),
            ({"monthly_net_pay": "1,200"}, {"monthly_net_pay"}),  # ambiguous: refused, not guessed
            ({"monthly_net_pay": True}, {"monthly_net_pay"}),
            ({}, {"monthly_net_pay"}),
        ],
    )
    def test_nonsense_is_refused_next_to_the_field(self, fields, wrong):
        job, errors = make_job(**fields, lang="fr")
        assert job is None
        assert {error.field for error in errors} == wrong
        assert all(error.message for error in errors)

    @pytest.mark.parametrize("lang", ["en", "es", "ar"])
    def test_messages_are_translated(self, lang):
        _, french = make_job(hours_per_week="200", hourly_wage="11")
        _, other = make_job(hours_per_week="200", hourly_wage="11", lang=lang)
        assert other[0].message != french[0].message


class TestWhatIf:
    def test_the_single_mother_with_a_20_hour_job(self):
        job, _ = make_job(hours_per_week=20, hourly_wage=9.5)
        comparison = what_if(household(SINGLE_MOTHER), job, today=TODAY)
        assert isinstance(comparison, WorkComparison)
        now = estimate(household(SINGLE_MOTHER), today=TODAY)
        assert comparison.now.rsa == now.benefit("rsa").monthly_amount
        assert comparison.now.prime_activite == now.benefit("prime_activite").monthly_amount
        assert comparison.now.earnings == 600
        assert comparison.with_job.earnings == pytest.approx(600 + job.monthly_net_pay)
        working = household(
            {
                **SINGLE_MOTHER,
                "applicant": {**SINGLE_MOTHER["applicant"], "earned_income": 600 + job.monthly_net_pay},
            }
        )
        later = service.compute(working, today=TODAY, income_source=household(SINGLE_MOTHER))
        assert comparison.with_job.prime_activite == later.benefits["prime_activite"].monthly_amount
        assert comparison.difference == pytest.approx(comparison.with_job.total - comparison.now.total)
        assert comparison.difference > 0
        codes = [note.code for note in comparison.notes]
        assert codes == ["summary", "delay", "estimate"]
        assert "trimestre" in comparison.notes[1].text

    def test_the_family_benefits_keep_the_income_of_year_n_2(self):
        """A new job does not change the income of two years ago that the ceilings read."""
        couple = _household(
            "2026-10", _adult(30, earned_income=2500), _adult(30), children=[1], family_benefits=None
        )
        job, _ = make_job(monthly_net_pay=2000)
        comparison = what_if(household(couple), job, who="partner", today=TODAY)
        assert comparison.with_job.family_benefits == comparison.now.family_benefits

    def test_a_job_after_income_stopped_replaces_it(self):
        stopped = _household("2026-10", _adult(40, earned_income=1200, earned_income_stopped=True))
        job, _ = make_job(monthly_net_pay=500)
        comparison = what_if(household(stopped), job, today=TODAY)
        assert comparison.now.earnings == 0
        assert comparison.with_job.earnings == 500

    def test_texts_follow_the_language_and_audience(self):
        job, _ = make_job(monthly_net_pay=800)
        helper = what_if(household(SINGLE_MOTHER), job, "fr", "helper", today=TODAY)
        assert "la personne que vous aidez" in helper.notes[0].text
        arabic = what_if(household(SINGLE_MOTHER), job, "ar", today=TODAY)
        assert arabic.notes[0].text != helper.notes[0].text


def test_a_shared_not_due_result_reads_as_a_fresh_one():
    """Two households without a child meet the same « not due » results (one object each); their
    words are those the same result would have if it were made for each, in each language."""
    from pti_citizen.simulator.results import BenefitResult

    def fresh(result: BenefitResult) -> BenefitResult:
        return BenefitResult(
            result.benefit,
            result.month,
            result.eligible,
            result.monthly_amount,
            list(result.steps),
            list(result.reasons),
            next_steps=list(result.next_steps),
        )

    alone = household(_household("2026-10", _adult(40), family_benefits=None))
    couple = household(_household("2026-10", _adult(40), _adult(38), family_benefits=None))
    first, second = service.compute(alone, today=TODAY), service.compute(couple, today=TODAY)
    shared = [name for name, result in first.benefits.items() if result.shared]
    assert {"allocations_familiales", "paje_base", "complement_familial", "asf"} <= set(shared)
    assert first.benefits["paje_base"] is second.benefits["paje_base"]
    assert first.benefits["asf"].reasons[0].code == "children"
    assert second.benefits["asf"].reasons[0].code == "couple"
    for lang in ("fr", "ar"):
        for audience in ("self", "helper"):
            words = {
                item.name: item for item in service.render_estimate(first, alone, lang, audience).benefits
            }
            for name in shared:
                result = first.benefits[name]
                assert words[name] == service._put_in_words(fresh(result), lang, audience)
