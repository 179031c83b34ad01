"""Rate limits and lockout, with a fake clock: a script cannot flood the table or guess the secret."""

from __future__ import annotations

import pytest

from pti_citizen.feedback.ratelimit import (
    OVERALL,
    PER_ADDRESS,
    PER_SESSION,
    FeedbackLimiter,
    Lockout,
    SlidingWindow,
    Window,
    client_key,
    parse_windows,
)
from pti_citizen.services import Services
from pti_citizen.settings import PREFIX, Settings


def limiter_from_environment(environ, monkeypatch):
    """The limiter the app builds from its settings, the variables being ``environ`` only."""
    for name in Settings.model_fields:
        monkeypatch.delenv(PREFIX + name.upper(), raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return Services.build(Settings()).feedback_limiter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_client_keys_are_stable_pseudonyms_not_the_identifier():
    key = client_key("192.0.2.10")
    assert key == client_key("192.0.2.10") != client_key("192.0.2.11")
    assert "192" not in key and len(key) == 32


def test_sliding_window_refuses_then_forgets_old_events():
    clock = Clock()
    window = SlidingWindow((Window(3, 60),), clock=clock)
    assert [window.hit("a") for _ in range(4)] == [True, True, True, False]
    assert window.hit("b")  # another client is not affected
    clock.now += 61
    assert window.hit("a")


def test_memory_is_bounded():
    window = SlidingWindow((Window(1, 60),), max_keys=100)
    for i in range(1000):
        window.hit(f"k{i}")
    assert len(window._events) == 100


def test_one_session_is_limited_and_refusals_are_not_counted():
    clock = Clock()
    limiter = FeedbackLimiter(per_session=(Window(10, 600),), clock=clock)
    results = [limiter.check("s1", "ip1") for _ in range(15)]
    assert results[:10] == [None] * 10 and set(results[10:]) == {"client"}
    assert limiter.check("s2", "ip2") is None
    clock.now += 601
    assert limiter.check("s1", "ip1") is None


def test_new_sessions_from_one_address_are_caught_by_the_address_limit():
    limiter = FeedbackLimiter(per_address=(Window(60, 600),), clock=Clock())
    results = [limiter.check(f"session-{i}", "ip1") for i in range(80)]
    assert results.count(None) == 60 and results[-1] == "client"


def test_many_addresses_are_caught_by_the_overall_limit():
    limiter = FeedbackLimiter(overall=(Window(300, 600),), clock=Clock())
    results = [limiter.check(f"s{i}", f"ip{i}") for i in range(400)]
    assert results.count(None) == 300 and results[-1] == "global"


def test_lockout_after_repeated_failures_per_client_and_overall():
    clock = Clock()
    lockout = Lockout(per_client=5, overall=20, window=900, clock=clock)
    for _ in range(5):
        assert not lockout.locked("a")
        lockout.failed("a")
    assert lockout.locked("a") and not lockout.locked("b")
    for i in range(15):
        lockout.failed(f"other-{i}")
    assert lockout.locked("b")  # 20 failures overall: everyone waits
    clock.now += 901
    assert not lockout.locked("a") and not lockout.locked("b")


def test_limits_can_be_raised_by_configuration_for_a_campaign_or_a_load_test(monkeypatch):
    limiter = limiter_from_environment(
        {"PTI_FEEDBACK_LIMIT_ADDRESS": "1000/600", "PTI_FEEDBACK_LIMIT_OVERALL": "1000/600, 20000/86400"},
        monkeypatch,
    )
    results = [limiter.check(f"session-{i}", "ip1") for i in range(400)]
    assert results.count(None) == 400  # 400 people behind one address, all counted
    assert limiter.sessions.windows == PER_SESSION  # what was not set keeps its default


def test_without_configuration_the_defaults_apply(monkeypatch):
    limiter = limiter_from_environment({}, monkeypatch)
    assert (limiter.sessions.windows, limiter.addresses.windows, limiter.overall.windows) == (
        PER_SESSION,
        PER_ADDRESS,
        OVERALL,
    )
    results = [limiter.check(f"session-{i}", "ip1") for i in range(80)]
    assert results.count(None) == 60


@pytest.mark.parametrize(
    "text", ["", "60", "60/", "sixty/600", "0/600", "60/0", "60/600;400/86400", "-1/600"]
)
def test_a_mistyped_limit_is_refused_loudly(text):
    with pytest.raises(ValueError, match="PTI_FEEDBACK_LIMIT_OVERALL"):
        parse_windows(text, "PTI_FEEDBACK_LIMIT_OVERALL")


def test_windows_are_read_as_count_per_seconds():
    assert parse_windows(" 60/600 ,400/86400") == (Window(60, 600), Window(400, 86_400))
