"""Real journeys of the app, played over the websocket as a browser tab plays them.

- (the home page and the content pages are server-rendered: a GET, no websocket, nothing to play here);
- simulator: the wizard loads, every question the server asks is answered (buttons, typed ages and
  amounts) until the server redirects to the result page, whose ``on_load`` renders the estimate;
- locator: the « Trouver une MDS » page loads and a town is searched;
- feedback: « Est-ce que cette page est claire ? » answered through the websocket widget (the Reflex
  pages' one; the server-rendered pages post JSON, `web/routers/feedback_answers.py`).

The answers follow the server: the client reads the question the state says is on screen and
answers it from a household profile, so a change in the wizard's order does not break the journey.
Each step reports ``(name, seconds)`` to ``record`` (Locust's request event, or a list in tests).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pti_citizen.simulator import answers

from .reflex_ws import FIELD, ReflexError, ReflexSession, has_event, state_name, touches

SIMULATOR = state_name("pti_citizen.ui.simulator.state", "SimulatorState")
#: The result page's state, beside the wizard's (it reads the answers when the page opens).
RESULT_STATE = state_name("pti_citizen.ui.simulator.state", "ResultState")
#: Its name when it was the wizard's substate (up to main ``3ca3aff``): read too, so that
#: ``loadtest.capacity --code <older revision>`` plays the same journeys for a « before » row.
OLDER_RESULT_STATE = SIMULATOR + "." + RESULT_STATE.rsplit(".", 1)[1]
LOCATOR = state_name("pti_citizen.ui.locator.state", "LocatorState")
FEEDBACK = state_name("pti_citizen.ui.feedback.state", "FeedbackState")
#: The tab's sessionStorage, as the compiled page declares it: ``SimulatorState`` var → storage key.
SESSION_STORAGE = {
    f"{SIMULATOR}.answers_json{FIELD}": "pti_simulateur_reponses",
    f"{SIMULATOR}.position{FIELD}": "pti_simulateur_question",
    f"{SIMULATOR}.handed_over{FIELD}": "pti_simulateur_lien",
    f"{RESULT_STATE}.town{FIELD}": "pti_simulateur_commune",
}

HOME = "/{lang}/"
WIZARD = "/{lang}/simulateur/"
RESULT = "/{lang}/simulateur/resultat/"
LOCATOR_PAGE = "/{lang}/trouver-une-mds/"
#: Towns of Haute-Garonne with an MDS or a point d'accueil (directory/data/places.csv).
TOWNS = ("Toulouse", "Muret", "Saint-Gaudens", "Colomiers", "Blagnac", "Revel", "Carbonne", "Cierp-Gaud")

Record = Callable[[str, float], None]

#: Households that, between them, walk every question of the wizard (couples, children, non-EU
#: nationality with or without refugee status, EU citizens, young adults, every housing status).
PROFILES: tuple[Mapping[str, object], ...] = (
    {
        "couple": "single",
        "applicant.age": "34",
        "children": "1",
        "children.ages": ["4"],
        "pregnant": "no",
        "isolated_since_months": "recent",
        "applicant.nationality": "fr",
        "applicant.student": "no",
        "housing.status": "tenant",
        "housing.housing_benefit": "250",
        "applicant.earned_income": "400",
        "applicant.earned_income_stopped": "goes_on",
        "applicant.other_income": "0",
        "child_support_received": "120",
    },
    {
        "couple": "couple",
        "applicant.age": "22",
        "partner.age": "23",
        "children": "0",
        "pregnant": "no",
        "applicant.nationality": "non_eu",
        "applicant.refugee": "no",
        "applicant.residence_permit_years": "enough",
        "partner.nationality": "eu",
        "partner.residence_permit_years": "enough",
        "applicant.student": "no",
        "partner.student": "no",
        "applicant.worked_hours_last_3_years": "less",
        "partner.worked_hours_last_3_years": "enough",
        "housing.status": "housed_free",
        "applicant.earned_income": "0",
        "partner.earned_income": "650,50",
        "partner.earned_income_stopped": "goes_on",
        "applicant.other_income": "0",
        "partner.other_income": "0",
    },
    {
        "couple": "single",
        "applicant.age": "52",
        "children": "0",
        "pregnant": "no",
        "applicant.nationality": "non_eu",
        "applicant.refugee": "yes",
        "applicant.student": "no",
        "housing.status": "homeless",
        "applicant.earned_income": "0",
        "applicant.other_income": "80",
    },
    {
        "couple": "couple",
        "applicant.age": "41",
        "partner.age": "39",
        "children": "3",
        "children.ages": ["2", "7", "15"],
        "applicant.nationality": "eu",
        "applicant.residence_permit_years": "less",
        "partner.nationality": "non_eu",
        "partner.refugee": "no",
        "partner.residence_permit_years": "less",
        "applicant.student": "no",
        "partner.student": "yes",
        "housing.status": "owner_with_loan",
        "housing.housing_benefit": "90",
        "applicant.earned_income": "900",
        "applicant.earned_income_stopped": "stopped",
        "partner.earned_income": "0",
        "applicant.other_income": "0",
        "partner.other_income": "0",
    },
)


def kind(question: str, value: object) -> str:
    """How the page sends an answer: a button, the children's ages form, or a typed field."""
    spec = answers.BY_ID[question]
    if spec.kind == answers.AGES:
        return "ages"
    if spec.kind == answers.CHOICE or value in spec.choices:
        return "choice"
    return "typed"


