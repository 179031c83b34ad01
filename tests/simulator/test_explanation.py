"""An explanation of every euro: steps that add up, in plain words, for « vous » or a helper."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from pti_citizen.i18n import LANGUAGES, format_euros
from pti_citizen.simulator import REGISTRY, parse_household, service
from pti_citizen.simulator.explanation import AUDIENCES, COMMON_TEXTS, all_entries, all_msgids, render
from pti_citizen.simulator.period import Month

from .conftest import TODAY, run
from .grid import _adult, _household, edge_households, edge_households_v2, households, households_v2

SAMPLE_PARAMS = {
    "n": 2,
    "persons": 2,
    "children": 2,
    "month": "2026-10",
    "m4": Month(2026, 6),
    "m3": Month(2026, 7),
    "m2": Month(2026, 8),
    "since": TODAY,
    "date": TODAY,
    "years": 5,
    "year": 2024,
    "months": 12,
    "window": 18,
    "delay": 6,
    "age": 25,
    "new_age": 18,
    "limit": 20,
    "needed": 3,
    "adult_age": 18,
    "hours": 3214,
    "percent": 0.5985,
    "flat_rate": 78.2,
    "minimum": 6,
    "computed": 4.5,
    "excess": 12.5,
    "ceiling": 31066,
    "full_ceiling": 31066,
    "income": 22680,
    "earnings": 600.0,
    "per_child": 201.78,
    "support": 150.0,
    "full": 403.57,
    "threshold": 1144.21,
    "total": 1356.91,
    "lump_sum": 1366.05,
    "pay": 823.33,
    "difference": 663.07,
}
GRID = households(120, seed=7) + edge_households() + households_v2(120, seed=8) + edge_households_v2()


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.:!?])\s+(?=[A-ZÀ-Ý])", text) if part]


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_sentence_renders(lang, audience):
    for scope, (code, variant), _ in all_entries():
        text = render(scope, code, variant, lang, audience, 651.69, SAMPLE_PARAMS)
        assert text.strip()
        assert "{" not in text and "}" not in text, (scope, code, variant, lang)


def test_every_benefit_has_a_name_and_its_result_sentences():
    for benefit in REGISTRY:
        assert ("label", "") in benefit.texts, benefit.name
        assert ("result", "") in benefit.texts, benefit.name


def test_french_sentences_are_short():
    """FALC (shared/notes/falc.md): never more than 25 words, about 15 on average."""
    lengths = []
    for message in all_msgids():
        for sentence in sentences(message):
            words = len(sentence.split())
            assert words <= 25, sentence
            lengths.append(words)
    assert sum(lengths) / len(lengths) <= 15


def _money_total(steps: list[dict]) -> float:
    total = 0.0
    for step in steps:
        if step["amount"] is None or step["effect"] in ("info", "result"):
            continue
        if step["effect"] == "base":
            total = step["amount"]
        elif step["effect"] == "plus":
            total += step["amount"]
        else:
            total -= step["amount"]
    return round(total, 2)


@pytest.mark.parametrize("household", GRID)
def test_every_benefits_steps_add_up_to_its_amount(household):
    result = run(household)
    for name, benefit in result["benefits"].items():
        steps = benefit["steps"]
        final = [step for step in steps if step["effect"] == "result"]
        assert len(final) == 1, name
        assert final[0]["amount"] == benefit["monthly_amount"], name
        if benefit["eligible"]:
            assert _money_total(steps) == benefit["monthly_amount"], (name, steps)
            assert benefit["monthly_amount"] > 0
        else:
            assert benefit["monthly_amount"] == 0
            assert benefit["reasons"], name
            if any(step["effect"] == "base" for step in steps):
                minimum = {"rsa": 6, "prime_activite": 15}.get(name, 0.01)
                assert _money_total(steps) < minimum, (name, steps)


@pytest.mark.parametrize("household", GRID[:80])
def test_the_rsa_steps_match_the_breakdown(household):
    result = run(household)
    steps = result["steps"]
    if result["breakdown"]["base_amount"] == 0:
        assert not any(step["effect"] == "base" for step in steps)
        return
    base = [step["amount"] for step in steps if step["effect"] == "base"][-1]
    minus = sum(step["amount"] for step in steps if step["effect"] == "minus")
    breakdown = result["breakdown"]
    assert base == breakdown["base_amount"]
    assert minus == pytest.approx(breakdown["housing_flat_rate"] + breakdown["resources_counted"], abs=1e-9)


def test_money_reasons_say_by_how_much():
    """A benefit not due for money gives the gap: income over the ceiling, result under the minimum."""
    checked = 0
    for household in GRID:
        for name, benefit in run(household)["benefits"].items():
            for reason in benefit["reasons"]:
                money = reason["code"] in ("resources", "resources_too_high", "below_minimum")
                if money or (name, reason["code"]) == ("prime_activite", "student"):
                    assert reason["amount"] is not None and reason["amount"] >= 0, reason
                    if reason["code"] != "resources_too_high" or reason["amount"] > 0:
                        assert format_euros(reason["amount"], "fr") in reason["text"], reason
                    checked += 1
    assert checked >= 50


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_amounts_use_the_cldr_money_format(lang):
    household = _household(
        "2026-10",
        _adult(35, earned_income=212.5),
        children=[4, 1],
        housing={"status": "tenant", "housing_benefit": 250},
    )
    result = run(dict(household, lang=lang, family_benefits=None))
    for benefit in result["benefits"].values():
        for step in benefit["steps"]:
            if step["amount"]:
                assert format_euros(step["amount"], lang) in step["text"], step


def test_the_brief_examples_read_plainly():
    result = run(_household("2026-10", _adult(30), housing={"status": "tenant", "housing_benefit": 250}))
    texts = [step["text"].replace("\u00a0", " ") for step in result["steps"]]
    assert "Pour une personne seule, le montant de base est 651,69 €." in texts
    assert "Vous touchez une aide au logement : on retire 78,20 €." in texts
    assert "Vous pouvez toucher environ 573,49 € par mois." in texts


def test_who_decides_is_said_truly():
    """Issue #12: the Président du Conseil départemental grants the RSA; the CAF or the MSA studies the
    claim, computes and pays. Never « seule la CAF décide »."""
    result = run(_household("2026-10", _adult(30), children=[1], family_benefits=None))
    rsa = result["benefits"]["rsa"]["decided_by"]
    assert "Président du Conseil départemental" in rsa
    assert "CAF ou la MSA" in rsa
    for benefit in result["benefits"].values():
        assert benefit["decided_by"].startswith("C'est une estimation.")
    for message in all_msgids():
        assert "Seule la CAF" not in message and "seule la CAF" not in message, message


def test_the_reference_months_are_m4_to_m2():
    """Since March 2025 (décret 2025-185) the quarterly declaration reads M-4 to M-2, not « the last
    3 months »."""
    result = run(_household("2026-10", _adult(30, earned_income=500)))
    assumption = next(item for item in result["assumptions"] if item["code"] == "quarterly_declaration")
    assert "juin 2026, juillet 2026 et août 2026" in assumption["text"]
    for message in all_msgids():
        assert "3 derniers mois" not in message, message


@pytest.mark.parametrize("household", GRID[:60] + edge_households() + edge_households_v2())
def test_helper_texts_never_speak_to_the_person_helped(household):
    result = run(dict(household, audience="helper"))
    assert result["audience"] == "helper"
    texts = [notice["text"] for notice in result["notices"] + result["assumptions"]]
    for benefit in result["benefits"].values():
        texts += [step["text"] for step in benefit["steps"]] + [
            reason["text"] for reason in benefit["reasons"]
        ]
    for text in texts:
        cleaned = text.replace("que vous aidez", "")
        assert not re.search(r"\b(vous|votre|vos)\b", cleaned, re.IGNORECASE), text


def test_helper_phrasing():
    household = _household("2026-10", _adult(30), housing={"status": "tenant", "housing_benefit": 250})
    helper = run(dict(household, audience="helper"))
    texts = [step["text"] for step in helper["steps"]]
    assert any(text.startswith("La personne que vous aidez touche une aide au logement") for text in texts)
    assert any(text.startswith("La personne que vous aidez peut toucher environ") for text in texts)


def test_figures_once_texts_in_any_language():
    """The UI computes once, then renders the texts in the reader's language and audience."""
    household, errors = parse_household(
        _household("2026-10", _adult(30), children=[1], family_benefits=None), "fr"
    )
    assert not errors
    figures = service.compute(household, today=TODAY)
    french = service.render_estimate(figures, household, "fr", today=TODAY)
    arabic = service.render_estimate(figures, household, "ar", "helper", today=TODAY)
    for one, other in zip(french.benefits, arabic.benefits, strict=True):
        assert [step.code for step in one.steps] == [step.code for step in other.steps]
        assert [step.amount for step in one.steps] == [step.amount for step in other.steps]
        assert one.label != other.label
    assert french.total_monthly_amount == arabic.total_monthly_amount


