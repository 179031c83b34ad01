"""The review secret: off without it, too-short secrets refused, constant-time check, lockout."""

from __future__ import annotations

import hmac

import pytest

from pti_citizen.feedback import secret
from pti_citizen.feedback.ratelimit import Lockout
from pti_citizen.feedback.secret import ENV_VAR, MIN_LENGTH, Gate, ReviewGate, same_secret
from pti_citizen.settings import Settings

GOOD = "correct horse battery staple"


def test_no_secret_means_the_space_is_off():
    gate = ReviewGate(secret=None)
    assert gate.status() is Gate.OFF
    assert gate.check("a", "") is Gate.OFF and gate.check("a", "anything") is Gate.OFF


def test_a_short_secret_is_treated_as_off():
    gate = ReviewGate(secret="x" * (MIN_LENGTH - 1))
    assert gate.check("a", "x" * (MIN_LENGTH - 1)) is Gate.WEAK


def test_right_and_wrong_secrets():
    gate = ReviewGate(secret=GOOD)
    assert gate.check("a", GOOD) is Gate.OPEN
    for i, wrong in enumerate(("", GOOD[:-1], GOOD + " ", GOOD.upper(), None, 42, ["x"])):
        assert gate.check(f"b{i}", wrong) is Gate.WRONG


def test_comparison_is_constant_time_on_equal_length_digests(monkeypatch):
    seen = []
    real = hmac.compare_digest

    def spy(a, b):
        seen.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(secret.hmac, "compare_digest", spy)
    assert same_secret(GOOD, GOOD) and not same_secret("short", GOOD)
    assert seen == [(32, 32), (32, 32)]


def test_lockout_refuses_even_the_right_secret_then_reopens():
    now = [0.0]
    gate = ReviewGate(Lockout(per_client=5, overall=50, window=900, clock=lambda: now[0]), secret=GOOD)
    for _ in range(5):
        assert gate.check("attacker", "guess") is Gate.WRONG
    assert gate.check("attacker", GOOD) is Gate.LOCKED
    assert gate.check("colleague", GOOD) is Gate.OPEN
    now[0] += 901
    assert gate.check("attacker", GOOD) is Gate.OPEN


def test_guessing_from_many_addresses_locks_everyone():
    gate = ReviewGate(Lockout(per_client=5, overall=20, window=900, clock=lambda: 0.0), secret=GOOD)
    for i in range(20):
        gate.check(f"botnet-{i}", "guess")
    assert gate.check("colleague", GOOD) is Gate.LOCKED


@pytest.mark.parametrize("value", ["", "short"])
def test_configured_reads_the_environment(monkeypatch, value):
    monkeypatch.setenv(ENV_VAR, value)
    assert secret.configured(Settings().review_secret_value()) in (Gate.OFF, Gate.WEAK)
    monkeypatch.setenv(ENV_VAR, GOOD)
    assert secret.configured(Settings().review_secret_value()) is Gate.OPEN