def question_on_screen(tab: ReflexSession) -> str | None:
    return (tab.get(SIMULATOR, "wizard") or {}).get("question")


@dataclass
class SimulatorOutcome:
    questions: int
    outcome: str
    eligible: bool
    amount: str


def answered(tab: ReflexSession, question: str):
    """The update that answers a click on ``question``: the next question, the redirect to the
    result, or a refusal (the error counter moves)."""
    serial = tab.get(SIMULATOR, "error_serial")

    def check(update) -> bool:
        if has_event("_redirect")(update):
            return True
        if not touches(SIMULATOR, "wizard", "position", "error_serial")(update):
            return False
        return question_on_screen(tab) != question or tab.get(SIMULATOR, "error_serial") != serial

    return check


def result_shown(tab: ReflexSession):
    """The update that shows the result: its ``outcome`` is set (a page's first state says « waiting »,
    ``""``, before its on-load handler has read the language and the answers)."""

    def check(update) -> bool:
        return any(touches(state, "result")(update) for state in (RESULT_STATE, OLDER_RESULT_STATE)) and bool(
            shown_result(tab).get("outcome")
        )

    return check


def shown_result(tab: ReflexSession) -> dict:
    """The result page's ``result`` view as the tab has it (``{}`` before it is sent)."""
    return tab.get(RESULT_STATE, "result") or tab.get(OLDER_RESULT_STATE, "result") or {}


def answer_question(tab: ReflexSession, question: str, profile: Mapping[str, object]) -> tuple[float, dict]:
    """Answer the question on screen the way its buttons or form would send it."""
    value = profile.get(question)
    how = kind(question, value)
    until = answered(tab, question)
    if how == "choice":
        return tab.send(f"{SIMULATOR}.choose", {"question": question, "value": value}, until=until)
    if how == "ages":
        form = {"question": question, **{f"child-{i}": str(age) for i, age in enumerate(value or [])}}
        return tab.send(f"{SIMULATOR}.submit", {"form_data": form}, until=until)
    return tab.send(
        f"{SIMULATOR}.submit", {"form_data": {"question": question, "value": str(value)}}, until=until
    )


def simulator(
    tab: ReflexSession,
    record: Record,
    lang: str = "fr",
    profile: Mapping[str, object] | None = None,
    *,
    pause: Callable[[], None] = lambda: None,
    max_questions: int = 40,
    stop_after: int | None = None,
) -> SimulatorOutcome | None:
    """Open the wizard, answer until the server redirects, then load the result page.
    ``stop_after=n`` leaves after n answers (``None`` returned): the fault test resumes later."""
    profile = profile or random.choice(PROFILES)
    if tab.path != WIZARD.format(lang=lang) or not tab.connected:
        record("open simulateur", tab.open(WIZARD.format(lang=lang)))
    return resume_simulator(
        tab, record, lang, profile, pause=pause, max_questions=max_questions, stop_after=stop_after
    )


def resume_simulator(
    tab: ReflexSession,
    record: Record,
    lang: str,
    profile: Mapping[str, object],
    *,
    pause: Callable[[], None] = lambda: None,
    max_questions: int = 40,
    stop_after: int | None = None,
) -> SimulatorOutcome | None:
    answered = 0
    for _ in range(max_questions):
        if stop_after is not None and answered >= stop_after:
            return None
        question = question_on_screen(tab)
        if question not in profile:
            raise ReflexError(
                f"the wizard asks {question!r}, which profile {sorted(profile)} has no answer for"
            )
        pause()
        seconds, update = answer_question(tab, question, profile)
        answered += 1
        record(f"answer {kind(question, profile[question])}", seconds)
        if tab.get(SIMULATOR, "error"):
            raise ReflexError(
                f"the wizard refused {question}={profile[question]!r}: {tab.get(SIMULATOR, 'error')}"
            )
        if has_event("_redirect")(update):
            break
    else:
        raise ReflexError(f"no result after {max_questions} answers")
    record("load result", tab.navigate(RESULT.format(lang=lang), until=result_shown(tab)))
    result = shown_result(tab)
    return SimulatorOutcome(
        questions=answered,
        outcome=result.get("outcome", ""),
        eligible=bool(result.get("any_due")),
        amount=result.get("total") or "",
    )


def locator(tab: ReflexSession, record: Record, lang: str = "fr", town: str | None = None) -> int:
    """Search the MDS and places near a town; returns how many cards the server sent back."""
    record("open locator", tab.open(LOCATOR_PAGE.format(lang=lang)))
    seconds, _update = tab.send(
        f"{LOCATOR}.search_town",
        {"form_data": {"q": town or random.choice(TOWNS)}},
        until=touches(LOCATOR, "result"),
    )
    record("search town", seconds)
    result = tab.get(LOCATOR, "result") or {}
    return len(result.get("cards") or [])


def feedback(
    tab: ReflexSession, record: Record, page: str, lang: str = "fr", answer: str = "oui"
) -> tuple[str, str]:
    """Answer « Est-ce que cette page est claire ? » on ``/<lang>/<page>`` (already open).
    Returns ``(step, notice)``: step ``details`` means stored, ``ask`` with a notice means refused."""
    seconds, _update = tab.send(
        f"{FEEDBACK}.answer_page",
        {"page": page, "lang": lang, "answer": answer, "mode": "moi"},
        until=touches(FEEDBACK, "step", "notice"),
    )
    record("feedback answer", seconds)
    return tab.get(FEEDBACK, "step"), tab.get(FEEDBACK, "notice") or ""