def test_placeholders_are_known():
    known = set(SAMPLE_PARAMS) | {"amount"}
    for message in all_msgids():
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        assert names <= known, message


def test_every_shared_sentence_is_used():
    """No dead text to translate: every notice and assumption shows up for some household."""
    stopped = _household("2026-10", _adult(40, earned_income=900, earned_income_stopped=True))
    used = set()
    for household in [*GRID, stopped, dict(GRID[0], month="2027-05")]:
        result = run(household)
        used |= {item["code"] for item in result["notices"] + result["assumptions"]}
    # Who decides: test_who_decides_is_said_truly; « Et si je travaille ? »: test_service.py.
    used |= {"decided_by", "what_if", "what_if_delay", "what_if_estimate"}
    assert {code for code, _ in COMMON_TEXTS} <= used


def test_notices_say_when_the_amounts_may_be_outdated():
    result = run(_household("2027-02", _adult(40)), today=dt.date(2026, 11, 29))
    assert result["parameters_outdated"]
    assert result["notices"][0]["code"] == "parameters_outdated"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_fast_money_format_is_babels(lang):
    """``explanation.money`` writes euros exactly as ``i18n.format_euros`` (CLDR), only faster."""
    import random

    from pti_citizen.simulator.explanation import money

    rng = random.Random(lang)
    values = [0, 0.005, 0.015, 1.005, 977.535, 999.995, 1000, 1234.5, 9999.995, 12345.675, 2_000_000.5]
    values += [
        round(rng.uniform(0, high), rng.choice((0, 2, 3, 6))) for high in (10, 2000, 2e6) for _ in range(700)
    ]
    for value in values:
        assert money(value, lang) == format_euros(value, lang), value


