"""Feedback limits: a script cannot flood the table, cannot switch the question off for everyone,
and cannot skew the figures. Counted in memory here (the same ``limits`` counters the workers share
through Redis: ``tests/reliability/test_shared_limits.py``)."""

from __future__ import annotations

import asyncio

import pytest

from pti_citizen.counters import Counters
from pti_citizen.feedback.ratelimit import (
    CEILING,
    OVERALL,
    PER_ADDRESS,
    PER_SESSION,
    USUAL_ADDRESS,
    FeedbackLimiter,
    Window,
    parse_windows,
)
from pti_citizen.services import Services
from pti_citizen.settings import Settings, variable


def limiter_from_environment(environ, monkeypatch):
    """The limiter the app builds from its settings, the variables being ``environ`` only."""
    for name in Settings.model_fields:
        monkeypatch.delenv(variable(name), raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return Services.build(Settings()).feedback_limiter


def send(limiter: FeedbackLimiter, session: str, address: str | None, times: int = 1, first_row: int = 0):
    """``times`` sendings (rows numbered from ``first_row``); the admissions, in order."""

    async def go():
        client = await limiter.client(session, address)
        found = []
        for row in range(first_row, first_row + times):
            admission = await limiter.admit(client)
            found.append(admission)
            if not admission.refused:
                await limiter.stored(client, row, admission)
        return found

    return asyncio.run(go())


def test_one_session_is_limited_and_refusals_are_not_counted():
    limiter = FeedbackLimiter(Counters(), per_session=(Window(3, 600),))
    results = send(limiter, "tab", "192.0.2.1", 5)
    assert [a.refused for a in results] == [None, None, None, "client", "client"]


def test_new_sessions_from_one_address_are_caught_by_the_address_limit():
    limiter = FeedbackLimiter(Counters(), per_address=(Window(4, 600),), usual_address=(Window(100, 600),))
    refused = [send(limiter, f"tab-{i}", "192.0.2.1")[0].refused for i in range(6)]
    assert refused == [None, None, None, None, "client", "client"]


def test_an_ipv6_client_is_one_client_whatever_address_of_its_64_it_uses():
    limiter = FeedbackLimiter(Counters(), per_address=(Window(3, 600),), usual_address=(Window(100, 600),))
    refused = [send(limiter, f"tab-{i}", f"2001:db8:1:2::{i + 1:x}")[0].refused for i in range(4)]
    assert refused == [None, None, None, "client"]
    assert send(limiter, "tab-x", "2001:db8:1:3::1")[0].refused is None  # another /64: another client


def test_five_addresses_flooding_neither_close_the_question_nor_count():
    """The attack of issue #13 item 4: 5 addresses × 60 answers in a few seconds (300, the old site-wide
    cap). With the default limits, a sixth person is still heard and counted; every flood answer is
    kept apart from the figures — those sent before the address crossed the line too."""
    limiter = FeedbackLimiter(Counters())
    row = 0
    for n in range(5):
        counted, set_apart = set(), set()
        for i in range(61):
            (admission,) = send(limiter, f"bot-{n}-{i}", f"198.51.100.{n}", first_row=row)
            if i < 60:
                assert admission.refused is None
                (set_apart if admission.apart else counted).add(row)
                set_apart |= set(admission.also_apart)
            else:
                assert admission.refused == "client"  # the 61st: over the per-address limit
            row += 1
        assert counted <= set_apart and len(set_apart) == 60  # nothing of the flood is counted
    person = send(limiter, "a-person", "203.0.113.9", first_row=row)[0]
    assert person.refused is None and not person.apart


def test_a_surge_from_many_addresses_is_stored_apart_then_refused_at_the_ceiling():
    limiter = FeedbackLimiter(Counters(), overall=(Window(10, 600),), ceiling=(Window(15, 600),))
    admissions = [send(limiter, f"tab-{i}", f"192.0.2.{i}")[0] for i in range(17)]
    assert [a.apart for a in admissions[:10]] == [False] * 10
    assert all(a.apart and not a.refused for a in admissions[10:15])
    assert [a.refused for a in admissions[15:]] == ["global", "global"]


def test_limits_can_be_raised_by_configuration_for_a_campaign_or_a_load_test(monkeypatch):
    limiter = limiter_from_environment(
        {
            "PTI_FEEDBACK_LIMIT_SESSION": "2/60",
            "PTI_FEEDBACK_LIMIT_ADDRESS": "5/60",
            "PTI_FEEDBACK_LIMIT_OVERALL": "600/600,10000/86400",
            "PTI_FEEDBACK_USUAL_ADDRESS": "4/60",
            "PTI_FEEDBACK_CEILING": "900/600",
        },
        monkeypatch,
    )
    assert limiter.per_session == (Window(2, 60),) and limiter.per_address == (Window(5, 60),)
    assert limiter.overall == (Window(600, 600), Window(10_000, 86_400))
    assert limiter.usual_address == (Window(4, 60),) and limiter.ceiling == (Window(900, 600),)


def test_without_configuration_the_defaults_apply(monkeypatch):
    limiter = limiter_from_environment({}, monkeypatch)
    assert (limiter.per_session, limiter.per_address, limiter.overall) == (PER_SESSION, PER_ADDRESS, OVERALL)
    assert (limiter.usual_address, limiter.ceiling) == (USUAL_ADDRESS, CEILING)


@pytest.mark.parametrize("text", ["", "10", "10/", "/600", "0/600", "10/0", "ten/600", "10/600;5/60"])
def test_a_mistyped_limit_is_refused_loudly(text):
    with pytest.raises(ValueError, match="PTI_FEEDBACK_LIMIT_OVERALL"):
        parse_windows(text, "PTI_FEEDBACK_LIMIT_OVERALL")


def test_windows_are_read_as_count_per_seconds():
    assert parse_windows(" 60/600 ,400/86400") == (Window(60, 600), Window(400, 86_400))


def test_counters_hold_pseudonyms_not_addresses():
    counters = Counters()
    key = asyncio.run(counters.pseudonym("192.0.2.10"))
    assert key == asyncio.run(counters.pseudonym("192.0.2.10")) and "192" not in key and len(key) == 32
    assert asyncio.run(Counters().pseudonym("192.0.2.10")) != key  # a key of this process only
