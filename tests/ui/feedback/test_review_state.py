"""The team's review space on the server, without a browser: the secret opens it, a wrong one does
not, the sign-in ends after 15 minutes without action and with its connection, filters are checked,
the CSV follows them."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import reflex as rx

import pti_citizen.pti_citizen  # noqa: F401  (registers every page and its states)
from pti_citizen.db import feedback_store
from pti_citizen.feedback.submission import check_answer, check_details
from pti_citizen.services import services
from pti_citizen.ui.feedback import review_state
from pti_citizen.ui.feedback.review_state import ReviewState
from pti_citizen.ui.session_guard import SessionMarkerState, forget_other_connections

SECRET = "a-long-enough-team-secret"
PAGE = "droits/montant-du-rsa"


def run(state, handler: str, *args):
    result = ReviewState.event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def connect(root: rx.State, sid: str, token: str = "tab-token") -> None:
    """What Reflex does for each event: the connection's router data on the state."""
    data = {"sid": sid, "token": token, "ip": "192.0.2.1", "headers": {"host": "127.0.0.1"}}
    root.router_data = root._update_router_vars(data, root.router_data)


@pytest.fixture
def review(db_url, monkeypatch):
    monkeypatch.setenv("PTI_REVIEW_SECRET", SECRET)
    root = rx.State(_reflex_internal_init=True)
    connect(root, "connection-1")
    return root.substates[ReviewState.get_name()]


def answer(db_url, day, comment, mds=None):
    checked, _ = check_answer(PAGE, "fr", "non", "aidant", {PAGE})
    row_id = feedback_store.add_answer(checked, day, db_url)
    details, _ = check_details(comment, ["exemple"], mds, "fr")
    feedback_store.add_details(row_id, details, db_url)


def test_off_without_a_secret(db_url, monkeypatch):
    monkeypatch.delenv("PTI_REVIEW_SECRET", raising=False)
    state = rx.State(_reflex_internal_init=True).substates[ReviewState.get_name()]
    run(state, "load")
    assert state.status == "off" and not state.signed_in
    run(state, "sign_in", {"secret": SECRET})
    assert not state.signed_in and "désactivé" in state.login_error


def test_a_wrong_secret_keeps_the_door_shut(review, db_url):
    answer(db_url, dt.date(2026, 3, 2), "Un commentaire de test")
    run(review, "sign_in", {"secret": "not-the-secret"})
    assert not review.signed_in and "pas le bon" in review.login_error
    assert review.comments == [] and review.counts == []


def test_the_right_secret_shows_answers_and_comments(review, db_url):
    answer(db_url, dt.date(2026, 3, 2), "Appelez-moi au 06 12 34 56 78", mds="mds31-056")
    run(review, "sign_in", {"secret": SECRET})
    assert review.signed_in and review.status == "open"
    assert [(c["page"], c["total"], c["no"]) for c in review.counts] == [(PAGE, "1", "1")]
    (comment,) = review.comments
    assert (
        comment["comment"] == "Appelez-moi au [téléphone masqué]" and comment["territory"] == "Sud Toulousain"
    )
    assert comment["lang"] == "Français" and comment["mode"] == "aidant"
    assert review.freshness_summary["cutoff"]


def test_a_session_ends_after_15_minutes_without_action(review, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(review_state.time, "monotonic", lambda: now[0])
    run(review, "sign_in", {"secret": SECRET})
    assert review._authorized()
    assert services().settings.review_idle_seconds == 900
    now[0] += 899
    assert review._authorized()
    now[0] += 901
    assert not review._authorized()
    assert not review.signed_in and "expiré" in review.login_error


def test_filters_are_checked_and_the_csv_follows_them(review, db_url):
    answer(db_url, dt.date(2026, 2, 10), "premier trimestre", mds="mds31-056")
    answer(db_url, dt.date(2026, 4, 10), "deuxième trimestre", mds="mds31-056")
    run(review, "sign_in", {"secret": SECRET})
    run(review, "apply_filter", {"territory": "", "from": "2026-13-01", "to": ""})
    assert "from" in review.filter_errors and len(review.comments) == 2
    run(review, "apply_filter", {"territory": "Sud Toulousain", "from": "2026-01-01", "to": "2026-03-31"})
    assert review.filter_errors == {} and [c["comment"] for c in review.comments] == ["premier trimestre"]
    download = run(review, "export_csv")
    assert review.export_notice == "Fichier prêt : 1 avis."
    assert "avis-sud-toulousain-2026-01-01-2026-03-31.csv" in str(download)


def test_signing_out_forgets_everything(review, db_url):
    answer(db_url, dt.date(2026, 3, 2), "Un commentaire de test")
    run(review, "sign_in", {"secret": SECRET})
    run(review, "sign_out")
    assert not review.signed_in and review.comments == [] and review.counts == []
    run(review, "apply_filter", {"territory": "", "from": "", "to": ""})
    assert review.comments == []  # nothing is read for a signed-out session


def test_a_reused_tab_token_on_another_connection_reads_nothing(review, db_url):
    """Issue #13 item 6: a client reusing a closed tab's token was signed in and read the comments.
    The sign-in is bound to the connection it was made on (a server-issued id): the guard resets the
    team's state before a page is sent to another connection, and a handler refuses it anyway."""
    answer(db_url, dt.date(2026, 3, 2), "Un commentaire de l'équipe")
    root = review.parent_state
    marker = root.substates[SessionMarkerState.get_name()]
    asyncio.run(forget_other_connections(root, marker))
    run(review, "sign_in", {"secret": SECRET})
    assert review.signed_in and review.comments
    connect(root, "connection-2")  # same token, another connection
    assert not review._authorized() and not review.signed_in and review.comments == []
    run(review, "sign_in", {"secret": SECRET})
    connect(root, "connection-3")
    assert asyncio.run(forget_other_connections(root, marker)) is True
    assert not review.signed_in and review.comments == [] and review.counts == []


def test_signing_in_again_rebinds_to_the_new_connection(review, db_url):
    run(review, "sign_in", {"secret": SECRET})
    connect(review.parent_state, "connection-2")
    run(review, "load")
    assert not review.signed_in
    run(review, "sign_in", {"secret": SECRET})
    assert review.signed_in and review._authorized()