def test_kept_sentences_follow_their_values():
    """A sentence kept for some values is never given for others: not for the same values under other
    names, nor once the table has been emptied."""
    from pti_citizen.simulator import explanation

    write = explanation.sentences("rsa", "fr").write
    june, july, august = Month(2026, 6), Month(2026, 7), Month(2026, 8)
    first = write("resources_average", "", None, {"m4": june, "m3": july, "m2": august})
    swapped = write("resources_average", "", None, {"m4": august, "m3": july, "m2": june})
    assert first != swapped
    assert first == write("resources_average", "", None, {"m4": june, "m3": july, "m2": august})
    fresh = explanation.sentences("rsa", "fr")._fill(
        "resources_average", "", None, {"m4": june, "m3": july, "m2": august}
    )
    assert first == fresh


def test_the_kept_tables_stay_bounded():
    """Hostile values (a new age each time) cannot grow the kept sentences or amounts without end."""
    from pti_citizen.simulator import explanation

    written = explanation.sentences("rsa", "fr")
    for age in range(explanation.SENTENCES_KEPT * 2):
        assert str(age) in written.write(
            "age", "applicant_young", None, {"age": age, "hours": 3214, "adult_age": 18}
        )
        assert len(written.kept) <= explanation.SENTENCES_KEPT
    for cents in range(explanation.WRITTEN_EUROS_KEPT * 2):
        written.write("earned_income", "", 1000 + cents / 100, {})
        assert len(written.euros) <= explanation.WRITTEN_EUROS_KEPT
    assert written.write("earned_income", "", 1234.5, {}) == written._fill("earned_income", "", 1234.5, {})
