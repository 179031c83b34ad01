"""The abuse counters are shared by the workers through their Redis (issue #13 item 3): two
« workers » (two processes' worth of objects, one Redis) see one count, not one each."""

from __future__ import annotations

import asyncio

from pti_citizen.counters import Counters
from pti_citizen.feedback.ratelimit import FeedbackLimiter
from pti_citizen.feedback.secret import Gate, ReviewGate
from pti_citizen.settings import Window

SECRET = "shared-limits-team-secret"


def test_two_workers_share_the_feedback_and_sign_in_limits(redis):
    async def run():
        first, second = (
            Counters(redis.url, namespace="shared-test"),
            Counters(redis.url, namespace="shared-test"),
        )
        limiters = [FeedbackLimiter(c, per_session=(Window(10, 600),)) for c in (first, second)]
        clients = [await limiter.client("one-tab", "192.0.2.5") for limiter in limiters]
        assert clients[0] == clients[1]  # the same pseudonym in every worker (a pepper kept in Redis)
        refusals = [(await limiters[i % 2].admit(clients[i % 2])).refused for i in range(14)]
        gates = [ReviewGate(secret=SECRET, counters=c) for c in (first, second)]
        tries = [await gates[i % 2].check("203.0.113.77", "guess") for i in range(6)]
        alert_seen_by_the_other = await gates[1].alert() is None  # 5 failures: under the alert line
        return refusals, tries, alert_seen_by_the_other

    refusals, tries, no_alert = asyncio.run(run())
    assert refusals == [None] * 10 + ["client"] * 4  # 10 in all, not 10 per worker
    assert tries == [Gate.WRONG] * 5 + [Gate.LOCKED]
    assert no_alert


def test_two_workers_share_the_new_sessions_count_in_fixed_windows(redis):
    """The count made on every page load (``sliding=False``): shared as well, every window."""

    async def run():
        first, second = (
            Counters(redis.url, namespace="sessions-test"),
            Counters(redis.url, namespace="sessions-test"),
        )
        windows = (Window(5, 600), Window(7, 86_400))
        key = await first.pseudonym("ws:198.51.100.0")
        opened = [
            await (first, second)[i % 2].hit("ws-sessions", windows, key, sliding=False) for i in range(8)
        ]
        other = await second.hit(
            "ws-sessions", windows, await second.pseudonym("ws:203.0.113.0"), sliding=False
        )
        return opened, other

    opened, other_client = asyncio.run(run())
    assert opened == [True] * 5 + [False] * 3  # 5 per 10 minutes for the two workers together
    assert other_client
