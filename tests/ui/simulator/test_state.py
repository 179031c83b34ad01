"""The simulator's state on the server, without a browser: the wizard walks the questions the engine
needs, refuses nonsense next to the field, the result page renders every benefit from the answers,
« Et si je travaille ? » recomputes on each change, the nearest MDS is found, a shared link shows
amounts only, what the browser sends back is bounded, and a session stays small."""

from __future__ import annotations

import asyncio
import json
import pickle
import urllib.parse

import pytest
import reflex as rx

from pti_citizen.i18n import format_euros, format_month_year
from pti_citizen.simulator import answers as a
from pti_citizen.simulator import estimate
from pti_citizen.simulator.common import reference_months
from pti_citizen.ui.simulator import view
from pti_citizen.ui.simulator.state import ResultState, SimulatorState
from pti_citizen.ui.state.kiosk import KioskState
from pti_citizen.ui.state.way_of_use import WayOfUseState

MOTHER = [
    ("couple", "single"),
    ("applicant.age", "30"),
    ("children", "2"),
    (a.CHILDREN_AGES, ["7", "3"]),
    ("pregnant", "no"),
    ("isolated_since_months", "long"),
    ("applicant.nationality", "fr"),
    ("applicant.student", "no"),
    ("housing.status", "tenant"),
    ("housing.housing_benefit", "450"),
    ("applicant.earned_income", "600"),
    ("applicant.earned_income_stopped", "goes_on"),
    ("applicant.other_income", "0"),
    ("child_support_received", "0"),
]


def run(state, handler: str, *args):
    result = type(state).event_handlers[handler].fn(state, *args)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    return result


@pytest.fixture
def states():
    root = rx.State(_reflex_internal_init=True)
    return root, root.substates[SimulatorState.get_name()], root.substates[ResultState.get_name()]


def answer(wizard, question: str, value):
    if isinstance(value, list):
        return run(wizard, "submit", {"question": question, **{f"child-{i}": v for i, v in enumerate(value)}})
    if a.BY_ID[question].kind == a.CHOICE or value in a.BY_ID[question].choices:
        return run(wizard, "choose", question, value)
    return run(wizard, "submit", {"question": question, "value": value})


def walk(wizard, journey) -> list[int]:
    steps = []
    redirect = None
    for question, value in journey:
        assert wizard.wizard.question == question
        steps.append(wizard.wizard.step)
        redirect = answer(wizard, question, value)
    assert redirect is not None and "/fr/simulateur/resultat" in str(redirect)
    return steps


def open_result(result, query: str = "", audience: str = "self", lang: str = "fr"):
    """As ``load_result`` opens the page: the wizard's answers, bounded by the wizard."""
    wizard = result.parent_state.substates[SimulatorState.get_name()]
    wizard._bound_storage()
    result._open(f"/{lang}/simulateur/resultat", query, audience, wizard.answers_json)


def test_the_wizard_asks_what_the_engine_needs_in_four_parts(states):
    _, wizard, _ = states
    steps = walk(wizard, MOTHER)
    assert steps == sorted(steps) and set(steps) == {1, 2, 3, 4}
    stored = json.loads(wizard.answers_json)
    assert stored == dict(MOTHER)
    assert wizard.wizard.child_support_later is True


def test_a_wizard_answer_leaves_the_result_page_s_state_alone(states):
    """The result page's state sits beside the wizard's, not under it: a wizard answer neither
    recomputes nor sends (nor, with Redis, reads or writes) it. tests/reliability/
    test_redis_per_event.py checks the same on a real server."""
    root, wizard, result = states
    assert ResultState.get_parent_state() is rx.State and ResultState not in SimulatorState.get_substates()
    # Only the wizard's own views depend on the wizard's fields (tests/ui/test_state_tree.py: the root's).
    assert SimulatorState._potentially_dirty_states == {SimulatorState.get_full_name()}
    walk(wizard, MOTHER)
    open_result(result)
    total = result.result.total
    root.get_delta()
    root._clean()
    run(wizard, "review")
    answer(wizard, "child_support_received", "50")
    delta = root.get_delta()
    assert SimulatorState.get_full_name() in delta and ResultState.get_full_name() not in delta
    open_result(result)  # the page opened again reads the answers as they are now
    assert result.result.total != total


