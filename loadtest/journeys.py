"""Real journeys of the app, played over the websocket as a browser tab plays them.

- (the home page and the content pages are server-rendered: a GET, no websocket, nothing to play here);
- simulator: the wizard loads, every question the server asks is answered (buttons, typed ages and
  amounts) until the server redirects to the result page, whose ``on_load`` computes the estimate;
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

from .reflex_ws import FIELD, ReflexError, ReflexSession, has_event, state_name, touches

SIMULATOR = state_name("pti_citizen.ui.simulator.state", "SimulatorState")
LOCATOR = state_name("pti_citizen.ui.locator.state", "LocatorState")
FEEDBACK = state_name("pti_citizen.ui.feedback.state", "FeedbackState")
#: The tab's sessionStorage, as the compiled page declares it: ``SimulatorState`` var → storage key.
SESSION_STORAGE = {
    f"{SIMULATOR}.answers_json{FIELD}": "pti_simulateur_reponses",
    f"{SIMULATOR}.position{FIELD}": "pti_simulateur_question",
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
        "age": "34",
        "children_count": "1",
        "children_ages": ["4"],
        "pregnant": "no",
        "isolated": "recent",
        "nationality": "fr",
        "student": "no",
        "hours": "enough",
        "housing": "tenant",
        "housing_benefit": "250",
        "earned": "400",
        "other_income": "0",
        "family_benefits": "120",
    },
    {
        "couple": "couple",
        "age": "22",
        "partner_age": "23",
        "children_count": "0",
        "pregnant": "yes",
        "nationality": "non_eu",
        "refugee": "no",
        "permit": "enough",
        "eu_residence": "enough",
        "partner_nationality": "eu",
        "partner_refugee": "no",
        "partner_permit": "enough",
        "partner_eu_residence": "enough",
        "student": "no",
        "partner_student": "no",
        "hours": "less",
        "partner_hours": "enough",
        "housing": "housed_free",
        "earned": "0",
        "partner_earned": "650,50",
        "other_income": "0",
    },
    {
        "couple": "single",
        "age": "52",
        "children_count": "0",
        "pregnant": "no",
        "nationality": "non_eu",
        "refugee": "yes",
        "student": "no",
        "housing": "homeless",
        "earned": "0",
        "other_income": "80",
    },
    {
        "couple": "couple",
        "age": "41",
        "partner_age": "39",
        "children_count": "3",
        "children_ages": ["2", "7", "15"],
        "nationality": "eu",
        "eu_residence": "less",
        "partner_nationality": "non_eu",
        "partner_refugee": "no",
        "partner_permit": "less",
        "student": "no",
        "partner_student": "yes",
        "housing": "owner_with_loan",
        "earned": "900",
        "partner_earned": "0",
        "other_income": "0",
        "family_benefits": "300",
    },
)

KINDS = {  # question id → how it is answered (mirrors ui/simulator/flow.QUESTIONS kinds)
    "age": "typed",
    "partner_age": "typed",
    "children_ages": "ages",
    "housing_benefit": "typed",
    "earned": "typed",
    "partner_earned": "typed",
    "other_income": "typed",
    "family_benefits": "typed",
}


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
        if not touches(SIMULATOR, "question", "position", "error_serial")(update):
            return False
        return tab.get(SIMULATOR, "question") != question or tab.get(SIMULATOR, "error_serial") != serial

    return check


def answer_question(tab: ReflexSession, question: str, profile: Mapping[str, object]) -> tuple[float, dict]:
    """Answer the question on screen the way its buttons or form would send it."""
    value = profile.get(question)
    kind = KINDS.get(question, "choice")
    until = answered(tab, question)
    if kind == "choice":
        return tab.send(f"{SIMULATOR}.choose", {"question": question, "value": value}, until=until)
    if kind == "ages":
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
        question = tab.get(SIMULATOR, "question")
        if question not in profile:
            raise ReflexError(
                f"the wizard asks {question!r}, which profile {sorted(profile)} has no answer for"
            )
        pause()
        seconds, update = answer_question(tab, question, profile)
        answered += 1
        record(f"answer {KINDS.get(question, 'choice')}", seconds)
        if tab.get(SIMULATOR, "error"):
            raise ReflexError(
                f"the wizard refused {question}={profile[question]!r}: {tab.get(SIMULATOR, 'error')}"
            )
        if has_event("_redirect")(update):
            break
    else:
        raise ReflexError(f"no result after {max_questions} answers")
    record("load result", tab.navigate(RESULT.format(lang=lang), until=touches(SIMULATOR, "outcome")))
    return SimulatorOutcome(
        questions=answered,
        outcome=tab.get(SIMULATOR, "outcome"),
        eligible=bool(tab.get(SIMULATOR, "eligible")),
        amount=tab.get(SIMULATOR, "amount") or "",
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
