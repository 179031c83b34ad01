"""The team's secret for the review space (``/equipe``) and the CSV export endpoint.

There is no default: without ``PTI_REVIEW_SECRET`` the review space is off and says so. A secret that
is too short to resist guessing is treated as absent. Comparison is constant-time (digests of equal
length, ``hmac.compare_digest``), and repeated failures lock the door for a while (``Lockout``).
The secret comes from the settings (``Settings.review_secret``), given to :class:`ReviewGate`.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum

from pti_citizen.settings import variable

from .ratelimit import Lockout

ENV_VAR = variable("review_secret")
MIN_LENGTH = 16


class Gate(StrEnum):
    OPEN = "open"  # right secret
    WRONG = "wrong"
    LOCKED = "locked"  # too many failures: try again later
    OFF = "off"  # no secret configured
    WEAK = "weak"  # configured, but shorter than MIN_LENGTH: treated as off


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

    def __init__(self, lockout: Lockout | None = None, secret: str | None = None):
        self.lockout = lockout or Lockout()
        self._secret = secret

    def status(self) -> Gate:
        return configured(self._secret)

    def check(self, client: str, given: object) -> Gate:
        state = self.status()
        if state is not Gate.OPEN:
            return state
        if self.lockout.locked(client):
            return Gate.LOCKED
        if isinstance(given, str) and same_secret(given, self._secret):
            self.lockout.succeeded(client)
            return Gate.OPEN
        self.lockout.failed(client)
        return Gate.WRONG