def test_a_wrong_answer_is_refused_next_to_the_field_and_nothing_is_lost(states):
    _, wizard, _ = states
    answer(wizard, "couple", "single")
    before = wizard.answers_json
    for typed, code in (("abc", a.WHOLE_NUMBER), ("12", a.AGE_RANGE), ("", a.REQUIRED)):
        serial = wizard.error_serial
        answer(wizard, "applicant.age", typed)
        assert wizard.error == code and wizard.error_serial == serial + 1
        assert wizard.wizard.question == "applicant.age" and wizard.answers_json == before
    answer(wizard, "applicant.age", "30")
    answer(wizard, "children", "2")
    run(wizard, "submit", {"question": a.CHILDREN_AGES, "child-0": "7", "child-1": "40"})
    assert wizard.child_errors == ["", a.CHILD_AGE_RANGE]
    assert [field.value for field in wizard.wizard.child_fields] == ["7", "40"]  # as typed, kept
    # Hostile events change nothing: an unknown question, a button that is not one.
    assert run(wizard, "choose", "couple", "<script>") is None
    assert run(wizard, "choose", "nope", "single") is None
    assert run(wizard, "nothing", "couple") is None
    assert json.loads(wizard.answers_json)["couple"] == "single"


def test_back_keeps_every_answer(states):
    _, wizard, _ = states
    walk(wizard, MOTHER)
    run(wizard, "review")
    assert wizard.wizard.question == "child_support_received"
    run(wizard, "back", "pregnant")
    assert wizard.wizard.question == a.CHILDREN_AGES
    assert [field.value for field in wizard.wizard.child_fields] == ["7", "3"]
    assert wizard.wizard.chosen["applicant.age"] == "30"
    assert run(wizard, "back", "couple") is None
    run(wizard, "restart")
    assert wizard.answers_json == "" and wizard.wizard.question == "couple"


