"""Storing what a person sends, with the abuse limits around it: one place for the widget's state
(websocket) and any other way in (a JSON endpoint for static pages), so that every path is limited,
masked and kept out of the statistics in the same way.

The answers themselves are checked first (``submission``: field messages, masking); then
:class:`FeedbackIntake` asks the limiter, stores (apart or counted), and sets apart the earlier rows
of an address that turns out to be flooding.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Protocol

from .ratelimit import FeedbackLimiter
from .submission import Answer, Details

logger = logging.getLogger(__name__)


class FeedbackStoreUnavailable(Exception):
    """The feedback table cannot be written (database down…)."""


class FeedbackStore(Protocol):
    """Where answers go (``pti_citizen.db.feedback_store.DatabaseFeedback``); each method may raise
    :class:`FeedbackStoreUnavailable`."""

    def add_answer(self, answer: Answer, today: dt.date, *, apart: bool) -> int: ...
    def add_details(self, row_id: int, details: Details) -> bool: ...
    def set_apart(self, row_ids: tuple[int, ...]) -> int: ...


@dataclass(frozen=True)
class Stored:
    """``row_id`` of the stored answer, or why nothing was stored: ``"client"``, ``"global"`` (limits),
    ``"storage"`` (the database)."""

    row_id: int | None = None
    refused: str | None = None


@dataclass(frozen=True)
class DetailsAdded:
    """``refused`` as in :class:`Stored`; ``stored`` is false when nothing was written (no details,
    or the row had its details already: they are kept once)."""

    refused: str | None = None
    stored: bool = False


class FeedbackIntake:
    def __init__(self, limiter: FeedbackLimiter, store: FeedbackStore):
        self.limiter = limiter
        self.store = store

    async def _admit(self, session_token: str, address: str | None):
        client = await self.limiter.client(session_token, address)
        return client, await self.limiter.admit(client)

    async def _set_apart(self, rows: tuple[int, ...]) -> None:
        if rows:
            await asyncio.to_thread(self.store.set_apart, rows)
            logger.warning("feedback.flood rows_set_apart=%d", len(rows))

    async def answer(self, answer: Answer, today: dt.date, session_token: str, address: str | None) -> Stored:
        """Store a checked « Oui »/« Non » (the first step)."""
        client, admission = await self._admit(session_token, address)
        if admission.refused:
            logger.info("feedback.answer outcome=refused reason=%s", admission.refused)
            return Stored(refused=admission.refused)
        try:
            row_id = await asyncio.to_thread(self.store.add_answer, answer, today, apart=admission.apart)
            await self._set_apart(admission.also_apart)
        except FeedbackStoreUnavailable:
            return Stored(refused="storage")
        await self.limiter.stored(client, row_id, admission)
        return Stored(row_id=row_id)

    async def details(
        self, row_id: int, details: Details, session_token: str, address: str | None
    ) -> DetailsAdded:
        """Attach the optional second step to ``row_id`` (once)."""
        if details.empty:
            return DetailsAdded()
        _client, admission = await self._admit(session_token, address)
        if admission.refused:
            logger.info("feedback.details outcome=refused reason=%s", admission.refused)
            return DetailsAdded(refused=admission.refused)
        try:
            stored = await asyncio.to_thread(self.store.add_details, row_id, details)
            rows = admission.also_apart + ((row_id,) if admission.apart else ())
            await self._set_apart(rows)
        except FeedbackStoreUnavailable:
            return DetailsAdded(refused="storage")
        return DetailsAdded(stored=stored)
