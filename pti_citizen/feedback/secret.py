"""The team's secret for the review space (``/equipe``) and the CSV export endpoint.

There is no default: without ``PTI_REVIEW_SECRET`` the review space is off and says so. A secret that
is too short to resist guessing is treated as absent. Comparison is constant-time (digests of equal
length, ``hmac.compare_digest``).

Guessing is slowed **per client** (an IPv4 address, or an IPv6 /64): after 5 wrong secrets in 15
minutes that client waits, and only that client. Nobody else is ever locked out — a stranger must not
be able to keep the team from its own space — so a guess spread over many addresses is answered by
an **alert** in the team space (how many wrong secrets, since when, how many clients were made to
wait), not by a lock. The counters are shared by every worker (``pti_citizen.counters``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from enum import StrEnum

from pti_citizen.clients import client_network
from pti_citizen.counters import Counters
from pti_citizen.settings import Window, variable

logger = logging.getLogger(__name__)

ENV_VAR = variable("review_secret")
MIN_LENGTH = 16
#: Wrong secrets one client may try before it waits (its own window, then it may try again).
PER_CLIENT = (Window(5, 900),)
#: Wrong secrets, from anyone, that raise the alert in the team space.
ALERT_AFTER = (Window(20, 900),)
#: How long the team space shows the alert after the last wrong secret.
ALERT_SECONDS = 86_400
_RECORD = "review-attempts"


class Gate(StrEnum):
    OPEN = "open"  # right secret
    WRONG = "wrong"
    LOCKED = "locked"  # this client tried too often: it waits (nobody else does)
    OFF = "off"  # no secret configured
    WEAK = "weak"  # configured, but shorter than MIN_LENGTH: treated as off


@dataclass(frozen=True)
class Alert:
    """Wrong secrets seen recently (epoch seconds), for the team space."""

    failures: int
    clients_waiting: int
    first: float
    last: float


def configured(secret: str | None) -> Gate:
    """``OPEN`` when ``secret`` is usable (the space is on), ``OFF`` or ``WEAK`` otherwise."""
    if not secret:
        return Gate.OFF
    return Gate.OPEN if len(secret) >= MIN_LENGTH else Gate.WEAK


def same_secret(given: str, expected: str) -> bool:
    """Constant-time whatever the lengths: both sides are hashed to 32 bytes first."""
    a = hashlib.sha256(given.encode("utf-8", "replace")).digest()
    b = hashlib.sha256(expected.encode("utf-8", "replace")).digest()
    return hmac.compare_digest(a, b)


class ReviewGate:
    """One per process (``pti_citizen.services``), shared by the review pages and the export endpoint."""

    def __init__(
        self,
        secret: str | None = None,
        counters: Counters | None = None,
        per_client: tuple[Window, ...] | None = None,
        alert_after: tuple[Window, ...] | None = None,
    ):
        self._secret = secret
        self.counters = counters or Counters()
        self.per_client = per_client or PER_CLIENT
        self.alert_after = alert_after or ALERT_AFTER

    def status(self) -> Gate:
        return configured(self._secret)

    async def check(self, address: str | None, given: object) -> Gate:
        """``address`` is the client's (``None`` if unknown: one shared bucket)."""
        state = self.status()
        if state is not Gate.OPEN:
            return state
        client = await self.counters.pseudonym("review:" + client_network(address))
        if not await self.counters.allowed("review-fail", self.per_client, client):
            logger.info("review.sign_in outcome=waiting")
            return Gate.LOCKED
        if isinstance(given, str) and same_secret(given, self._secret):
            await self.counters.clear("review-fail", self.per_client, client)
            logger.info("review.sign_in outcome=open")
            return Gate.OPEN
        await self.counters.hit("review-fail", self.per_client, client)
        record = await self.counters.note(_RECORD, "failures", ALERT_SECONDS)
        if not await self.counters.allowed("review-fail", self.per_client, client):  # it waits from now on
            await self.counters.note(_RECORD, "waiting", ALERT_SECONDS)
        if not await self.counters.hit("review-alert", self.alert_after, "*"):
            await self.counters.note(_RECORD, "alerts", ALERT_SECONDS)
            logger.warning(
                "review.sign_in outcome=wrong alert=on failures=%d", int(record.get("failures", 0))
            )
        else:
            logger.info("review.sign_in outcome=wrong")
        return Gate.WRONG

    async def alert(self) -> Alert | None:
        """The alert to show the team, if wrong secrets crossed the alert line in the last day."""
        record = await self.counters.record(_RECORD)
        if not record.get("alerts"):
            return None
        return Alert(
            failures=int(record.get("failures", 0)),
            clients_waiting=int(record.get("waiting", 0)),
            first=record.get("first", time.time()),
            last=record.get("last", time.time()),
        )