def test_the_result_shows_every_benefit_rendered_from_the_answers(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    shown = result.result
    expected = estimate(a.household(a.load(wizard.answers_json)), "fr")
    assert shown.outcome == view.OWN and shown.any_due
    assert [card.name for card in shown.due] == ["rsa", "prime_activite", "allocations_familiales", "asf"]
    assert [card.name for card in shown.not_due] == ["complement_familial", "paje_base"]
    assert shown.total == format_euros(expected.total_monthly_amount, "fr")
    assert all(card.reasons for card in shown.not_due)
    rsa = shown.due[0]
    assert "Président du Conseil départemental" in view.plain(rsa.decided_by)
    assert rsa.next_steps[:2] == ["apply_caf", "apply_msa"] and "prime_activite" not in rsa.next_steps
    # The months the CAF reads are said (M-4 to M-2), never « the last 3 months ».
    months = [format_month_year(m.first_day, "fr") for m in reference_months(expected.month)]
    assert any(all(month in view.plain(text) for month in months) for text in shown.assumptions)
    # The link and the QR code carry amounts, never an answer.
    query = urllib.parse.urlsplit(shown.link).query
    assert "450" not in query and "600" not in query and "=30" not in query
    assert shown.qr_code.startswith("/api/v1/rsa/qr.svg?lang=fr&")


def test_the_helper_and_another_language(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result, audience="helper", lang="ar")
    shown = result.result
    assert shown.outcome == view.OWN
    assert "١" not in shown.total and "€" in shown.total
    open_result(result, audience="helper", lang="fr")
    steps = " ".join(view.plain(step.text) for card in result.result.due for step in card.steps)
    assert "La personne que vous aidez" in steps


def test_a_shared_link_shows_amounts_only_and_a_broken_one_a_message(states):
    _, _, result = states
    open_result(result, "v=2&mois=2026-12&rsa=11.31&prime_activite=359.10&asf=0.00&n=apply_caf,aripa")
    shown = result.result
    assert shown.outcome == view.SHARED and not shown.legacy
    assert [card.name for card in shown.due] == ["rsa", "prime_activite"]
    assert [card.name for card in shown.not_due] == ["asf"]
    assert shown.next_steps == ["apply_caf", "aripa"] and shown.due[0].steps == []
    assert result.work == view.WorkView()  # no « Et si je travaille ? » without answers
    open_result(result, "m=573.49&e=1&n=caf&mois=2026-11")
    assert result.result.outcome == view.SHARED and result.result.legacy
    open_result(result, "v=2&mois=2026-12&rsa=abc&n=")
    assert result.result.outcome == view.BAD_LINK
    open_result(result, "x" * 5000)
    assert result.result.outcome == view.BAD_LINK and len(result.shared_query) <= 601


def test_without_answers_the_result_asks_for_them(states):
    _, _, result = states
    assert result.result.outcome == view.WAITING  # not on the result page: nothing computed
    open_result(result)
    assert result.result.outcome == view.INCOMPLETE


def test_what_if_recomputes_on_each_change_and_refuses_nonsense_next_to_the_field(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    assert result.work.ready is False and result.work.errors == {}
    run(result, "set_job_hours", "20")
    assert result.work.ready is False and result.work.errors == {}  # the wage is still to come
    run(result, "set_job_wage", "11,88")
    work = result.work
    assert work.ready and work.summary and "trimestre" in view.plain(work.delay)
    now = estimate(a.household(a.load(wizard.answers_json)), "fr")
    assert work.now.total == format_euros(600 + now.total_monthly_amount, "fr")
    assert work.now.rsa == format_euros(now.benefit("rsa").monthly_amount, "fr")
    run(result, "set_job_hours", "200")
    assert result.work.ready is False and set(result.work.errors) == {"hours_per_week"}
    run(result, "set_job_wage", "-3")
    assert set(result.work.errors) == {"hours_per_week", "hourly_wage"}
    run(result, "set_job_mode", "pay")
    run(result, "set_job_pay", "1 200")
    assert result.work.ready and result.work.errors == {}
    run(result, "set_job_pay", "9" * 100)
    assert len(result.job_pay) == 20 and result.work.errors
    run(result, "set_job_mode", "<bad>")
    assert result.job_mode == "hours"


def test_i_know_the_amount_the_caf_pays(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    run(result, "give_family_benefits", {"family_benefits": "abc"})
    assert result.family_error == "money_not_a_number" and result.result.family_given is False
    run(result, "give_family_benefits", {"family_benefits": "556,58"})
    shown = result.result
    assert shown.family_given and [c.name for c in shown.due + shown.not_due] == ["prime_activite", "rsa"]
    # What the CAF pays (ASF in full) counted as such leaves no RSA: the hint says to let the tool
    # estimate them (the RSA counts the ASF at its flat rate, issue #11).
    assert result.family_typed == "556,58"
    assert json.loads(wizard.answers_json)[a.FAMILY_BENEFITS] == "556,58"  # the tab keeps it too
    run(result, "estimate_family_benefits")
    assert not result.result.family_given and len(result.result.due) == 4
    assert a.FAMILY_BENEFITS not in json.loads(wizard.answers_json)


def test_the_nearest_mds_to_the_town_given(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    run(result, "find_mds", {"commune": "Muret"})
    card = result.mds
    assert card.found and card.name == "Maison des Solidarités de Muret"
    assert card.phone and card.phone_href.startswith("tel:+33") and card.status
    assert card.locator_query == "?q=Muret&kind=mds"
    assert result.town == "Muret"
    run(result, "find_mds", {"commune": "Murett"})
    assert not result.mds.found and result.mds.error and "Muret" in result.mds.suggestions
    run(result, "pick_town", "Muret")
    assert result.mds.found
    run(result, "find_mds", {"commune": "x" * 5000})
    assert len(result.town) <= 200


def test_what_the_browser_sends_back_is_bounded(states):
    _, wizard, result = states
    wizard.answers_json = json.dumps({"couple": "single", "junk": "x" * 10_000})
    wizard.position = "<script>"
    run(wizard, "open_wizard")
    assert wizard.answers_json == "" and wizard.position == ""
    wizard.answers_json = json.dumps({"couple": "single", "__proto__": {"a": 1}, "applicant.age": "30"})
    assert wizard.wizard.question == "children"
    result.town = "y" * 1000
    open_result(result)
    assert result.town == ""


def test_the_kiosk_reset_forgets_the_answers_the_town_and_the_job(states):
    root, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    run(result, "find_mds", {"commune": "Muret"})
    run(result, "set_job_hours", "20")
    run(result, "show_phone_link")
    assert result.phone.d
    kiosk = root.substates[KioskState.get_name()]
    run(kiosk, "erase_everything")
    assert wizard.answers_json == "" and result.town == "" and result.job_hours == ""
    assert result.mds == view.MdsCard() and result.lang == "" and result._answers_json == ""
    assert result.phone == view.PhoneView()
    assert root.substates[WayOfUseState.get_name()].kiosk_keep


def test_a_session_stays_small(states):
    """The biggest session the pages make: a couple with six children, every question, the result,
    a job tried and an MDS found. Measured pickled, as the Redis state manager stores it."""
    root, wizard, result = states
    couple = [
        ("couple", "couple"),
        ("applicant.age", "41"),
        ("partner.age", "39"),
        ("children", "6"),
        (a.CHILDREN_AGES, ["1", "4", "7", "10", "15", "19"]),
        ("applicant.nationality", "non_eu"),
        ("applicant.refugee", "no"),
        ("applicant.residence_permit_years", "enough"),
        ("partner.nationality", "eu"),
        ("partner.residence_permit_years", "enough"),
        ("applicant.student", "no"),
        ("partner.student", "no"),
        ("housing.status", "owner_with_loan"),
        ("housing.housing_benefit", "1 234,56 €"),
        ("applicant.earned_income", "1 100,25"),
        ("applicant.earned_income_stopped", "goes_on"),
        ("partner.earned_income", "300"),
        ("partner.earned_income_stopped", "stopped"),
        ("applicant.other_income", "45"),
        ("partner.other_income", "0"),
    ]
    walk(wizard, couple)
    open_result(result)
    assert result.result.outcome == view.OWN
    run(result, "find_mds", {"commune": "Toulouse"})
    run(result, "set_job_who", "partner")
    run(result, "set_job_hours", "35")
    run(result, "set_job_wage", "12,50")
    assert result.work.ready
    run(result, "show_phone_link")  # the QR code of every answer, as one SVG path
    assert result.phone.size and result.phone.d
    sizes = {state.get_full_name(): len(state._serialize()) for state in (root, wizard, result)}
    assert sum(sizes.values()) <= 50 * 1024, sizes
    assert len(pickle.dumps(json.loads(wizard.answers_json))) < 2048


def test_continue_on_my_phone_carries_the_answers_to_another_tab(states):
    _, wizard, result = states
    walk(wizard, MOTHER)
    open_result(result)
    assert result.phone == view.PhoneView()  # made only when asked for
    run(result, "show_phone_link")
    link = urllib.parse.urlsplit(result.phone.link)
    assert link.path == "/fr/simulateur" and link.fragment.startswith("r1.")
    total = result.result.total

    _, phone, phone_result = _fresh()
    phone.handed_over = link.fragment  # what assets/app.js puts in the tab's storage
    redirect = phone_open(phone)
    assert "/fr/simulateur/resultat" in str(redirect)
    assert json.loads(phone.answers_json) == json.loads(wizard.answers_json)
    assert phone.handed_over == "" and phone.link_problem == ""
    open_result(phone_result)
    assert phone_result.result.total == total


@pytest.mark.parametrize(
    ("fragment", "problem"),
    [
        ("r1.bm90IGpzb24", "malformed"),
        ("r1." + "A" * 5000, "malformed"),
        ("r9.WzBd", "version"),
        ("rx", "malformed"),
    ],
)
def test_a_broken_or_older_phone_link_is_said_and_takes_nothing(fragment, problem):
    _, phone, _ = _fresh()
    phone.handed_over = fragment
    assert phone_open(phone) is None
    assert phone.link_problem == problem and phone.answers_json == "" and phone.handed_over == ""


def _fresh():
    root = rx.State(_reflex_internal_init=True)
    return root, root.substates[SimulatorState.get_name()], root.substates[ResultState.get_name()]


def phone_open(wizard):
    return run(wizard, "open_wizard")
