"""Limits that keep the feedback question up for everyone while a script floods it, and keep the
flood out of the statistics.

Three kinds of limit, all counted in :class:`~pti_citizen.counters.Counters` (Redis shared by the
workers, or this process's memory), keyed by pseudonyms of the session and of the client address
(IPv6: its /64):

- **refused** — one session (10 in 10 min), one address (60 in 10 min), and a site-wide *ceiling*
  far above real use (3 000 in 10 min) that only protects the disk. The person is told in their
  language; nothing is stored.
- **set apart** — an address that sends more than people usually do (20 in 10 min, 100 a day)
  has *all* its answers of that window set apart, including the ones stored before it crossed
  the line; and while the whole site receives more than usual (``overall``, 300 in 10 min), every
  new answer is set apart. Answers set apart are stored (the person is thanked as usual) but do
  not count in the team's figures, its « non » ratios or its export (``docs/feedback.md``).

So five addresses sending 60 answers each no longer switch the question off for the whole
département, and their 300 rows do not skew the « non » ratios.
"""

from __future__ import annotations

from dataclasses import dataclass

from pti_citizen.clients import client_network
from pti_citizen.counters import Counters
from pti_citizen.settings import Window, parse_windows

__all__ = [
    "CEILING",
    "OVERALL",
    "PER_ADDRESS",
    "PER_SESSION",
    "USUAL_ADDRESS",
    "Admission",
    "FeedbackLimiter",
    "Window",
    "parse_windows",
]

GLOBAL = "*"

#: One person answers a few pages in a visit: 10 sendings in 10 minutes, 40 a day, is plenty.
PER_SESSION = (Window(10, 600), Window(40, 86_400))
#: One address may be a whole MDS behind one router (several kiosks): higher, but still bounded.
PER_ADDRESS = (Window(60, 600), Window(400, 86_400))
#: What one address usually sends (an MDS with 10 terminals: about 10 in 10 minutes); above, a flood.
USUAL_ADDRESS = (Window(20, 600), Window(100, 86_400))
#: What the whole département usually sends; above, a surge: new answers are set apart.
OVERALL = (Window(300, 600), Window(5_000, 86_400))
#: What the disk is protected by: above, answers are refused.
CEILING = (Window(3_000, 600), Window(20_000, 86_400))


@dataclass(frozen=True)
class Admission:
    """What to do with one sending: ``refused`` is ``"client"``, ``"global"`` or ``None``; ``apart``
    says the new row is kept out of the statistics; ``also_apart`` lists rows of the same address
    stored earlier in the window, to set apart now."""

    refused: str | None = None
    apart: bool = False
    also_apart: tuple[int, ...] = ()


@dataclass(frozen=True)
class Client:
    session: str
    address: str | None


class FeedbackLimiter:
    """``await admit(session, address)`` before storing; ``await stored(client, row_id, apart)`` after.
    ``None`` for a limit means its default; the app passes ``Settings.feedback_*``."""

    def __init__(
        self,
        counters: Counters | None = None,
        per_session: tuple[Window, ...] | None = None,
        per_address: tuple[Window, ...] | None = None,
        overall: tuple[Window, ...] | None = None,
        usual_address: tuple[Window, ...] | None = None,
        ceiling: tuple[Window, ...] | None = None,
    ):
        self.counters = counters or Counters()
        self.per_session = per_session or PER_SESSION
        self.per_address = per_address or PER_ADDRESS
        self.overall = overall or OVERALL
        self.usual_address = usual_address or USUAL_ADDRESS
        self.ceiling = ceiling or CEILING
        self.remember_seconds = max(w.seconds for w in self.usual_address)

    async def client(self, session_token: str, address: str | None) -> Client:
        """Pseudonyms of a session token and of an address's network (never the values themselves)."""
        session = await self.counters.pseudonym("feedback-session:" + session_token)
        network = await self.counters.pseudonym("feedback-ip:" + client_network(address)) if address else None
        return Client(session, network)

    async def admit(self, client: Client) -> Admission:
        """One round trip per window (``limits`` counts and checks at once); a sending refused by a
        later limit has counted in the earlier ones — its own session's and address's."""
        c = self.counters
        if not await c.hit("fb-session", self.per_session, client.session):
            return Admission(refused="client")
        if client.address and not await c.hit("fb-address", self.per_address, client.address):
            return Admission(refused="client")
        if not await c.hit("fb-ceiling", self.ceiling, GLOBAL):
            return Admission(refused="global")
        apart, earlier = False, ()
        if client.address and not await c.hit("fb-usual", self.usual_address, client.address):
            apart = True
            earlier = tuple(int(v) for v in await c.take("fb-rows:" + client.address) if v.isdigit())
        # Only counted answers make a surge: one flooding address does not set apart everyone else's.
        if not apart:
            apart = not await c.hit("fb-overall", self.overall, GLOBAL)
        return Admission(apart=apart, also_apart=earlier)

    async def stored(self, client: Client, row_id: int, admission: Admission) -> None:
        """Remember a counted row, in case its address turns out to be flooding later in the window."""
        if client.address and not admission.apart:
            await self.counters.remember("fb-rows:" + client.address, str(row_id), self.remember_seconds)
