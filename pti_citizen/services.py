"""The app's long-lived objects, built once from the settings: the one place where they are wired.

Core modules never reach for configuration or for each other's globals: they take what they need
as arguments. The HTTP API receives a :class:`Services` (``web.api.create_api(services)``); Reflex
states, which cannot be given constructor arguments, ask :func:`services` for the same object.
Tests build their own ``Services.build(Settings(...))``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pti_citizen.counters import Counters
from pti_citizen.db.feedback_store import DatabaseFeedback
from pti_citizen.db.kiosque_store import DatabaseKiosques
from pti_citizen.directory import get_directory
from pti_citizen.feedback.intake import FeedbackIntake
from pti_citizen.feedback.ratelimit import FeedbackLimiter
from pti_citizen.feedback.secret import ReviewGate
from pti_citizen.kiosques import KiosqueCalendar
from pti_citizen.origins import Origins
from pti_citizen.settings import Settings, get_settings


@dataclass(frozen=True)
class Services:
    settings: Settings
    #: Abuse counters, in the workers' shared Redis (or this process's memory without one).
    counters: Counters
    #: The team's secret, its per-client waits and its alert, shared by ``/equipe`` and the CSV endpoint.
    review_gate: ReviewGate
    #: Abuse limits of the « Est-ce que cette page est claire ? » question.
    feedback_limiter: FeedbackLimiter
    #: Storing an answer with those limits: every way in (websocket, JSON) goes through it.
    feedback: FeedbackIntake
    #: Kiosques Insertion: the team publishes through it, the directory's searches read it.
    kiosques: KiosqueCalendar
    #: The public origins: which hosts are answered, and the origin of absolute links.
    origins: Origins

    @classmethod
    def build(cls, settings: Settings) -> Services:
        counters = Counters(settings.redis_url)
        limiter = FeedbackLimiter(
            counters,
            per_session=settings.feedback_limit_session,
            per_address=settings.feedback_limit_address,
            overall=settings.feedback_limit_overall,
            usual_address=settings.feedback_usual_address,
            ceiling=settings.feedback_ceiling,
        )
        return cls(
            settings=settings,
            counters=counters,
            review_gate=ReviewGate(
                secret=settings.review_secret_value(),
                counters=counters,
                per_client=settings.review_failures_client,
                alert_after=settings.review_alert_failures,
            ),
            feedback_limiter=limiter,
            feedback=FeedbackIntake(limiter, DatabaseFeedback(settings.database_url)),
            kiosques=KiosqueCalendar(DatabaseKiosques(settings.database_url), get_directory().kiosques),
            origins=Origins.from_settings(settings),
        )


@cache
def services() -> Services:
    """This process's services, from :func:`~pti_citizen.settings.get_settings`."""
    return Services.build(get_settings())
