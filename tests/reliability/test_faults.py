"""Faults in the middle of a journey, on two workers sharing sessions through Redis.

Each tab here is what a browser tab sends and keeps (``loadtest/reflex_ws.py``): its session token,
its sessionStorage, and on a reconnect the same ``hydrate_and_load`` as ``state.js``.
"""

from __future__ import annotations

import json
import time

import pytest
import sqlalchemy as sa

from loadtest import journeys
from loadtest.journeys import FEEDBACK, PROFILES, SIMULATOR, WIZARD
from loadtest.reflex_ws import ReflexError, ReflexSession, either, has_event, hydrated
from pti_citizen.i18n import LANGUAGES
from pti_citizen.ui.layout import client_messages

PROFILE = PROFILES[0]
#: The update that makes the page show its translated « the server has a problem » alert.
ALERT = has_event("_set_focus")


def _alerts(tab: ReflexSession, since: int) -> list[dict]:
    return [
        event
        for update in tab.updates[since:]
        for event in update.get("events") or ()
        if event.get("name") == "_set_focus"
    ]


def _ignore(_name: str, _seconds: float) -> None:
    pass


def _tab(backend) -> ReflexSession:
    return ReflexSession(backend.url, session_storage=journeys.SESSION_STORAGE, timeout=15)


def _reconnect(tab: ReflexSession, timeout: float = 20) -> None:
    """What state.js does after a lost connection: connect again, same token, the tab's storage."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            tab.open(tab.path, tab.query, first=False)
            return
        except ReflexError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _answers(tab: ReflexSession) -> dict:
    return json.loads(tab.get(SIMULATOR, "answers_json") or "{}")


@pytest.fixture(scope="module")
def reference(backend):
    """The same household, answered without any fault."""
    tab = _tab(backend)
    try:
        return journeys.simulator(tab, _ignore, "fr", PROFILE)
    finally:
        tab.close()


def test_the_alert_for_a_server_problem_is_translated():
    texts = {lang: client_messages(lang)["serverProblem"] for lang in LANGUAGES}
    assert len(set(texts.values())) == len(LANGUAGES) and all(texts.values())
    assert "Réessayez" in texts["fr"]


def test_a_worker_killed_mid_journey_loses_no_answer(backend, reference):
    tab = _tab(backend)
    journeys.simulator(tab, _ignore, "fr", PROFILE, stop_after=5)
    before = _answers(tab)
    question = journeys.question_on_screen(tab)
    assert len(before) == 5
    # Other people, connected at the same time (some on the other worker).
    others = [_tab(backend) for _ in range(6)]
    for other in others:
        other.open(WIZARD.format(lang="fr"))
    victim = backend.worker_serving(_ports_of(tab))
    survivors = [other for other in others if backend.worker_serving(_ports_of(other)).pid != victim.pid]

    backend.kill(victim)
    assert tab.disconnected.wait(10), "the tab did not notice the lost worker"
    _reconnect(tab)

    # The wizard shows the question the person was on, with every answer given so far.
    assert _answers(tab) == before
    assert journeys.question_on_screen(tab) == question
    result = journeys.resume_simulator(tab, _ignore, "fr", PROFILE)
    assert result is not None and result.questions == reference.questions - 5
    assert (result.outcome, result.eligible, result.amount) == (
        reference.outcome,
        reference.eligible,
        reference.amount,
    )
    # Granian replaced the worker; people on the other worker never noticed.
    workers = backend.wait_for_workers(2)
    assert victim.pid not in {w.pid for w in workers}
    for other in survivors:
        assert other.connected
        other.send(
            f"{SIMULATOR}.choose",
            {"question": "couple", "value": "couple"},
            until=journeys.answered(other, "couple"),
        )
        assert journeys.question_on_screen(other) == "applicant.age"
    for other in others:
        other.close()
    tab.close()


def _ports_of(tab: ReflexSession) -> set[int]:
    """Client-side ports of this tab's websocket (its engine.io transport's socket)."""
    sock = tab._sio.eio.ws.sock  # websocket-client's socket
    return {sock.getsockname()[1]}


def test_the_session_kept_in_redis_outlives_its_worker(backend):
    """The feedback widget keeps the stored answer's row id on the server only (never in the
    browser): sending the details after the worker died works because Redis kept it."""
    tab = _tab(backend)
    page = "droits/montant-du-rsa"
    tab.open(f"/fr/{page}")
    step, notice = journeys.feedback(tab, _ignore, page, answer="non")
    assert (step, notice) == ("details", "")
    backend.kill(backend.worker_serving(_ports_of(tab)))
    assert tab.disconnected.wait(10)
    _reconnect(tab)
    comment = "Le tableau des montants est difficile à lire sur mon téléphone"
    tab.send(
        f"{FEEDBACK}.send_details",
        {"form": {"page": page, "lang": "fr", "comment": comment, "manque-exemple": "on"}},
        until=lambda update: tab.get(FEEDBACK, "step") == "done" or ALERT(update),
    )
    assert tab.get(FEEDBACK, "step") == "done"
    engine = sa.create_engine(f"sqlite:///{backend.database}")
    with engine.connect() as db:
        rows = db.execute(
            sa.text("SELECT answer, missing, details_given FROM feedback WHERE comment = :c"),
            {"c": comment},
        ).all()
    assert rows == [("non", "exemple", 1)]
    backend.wait_for_workers(2)
    tab.close()


def test_redis_restart_is_reported_then_the_journey_goes_on(backend, reference):
    redis = backend.redis
    tab = _tab(backend)
    journeys.simulator(tab, _ignore, "fr", PROFILE, stop_after=4)
    before = _answers(tab)
    question = journeys.question_on_screen(tab)

    redis.stop()
    try:
        # The next answer cannot be saved: the page shows the translated alert, answers untouched.
        since = len(tab.updates)
        with pytest.raises(ReflexError):
            journeys.answer_question(tab, question, PROFILE)  # no new question comes
        assert _alerts(tab, since), "no alert for the failed event"
        assert _answers(tab) == before == json.loads(tab.storage[_storage_key()])
        # A page opened now shows its (prerendered) text and the same alert.
        newcomer = _tab(backend)
        newcomer.open(WIZARD.format(lang="ar"), until=either(ALERT, hydrated))
        assert _alerts(newcomer, 0)
        assert tab.connected and newcomer.connected  # no false « offline » banner
    finally:
        redis.start()  # empty: no persistence

    # Back, but the server forgot every session: the click is set aside, the tab sends its
    # answers again, and the person sees the same question with everything answered so far.
    since = len(tab.updates)
    tab.send(f"{SIMULATOR}.choose", {"question": question, "value": PROFILE[question]}, until=ALERT)
    tab.wait(hydrated, since)  # the tab's answers went back to the server
    assert _answers(tab) == before
    assert journeys.question_on_screen(tab) == question
    assert _alerts(tab, since)
    result = journeys.resume_simulator(tab, _ignore, "fr", PROFILE)
    assert (result.outcome, result.amount) == (reference.outcome, reference.amount)
    # New visitors are served normally again.
    newcomer.open(WIZARD.format(lang="ar"))
    assert journeys.question_on_screen(newcomer) == "couple"
    newcomer.close()
    tab.close()


def _storage_key() -> str:
    return next(iter(journeys.SESSION_STORAGE))
