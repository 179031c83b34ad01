"""The Kiosques Insertion section on the server: only a signed-in team publishes, changes or cancels,
and what it publishes is what the directory shows next."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import reflex as rx

import pti_citizen.pti_citizen  # noqa: F401  (registers every page and its states)
from pti_citizen import directory
from pti_citizen.kiosques import mds_names
from pti_citizen.services import services
from pti_citizen.ui.feedback.review_state import ReviewState
from pti_citizen.ui.kiosques.state import KiosqueState

SECRET = "a-long-enough-team-secret"


def run(state, handler: str, *args):
    cls = type(state)
    return asyncio.run(cls.event_handlers[handler].fn(state, *args))


@pytest.fixture
def states(db_url, monkeypatch):
    monkeypatch.setenv("PTI_REVIEW_SECRET", SECRET)
    root = rx.State(_reflex_internal_init=True)
    return root.substates[ReviewState.get_name()], root.substates[KiosqueState.get_name()]


def form(**changes):
    day = dt.date.today() + dt.timedelta(days=9)
    base = {
        "place_id": "mds31-056",
        "date": day.isoformat(),
        "start": "09:30",
        "end": "12:00",
        "summary": "Venez rencontrer un conseiller pour choisir votre accompagnement.",
        "langue-fr": "on",
        "langue-ar": "on",
    }
    return {**base, **changes}


def found_by_the_directory() -> list[str]:
    _, body = directory.nearest_payload(
        q="Muret", kind="kiosque", limit=1, kiosques=services().kiosques.current()
    )
    return [k["end"] for item in body["items"] for k in item["kiosques"]]


def test_nothing_happens_without_signing_in(states):
    _, kiosques = states
    run(kiosques, "save_kiosque", form())
    assert kiosques.kiosques == [] and kiosques.kiosque_notice == ""
    assert found_by_the_directory() == []


def test_publish_change_and_cancel(states):
    review, kiosques = states
    asyncio.run(ReviewState.event_handlers["sign_in"].fn(review, {"secret": SECRET}))
    run(kiosques, "save_kiosque", form())
    assert kiosques.kiosque_notice.startswith("Kiosque publié")
    (row,) = kiosques.kiosques
    assert row["mds"] == mds_names()["mds31-056"]
    assert row["languages"] == "français, arabe" and row["where"] == "À la MDS"
    assert found_by_the_directory() == ["12:00"]

    run(kiosques, "edit_kiosque", row["id"])
    assert kiosques.editing["id"] == row["id"] and kiosques.editing_languages == ["fr", "ar"]
    run(kiosques, "save_kiosque", form(id=row["id"], end="12:30"))
    assert kiosques.kiosque_notice == "Kiosque modifié." and found_by_the_directory() == ["12:30"]
    assert kiosques.editing == {}

    run(kiosques, "cancel_kiosque", row["id"])
    assert kiosques.kiosque_notice.startswith("Kiosque annulé") and kiosques.kiosques == []
    assert found_by_the_directory() == []


def test_a_wrong_kiosque_is_not_published_and_says_why(states):
    review, kiosques = states
    asyncio.run(ReviewState.event_handlers["sign_in"].fn(review, {"secret": SECRET}))
    run(kiosques, "save_kiosque", form(end="09:00"))
    assert "end" in kiosques.kiosque_errors and "corrigez" in kiosques.kiosque_notice
    assert kiosques.kiosques == []


@pytest.mark.parametrize("bad_id", ["²", "١", "1" * 30, "-1"])
def test_bad_kiosque_ids_neither_raise_nor_touch_another_kiosque(states, bad_id):
    """Issue #13 item 10: « ² » raised, « ١ » edited kiosque 1, 30 digits overflowed the database."""
    review, kiosques = states
    asyncio.run(ReviewState.event_handlers["sign_in"].fn(review, {"secret": SECRET}))
    run(kiosques, "save_kiosque", form())
    (first,) = kiosques.kiosques
    assert first["id"] == "1" or first["id"].isdigit()
    run(kiosques, "edit_kiosque", bad_id)
    assert kiosques.editing == {}
    run(kiosques, "save_kiosque", form(id=bad_id, end="12:45"))
    assert kiosques.kiosque_notice == "Ce kiosque n'existe plus."
    run(kiosques, "cancel_kiosque", bad_id)
    (still,) = kiosques.kiosques
    assert still == first and found_by_the_directory() == ["12:00"]
