"""The review secret: off without it, too-short secrets refused, constant-time check; wrong guesses
slow down the client that makes them (IPv6 by /64) and raise an alert — they never lock the team out."""

from __future__ import annotations

import asyncio
import hmac
import time

import pytest

from pti_citizen.counters import Counters
from pti_citizen.feedback import secret
from pti_citizen.feedback.secret import ENV_VAR, MIN_LENGTH, Gate, ReviewGate, same_secret
from pti_citizen.settings import Settings, Window

GOOD = "correct horse battery staple"


def check(gate: ReviewGate, address: str | None, given: object) -> Gate:
    return asyncio.run(gate.check(address, given))


def test_no_secret_means_the_space_is_off():
    gate = ReviewGate(secret=None)
    assert gate.status() is Gate.OFF
    assert check(gate, "192.0.2.1", "") is Gate.OFF and check(gate, "192.0.2.1", "anything") is Gate.OFF


def test_a_short_secret_is_treated_as_off():
    assert ReviewGate(secret="x" * (MIN_LENGTH - 1)).status() is Gate.WEAK
    assert ReviewGate(secret="x" * MIN_LENGTH).status() is Gate.OPEN


def test_right_and_wrong_secrets():
    gate = ReviewGate(secret=GOOD)
    assert check(gate, "192.0.2.1", GOOD) is Gate.OPEN
    assert check(gate, "192.0.2.1", "wrong") is Gate.WRONG
    assert check(gate, "192.0.2.1", None) is Gate.WRONG and check(gate, "192.0.2.1", ["list"]) is Gate.WRONG


def test_comparison_is_constant_time_on_equal_length_digests(monkeypatch):
    seen = []
    compare = hmac.compare_digest

    def spy(a, b):
        seen.append((len(a), len(b)))
        return compare(a, b)

    monkeypatch.setattr(secret.hmac, "compare_digest", spy)
    assert same_secret("short", GOOD) is False
    assert same_secret(GOOD, GOOD) is True
    assert seen == [(32, 32), (32, 32)]


def test_a_guessing_client_waits_and_nobody_else_does():
    gate = ReviewGate(secret=GOOD, per_client=(Window(5, 1),))
    assert [check(gate, "198.51.100.7", f"guess-{i}") for i in range(5)] == [Gate.WRONG] * 5
    assert check(gate, "198.51.100.7", GOOD) is Gate.LOCKED  # even the right secret: no free oracle
    assert check(gate, "192.0.2.44", GOOD) is Gate.OPEN  # the team, from elsewhere, gets in
    time.sleep(1.1)  # the client's own window passes
    assert check(gate, "198.51.100.7", GOOD) is Gate.OPEN


def test_an_ipv6_client_is_its_64_network():
    gate = ReviewGate(secret=GOOD)
    for i in range(5):
        assert check(gate, f"2001:db8:aa:1::{i + 1:x}", "guess") is Gate.WRONG
    assert check(gate, "2001:db8:aa:1:ffff:ffff:ffff:ffff", GOOD) is Gate.LOCKED
    assert check(gate, "2001:db8:aa:2::1", GOOD) is Gate.OPEN


def test_guessing_from_many_addresses_never_locks_the_team_out_and_raises_the_alert():
    """Issue #13 item 3: 18–20 wrong secrets from four addresses used to lock everyone out."""
    gate = ReviewGate(secret=GOOD, counters=Counters())
    assert asyncio.run(gate.alert()) is None
    for n in range(40):
        for _ in range(6):
            check(gate, f"203.0.113.{n}", "guess")
    assert check(gate, "192.0.2.44", GOOD) is Gate.OPEN
    alert = asyncio.run(gate.alert())
    assert alert is not None and alert.failures == 200 and alert.clients_waiting == 40
    assert alert.first <= alert.last <= time.time()


@pytest.mark.parametrize(("value", "state"), [("", Gate.OFF), ("short", Gate.WEAK), (GOOD, Gate.OPEN)])
def test_configured_reads_the_environment(monkeypatch, value, state):
    monkeypatch.setenv(ENV_VAR, value)
    assert ReviewGate(secret=Settings().review_secret_value()).status() is state
