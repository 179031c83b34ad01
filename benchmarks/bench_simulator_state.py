"""What one simulator session costs the server: the pickled size of its states (what the Redis state
manager stores per session) and the time of its events, run on the state classes without a browser.

    python benchmarks/bench_simulator_state.py [--repeat 200]

Prints, for the largest session the pages make (a couple with six children, every question, the
result, a job tried in « Et si je travaille ? », the nearest MDS found) and for issue #11's mother:

- the pickled size of each state, as ``BaseState._serialize`` writes it (target: ≤ 50 KiB a session);
- the CPU time of the thread per event (median, p99): a button answer, a typed amount (both re-read
  the answers once and render the wizard's view), opening the result (the estimate and its view),
  one keystroke in « Et si je travaille ? » (two estimates), finding the MDS;
- each event's time as a multiple of the engine's own estimate (``service.estimate``), in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import reflex as rx  # noqa: E402

from pti_citizen.simulator import answers as a  # noqa: E402
from pti_citizen.simulator import service  # noqa: E402
from pti_citizen.ui.simulator.state import ResultState, SimulatorState  # noqa: E402

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
LARGEST = [
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


def run(state, handler: str, *args):
    result = type(state).event_handlers[handler].fn(state, *args)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    return result


def answer(wizard, question: str, value) -> None:
    if isinstance(value, list):
        run(wizard, "submit", {"question": question, **{f"child-{i}": v for i, v in enumerate(value)}})
    elif a.BY_ID[question].kind == a.CHOICE or value in a.BY_ID[question].choices:
        run(wizard, "choose", question, value)
    else:
        run(wizard, "submit", {"question": question, "value": value})
    _ = wizard.wizard  # the view the page draws after the event


def session(journey):
    root = rx.State(_reflex_internal_init=True)
    wizard = root.substates[SimulatorState.get_name()]
    result = root.substates[ResultState.get_name()]
    for question, value in journey:
        answer(wizard, question, value)
    return root, wizard, result


def cpu(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.thread_time()
        function()
        times.append(time.thread_time() - start)
    return times


def show(name: str, times: list[float], unit: float) -> None:
    median = statistics.median(times)
    p99 = sorted(times)[max(0, int(len(times) * 0.99) - 1)]
    print(
        f"  {name:<38} median {median * 1000:7.3f} ms   p99 {p99 * 1000:7.3f} ms   {median / unit:5.1f}× an estimate"
    )


def measure(name: str, journey, repeat: int) -> None:
    root, wizard, result = session(journey)
    result._open("/fr/simulateur/resultat", "", "self", wizard.answers_json)
    household = a.household(a.load(wizard.answers_json))
    estimate_times = cpu(lambda: service.estimate(household, "fr"), repeat)
    unit = statistics.median(estimate_times)
    status, amount = dict(journey)["housing.status"], dict(journey)["housing.housing_benefit"]
    hours = iter(range(10**9))
    stored = wizard.answers_json
    turns = iter(range(10**9))

    def open_result():
        # The answers as sent again by the tab (one space more or less: the view is drawn anew).
        result._open("/fr/simulateur/resultat", "", "self", stored + " " * (next(turns) % 2))
        _ = result.result

    def keystroke():
        run(result, "set_job_hours", str(1 + next(hours) % 40))
        _ = result.work

    def button():
        run(wizard, "back", "housing.housing_benefit")
        answer(wizard, "housing.status", status)

    run(result, "set_job_wage", "12,50")
    print(f"{name}: {len(journey)} answers")
    show("service.estimate (the engine alone)", estimate_times, unit)
    show("answer with a button", cpu(button, repeat), unit)
    show(
        "answer typed (an amount)",
        cpu(lambda: answer(wizard, "housing.housing_benefit", amount), repeat),
        unit,
    )
    show("open the result (estimate + view)", cpu(open_result, repeat), unit)
    show("« Et si je travaille ? » keystroke", cpu(keystroke, repeat), unit)
    show("find the nearest MDS", cpu(lambda: run(result, "find_mds", {"commune": "Toulouse"}), 20), unit)
    result._open("/fr/simulateur/resultat", "", "self", stored)
    # As after an event: every view the page shows is computed (and cached in the state).
    assert result.result.outcome == "own" and result.work.ready and wizard.wizard.question
    sizes = {state.get_name(): len(state._serialize()) for state in (root, wizard, result)}
    total = sum(sizes.values())
    print("  pickled: " + ", ".join(f"{key.rsplit('____', 1)[-1]} {value} B" for key, value in sizes.items()))
    print(f"  pickled session (these states): {total} B = {total / 1024:.1f} KiB (target ≤ 50 KiB)")
    print(f"  answers as kept in the tab: {len(wizard.answers_json)} characters")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    for name, journey in (("issue #11's mother", MOTHER), ("largest session", LARGEST)):
        measure(name, journey, args.repeat)


if __name__ == "__main__":
    main()
